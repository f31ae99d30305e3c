import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseQuarter } from "../../src/core/dates";
import { adjustmentRows, implementationRows } from "../../src/core/quarterly";
import { rowContexts } from "../../src/core/status";
import { cleanSheetName, formulaKey, isFormulaLike, uniqueSheetName } from "../../src/forms/layout";
import {
  adjustmentFormAgreement,
  adjustmentLayout,
  implementationFormAgreement,
  implementationLayout,
  readAdjustmentForm,
  readImplementationForm,
} from "../../src/forms/quarterlyForms";
import {
  panelLayout,
  readPanelSheet,
  readScoreSheet,
  scoreSheetLayout,
  shortName,
} from "../../src/forms/scoresheets";
import { readGrid } from "../helpers/excelJsReference";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { recalculate } from "../helpers/libreoffice";
import { d, guangxi, logEntry, row, shanghai } from "../core/fixtures";

jest.setTimeout(120_000);

const q3 = parseQuarter("2026Q3")!;
const party = { district: "浦东新区生态环境局", preparer: "张三", preparedOn: d("2026-10-08") };
const INJECTIONS = ['=HYPERLINK("http://x","y")', "+8613800000000", "@x", "-1", "=1+1"];

const register = [
  row({
    name: "上海甲化工有限公司",
    publishedOn: "2025-03-15",
    startedOn: "2025-04-01",
    consultant: "上海清洁生产咨询有限公司",
    evaluatedOn: "2026-02-10",
    evaluationScore: 82.5,
  }),
  row({ name: "上海乙电镀有限公司", creditCode: "", publishedOn: "2026-08-01" }),
  row({
    name: "上海丙印染有限公司",
    creditCode: "",
    publishedOn: "2024-03-01",
    evaluatedOn: "2025-01-10",
    evaluationScore: 91,
    acceptedOn: "2026-05-10",
    acceptanceScore: 88,
  }),
  row({ name: "上海丁涂料有限公司", creditCode: "", publishedOn: "2026-10-01" }),
  ...INJECTIONS.map((name) => row({ name, creditCode: "", publishedOn: "2026-01-10", consultant: name })),
];
const log = [
  logEntry(shanghai, {
    name: "上海乙电镀有限公司",
    creditCode: "",
    on: "2026-08-20",
    change: "rename",
    result: "rename",
  }),
  logEntry(shanghai, {
    name: "上海甲化工有限公司",
    on: "2026-09-30",
    change: "suspension",
    result: "suspend",
    detail: "停产检修",
    resumedOn: "2026-12-01",
  }),
  logEntry(shanghai, {
    name: '=HYPERLINK("http://x","y")',
    creditCode: "",
    on: "2026-07-01",
    change: "closure",
    result: "revoke",
  }),
  logEntry(shanghai, { on: "2026-06-30", change: "rename", result: "rename" }),
];

describe("附表3 selection (SPEC 3)", () => {
  const rows = implementationRows(register, q3, shanghai, rowContexts(register, log));
  const names = rows.map((r) => r.name);

  it("lists enterprises published by the quarter's end and not accepted before its start", () => {
    expect(names).toContain("上海甲化工有限公司");
    expect(names).toContain("上海乙电镀有限公司");
    expect(names).not.toContain("上海丙印染有限公司"); // accepted 2026-05-10
    expect(names).not.toContain("上海丁涂料有限公司"); // published after 2026-09-30
  });

  it("writes 要求完成期限 as publication + 1 year and the acts as the form wants them", () => {
    const a = rows.find((r) => r.name === "上海甲化工有限公司")!;
    expect(a.dueOn).toBe(d("2026-03-15"));
    expect(a.evaluation).toBe("2026-02-10 补充完善（82.5分）");
    expect(a.acceptance).toBe("");
  });

  it("puts the quarter's log entries into the adjustment table, in date order", () => {
    expect(adjustmentRows(log, q3).map((r) => r.name)).toEqual([
      '=HYPERLINK("http://x","y")',
      "上海乙电镀有限公司",
      "上海甲化工有限公司",
    ]);
  });
});

describe("round trips: layout → xlsx → reader → the same core data", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const build = new ExcelJS.Workbook();
    writeLayout(
      build,
      implementationLayout(
        implementationRows(register, q3, shanghai, rowContexts(register, log)),
        q3,
        shanghai,
        party,
      ),
    );
    writeLayout(build, adjustmentLayout(adjustmentRows(log, q3), q3, shanghai, party));
    writeLayout(build, adjustmentLayout(adjustmentRows(log, q3), q3, guangxi, party, "附件11 2026Q3"));
    const { layout } = scoreSheetLayout({
      kind: "acceptance",
      enterprise: "上海甲化工有限公司",
      expert: "专家2",
    });
    writeLayout(build, layout);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await build.xlsx.writeBuffer()) as ArrayBuffer);
  });

  it("reads 附表3 back", () => {
    const form = readImplementationForm(readGrid(wb.getWorksheet("附表3 2026Q3")!))!;
    expect(form.quarter).toEqual(q3);
    const expected = implementationRows(register, q3, shanghai, rowContexts(register, log)).map(
      ({ sourceRow: _, ...r }) => r,
    );
    expect(form.rows).toEqual(expected);
  });

  it("reads a merged area's value once, from its top-left cell, as Office.js does", () => {
    const title = readGrid(wb.getWorksheet("附表3 2026Q3")!).rows[1]!;
    expect(title.filter((v) => v !== null)).toEqual(["重点行业实施强制性清洁生产审核情况表"]);
  });

  it("reads 附表4 and 附件11 back", () => {
    const rows = adjustmentRows(log, q3).map(({ sourceRow: _, ...r }) => r);
    expect(readAdjustmentForm(readGrid(wb.getWorksheet("附表4 2026Q3")!), shanghai)!.rows).toEqual(
      rows.map((r) => ({ ...r, creditCode: "" })),
    );
    expect(readAdjustmentForm(readGrid(wb.getWorksheet("附件11 2026Q3")!), guangxi)!.rows).toEqual(rows);
  });

  it("says a form agrees with the rows it was laid out from, and names the first difference otherwise", () => {
    const grid = readGrid(wb.getWorksheet("附表3 2026Q3")!);
    const rows = implementationRows(register, q3, shanghai, rowContexts(register, log));
    expect(rows.length).toBeGreaterThan(1);
    expect(implementationFormAgreement(grid, q3, rows)).toEqual({ state: "agrees" });
    const moved = rows.map((r, i) => (i === 1 ? { ...r, consultant: "另一家咨询机构" } : r));
    expect(implementationFormAgreement(grid, q3, moved)).toEqual({
      state: "differs",
      difference: `第 2 项“${rows[1]!.name}”的审核咨询机构名称：表中为“${rows[1]!.consultant}”，台账为“另一家咨询机构”`,
    });
    expect(implementationFormAgreement(grid, q3, rows.slice(1))).toMatchObject({
      difference: `第 1 项“${rows[0]!.name}”的企业名称：表中为“${rows[0]!.name}”，台账为“${rows[1]!.name}”`,
    });
    expect(implementationFormAgreement(grid, q3, rows.slice(0, -1))).toMatchObject({
      difference: `表中第 ${rows.length} 项“${rows[rows.length - 1]!.name}”台账中没有`,
    });
    expect(implementationFormAgreement(grid, q3, [...rows, rows[0]!])).toMatchObject({
      difference: `表中缺第 ${rows.length + 1} 项“${rows[0]!.name}”`,
    });
    // Another quarter's form, or a sheet that is no form at all.
    expect(implementationFormAgreement(grid, parseQuarter("2026Q4")!, rows)).toEqual({ state: "foreign" });
    expect(implementationFormAgreement({ sheet: "附表3 2026Q3", rows: [["备忘"]] }, q3, rows)).toEqual({
      state: "foreign",
    });

    const adj = adjustmentRows(log, q3);
    const gx = readGrid(wb.getWorksheet("附件11 2026Q3")!);
    expect(adjustmentFormAgreement(gx, q3, guangxi, adj)).toEqual({ state: "agrees" });
    const changed = adj.map((r, i) => (i === 0 ? { ...r, change: "企业关停" } : r));
    expect(adjustmentFormAgreement(gx, q3, guangxi, changed)).toMatchObject({
      difference: expect.stringMatching(/^第 1 项“.*”的变化情况：表中为“.*”，台账为“企业关停”$/),
    });
  });

  it("reads a scoring sheet back with its enterprise, expert and blank scores", () => {
    const read = readScoreSheet(
      readGrid(wb.getWorksheet(`验收评分 ${shortName("上海甲化工有限公司")} 专家2`)!),
    )!;
    expect(read).toMatchObject({
      kind: "acceptance",
      enterprise: "上海甲化工有限公司",
      expert: "专家2",
      issues: [],
    });
    expect(read.scores).toHaveLength(22);
    expect(read.scores.every((c) => c.ok && c.value === null)).toBe(true);
    // The seed's signature line is left for the expert's hand, as printed: 专家签名： and nothing after it.
    const ws = wb.getWorksheet(`验收评分 ${shortName("上海甲化工有限公司")} 专家2`)!;
    const signature: string[] = [];
    ws.eachRow((row) =>
      row.eachCell(
        (c) =>
          void (c.master === c && String(c.value).startsWith("专家签名") && signature.push(String(c.value))),
      ),
    );
    expect(signature).toEqual(["专家签名："]);
    expect(read.keys).toEqual(Array.from({ length: 7 }, () => ({ ok: true, value: null })));
  });

  it("reads a panel summary back: its kind, enterprise and experts' sheets", async () => {
    const build = new ExcelJS.Workbook();
    const sheets = [1, 2, 3].map((i) => {
      const { layout, cells } = scoreSheetLayout({
        kind: "acceptance",
        enterprise: "上海甲化工有限公司",
        expert: `专家${i}`,
      });
      writeLayout(build, layout);
      return { name: layout.name, expert: `专家${i}`, cells };
    });
    writeLayout(build, panelLayout({ kind: "acceptance", enterprise: "上海甲化工有限公司", sheets }));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await build.xlsx.writeBuffer()) as ArrayBuffer);
    expect(readPanelSheet(readGrid(back.getWorksheet("验收汇总 甲化工")!))).toEqual({
      sheet: "验收汇总 甲化工",
      kind: "acceptance",
      enterprise: "上海甲化工有限公司",
      sheets: sheets.map((s) => s.name),
      issues: [],
    });
  });

  it("prints the Shanghai notes 注1–注3 under 附表4, and Guangxi's 企业代码 column in 附件11", () => {
    const texts = (name: string) =>
      readGrid(wb.getWorksheet(name)!)
        .rows.flat()
        .filter((v) => typeof v === "string") as string[];
    expect(texts("附表4 2026Q3")).toEqual(expect.arrayContaining(shanghai.adjustmentForm.notes as string[]));
    expect(texts("附件11 2026Q3")).toEqual(
      expect.arrayContaining(["企业代码", ...guangxi.adjustmentForm.notes]),
    );
    expect(texts("附表3 2026Q3")).toEqual(
      expect.arrayContaining([
        "重点行业实施强制性清洁生产审核情况表",
        "(2026年第3季度）",
        "浦东新区生态环境局（盖章）",
        "填报人：张三",
      ]),
    );
  });
});

describe("text safety", () => {
  it("recognises text Excel would take for a formula", () => {
    expect(INJECTIONS.every(isFormulaLike)).toBe(true);
    expect(isFormulaLike("上海甲化工有限公司")).toBe(false);
  });

  it("keeps user text as text in every form, after LibreOffice recalculates the workbook", async () => {
    const build = new ExcelJS.Workbook();
    writeLayout(
      build,
      implementationLayout(
        implementationRows(register, q3, shanghai, rowContexts(register, log)),
        q3,
        shanghai,
        party,
      ),
    );
    writeLayout(build, adjustmentLayout(adjustmentRows(log, q3), q3, guangxi, party));
    writeLayout(build, scoreSheetLayout({ kind: "evaluation", enterprise: "=1+1", expert: "@x" }).layout);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "inject-")), "inject.xlsx");
    await build.xlsx.writeFile(file);
    const [out] = recalculate([file]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out!);
    const seen = new Set<string>();
    for (const ws of back.worksheets) {
      for (const cell of readGrid(ws).rows.flat()) {
        if (typeof cell === "string") seen.add(cell);
        // Only the scoring sheet's own formulas may be formulas.
        if (cell && typeof cell === "object" && "formula" in cell)
          expect(INJECTIONS.map((s) => s.slice(1))).not.toContain(cell.formula);
      }
    }
    for (const s of INJECTIONS) expect(seen).toContain(s);
    expect([...seen].filter((s) => s.startsWith("企业名称："))).toEqual(["企业名称：=1+1"]);
  });
});

describe("sheet names", () => {
  it("keeps names valid and unique", () => {
    expect(cleanSheetName("评估[1]:*?/\\名")).toBe("评估_1______名");
    expect([...cleanSheetName("很".repeat(40))]).toHaveLength(31);
    expect(uniqueSheetName("附表3 2026Q3", ["附表3 2026q3"])).toBe("附表3 2026Q3 (2)");
    expect(uniqueSheetName("附表3 2026Q3", ["附表3 2026Q3", "附表3 2026Q3 (2)"])).toBe("附表3 2026Q3 (3)");
    const long = "很".repeat(31);
    expect([...uniqueSheetName(long, [long])]).toHaveLength(31);
  });
});

describe("formula keys", () => {
  it("compare a formula as Excel, LibreOffice and Office.js write it, keeping quoted text", () => {
    expect(formulaKey("=sum($E$5:E36)")).toBe(formulaKey("SUM(E5:E36)"));
    expect(formulaKey("_xlfn.ROUND( A1 ,1)")).toBe(formulaKey("ROUND(A1,1)"));
    expect(formulaKey("=@INDEX(C5:C36,2)")).toBe(formulaKey("INDEX(C5:C36,2)"));
    expect(formulaKey("'评估评分 甲 专家1'!E5")).toBe(formulaKey("评估评分甲专家1!E5"));
    expect(formulaKey('IF(A1="通过","a b","")')).not.toBe(formulaKey('IF(A1="通过","ab","")'));
    expect(formulaKey('"已完成 "&2')).not.toBe(formulaKey('"已完成"&2'));
  });
});
