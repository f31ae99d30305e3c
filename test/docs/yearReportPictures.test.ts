// The year's reports as printed: 年度统计 and 验收结果名单 converted to PDF by LibreOffice, page 1 rendered to
// PNG; 年度统计 checked to be one page. The PNGs in docs/ (README shows them) are made by
// `UPDATE_DOCS=1 npx jest test/docs/yearReportPictures.test.ts`.

import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { acceptanceList } from "../../src/core/acceptanceList";
import { annualFigures } from "../../src/core/annual";
import { demoData } from "../../src/core/demo";
import type { SheetLayout } from "../../src/forms/layout";
import { acceptanceListLayout, annualLayout } from "../../src/forms/yearReports";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { convert, firstPagePng } from "../helpers/libreoffice";
import { d, guangxi, logEntry, shanghai } from "../core/fixtures";

jest.setTimeout(180_000);

function reports(): [string, SheetLayout][] {
  const pd = "浦东新区生态环境局";
  const rows = demoData({ profile: shanghai, district: pd, seed: 3, today: d("2026-02-20") }).rows.map((r, i) => ({
    ...r,
    row: i + 2,
    sheet: "企业名单台账",
    cells: {},
  }));
  const log = [
    logEntry(shanghai, { name: rows[3]!.name, creditCode: rows[3]!.creditCode, on: "2025-07-15", change: "rename", result: "rename", evidence: "营业执照变更通知书" }),
    logEntry(shanghai, { name: rows[5]!.name, creditCode: rows[5]!.creditCode, on: "2025-08-20", change: "closure", result: "revoke", evidence: "注销登记证明" }),
  ];
  const figures = annualFigures({ rows, log, profile: shanghai }, 2025, d("2025-12-31"));
  const nn = "南宁市生态环境局";
  const gx = demoData({ profile: guangxi, district: nn, seed: 3, today: d("2026-12-31") }).rows.map((r, i) => ({
    ...r,
    row: i + 2,
    sheet: "企业名单台账",
    cells: {},
  }));
  // Two of the year's acceptances failed: one on its score, one on a key indicator (附件8 注).
  const accepted = gx.filter((r) => r.acceptedOn !== null);
  Object.assign(accepted[0]!, { acceptanceScore: 55.5, acceptanceResult: "不合格" });
  Object.assign(accepted[1]!, { acceptanceResult: "不合格" });
  const list = acceptanceList(gx, d("2025-01-01"), d("2026-12-31"));
  return [
    ["form-年度统计", annualLayout(figures, shanghai, { district: pd, preparer: "张三", preparedOn: d("2026-02-20") })],
    ["form-验收结果名单", acceptanceListLayout(list, guangxi, { district: nn, preparer: "李四", preparedOn: d("2027-01-08") })],
  ];
}

/** Pages of a PDF, as pdfinfo counts them. */
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);

describe("the year's reports as printed", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "year-png-"));
  it.each(reports())("renders %s on A4", async (name, layout) => {
    const wb = new ExcelJS.Workbook();
    writeLayout(wb, layout);
    const xlsx = path.join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(xlsx);
    // 年度统计 is one page whatever the figures; a list flows onto more pages, its tables one page wide.
    if (name === "form-年度统计") expect(pages(convert([xlsx], "pdf")[0]!)).toBe(1);
    const png = path.join(dir, `${name}.png`);
    firstPagePng(xlsx, png, 70);
    expect(statSync(png).size).toBeGreaterThan(10_000);
    if (process.env.UPDATE_DOCS) copyFileSync(png, path.resolve(__dirname, "../../docs", `${name}.png`));
  });
});
