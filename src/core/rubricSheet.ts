// 评分细则: a district's own rubrics, one row per item (SPEC 4 "Rubrics are data"). The sheet is read by its
// header labels and checked — maxima adding up to 100 per table, in steps of 0.5, every text present — before
// any scoring sheet is made or scored from it. A table the sheet does not hold keeps the default rubric.

import { numberCell, optionCell, textCell } from "./cells";
import type { Grid } from "./grid";
import { issue, type Issue } from "./issues";
import {
  buildRubric,
  DEFAULT_RUBRICS,
  RUBRIC_TOTAL,
  SCORING_KINDS,
  type Rubric,
  type RubricRow,
  type RubricSet,
  type ScoringKind,
} from "./rubrics";
import { SCORE_STEP } from "./scoring";
import { readTable, type ColumnSpec } from "./table";

export const RUBRIC_SHEET = "评分细则";

/** The 评分表 column's word for each kind. */
export const RUBRIC_TABLE_LABELS: Record<ScoringKind, string> = { evaluation: "评估", acceptance: "验收" };
export const KEY_ANSWERS = { yes: "是", no: "否" } as const;

/** More rows than any form prints on a few pages is a pasted sheet, not a rubric. */
export const MAX_RUBRIC_ROWS = 200;

export const RUBRIC_COLUMNS = [
  {
    field: "table",
    label: "评分表",
    schema: optionCell(Object.values(RUBRIC_TABLE_LABELS), "评分表"),
    required: true,
  },
  { field: "category", label: "类别", schema: textCell, required: true },
  { field: "indicator", label: "指标内容", schema: textCell, required: true },
  { field: "requirement", label: "要求", schema: textCell, required: true },
  {
    field: "max",
    label: "分值",
    schema: numberCell({ min: SCORE_STEP, max: RUBRIC_TOTAL, label: "分值", numbersOnly: true }).refine(
      (n) => n === null || Number.isInteger(n / SCORE_STEP),
      { message: `分值须以 ${SCORE_STEP} 分为单位` },
    ),
    required: true,
  },
  {
    field: "key",
    label: "关键指标",
    schema: optionCell(Object.values(KEY_ANSWERS), "关键指标"),
    required: true,
  },
] as const satisfies readonly ColumnSpec<string>[];

type RubricField = (typeof RUBRIC_COLUMNS)[number]["field"];
/** Texts compare without white space: an item pasted twice with a stray space is still the same item. */
const squeeze = (text: string) => text.replace(/\s+/g, "");
const label = (field: RubricField) => RUBRIC_COLUMNS.find((c) => c.field === field)!.label;

const kindOf = (table: unknown): ScoringKind | undefined =>
  SCORING_KINDS.find((k) => RUBRIC_TABLE_LABELS[k] === table);

/**
 * Reads and checks a 评分细则 sheet. The rubrics it holds are returned only when it has no error; a table
 * without rows keeps the default.
 */
export function readRubricSheet(grid: Grid): { rubrics: Partial<RubricSet>; issues: Issue[] } {
  const read = readTable(grid, RUBRIC_COLUMNS);
  const issues = [...read.issues];
  if (read.headerRow < 0) return { rubrics: {}, issues };
  const err = (cell: string | undefined, code: string, message: string) =>
    issues.push(issue(grid.sheet, cell ?? "", "error", code, message));
  if (read.records.length > MAX_RUBRIC_ROWS)
    err("", "rubric.tooLong", `${RUBRIC_SHEET}有 ${read.records.length} 行，超过 ${MAX_RUBRIC_ROWS} 行`);
  const rows: Record<ScoringKind, { row: RubricRow; cells: Partial<Record<RubricField, string>> }[]> = {
    evaluation: [],
    acceptance: [],
  };
  const flagged = (cell: string | undefined) => issues.some((i) => i.cell === cell);
  /** Each table's items by their texts, to name an item entered twice. */
  const seen = new Map<string, string | undefined>();
  for (const { values, cells } of read.records) {
    const kind = kindOf(values.table);
    if (!kind) {
      if (values.table === null && !flagged(cells.table))
        err(cells.table, "rubric.table", `${label("table")}：不能为空，应为评估或验收`);
      continue;
    }
    const key = values.key === KEY_ANSWERS.yes;
    const text = (field: "category" | "indicator" | "requirement") => (values[field] as string | null) ?? "";
    const row: RubricRow = {
      kind,
      category: text("category"),
      indicator: text("indicator"),
      requirement: text("requirement"),
      max: typeof values.max === "number" ? values.max : null,
      key,
    };
    // A key indicator is one sentence, kept in 要求; a scored item names its 指标内容 too.
    const needed = key
      ? (["category", "requirement"] as const)
      : (["category", "indicator", "requirement"] as const);
    for (const f of needed)
      if (row[f] === "" && !flagged(cells[f])) err(cells[f], "rubric.text", `${label(f)}：不能为空`);
    if (key && kind === "evaluation")
      err(cells.key, "rubric.evaluationKey", `${label("key")}：评估评分表没有关键指标，请填“否”`);
    if (key && row.max !== null)
      err(cells.max, "rubric.keyMax", `${label("max")}：关键指标只答“是”或“否”，不计分值，请留空`);
    if (!key && row.max === null && !flagged(cells.max))
      err(cells.max, "rubric.max", `${label("max")}：不能为空`);
    const where = key ? cells.requirement : cells.indicator;
    const same = `${kind}\u0000${key}\u0000${key ? "" : squeeze(row.indicator)}\u0000${squeeze(row.requirement)}`;
    if (seen.has(same) && row.requirement !== "") {
      const what = key ? "关键指标（要求相同）" : "条目（指标内容和要求都相同）";
      err(
        where,
        "rubric.duplicate",
        `与 ${seen.get(same) ?? ""} 是同一${what}，每条只能填一次：请删去一行或改正其文字`,
      );
    } else seen.set(same, where);
    rows[kind].push({ row, cells });
  }
  const rubrics: Partial<Record<ScoringKind, Rubric>> = {};
  for (const kind of SCORING_KINDS) {
    const table = rows[kind];
    if (table.length === 0) continue;
    const scored = table.filter((t) => !t.row.key);
    const name = `${RUBRIC_TABLE_LABELS[kind]}评分表`;
    const sum = scored.reduce((a, t) => a + (t.row.max ?? 0), 0);
    const first = table[0]!.cells.table;
    if (scored.length === 0) err(first, "rubric.noItems", `${name}没有计分的条目`);
    else if (Math.abs(sum - RUBRIC_TOTAL) > 1e-9)
      err(first, "rubric.total", `${name}各项分值合计为 ${sum} 分，应为 ${RUBRIC_TOTAL} 分`);
    if (kind === "acceptance" && table.every((t) => !t.row.key))
      err(first, "rubric.noKeys", `${name}至少需要 1 条关键指标（${label("key")}为“是”）`);
    rubrics[kind] = buildRubric(
      kind,
      table.map((t) => t.row),
      { from: "workbook", sheet: grid.sheet },
    );
  }
  return { rubrics: issues.some((i) => i.severity === "error") ? {} : rubrics, issues };
}

/**
 * The rubrics a workbook scores with: its 评分细则 where it has one, else the defaults. Undefined while the
 * sheet has an error: nothing is scored by a rubric that does not check.
 */
export function workbookRubrics(sheet: (name: string) => Grid | undefined): {
  rubrics: RubricSet | undefined;
  issues: Issue[];
} {
  const grid = sheet(RUBRIC_SHEET);
  if (!grid) return { rubrics: DEFAULT_RUBRICS, issues: [] };
  const read = readRubricSheet(grid);
  const failed = read.issues.some((i) => i.severity === "error");
  return { rubrics: failed ? undefined : { ...DEFAULT_RUBRICS, ...read.rubrics }, issues: read.issues };
}
