// The picture check: each generated form converted to PDF by LibreOffice and page 1 rendered to PNG.
// The PNGs kept in docs/ (README shows them) are made by `UPDATE_DOCS=1 npx jest test/docs`.

import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseQuarter } from "../../src/core/dates";
import { demoData } from "../../src/core/demo";
import { adjustmentRows, implementationRows } from "../../src/core/quarterly";
import { rowContexts } from "../../src/core/status";
import { adjustmentLayout, implementationLayout } from "../../src/forms/quarterlyForms";
import { panelLayout, scoreSheetLayout } from "../../src/forms/scoresheets";
import type { SheetLayout } from "../../src/forms/layout";
import { evaluationRubric, rubricItems } from "../../src/core/rubrics";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { archiveLayout } from "../../src/forms/archiveForm";
import { performanceLayout } from "../../src/forms/performanceForm";
import { enterpriseFormLayout } from "../../src/forms/enterpriseForms";
import { firstPagePng } from "../helpers/libreoffice";
import { d, guangxi, logEntry, shanghai } from "../core/fixtures";

jest.setTimeout(180_000);

const q = parseQuarter("2026Q3")!;
const party = { district: "浦东新区生态环境局", preparer: "张三", preparedOn: d("2026-10-08") };

function forms(): [string, SheetLayout][] {
  const demo = demoData({ profile: shanghai, district: party.district, seed: 3, today: d("2026-09-30") });
  const rows = demo.rows.map((r, i) => ({ ...r, row: i + 2, sheet: "企业名单台账", cells: {} }));
  const log = [
    logEntry(shanghai, { name: rows[3]!.name, creditCode: rows[3]!.creditCode, on: "2026-07-15", change: "rename", result: "rename", evidence: "营业执照变更通知书" }),
    logEntry(shanghai, { name: rows[5]!.name, creditCode: rows[5]!.creditCode, on: "2026-08-20", change: "closure", result: "revoke", evidence: "注销登记证明" }),
    logEntry(shanghai, { name: rows[8]!.name, creditCode: rows[8]!.creditCode, on: "2026-09-02", change: "suspension", result: "suspend", detail: "酸洗线停产检修", evidence: "停产说明" }),
  ];
  const gxLog = [
    logEntry(guangxi, { name: rows[4]!.name, creditCode: rows[4]!.creditCode, on: "2026-08-01", change: "relocation", result: "transfer", detail: "整体搬迁至本市其他区" }),
    logEntry(guangxi, { name: rows[6]!.name, creditCode: rows[6]!.creditCode, on: "2026-09-10", change: "suspension", result: "suspend", detail: "主要产污工序（酸洗线）停产检修", resumedOn: "2026-11-24", evidence: "企业停产说明、现场确认照片" }),
  ];
  const impl = implementationRows(rows, q, shanghai, rowContexts(rows, log));
  const evaluation = scoreSheetLayout({ kind: "evaluation", enterprise: rows[10]!.name, expert: "专家1" });
  const acceptance = scoreSheetLayout({ kind: "acceptance", enterprise: rows[10]!.name, expert: "专家1" });
  const gx = demoData({ profile: guangxi, district: "青秀区", seed: 3, today: d("2026-09-30") }).rows.map(
    (r, i) => ({ ...r, row: i + 2, sheet: "企业名单台账", cells: {} }),
  );
  const accepted = gx.find((r) => r.acceptedOn !== null && r.consultant !== "" && r.district !== "")!;
  const consulted = rows.find((r) => r.consultant !== "")!;
  return [
    ["form-附表3", implementationLayout(impl, q, shanghai, party)],
    ["form-附表4", adjustmentLayout(adjustmentRows(log, q), q, shanghai, party)],
    ["form-附件11", adjustmentLayout(adjustmentRows(gxLog, q), q, guangxi, { ...party, district: "南宁市生态环境局" })],
    ["form-附表2", archiveLayout(rows.find((r) => r.acceptedOn !== null)!, shanghai)],
    ["form-附件6", performanceLayout(rows[2]!.name)],
    ["form-附件1", enterpriseFormLayout("evaluation-application", accepted, { district: "南宁市生态环境局", profile: guangxi })],
    ["form-附件4", enterpriseFormLayout("evaluation-review", accepted, { district: "南宁市生态环境局", profile: guangxi })],
    ["form-附件5", enterpriseFormLayout("acceptance-application", accepted, { district: "南宁市生态环境局", profile: guangxi })],
    ["form-附件9", enterpriseFormLayout("acceptance-opinion", accepted, { district: "南宁市生态环境局", profile: guangxi })],
    ["form-附表1", enterpriseFormLayout("consultant", consulted, { district: party.district, profile: shanghai })],
    ["form-评估评分表", evaluation.layout],
    ["form-验收评分表", acceptance.layout],
    [
      "form-评估汇总",
      panelLayout({
        kind: "evaluation",
        enterprise: rows[10]!.name,
        sheets: [1, 2, 3].map((k) => ({ name: `${evaluation.layout.name.slice(0, -1)}${k}`, expert: `专家${k}`, cells: evaluation.cells })),
      }),
    ],
  ];
}

/** The panel's workbook also holds its three experts' sheets, filled in, so its formulas have something to add up. */
function withExperts(wb: ExcelJS.Workbook, panel: SheetLayout): void {
  const totals = [96, 91.5, 88];
  for (let k = 1; k <= 3; k++) {
    const { layout, cells } = scoreSheetLayout({ kind: "evaluation", enterprise: "x", expert: `专家${k}` });
    const ws = writeLayout(wb, { ...layout, name: `${panel.name.replace("评估汇总", "评估评分")} 专家${k}` });
    let drop = 100 - totals[k - 1]!;
    cells.scores.forEach((addr, n) => {
      const max = rubricItems(evaluationRubric)[n]!.max;
      const cut = Math.min(max, drop);
      drop -= cut;
      ws.getCell(addr).value = max - cut;
    });
  }
}

describe("the forms as printed", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "forms-png-"));
  it.each(forms())("renders %s on an A4 page", async (name, layout) => {
    const wb = new ExcelJS.Workbook();
    writeLayout(wb, layout);
    if (name === "form-评估汇总") withExperts(wb, layout);
    const xlsx = path.join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(xlsx);
    const png = path.join(dir, `${name}.png`);
    firstPagePng(xlsx, png, 70);
    expect(statSync(png).size).toBeGreaterThan(10_000);
    if (process.env.UPDATE_DOCS) copyFileSync(png, path.resolve(__dirname, "../../docs", `${name}.png`));
  });
});
