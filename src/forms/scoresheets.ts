// 评估评分表 (附件3) and 验收评分表 (附件8), one sheet per expert, and the panel summary — laid out so that
// totals and verdicts compute by Excel formulas alone — plus the reader that takes typed scores back.

import { cellAddress, columnLetters, rangeAddress } from "../core/address";
import { cellText } from "../core/cells";
import { cellValue, type Grid } from "../core/grid";
import { issue, type Issue } from "../core/issues";
import type { ExpertSheet } from "../core/panels";
import { rubricFor, rubricItems, type Rubric, type ScoringKind } from "../core/rubrics";
import { checkScore, INCOMPLETE, SCORE_STEP } from "../core/scoring";
import {
  emptyLayout,
  formula,
  num,
  put,
  text,
  wrappedHeight,
  type LayoutValue,
  type SheetLayout,
} from "./layout";

/** The tick an expert puts under 是 or 否 of a key indicator. */
export const TICK = "√";
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

/** Where the formulas of one scoring sheet live, for the panel sheet and the reader. */
export interface ScoreSheetCells {
  scores: string[];
  total: string;
  verdict: string;
  /** Acceptance: the 是 and 否 columns of the key indicators. */
  keysYes?: string;
  keysNo?: string;
}

const scoreRule = (cell: string, max: number) =>
  `AND(ISNUMBER(${cell}),${cell}>=0,${cell}<=${max},MOD(${cell}*${1 / SCORE_STEP},1)=0)`;

function verdictFormula(
  kind: ScoringKind,
  cells: ScoreSheetCells,
  scoreRange: string,
  count: number,
): string {
  const t = cells.total;
  if (kind === "evaluation") {
    return `IF(COUNT(${scoreRange})<${count},"${INCOMPLETE}",IF(${t}<70,"不通过",IF(${t}<=90,"补充完善","通过")))`;
  }
  const yes = cells.keysYes!;
  const no = cells.keysNo!;
  return (
    `IF(OR(SUMPRODUCT(--((${yes}="${TICK}")+(${no}="${TICK}")=1))<ROWS(${yes}),COUNT(${scoreRange})<${count}),"${INCOMPLETE}",` +
    `IF(COUNTIF(${no},"${TICK}")>0,"不合格",IF(${t}>=60,"合格","不合格")))`
  );
}

export interface ScoreSheetSpec {
  kind: ScoringKind;
  enterprise: string;
  expert: string;
  name?: string;
}

/**
 * One expert's scoring sheet, with the rubric verbatim. Score cells (and key-indicator ticks) are the only
 * unlocked cells; the sheet is protected without a password.
 */
export function scoreSheetLayout(spec: ScoreSheetSpec): { layout: SheetLayout; cells: ScoreSheetCells } {
  const rubric = rubricFor(spec.kind);
  const layout = emptyLayout(spec.name ?? scoreSheetName(spec.kind, spec.enterprise, spec.expert), {
    orientation: "portrait",
    fitToWidth: true,
  });
  layout.protect = true;
  return spec.kind === "evaluation"
    ? evaluationSheet(layout, rubric, spec)
    : acceptanceSheet(layout, rubric, spec);
}

function scoreValidation(layout: SheetLayout, cell: string, max: number): void {
  layout.validations.push({
    range: cell,
    rule: { kind: "custom", formula: scoreRule(cell, max) },
    prompt: { title: "得分", message: `0–${max} 分，以 ${SCORE_STEP} 分为单位` },
    error: { title: "得分无效", message: `请输入 0 到 ${max} 之间、以 ${SCORE_STEP} 分为单位的得分` },
  });
}

function header(layout: SheetLayout, rubric: Rubric, spec: ScoreSheetSpec, width: number): void {
  put(layout, 0, 0, text(rubric.attachment), "footer", 2);
  put(layout, 1, 0, text(rubric.title), "title", width);
  put(layout, 2, 0, text(`企业名称：${spec.enterprise}`), "footer", width - 2);
  put(layout, 2, width - 2, text("年     月    日"), "footer", 2);
  layout.rowHeights[1] = 28;
}

function signature(layout: SheetLayout, row: number, spec: ScoreSheetSpec, width: number): void {
  put(layout, row, 0, text(`专家签名：${spec.expert}`), "footer", Math.ceil(width / 2));
  put(
    layout,
    row,
    Math.ceil(width / 2),
    text("时间：    年   月   日"),
    "footer",
    width - Math.ceil(width / 2),
  );
}

/** Adds a group's vertically merged label cells. */
function groupCells(
  layout: SheetLayout,
  top: number,
  count: number,
  cols: { col: number; value: LayoutValue }[],
): void {
  for (const { col, value } of cols) put(layout, top, col, value, "cellCenter", 1, count);
}

function evaluationSheet(layout: SheetLayout, rubric: Rubric, spec: ScoreSheetSpec) {
  // 序号 | 指标内容 | 要   求 | 分值 | 得分
  layout.columnWidths = [6, 16, 58, 7, 9];
  header(layout, rubric, spec, 5);
  layout.blocks.push({
    row: 3,
    col: 0,
    values: [["序号", "指标内容", "要   求", "分值", "得分"].map((h) => text(h))],
    style: "header",
  });
  layout.print.titleRows = [4, 4];
  let row = 4;
  const scores: string[] = [];
  for (const section of rubric.sections) {
    put(layout, row++, 0, text(section.title), "section", 5);
    const groups = new Map<string, number>();
    for (const item of section.items) {
      const key = `${item.number}|${item.indicator}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    for (const [key, count] of groups) {
      const [number, indicator] = key.split("|") as [string, string];
      groupCells(layout, row, count, [
        { col: 0, value: num(Number(number)) },
        { col: 1, value: text(indicator) },
      ]);
      const members = section.items.filter((i) => `${i.number}|${i.indicator}` === key);
      const labelHeight = wrappedHeight(indicator, layout.columnWidths[1]!) / members.length;
      for (const item of members) {
        layout.rowHeights[row] = Math.max(
          wrappedHeight(item.requirement, layout.columnWidths[2]!),
          labelHeight,
        );
        layout.blocks.push({ row, col: 2, values: [[text(item.requirement)]], style: "cell" });
        layout.blocks.push({ row, col: 3, values: [[num(item.max)]], style: "number" });
        layout.blocks.push({ row, col: 4, values: [[null]], style: "input", numberFormat: "0.0" });
        const cell = cellAddress(row, 4);
        scores.push(cell);
        layout.unlocked.push(cell);
        scoreValidation(layout, cell, item.max);
        row++;
      }
    }
  }
  const scoreRange = `E5:E${row}`;
  const cells: ScoreSheetCells = { scores, total: cellAddress(row, 4), verdict: cellAddress(row + 1, 3) };
  put(layout, row, 0, text("总  分"), "total", 3);
  layout.blocks.push({ row, col: 3, values: [[num(rubric.total)]], style: "total" });
  layout.blocks.push({
    row,
    col: 4,
    values: [[formula(`SUM(${scoreRange})`)]],
    style: "total",
    numberFormat: "0.0",
  });
  put(
    layout,
    row + 1,
    0,
    text(
      `${KIND_LABEL.evaluation.verdictLabel}（按总分自动判定：低于70分不通过，70-90分补充完善，高于90分通过）`,
    ),
    "cell",
    3,
  );
  put(
    layout,
    row + 1,
    3,
    formula(verdictFormula("evaluation", cells, scoreRange, scores.length)),
    "verdict",
    2,
  );
  layout.rowHeights[row + 1] = 30;
  signature(layout, row + 3, spec, 5);
  return { layout, cells };
}

function acceptanceSheet(layout: SheetLayout, rubric: Rubric, spec: ScoreSheetSpec) {
  // 序号 / 分组 | 内容 / 评价内容 | 是 / 分值 | 否 / 得分
  layout.columnWidths = [14, 62, 8, 9];
  header(layout, rubric, spec, 4);
  put(layout, 3, 0, text("清洁生产审核验收关键指标"), "section", 4);
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
  const keysYes = rangeAddress(keysTop, 2, row - 1, 2);
  const keysNo = rangeAddress(keysTop, 3, row - 1, 3);
  layout.unlocked.push(rangeAddress(keysTop, 2, row - 1, 3));
  layout.validations.push({
    range: rangeAddress(keysTop, 2, row - 1, 3),
    rule: { kind: "list", options: [TICK] },
    prompt: { title: "关键指标", message: `在“是”或“否”下打“${TICK}”（每行只选一项）` },
    error: { title: "关键指标", message: `请填写“${TICK}”` },
  });
  const section = rubric.sections[0]!;
  put(layout, row, 0, text(section.title), "header", 2);
  layout.blocks.push({ row, col: 2, values: [[text("分值"), text("得分")]], style: "header" });
  row++;
  const scoresTop = row;
  const scores: string[] = [];
  const groups: [string, number][] = [];
  for (const item of section.items) {
    const last = groups[groups.length - 1];
    if (last && last[0] === item.indicator) last[1]++;
    else groups.push([item.indicator, 1]);
  }
  let i = 0;
  for (const [label, count] of groups) {
    groupCells(layout, row, count, [{ col: 0, value: text(label) }]);
    for (let k = 0; k < count; k++, i++) {
      const item = section.items[i]!;
      layout.rowHeights[row] = Math.max(
        wrappedHeight(item.requirement, layout.columnWidths[1]!),
        wrappedHeight(label, layout.columnWidths[0]!) / count,
      );
      layout.blocks.push({ row, col: 1, values: [[text(item.requirement)]], style: "cell" });
      layout.blocks.push({ row, col: 2, values: [[num(item.max)]], style: "number" });
      layout.blocks.push({ row, col: 3, values: [[null]], style: "input", numberFormat: "0.0" });
      const cell = cellAddress(row, 3);
      scores.push(cell);
      layout.unlocked.push(cell);
      scoreValidation(layout, cell, item.max);
      row++;
    }
  }
  const scoreRange = `${columnLetters(3)}${scoresTop + 1}:${columnLetters(3)}${row}`;
  const cells: ScoreSheetCells = {
    scores,
    total: cellAddress(row, 3),
    verdict: cellAddress(row + 2, 2),
    keysYes,
    keysNo,
  };
  put(layout, row, 0, text("总  分"), "total", 2);
  layout.blocks.push({ row, col: 2, values: [[num(rubric.total)]], style: "total" });
  layout.blocks.push({
    row,
    col: 3,
    values: [[formula(`SUM(${scoreRange})`)]],
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
      `${KIND_LABEL.acceptance.verdictLabel}（按关键指标和总分自动判定：关键指标均为“是”且总分60分及以上为合格）`,
    ),
    "cell",
    2,
  );
  put(
    layout,
    row + 2,
    2,
    formula(verdictFormula("acceptance", cells, scoreRange, scores.length)),
    "verdict",
    2,
  );
  layout.rowHeights[row + 2] = 30;
  put(layout, row + 3, 0, text(rubric.keyIndicatorNote ?? ""), "note", 4);
  signature(layout, row + 4, spec, 4);
  return { layout, cells };
}

// ---- panel summary ----

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

export interface PanelSpec {
  kind: ScoringKind;
  enterprise: string;
  sheets: { name: string; expert: string; cells: ScoreSheetCells }[];
  name?: string;
}

/** Each expert's total and verdict, the panel mean rounded half-up to one decimal, and the verdict — by formula. */
export function panelLayout(spec: PanelSpec): SheetLayout {
  const acc = spec.kind === "acceptance";
  const width = acc ? 6 : 5;
  const layout = emptyLayout(spec.name ?? panelSheetName(spec.kind, spec.enterprise), {
    orientation: "portrait",
    fitToWidth: true,
  });
  layout.protect = true;
  layout.columnWidths = acc ? [10, 34, 10, 14, 10, 14] : [10, 34, 10, 14, 10];
  put(layout, 0, 0, text(`${rubricFor(spec.kind).title} 专家组汇总`), "title", width);
  put(layout, 1, 0, text(`企业名称：${spec.enterprise}`), "footer", width);
  const head = ["专家", "评分表", "总分", "评分结论", "是否完成", ...(acc ? ["关键指标否决"] : [])];
  layout.blocks.push({ row: 2, col: 0, values: [head.map((h) => text(h))], style: "header" });
  const top = 3;
  spec.sheets.forEach((s, i) => {
    const r = top + i;
    const q = quote(s.name);
    const values: LayoutValue[] = [
      text(s.expert),
      text(s.name),
      formula(`${q}!${s.cells.total}`),
      formula(`${q}!${s.cells.verdict}`),
      formula(`IF(${cellAddress(r, 3)}="${INCOMPLETE}","否","是")`),
      ...(acc ? [formula(`IF(COUNTIF(${q}!${s.cells.keysNo},"${TICK}")>0,"是","否")`)] : []),
    ];
    layout.blocks.push({ row: r, col: 0, values: [values], style: "cellCenter", numberFormat: "0.0" });
  });
  const bottom = top + spec.sheets.length - 1;
  const totals = rangeAddress(top, 2, bottom, 2);
  const done = rangeAddress(top, 4, bottom, 4);
  const scoreRow = bottom + 2;
  const scoreCell = cellAddress(scoreRow, 2);
  put(layout, scoreRow, 0, text("专家组评分（已完成评分表总分的平均值，四舍五入保留一位小数）"), "cell", 2);
  put(
    layout,
    scoreRow,
    2,
    formula(`IF(COUNTIF(${done},"是")=0,"",ROUND(AVERAGEIF(${done},"是",${totals}),1))`),
    "total",
    width - 2,
  );
  layout.blocks[layout.blocks.length - 1]!.numberFormat = "0.0";
  const bands = acc
    ? `IF(COUNTIF(${rangeAddress(top, 5, bottom, 5)},"是")>0,"不合格",IF(${scoreCell}>=60,"合格","不合格"))`
    : `IF(${scoreCell}<70,"不通过",IF(${scoreCell}<=90,"补充完善","通过"))`;
  put(layout, scoreRow + 1, 0, text(`专家组${KIND_LABEL[spec.kind].verdictLabel}`), "cell", 2);
  put(
    layout,
    scoreRow + 1,
    2,
    formula(`IF(OR(COUNTIF(${done},"是")<ROWS(${done}),${scoreCell}=""),"${INCOMPLETE}",${bands})`),
    "verdict",
    width - 2,
  );
  layout.rowHeights[scoreRow] = 30;
  return layout;
}

/** Where the panel's score and verdict are (for the reader). */
export function panelCells(experts: number): { score: string; verdict: string } {
  const scoreRow = 3 + experts - 1 + 2;
  return { score: cellAddress(scoreRow, 2), verdict: cellAddress(scoreRow + 1, 2) };
}

// ---- reader ----

/** An expert's sheet as read back, with where its score cells are. */
export interface ScoreSheetRead extends ExpertSheet {
  /** Addresses of the score cells, in rubric order. */
  cells: string[];
}

const textAt = (grid: Grid, r: number, c: number) => cellText(cellValue(grid.rows[r]?.[c] ?? null));
const compact = (s: string) => s.replace(/\s+/g, "");

/**
 * Reads a scoring sheet back: finds each rubric item by its requirement text, takes the score beside it,
 * and checks it (0 to the item's maximum, in half points). Undefined when the sheet is not a scoring sheet.
 */
export function readScoreSheet(grid: Grid): ScoreSheetRead | undefined {
  const title = compact(textAt(grid, 1, 0));
  const kind: ScoringKind | undefined =
    title === compact(rubricFor("evaluation").title)
      ? "evaluation"
      : title === compact(rubricFor("acceptance").title)
        ? "acceptance"
        : undefined;
  if (!kind) return undefined;
  const rubric = rubricFor(kind);
  const reqCol = kind === "evaluation" ? 2 : 1;
  const scoreCol = kind === "evaluation" ? 4 : 3;
  const issues: Issue[] = [];
  const enterprise = textAt(grid, 2, 0)
    .replace(/^企业名称：/, "")
    .trim();
  let expert = "";
  const byRequirement = new Map<string, number>();
  grid.rows.forEach((row, r) => {
    const req = compact(cellText(cellValue(row[reqCol] ?? null)));
    if (req && !byRequirement.has(req)) byRequirement.set(req, r);
    const first = cellText(cellValue(row[0] ?? null));
    if (first.startsWith("专家签名：")) expert = first.slice("专家签名：".length).trim();
  });
  const scores: (number | null)[] = [];
  const cells: string[] = [];
  for (const item of rubricItems(rubric)) {
    const r = byRequirement.get(compact(item.requirement));
    if (r === undefined) {
      issues.push(
        issue(
          grid.sheet,
          "",
          "error",
          "score.missingItem",
          `评分表缺少评分项“${item.requirement.slice(0, 20)}…”`,
        ),
      );
      scores.push(null);
      cells.push("");
      continue;
    }
    const cell = cellAddress(r, scoreCol);
    cells.push(cell);
    const check = checkScore(cellValue(grid.rows[r]?.[scoreCol] ?? null), item.max);
    if (check.ok) scores.push(check.value);
    else {
      scores.push(null);
      issues.push(issue(grid.sheet, cell, "error", check.code, `${item.indicator}：${check.message}`));
    }
  }
  const keys: (boolean | null)[] = [];
  for (const k of rubric.keyIndicators) {
    const r = byRequirement.get(compact(k.text));
    if (r === undefined) {
      keys.push(null);
      issues.push(issue(grid.sheet, "", "error", "key.missing", `评分表缺少关键指标 ${k.number}`));
      continue;
    }
    const yes = textAt(grid, r, 2);
    const no = textAt(grid, r, 3);
    const ticked = (s: string) => s === TICK || s === "是" || s === "✓" || s === "√";
    if (yes && no && ticked(yes) && ticked(no)) {
      keys.push(null);
      issues.push(
        issue(
          grid.sheet,
          cellAddress(r, 2),
          "error",
          "key.both",
          `关键指标 ${k.number} 的“是”和“否”只能选一项`,
        ),
      );
    } else if ((yes && !ticked(yes)) || (no && !ticked(no))) {
      keys.push(null);
      issues.push(
        issue(
          grid.sheet,
          cellAddress(r, yes && !ticked(yes) ? 2 : 3),
          "error",
          "key.value",
          `关键指标 ${k.number} 请在“是”或“否”下填写“${TICK}”`,
        ),
      );
    } else keys.push(yes ? true : no ? false : null);
  }
  return { sheet: grid.sheet, kind, enterprise, expert, scores, keys, cells, issues };
}

export interface PanelRead {
  sheet: string;
  kind: ScoringKind;
  enterprise: string;
  /** The experts' sheet names, in order. */
  sheets: string[];
}

/** Reads a panel summary back: which scoring sheets it gathers. */
export function readPanelSheet(grid: Grid): PanelRead | undefined {
  const title = compact(textAt(grid, 0, 0));
  const kind = (["evaluation", "acceptance"] as const).find(
    (k) => title === compact(`${rubricFor(k).title} 专家组汇总`),
  );
  if (!kind) return undefined;
  const sheets: string[] = [];
  for (let r = 3; r < grid.rows.length; r++) {
    const name = textAt(grid, r, 1);
    if (!name || textAt(grid, r, 0).startsWith("专家组")) break;
    sheets.push(name);
  }
  return {
    sheet: grid.sheet,
    kind,
    enterprise: textAt(grid, 1, 0)
      .replace(/^企业名称：/, "")
      .trim(),
    sheets,
  };
}
