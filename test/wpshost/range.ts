// Range of the in-memory WPS 表格 (Et.EtRange): values, formulas and number formats in bulk, cell formats,
// merges, data validation, conditional formats, selection and row/column edits, with the refusals of a
// protected sheet.

import { fromR1C1, rectAddress, shiftFormula, toR1C1, union } from "./address";
import { comErrorCode, ErrorValue } from "./evaluate";
import type { WpsApplication, WpsWorksheet } from "./host";
import {
  cellAt,
  cellsOf,
  contains,
  defaultFormat,
  isEmpty,
  overlaps,
  peek,
  type Cell,
  type CellFormat,
  type Rect,
  type Scalar,
  type SheetData,
} from "./model";
import { refuseLocked, refuseOnProtected } from "./protection";
import {
  checkCellText,
  isTextFormat,
  MAX_COLUMN_WIDTH,
  MAX_ROW_HEIGHT,
  serialOfDate,
  SHEET_SIZE,
  typedInput,
  type Typed,
  wpsError,
  XL,
} from "./rules";
import { FormatConditions, Validation } from "./validation";

type Grid = Scalar[][];

const LIMIT_ERROR = (what: string) =>
  wpsError(1004, `Application-defined or object-defined error (${what} outside the sheet)`);

/** A rectangle inside the sheet's 1,048,576 rows and 16,384 columns, or 1004. */
export function inSheet(rect: Rect, what: string): Rect {
  if (
    rect.top < 1 ||
    rect.left < 1 ||
    rect.rows < 1 ||
    rect.cols < 1 ||
    rect.top + rect.rows - 1 > SHEET_SIZE.rows ||
    rect.left + rect.cols - 1 > SHEET_SIZE.cols
  )
    throw LIMIT_ERROR(what);
  return rect;
}

/** The same value for every cell, or null when they differ (VBA gives Null for a mixed range). */
function common<T>(values: T[]): T | null {
  const [v] = values;
  return values.every((x) => JSON.stringify(x) === JSON.stringify(v)) ? (v as T) : null;
}

export class WpsRange {
  readonly Validation: Validation;
  readonly FormatConditions: FormatConditions;

  constructor(
    readonly Application: WpsApplication,
    readonly Worksheet: WpsWorksheet,
    readonly rect: Rect,
  ) {
    this.Validation = new Validation(this);
    this.FormatConditions = new FormatConditions(this);
  }

  get sheet(): SheetData {
    return this.Worksheet.data;
  }

  get Parent() {
    return this.Worksheet;
  }

  /** The range of another rectangle on the same sheet. */
  at(rect: Rect): WpsRange {
    return new WpsRange(this.Application, this.Worksheet, rect);
  }

  private cells(): [number, number][] {
    return [...cellsOf(this.rect)];
  }

  /** Calls `fn` on each cell of the range as a grid of rows (a scalar for one cell). */
  private grid<T>(fn: (r: number, c: number) => T): T | T[][] {
    const { top, left, rows, cols } = this.rect;
    if (rows === 1 && cols === 1) return fn(top, left);
    return Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => fn(top + i, left + j)),
    );
  }

  // ---- position ----

  get Row() {
    return this.rect.top;
  }
  get Column() {
    return this.rect.left;
  }
  get Count() {
    return this.rect.rows * this.rect.cols;
  }
  get Rows(): WpsRange {
    return new RowsOrColumns(this, "rows");
  }
  get Columns(): WpsRange {
    return new RowsOrColumns(this, "cols");
  }
  get Cells(): WpsRange {
    return this.at(this.rect);
  }
  get EntireRow(): WpsRange {
    return this.at({ top: this.rect.top, left: 1, rows: this.rect.rows, cols: SHEET_SIZE.cols });
  }
  get EntireColumn(): WpsRange {
    return this.at({ top: 1, left: this.rect.left, rows: SHEET_SIZE.rows, cols: this.rect.cols });
  }

  /** Range.Address(RowAbsolute = true, ColumnAbsolute = true, ReferenceStyle, External). */
  Address(RowAbsolute = true, ColumnAbsolute = true, _style?: unknown, External = false): string {
    const a = rectAddress(this.rect, RowAbsolute !== false, ColumnAbsolute !== false);
    if (!External) return a;
    return `[${this.Worksheet.Parent.Name}]${this.Worksheet.Name}!${a}`;
  }

  /** Cells.Item(row, column), 1-based and relative to the range's top-left cell (learn.microsoft.com/office/vba/api/excel.range.item). */
  Item(RowIndex: number, ColumnIndex?: number): WpsRange {
    if (ColumnIndex === undefined) {
      const i = RowIndex - 1;
      return this.at(
        inSheet(
          {
            top: this.rect.top + Math.floor(i / this.rect.cols),
            left: this.rect.left + (i % this.rect.cols),
            rows: 1,
            cols: 1,
          },
          "Item",
        ),
      );
    }
    return this.at(
      inSheet(
        { top: this.rect.top + RowIndex - 1, left: this.rect.left + ColumnIndex - 1, rows: 1, cols: 1 },
        "Item",
      ),
    );
  }

  /** Range(…) relative to this range's top-left cell, as Range.Range is (learn.microsoft.com/office/vba/api/excel.range.range). */
  Range(Cell1: string | WpsRange, Cell2?: string | WpsRange): WpsRange {
    const r = this.Worksheet.Range(Cell1, Cell2).rect;
    return this.at(
      inSheet({ ...r, top: r.top + this.rect.top - 1, left: r.left + this.rect.left - 1 }, "Range"),
    );
  }

  Resize(RowSize?: number, ColumnSize?: number): WpsRange {
    return this.at(
      inSheet(
        { ...this.rect, rows: RowSize ?? this.rect.rows, cols: ColumnSize ?? this.rect.cols },
        "Resize",
      ),
    );
  }

  Offset(RowOffset = 0, ColumnOffset = 0): WpsRange {
    return this.at(
      inSheet(
        { ...this.rect, top: this.rect.top + RowOffset, left: this.rect.left + ColumnOffset },
        "Offset",
      ),
    );
  }

  get MergeArea(): WpsRange {
    const m = this.sheet.merges.find((x) => contains(x, { ...this.rect, rows: 1, cols: 1 }));
    return m ? this.at(m) : this.at({ ...this.rect, rows: 1, cols: 1 });
  }

  // ---- values ----

  /** The value Value2 gives for one cell: its constant, or its formula's computed value. */
  valueAt(r: number, c: number): Scalar {
    const cell = peek(this.sheet, r, c);
    if (!cell) return undefined;
    if (cell.error) return comErrorCode(new ErrorValue(cell.error));
    if (cell.formula === undefined) return cell.value;
    const v = this.Application.evaluate(this.sheet, r, c, cell.formula);
    return v instanceof ErrorValue ? comErrorCode(v) : v === null ? 0 : v;
  }

  /**
   * Value2: a scalar for one cell, an array of row arrays for more (WPS's JS gives a range's values as a JS array
   * of rows: www.kancloud.cn/pwedu/wps-js-macros/2283752); an empty cell is undefined
   * (cnblogs.com/MrFlySand/p/17188882.html); dates are serial numbers (learn.microsoft.com/office/vba/api/excel.range.value2).
   */
  get Value2(): Scalar | Grid {
    this.Application.hook("Range.Value2");
    return this.grid((r, c) => this.valueAt(r, c));
  }

  set Value2(v: unknown) {
    this.Application.hook("Range.Value2=");
    this.write(v, (cell, x) => typedInput(x, isTextFormat(cell.format.numberFormat)));
  }

  /** A constant's text, a formula with its "=", "" for an empty cell (learn.microsoft.com/office/vba/api/excel.range.formula). */
  private formulaAt(r: number, c: number): string {
    const cell = peek(this.sheet, r, c);
    if (!cell || isEmpty(cell)) return "";
    if (cell.formula !== undefined) return cell.formula;
    if (cell.error) return cell.error;
    const v = cell.value;
    return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
  }

  get Formula(): string | string[][] {
    this.Application.hook("Range.Formula");
    return this.grid((r, c) => this.formulaAt(r, c));
  }

  /**
   * Formula =: a text starting with "=" is stored as a formula, anything else as if typed. One formula set on
   * several cells is adjusted for each cell as Excel fills it (relative references move).
   */
  set Formula(v: unknown) {
    this.Application.hook("Range.Formula=");
    this.write(v, (cell, x, dr, dc) => {
      const typed = typedInput(x, isTextFormat(cell.format.numberFormat));
      return typed.formula !== undefined && !Array.isArray(v)
        ? { ...typed, formula: shiftFormula(typed.formula, dr, dc) }
        : typed;
    });
  }

  get FormulaR1C1(): string | string[][] {
    this.Application.hook("Range.FormulaR1C1");
    return this.grid((r, c) => {
      const f = this.formulaAt(r, c);
      return f.startsWith("=") && peek(this.sheet, r, c)?.formula !== undefined ? toR1C1(f, r, c) : f;
    });
  }

  set FormulaR1C1(v: unknown) {
    this.Application.hook("Range.FormulaR1C1=");
    this.write(v, (cell, x, dr, dc) => {
      const typed = typedInput(x, isTextFormat(cell.format.numberFormat));
      return typed.formula !== undefined
        ? { ...typed, formula: fromR1C1(typed.formula, this.rect.top + dr, this.rect.left + dc) }
        : typed;
    });
  }

  get HasFormula(): boolean | null {
    return common(this.cells().map(([r, c]) => peek(this.sheet, r, c)?.formula !== undefined));
  }

  /** The text a cell shows, for one cell: values as typed, numbers in General as JS prints them, errors by name. */
  get Text(): string {
    const cell = peek(this.sheet, this.rect.top, this.rect.left);
    if (!cell) return "";
    if (cell.error) return cell.error;
    const v =
      cell.formula !== undefined
        ? this.Application.evaluate(this.sheet, this.rect.top, this.rect.left, cell.formula)
        : cell.value;
    if (v instanceof ErrorValue) return v.code;
    if (v === undefined || v === null) return "";
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v);
  }

  /**
   * Writes a scalar to every cell, or a 2-D array (a 1-D array is one row) over the range: a smaller array
   * leaves #N/A in the cells it does not reach and a larger one is cut (learn.microsoft.com/office/vba/api/excel.range.value:
   * "If the target range is larger than the array, the remaining cells will receive an error value").
   */
  private write(v: unknown, convert: (cell: Cell, x: Scalar, dr: number, dc: number) => Typed): void {
    const rows: unknown[][] | undefined = Array.isArray(v)
      ? Array.isArray(v[0])
        ? (v as unknown[][])
        : [v]
      : undefined;
    const plan: [number, number, Scalar | "#N/A"][] = this.cells().map(([r, c]) => {
      const row = rows?.[r - this.rect.top];
      const j = c - this.rect.left;
      const x = rows ? (row && j < row.length ? row[j] : "#N/A") : v;
      return [r, c, this.scalarOf(x)];
    });
    for (const [r, c] of this.cells()) refuseLocked(this.Worksheet, r, c);
    for (const [, , x] of plan) if (typeof x === "string") checkCellText(x, x.startsWith("="));
    for (const [r, c, x] of plan) {
      const cell = cellAt(this.sheet, r, c);
      const typed: Typed =
        x === "#N/A" && rows
          ? { value: undefined, error: "#N/A" }
          : convert(cell, x, r - this.rect.top, c - this.rect.left);
      cell.value = typed.value;
      cell.formula = typed.formula;
      cell.error = typed.error;
      if (typed.numberFormat && cell.format.numberFormat === "General")
        cell.format.numberFormat = typed.numberFormat;
    }
  }

  private scalarOf(x: unknown): Scalar {
    if (x === null || x === undefined) return undefined;
    if (x instanceof Date) return serialOfDate(x);
    if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") return x;
    throw wpsError(13, "Type mismatch");
  }

  // ---- formats ----

  private formats(
    change: Parameters<typeof refuseOnProtected>[1],
    what: string,
    fn: (f: CellFormat) => void,
  ): void {
    refuseOnProtected(this.Worksheet, change, what);
    for (const [r, c] of this.cells()) fn(cellAt(this.sheet, r, c).format);
  }

  private formatOf<T>(fn: (f: CellFormat) => T): T | null {
    return common(this.cells().map(([r, c]) => fn(peek(this.sheet, r, c)?.format ?? defaultFormat())));
  }

  /** NumberFormat: one string for the whole range; null when its cells differ (learn.microsoft.com/office/vba/api/excel.range.numberformat). */
  get NumberFormat(): string | null {
    return this.formatOf((f) => f.numberFormat);
  }
  set NumberFormat(v: string) {
    this.Application.hook("Range.NumberFormat=");
    if (typeof v !== "string")
      throw wpsError(1004, "Unable to set the NumberFormat property of the Range class");
    this.formats("AllowFormattingCells", "NumberFormat", (f) => (f.numberFormat = v));
  }

  get WrapText(): boolean | null {
    return this.formatOf((f) => f.wrap ?? false);
  }
  set WrapText(v: boolean) {
    this.formats("AllowFormattingCells", "WrapText", (f) => (f.wrap = v));
  }

  /** XlHAlign (xlGeneral 1, xlLeft -4131, xlCenter -4108, xlRight -4152 …). */
  get HorizontalAlignment(): number | null {
    return this.formatOf((f) => f.horizontal ?? 1);
  }
  set HorizontalAlignment(v: number) {
    this.formats("AllowFormattingCells", "HorizontalAlignment", (f) => (f.horizontal = v));
  }

  /** XlVAlign (xlTop -4160, xlCenter -4108, xlBottom -4107 …). */
  get VerticalAlignment(): number | null {
    return this.formatOf((f) => f.vertical ?? -4107);
  }
  set VerticalAlignment(v: number) {
    this.formats("AllowFormattingCells", "VerticalAlignment", (f) => (f.vertical = v));
  }

  get Font() {
    const prop = <K extends keyof CellFormat["font"]>(k: K, dflt: NonNullable<CellFormat["font"][K]>) => ({
      get: () => this.formatOf((f) => f.font[k] ?? dflt),
      set: (v: CellFormat["font"][K]) =>
        this.formats("AllowFormattingCells", `Font.${k}`, (f) => (f.font[k] = v)),
      enumerable: true,
    });
    return Object.defineProperties(
      {},
      {
        Name: prop("name", "宋体"),
        Size: prop("size", 11),
        Bold: prop("bold", false),
        Color: prop("color", 0),
      },
    ) as { Name: string | null; Size: number | null; Bold: boolean | null; Color: number | null };
  }

  /** Interior.Color: a BGR long, as VBA gives RGB(r, g, b) = r + 256 g + 65536 b (learn.microsoft.com/office/vba/api/excel.interior.color). */
  get Interior() {
    return Object.defineProperty({}, "Color", {
      get: () => this.formatOf((f) => f.interior ?? 16777215),
      set: (v: number) => this.formats("AllowFormattingCells", "Interior.Color", (f) => (f.interior = v)),
      enumerable: true,
    }) as { Color: number | null };
  }

  /** Borders(Index) and Borders.LineStyle/Weight/Color for the range's edges and inside lines (learn.microsoft.com/office/vba/api/excel.borders). */
  get Borders() {
    const edges = (index?: number) => (index === undefined ? [7, 8, 9, 10, 11, 12] : [index]);
    const border = (index?: number) => {
      const prop = (k: "lineStyle" | "weight" | "color", dflt: number) => ({
        get: () => this.formatOf((f) => f.borders[edges(index)[0]!]?.[k] ?? dflt),
        set: (v: number) =>
          this.formats("AllowFormattingCells", `Borders.${k}`, (f) => {
            for (const e of edges(index))
              f.borders[e] = { lineStyle: XL.continuous, weight: XL.thin, ...f.borders[e], [k]: v };
          }),
        enumerable: true,
      });
      return Object.defineProperties(
        {},
        {
          LineStyle: prop("lineStyle", XL.lineStyleNone),
          Weight: prop("weight", XL.thin),
          Color: prop("color", 0),
        },
      ) as { LineStyle: number | null; Weight: number | null; Color: number | null };
    };
    return Object.assign(border(), { Item: (Index: number) => border(Index) });
  }

  /** Locked: changing it on a protected sheet is 1004 ("Unable to set the Locked property of the Range class"). */
  get Locked(): boolean | null {
    return this.formatOf((f) => f.locked);
  }
  set Locked(v: boolean) {
    this.Application.hook("Range.Locked=");
    this.formats("never", "Locked", (f) => (f.locked = v));
  }

  get RowHeight(): number | null {
    const { top, rows } = this.rect;
    return common(Array.from({ length: rows }, (_, i) => this.sheet.rowHeights.get(top + i) ?? 13.5));
  }
  /** RowHeight: 0 to 409 points (learn.microsoft.com/office/vba/api/excel.range.rowheight; Excel's limits page). */
  set RowHeight(v: number) {
    this.Application.hook("Range.RowHeight=");
    if (!(v >= 0 && v <= MAX_ROW_HEIGHT))
      throw wpsError(1004, "Unable to set the RowHeight property of the Range class");
    refuseOnProtected(this.Worksheet, "AllowFormattingRows", "RowHeight");
    for (let r = this.rect.top; r < this.rect.top + this.rect.rows; r++) this.sheet.rowHeights.set(r, v);
  }

  get ColumnWidth(): number | null {
    const { left, cols } = this.rect;
    return common(Array.from({ length: cols }, (_, i) => this.sheet.columnWidths.get(left + i) ?? 8.38));
  }
  /** ColumnWidth: 0 to 255 characters (learn.microsoft.com/office/vba/api/excel.range.columnwidth). */
  set ColumnWidth(v: number) {
    this.Application.hook("Range.ColumnWidth=");
    if (!(v >= 0 && v <= MAX_COLUMN_WIDTH))
      throw wpsError(1004, "Unable to set the ColumnWidth property of the Range class");
    refuseOnProtected(this.Worksheet, "AllowFormattingColumns", "ColumnWidth");
    for (let c = this.rect.left; c < this.rect.left + this.rect.cols; c++) this.sheet.columnWidths.set(c, v);
  }

  // ---- merges ----

  get MergeCells(): boolean | null {
    return common(
      this.cells().map(([r, c]) =>
        this.sheet.merges.some((m) => contains(m, { top: r, left: c, rows: 1, cols: 1 })),
      ),
    );
  }
  set MergeCells(v: boolean) {
    if (v) this.Merge();
    else this.UnMerge();
  }

  /**
   * Merge keeps the upper-left value only and takes in the merged areas it overlaps; Across merges each row
   * (learn.microsoft.com/office/vba/api/excel.range.merge); a merge inside a table is refused (1004: "This
   * operation is not allowed. You can't merge cells in a table"), and so on a protected sheet.
   */
  Merge(Across = false): void {
    this.Application.hook("Range.Merge");
    refuseOnProtected(this.Worksheet, "never", "Merge");
    if (this.sheet.tables.some((t) => overlaps(t.rect, this.rect)))
      throw wpsError(1004, "This operation is not allowed. You can't merge cells in a table.");
    const rects = Across
      ? Array.from({ length: this.rect.rows }, (_, i) => ({ ...this.rect, top: this.rect.top + i, rows: 1 }))
      : [this.rect];
    for (const rect of rects) {
      if (rect.rows * rect.cols === 1) continue;
      let merged = rect;
      for (const m of this.sheet.merges.filter((x) => overlaps(x, rect))) merged = union(merged, m);
      this.sheet.merges = this.sheet.merges.filter((x) => !overlaps(x, merged));
      for (const [r, c] of cellsOf(merged)) {
        if (r === merged.top && c === merged.left) continue;
        const cell = peek(this.sheet, r, c);
        if (cell) Object.assign(cell, { value: undefined, formula: undefined, error: undefined });
      }
      this.sheet.merges.push(merged);
    }
  }

  UnMerge(): void {
    this.Application.hook("Range.UnMerge");
    refuseOnProtected(this.Worksheet, "never", "UnMerge");
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.rect));
  }

  /** The merged areas the range cuts through without holding them whole. */
  private cutMerges(): Rect[] {
    return this.sheet.merges.filter((m) => overlaps(m, this.rect) && !contains(this.rect, m));
  }

  // ---- contents and structure ----

  /** ClearContents: "Cannot change part of a merged cell" (1004) when the range cuts a merged area. */
  ClearContents(): void {
    this.Application.hook("Range.ClearContents");
    if (this.cutMerges().length) throw wpsError(1004, "Cannot change part of a merged cell.");
    for (const [r, c] of this.cells()) refuseLocked(this.Worksheet, r, c);
    for (const [r, c] of this.cells()) {
      const cell = peek(this.sheet, r, c);
      if (cell) Object.assign(cell, { value: undefined, formula: undefined, error: undefined });
    }
  }

  ClearFormats(): void {
    this.formats("AllowFormattingCells", "ClearFormats", (f) => Object.assign(f, defaultFormat()));
  }

  Clear(): void {
    this.ClearContents();
    this.ClearFormats();
    this.sheet.validations = this.sheet.validations.filter((v) => !overlaps(v.rect, this.rect));
    this.sheet.formatConditions = this.sheet.formatConditions.filter((v) => !overlaps(v.rect, this.rect));
  }

  /** Delete(Shift) with EntireRow/EntireColumn or xlShiftUp/xlShiftToLeft (learn.microsoft.com/office/vba/api/excel.range.delete). */
  Delete(Shift?: number): void {
    this.Application.hook("Range.Delete");
    this.Worksheet.shift(this.rect, this.direction(Shift, XL.shiftUp, XL.shiftToLeft), -1);
  }

  /** Insert(Shift) with EntireRow/EntireColumn or xlShiftDown/xlShiftToRight (learn.microsoft.com/office/vba/api/excel.range.insert). */
  Insert(Shift?: number): void {
    this.Application.hook("Range.Insert");
    this.Worksheet.shift(this.rect, this.direction(Shift, XL.shiftDown, XL.shiftToRight), 1);
  }

  private direction(shift: number | undefined, vertical: number, horizontal: number): "rows" | "cols" {
    if (this.rect.cols === SHEET_SIZE.cols) return "rows";
    if (this.rect.rows === SHEET_SIZE.rows) return "cols";
    if (shift === horizontal) return "cols";
    if (shift === vertical || shift === undefined) return "rows";
    throw wpsError(1004, "Delete method of Range class failed");
  }

  // ---- selection ----

  /**
   * Select: the sheet must be the active one (Excel raises 1004 "Select method of Range class failed" on another
   * sheet: learn.microsoft.com/office/vba/api/excel.range.select; a hidden sheet cannot be active).
   */
  Select(): void {
    this.Application.hook("Range.Select");
    const book = this.Worksheet.Parent;
    if (book.data.active !== this.sheet || this.Application.ActiveWorkbook !== book)
      throw wpsError(1004, "Select method of Range class failed");
    book.data.selection = { sheet: this.sheet, rect: this.rect };
  }

  Activate(): void {
    this.Select();
  }

  AutoFit(): void {
    this.Application.hook("Range.AutoFit");
  }
}

/** Range.Rows / Range.Columns: the same cells, counted and indexed by row or by column. */
class RowsOrColumns extends WpsRange {
  constructor(
    base: WpsRange,
    private by: "rows" | "cols",
  ) {
    super(base.Application, base.Worksheet, base.rect);
  }
  override get Count() {
    return this.by === "rows" ? this.rect.rows : this.rect.cols;
  }
  override Item(Index: number): WpsRange {
    const r = this.rect;
    return this.by === "rows"
      ? new WpsRange(
          this.Application,
          this.Worksheet,
          inSheet({ ...r, top: r.top + Index - 1, rows: 1 }, "Rows"),
        )
      : new WpsRange(
          this.Application,
          this.Worksheet,
          inSheet({ ...r, left: r.left + Index - 1, cols: 1 }, "Columns"),
        );
  }
}
