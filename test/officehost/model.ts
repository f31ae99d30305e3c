// The workbook an in-memory Excel holds: sheets of cells with values, formulas, formats, merges,
// validations, conditional formats, tables, protection and page setup.

export type Scalar = string | number | boolean | null;

export interface CellFormat {
  numberFormat: string;
  fill?: string;
  font: { bold?: boolean; color?: string; size?: number; name?: string };
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders: Record<string, string>;
  locked: boolean;
}

export interface Cell {
  /** The constant, or the formula's computed value. */
  value: Scalar;
  formula?: string;
  format: CellFormat;
}

export interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface Validation {
  rect: Rect;
  rule: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
}

export interface ConditionalFormat {
  rect: Rect;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface Chart {
  type: string;
  source: Rect;
  seriesBy: string;
  title?: string;
  legend?: string;
  from?: Rect;
  to?: Rect;
}

/** A table: its range, header row first and, with a totals row (Table.showTotals), that row last. */
export interface Table {
  name: string;
  rect: Rect;
  style?: string;
  totalsRow?: boolean;
}

export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  merges: Rect[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  tables: Table[];
  protected: boolean;
  /** The WorksheetProtectionOptions the sheet was protected with (allowFormatCells, allowEditObjects …). */
  protectionOptions: Record<string, boolean | undefined>;
  freezeRows: number;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  page: { orientation?: string; paperSize?: string; printTitleRows?: string; fitToWidth?: boolean };
  charts: Chart[];
}

export const defaultFormat = (): CellFormat => ({
  numberFormat: "General",
  font: {},
  borders: {},
  locked: true,
});

export function newSheet(name: string): Sheet {
  return {
    name,
    cells: new Map(),
    merges: [],
    validations: [],
    conditionalFormats: [],
    tables: [],
    protected: false,
    protectionOptions: {},
    freezeRows: 0,
    columnWidths: new Map(),
    rowHeights: new Map(),
    page: {},
    charts: [],
  };
}

export const key = (r: number, c: number) => `${r},${c}`;

export function cellAt(sheet: Sheet, r: number, c: number): Cell {
  let cell = sheet.cells.get(key(r, c));
  if (!cell) {
    cell = { value: null, format: defaultFormat() };
    sheet.cells.set(key(r, c), cell);
  }
  return cell;
}

export function peek(sheet: Sheet, r: number, c: number): Cell | undefined {
  return sheet.cells.get(key(r, c));
}

/** The used range: the smallest rectangle holding every non-empty cell (values only when asked). */
export function usedRect(sheet: Sheet, valuesOnly: boolean): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, cell] of sheet.cells) {
    const empty = cell.value === null && cell.formula === undefined;
    if (valuesOnly && empty) continue;
    const [r, c] = k.split(",").map(Number) as [number, number];
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return bottom < 0 ? undefined : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}
