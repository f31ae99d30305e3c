// The WPS backend's sheet commands over the in-memory WPS 表格, each against `cpa` on the same register: the
// sheets it adds hold, cell for cell, what the CLI's file holds (formulas by their key); scoring sheets are
// protected with only the score cells open; a failure half-way removes what was added.

import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { chinaToday, parseIsoDate, parseQuarter } from "../../src/core/dates";
import { withCheckChar } from "../../src/core/creditCode";
import { REGISTER_SHEET } from "../../src/core/register";
import { RUBRIC_SHEET } from "../../src/core/rubricSheet";
import { evaluationRubric, rubricItems } from "../../src/core/rubrics";
import { evaluationVerdict, scorePanel } from "../../src/core/scoring";
import { loadWorkbook } from "../../src/core/workbook";
import { urgingFile } from "../../src/docx/urgingFiles";
import { scoreSheetLayout } from "../../src/forms/scoresheets";
import { readWorkbook } from "../../src/xlsx/parse";
import { fileCells } from "../helpers/sheetCells";
import { AS_OF, cli, demoHost, hostCells, sheetNames, TODAY, type DemoHost } from "./wpsWorkbook";

jest.setTimeout(300_000);

const q3 = parseQuarter("2026Q3")!;
const d = (iso: string) => parseIsoDate(iso)!;

/** Each of `sheets`, as the host holds it and as the CLI's file `out` holds it. */
async function expectSameSheets(h: DemoHost, out: string, sheets: readonly string[]) {
  for (const sheet of sheets) {
    const host = hostCells(h.app, sheet);
    expect(Object.keys(host).length).toBeGreaterThan(5);
    expect({ sheet, cells: host }).toEqual({ sheet, cells: await fileCells(out, sheet) });
  }
}

const registerGrid = async (file: string) =>
  loadWorkbook(await readWorkbook(new Uint8Array(readFileSync(file)), path.basename(file)));

describe("the quarter's forms, the rubric and the year's reports in WPS", () => {
  let h: DemoHost;
  beforeAll(async () => {
    h = await demoHost("shanghai", 7);
  });

  it("writes 附表3 and 附表4 as `cpa quarterly` does", async () => {
    const out = path.join(h.dir, "quarterly.xlsx");
    await cli("quarterly", h.file, "--quarter", "2026Q3", "-o", out);
    const names = await h.backend.generateQuarterly(q3, chinaToday());
    expect(names).toEqual(["附表3 2026Q3", "附表4 2026Q3"]);
    await expectSameSheets(h, out, names);
    expect(h.app.ActiveWorkbook!.data.sheets.find((x) => x.name === names[0])!.pageSetup).toMatchObject({
      orientation: 2,
      paperSize: 9,
      printTitleRows: "$4:$4",
    });
    expect(h.app.ActiveSheet!.Name).toBe(names[0]);
    expect(await h.backend.generateQuarterly(q3, chinaToday())).toEqual([
      "附表3 2026Q3 (2)",
      "附表4 2026Q3 (2)",
    ]);
  });

  it("removes the forms it added when WPS fails in the middle of the write", async () => {
    const before = sheetNames(h.app);
    h.app.failOn("Range.Formula=", { after: 30 });
    await expect(h.backend.generateQuarterly(parseQuarter("2026Q4")!, TODAY)).rejects.toThrow(
      /^WPS 在处理工作表“附表[34] 2026Q4”的 [A-Z]+\d+(:[A-Z]+\d+)? 时出错/,
    );
    expect(sheetNames(h.app)).toEqual(before);
  });

  it("writes the default 评分细则 as `cpa rubric -o` does, then checks it", async () => {
    const out = path.join(h.dir, "rubric.xlsx");
    await cli("rubric", h.file, "-o", out);
    expect(await h.backend.writeOrCheckRubric()).toEqual({ written: true, issues: [] });
    await expectSameSheets(h, out, [RUBRIC_SHEET]);
    expect(await h.backend.writeOrCheckRubric()).toEqual({ written: false, issues: [] });
  });

  it("writes 年度统计 and 验收结果名单 as `cpa annual` and `cpa acceptance-list` do", async () => {
    const annual = path.join(h.dir, "annual.xlsx");
    await cli("annual", h.file, "--year", "2025", "--as-of", "2025-12-31", "-o", annual);
    const r = await h.backend.annualReport(2025, d("2025-12-31"), TODAY);
    expect(r.figures.listed.total).toBeGreaterThan(0);
    await expectSameSheets(h, annual, [r.sheet]);
    const list = path.join(h.dir, "list.xlsx");
    await cli("acceptance-list", h.file, "--from", "2024-01-01", "--to", "2026-12-31", "-o", list);
    const a = await h.backend.acceptanceList(d("2024-01-01"), d("2026-12-31"), TODAY);
    await expectSameSheets(h, list, [a.sheet]);
  });

  it("writes 督办清单 as `cpa todo` does, and the letters the file gives", async () => {
    const out = path.join(h.dir, "todo.xlsx");
    await cli("todo", h.file, "--as-of", AS_OF, "-o", out);
    const name = await h.backend.writeWorklist(TODAY);
    expect(name).toBe("督办清单 2026-11-24");
    await expectSameSheets(h, out, [name!]);
    const wb = await registerGrid(h.file);
    for (const kind of ["reminder", "calendar"] as const) {
      const mine = await h.backend.urgingFile(kind, TODAY);
      const theirs = await urgingFile(wb, kind, TODAY, {});
      expect("file" in mine && mine.file.name).toBe("file" in theirs && theirs.file.name);
      expect("file" in mine && mine.file.bytes.length).toBeGreaterThan(100);
    }
  });
});

describe("scoring sheets and write-back in WPS", () => {
  it("inserts protected scoring sheets as `cpa scoresheet` does, and writes the panel's result back", async () => {
    const h = await demoHost("shanghai", 8);
    const wb = await registerGrid(h.file);
    const enterprise = wb.rows.find((r) => r.evaluationScore === null)!.name;
    const out = path.join(h.dir, "score.xlsx");
    await cli(
      "scoresheet",
      h.file,
      "--kind",
      "evaluation",
      "--enterprise",
      enterprise,
      "--experts",
      "3",
      "-o",
      out,
    );
    const names = await h.backend.insertScoreSheets("evaluation", enterprise, 3);
    expect(names).toHaveLength(4);
    await expectSameSheets(h, out, names);
    const sheets = h.app.ActiveWorkbook!.Worksheets;
    const { cells } = scoreSheetLayout({ kind: "evaluation", enterprise, expert: "专家1" });
    const first = sheets.Item(names[0]!);
    expect(first.ProtectContents).toBe(true);
    expect(first.Range(cells.scores[0]!).Locked).toBe(false);
    expect(first.Range(cells.total).Locked).toBe(true);
    expect(() => (first.Range(cells.total).Value2 = 1)).toThrow();
    // The experts type their scores into the open cells of the protected sheets.
    const totals = [93, 90.5, 71];
    names.slice(0, 3).forEach((name, k) => {
      let drop = 100 - totals[k]!;
      rubricItems(evaluationRubric).forEach((item, i) => {
        const cut = Math.min(item.max, drop);
        drop -= cut;
        sheets.Item(name).Range(cells.scores[i]!).Value2 = item.max - cut;
      });
    });
    const result = await h.backend.writeBackScores();
    const panel = scorePanel(
      "evaluation",
      totals.map((t) => ({ total: t, complete: true, vetoed: false, verdict: evaluationVerdict(t) })),
    );
    expect(result.written).toBe(2);
    expect(result.panels[0]).toMatchObject({ enterprise, score: panel.score, verdict: panel.verdict });
    const row = wb.rows.find((r) => r.name === enterprise)!.row;
    const reg = sheets.Item(REGISTER_SHEET);
    expect(reg.Range(`N${row}`).Value2).toBeCloseTo(panel.score!, 9);
    expect(reg.Range(`O${row}`).Value2).toBe(panel.verdict);
    expect(await h.backend.listEnterprises()).toContain(enterprise);
  });
});

describe("per-enterprise forms in WPS", () => {
  it.each([
    ["archive", "shanghai"],
    ["performance", "guangxi"],
  ] as const)("writes %s for a %s register as the CLI does", async (kind, profile) => {
    const h = await demoHost(profile, 9);
    const wb = await registerGrid(h.file);
    const enterprise = wb.rows.find((r) => r.evaluatedOn !== null)!.name;
    const out = path.join(h.dir, `${kind}.xlsx`);
    await cli(kind, h.file, "--enterprise", enterprise, "-o", out);
    const name = await h.backend.insertEnterpriseForm(kind, enterprise);
    await expectSameSheets(h, out, [name]);
    expect(h.app.ActiveWorkbook!.Worksheets.Item(name).ProtectContents).toBe(true);
  });
});

describe("导入名单 in WPS", () => {
  it("appends the list's new rows as `cpa import` does, text as text, the table grown over them", async () => {
    const h = await demoHost("shanghai", 10);
    const list = new ExcelJS.Workbook();
    const ws = list.addWorksheet("附件");
    ws.addRow(["2027年重点行业强制性清洁生产审核企业名单"]);
    ws.addRow([]);
    ws.addRow(["序号", "单位名称", "社会信用代码", "县（市、区）", "类别"]);
    ws.addRow(["1", "上海新列入化工有限公司", withCheckChar("91310115MA1K4CGR3"), "浦东新区", "双有"]);
    ws.addRow(["2", '=HYPERLINK("x")', withCheckChar("91310115MA1K4CGT0"), "浦东新区", "双超"]);
    const listFile = path.join(h.dir, "名单.xlsx");
    await list.xlsx.writeFile(listFile);
    const out = path.join(h.dir, "imported.xlsx");
    await cli("import", listFile, "--into", h.file, "-o", out, "--published", "2027-03-20");
    const report = await h.backend.importList("名单.xlsx", new Uint8Array(readFileSync(listFile)), {
      published: d("2027-03-20"),
      apply: true,
    });
    expect(report.added).toHaveLength(2);
    await expectSameSheets(h, out, [REGISTER_SHEET]);
    const table = h.app.ActiveWorkbook!.data.sheets.find((s) => s.name === REGISTER_SHEET)!.tables[0]!;
    const rows = (await registerGrid(h.file)).rows.length;
    expect(table.rect.rows).toBe(rows + 2 + 1);
  });

  it("leaves the register as it was when WPS fails writing the rows", async () => {
    const h = await demoHost("shanghai", 10);
    const list = new ExcelJS.Workbook();
    list.addWorksheet("附件").addRows([
      ["序号", "单位名称", "社会信用代码", "县（市、区）", "类别"],
      ["1", "上海新列入化工有限公司", withCheckChar("91310115MA1K4CGR3"), "浦东新区", "双有"],
    ]);
    const bytes = new Uint8Array(await list.xlsx.writeBuffer());
    const sheet = () => h.app.ActiveWorkbook!.data.sheets.find((s) => s.name === REGISTER_SHEET)!;
    const before = { cells: hostCells(h.app, REGISTER_SHEET), table: structuredClone(sheet().tables) };
    h.app.failOn("Range.Value2=");
    await expect(
      h.backend.importList("名单.xlsx", bytes, { published: d("2027-03-20"), apply: true }),
    ).rejects.toThrow(/^WPS 在处理工作表“企业名单台账”的 A\d+:[A-Z]+\d+ 时出错/);
    expect({ cells: hostCells(h.app, REGISTER_SHEET), table: sheet().tables }).toEqual(before);
  });
});

describe("submission in WPS", () => {
  it("stamps with the digests `cpa submit` gives the same register, verifies, and sees a change", async () => {
    const h = await demoHost("shanghai", 11);
    const at = "2026-10-09T10:00+08:00";
    const result = await h.backend.prepareSubmission(q3, "张三", TODAY, at);
    expect(result.stamp?.sheets.map((s) => s.sheet)).toEqual([
      "企业名单台账",
      "名单调整记录",
      "附表3 2026Q3",
      "附表4 2026Q3",
    ]);
    const out = path.join(h.dir, "submitted.xlsx");
    await cli("submit", h.file, "--quarter", "2026Q3", "--preparer", "张三", "-o", out, "--at", at);
    const verified = JSON.parse(await cli("verify", out, "--json")).files[0];
    expect(verified.state).toBe("unchanged");
    const { readStamp } = await import("../../src/core/stamp");
    const fileStamp = readStamp(
      (await readWorkbook(new Uint8Array(readFileSync(out)), "s.xlsx")).sheet("报送信息")!,
    )!;
    expect(result.stamp!.sheets.slice(0, 2)).toEqual(fileStamp.sheets.slice(0, 2));
    const sheets = h.app.ActiveWorkbook!.Worksheets;
    expect(sheets.Item(REGISTER_SHEET).ProtectContents).toBe(true);
    expect(await h.backend.verifySubmission()).toMatchObject({ state: "unchanged", late: false });
    await expect(h.backend.refreshStatus(TODAY)).rejects.toThrow("已报送");
    sheets.Item(REGISTER_SHEET).Unprotect();
    sheets.Item(REGISTER_SHEET).Range("B3").Value2 = "改过的名称";
    expect(await h.backend.verifySubmission()).toMatchObject({
      state: "changed",
      changedSheets: [REGISTER_SHEET],
    });
  });

  it("puts the workbook back when WPS fails before the stamp is in place", async () => {
    const h = await demoHost("shanghai", 12);
    const before = sheetNames(h.app);
    h.app.failOn("Worksheet.Protect", { after: 3 });
    await expect(h.backend.prepareSubmission(q3, "张三", TODAY, "2026-10-09T10:00+08:00")).rejects.toThrow(
      /^WPS 在处理工作表“(企业名单台账|名单调整记录|附表[34] 2026Q3)”时出错：/,
    );
    expect(sheetNames(h.app)).toEqual(before);
    expect(h.app.ActiveWorkbook!.Worksheets.Item(REGISTER_SHEET).ProtectContents).toBe(false);
  });
});

describe("consolidation in WPS", () => {
  it("writes the dashboard with its two charts and 各区统计 as `cpa consolidate` does", async () => {
    const { stampedWorkbook } = await import("../cli/runCli");
    const { consolidateFiles } = await import("../../src/xlsx/city");
    const h = await demoHost("shanghai", 13);
    const files = [
      await stampedWorkbook(h.dir, "浦东新区", "浦东新区生态环境局", "2026-10-09T09:00+08:00", 3),
      await stampedWorkbook(h.dir, "青浦区", "青浦区生态环境局", "2026-10-12T09:00+08:00", 4),
    ];
    const result = await consolidateFiles(
      files.map((f) => ({ name: path.basename(f), read: async () => new Uint8Array(readFileSync(f)) })),
      q3,
    );
    const names = await h.backend.writeCityReport(result, q3);
    expect(names).toEqual(["统计看板", "报送核验", "各区统计", "附表3 全市 2026Q3", "附表4 全市 2026Q3"]);
    const board = h.app.ActiveWorkbook!.data.sheets.find((s) => s.name === "统计看板")!;
    expect(board.charts.map((c) => c.title)).toEqual(["各区企业阶段", "各类逾期企业数"]);
    const city = path.join(h.dir, "city.xlsx");
    await cli("consolidate", ...files, "--quarter", "2026Q3", "-o", city);
    await expectSameSheets(h, city, ["各区统计"]);
  });
});
