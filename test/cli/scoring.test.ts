// cpa rubric, scoresheet and score: a district's own 评分细则 from export to score, formulas typed over, and
// panels with unfinished sheets.

import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { rubricItems } from "../../src/core/rubrics";
import { readScoreSheet } from "../../src/forms/scoresheets";
import { readGrid } from "../helpers/excelJsReference";
import { auditingEnterprise, fillScores as fill, scoreSheets } from "../helpers/scoring";
import { runCli as run } from "./runCli";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-scoring-"));
const file = (name: string) => path.join(dir, name);

async function open(p: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(p);
  return wb;
}

let base = "";
let enterprise = "";
beforeAll(async () => {
  base = file("base.xlsx");
  await run("demo", "-o", base, "--seed", "5");
  enterprise = await auditingEnterprise(base);
});

const scoresheet = (input: string, out: string, kind: "evaluation" | "acceptance" = "evaluation") =>
  scoreSheets(input, out, enterprise, kind);

describe("formulas typed over and unfinished panels", () => {
  it("reports a total and a verdict typed over as errors on their cells, scores by the typed scores, and writes nothing back", async () => {
    const out = file("typed-over.xlsx");
    const sheets = await scoresheet(base, out);
    await fill(out, sheets.slice(0, 3), [14, 14, 14]);
    const wb = await open(out);
    const ws = wb.getWorksheet(sheets[0]!)!;
    const read = readScoreSheet(readGrid(ws))!;
    ws.getCell(read.cells.total).value = 93.7;
    ws.getCell(read.cells.verdict).value = "通过";
    await wb.xlsx.writeFile(out);
    const r = await run("score", out, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.sheets[0]).toMatchObject({ total: 86, verdict: "补充完善" });
    expect(json.panels[0]).toMatchObject({ score: 86, verdict: "补充完善", complete: true });
    expect(r.err).toContain(`${sheets[0]}!${read.cells.total}`);
    expect(r.err).toContain(`${sheets[0]}!${read.cells.verdict}`);
    const back = await run("score", out, "--write-back", "-o", file("typed-over-back.xlsx"));
    expect(back.out).toContain("已回填 0 个单元格");
    expect(back.out).toContain("未回填");
  });

  it("shows no panel score while one expert has not finished, and how many have", async () => {
    const out = file("unfinished.xlsx");
    const sheets = await scoresheet(base, out);
    await fill(out, sheets.slice(0, 3), [10, 0, null]);
    const r = await run("score", out, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).panels[0]).toMatchObject({
      experts: 3,
      completed: 2,
      score: null,
      verdict: "未完成评分",
      complete: false,
    });
    expect((await run("score", out)).out).toMatch(/2\/3\s+未完成评分/);
  });

  it("says 评分有误 for a score typed as text, naming its cell", async () => {
    const out = file("text-score.xlsx");
    const sheets = await scoresheet(base, out, "acceptance");
    await fill(out, sheets.slice(0, 3), [0, 0, 0]);
    const wb = await open(out);
    const ws = wb.getWorksheet(sheets[1]!)!;
    const cell = readScoreSheet(readGrid(ws))!.cells.scores[0]!;
    ws.getCell(cell).value = "3";
    await wb.xlsx.writeFile(out);
    const r = await run("score", out, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.sheets[1]).toMatchObject({ total: null, verdict: "评分有误", complete: false });
    expect(json.panels[0]).toMatchObject({ score: null, verdict: "评分有误", completed: 2 });
    expect(r.err).toContain(`${sheets[1]}!${cell}`);
  });
});

describe("a district's own 评分细则", () => {
  const exported = file("rubric.xlsx");

  it("exports the default, refuses to overwrite it, and checks it", async () => {
    const r = await run("rubric", base, "-o", exported, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tables).toEqual([
      expect.objectContaining({ kind: "evaluation", items: 28, keyIndicators: 0, total: 100 }),
      expect.objectContaining({ kind: "acceptance", items: 22, keyIndicators: 7, total: 100 }),
    ]);
    expect((await run("rubric", exported, "-o", file("again.xlsx"))).code).toBe(2);
    const checked = await run("rubric", exported);
    expect(checked.code).toBe(0);
    expect(checked.out).toContain("本区评分细则");
  });

  it("round-trips: edit, check, make scoring sheets from it, and score by it", async () => {
    const edited = file("rubric-edited.xlsx");
    const wb = await open(exported);
    const ws = wb.getWorksheet("评分细则")!;
    // Move a point from the second item to the first, reword the third, add a section of the district's own
    // worth a point taken from the fourth and fifth, and drop the seventh key indicator.
    ws.getCell("E2").value = 4;
    ws.getCell("E3").value = 6;
    ws.getCell("D4").value = "企业主要负责人亲自参与审核";
    ws.getCell("E5").value = 0;
    const keyRow = [...Array(ws.rowCount).keys()]
      .map((i) => i + 1)
      .find((r) => ws.getCell(`D${r}`).value === "无其他地方规定的相关否定内容")!;
    ws.spliceRows(keyRow, 1);
    ws.addRow(["评估", "四、本区补充要求", "信息公开", "按本区要求公开清洁生产审核信息", 1, "否"]);
    await wb.xlsx.writeFile(edited);
    // 0 is no maximum: the check names the cell.
    const bad = await run("rubric", edited, "--json");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).issues).toContainEqual(
      expect.objectContaining({ sheet: "评分细则", cell: "E5" }),
    );
    expect(
      (
        await run(
          "scoresheet",
          edited,
          "--kind",
          "evaluation",
          "--enterprise",
          enterprise,
          "--experts",
          "3",
          "-o",
          file("no.xlsx"),
        )
      ).code,
    ).toBe(1);

    const fixed = await open(edited);
    fixed.getWorksheet("评分细则")!.getCell("E5").value = 0.5;
    fixed.getWorksheet("评分细则")!.getCell("E6").value = 0.5;
    await fixed.xlsx.writeFile(edited);
    const good = await run("rubric", edited, "--json");
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out).tables).toEqual([
      expect.objectContaining({
        kind: "evaluation",
        source: expect.stringContaining("本区评分细则"),
        items: 29,
        total: 100,
      }),
      expect.objectContaining({ kind: "acceptance", items: 22, keyIndicators: 6, total: 100 }),
    ]);

    const scored = file("rubric-scored.xlsx");
    const sheets = await scoresheet(edited, scored);
    const made = await open(scored);
    const texts = readGrid(made.getWorksheet(sheets[0]!)!)
      .rows.flat()
      .filter((v) => typeof v === "string");
    expect(texts).toEqual(
      expect.arrayContaining(["企业主要负责人亲自参与审核", "四、本区补充要求", "本区评分细则"]),
    );
    expect(texts).not.toContain("附件3");
    const rubrics = await fill(scored, sheets.slice(0, 3), [0, 1.5, 12]);
    expect(
      rubricItems(rubrics.evaluation)
        .map((i) => i.max)
        .slice(0, 5),
    ).toEqual([4, 6, 2, 0.5, 0.5]);
    const r = await run("score", scored, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.sheets.map((s: { total: number }) => s.total)).toEqual([100, 98.5, 88]);
    expect(json.panels[0]).toMatchObject({ score: 95.5, verdict: "通过", complete: true });

    const acceptance = await scoresheet(edited, file("rubric-acceptance.xlsx"), "acceptance");
    const acc = await open(file("rubric-acceptance.xlsx"));
    const accTexts = readGrid(acc.getWorksheet(acceptance[0]!)!).rows.flat();
    expect(accTexts).toContain("注：关键指标6条否决指标中任何1条为“否”时，则验收不合格。");

    // Sheets made from one rubric are not scored by another: the first cell that differs is named.
    const changed = await open(scored);
    changed.getWorksheet("评分细则")!.getCell("E2").value = 3;
    changed.getWorksheet("评分细则")!.getCell("E3").value = 7;
    await changed.xlsx.writeFile(scored);
    const mismatch = await run("score", scored);
    expect(mismatch.code).toBe(1);
    expect(mismatch.out).toContain("与评分细则不一致");
  });

  it("labels Guangxi's sheets 附件3 and Shanghai's by a footnote naming the Guangxi document", async () => {
    const gx = file("gx.xlsx");
    await run("demo", "-o", gx, "--profile", "guangxi", "--seed", "4");
    const name = (JSON.parse((await run("status", gx, "--json")).out) as { name: string }[])[0]!.name;
    const gxOut = file("gx-sheets.xlsx");
    const made = await scoreSheets(gx, gxOut, name, "acceptance");
    const gxSheet = (await open(gxOut)).getWorksheet(made[0]!)!;
    expect(gxSheet.getCell("A1").value).toBe("附件8");
    const shOut = file("sh-sheets.xlsx");
    const sheets = await scoresheet(base, shOut);
    const shSheet = (await open(shOut)).getWorksheet(sheets[0]!)!;
    expect(shSheet.getCell("A1").value).toBeNull();
    const texts = readGrid(shSheet).rows.flat();
    expect(texts).toContain(
      "评分细则参照《广西壮族自治区清洁生产审核及评估、验收工作流程》附件3《清洁生产审核评估评分表》",
    );
  });
});
