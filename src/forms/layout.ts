// A sheet layout is plain data: blocks of cell values with a style, merges, widths, validations, locked and
// unlocked ranges, print setup and protection. Pure functions turn core data into layouts; the writers
// (xlsx/writeLayout.ts with ExcelJS, excel/writeLayout.ts with Office.js) turn layouts into cells.

import { cellAddress, parseCellAddress, rangeAddress } from "../core/address";
import type { DateSerial } from "../core/dates";

/** A cell's content. Text is always text: a writer never lets Excel read it as a formula or a number. */
export type LayoutValue =
  | { t: "text"; v: string }
  | { t: "number"; v: number }
  | { t: "date"; v: DateSerial }
  /** A formula without its leading "=", written without a cached result so every engine recalculates it. */
  | { t: "formula"; f: string }
  | null;

export const text = (v: string): LayoutValue => ({ t: "text", v });
export const num = (v: number): LayoutValue => ({ t: "number", v });
export const date = (v: DateSerial | null): LayoutValue => (v === null ? null : { t: "date", v });
export const formula = (f: string): LayoutValue => ({ t: "formula", f: f.replace(/^=/, "") });

/** Text that Excel would take for a formula or a number if typed: = + - @, or a leading tab/CR. */
export function isFormulaLike(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

export type StyleName =
  | "title"
  | "subtitle"
  | "header"
  | "section"
  | "cell"
  | "cellCenter"
  | "number"
  | "input"
  | "total"
  | "verdict"
  | "note"
  | "footer"
  | "signature";

export interface CellStyle {
  font: { size: number; bold?: boolean; color?: string };
  horizontal: "left" | "center" | "right";
  vertical: "top" | "center";
  wrap: boolean;
  border: boolean;
  fill?: string;
}

/** 宋体 for the forms, as on the official documents. */
export const FONT_NAME = "宋体";

export const STYLES: Record<StyleName, CellStyle> = {
  title: {
    font: { size: 16, bold: true },
    horizontal: "center",
    vertical: "center",
    wrap: false,
    border: false,
  },
  subtitle: { font: { size: 12 }, horizontal: "center", vertical: "center", wrap: false, border: false },
  header: {
    font: { size: 11, bold: true },
    horizontal: "center",
    vertical: "center",
    wrap: true,
    border: true,
    fill: "#F2F2F2",
  },
  section: {
    font: { size: 11, bold: true },
    horizontal: "left",
    vertical: "center",
    wrap: true,
    border: true,
  },
  cell: { font: { size: 10.5 }, horizontal: "left", vertical: "center", wrap: true, border: true },
  cellCenter: { font: { size: 10.5 }, horizontal: "center", vertical: "center", wrap: true, border: true },
  number: { font: { size: 10.5 }, horizontal: "center", vertical: "center", wrap: false, border: true },
  input: {
    font: { size: 11, color: "#1F4E79" },
    horizontal: "center",
    vertical: "center",
    wrap: false,
    border: true,
    fill: "#FFF2CC",
  },
  total: {
    font: { size: 11, bold: true },
    horizontal: "center",
    vertical: "center",
    wrap: false,
    border: true,
  },
  verdict: {
    font: { size: 11, bold: true, color: "#C00000" },
    horizontal: "center",
    vertical: "center",
    wrap: true,
    border: true,
  },
  note: { font: { size: 10 }, horizontal: "left", vertical: "top", wrap: true, border: false },
  footer: { font: { size: 11 }, horizontal: "left", vertical: "center", wrap: true, border: false },
  /** A form's box for a stamp or signature and its date, which stand at the box's right. */
  signature: { font: { size: 11 }, horizontal: "right", vertical: "top", wrap: true, border: true },
};

export const DATE_FORMAT = "yyyy-mm-dd";
/** Excel's text format: what is typed stays as typed, never a number or a formula. */
export const TEXT_FORMAT = "@";

/** A rectangle of values sharing one style; rows[0][0] sits at (row, col), both zero-based. */
export interface Block {
  row: number;
  col: number;
  values: LayoutValue[][];
  style: StyleName;
  /** Number format of the block's numbers and formulas (dates always get DATE_FORMAT, text "@"). */
  numberFormat?: string;
}

export type ValidationRule =
  | { kind: "list"; options: readonly string[] }
  /** A custom formula, written for the range's top-left cell (relative references shift as in Excel). */
  | { kind: "custom"; formula: string };

export interface Validation {
  range: string;
  rule: ValidationRule;
  prompt?: { title: string; message: string };
  error: { title: string; message: string };
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page width; rows flow onto more pages. */
  fitToWidth: boolean;
  /** Fit the whole sheet on one page (a one-page form): rows are scaled too. */
  onePage?: boolean;
  /** Rows repeated at the top of every page, one-based inclusive, e.g. [3, 3]. */
  titleRows?: [number, number];
}

/**
 * A chart over a range of the sheet, placed over a block of cells: Office.js adds it in Excel, and the
 * package writer (src/xlsx/package/charts.ts) writes its parts into a file made outside Excel.
 */
export interface ChartSpec {
  title: string;
  type: "ColumnStacked" | "ColumnClustered";
  /** The source range with its header row and label column, e.g. "A4:J20". */
  source: string;
  seriesBy: "Columns" | "Rows";
  /** The top-left and bottom-right cells the chart covers, e.g. "L4" and "V24". */
  from: string;
  to: string;
}

export interface SheetLayout {
  name: string;
  blocks: Block[];
  merges: string[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Row heights in points by zero-based row. */
  rowHeights: Record<number, number>;
  validations: Validation[];
  /** Ranges a user types into; everything else is locked when the sheet is protected. */
  unlocked: string[];
  protect: boolean;
  print: PrintSetup;
  freezeRows?: number;
  charts?: ChartSpec[];
}

export function emptyLayout(name: string, print: PrintSetup): SheetLayout {
  return {
    name,
    blocks: [],
    merges: [],
    columnWidths: [],
    rowHeights: {},
    validations: [],
    unlocked: [],
    protect: false,
    print,
  };
}

/** Adds a single-cell block, merged across `span` columns (and `down` rows) when wider than one cell. */
export function put(
  layout: SheetLayout,
  row: number,
  col: number,
  value: LayoutValue,
  style: StyleName,
  span = 1,
  down = 1,
): void {
  layout.blocks.push({ row, col, values: [[value]], style });
  if (span > 1 || down > 1) layout.merges.push(rangeAddress(row, col, row + down - 1, col + span - 1));
}

/** Every cell a layout writes, by A1 address (a merged area's value sits in its top-left cell). */
export function layoutCells(layout: SheetLayout): Map<string, LayoutValue> {
  const cells = new Map<string, LayoutValue>();
  for (const b of layout.blocks)
    b.values.forEach((row, r) => row.forEach((v, c) => cells.set(cellAddress(b.row + r, b.col + c), v)));
  return cells;
}

/**
 * A formula's text as a comparison key: Excel, LibreOffice and Office.js each write the same formula a little
 * differently (a leading "=", "$", spaces, case, _xlfn. prefixes, quotes around sheet names, and the "@" of
 * implicit intersection Excel 365 shows on formulas from older files); text inside double quotes is kept.
 */
export function formulaKey(f: string): string {
  return f
    .replace(/^=/, "")
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/_xl(fn|ws)\./gi, "")
            .replace(/[\s$'@]/g, "")
            .toUpperCase(),
    )
    .join("");
}

// ---- row heights ----
// A printed row must be tall enough for its wrapped text (SPEC 2.3): Excel and LibreOffice keep the heights a
// file gives them, so every layout's rows are sized here, from the column widths and the characters' widths.

/** Excel measures column widths in widths of the default font's digit "0": 7 pixels at 96 dpi. */
const PX_PER_WIDTH_UNIT = 7;
const PX_PER_POINT = 96 / 72;
/** A CJK character is one em wide; Latin letters, digits and ASCII punctuation at most 0.6 em in 宋体 and its stand-ins. */
const LATIN_EM = 0.6;
/** One line of text takes about 1.35 × the font size in Excel's 宋体 (LibreOffice's stand-ins need less). */
const LINE_SPACING = 1.35;
/** Padding above and below the text, points. */
const ROW_PADDING = 3;

const isWide = (ch: string) => ch.codePointAt(0)! >= 0x2e80;
/** Punctuation that may not start a line: it stays with the character before it. */
const NO_LINE_START = /^[）)」』】〕》〉”’。，、；：！？….,;:!?%]$/;
/** Punctuation that may not end a line: it goes with the character after it. */
const NO_LINE_END = /^[（(「『【〔《〈“‘]$/;

const inWord = (ch: string) => !isWide(ch) && ch !== " ";

/** The unbreakable pieces of a line: a CJK character (with the punctuation that clings to it) or a Latin word. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let opening = "";
  for (const ch of line) {
    const prev = out.at(-1);
    const joins =
      opening === "" &&
      prev !== undefined &&
      (NO_LINE_START.test(ch) || (inWord(ch) && inWord(prev.at(-1)!)));
    if (joins) out[out.length - 1] = prev + ch;
    else if (NO_LINE_END.test(ch)) opening += ch;
    else {
      out.push(opening + ch);
      opening = "";
    }
  }
  if (opening !== "") out.push(opening);
  return out;
}

/** Lines that `text` takes when wrapped in a column `widthChars` wide, at `fontSize` points. */
export function textLines(text: string, widthChars: number, fontSize: number): number {
  const em = fontSize * PX_PER_POINT;
  const widthOf = (t: string) => [...t].reduce((w, ch) => w + (isWide(ch) ? em : em * LATIN_EM), 0);
  // The cell's own margins take about one width unit.
  const room = Math.max(em, (widthChars - 1) * PX_PER_WIDTH_UNIT);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    for (const token of tokens(paragraph)) {
      const w = widthOf(token);
      if (used > 0 && used + w > room) {
        lines++;
        used = 0;
      }
      if (w > room) {
        // A word wider than the column is broken where it reaches the edge.
        lines += Math.ceil(w / room) - 1;
        used = w % room;
      } else used += w;
    }
  }
  return lines;
}

/** The height (points) of `lines` lines at `fontSize`. */
export function linesHeight(lines: number, fontSize: number): number {
  return Math.ceil(lines * fontSize * LINE_SPACING + ROW_PADDING);
}

/** A row height (points) that shows `text` wrapped in a column `widthChars` wide, in 10.5-point 宋体. */
export function wrappedHeight(text: string, widthChars: number, lineHeight = 14): number {
  return textLines(text, widthChars, 10.5) * lineHeight + 4;
}

/** Excel's width of a column the layout leaves at its default. */
const DEFAULT_WIDTH = 9;

function valueText(v: LayoutValue): string {
  if (v === null) return "";
  switch (v.t) {
    case "text":
      return v.v;
    case "number":
      return String(v.v);
    case "date":
      return "2026-10-10";
    case "formula":
      return "";
  }
}

/** Each merged area's size, by its top-left cell ("row,col", zero-based). */
export function mergeSpans(layout: SheetLayout): Map<string, { cols: number; rows: number }> {
  const spans = new Map<string, { cols: number; rows: number }>();
  for (const m of layout.merges) {
    const [a, b = a] = m.split(":") as [string, string?];
    const s = parseCellAddress(a)!;
    const e = parseCellAddress(b ?? a)!;
    spans.set(`${s.row},${s.col}`, { cols: e.col - s.col + 1, rows: e.row - s.row + 1 });
  }
  return spans;
}

/**
 * Every row's height: the layout's own, raised where a cell's text needs more — wrapped over the width of its
 * columns (merged ones added up), and a text merged down several rows shared among them. Both writers use it.
 */
/** Excel's tallest row, in points ("Excel specifications and limits"): a longer text is clipped on paper. */
export const MAX_ROW_HEIGHT = 409;

export function fittedRowHeights(layout: SheetLayout): Record<number, number> {
  const spans = mergeSpans(layout);
  const width = (col: number, cols: number) => {
    let w = 0;
    for (let c = col; c < col + cols; c++) w += layout.columnWidths[c] ?? DEFAULT_WIDTH;
    return w;
  };
  const heights: Record<number, number> = { ...layout.rowHeights };
  for (const block of layout.blocks) {
    const style = STYLES[block.style];
    block.values.forEach((values, r) =>
      values.forEach((v, c) => {
        const text = valueText(v);
        const row = block.row + r;
        const col = block.col + c;
        const span = spans.get(`${row},${col}`) ?? { cols: 1, rows: 1 };
        const lines =
          text === "" ? 1 : style.wrap ? textLines(text, width(col, span.cols), style.font.size) : 1;
        const each = linesHeight(lines, style.font.size) / span.rows;
        for (let k = row; k < row + span.rows; k++)
          heights[k] = Math.min(MAX_ROW_HEIGHT, Math.max(heights[k] ?? 0, Math.ceil(each)));
      }),
    );
  }
  return heights;
}

// ---- sheet names ----

const FORBIDDEN = /[[\]:*?/\\]/g;
export const MAX_SHEET_NAME = 31;

/** A valid Excel sheet name close to `wanted`: forbidden characters replaced, ≤ 31 characters, no edge apostrophes. */
export function cleanSheetName(wanted: string): string {
  const name = wanted
    .replace(FORBIDDEN, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  return [...(name || "Sheet")].slice(0, MAX_SHEET_NAME).join("");
}

/**
 * A name not yet taken (case-insensitively): the wanted name, else "name (2)", "name (3)"…, the base cut so
 * the result stays within 31 characters.
 */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = [...base].slice(0, MAX_SHEET_NAME - suffix.length).join("") + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
