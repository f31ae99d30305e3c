// 评估评分表 (附件3) and 验收评分表 (附件8), one sheet per expert, and the panel summary — laid out so that
// totals and verdicts compute by Excel formulas alone, by the same rules as the core (SPEC 4.3) — plus the
// readers that take typed scores back and check that no formula of ours was typed over.

import { cellAddress, columnLetters, parseCellAddress, rangeAddress } from "../core/address";
import { cellText } from "../core/cells";
import { cellValue, type CellInput, type Grid } from "../core/grid";
import { issue, type Issue } from "../core/issues";
import type { ExpertSheet, PanelSheetRead } from "../core/panels";
import type { ProfileId } from "../core/profiles";
import {
  DEFAULT_RUBRICS,
  KEY_INDICATORS_TITLE,
  keyIndicatorNote,
  RUBRIC_TITLES,
  rubricItems,
  rubricLabel,
  SCORING_KINDS,
  type Rubric,
  type RubricSet,
  type ScoringKind,
} from "../core/rubrics";
import {
  ACCEPTANCE_PASS,
  BAND_VERDICTS,
  checkKeyIndicator,
  checkScore,
  EVALUATION_FULL_PASS,
  EVALUATION_PASS,
  INCOMPLETE,
  INVALID,
  KEY_MARKS,
  PANEL_VETO_ON_ANY_EXPERT,
  SCORE_STEP,
  STEP_TOLERANCE,
  TICK,
  type CellCheck,
  type KeyCheck,
  type ScoreCheck,
} from "../core/scoring";
import {
  emptyLayout,
  formula,
  formulaKey,
  layoutCells,
  num,
  put,
  text,
  wrappedHeight,
  type LayoutValue,
  type SheetLayout,
} from "./layout";

export const KIND_LABEL: Record<ScoringKind, { sheet: string; panel: string; verdictLabel: string }> = {
  evaluation: { sheet: "评估评分", panel: "评估汇总", verdictLabel: "评估结果" },
  acceptance: { sheet: "验收评分", panel: "验收汇总", verdictLabel: "验收结果" },
};

/** 企业简称: the name without region prefix and company-form suffix, at most eight characters. */
export function shortName(name: string): string {
  const bare = name
    .trim()
    .replace(/(股份有限公司|有限责任公司|有限公司|集团公司|公司|厂)$/, "")
    .replace(/^(上海市|上海|广西壮族自治区|广西|南宁市|南宁|柳州市|桂林市)/, "");
  return [...(bare || name)].slice(0, 8).join("");
}

export function expertLabel(i: number): string {
  return `专家${i + 1}`;
}

export function scoreSheetName(kind: ScoringKind, enterprise: string, expert: string): string {
  return `${KIND_LABEL[kind].sheet} ${shortName(enterprise)} ${expert}`;
}

export function panelSheetName(kind: ScoringKind, enterprise: string): string {
  return `${KIND_LABEL[kind].panel} ${shortName(enterprise)}`;
}

/** Where the cells of one scoring sheet are, for its formulas, the panel's formulas and the reader. */
export interface ScoreSheetCells {
  kind: ScoringKind;
  /** The score cells, in rubric order. */
  scores: string[];
  /** The score column, the 分值 column and the requirement column, over the rows from the first item to the last. */
  scoreRange: string;
  maxRange: string;
  textRange: string;
  total: string;
  verdict: string;
  /** Where the sheet names its first invalid cell. */
  check: string;
  /** Acceptance: the 是 and 否 cells of each key indicator, and their two columns. */
  keys?: { yes: string[]; no: string[]; yesRange: string; noRange: string };
  /** Ranges whose cells hold the rubric (texts and maxima), which must read as the rubric says. */
  rubricArea: string[];
}

// ---- the rules of SPEC 4.3 as formulas ----

/** A row far below any sheet's last, to find the first row of a condition with MAX (no array entry needed). */
const BEYOND = 2 ** 21;

const blankIn = (r: string) => `ISNUMBER(1/(${r}=""))`;
/**
 * 1 where a cell holds a formula (or, in LibreOffice, a TRUE/FALSE, which it keeps as the formula TRUE()): a
 * score is typed, never computed, so that the file's cells say the same whether or not they were recalculated.
 * Where ISFORMULA is unknown (Excel 2010) it is 0 and formulas count by their values.
 */
const formulaIn = (r: string) => `ISNUMBER(1/_xlfn.ISFORMULA(${r}))`;
/** The core's tolerance as LibreOffice writes a number back, so that a re-saved formula still reads as ours. */
const TOLERANCE = STEP_TOLERANCE.toFixed(9);
const markedIn = (r: string, marks: readonly string[]) =>
  `ISNUMBER(1/(${marks.map((m) => `(${r}="${m}")`).join("+")}))`;

/**
 * The formulas of one expert sheet's rules over its cells; `at` is "" on the sheet itself, or the quoted sheet
 * name and "!" on the panel. Every test is made error-proof (ISNUMBER(1/…)) and free of IF (which needs array
 * entry inside SUMPRODUCT in Excel before dynamic arrays), so one plain SUMPRODUCT counts it.
 */
function sheetRules(cells: ScoreSheetCells, at = "") {
  const S = `${at}${cells.scoreRange}`;
  const M = `${at}${cells.maxRange}`;
  const steps = `ROUND(${S}*${1 / SCORE_STEP},0)`;
  const plain = `(1-${formulaIn(S)})`;
  const onStep = `(ABS(${S}*${1 / SCORE_STEP}-${steps})<=${TOLERANCE})`;
  const valid = `${plain}*ISNUMBER(${S})*ISNUMBER(1/((${steps}>=0)*(${steps}<=${M}*${1 / SCORE_STEP})*${onStep}))`;
  const blank = `${plain}*${blankIn(S)}`;
  const badScore = `ISNUMBER(${M})*(1-${valid}-${blank})`;
  const blankScores = `SUMPRODUCT(ISNUMBER(${M})*${blank})`;
  // Each score within the tolerance of its step, so the total within a hair of the sum of the steps.
  const sum = `ROUND(SUM(${S})*${1 / SCORE_STEP},0)/${1 / SCORE_STEP}`;
  let badKey = "";
  let invalid = `SUMPRODUCT(${badScore})`;
  let unfilled = blankScores;
  let vetoes = "0";
  if (cells.keys) {
    const Y = `${at}${cells.keys.yesRange}`;
    const N = `${at}${cells.keys.noRange}`;
    const typed = `(1-${formulaIn(Y)})*(1-${formulaIn(N)})`;
    const yes = `${typed}*${markedIn(Y, KEY_MARKS.yes)}*${blankIn(N)}`;
    const no = `${typed}*${markedIn(N, KEY_MARKS.no)}*${blankIn(Y)}`;
    const none = `${typed}*${blankIn(Y)}*${blankIn(N)}`;
    badKey = `(1-${yes}-${no}-${none})`;
    invalid = `${invalid}+SUMPRODUCT(${badKey})`;
    unfilled = `${unfilled}+SUMPRODUCT(${none}*1)`;
    vetoes = `SUMPRODUCT(${no}*1)`;
  }
  const bands =
    cells.kind === "evaluation"
      ? `IF(${sum}<${EVALUATION_PASS},"不通过",IF(${sum}<=${EVALUATION_FULL_PASS},"补充完善","通过"))`
      : `IF(${vetoes}>0,"不合格",IF(${sum}>=${ACCEPTANCE_PASS},"合格","不合格"))`;
  return {
    S,
    M,
    badScore,
    badKey,
    invalid,
    total: `IF(OR(${invalid}>0,${blankScores}=${cells.scores.length}),"",${sum})`,
    verdict: `IF(${invalid}>0,"${INVALID}",IF(${unfilled}>0,"${INCOMPLETE}",${bands}))`,
    veto: `IF(${vetoes}>0,"是","否")`,
  };
}

/** The sheet's own note naming its first invalid cell, as the core's first issue does. */
function checkFormula(cells: ScoreSheetCells): string {
  const r = sheetRules(cells);
  const first = (bad: string, range: string) =>
    `(${BEYOND}-SUMPRODUCT(MAX(${bad}*(${BEYOND}-ROW(${range})))))`;
  const top = (range: string) => parseCellAddress(range.split(":")[0]!)!;
  const s = top(cells.scoreRange);
  const scoreRow = first(r.badScore, r.S);
  const k = `${scoreRow}-${s.row}`;
  const scoreNote =
    `"评分有误：${columnLetters(s.col)}"&${scoreRow}&"（"&LEFT(INDEX(${cells.textRange},${k}),16)&"…）` +
    `须为直接填写的 0 到 "&INDEX(${r.M},${k})&" 之间、以 ${SCORE_STEP} 分为单位的数字"`;
  if (!cells.keys) return `IF(${r.invalid}=0,"",${scoreNote})`;
  const y = top(cells.keys.yesRange);
  const keyRow = first(r.badKey, cells.keys.yesRange);
  const keyNote =
    `"评分有误：${columnLetters(y.col)}"&${keyRow}&"（关键指标 "&(${keyRow}-${y.row})&"）` +
    `须在“是”或“否”下打“${TICK}”，只选一项"`;
  return `IF(${r.invalid}=0,"",IF(SUMPRODUCT(${r.badKey})>0,${keyNote},${scoreNote}))`;
}

// ---- one expert's sheet ----

export interface ScoreSheetSpec {
  kind: ScoringKind;
  enterprise: string;
  expert: string;
  name?: string;
  /** The default is the seed's rubric. */
  rubric?: Rubric;
  /** Whose forms these are: decides the attachment label and the footnote naming the rubric (SPEC 4). */
  profile?: ProfileId;
}

/**
 * One expert's scoring sheet, with the rubric verbatim. Score cells (and key-indicator cells) are the only
 * unlocked cells; the sheet is protected without a password.
 */
export function scoreSheetLayout(spec: ScoreSheetSpec): { layout: SheetLayout; cells: ScoreSheetCells } {
  const rubric = spec.rubric ?? DEFAULT_RUBRICS[spec.kind];
  if (rubric.kind !== spec.kind) throw new Error(`a ${rubric.kind} rubric for a ${spec.kind} sheet`);
  // One page, as the experts sign it: never a few items and the verdict alone on a second sheet of paper.
  const layout = emptyLayout(spec.name ?? scoreSheetName(spec.kind, spec.enterprise, spec.expert), {
    orientation: "portrait",
    fitToWidth: true,
    onePage: true,
  });
  layout.protect = true;
  const label = rubricLabel(rubric, spec.profile ?? "shanghai");
  const width = spec.kind === "evaluation" ? 5 : 4;
  if (label.attachment) put(layout, 0, 0, text(label.attachment), "footer", 2);
  put(layout, 1, 0, text(rubric.title), "title", width);
  put(layout, 2, 0, text(`企业名称：${spec.enterprise}`), "footer", width - 2);
  put(layout, 2, width - 2, text("年     月    日"), "footer", 2);
  layout.rowHeights[1] = 28;
  const { cells, next } =
    spec.kind === "evaluation" ? evaluationBody(layout, rubric) : acceptanceBody(layout, rubric);
  const checkRow = parseCellAddress(cells.check)!.row;
  put(layout, checkRow, 0, formula(checkFormula(cells)), "verdict", width);
  layout.rowHeights[checkRow] = 30;
  const half = Math.ceil(width / 2);
  // The seed's line is signed by hand: 专家签名： stays blank on paper (the expert is named in the sheet's name).
  put(layout, next, 0, text("专家签名："), "footer", half);
  put(layout, next, half, text("时间：    年   月   日"), "footer", width - half);
  if (label.footnote) put(layout, next + 1, 0, text(label.footnote), "note", width);
  return { layout, cells };
}

function scoreValidation(layout: SheetLayout, cell: string, max: number): void {
  const rule = `AND(ISNUMBER(${cell}),${cell}>=0,${cell}<=${max},MOD(${cell}*${1 / SCORE_STEP},1)=0)`;
  layout.validations.push({
    range: cell,
    rule: { kind: "custom", formula: rule },
    prompt: { title: "得分", message: `0–${max} 分，以 ${SCORE_STEP} 分为单位` },
    error: { title: "得分无效", message: `请输入 0 到 ${max} 之间、以 ${SCORE_STEP} 分为单位的得分` },
  });
}

/** One item's row: requirement, 分值 and the unlocked score cell. */
function itemRow(
  layout: SheetLayout,
  row: number,
  cols: { text: number; max: number; score: number },
  item: { requirement: string; max: number },
  minHeight: number,
): string {
  layout.rowHeights[row] = Math.max(
    wrappedHeight(item.requirement, layout.columnWidths[cols.text]!),
    minHeight,
  );
  layout.blocks.push({ row, col: cols.text, values: [[text(item.requirement)]], style: "cell" });
  layout.blocks.push({ row, col: cols.max, values: [[num(item.max)]], style: "number" });
  layout.blocks.push({ row, col: cols.score, values: [[null]], style: "input", numberFormat: "0.0" });
  const cell = cellAddress(row, cols.score);
  layout.unlocked.push(cell);
  scoreValidation(layout, cell, item.max);
  return cell;
}

/** The total and verdict rows under the items, by formula. */
function totalRow(layout: SheetLayout, row: number, cols: { max: number; score: number }, total: number) {
  put(layout, row, 0, text("总  分"), "total", cols.max);
  layout.blocks.push({ row, col: cols.max, values: [[num(total)]], style: "total" });
}

interface Body {
  cells: ScoreSheetCells;
  /** The row of the signature line. */
  next: number;
}

function evaluationBody(layout: SheetLayout, rubric: Rubric): Body {
  // 序号 | 指标内容 | 要   求 | 分值 | 得分
  layout.columnWidths = [6, 16, 58, 7, 9];
  const cols = { text: 2, max: 3, score: 4 };
  layout.blocks.push({
    row: 3,
    col: 0,
    values: [["序号", "指标内容", "要   求", "分值", "得分"].map((h) => text(h))],
    style: "header",
  });
  layout.print.titleRows = [4, 4];
  let row = 4;
  const top = row;
  const scores: string[] = [];
  for (const section of rubric.sections) {
    put(layout, row++, 0, text(section.title), "section", 5);
    for (const group of section.groups) {
      put(layout, row, 0, num(group.number), "cellCenter", 1, group.items.length);
      put(layout, row, 1, text(group.indicator), "cellCenter", 1, group.items.length);
      const labelHeight = wrappedHeight(group.indicator, layout.columnWidths[1]!) / group.items.length;
      for (const item of group.items) scores.push(itemRow(layout, row++, cols, item, labelHeight));
    }
  }
  const bottom = row - 1;
  const cells: ScoreSheetCells = {
    kind: "evaluation",
    scores,
    scoreRange: rangeAddress(top, cols.score, bottom, cols.score),
    maxRange: rangeAddress(top, cols.max, bottom, cols.max),
    textRange: rangeAddress(top, cols.text, bottom, cols.text),
    total: cellAddress(row, cols.score),
    verdict: cellAddress(row + 1, 3),
    check: cellAddress(row + 2, 0),
    rubricArea: [rangeAddress(top, 0, bottom, cols.score)],
  };
  const rules = sheetRules(cells);
  totalRow(layout, row, cols, rubric.total);
  layout.blocks.push({
    row,
    col: cols.score,
    values: [[formula(rules.total)]],
    style: "total",
    numberFormat: "0.0",
  });
  const bands = `低于${EVALUATION_PASS}分不通过，${EVALUATION_PASS}-${EVALUATION_FULL_PASS}分补充完善，高于${EVALUATION_FULL_PASS}分通过`;
  put(
    layout,
    row + 1,
    0,
    text(`${KIND_LABEL.evaluation.verdictLabel}（按总分自动判定：${bands}）`),
    "cell",
    3,
  );
  put(layout, row + 1, 3, formula(rules.verdict), "verdict", 2);
  layout.rowHeights[row + 1] = 30;
  return { cells, next: row + 3 };
}

function acceptanceBody(layout: SheetLayout, rubric: Rubric): Body {
  // 序号 / 分组 | 内容 / 评价内容 | 是 / 分值 | 否 / 得分
  layout.columnWidths = [14, 62, 8, 9];
  const cols = { text: 1, max: 2, score: 3 };
  put(layout, 3, 0, text(KEY_INDICATORS_TITLE), "section", 4);
  layout.blocks.push({
    row: 4,
    col: 0,
    values: [["序号", "内    容", "是", "否"].map((h) => text(h))],
    style: "header",
  });
  let row = 5;
  const keysTop = row;
  for (const k of rubric.keyIndicators) {
    layout.rowHeights[row] = wrappedHeight(k.text, layout.columnWidths[1]!);
    layout.blocks.push({ row, col: 0, values: [[num(k.number)]], style: "number" });
    layout.blocks.push({ row, col: 1, values: [[text(k.text)]], style: "cell" });
    layout.blocks.push({ row, col: 2, values: [[null, null]], style: "input" });
    row++;
  }
  const keysBottom = row - 1;
  layout.unlocked.push(rangeAddress(keysTop, 2, keysBottom, 3));
  const marks = (col: number, answer: string, options: readonly string[]) =>
    layout.validations.push({
      range: rangeAddress(keysTop, col, keysBottom, col),
      rule: { kind: "list", options },
      prompt: { title: "关键指标", message: `在“是”或“否”下打“${TICK}”（或填“${answer}”），每行只选一项` },
      error: { title: "关键指标", message: `请填写“${TICK}”或“${answer}”` },
    });
  marks(2, "是", KEY_MARKS.yes);
  marks(3, "否", KEY_MARKS.no);
  const top = row + 1;
  const scores: string[] = [];
  for (const section of rubric.sections) {
    put(layout, row, 0, text(section.title), "header", 2);
    layout.blocks.push({ row, col: 2, values: [[text("分值"), text("得分")]], style: "header" });
    row++;
    for (const group of section.groups) {
      const count = group.items.length;
      put(layout, row, 0, text(group.indicator), "cellCenter", 1, count);
      const labelHeight = wrappedHeight(group.indicator, layout.columnWidths[0]!) / count;
      for (const item of group.items) scores.push(itemRow(layout, row++, cols, item, labelHeight));
    }
  }
  const bottom = row - 1;
  const yesRange = rangeAddress(keysTop, 2, keysBottom, 2);
  const noRange = rangeAddress(keysTop, 3, keysBottom, 3);
  const cells: ScoreSheetCells = {
    kind: "acceptance",
    scores,
    scoreRange: rangeAddress(top, cols.score, bottom, cols.score),
    maxRange: rangeAddress(top, cols.max, bottom, cols.max),
    textRange: rangeAddress(top, cols.text, bottom, cols.text),
    total: cellAddress(row, cols.score),
    verdict: cellAddress(row + 2, 2),
    check: cellAddress(row + 3, 0),
    keys: {
      yes: rubric.keyIndicators.map((_, j) => cellAddress(keysTop + j, 2)),
      no: rubric.keyIndicators.map((_, j) => cellAddress(keysTop + j, 3)),
      yesRange,
      noRange,
    },
    rubricArea: [rangeAddress(keysTop, 0, keysBottom, 1), rangeAddress(top, 0, bottom, cols.score)],
  };
  const rules = sheetRules(cells);
  totalRow(layout, row, cols, rubric.total);
  layout.blocks.push({
    row,
    col: cols.score,
    values: [[formula(rules.total)]],
    style: "total",
    numberFormat: "0.0",
  });
  const v = cells.verdict;
  put(
    layout,
    row + 1,
    0,
    formula(
      `"验收结论：合格（"&IF(${v}="合格"," ${TICK} ","   ")&"）      不合格（"&IF(${v}="不合格"," ${TICK} ","   ")&"）"`,
    ),
    "cell",
    4,
  );
  put(
    layout,
    row + 2,
    0,
    text(
      `${KIND_LABEL.acceptance.verdictLabel}（按关键指标和总分自动判定：关键指标均为“是”且总分${ACCEPTANCE_PASS}分及以上为合格）`,
    ),
    "cell",
    2,
  );
  put(layout, row + 2, 2, formula(rules.verdict), "verdict", 2);
  layout.rowHeights[row + 2] = 30;
  put(layout, row + 4, 0, text(keyIndicatorNote(rubric.keyIndicators.length)), "note", 4);
  return { cells, next: row + 5 };
}

// ---- panel summary ----

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

export interface PanelSpec {
  kind: ScoringKind;
  enterprise: string;
  sheets: { name: string; expert: string; cells: ScoreSheetCells }[];
  name?: string;
}

/** Where the panel's score, verdict and count of complete sheets are (for the reader and tests). */
export function panelCells(experts: number): { score: string; verdict: string; completed: string } {
  const scoreRow = 3 + experts - 1 + 2;
  return {
    score: cellAddress(scoreRow, 2),
    verdict: cellAddress(scoreRow + 1, 2),
    completed: cellAddress(scoreRow + 2, 2),
  };
}

/**
 * Each expert's total and verdict, computed again from that expert's score cells (never from the cells an
 * expert could type over), then the panel score — the mean rounded half-up to one decimal, shown only when
 * every sheet is complete — the verdict on it, and how many sheets are complete. All by formula.
 */
export function panelLayout(spec: PanelSpec): SheetLayout {
  const acc = spec.kind === "acceptance";
  const width = acc ? 5 : 4;
  const layout = emptyLayout(spec.name ?? panelSheetName(spec.kind, spec.enterprise), {
    orientation: "portrait",
    fitToWidth: true,
  });
  layout.protect = true;
  layout.columnWidths = acc ? [10, 34, 12, 16, 14] : [10, 34, 12, 16];
  put(layout, 0, 0, text(`${RUBRIC_TITLES[spec.kind]} 专家组汇总`), "title", width);
  put(layout, 1, 0, text(`企业名称：${spec.enterprise}`), "footer", width);
  const head = ["专家", "评分表", "总分", "评分结论", ...(acc ? ["关键指标否决"] : [])];
  layout.blocks.push({ row: 2, col: 0, values: [head.map((h) => text(h))], style: "header" });
  const top = 3;
  spec.sheets.forEach((s, i) => {
    const rules = sheetRules(s.cells, `${quote(s.name)}!`);
    const values: LayoutValue[] = [
      text(s.expert),
      text(s.name),
      formula(rules.total),
      formula(rules.verdict),
      ...(acc ? [formula(rules.veto)] : []),
    ];
    layout.blocks.push({ row: top + i, col: 0, values: [values], style: "cellCenter", numberFormat: "0.0" });
  });
  const n = spec.sheets.length;
  const bottom = top + n - 1;
  const totals = rangeAddress(top, 2, bottom, 2);
  const verdicts = rangeAddress(top, 3, bottom, 3);
  const done = `(${BAND_VERDICTS[spec.kind].map((v) => `COUNTIF(${verdicts},"${v}")`).join("+")})`;
  const at = panelCells(n);
  const s = at.score;
  put(layout, bottom + 2, 0, text("专家组评分（各评分表总分的平均值，四舍五入保留一位小数）"), "cell", 2);
  put(layout, bottom + 2, 2, formula(`IF(${done}<${n},"",ROUND(AVERAGE(${totals}),1))`), "total", width - 2);
  layout.blocks[layout.blocks.length - 1]!.numberFormat = "0.0";
  const veto = PANEL_VETO_ON_ANY_EXPERT && acc ? `COUNTIF(${rangeAddress(top, 4, bottom, 4)},"是")>0` : "";
  const bands = acc
    ? `${veto ? `IF(${veto},"不合格",` : ""}IF(${s}>=${ACCEPTANCE_PASS},"合格","不合格")${veto ? ")" : ""}`
    : `IF(${s}<${EVALUATION_PASS},"不通过",IF(${s}<=${EVALUATION_FULL_PASS},"补充完善","通过"))`;
  put(layout, bottom + 3, 0, text(`专家组${KIND_LABEL[spec.kind].verdictLabel}`), "cell", 2);
  put(
    layout,
    bottom + 3,
    2,
    formula(`IF(${done}<${n},IF(COUNTIF(${verdicts},"${INVALID}")>0,"${INVALID}","${INCOMPLETE}"),${bands})`),
    "verdict",
    width - 2,
  );
  put(layout, bottom + 4, 0, text("完成情况"), "cell", 2);
  put(layout, bottom + 4, 2, formula(`"已完成 "&${done}&"/${n}"`), "cellCenter", width - 2);
  layout.rowHeights[bottom + 2] = 30;
  return layout;
}

// ---- readers ----

/** An expert's sheet as read back, with where its input cells are. */
export interface ScoreSheetRead extends ExpertSheet {
  cells: ScoreSheetCells;
}

const textAt = (grid: Grid, r: number, c: number) => cellText(cellValue(grid.rows[r]?.[c] ?? null));
const compact = (s: string) => s.replace(/\s+/g, "");
const at = (grid: Grid, address: string): CellInput => {
  const p = parseCellAddress(address)!;
  return grid.rows[p.row]?.[p.col] ?? null;
};
const kindByTitle = (title: string, suffix = "") =>
  SCORING_KINDS.find((k) => compact(title) === compact(`${RUBRIC_TITLES[k]}${suffix}`));

/** Cells inside A1 ranges, row by row. */
function cellsOf(range: string): string[] {
  const [a, b = a] = range.split(":") as [string, string?];
  const s = parseCellAddress(a)!;
  const e = parseCellAddress(b ?? a)!;
  const out: string[] = [];
  for (let r = s.row; r <= e.row; r++) for (let c = s.col; c <= e.col; c++) out.push(cellAddress(r, c));
  return out;
}

/** The value a typed cell holds; a formula is not typed, computed or not, as the sheet's formulas see it. */
function inputValue(cell: CellInput): { value: unknown } | { formula: true } {
  if (cell !== null && typeof cell === "object" && "formula" in cell) return { formula: true };
  return { value: cellValue(cell) };
}

/** Our formulas that were typed over (a value, or a different formula, where ours should be). */
function overwrittenFormulas(layout: SheetLayout, grid: Grid): Issue[] {
  const issues: Issue[] = [];
  for (const [address, v] of layoutCells(layout)) {
    if (v === null || v.t !== "formula") continue;
    const found = at(grid, address);
    const same =
      found !== null &&
      typeof found === "object" &&
      "formula" in found &&
      formulaKey(found.formula) === formulaKey(v.f);
    if (same) continue;
    const now =
      found !== null && typeof found === "object" && "formula" in found
        ? "另一公式"
        : `固定的值“${cellText(cellValue(found))}”`;
    issues.push(
      issue(
        grid.sheet,
        address,
        "error",
        "score.formulaChanged",
        `${address} 的公式已被改成${now}，本工具不采用该单元格的结果；请恢复公式或重新生成评分表`,
      ),
    );
  }
  return issues;
}

/** The first cell of the rubric area that does not read as the rubric says, if any. */
function rubricMismatch(layout: SheetLayout, cells: ScoreSheetCells, grid: Grid): Issue | undefined {
  const expected = layoutCells(layout);
  const inputs = new Set([...cells.scores, ...(cells.keys ? [...cells.keys.yes, ...cells.keys.no] : [])]);
  for (const address of cells.rubricArea.flatMap(cellsOf)) {
    if (inputs.has(address)) continue;
    const want = expected.get(address) ?? null;
    const got = cellValue(at(grid, address));
    const wantText = want === null || want.t === "formula" ? "" : String(want.v);
    const same =
      want !== null && want.t === "number" ? got === want.v : compact(cellText(got)) === compact(wantText);
    if (!same)
      return issue(
        grid.sheet,
        address,
        "error",
        "score.rubricChanged",
        `${address} 与评分细则不一致（应为“${wantText.slice(0, 20)}”），请按现行评分细则重新生成评分表`,
      );
  }
  return undefined;
}

/**
 * Reads an expert's scoring sheet back against the workbook's rubric: checks every score and key indicator as
 * the sheet's formulas do, and that the rubric's cells and our formulas are as written. Undefined when the
 * sheet is not a scoring sheet.
 */
export function readScoreSheet(grid: Grid, rubrics: RubricSet = DEFAULT_RUBRICS): ScoreSheetRead | undefined {
  const kind = kindByTitle(textAt(grid, 1, 0));
  if (!kind) return undefined;
  const rubric = rubrics[kind];
  const { layout, cells } = scoreSheetLayout({ kind, enterprise: "", expert: "", name: grid.sheet, rubric });
  const enterprise = textAt(grid, 2, 0)
    .replace(/^企业名称：/, "")
    .trim();
  const signed = grid.rows
    .map((row) => cellText(cellValue(row[0] ?? null)))
    .find((t) => t.startsWith("专家签名："));
  // Sheets made before the line was left blank carry the expert there; others in the sheet's name.
  const expert = (signed ?? "").slice("专家签名：".length).trim() || (grid.sheet.split(" ").at(-1) ?? "");
  const issues: Issue[] = [];
  const judge = <T>(address: string, what: string, c: CellCheck<T>): CellCheck<T> => {
    if (!c.ok)
      issues.push(issue(grid.sheet, address, "error", c.code, `${address}（${what}）：${c.message}`));
    return c;
  };
  const computed = {
    ok: false as const,
    code: "score.formula",
    message: "单元格中是公式：得分和关键指标须直接填写，不能由公式计算",
  };
  const keys: KeyCheck[] = rubric.keyIndicators.map((k, j) => {
    const yes = inputValue(at(grid, cells.keys!.yes[j]!));
    const no = inputValue(at(grid, cells.keys!.no[j]!));
    const check = "formula" in yes || "formula" in no ? computed : checkKeyIndicator(yes.value, no.value);
    return judge(cells.keys!.yes[j]!, `关键指标 ${k.number}`, check);
  });
  const scores: ScoreCheck[] = rubricItems(rubric).map((item, i) => {
    const cell = inputValue(at(grid, cells.scores[i]!));
    const check = "formula" in cell ? computed : checkScore(cell.value, item.max);
    return judge(cells.scores[i]!, `${item.requirement.slice(0, 16)}…`, check);
  });
  const mismatch = rubricMismatch(layout, cells, grid);
  if (mismatch) issues.push(mismatch);
  issues.push(...overwrittenFormulas(layout, grid));
  return { sheet: grid.sheet, kind, enterprise, expert, scores, keys, cells, issues };
}

/**
 * Reads a panel summary back: which scoring sheets it gathers, and whether its formulas are still ours.
 * Undefined when the sheet is not a panel summary.
 */
export function readPanelSheet(grid: Grid, rubrics: RubricSet = DEFAULT_RUBRICS): PanelSheetRead | undefined {
  const kind = kindByTitle(textAt(grid, 0, 0), " 专家组汇总");
  if (!kind) return undefined;
  const enterprise = textAt(grid, 1, 0)
    .replace(/^企业名称：/, "")
    .trim();
  const members: PanelSpec["sheets"] = [];
  for (let r = 3; r < grid.rows.length; r++) {
    const name = textAt(grid, r, 1);
    if (!name) break;
    const { cells } = scoreSheetLayout({ kind, enterprise: "", expert: "", name, rubric: rubrics[kind] });
    members.push({ name, expert: textAt(grid, r, 0), cells });
  }
  const expected = panelLayout({ kind, enterprise, sheets: members, name: grid.sheet });
  return {
    sheet: grid.sheet,
    kind,
    enterprise,
    sheets: members.map((m) => m.name),
    issues: overwrittenFormulas(expected, grid),
  };
}
