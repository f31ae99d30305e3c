// A sheet layout is plain data: blocks of cell values with a style, merges, widths, validations, locked and
// unlocked ranges, print setup and protection. Pure functions turn core data into layouts; the writers
// (xlsx/writeLayout.ts with ExcelJS, excel/writeLayout.ts with Office.js) turn layouts into cells.

import { rangeAddress } from "../core/address";
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
  | "footer";

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
  footer: { font: { size: 11 }, horizontal: "left", vertical: "center", wrap: false, border: false },
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
  /** Rows repeated at the top of every page, one-based inclusive, e.g. [3, 3]. */
  titleRows?: [number, number];
}

/**
 * A chart over a range of the sheet, placed over a block of cells. Excel draws it from the cells; a file
 * written outside Excel keeps the cells only.
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

/**
 * A row height (points) that shows `text` wrapped in a column `widthChars` wide: a Chinese character takes
 * about two width units, and a line of 10.5-point 宋体 about 14 points.
 */
export function wrappedHeight(text: string, widthChars: number, lineHeight = 14): number {
  let units = 0;
  for (const ch of text) units += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  const lines = Math.max(1, Math.ceil(units / Math.max(1, widthChars - 1)));
  return lines * lineHeight + 4;
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
