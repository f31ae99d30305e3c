import ExcelJS from "exceljs";
import type { CellInput, Grid } from "../../src/core/grid";
import { readRubricSheet, RUBRIC_SHEET, workbookRubrics } from "../../src/core/rubricSheet";
import { DEFAULT_RUBRICS, rubricItems, rubricRows } from "../../src/core/rubrics";
import { rubricSheetLayout } from "../../src/forms/rubricSheet";
import { readGrid } from "../helpers/excelJsReference";
import { writeLayout } from "../../src/xlsx/writeLayout";

const HEADER = ["评分表", "类别", "指标内容", "要求", "分值", "关键指标"];
const sheet = (...rows: CellInput[][]): Grid => ({ sheet: RUBRIC_SHEET, rows: [HEADER, ...rows] });
/** A one-table rubric: two items worth 60 and 40 unless told otherwise. */
const evaluation = (a: CellInput = 60, b: CellInput = 40): CellInput[][] => [
  ["评估", "一、本区要求", "报告", "报告规范", a, "否"],
  ["评估", "一、本区要求", "现场", "现场核实", b, "否"],
];

describe("评分细则", () => {
  it("writes the default rubrics out and reads them back item for item", async () => {
    const build = new ExcelJS.Workbook();
    writeLayout(build, rubricSheetLayout(DEFAULT_RUBRICS));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await build.xlsx.writeBuffer()) as ArrayBuffer);
    const read = readRubricSheet(readGrid(wb.getWorksheet(RUBRIC_SHEET)!));
    expect(read.issues).toEqual([]);
    for (const kind of ["evaluation", "acceptance"] as const) {
      const r = read.rubrics[kind]!;
      expect(r.source).toEqual({ from: "workbook", sheet: RUBRIC_SHEET });
      expect(rubricRows(r)).toEqual(rubricRows(DEFAULT_RUBRICS[kind]));
      expect(rubricItems(r)).toEqual(rubricItems(DEFAULT_RUBRICS[kind]));
      expect(r.keyIndicators).toEqual(DEFAULT_RUBRICS[kind].keyIndicators);
    }
  });

  it("keeps the default for a table the sheet does not hold", () => {
    const read = workbookRubrics(() => sheet(...evaluation()));
    expect(read.issues).toEqual([]);
    expect(rubricItems(read.rubrics!.evaluation).map((i) => i.max)).toEqual([60, 40]);
    expect(read.rubrics!.acceptance).toBe(DEFAULT_RUBRICS.acceptance);
  });

  it("uses the defaults when the workbook has no 评分细则", () => {
    expect(workbookRubrics(() => undefined)).toEqual({ rubrics: DEFAULT_RUBRICS, issues: [] });
  });

  it.each([
    ["maxima not adding up to 100", evaluation(60, 39.5), "A2", "rubric.total"],
    ["a maximum off the half-point step", evaluation(60, 39.7), "E3", "cell.max"],
    ["a maximum of 0", evaluation(100, 0), "E3", "cell.max"],
    ["a maximum typed as a word", evaluation(60, "四十"), "E3", "cell.max"],
    ["a missing maximum", evaluation(60, null), "E3", "rubric.max"],
  ])("refuses %s, naming the cell", (_, rows, cell, code) => {
    const read = workbookRubrics(() => sheet(...rows));
    expect(read.rubrics).toBeUndefined();
    expect(read.issues).toContainEqual(
      expect.objectContaining({ sheet: RUBRIC_SHEET, cell, code, severity: "error" }),
    );
  });

  it("says a maximum goes in steps of 0.5", () => {
    const read = readRubricSheet(sheet(...evaluation(60, 39.7)));
    expect(read.issues.find((i) => i.cell === "E3")?.message).toBe("分值：分值须以 0.5 分为单位");
  });

  it("refuses missing texts, unknown tables and key indicators where none belong", () => {
    const read = readRubricSheet(
      sheet(
        ["评估", "", "报告", "报告规范", 60, "否"],
        ["评估", "一、本区要求", "", "现场核实", 40, "否"],
        ["评估", "一、本区要求", "现场", "", 0.5, "是"],
        ["复审", "一", "x", "y", 1, "否"],
        ["验收", "清洁生产审核验收关键指标", "", "无弄虚作假", 5, "是"],
        ["验收", "评价", "报告", "齐全", 100, "否"],
      ),
    );
    expect(read.issues.map((i) => [i.cell, i.code])).toEqual(
      expect.arrayContaining([
        ["B2", "rubric.text"],
        ["C3", "rubric.text"],
        ["D4", "rubric.text"],
        ["F4", "rubric.evaluationKey"],
        ["E4", "rubric.keyMax"],
        ["A5", "cell.table"],
        ["E6", "rubric.keyMax"],
      ]),
    );
    expect(read.rubrics).toEqual({});
  });

  it("refuses a maximum stored as text, digits or not, as it refuses 7分", () => {
    for (const text of ["40", "7分", "４０"]) {
      const read = workbookRubrics(() => sheet(...evaluation(60, text)));
      expect(read.rubrics).toBeUndefined();
      expect(read.issues).toContainEqual(
        expect.objectContaining({ cell: "E3", code: "cell.max", severity: "error" }),
      );
    }
    const issue = readRubricSheet(sheet(...evaluation(60, "40"))).issues[0]!;
    expect(issue.message).toContain("文本");
  });

  it("refuses an item entered twice, naming both cells, though the maxima still add up to 100", () => {
    const twice = sheet(
      ["评估", "一、本区要求", "报告", "报告规范", 50, "否"],
      ["评估", "一、本区要求", "现场", "现场核实", 25, "否"],
      ["评估", "一、本区要求", "现场", "现场 核实", 25, "否"],
    );
    const read = workbookRubrics(() => twice);
    expect(read.rubrics).toBeUndefined();
    expect(read.issues).toEqual([
      expect.objectContaining({ cell: "C4", code: "rubric.duplicate", severity: "error" }),
    ]);
    expect(read.issues[0]!.message).toContain("C3");
  });

  it("refuses a key indicator entered twice, naming both cells", () => {
    const read = readRubricSheet(
      sheet(
        ["验收", "关键指标", "", "无弄虚作假", null, "是"],
        ["验收", "关键指标", "", "达标排放", null, "是"],
        ["验收", "关键指标", "", "无弄虚作假", null, "是"],
        ["验收", "评价", "报告", "齐全", 100, "否"],
      ),
    );
    expect(read.rubrics).toEqual({});
    expect(read.issues).toEqual([expect.objectContaining({ cell: "D4", code: "rubric.duplicate" })]);
    expect(read.issues[0]!.message).toContain("D2");
  });

  it("asks for at least one key indicator on the acceptance table", () => {
    const read = readRubricSheet(sheet(["验收", "评价", "报告", "齐全", 100, "否"]));
    expect(read.issues).toEqual([expect.objectContaining({ cell: "A2", code: "rubric.noKeys" })]);
  });

  it("groups consecutive rows of one 类别 into a section and of one 指标内容 into a numbered group", () => {
    const read = readRubricSheet(
      sheet(
        ["评估", "一、报告", "框架", "符合导则", 30, "否"],
        ["评估", "一、报告", "框架", "逻辑清楚", 20, "否"],
        ["评估", "一、报告", "数据", "数据详实", 10, "否"],
        ["评估", "二、现场", "核实", "现场一致", 40, ""],
      ),
    );
    expect(read.issues).toEqual([]);
    const r = read.rubrics.evaluation!;
    expect(
      r.sections.map((s) => [s.title, s.groups.map((g) => [g.number, g.indicator, g.items.length])]),
    ).toEqual([
      [
        "一、报告",
        [
          [1, "框架", 2],
          [2, "数据", 1],
        ],
      ],
      ["二、现场", [[1, "核实", 1]]],
    ]);
  });
});
