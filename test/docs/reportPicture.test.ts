// The centre's HTML report rendered in Chromium; `UPDATE_DOCS=1` keeps the picture in docs/ for README.

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
import { cityReportHtml } from "../../src/forms/report";
import { d } from "../core/fixtures";

jest.setTimeout(120_000);

it("renders the city report, charts included, with no network", async () => {
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
  const html = cityReportHtml(cityReport(q, profile, districts, [{ file: "奉贤区.xlsx", reason: "文件已损坏，或不是 Excel 工作簿" }]), "上海市强制性清洁生产审核2026Q3汇总");
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
