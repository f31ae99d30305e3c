// The workbook an in-memory WPS 表格 holds: sheets of cells (constants, formulas, formats), merges, validations,
// conditional formats, tables, charts, protection, page setup and row/column sizes. Rows and columns are
// 1-based, as in the ET object model (Range.Row, Cells(r, c)).

/** A constant a cell holds; `undefined` is an empty cell. Dates are serial numbers, as Value2 gives them. */
export type Scalar = string | number | boolean | undefined;

export interface BorderData {
  lineStyle: number;
  weight: number;
  color?: number;
}

export interface CellFormat {
  numberFormat: string;
  font: { name?: string; size?: number; bold?: boolean; color?: number };
  /** Interior.Color, a BGR long as VBA gives it. */
  interior?: number;
  horizontal?: number;
  vertical?: number;
  wrap?: boolean;
  /** Keyed by XlBordersIndex (xlEdgeLeft 7 … xlInsideHorizontal 12). */
  borders: Record<number, BorderData>;
  locked: boolean;
}

export interface Cell {
  value: Scalar;
  /** The formula with its leading "=", A1 style. */
  formula?: string;
  /** An error constant ("#N/A"), which Value2 gives as its COM error code. */
  error?: string;
  format: CellFormat;
}

export interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface ValidationData {
  rect: Rect;
  type: number;
  alertStyle: number;
  operator?: number;
  formula1?: string;
  formula2?: string;
  inCellDropdown: boolean;
  ignoreBlank: boolean;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
  showInput: boolean;
  showError: boolean;
}

export interface FormatConditionData {
  rect: Rect;
  type: number;
  operator?: number;
  formula1?: string;
  formula2?: string;
  interiorColor?: number;
  fontColor?: number;
  stopIfTrue: boolean;
}

export interface TableData {
  name: string;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style?: string;
}

export interface ChartData {
  name: string;
  chartType: number;
  left: number;
  top: number;
  width: number;
  height: number;
  source?: { sheet: string; rect: Rect };
  plotBy?: number;
  hasTitle: boolean;
  title: string;
  hasLegend: boolean;
}

export interface ProtectionData {
  contents: boolean;
  drawingObjects: boolean;
  scenarios: boolean;
  userInterfaceOnly: boolean;
  password: string;
  /** The Allow… arguments of Worksheet.Protect that were true (AllowFormattingCells …). */
  allow: Record<string, boolean>;
}

export interface PageSetupData {
  orientation: number;
  paperSize: number;
  /** A percentage 10–400, or false when the FitToPages… settings scale the sheet. */
  zoom: number | false;
  fitToPagesWide: number | false;
  fitToPagesTall: number | false;
  printTitleRows: string;
  printArea: string;
}

export interface SheetData {
  name: string;
  /** XlSheetVisibility: xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  visible: number;
  cells: Map<string, Cell>;
  merges: Rect[];
  validations: ValidationData[];
  formatConditions: FormatConditionData[];
  tables: TableData[];
  charts: ChartData[];
  protection: ProtectionData | undefined;
  rowHeights: Map<number, number>;
  columnWidths: Map<number, number>;
  pageSetup: PageSetupData;
}

export interface BookData {
  name: string;
  sheets: SheetData[];
  active: SheetData | undefined;
  /** Workbook.Protect(Password, Structure): sheets cannot be added, deleted, renamed, moved or shown. */
  structure: { password: string } | undefined;
  /** The last Range.Select: the sheet and the rectangle. */
  selection: { sheet: SheetData; rect: Rect } | undefined;
  /** Names of every table and chart made so far, for the next default name. */
  counters: { table: number; chart: number; sheet: number };
}

/** The standard row height and column width of a new sheet (宋体 11 in WPS/Excel zh-CN). */
export const STANDARD = { rowHeight: 13.5, columnWidth: 8.38 };

export const defaultFormat = (): CellFormat => ({
  numberFormat: "General",
  font: {},
  borders: {},
  locked: true,
});

export function newSheet(name: string): SheetData {
  return {
    name,
    visible: -1,
    cells: new Map(),
    merges: [],
    validations: [],
    formatConditions: [],
    tables: [],
    charts: [],
    protection: undefined,
    rowHeights: new Map(),
    columnWidths: new Map(),
    pageSetup: {
      orientation: 1,
      paperSize: 9,
      zoom: 100,
      fitToPagesWide: 1,
      fitToPagesTall: 1,
      printTitleRows: "",
      printArea: "",
    },
  };
}

export const key = (r: number, c: number) => `${r},${c}`;

export function cellAt(sheet: SheetData, r: number, c: number): Cell {
  let cell = sheet.cells.get(key(r, c));
  if (!cell) {
    cell = { value: undefined, format: defaultFormat() };
    sheet.cells.set(key(r, c), cell);
  }
  return cell;
}

export function peek(sheet: SheetData, r: number, c: number): Cell | undefined {
  return sheet.cells.get(key(r, c));
}

export const isEmpty = (cell: Cell | undefined) =>
  !cell || (cell.value === undefined && cell.formula === undefined && cell.error === undefined);

/** Every cell of a rectangle, row by row. */
export function* cellsOf(rect: Rect): Generator<[number, number]> {
  for (let r = rect.top; r < rect.top + rect.rows; r++)
    for (let c = rect.left; c < rect.left + rect.cols; c++) yield [r, c];
}

export function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.cols && b.left < a.left + a.cols
  );
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top &&
    inner.left >= outer.left &&
    inner.top + inner.rows <= outer.top + outer.rows &&
    inner.left + inner.cols <= outer.left + outer.cols
  );
}

export const sameRect = (a: Rect, b: Rect) =>
  a.top === b.top && a.left === b.left && a.rows === b.rows && a.cols === b.cols;

/**
 * UsedRange: the smallest rectangle holding every cell that has a value, a formula or a format other than the
 * default (Excel counts formatted cells too: learn.microsoft.com/office/vba/api/excel.worksheet.usedrange);
 * A1 alone on an empty sheet.
 */
export function usedRect(sheet: SheetData): Rect {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const [k, cell] of sheet.cells) {
    const plain = JSON.stringify(cell.format) === JSON.stringify(defaultFormat());
    if (isEmpty(cell) && plain) continue;
    const [r, c] = k.split(",").map(Number) as [number, number];
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return bottom === 0
    ? { top: 1, left: 1, rows: 1, cols: 1 }
    : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}
