// A1 and R1C1 references of the in-memory WPS 表格, 1-based: parsing a Range argument, writing Range.Address,
// and moving a formula's relative references as a copy or a multi-cell assignment moves them.

import { columnIndex, columnLetters } from "../../src/core/address";
import type { Rect } from "./model";
import { SHEET_SIZE, wpsError } from "./rules";

export const letters = (col: number) => columnLetters(col - 1);

/** "B7" with the given $ signs. */
export function cellRef(row: number, col: number, absRow = false, absCol = false): string {
  return `${absCol ? "$" : ""}${letters(col)}${absRow ? "$" : ""}${row}`;
}

/** Range.Address: "$A$1:$C$3", one cell "$A$1", whole rows "$1:$3", whole columns "$A:$C". */
export function rectAddress(rect: Rect, absRow = true, absCol = true): string {
  const bottom = rect.top + rect.rows - 1;
  const right = rect.left + rect.cols - 1;
  const r = absRow ? "$" : "";
  const c = absCol ? "$" : "";
  if (rect.rows === SHEET_SIZE.rows && rect.top === 1)
    return `${c}${letters(rect.left)}:${c}${letters(right)}`;
  if (rect.cols === SHEET_SIZE.cols && rect.left === 1) return `${r}${rect.top}:${r}${bottom}`;
  const a = cellRef(rect.top, rect.left, absRow, absCol);
  return rect.rows === 1 && rect.cols === 1 ? a : `${a}:${cellRef(bottom, right, absRow, absCol)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function cellOf(text: string): { row: number; col: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const row = Number(m[2]);
  const col = columnIndex(m[1]!) + 1;
  if (row < 1 || row > SHEET_SIZE.rows || col > SHEET_SIZE.cols) return undefined;
  return { row, col };
}

/** A reference without its sheet ("A1", "A1:C3", "A:C", "2:5") as a rectangle; undefined when it is none. */
export function parseRect(text: string): Rect | undefined {
  const bare = text.trim();
  const [x = "", y = x, extra] = bare.split(":");
  if (extra !== undefined) return undefined;
  const cols = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?(\d{1,7})$/;
  const cx = cols.exec(x);
  const cy = cols.exec(y);
  if (cx && cy && bare.includes(":")) {
    const a = columnIndex(cx[1]!) + 1;
    const b = columnIndex(cy[1]!) + 1;
    if (Math.max(a, b) > SHEET_SIZE.cols) return undefined;
    return { top: 1, left: Math.min(a, b), rows: SHEET_SIZE.rows, cols: Math.abs(b - a) + 1 };
  }
  const rx = rows.exec(x);
  const ry = rows.exec(y);
  if (rx && ry && bare.includes(":")) {
    const a = Number(rx[1]);
    const b = Number(ry[1]);
    if (Math.min(a, b) < 1 || Math.max(a, b) > SHEET_SIZE.rows) return undefined;
    return { top: Math.min(a, b), left: 1, rows: Math.abs(b - a) + 1, cols: SHEET_SIZE.cols };
  }
  const a = cellOf(x);
  const b = cellOf(y);
  if (!a || !b) return undefined;
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.col, b.col);
  return { top, left, rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

/** Splits "'My sheet'!A1:B2" into its sheet name and its reference. */
export function splitSheet(text: string): { sheet?: string; ref: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(text);
  if (quoted) return { sheet: quoted[1]!.replace(/''/g, "'"), ref: quoted[2]! };
  const bang = text.lastIndexOf("!");
  return bang < 0 ? { ref: text } : { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
}

/**
 * Range("A1:C3") and Range("A1", "C3"): a reference Excel cannot read is run-time error 1004
 * ("Method 'Range' of object '_Worksheet' failed": learn.microsoft.com/office/vba/api/excel.worksheet.range).
 */
export function rectOrThrow(text: string): Rect {
  const rect = parseRect(splitSheet(text).ref);
  if (!rect) throw wpsError(1004, `Method 'Range' of object '_Worksheet' failed ('${text}')`);
  return rect;
}

/** The smallest rectangle holding both. */
export function union(a: Rect, b: Rect): Rect {
  const top = Math.min(a.top, b.top);
  const left = Math.min(a.left, b.left);
  const bottom = Math.max(a.top + a.rows, b.top + b.rows);
  const right = Math.max(a.left + a.cols, b.left + b.cols);
  return { top, left, rows: bottom - top, cols: right - left };
}

// ---- references inside formulas ----

/**
 * The references of a formula outside its string literals: an optional sheet ('S'! or S!), then a cell or a
 * cell range with $ signs. Function names followed by "(" are not references.
 */
const REF =
  /(?<![\w.$])((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])/g;

/** Applies `fn` to the formula's text outside double-quoted strings. */
export function outsideStrings(formula: string, fn: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join("");
}

/**
 * The formula as it reads when moved by (dr, dc): relative references shift, absolute ones ($A$1) stay. Excel
 * does so when one formula is assigned to a multi-cell range and for data validation and conditional-format
 * formulas, which are relative to the range's top-left cell
 * (learn.microsoft.com/office/vba/api/excel.range.formula: "relative references … adjusted").
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return outsideStrings(formula, (code) =>
    code.replace(
      REF,
      (whole, sheet: string | undefined, ac: string, col: string, ar: string, row: string) => {
        const c = ac ? columnIndex(col) + 1 : columnIndex(col) + 1 + dc;
        const r = ar ? Number(row) : Number(row) + dr;
        if (c < 1 || r < 1 || c > SHEET_SIZE.cols || r > SHEET_SIZE.rows) return "#REF!";
        return `${sheet ?? ""}${ac}${letters(c)}${ar}${r}`;
      },
    ),
  );
}

/** A1 → R1C1 relative to the cell at (row, col): "=A1*2" in B2 is "=R[-1]C[-1]*2" (Range.FormulaR1C1). */
export function toR1C1(formula: string, row: number, col: number): string {
  return outsideStrings(formula, (code) =>
    code.replace(REF, (whole, sheet: string | undefined, ac: string, c: string, ar: string, r: string) => {
      const cn = columnIndex(c) + 1;
      const rn = Number(r);
      const rp = ar ? `R${rn}` : rn === row ? "R" : `R[${rn - row}]`;
      const cp = ac ? `C${cn}` : cn === col ? "C" : `C[${cn - col}]`;
      return `${sheet ?? ""}${rp}${cp}`;
    }),
  );
}

/** R1C1 → A1 for the cell at (row, col). */
export function fromR1C1(formula: string, row: number, col: number): string {
  const R1C1 =
    /(?<![\w.$])((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!)?R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![\w(])/g;
  return outsideStrings(formula, (code) =>
    code.replace(R1C1, (whole, sheet: string | undefined, r: string | undefined, c: string | undefined) => {
      const part = (p: string | undefined, base: number) =>
        p === undefined
          ? { n: base, abs: false }
          : p.startsWith("[")
            ? { n: base + Number(p.slice(1, -1)), abs: false }
            : { n: Number(p), abs: true };
      const rr = part(r, row);
      const cc = part(c, col);
      return `${sheet ?? ""}${cellRef(rr.n, cc.n, rr.abs, cc.abs)}`;
    }),
  );
}

/**
 * The formula with each cell reference passed through `move` (null: the cell is gone, #REF!). A reference that
 * ends or starts a range ("A1:B5") is told so, so a range can shrink where a single reference breaks.
 */
export function mapRefs(
  formula: string,
  move: (
    sheet: string | undefined,
    row: number,
    col: number,
    end: "start" | "end" | "single",
  ) => { row: number; col: number } | null,
): string {
  let startSheet: string | undefined;
  return outsideStrings(formula, (code) =>
    code.replace(
      REF,
      (
        whole,
        sheet: string | undefined,
        ac: string,
        col: string,
        ar: string,
        row: string,
        at: number,
        all: string,
      ) => {
        const end = all[at + whole.length] === ":" ? "start" : all[at - 1] === ":" ? "end" : "single";
        let name = sheet ? splitSheet(`${sheet}A1`).sheet : undefined;
        if (end === "start") startSheet = name;
        if (end === "end") name = startSheet;
        const to = move(name, Number(row), columnIndex(col) + 1, end);
        return to ? `${sheet ?? ""}${ac}${letters(to.col)}${ar}${to.row}` : "#REF!";
      },
    ),
  );
}
