import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { rubricFor, rubricItems, type ScoringKind } from "../../src/core/rubrics";
import { scorePanel, scoreSheet } from "../../src/core/scoring";
import {
  panelCells,
  panelLayout,
  scoreSheetLayout,
  TICK,
  type ScoreSheetCells,
} from "../../src/forms/scoresheets";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { recalculate } from "../helpers/libreoffice";

jest.setTimeout(180_000);

/** Scores that add up to `total`, item by item up to each maximum, in half points. */
function scoresFor(kind: ScoringKind, total: number | null, blanks = 0): (number | null)[] {
  const items = rubricItems(rubricFor(kind));
  if (total === null) return items.map(() => null);
  let left = total;
  const out = items.map((i): number | null => {
    const s = Math.min(i.max, left);
    left -= s;
    return s;
  });
  for (let b = 0; b < blanks; b++) out[out.length - 1 - b] = null;
  return out;
}

interface Expert {
  scores: (number | null)[];
  keys: (boolean | null)[];
}
interface Case {
  name: string;
  kind: ScoringKind;
  experts: Expert[];
}

const allYes = () => Array.from({ length: 7 }, () => true as boolean | null);
const ev = (total: number | null, blanks = 0): Expert => ({
  scores: scoresFor("evaluation", total, blanks),
  keys: [],
});
const ac = (total: number | null, keys = allYes(), blanks = 0): Expert => ({
  scores: scoresFor("acceptance", total, blanks),
  keys,
});

const CASES: Case[] = [
  { name: "全空", kind: "evaluation", experts: [ev(null), ev(null), ev(null)] },
  { name: "一项空", kind: "evaluation", experts: [ev(85), ev(85, 1), ev(90)] },
  { name: "69.5", kind: "evaluation", experts: [ev(69.5), ev(69.5), ev(69.5)] },
  { name: "70", kind: "evaluation", experts: [ev(70), ev(70), ev(70)] },
  { name: "90", kind: "evaluation", experts: [ev(90), ev(90), ev(90)] },
  { name: "90.5", kind: "evaluation", experts: [ev(90.5), ev(90.5), ev(90.5)] },
  { name: "均值舍入", kind: "evaluation", experts: [ev(82), ev(82.5), ev(83), ev(81.5), ev(80)] },
  { name: "三人均值", kind: "evaluation", experts: [ev(69.5), ev(70), ev(70)] },
  { name: "四人进位", kind: "evaluation", experts: [ev(89), ev(90), ev(90.5), ev(91.5)] },
  { name: "验收59.5", kind: "acceptance", experts: [ac(59.5), ac(59.5), ac(59.5)] },
  { name: "验收60", kind: "acceptance", experts: [ac(60), ac(60), ac(60)] },
  {
    name: "否决",
    kind: "acceptance",
    experts: [ac(100), ac(100, [true, true, false, true, true, true, true]), ac(100)],
  },
  {
    name: "关键指标空",
    kind: "acceptance",
    experts: [ac(80), ac(80, [true, null, true, true, true, true, true]), ac(80)],
  },
  { name: "五人验收", kind: "acceptance", experts: [ac(61), ac(59), ac(60.5), ac(62), ac(58.5)] },
];

interface Written {
  c: Case;
  sheets: { name: string; cells: ScoreSheetCells }[];
  panel: string;
}

describe("scoring sheets recalculated by LibreOffice", () => {
  let computed: ExcelJS.Workbook;
  const written: Written[] = [];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    CASES.forEach((c, ci) => {
      const enterprise = `测试企业${ci}${c.name}有限公司`;
      const sheets = c.experts.map((e, i) => {
        const expert = `专家${i + 1}`;
        const name = `${c.kind === "evaluation" ? "评" : "验"}${ci}-${i + 1}`;
        const { layout, cells } = scoreSheetLayout({ kind: c.kind, enterprise, expert, name });
        const ws = writeLayout(wb, layout);
        cells.scores.forEach((addr, k) => {
          const s = e.scores[k];
          if (s !== null && s !== undefined) ws.getCell(addr).value = s;
        });
        if (c.kind === "acceptance") {
          const top = Number(cells.keysYes!.split(":")[0]!.slice(1));
          e.keys.forEach((k, j) => {
            if (k === true) ws.getCell(`C${top + j}`).value = TICK;
            if (k === false) ws.getCell(`D${top + j}`).value = TICK;
          });
        }
        return { name, expert, cells };
      });
      const panel = `汇总${ci}`;
      writeLayout(wb, panelLayout({ kind: c.kind, enterprise, sheets, name: panel }));
      written.push({ c, sheets, panel });
    });
    const dir = mkdtempSync(path.join(tmpdir(), "scores-"));
    const file = path.join(dir, "scores.xlsx");
    await wb.xlsx.writeFile(file);
    const [out] = recalculate([file]);
    computed = new ExcelJS.Workbook();
    await computed.xlsx.readFile(out!);
  });

  const result = (sheet: string, addr: string) => {
    const v = computed.getWorksheet(sheet)!.getCell(addr).value;
    return v !== null && typeof v === "object" && "formula" in v ? (v.result ?? null) : v;
  };

  it.each(CASES.map((c, i) => [c.name, i] as const))(
    "%s: totals, panel mean and verdicts equal the core's",
    (_, i) => {
      const { c, sheets, panel } = written[i]!;
      const cores = c.experts.map((e) => scoreSheet(c.kind, e.scores, c.kind === "acceptance" ? e.keys : []));
      sheets.forEach((s, k) => {
        const core = cores[k]!;
        expect(result(s.name, s.cells.verdict)).toBe(core.verdict);
        if (core.total !== null) expect(result(s.name, s.cells.total)).toBeCloseTo(core.total, 9);
      });
      const core = scorePanel(
        c.kind,
        cores.map((s, k) => ({ total: s.total, complete: s.complete, keys: c.experts[k]!.keys })),
      );
      const where = panelCells(sheets.length);
      expect(result(panel, where.verdict)).toBe(core.verdict);
      const score = result(panel, where.score);
      if (core.score === null) expect([null, ""]).toContain(score);
      else expect(score).toBeCloseTo(core.score, 9);
    },
  );
});
