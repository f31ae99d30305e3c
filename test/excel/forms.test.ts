import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseQuarter } from "../../src/core/dates";
import { LOG_SHEET } from "../../src/core/adjustments";
import { REGISTER_SHEET } from "../../src/core/register";
import { rubricItems, evaluationRubric } from "../../src/core/rubrics";
import { evaluationVerdict, scorePanel } from "../../src/core/scoring";
import { RUBRIC_SHEET } from "../../src/core/rubricSheet";
import {
  generateQuarterly,
  insertScoreSheets,
  writeBackScores,
  writeOrCheckRubric,
} from "../../src/excel/forms";
import { panelCells, scoreSheetLayout } from "../../src/forms/scoresheets";
import { exportWorkbook } from "../officehost/toXlsx";
import { recalculate } from "../helpers/libreoffice";
import { scoresFor } from "../helpers/scores";
import { filledHost, run, TODAY } from "./hostWorkbook";

jest.setTimeout(120_000);

describe("the quarter's forms from the task pane", () => {
  it("writes 附表3 and 附表4 in four syncs, and numbers them on a second run", async () => {
    const host = await filledHost(200);
    host.syncCount = 0;
    const names = await run(host, (ctx) =>
      generateQuarterly(ctx, parseQuarter("2026Q3")!, TODAY, host.supports),
    );
    expect(names).toEqual(["附表3 2026Q3", "附表4 2026Q3"]);
    expect(host.syncCount).toBe(4);
    expect(host.value("附表3 2026Q3", "A2")).toBe("重点行业实施强制性清洁生产审核情况表");
    expect(host.cell("附表3 2026Q3", "C5")!.format.numberFormat).toBe("yyyy-mm-dd");
    if (host.supports("1.9"))
      expect(host.sheet("附表3 2026Q3")!.page).toMatchObject({
        orientation: "Landscape",
        paperSize: "A4",
        printTitleRows: "$4:$4",
      });
    else expect(host.sheet("附表3 2026Q3")!.page).toEqual({});
    const again = await run(host, (ctx) =>
      generateQuarterly(ctx, parseQuarter("2026Q3")!, TODAY, host.supports),
    );
    expect(again).toEqual(["附表3 2026Q3 (2)", "附表4 2026Q3 (2)"]);
  });

  it("never lets an enterprise's name run as a formula", async () => {
    const host = await filledHost(5);
    host.seed(
      REGISTER_SHEET,
      [[6, '=HYPERLINK("http://x","y")', "91310000132149237G", null, "双有", null, 2026, 46032]],
      6,
      0,
    );
    await run(host, (ctx) => generateQuarterly(ctx, parseQuarter("2026Q4")!, TODAY, host.supports));
    const sheet = host.sheet("附表3 2026Q4")!;
    const cells = [...sheet.cells.values()];
    expect(cells.some((c) => c.value === '=HYPERLINK("http://x","y")' && c.formula === undefined)).toBe(true);
    expect(cells.every((c) => c.formula === undefined)).toBe(true);
  });

  it("leaves no half-written sheet behind when Excel fails in the middle of the write", async () => {
    const host = await filledHost(50);
    const before = host.sheets.map((s) => s.name);
    host.failAfterOps = 40;
    await expect(
      run(host, (ctx) => generateQuarterly(ctx, parseQuarter("2026Q3")!, TODAY, host.supports)),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(host.sheets.map((s) => s.name)).toEqual(before);
  });

  it("formats 附件11's 企业代码 column as text, blank or not", async () => {
    const host = await filledHost(5, "guangxi");
    host.seed(
      LOG_SHEET,
      [[String(host.value(REGISTER_SHEET, "B2")), null, 46244, "企业名称变更", null, "名称变更", "营业执照"]],
      1,
    );
    await run(host, (ctx) => generateQuarterly(ctx, parseQuarter("2026Q3")!, TODAY, host.supports));
    const form = "附件11 2026Q3";
    expect(host.value(form, "C4")).toBe("企业代码");
    expect(host.cell(form, "C5")).toMatchObject({ value: null, format: { numberFormat: "@" } });
  });

  it("skips page setup where ExcelApi 1.9 is missing", async () => {
    const host = await filledHost(5);
    host.excelApi = "1.8";
    await run(host, (ctx) => generateQuarterly(ctx, parseQuarter("2026Q4")!, TODAY, host.supports));
    expect(host.sheet("附表3 2026Q4")!.page).toEqual({});
  });
});

describe("scoring sheets from the task pane", () => {
  it("inserts 3 protected sheets and a panel in four syncs; LibreOffice computes what the core computes", async () => {
    const host = await filledHost(10);
    // An enterprise not yet evaluated: its 评估得分 (column N) is empty.
    let row = 2;
    while (host.value(REGISTER_SHEET, `N${row}`) !== null) row++;
    const enterprise = String(host.value(REGISTER_SHEET, `B${row}`));
    host.syncCount = 0;
    const names = await run(host, (ctx) =>
      insertScoreSheets(ctx, "evaluation", enterprise, 3, host.supports),
    );
    expect(host.syncCount).toBe(4);
    expect(names).toHaveLength(4);
    const first = host.sheet(names[0]!)!;
    expect(first.protected).toBe(true);
    const { cells } = scoreSheetLayout({ kind: "evaluation", enterprise, expert: "专家1" });
    expect(host.cell(names[0]!, cells.scores[0]!)!.format.locked).toBe(false);
    expect(host.cell(names[0]!, cells.total)!.format.locked).toBe(true);
    expect(host.cell(names[0]!, cells.total)!.formula).toMatch(/^=IF\(/);
    // The experts type their scores (into unlocked cells of the protected sheets).
    const totals = [93, 90.5, 71];
    names
      .slice(0, 3)
      .forEach((name, k) =>
        scoresFor(evaluationRubric, totals[k]!).forEach((score, i) =>
          host.seed(name, [[score]], Number(cells.scores[i]!.slice(1)) - 1, 4),
        ),
      );
    const file = path.join(mkdtempSync(path.join(tmpdir(), "addin-")), "addin.xlsx");
    writeFileSync(file, await exportWorkbook(host));
    const [out] = recalculate([file]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out!);
    const result = (sheet: string, addr: string) => {
      const v = back.getWorksheet(sheet)!.getCell(addr).value;
      return v && typeof v === "object" && "formula" in v ? v.result : v;
    };
    expect(names.slice(0, 3).map((n) => result(n, cells.total))).toEqual(totals);
    expect(names.slice(0, 3).map((n) => result(n, cells.verdict))).toEqual(["通过", "通过", "补充完善"]);
    const panel = scorePanel(
      "evaluation",
      totals.map((t) => ({ total: t, complete: true, vetoed: false, verdict: evaluationVerdict(t) })),
    );
    const where = panelCells(3);
    expect(result(names[3]!, where.score)).toBeCloseTo(panel.score!, 9);
    expect(result(names[3]!, where.verdict)).toBe(panel.verdict);

    const wrote = await run(host, (ctx) => writeBackScores(ctx));
    expect(wrote.written).toBe(2);
    expect(host.value(REGISTER_SHEET, `N${row}`)).toBe(panel.score);
    expect(host.value(REGISTER_SHEET, `O${row}`)).toBe(panel.verdict);
    expect(host.cell(REGISTER_SHEET, `O${row}`)!.format.numberFormat).toBe("@");
  });

  it("writes back scores in four syncs beside a 10,000-row register, reading only the scoring sheets' formulas", async () => {
    const host = await filledHost(10_000);
    const enterprise = String(host.value(REGISTER_SHEET, "B2"));
    await run(host, (ctx) => insertScoreSheets(ctx, "evaluation", enterprise, 5, host.supports));
    host.syncCount = 0;
    await run(host, (ctx) => writeBackScores(ctx));
    expect(host.syncCount).toBe(4);
  }, 120_000);

  it("inserts acceptance sheets whose drop-downs and messages Excel accepts (it refuses longer ones)", async () => {
    const host = await filledHost(3);
    const enterprise = String(host.value(REGISTER_SHEET, "B2"));
    const names = await run(host, (ctx) =>
      insertScoreSheets(ctx, "acceptance", enterprise, 5, host.supports),
    );
    expect(names).toHaveLength(6);
    const validations = names.flatMap((n) => host.sheet(n)!.validations);
    expect(validations.length).toBeGreaterThan(20);
    expect(validations.some((v) => "list" in v.rule)).toBe(true);
  });

  /** The three experts of a new panel for an enterprise not yet evaluated, every item at its maximum. */
  async function scoredPanel(host: Awaited<ReturnType<typeof filledHost>>) {
    let row = 2;
    while (host.value(REGISTER_SHEET, `N${row}`) !== null) row++;
    const enterprise = String(host.value(REGISTER_SHEET, `B${row}`));
    const names = await run(host, (ctx) =>
      insertScoreSheets(ctx, "evaluation", enterprise, 3, host.supports),
    );
    const { cells } = scoreSheetLayout({ kind: "evaluation", enterprise, expert: "专家1" });
    for (const name of names.slice(0, 3))
      rubricItems(evaluationRubric).forEach((item, i) =>
        host.seed(name, [[item.max]], Number(cells.scores[i]!.slice(1)) - 1, 4),
      );
    return { row, names, cells };
  }

  it("writes back no panel whose total was typed over, and names the cell", async () => {
    const host = await filledHost(10);
    const { row, names, cells } = await scoredPanel(host);
    const total = host.cell(names[0]!, cells.total)!;
    total.formula = undefined;
    total.value = 93.7;
    const wrote = await run(host, (ctx) => writeBackScores(ctx));
    expect(wrote.written).toBe(0);
    expect(wrote.panels[0]).toMatchObject({ score: 100, verdict: "通过", hasErrors: true });
    expect(wrote.issues).toContainEqual(
      expect.objectContaining({
        sheet: names[0],
        cell: cells.total,
        code: "score.formulaChanged",
        severity: "error",
      }),
    );
    expect(host.value(REGISTER_SHEET, `N${row}`)).toBeNull();
  });

  it("writes the default 评分细则, checks an edited one, and makes new scoring sheets from it", async () => {
    const host = await filledHost(10);
    expect(await run(host, (ctx) => writeOrCheckRubric(ctx, host.supports))).toEqual({
      written: true,
      issues: [],
    });
    expect(host.value(RUBRIC_SHEET, "A1")).toBe("评分表");
    expect(host.value(RUBRIC_SHEET, "D4")).toBe("企业高层领导支持并参与");
    host.seed(RUBRIC_SHEET, [["企业主要负责人亲自参与审核"]], 3, 3);
    host.seed(RUBRIC_SHEET, [[0.3]], 1, 4);
    const checked = await run(host, (ctx) => writeOrCheckRubric(ctx, host.supports));
    expect(checked.written).toBe(false);
    expect(checked.issues).toContainEqual(
      expect.objectContaining({ sheet: RUBRIC_SHEET, cell: "E2", severity: "error" }),
    );
    const enterprise = String(host.value(REGISTER_SHEET, "B2"));
    await expect(
      run(host, (ctx) => insertScoreSheets(ctx, "evaluation", enterprise, 3, host.supports)),
    ).rejects.toThrow(/评分细则.*E2/);
    host.seed(RUBRIC_SHEET, [[3]], 1, 4);
    expect((await run(host, (ctx) => writeOrCheckRubric(ctx, host.supports))).issues).toEqual([]);
    const names = await run(host, (ctx) =>
      insertScoreSheets(ctx, "evaluation", enterprise, 3, host.supports),
    );
    const texts = [...host.sheet(names[0]!)!.cells.values()].map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining(["企业主要负责人亲自参与审核", "本区评分细则"]));
    expect(texts).not.toContain("企业高层领导支持并参与");
  });

  it("refuses a panel of 2", async () => {
    const host = await filledHost(3);
    await expect(
      run(host, (ctx) =>
        insertScoreSheets(ctx, "acceptance", String(host.value(REGISTER_SHEET, "B2")), 2, host.supports),
      ),
    ).rejects.toThrow("3—5");
  });
});
