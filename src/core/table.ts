// Reading a sheet laid out as a table: a header row of labels, then one record per row. Columns are
// found by label in any order; blank rows are skipped; columns we do not know are left alone.

import type { z } from "zod";
import { cellAddress } from "./address";
import { cellText, isBlankCell } from "./cells";
import { toHalfWidth } from "./dates";
import { cellValue, type CellInput, type Grid } from "./grid";
import { issue, type Issue } from "./issues";

export interface ColumnSpec<F extends string> {
  field: F;
  label: string;
  schema: z.ZodType<unknown, unknown>;
  /** The sheet is unusable without this column. */
  required?: boolean;
}

export interface TableRecord<F extends string> {
  /** Excel row number (1-based). */
  row: number;
  values: Record<F, unknown>;
  /** A1 address of each field's cell; absent when the column is absent. */
  cells: Partial<Record<F, string>>;
}

export interface TableRead<F extends string> {
  /** Zero-based index of the header row, or -1 when none was found. */
  headerRow: number;
  /** Zero-based column of each field found. */
  columns: Partial<Record<F, number>>;
  records: TableRecord<F>[];
  issues: Issue[];
}

/** Header labels compare without white space, full-width forms or a trailing required-mark. */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/[*＊]$/, "");
}

const HEADER_SCAN_ROWS = 20;

/**
 * Finds the header row (the first of the top rows that holds every required label) and reads the records
 * under it. A cell that fails its schema gets an issue at its address and the field becomes null.
 */
export function readTable<F extends string>(grid: Grid, specs: readonly ColumnSpec<F>[]): TableRead<F> {
  const issues: Issue[] = [];
  const required = specs.filter((s) => s.required);
  const wanted = new Map(specs.map((s) => [normalizeLabel(s.label), s] as const));

  let headerRow = -1;
  let bestMatch = 0;
  let bestRow = -1;
  const scan = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r++) {
    const labels = new Set((grid.rows[r] ?? []).map((c) => normalizeLabel(cellText(cellValue(c)))));
    const matches = specs.filter((s) => labels.has(normalizeLabel(s.label))).length;
    if (matches > bestMatch) [bestMatch, bestRow] = [matches, r];
    if (required.every((s) => labels.has(normalizeLabel(s.label)))) {
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) {
    const where = bestRow >= 0 ? `第 ${bestRow + 1} 行` : "前 20 行";
    const missing =
      bestRow >= 0
        ? required.filter(
            (s) =>
              !(grid.rows[bestRow] ?? []).some(
                (c) => normalizeLabel(cellText(cellValue(c))) === normalizeLabel(s.label),
              ),
          )
        : required;
    issues.push(
      issue(
        grid.sheet,
        bestRow >= 0 ? cellAddress(bestRow, 0) : "A1",
        "error",
        "sheet.headers",
        `工作表“${grid.sheet}”${where}未找到必需的列标题：${missing.map((s) => s.label).join("、")}`,
      ),
    );
    return { headerRow: -1, columns: {}, records: [], issues };
  }

  const columns: Partial<Record<F, number>> = {};
  const header = grid.rows[headerRow] ?? [];
  header.forEach((c, col) => {
    const spec = wanted.get(normalizeLabel(cellText(cellValue(c))));
    if (!spec) return;
    if (columns[spec.field] !== undefined) {
      issues.push(
        issue(
          grid.sheet,
          cellAddress(headerRow, col),
          "warning",
          "sheet.duplicateHeader",
          `列标题“${spec.label}”重复出现，以第一次出现的列为准`,
        ),
      );
      return;
    }
    columns[spec.field] = col;
  });

  const present = specs.filter((s) => columns[s.field] !== undefined);
  const records: TableRecord<F>[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cellsOfRow: CellInput[] = grid.rows[r] ?? [];
    if (present.every((s) => isBlankCell(cellsOfRow[columns[s.field]!]))) continue;
    const values = {} as Record<F, unknown>;
    const cells: Partial<Record<F, string>> = {};
    const rowIssues: { col: number; issue: Issue }[] = [];
    for (const s of specs) {
      const col = columns[s.field];
      const raw = col === undefined ? null : (cellsOfRow[col] ?? null);
      if (col !== undefined) cells[s.field] = cellAddress(r, col);
      const parsed = s.schema.safeParse(raw);
      if (parsed.success) values[s.field] = parsed.data;
      else {
        values[s.field] = null;
        const message = parsed.error.issues[0]?.message ?? "内容无效";
        const at = cells[s.field] ?? cellAddress(r, 0);
        rowIssues.push({
          col: col ?? 0,
          issue: issue(grid.sheet, at, "error", `cell.${s.field}`, `${s.label}：${message}`),
        });
      }
    }
    // A row's problems are listed left to right, as a reader of the sheet meets them.
    rowIssues.sort((a, b) => a.col - b.col).forEach((x) => issues.push(x.issue));
    records.push({ row: r + 1, values, cells });
  }
  return { headerRow, columns, records, issues };
}
