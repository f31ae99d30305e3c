// Reading a sheet laid out as a table: a header row of labels, then one record per row. Columns are
// found by label in any order; blank rows are skipped; columns we do not know are left alone.

import type { z } from "zod";
import { cellAddress, columnLetters, parseCellAddress } from "./address";
import { CellFailure, cellReader, cellText, isBlankCell, type CellRead } from "./cells";
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

export type TableHeader<F extends string> = Omit<TableRead<F>, "records">;

/**
 * Finds the header row (the first of the top rows that holds every required label) and where each field's
 * column is, without reading the records.
 */
export function readHeader<F extends string>(grid: Grid, specs: readonly ColumnSpec<F>[]): TableHeader<F> {
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
    const hints = (grid.rows[bestRow] ?? []).flatMap((c) => {
      const text = cellText(cellValue(c));
      const near = nearLabel(normalizeLabel(text), missing);
      return near ? [`“${text}”是否即“${near.label}”？如是，请把标题改为“${near.label}”`] : [];
    });
    issues.push(
      issue(
        grid.sheet,
        bestRow >= 0 ? cellAddress(bestRow, 0) : "A1",
        "error",
        "sheet.headers",
        `工作表“${grid.sheet}”${where}未找到必需的列标题：${missing.map((s) => s.label).join("、")}${hints.length > 0 ? `（${hints.join("；")}）` : ""}`,
      ),
    );
    return { headerRow: -1, columns: {}, issues };
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
  const absent = specs.filter((s) => columns[s.field] === undefined);
  header.forEach((c, col) => {
    const text = cellText(cellValue(c));
    const label = normalizeLabel(text);
    if (label === "" || wanted.has(label)) return;
    const near = nearLabel(label, absent);
    if (near)
      issues.push(
        issue(
          grid.sheet,
          cellAddress(headerRow, col),
          "warning",
          "sheet.nearHeader",
          `列标题“${text}”不是可识别的列名，这一列未被读取；如指“${near.label}”，请把标题改为“${near.label}”`,
        ),
      );
  });
  return { headerRow, columns, issues };
}

/** Differences between two labels, counted in characters (insert, delete, replace). */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length]!;
}

/** How a header and a label compare: without bracketed additions such as a unit, and 日期 read as 时间. */
const comparable = (label: string) =>
  label.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, "").replace(/日期/g, "时间");

/**
 * The spec a header that is not a label probably means: the same label once a unit in brackets or 日期
 * for 时间 is set aside, or one character off a label of four or more.
 */
export function nearLabel<S extends { label: string }>(header: string, specs: readonly S[]): S | undefined {
  const h = comparable(header);
  if (h === "") return undefined;
  return specs.find((s) => {
    const want = comparable(normalizeLabel(s.label));
    return h === want || (want.length >= 4 && editDistance(h, want) <= 1);
  });
}

/** Areas merged across rows below the header, in columns that are read: only their first row has a value. */
function mergedRowIssues(grid: Grid, headerRow: number, columns: readonly number[]): Issue[] {
  const out: Issue[] = [];
  for (const range of grid.merges ?? []) {
    const [a, b] = range.split(":");
    const start = a ? parseCellAddress(a) : undefined;
    const end = b ? parseCellAddress(b) : undefined;
    if (!start || !end || end.row <= start.row || end.row <= headerRow) continue;
    if (!columns.some((c) => c >= start.col && c <= end.col)) continue;
    out.push(
      issue(
        grid.sheet,
        a!,
        "warning",
        "sheet.mergedRows",
        `单元格 ${range} 跨 ${end.row - start.row + 1} 行合并：只有第 ${start.row + 1} 行读到内容，第 ${start.row + 2}${end.row > start.row + 1 ? `–${end.row + 1}` : ""} 行的这几列按空白处理；请取消合并，在每一行填写`,
      ),
    );
  }
  return out;
}

type CellParse = { success: true; data: unknown } | { success: false; message: string };

/** A cell through its column's schema: its plain function where it has one (cellSchema), else zod. */
function parseCell(
  schema: z.ZodType<unknown, unknown>,
  read: CellRead<unknown> | undefined,
  raw: unknown,
): CellParse {
  if (read) {
    const v = read(raw);
    return v instanceof CellFailure ? { success: false, message: v.message } : { success: true, data: v };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, message: parsed.error.issues[0]?.message ?? "内容无效" };
}

/**
 * The cell addresses of a row's fields (field → column letters), worked out when one is read: a table of
 * 100,000 rows would otherwise hold a string per cell and a property table per row. The object reads,
 * enumerates, compares and serialises as the plain object { field: "B7", … } would; it cannot be changed.
 */
function rowAddresses<F extends string>(
  letters: ReadonlyMap<F, string>,
): (row: number) => Partial<Record<F, string>> {
  const keys = [...letters.keys()];
  const address = (key: string | symbol, row: number) => {
    const l = typeof key === "string" ? letters.get(key as F) : undefined;
    return l === undefined ? undefined : `${l}${row}`;
  };
  const handler: ProxyHandler<{ row: number }> = {
    get: (t, key) => address(key, t.row) ?? Reflect.get(Object.prototype, key),
    has: (_t, key) => letters.has(key as F) || key in Object.prototype,
    ownKeys: () => [...keys],
    getOwnPropertyDescriptor: (t, key) => {
      const value = address(key, t.row);
      return value === undefined
        ? undefined
        : { value, writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  };
  return (row) => new Proxy({ row }, handler) as Partial<Record<F, string>>;
}

/**
 * Reads the records under the header row (readHeader). A cell that fails its schema gets an issue at its
 * address and the field becomes null.
 */
export function readTable<F extends string>(grid: Grid, specs: readonly ColumnSpec<F>[]): TableRead<F> {
  const { headerRow, columns, issues } = readHeader(grid, specs);
  if (headerRow < 0) return { headerRow, columns, records: [], issues };
  const present = specs.filter((s) => columns[s.field] !== undefined);
  for (const i of mergedRowIssues(
    grid,
    headerRow,
    present.map((s) => columns[s.field]!),
  ))
    issues.push(i);
  const records: TableRecord<F>[] = [];
  // Worked out once per table rather than once per cell: each column's letters, and what a blank cell reads as.
  const letters = specs.map((s) => (columns[s.field] === undefined ? "" : columnLetters(columns[s.field]!)));
  const readers = specs.map((s) => cellReader(s.schema));
  const blank = specs.map((s, k) => parseCell(s.schema, readers[k], null));
  const shape = Object.fromEntries(specs.map((s) => [s.field, null]));
  const addresses = rowAddresses(
    new Map(
      specs.flatMap((s, k) => (columns[s.field] === undefined ? [] : [[s.field, letters[k]!] as const])),
    ),
  );
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cellsOfRow: CellInput[] = grid.rows[r] ?? [];
    if (present.every((s) => isBlankCell(cellsOfRow[columns[s.field]!]))) continue;
    // Copied from one object with every field, each row's values share one compact shape (fields added one
    // by one to {} would make each row a hash table).
    const values = { ...shape } as Record<F, unknown>;
    const cells = addresses(r + 1);
    const rowIssues: { col: number; issue: Issue }[] = [];
    for (const [k, s] of specs.entries()) {
      const col = columns[s.field];
      const raw = col === undefined ? null : (cellsOfRow[col] ?? null);
      const parsed = raw === null ? blank[k]! : parseCell(s.schema, readers[k], raw);
      if (parsed.success) values[s.field] = parsed.data;
      else {
        values[s.field] = null;
        const message = parsed.message;
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
