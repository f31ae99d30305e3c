// The part of WPS 表格's object model the add-in uses, typed as it behaves. It follows Excel's COM model
// (Microsoft's VBA reference): `Range("A1:C3")` returns a Range, `Value2` of several cells is a 2-D array
// of rows and of one cell a scalar, `Worksheets.Add` returns the new sheet. wps-jsapi's `Et` declarations
// describe the same members but type many as returning void, so the backend narrows the application to
// this surface once, where it receives it.

export interface EtFont {
  Name: string;
  Size: number;
  Bold: boolean;
  /** BGR: red + green × 256 + blue × 65536. */
  Color: number;
}

export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string): void;
  InCellDropdown: boolean;
  IgnoreBlank: boolean;
  ShowInput: boolean;
  InputTitle: string;
  InputMessage: string;
  ShowError: boolean;
  ErrorTitle: string;
  ErrorMessage: string;
}

export interface EtFormatCondition {
  readonly Interior: { Color: number };
  readonly Font: { Color: number };
}

export interface EtRange {
  Value2: unknown;
  Formula: unknown;
  NumberFormat: unknown;
  /** One-based. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Font: EtFont;
  readonly Interior: { Color: number };
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  readonly Borders: { Item(index: number): { LineStyle: number } };
  Merge(across?: boolean): void;
  Locked: boolean;
  /** In characters of the default font. */
  ColumnWidth: number;
  /** In points. */
  RowHeight: number;
  readonly Left: number;
  readonly Top: number;
  readonly Width: number;
  readonly Height: number;
  readonly Validation: EtValidation;
  readonly FormatConditions: { Add(type: number, operator?: number, formula1?: string): EtFormatCondition };
  Select(): void;
}

export interface EtListObject {
  Name: string;
  TableStyle: string;
  readonly Range: EtRange;
  Resize(range: EtRange): void;
}

export interface EtChart {
  SetSourceData(source: EtRange, plotBy?: number): void;
  ChartType: number;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
  HasLegend: boolean;
  readonly Legend: { Position: number };
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  PrintTitleRows: string;
}

export interface EtWorksheet {
  Name: string;
  Range(address: string): EtRange;
  readonly UsedRange: EtRange;
  readonly ProtectContents: boolean;
  Protect(
    password?: string,
    drawingObjects?: boolean,
    contents?: boolean,
    scenarios?: boolean,
    userInterfaceOnly?: boolean,
    allowFormattingCells?: boolean,
    allowFormattingColumns?: boolean,
    allowFormattingRows?: boolean,
  ): void;
  Unprotect(password?: string): void;
  Delete(): void;
  Activate(): void;
  readonly ListObjects: {
    readonly Count: number;
    Item(index: number): EtListObject;
    Add(sourceType: number, source: EtRange, linkSource?: unknown, hasHeaders?: number): EtListObject;
  };
  ChartObjects(): {
    Add(left: number, top: number, width: number, height: number): { readonly Chart: EtChart };
  };
  readonly PageSetup: EtPageSetup;
}

export interface EtWorksheets {
  readonly Count: number;
  /** One-based index or name. */
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtWorksheets;
  /** True when the workbook counts dates from 1904. */
  readonly Date1904: boolean;
}

export interface EtApp {
  readonly ActiveWorkbook: EtWorkbook | null | undefined;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
  /** Application.Version and Build, as 自检 reports them. */
  readonly Version?: string;
  readonly Build?: number | string;
  readonly ActiveWindow: { SplitRow: number; SplitColumn: number; FreezePanes: boolean };
}

/** The enumerations' values used, from Excel's (WPS keeps them). */
export const XL = {
  // XlHAlign / XlVAlign
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  // XlBordersIndex; XlLineStyle
  edgeLeft: 7,
  edgeTop: 8,
  edgeBottom: 9,
  edgeRight: 10,
  insideVertical: 11,
  insideHorizontal: 12,
  continuous: 1,
  // XlDVType, XlDVAlertStyle, XlFormatConditionOperator
  validateDecimal: 2,
  validateList: 3,
  validateDate: 4,
  validateCustom: 7,
  alertStop: 1,
  alertWarning: 2,
  between: 1,
  // XlFormatConditionType
  expression: 2,
  // XlListObjectSourceType, XlYesNoGuess
  srcRange: 1,
  yes: 1,
  // XlPageOrientation, XlPaperSize
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  // XlChartType, XlRowCol, XlLegendPosition
  columnClustered: 51,
  columnStacked: 52,
  rows: 1,
  columns: 2,
  legendBottom: -4107,
} as const;

/** "#RRGGBB" as the BGR number WPS takes for a colour. */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace(/^#/, ""), 16);
  return ((n >> 16) & 0xff) + (n & 0xff00) + ((n & 0xff) << 16);
}
