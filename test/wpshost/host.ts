// An in-memory WPS 表格 for tests: the ET object model a WPS 加载项 page scripts through `window.Application`,
// synchronous as WPS's is. Its objects bear the member names of wps-jsapi's Et.EtApplication, Et.EtWorkbook,
// Et.EtWorksheet and Et.EtRange (checked in surface.ts); what they do follows Excel's COM object model, which
// WPS's mirrors, each rule citing its source. Test hooks: `failOn` makes a chosen member throw, `calls` counts
// every member called.

import { mapRefs, rectOrThrow } from "./address";
import { ErrorValue, evaluateFormula } from "./evaluate";
import {
  isEmpty,
  newSheet,
  peek,
  usedRect,
  type BookData,
  type Cell,
  type Rect,
  type SheetData,
} from "./model";
import {
  ALLOW,
  type Allow,
  protectionOf,
  refuseLocked,
  refuseOnProtected,
  refuseOnStructure,
} from "./protection";
import { inSheet, WpsRange } from "./range";
import { checkSheetName, SHEET_SIZE, wpsError, WpsError, XL } from "./rules";

export interface HostOptions {
  /** Application.Version: WPS 2019 for Windows answers with its own version string. */
  version?: string;
  build?: number;
  /** TODAY() as a date serial; China's today when not given. */
  today?: number;
}

interface Failure {
  member: string;
  /** Calls of the member to let through first. */
  after: number;
  error: WpsError;
}

const subscript = () => wpsError(9, "Subscript out of range");

export class WpsApplication {
  readonly Workbooks: WpsWorkbooks;
  /** Application.ScreenUpdating (learn.microsoft.com/office/vba/api/excel.application.screenupdating); the host records it. */
  ScreenUpdating = true;
  DisplayAlerts = true;
  EnableEvents = true;
  /** XlCalculation; the host computes formulas when they are read whatever it is set to. */
  Calculation: number = XL.calculationAutomatic;
  readonly Version: string;
  readonly Build: number;
  /** Test hook: every member called, with how many times (Range.Value2 read, "Range.Value2=" written …). */
  readonly calls = new Map<string, number>();
  /** Every value ScreenUpdating was set to, in order. */
  readonly screenUpdates: boolean[] = [];
  today: number | undefined;
  private failures: Failure[] = [];
  private cache: Map<string, unknown> | undefined;
  private evaluating = new Set<string>();
  books: WpsWorkbook[] = [];
  active: WpsWorkbook | undefined;

  constructor(options: HostOptions = {}) {
    this.Workbooks = new WpsWorkbooks(this);
    this.Version = options.version ?? "12.0";
    this.Build = options.build ?? 11_720;
    this.today = options.today;
    let screen = true;
    Object.defineProperty(this, "ScreenUpdating", {
      get: () => screen,
      set: (v: boolean) => {
        this.hook("Application.ScreenUpdating=");
        screen = v;
        this.screenUpdates.push(v);
      },
      enumerable: true,
    });
  }

  get Application(): WpsApplication {
    return this;
  }

  /** Test hook: the member's next call (after `after` more) throws `error`, a 1004 by default. */
  failOn(member: string, options: { after?: number; error?: WpsError } = {}): void {
    this.failures.push({
      member,
      after: options.after ?? 0,
      error: options.error ?? wpsError(1004, `Application-defined or object-defined error (${member})`),
    });
  }

  /** Counts a call and throws the failure armed for it. */
  hook(member: string): void {
    this.calls.set(member, (this.calls.get(member) ?? 0) + 1);
    const i = this.failures.findIndex((f) => f.member === member);
    const f = this.failures[i];
    if (!f) return;
    if (f.after-- > 0) return;
    this.failures.splice(i, 1);
    throw f.error;
  }

  /** ActiveWorkbook: null when no workbook is open (VBA's Nothing). */
  get ActiveWorkbook(): WpsWorkbook | null {
    return this.active ?? null;
  }

  get ActiveSheet(): WpsWorksheet | null {
    return this.active?.ActiveSheet ?? null;
  }

  /** The last range selected on the active sheet, or null. */
  get Selection(): WpsRange | null {
    const book = this.active;
    const sel = book?.data.selection;
    if (!book || !sel || sel.sheet !== book.data.active) return null;
    return new WpsRange(this, book.sheetObject(sel.sheet), sel.rect);
  }

  /** Application.Worksheets/Sheets/Range act on the active workbook; with none open they raise 1004. */
  private book(): WpsWorkbook {
    if (!this.active)
      throw wpsError(1004, "Application-defined or object-defined error (no workbook is open)");
    return this.active;
  }

  get Worksheets(): WpsSheets {
    return this.book().Worksheets;
  }

  get Sheets(): WpsSheets {
    return this.book().Sheets;
  }

  Range(Cell1: string | WpsRange, Cell2?: string | WpsRange): WpsRange {
    const sheet = this.book().ActiveSheet;
    return sheet.Range(Cell1, Cell2);
  }

  /** Runs `fn` with one cache of computed cells, so a bulk read computes each formula once. */
  batch<T>(fn: () => T): T {
    if (this.cache) return fn();
    this.cache = new Map();
    try {
      return fn();
    } finally {
      this.cache = undefined;
    }
  }

  /** The value of the formula in a cell: a circular reference gives 0, as Excel shows it. */
  evaluate(sheet: SheetData, row: number, col: number, formula: string): ReturnType<typeof evaluateFormula> {
    const id = `${sheet.name}!${row},${col}`;
    const cached = this.cache?.get(id) as ReturnType<typeof evaluateFormula> | undefined;
    if (cached !== undefined) return cached;
    if (this.evaluating.has(id)) return 0;
    const book = this.books.find((b) => b.data.sheets.includes(sheet));
    this.evaluating.add(id);
    try {
      const value = evaluateFormula(formula, {
        row,
        col,
        today: this.today,
        read: (name, rect) => {
          const target =
            name === undefined
              ? sheet
              : book?.data.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
          if (!target) return new ErrorValue("#REF!");
          return Array.from({ length: rect.rows }, (_, i) =>
            Array.from({ length: rect.cols }, (_, j) => {
              const cell = peek(target, rect.top + i, rect.left + j);
              if (!cell || isEmpty(cell)) return null;
              if (cell.error) return new ErrorValue(cell.error);
              if (cell.formula === undefined) return cell.value ?? null;
              const v = this.evaluate(target, rect.top + i, rect.left + j, cell.formula);
              return v === null ? 0 : v;
            }),
          );
        },
        isFormula: (name, r, c) => {
          const target = name === undefined ? sheet : book?.data.sheets.find((s) => s.name === name);
          return !!target && peek(target, r, c)?.formula !== undefined;
        },
      });
      this.cache?.set(id, value);
      return value;
    } finally {
      this.evaluating.delete(id);
    }
  }
}

export class WpsWorkbooks {
  constructor(readonly Application: WpsApplication) {}

  get Count(): number {
    return this.Application.books.length;
  }

  Item(Index: number | string): WpsWorkbook {
    this.Application.hook("Workbooks.Item");
    const books = this.Application.books;
    const book = typeof Index === "number" ? books[Index - 1] : books.find((b) => b.Name === Index);
    if (!book) throw subscript();
    return book;
  }

  /** Workbooks.Add: a new workbook of one sheet "Sheet1", named 工作簿N as WPS 表格 names them, made active. */
  Add(): WpsWorkbook {
    this.Application.hook("Workbooks.Add");
    const app = this.Application;
    const n = app.books.length + 1;
    const data: BookData = {
      name: `工作簿${n}`,
      sheets: [newSheet("Sheet1")],
      active: undefined,
      structure: undefined,
      selection: undefined,
      counters: { table: 0, chart: 0, sheet: 1 },
    };
    data.active = data.sheets[0];
    return this.open(data);
  }

  /** Opens a workbook's data (a loaded file) as the active workbook. */
  open(data: BookData): WpsWorkbook {
    const book = new WpsWorkbook(this.Application, data);
    this.Application.books.push(book);
    this.Application.active = book;
    return book;
  }
}

export class WpsWorkbook {
  readonly Worksheets: WpsSheets;
  private sheetObjects = new Map<SheetData, WpsWorksheet>();

  constructor(
    readonly Application: WpsApplication,
    readonly data: BookData,
  ) {
    this.Worksheets = new WpsSheets(this);
  }

  get Sheets(): WpsSheets {
    return this.Worksheets;
  }

  get Parent(): WpsApplication {
    return this.Application;
  }

  get Name(): string {
    return this.data.name;
  }

  /** The one object for a sheet, so `ws === wb.Worksheets.Item(1)` holds as it does over COM. */
  sheetObject(sheet: SheetData): WpsWorksheet {
    let ws = this.sheetObjects.get(sheet);
    if (!ws) {
      ws = new WpsWorksheet(this, sheet);
      this.sheetObjects.set(sheet, ws);
    }
    return ws;
  }

  get ActiveSheet(): WpsWorksheet {
    const active = this.data.active ?? this.data.sheets[0]!;
    return this.sheetObject(active);
  }

  get ProtectStructure(): boolean {
    return !!this.data.structure;
  }

  /** Workbook.Protect(Password, Structure, Windows): Structure defaults to False (learn.microsoft.com/office/vba/api/excel.workbook.protect). */
  Protect(Password?: string, Structure = false): void {
    this.Application.hook("Workbook.Protect");
    if (Structure) this.data.structure = { password: Password ?? "" };
  }

  /** Workbook.Unprotect(Password): a wrong password is 1004 ("The password you supplied is not correct"). */
  Unprotect(Password?: string): void {
    this.Application.hook("Workbook.Unprotect");
    const s = this.data.structure;
    if (!s) return;
    if (s.password !== (Password ?? "")) throw wpsError(1004, "The password you supplied is not correct.");
    this.data.structure = undefined;
  }

  Activate(): void {
    this.Application.active = this;
  }

  /** Close: the workbook leaves Workbooks; the next one, if any, becomes active. */
  Close(): void {
    this.Application.hook("Workbook.Close");
    const books = this.Application.books;
    books.splice(books.indexOf(this), 1);
    if (this.Application.active === this) this.Application.active = books[books.length - 1];
  }
}

export class WpsSheets {
  constructor(readonly Parent: WpsWorkbook) {}

  get Application(): WpsApplication {
    return this.Parent.Application;
  }

  private get data(): BookData {
    return this.Parent.data;
  }

  get Count(): number {
    return this.data.sheets.length;
  }

  /** Item(index) from 1, or Item(name) whatever its case; anything else is error 9 "Subscript out of range". */
  Item(Index: number | string): WpsWorksheet {
    this.Application.hook("Worksheets.Item");
    const sheets = this.data.sheets;
    const sheet =
      typeof Index === "number"
        ? sheets[Index - 1]
        : sheets.find((s) => s.name.toLowerCase() === String(Index).toLowerCase());
    if (!sheet) throw subscript();
    return this.Parent.sheetObject(sheet);
  }

  /**
   * Add(Before, After, Count): new sheets before `Before`, after `After`, or before the active sheet; the new
   * sheet becomes active and is returned (learn.microsoft.com/office/vba/api/excel.worksheets.add). Both
   * Before and After, or a protected structure, is 1004.
   */
  Add(Before?: WpsWorksheet, After?: WpsWorksheet, Count = 1): WpsWorksheet {
    this.Application.hook("Worksheets.Add");
    refuseOnStructure(this.data, "Worksheets.Add");
    if (Before && After) throw wpsError(1004, "Method 'Add' of object 'Sheets' failed");
    const sheets = this.data.sheets;
    let at = Before
      ? sheets.indexOf(Before.data)
      : After
        ? sheets.indexOf(After.data) + 1
        : sheets.indexOf(this.data.active ?? sheets[0]!);
    if (at < 0) throw wpsError(1004, "Method 'Add' of object 'Sheets' failed");
    let added: SheetData | undefined;
    for (let i = 0; i < Count; i++) {
      added = newSheet(this.nextName());
      sheets.splice(at, 0, added);
      if (!Before && !After) continue;
      at++;
    }
    this.data.active = added;
    return this.Parent.sheetObject(added!);
  }

  /** SheetN with the next number the workbook has not used. */
  private nextName(): string {
    const taken = new Set(this.data.sheets.map((s) => s.name.toLowerCase()));
    let name: string;
    do name = `Sheet${++this.data.counters.sheet}`;
    while (taken.has(name.toLowerCase()));
    return name;
  }
}

export class WpsWorksheet {
  constructor(
    readonly Parent: WpsWorkbook,
    readonly data: SheetData,
  ) {}

  get Application(): WpsApplication {
    return this.Parent.Application;
  }

  private get book(): BookData {
    return this.Parent.data;
  }

  get Name(): string {
    return this.data.name;
  }

  /** Name =: the sheet-name rules (rules.ts); refused when the workbook's structure is protected. */
  set Name(v: string) {
    this.Application.hook("Worksheet.Name=");
    refuseOnStructure(this.book, "Worksheet.Name");
    const others = this.book.sheets.filter((s) => s !== this.data).map((s) => s.name);
    const name = checkSheetName(v, others);
    const old = this.data.name;
    this.data.name = name;
    if (old !== name) this.renameInFormulas(old, name);
  }

  /** Formulas that name the sheet follow its new name, as Excel rewrites them. */
  private renameInFormulas(old: string, name: string): void {
    const ref = /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name)
      ? name
      : `'${name.replace(/'/g, "''")}'`;
    const pattern = new RegExp(
      `(^|[^\\w.'])('${old.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "''")}'|${old.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})!`,
      "gi",
    );
    for (const sheet of this.book.sheets)
      for (const cell of sheet.cells.values())
        if (cell.formula) cell.formula = cell.formula.replace(pattern, (_, pre: string) => `${pre}${ref}!`);
  }

  /** Index: the sheet's position from 1. */
  get Index(): number {
    return this.book.sheets.indexOf(this.data) + 1;
  }

  /** XlSheetVisibility: xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  get Visible(): number {
    return this.data.visible;
  }

  /**
   * Visible =: hiding the last visible sheet is 1004 ("Unable to set the Visible property of the Worksheet
   * class": a workbook must keep a visible sheet), and so is any change under a protected structure.
   */
  set Visible(v: number | boolean) {
    this.Application.hook("Worksheet.Visible=");
    const value = v === true ? XL.sheetVisible : v === false ? XL.sheetHidden : v;
    if (value === this.data.visible) return;
    refuseOnStructure(this.book, "Worksheet.Visible");
    const visible = this.book.sheets.filter((s) => s.visible === XL.sheetVisible);
    if (value !== XL.sheetVisible && visible.length === 1 && visible[0] === this.data)
      throw wpsError(1004, "Unable to set the Visible property of the Worksheet class");
    this.data.visible = value;
    if (value !== XL.sheetVisible && this.book.active === this.data)
      this.book.active = this.book.sheets.find((s) => s.visible === XL.sheetVisible);
  }

  /** Activate: a hidden sheet cannot be activated (1004 "Activate method of Worksheet class failed"). */
  Activate(): void {
    this.Application.hook("Worksheet.Activate");
    if (this.data.visible !== XL.sheetVisible)
      throw wpsError(1004, "Activate method of Worksheet class failed");
    this.book.active = this.data;
    this.Application.active = this.Parent;
  }

  Select(): void {
    this.Activate();
  }

  /**
   * Delete: the last visible sheet cannot go ("A workbook must contain at least one visible worksheet": 1004),
   * nor any sheet under a protected structure; the next sheet becomes active.
   */
  Delete(): void {
    this.Application.hook("Worksheet.Delete");
    refuseOnStructure(this.book, "Worksheet.Delete");
    const sheets = this.book.sheets;
    const visible = sheets.filter((s) => s.visible === XL.sheetVisible);
    if (this.data.visible === XL.sheetVisible && visible.length === 1)
      throw wpsError(
        1004,
        "Delete method of Worksheet class failed (a workbook must contain at least one visible worksheet)",
      );
    const at = sheets.indexOf(this.data);
    if (at < 0) throw wpsError(424, "Object required");
    sheets.splice(at, 1);
    if (this.book.active === this.data)
      this.book.active =
        sheets.slice(at).find((s) => s.visible === XL.sheetVisible) ??
        [...sheets].reverse().find((s) => s.visible === XL.sheetVisible);
    if (this.book.selection?.sheet === this.data) this.book.selection = undefined;
  }

  /** Range("A1:C3"), Range("A1", "C3") or Range(cell, cell) (learn.microsoft.com/office/vba/api/excel.worksheet.range). */
  Range(Cell1: string | WpsRange, Cell2?: string | WpsRange): WpsRange {
    this.Application.hook("Worksheet.Range");
    const rectOf = (x: string | WpsRange): Rect => {
      if (typeof x !== "string") {
        if (x.Worksheet !== this) throw wpsError(1004, "Method 'Range' of object '_Worksheet' failed");
        return x.rect;
      }
      return rectOrThrow(x);
    };
    const a = rectOf(Cell1);
    if (Cell2 === undefined) return new WpsRange(this.Application, this, a);
    const b = rectOf(Cell2);
    const top = Math.min(a.top, b.top);
    const left = Math.min(a.left, b.left);
    return new WpsRange(this.Application, this, {
      top,
      left,
      rows: Math.max(a.top + a.rows, b.top + b.rows) - top,
      cols: Math.max(a.left + a.cols, b.left + b.cols) - left,
    });
  }

  /** Cells: every cell of the sheet; Cells.Item(row, column) one of them. */
  get Cells(): WpsRange {
    return new WpsRange(this.Application, this, {
      top: 1,
      left: 1,
      rows: SHEET_SIZE.rows,
      cols: SHEET_SIZE.cols,
    });
  }

  get Rows(): WpsRange {
    return this.Cells.Rows;
  }

  get Columns(): WpsRange {
    return this.Cells.Columns;
  }

  /** UsedRange (model.ts: usedRect). */
  get UsedRange(): WpsRange {
    return new WpsRange(this.Application, this, inSheet(usedRect(this.data), "UsedRange"));
  }

  // ---- protection ----

  /** Protect(Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells, …). */
  Protect(...args: unknown[]): void {
    this.Application.hook("Worksheet.Protect");
    const next = protectionOf(args);
    const old = this.data.protection;
    if (old && old.password !== next.password)
      throw wpsError(1004, "Method 'Protect' of object '_Worksheet' failed");
    this.data.protection = next;
  }

  /** Unprotect(Password): a wrong password is 1004 ("The password you supplied is not correct"). */
  Unprotect(Password?: string): void {
    this.Application.hook("Worksheet.Unprotect");
    const p = this.data.protection;
    if (!p) return;
    if (p.password !== (Password ?? "")) throw wpsError(1004, "The password you supplied is not correct.");
    this.data.protection = undefined;
  }

  get ProtectContents(): boolean {
    return !!this.data.protection?.contents;
  }

  get ProtectDrawingObjects(): boolean {
    return !!this.data.protection?.drawingObjects;
  }

  get ProtectionMode(): boolean {
    return !!this.data.protection?.userInterfaceOnly;
  }

  /** Worksheet.Protection: which Allow… options the sheet was protected with. */
  get Protection(): Record<string, boolean> {
    const allow = this.data.protection?.allow ?? {};
    return Object.fromEntries(ALLOW.map((name) => [name, !!allow[name]]));
  }

  // ---- inserting and deleting rows and columns ----

  /**
   * Moves the cells from `rect` on (down or right) by its height or width (`sign` 1, Insert) or deletes them
   * and moves the rest back (`sign` -1, Delete), with formats, merges, validations, conditional formats,
   * tables and the references of every formula that points here (Excel adjusts them: a deleted cell is #REF!).
   */
  shift(rect: Rect, by: "rows" | "cols", sign: 1 | -1): void {
    const whole = by === "rows" ? rect.cols === SHEET_SIZE.cols : rect.rows === SHEET_SIZE.rows;
    const allow: Record<string, Allow> = {
      "1rows": "AllowInsertingRows",
      "1cols": "AllowInsertingColumns",
      "-1rows": "AllowDeletingRows",
      "-1cols": "AllowDeletingColumns",
    };
    const change = whole ? allow[`${sign}${by}`]! : "never";
    refuseOnProtected(this, change, sign > 0 ? "Insert" : "Delete");
    if (sign < 0) for (const [r, c] of this.occupied(rect)) refuseLocked(this, r, c);
    const n = by === "rows" ? rect.rows : rect.cols;
    const start = by === "rows" ? rect.top : rect.left;
    const lane = (r: number, c: number) =>
      by === "rows" ? c >= rect.left && c < rect.left + rect.cols : r >= rect.top && r < rect.top + rect.rows;
    const pos = (r: number, c: number) => (by === "rows" ? r : c);
    const limit = by === "rows" ? SHEET_SIZE.rows : SHEET_SIZE.cols;
    if (sign > 0)
      for (const [k, cell] of this.data.cells) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        if (lane(r, c) && pos(r, c) > limit - n && !isEmpty(cell))
          throw wpsError(
            1004,
            "To prevent possible loss of data, cannot shift nonblank cells off of the worksheet.",
          );
      }
    const move = (r: number, c: number): { row: number; col: number } | null => {
      if (!lane(r, c) || pos(r, c) < start) return { row: r, col: c };
      if (sign < 0 && pos(r, c) < start + n) return null;
      const d = sign * n;
      return by === "rows" ? { row: r + d, col: c } : { row: r, col: c + d };
    };
    const cells = new Map<string, Cell>();
    for (const [k, cell] of this.data.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      const to = move(r, c);
      if (to) cells.set(`${to.row},${to.col}`, cell);
    }
    this.data.cells = cells;
    const moveRect = (x: Rect): Rect | null => {
      const a = { top: x.top, left: x.left };
      const b = { top: x.top + x.rows - 1, left: x.left + x.cols - 1 };
      const first = by === "rows" ? a.top : a.left;
      const last = by === "rows" ? b.top : b.left;
      const inLane =
        by === "rows"
          ? x.left >= rect.left && x.left + x.cols <= rect.left + rect.cols
          : x.top >= rect.top && x.top + x.rows <= rect.top + rect.rows;
      if (!inLane) return x;
      let f = first;
      let l = last;
      if (sign > 0) {
        if (f >= start) f += n;
        if (l >= start) l += n;
      } else {
        const end = start + n;
        const clamp = (p: number, low: boolean) =>
          p < start ? p : p >= end ? p - n : low ? start : start - 1;
        f = clamp(f, true);
        l = clamp(l, false);
        if (l < f) return null;
      }
      return by === "rows" ? { ...x, top: f, rows: l - f + 1 } : { ...x, left: f, cols: l - f + 1 };
    };
    const keep = <T extends { rect: Rect }>(list: T[]) =>
      list.flatMap((item) => {
        const rect2 = moveRect(item.rect);
        return rect2 ? [{ ...item, rect: rect2 }] : [];
      });
    this.data.merges = this.data.merges.flatMap((m) => {
      const m2 = moveRect(m);
      return m2 && m2.rows * m2.cols > 1 ? [m2] : [];
    });
    this.data.validations = keep(this.data.validations);
    this.data.formatConditions = keep(this.data.formatConditions);
    this.data.tables = keep(this.data.tables);
    if (whole) {
      const sizes = by === "rows" ? this.data.rowHeights : this.data.columnWidths;
      const moved = new Map<number, number>();
      for (const [p, v] of sizes) {
        if (p < start) moved.set(p, v);
        else if (sign > 0) moved.set(p + n, v);
        else if (p >= start + n) moved.set(p - n, v);
      }
      sizes.clear();
      for (const [p, v] of moved) sizes.set(p, v);
    }
    for (const sheet of this.book.sheets)
      for (const cell of sheet.cells.values())
        if (cell.formula)
          cell.formula = mapRefs(cell.formula, (name, row, col, end) => {
            const target =
              name === undefined
                ? sheet
                : this.book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
            if (target !== this.data) return { row, col };
            const to = move(row, col);
            if (to || end === "single") return to;
            const p = end === "start" ? start : start - 1;
            return by === "rows" ? { row: p, col } : { row, col: p };
          });
  }

  /** The stored cells of a rectangle. */
  private occupied(rect: Rect): [number, number][] {
    return [...this.data.cells.keys()]
      .map((k) => k.split(",").map(Number) as [number, number])
      .filter(
        ([r, c]) => r >= rect.top && r < rect.top + rect.rows && c >= rect.left && c < rect.left + rect.cols,
      );
  }
}
