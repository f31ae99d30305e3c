// 附件6 as printed and as read: 万元 in the rows where the seed prints it, and a figure typed as text named by
// validate rather than left out of the form's sums unseen.

import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Grid } from "../../src/core/grid";
import { performanceCells, readPerformanceForm } from "../../src/core/performance";
import { loadWorkbook, workbookIssues } from "../../src/core/workbook";
import { layoutCells } from "../../src/forms/layout";
import { performanceLayout, performanceSheetName } from "../../src/forms/performanceForm";
import { readGrid } from "../helpers/excelJsReference";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { d } from "../core/fixtures";

const layout = performanceLayout("广西测试糖业有限公司");
const texts = [...layoutCells(layout).values()].flatMap((v) => (v !== null && v.t === "text" ? [v.v] : []));

describe("附件6's 万元", () => {
  it("stands in the rows beside each money figure, as the seed prints it, not in the headers", () => {
    const seed = readFileSync(path.resolve(__dirname, "../fixtures/seeds/guangxi.txt"), "utf8");
    const start = seed.indexOf("\n附件6\n");
    const form = seed.slice(start, seed.indexOf("\n附件7", start));
    expect(form).toContain("审核期间经济效益[1]\n");
    expect(texts.filter((t) => t.includes("（万元）"))).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining(["投资", "审核期间经济效益[1]", "年度经济效益[1]"]));
    // Three 万元 beside 投资 and the two 经济效益, in each of the three categories, as the seed's rows have.
    expect(texts.filter((t) => t === "万元")).toHaveLength(9);
    expect(form.match(/\t万元\n/g)).toHaveLength(9);
  });
});

describe("a figure of 附件6 typed as text", () => {
  async function filled(): Promise<Grid> {
    const wb = new ExcelJS.Workbook();
    const ws = writeLayout(wb, layout);
    const low = performanceCells(0);
    ws.getCell(low.figures[1]!).value = "十二";
    ws.getCell(low.period[0]!).value = "3";
    ws.getCell(low.annual[0]!).value = 4;
    ws.getCell(performanceCells(1).figures[0]!).value = 2;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return readGrid(back.getWorksheet(layout.name)!);
  }

  it("is named, cell by cell, and counted as blank", async () => {
    const read = readPerformanceForm(await filled())!;
    const low = performanceCells(0);
    expect(read.issues.map((i) => [i.sheet, i.cell, i.code])).toEqual([
      [layout.name, low.figures[1], "performance.notNumber"],
      [layout.name, low.period[0], "performance.notNumber"],
    ]);
    expect(read.issues[0]!.message).toContain("十二");
    expect(read.figures[0]).toMatchObject({ investment: null, annual: expect.arrayContaining([4]) });
  });

  it("is an error of validate", async () => {
    const grid = await filled();
    const sheets = new Map<string, Grid>([[performanceSheetName("广西测试糖业有限公司"), grid]]);
    const wb = loadWorkbook(
      { sheet: (n) => sheets.get(n), names: () => [...sheets.keys()] },
      { profileId: "guangxi" },
    );
    const found = workbookIssues(wb, d("2026-10-01")).filter((i) => i.code === "performance.notNumber");
    expect(found.map((i) => i.severity)).toEqual(["error", "error"]);
  });
});
