// The centre's HTML report rendered in Chromium, and its 统计看板 sheet as cpa consolidate and the web page write
// it, charts included, rendered by LibreOffice; `UPDATE_DOCS=1` keeps the pictures in docs/ for README.

import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { cityReport, districtReport } from "../../src/core/consolidate";
import { parseQuarter } from "../../src/core/dates";
import { demoData } from "../../src/core/demo";
import { getProfile } from "../../src/core/profiles";
import type { LoadedWorkbook } from "../../src/core/workbook";
import { defaultSettings } from "../../src/core/settings";
import { dashboardLayout } from "../../src/forms/centreForms";
import { cityReportHtml } from "../../src/forms/report";
import { layoutWorkbookBytes } from "../../src/xlsx/layoutWorkbook";
import { convert, firstPagePng } from "../helpers/libreoffice";
import { d } from "../core/fixtures";

jest.setTimeout(120_000);

/** Twelve Shanghai districts' demo registers, one stamped late, one changed since, one sent twice, and one unreadable file. */
function city() {
  const profile = getProfile("shanghai");
  const q = parseQuarter("2026Q3")!;
  const districts = profile.districts.slice(0, 12).map((name, i) => {
    const data = demoData({ profile, district: name, seed: i + 1, today: d("2026-10-05") });
    const wb: LoadedWorkbook = {
      settings: defaultSettings("shanghai", `${name}生态环境局`),
      profile,
      rows: data.rows.map((r, k) => ({ ...r, row: k + 2, sheet: "企业名单台账", cells: {} })),
      log: [],
      archives: new Map(),
      readIssues: [],
    };
    const stamp = { district: `${name}生态环境局`, preparer: "张三", quarter: "2026Q3", stampedAt: i === 3 ? "2026-10-12T09:00+08:00" : "2026-10-09T09:00+08:00", profile: "上海市", counts: [], sheets: [], sha256: "0".repeat(64) };
    return districtReport(`${name}.xlsx`, wb, q, { state: i === 5 ? "changed" : "unchanged", changedSheets: i === 5 ? ["附表3 2026Q3"] : [], stamp });
  });
  // 黄浦区 sent an earlier file too: listed, not counted.
  const first = districts[0]!;
  const older = { ...first.verification.stamp!, stampedAt: "2026-10-08T15:00+08:00", sha256: "1".repeat(64) };
  const resent = { ...first, file: "黄浦区-第一次.xlsx", source: "黄浦区-第一次.xlsx", verification: { ...first.verification, stamp: older } };
  return cityReport(q, profile, [resent, ...districts], [{ file: "奉贤区.xlsx", reason: "文件已损坏，或不是 Excel 工作簿" }]);
}

it("renders the 统计看板 sheet with its two charts outside Excel", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dashboard-"));
  const xlsx = path.join(dir, "dashboard.xlsx");
  writeFileSync(xlsx, (await layoutWorkbookBytes([dashboardLayout(city())])).bytes);
  // The charts' titles are nowhere in the cells: in LibreOffice's PDF they come from the charts it drew.
  const [pdf] = convert([xlsx], "pdf");
  const printed = execFileSync("pdftotext", [pdf!, "-"], { encoding: "utf8" });
  expect(printed).toContain("各区企业阶段");
  expect(printed).toContain("各类逾期企业数");
  const png = process.env.UPDATE_DOCS ? path.resolve(__dirname, "../../docs/dashboard.png") : path.join(dir, "dashboard.png");
  firstPagePng(xlsx, png, 70);
  expect(statSync(png).size).toBeGreaterThan(20_000);
});

it("renders the city report, charts included, with no network", async () => {
  const html = cityReportHtml(city(), "上海市强制性清洁生产审核2026Q3汇总");
  expect(html).not.toMatch(/<(script|link|img)\b/);
  const dir = mkdtempSync(path.join(tmpdir(), "report-"));
  const file = path.join(dir, "report.html");
  writeFileSync(file, html);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] });
  try {
    const page = await browser.newPage({ viewport: { width: 940, height: 900 } });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    expect(requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
    expect(await page.locator("svg").count()).toBe(2);
    const png = process.env.UPDATE_DOCS ? path.resolve(__dirname, "../../docs/report.png") : path.join(dir, "report.png");
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(20_000);
  } finally {
    await browser.close();
  }
});
