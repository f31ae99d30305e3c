// The scoring sheets' formulas against the core, cell by cell: workbooks are filled the way a script or a paste
// fills them (ExcelJS values: numbers and strings, formulas typed over), LibreOffice recalculates them, and the
// core reads LibreOffice's file back. Every total, verdict, first-error note and panel cell must say what the
// core says, and every formula typed over must be an error in the core.

import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { scorePanels } from "../../src/core/panels";
import { DEFAULT_RUBRICS, rubricItems, type ScoringKind } from "../../src/core/rubrics";
import { scoreSheet, TICK } from "../../src/core/scoring";
import {
  panelCells,
  panelLayout,
  readPanelSheet,
  readScoreSheet,
  scoreSheetLayout,
  type ScoreSheetCells,
} from "../../src/forms/scoresheets";
import { readGrid } from "../helpers/excelJsReference";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { recalculate } from "../helpers/libreoffice";

jest.setTimeout(240_000);

/** A cell's content as a script writes it: a number, a string, an error value, or a formula of the expert's. */
type Content = number | string | boolean | null | ExcelJS.CellErrorValue | ExcelJS.CellFormulaValue;

/** Scores that add up to `total`, item by item up to each maximum, in half points. */
function scoresFor(kind: ScoringKind, total: number | null): Content[] {
  const items = rubricItems(DEFAULT_RUBRICS[kind]);
  if (total === null) return items.map(() => null);
  let left = total;
  return items.map((i) => {
    const s = Math.min(i.max, left);
    left -= s;
    return s;
  });
}

interface Expert {
  scores: Content[];
  /** The contents of the 是 and 否 cells of each key indicator. */
  keys: [Content, Content][];
  /** Our formula cells typed over: a value, or another formula. */
  overwrite?: { cell: "total" | "verdict"; value: ExcelJS.CellValue }[];
}

interface Case {
  name: string;
  kind: ScoringKind;
  experts: Expert[];
  /** The panel's score cell typed over. */
  panelScore?: number;
}

const YES: [Content, Content] = [TICK, null];
const NO: [Content, Content] = [null, TICK];
const answers = (...pairs: [Content, Content][]) => {
  const keys = Array.from({ length: 7 }, () => YES);
  pairs.forEach((p, i) => (keys[i] = p));
  return keys;
};

const ev = (total: number | null, edit: Record<number, Content> = {}): Expert => {
  const scores = scoresFor("evaluation", total);
  for (const [i, v] of Object.entries(edit)) scores[Number(i)] = v;
  return { scores, keys: [] };
};
const ac = (total: number | null, keys = answers(), edit: Record<number, Content> = {}): Expert => {
  const scores = scoresFor("acceptance", total);
  for (const [i, v] of Object.entries(edit)) scores[Number(i)] = v;
  return { scores, keys };
};

// Evaluation item 1 is worth 7 points, item 3 is worth 1; acceptance item 0 is worth 3.
const CASES: Case[] = [
  { name: "全空", kind: "evaluation", experts: [ev(null), ev(null), ev(null)] },
  {
    name: "一项空：已完成 2/3，无专家组评分",
    kind: "evaluation",
    experts: [ev(85), ev(85, { 27: null }), ev(90)],
  },
  { name: "69.5", kind: "evaluation", experts: [ev(69.5), ev(69.5), ev(69.5)] },
  { name: "70", kind: "evaluation", experts: [ev(70), ev(70), ev(70)] },
  { name: "90", kind: "evaluation", experts: [ev(90), ev(90), ev(90)] },
  { name: "90.5", kind: "evaluation", experts: [ev(90.5), ev(90.5), ev(90.5)] },
  { name: "均值舍入", kind: "evaluation", experts: [ev(82), ev(82.5), ev(83), ev(81.5), ev(80)] },
  { name: "三人均值", kind: "evaluation", experts: [ev(69.5), ev(70), ev(70)] },
  { name: "四人进位", kind: "evaluation", experts: [ev(89), ev(90), ev(90.5), ev(91.5)] },
  { name: "超过分值 8/7", kind: "evaluation", experts: [ev(100, { 1: 8 }), ev(95), ev(95)] },
  { name: "3.5 in 3 分", kind: "evaluation", experts: [ev(90, { 0: 3.5 }), ev(90), ev(90)] },
  { name: "负分", kind: "evaluation", experts: [ev(90, { 2: -2 }), ev(90), ev(90)] },
  { name: "0.3", kind: "evaluation", experts: [ev(90, { 5: 0.3 }), ev(90), ev(90)] },
  { name: "2.25", kind: "evaluation", experts: [ev(90, { 5: 2.25 }), ev(90), ev(90)] },
  { name: "文本数字", kind: "evaluation", experts: [ev(90, { 0: "3" }), ev(90), ev(90)] },
  { name: "全角文本数字", kind: "evaluation", experts: [ev(90, { 0: "３" }), ev(90), ev(90)] },
  { name: "文字与空格", kind: "evaluation", experts: [ev(90, { 4: "良" }), ev(90, { 6: " " }), ev(90)] },
  {
    name: "专家自己写的公式、错误值",
    kind: "evaluation",
    experts: [
      ev(90, { 0: { formula: "1+1" } as ExcelJS.CellFormulaValue }),
      ev(90, { 2: { error: "#N/A" } as ExcelJS.CellErrorValue }),
      ev(90),
    ],
  },
  { name: "空字符串算空白", kind: "evaluation", experts: [ev(90, { 4: "" }), ev(90), ev(90)] },
  {
    name: "差 1 ulp 的得分按其所指的半分读",
    kind: "evaluation",
    // Item 5 is worth 4 and filled: 2.9999999999999996 reads as 3, 2.5000000000000004 as 2.5, 3.0000000000000004 as 3.
    experts: [
      ev(91, { 5: 2.9999999999999996 }),
      ev(90.5, { 5: 2.5000000000000004 }),
      ev(91, { 5: 3.0000000000000004 }),
    ],
  },
  {
    name: "差 1 ulp 落在分档线上",
    kind: "evaluation",
    experts: [ev(71, { 5: 2.9999999999999996 }), ev(71, { 5: 2.9999999999999996 }), ev(70)],
  },
  { name: "离半分差得多仍有误", kind: "evaluation", experts: [ev(90, { 5: 2.9999 }), ev(90), ev(90)] },
  { name: "TRUE 与 FALSE", kind: "evaluation", experts: [ev(90, { 3: true }), ev(90, { 3: false }), ev(90)] },
  {
    name: "公式：有无计算结果都算有误",
    kind: "evaluation",
    experts: [
      ev(90, { 0: { formula: "3" } as ExcelJS.CellFormulaValue }),
      ev(90, { 0: { formula: "3", result: 3 } as ExcelJS.CellFormulaValue }),
      ev(90),
    ],
  },
  {
    name: "关键指标为公式或 TRUE",
    kind: "acceptance",
    experts: [
      ac(80, answers([{ formula: `"${TICK}"` } as ExcelJS.CellFormulaValue, null])),
      ac(80, answers([true, null])),
      ac(80),
    ],
  },
  {
    name: "有误与未完成：先报有误，第一处",
    kind: "evaluation",
    experts: [ev(90, { 9: "x", 3: 5 }), ev(90, { 8: null }), ev(90)],
  },
  {
    name: "改写总分与结论",
    kind: "evaluation",
    experts: [
      { ...ev(86), overwrite: [{ cell: "total", value: 93.7 }] },
      {
        ...ev(86),
        overwrite: [{ cell: "verdict", value: { formula: '"通过"' } as ExcelJS.CellFormulaValue }],
      },
      ev(86),
    ],
  },
  { name: "改写专家组评分", kind: "evaluation", experts: [ev(86), ev(86), ev(86)], panelScore: 93.7 },
  { name: "验收59.5", kind: "acceptance", experts: [ac(59.5), ac(59.5), ac(59.5)] },
  { name: "验收60", kind: "acceptance", experts: [ac(60), ac(60), ac(60)] },
  { name: "否决", kind: "acceptance", experts: [ac(100), ac(100, answers(YES, YES, NO)), ac(100)] },
  {
    name: "填是与否",
    kind: "acceptance",
    experts: [ac(80, answers(["是", null], [null, "否"])), ac(80), ac(80)],
  },
  { name: "否列填是", kind: "acceptance", experts: [ac(80, answers(YES, [null, "是"])), ac(80), ac(80)] },
  {
    name: "是否都打勾",
    kind: "acceptance",
    experts: [ac(80, answers(YES, YES, [TICK, TICK])), ac(80), ac(80)],
  },
  { name: "勾后有空格", kind: "acceptance", experts: [ac(80, answers([`${TICK} `, null])), ac(80), ac(80)] },
  { name: "打叉", kind: "acceptance", experts: [ac(80, answers(YES, ["×", null])), ac(80), ac(80)] },
  { name: "关键指标空", kind: "acceptance", experts: [ac(80), ac(80, answers(YES, [null, null])), ac(80)] },
  {
    name: "关键指标与得分都有误：先报关键指标",
    kind: "acceptance",
    experts: [ac(80, answers(YES, YES, YES, [TICK, TICK]), { 0: "3" }), ac(80), ac(80)],
  },
  {
    name: "验收超分、负分、文本数字",
    kind: "acceptance",
    experts: [ac(80, answers(), { 0: 4 }), ac(80, answers(), { 1: -1 }), ac(80, answers(), { 2: "4" })],
  },
  { name: "五人验收", kind: "acceptance", experts: [ac(61), ac(59), ac(60.5), ac(62), ac(58.5)] },
  {
    name: "验收改写总分",
    kind: "acceptance",
    experts: [{ ...ac(55), overwrite: [{ cell: "total", value: 65 }] }, ac(55), ac(55)],
  },
  {
    name: "验收未完成与有误",
    kind: "acceptance",
    experts: [ac(80, answers(YES, [null, null])), ac(80, answers(), { 3: 0.3 }), ac(80)],
  },
];

interface Written {
  c: Case;
  sheets: { name: string; expert: string; cells: ScoreSheetCells }[];
  panel: string;
}

describe("scoring sheets recalculated by LibreOffice agree with the core on every cell", () => {
  let computed: ExcelJS.Workbook;
  /** The file as the script wrote it, never opened: formulas without results, TRUE as a boolean. */
  let asWritten: ExcelJS.Workbook;
  const written: Written[] = [];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    CASES.forEach((c, ci) => {
      const enterprise = `测试企业${ci}有限公司`;
      const sheets = c.experts.map((e, i) => {
        const expert = `专家${i + 1}`;
        const name = `${c.kind === "evaluation" ? "评估评分" : "验收评分"} ${ci} ${expert}`;
        const { layout, cells } = scoreSheetLayout({ kind: c.kind, enterprise, expert, name });
        const ws = writeLayout(wb, layout);
        cells.scores.forEach((addr, k) => {
          const s = e.scores[k];
          if (s !== null && s !== undefined) ws.getCell(addr).value = s;
        });
        e.keys.forEach(([yes, no], j) => {
          if (yes !== null) ws.getCell(cells.keys!.yes[j]!).value = yes;
          if (no !== null) ws.getCell(cells.keys!.no[j]!).value = no;
        });
        for (const o of e.overwrite ?? []) ws.getCell(cells[o.cell]).value = o.value;
        return { name, expert, cells };
      });
      const panel = `汇总 ${ci}`;
      const ws = writeLayout(wb, panelLayout({ kind: c.kind, enterprise, sheets, name: panel }));
      if (c.panelScore !== undefined) ws.getCell(panelCells(sheets.length).score).value = c.panelScore;
      written.push({ c, sheets, panel });
    });
    const dir = mkdtempSync(path.join(tmpdir(), "scores-"));
    const file = path.join(dir, "scores.xlsx");
    await wb.xlsx.writeFile(file);
    const [out] = recalculate([file]);
    computed = new ExcelJS.Workbook();
    await computed.xlsx.readFile(out!);
    asWritten = new ExcelJS.Workbook();
    await asWritten.xlsx.readFile(file);
  });

  /** What LibreOffice computed into a cell ("" and empty both as null). */
  const shown = (sheet: string, addr: string) => {
    const v = computed.getWorksheet(sheet)!.getCell(addr).value;
    const r = v !== null && typeof v === "object" && "formula" in v ? (v.result ?? null) : v;
    return r === "" ? null : r;
  };

  it.each(CASES.map((c, i) => [c.name, i] as const))("%s", (_, i) => {
    const { c, sheets, panel } = written[i]!;
    const experts = sheets.map((s) => readScoreSheet(readGrid(computed.getWorksheet(s.name)!))!);
    const panelRead = readPanelSheet(readGrid(computed.getWorksheet(panel)!))!;
    const core = scorePanels(experts, [panelRead]);
    const overwritten = new Set<string>();
    c.experts.forEach((e, k) =>
      (e.overwrite ?? []).forEach((o) => overwritten.add(`${sheets[k]!.name}!${sheets[k]!.cells[o.cell]}`)),
    );
    const where = panelCells(sheets.length);
    if (c.panelScore !== undefined) overwritten.add(`${panel}!${where.score}`);
    // Every formula typed over is an error on its cell, and only those.
    const flagged = core.issues
      .filter((x) => x.code === "score.formulaChanged")
      .map((x) => `${x.sheet}!${x.cell}`);
    expect(flagged.sort()).toEqual([...overwritten].sort());
    const agree = (sheet: string, addr: string, value: unknown) => {
      if (!overwritten.has(`${sheet}!${addr}`))
        expect([sheet, addr, shown(sheet, addr)]).toEqual([sheet, addr, value]);
    };

    sheets.forEach((s, k) => {
      const result = core.sheets[k]!;
      const read = experts[k]!;
      agree(s.name, s.cells.total, result.total);
      agree(s.name, s.cells.verdict, result.verdict);
      // The sheet names the first invalid cell, as the core's first cell issue does.
      const firstBad = [
        ...read.keys.map((x, j) => [x, s.cells.keys?.yes[j]] as const),
        ...read.scores.map((x, j) => [x, s.cells.scores[j]] as const),
      ].find(([x]) => !x.ok)?.[1];
      const note = shown(s.name, s.cells.check);
      if (firstBad === undefined) expect(note).toBeNull();
      else expect(String(note)).toMatch(new RegExp(`^评分有误：${firstBad}（`));
      expect(core.issues.find((x) => x.sheet === s.name && x.code !== "score.formulaChanged")?.cell).toBe(
        firstBad,
      );
      // The panel's row for the expert, computed from the expert's typed cells only.
      agree(panel, `C${4 + k}`, result.total);
      agree(panel, `D${4 + k}`, result.verdict);
      if (c.kind === "acceptance") {
        const vetoed = scoreSheet(c.kind, read.scores, read.keys).vetoed;
        agree(panel, `E${4 + k}`, vetoed ? "是" : "否");
      }
    });
    // The core reading the file before any program computed it says the same of every sheet.
    const unopened = sheets.map((s) => readScoreSheet(readGrid(asWritten.getWorksheet(s.name)!))!);
    const before = scorePanels(unopened, []);
    expect(before.sheets.map((x) => [x.total, x.verdict])).toEqual(
      core.sheets.map((x) => [x.total, x.verdict]),
    );
    const p = core.panels[0]!;
    expect(p.sheets).toEqual(sheets.map((s) => s.name));
    agree(panel, where.score, p.score);
    if (c.panelScore === undefined) agree(panel, where.verdict, p.verdict);
    agree(panel, where.completed, `已完成 ${p.completed}/${sheets.length}`);
    if (!p.complete) expect(p.score).toBeNull();
  });

  it("reads a score 1 ulp off a half point as that half point, on both sides", () => {
    const totals = (name: string) => {
      const { sheets } = written.find((w) => w.c.name === name)!;
      return sheets.map((s) => [shown(s.name, s.cells.total), shown(s.name, s.cells.verdict)]);
    };
    expect(totals("差 1 ulp 的得分按其所指的半分读")).toEqual([
      [90, "补充完善"],
      [89, "补充完善"],
      [90, "补充完善"],
    ]);
    expect(totals("差 1 ulp 落在分档线上")).toEqual([
      [70, "补充完善"],
      [70, "补充完善"],
      [70, "补充完善"],
    ]);
    expect(totals("TRUE 与 FALSE").map(([, v]) => v)).toEqual(["评分有误", "评分有误", "补充完善"]);
  });
});
