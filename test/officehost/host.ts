// A faithful in-memory Excel for the Office.js calls the add-in makes. Proxies queue their writes and
// loads; `context.sync()` applies the batch in order and fills the loaded properties. Reading a property
// that was not loaded throws PropertyNotLoaded; a batch over the request limit is rejected whole; a
// string starting with "=" written to `values` becomes a formula, unless the cell is formatted as text.

import { cellAddress, parseCellAddress, rangeAddress } from "../../src/core/address";
import {
  cellAt,
  newSheet,
  peek,
  usedRect,
  type Cell,
  type Chart,
  type Rect,
  type Scalar,
  type Sheet,
} from "./model";

export class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const notLoaded = (what: string) =>
  new OfficeError(
    "PropertyNotLoaded",
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

interface Op {
  run(): void;
  payload: number;
}

export class ExcelHost {
  sheets: Sheet[] = [];
  syncCount = 0;
  /** Excel on the web rejects a request over 5 MB. */
  payloadLimit = 5 * 1024 * 1024;
  selection: { sheet: string; address: string } | undefined;
  activeSheet: string | undefined;
  calculationSuspensions = 0;
  maxPayload = 0;
  /** Test hook: the sync that applies this many more operations fails there, as a lost connection would. */
  failAfterOps: number | undefined;

  sheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Test helper: put values straight into a sheet (creating it), as a user would have typed them. */
  seed(name: string, rows: Scalar[][], top = 0, left = 0): Sheet {
    let s = this.sheet(name);
    if (!s) this.sheets.push((s = newSheet(name)));
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (cellAt(s!, top + r, left + c).value = v)));
    return s;
  }

  value(sheet: string, address: string): Scalar {
    const p = parseCellAddress(address)!;
    const s = this.sheet(sheet);
    return s ? (peek(s, p.row, p.col)?.value ?? null) : null;
  }

  cell(sheet: string, address: string): Cell | undefined {
    const p = parseCellAddress(address)!;
    const s = this.sheet(sheet);
    return s ? peek(s, p.row, p.col) : undefined;
  }

  async run<T>(fn: (context: RequestContext) => Promise<T>): Promise<T> {
    const context = new RequestContext(this);
    const result = await fn(context);
    if (context.pending()) await context.sync();
    return result;
  }
}

export class RequestContext {
  private ops: Op[] = [];
  private loads: (() => void)[] = [];
  workbook: WorkbookProxy;

  constructor(readonly host: ExcelHost) {
    this.workbook = new WorkbookProxy(this);
  }

  queue(run: () => void, payload = 64): void {
    this.ops.push({ run, payload });
  }

  queueLoad(fill: () => void): void {
    this.ops.push({ run: fill, payload: 32 });
    this.loads.push(fill);
  }

  pending(): boolean {
    return this.ops.length > 0;
  }

  async sync(): Promise<void> {
    this.host.syncCount++;
    const ops = this.ops;
    this.ops = [];
    this.loads = [];
    const payload = ops.reduce((a, o) => a + o.payload, 0);
    this.host.maxPayload = Math.max(this.host.maxPayload, payload);
    if (payload > this.host.payloadLimit) {
      throw new OfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${payload} bytes) has exceeded the limit.`,
      );
    }
    for (const op of ops) {
      if (this.host.failAfterOps !== undefined && this.host.failAfterOps-- <= 0) {
        this.host.failAfterOps = undefined;
        throw new OfficeError("GeneralException", "An internal error has occurred.");
      }
      op.run();
    }
  }
}

// ---- workbook and sheets ----

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

class WorkbookProxy {
  worksheets: WorksheetCollectionProxy;
  application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };

  constructor(private ctx: RequestContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.application = {
      suspendApiCalculationUntilNextSync: () => ctx.queue(() => ctx.host.calculationSuspensions++),
      suspendScreenUpdatingUntilNextSync: () => ctx.queue(() => undefined),
    };
  }

  getSelectedRange(): RangeProxy {
    const host = this.ctx.host;
    return new RangeProxy(this.ctx, () => {
      const sel = host.selection;
      if (!sel) throw new OfficeError("ItemNotFound", "No selection");
      return { sheet: host.sheet(sel.sheet)!, rect: rectOf(sel.address) };
    });
  }
}

class WorksheetCollectionProxy {
  private loadedItems: WorksheetProxy[] | undefined;

  constructor(private ctx: RequestContext) {}

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  load(_props?: string): this {
    this.ctx.queueLoad(() => {
      this.loadedItems = this.ctx.host.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s);
        p.fill({ name: s.name });
        return p;
      });
    });
    return this;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.host.sheet(name);
      if (!s)
        throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
      return s;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const p = new WorksheetProxy(this.ctx, () => this.ctx.host.sheet(name), true);
    this.ctx.queueLoad(() => p.fill({ isNullObject: this.ctx.host.sheet(name) === undefined }));
    return p;
  }

  add(name: string): WorksheetProxy {
    this.ctx.queue(() => {
      const host = this.ctx.host;
      if (name.length === 0 || name.length > 31 || SHEET_NAME_BAD.test(name) || /^'|'$/.test(name)) {
        throw new OfficeError("InvalidArgument", `The sheet name '${name}' is not valid.`);
      }
      if (host.sheet(name))
        throw new OfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
      host.sheets.push(newSheet(name));
    });
    return this.getItem(name);
  }
}

class WorksheetProxy {
  private loaded: Record<string, unknown> = {};
  tables: { add(range: RangeProxy | string, hasHeaders: boolean): TableProxy };
  charts: { add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy };
  freezePanes: { freezeRows(n: number): void };
  protection: {
    protect(options?: unknown, password?: string): void;
    unprotect(password?: string): void;
    load(props?: string): void;
    readonly protected: boolean;
  };
  pageLayout: Record<string, unknown> & { setPrintTitleRows(rows: string): void };

  constructor(
    private ctx: RequestContext,
    private resolve: () => Sheet | undefined,
    private nullable = false,
  ) {
    const sheet = () => this.must();
    this.tables = {
      add: (range, hasHeaders) => {
        const table = new TableProxy(ctx);
        ctx.queue(() => {
          const s = sheet();
          const rect = typeof range === "string" ? rectOf(range) : range.resolveRect().rect;
          if (!hasHeaders) throw new OfficeError("InvalidArgument", "tables without headers are not used");
          table.model = { name: `Table${s.tables.length + 1}`, rect };
          s.tables.push(table.model);
        });
        return table;
      },
    };
    this.charts = {
      add: (type, source, seriesBy = "Auto") => {
        const chart = new ChartProxy(ctx);
        ctx.queue(() => {
          if (!CHART_TYPES.has(type))
            throw new OfficeError("InvalidArgument", `Unknown chart type '${type}'.`);
          if (!["Auto", "Columns", "Rows"].includes(seriesBy))
            throw new OfficeError("InvalidArgument", `Unknown seriesBy '${seriesBy}'.`);
          const { sheet: from, rect } = source.resolveRect();
          const s = sheet();
          if (from !== s) throw new OfficeError("InvalidArgument", "The chart's data is on another sheet.");
          chart.model = { type, source: rect, seriesBy };
          s.charts.push(chart.model);
        });
        return chart;
      },
    };
    this.freezePanes = { freezeRows: (n) => ctx.queue(() => (sheet().freezeRows = n)) };
    const protection: { protected?: boolean } = {};
    this.protection = {
      protect: () => ctx.queue(() => (sheet().protected = true)),
      unprotect: () => ctx.queue(() => (sheet().protected = false)),
      load: () => ctx.queueLoad(() => (protection.protected = sheet().protected)),
      get protected(): boolean {
        if (protection.protected === undefined) throw notLoaded("protection/protected");
        return protection.protected;
      },
    };
    const page = (k: string, v: unknown) =>
      ctx.queue(() => ((sheet().page as Record<string, unknown>)[k] = v));
    this.pageLayout = new Proxy(
      { setPrintTitleRows: (rows: string) => page("printTitleRows", rows) } as WorksheetProxy["pageLayout"],
      {
        set: (_t, prop, value) => {
          page(String(prop), value);
          return true;
        },
      },
    );
  }

  fill(props: Record<string, unknown>): void {
    Object.assign(this.loaded, props);
  }

  must(): Sheet {
    const s = this.resolve();
    if (!s) throw new OfficeError("ItemNotFound", "The requested worksheet doesn't exist.");
    return s;
  }

  get name(): string {
    if (!("name" in this.loaded)) throw notLoaded("name");
    return this.loaded.name as string;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (!("isNullObject" in this.loaded)) throw notLoaded("isNullObject");
    return this.loaded.isNullObject as boolean;
  }

  load(_props?: string): this {
    this.ctx.queueLoad(() => {
      const s = this.resolve();
      this.fill({ name: s?.name, isNullObject: s === undefined });
    });
    return this;
  }

  activate(): void {
    this.ctx.queue(() => (this.ctx.host.activeSheet = this.must().name));
  }

  delete(): void {
    this.ctx.queue(() => {
      const s = this.must();
      this.ctx.host.sheets = this.ctx.host.sheets.filter((x) => x !== s);
    });
  }

  getRange(address = ""): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.must(), rect: rectOf(address) }));
  }

  getRangeByIndexes(top: number, left: number, rows: number, cols: number): RangeProxy {
    if (rows < 1 || cols < 1)
      throw new OfficeError("InvalidArgument", "rowCount and columnCount must be positive");
    return new RangeProxy(this.ctx, () => ({ sheet: this.must(), rect: { top, left, rows, cols } }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.must();
        const rect = usedRect(sheet, valuesOnly);
        return rect ? { sheet, rect } : undefined;
      },
      true,
    );
  }
}

/** The chart types the add-in may ask for. */
const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "BarStacked",
  "Pie",
  "Line",
]);

class ChartProxy {
  model: Chart | undefined;
  title: { text: string };
  legend: { position: string };

  constructor(private ctx: RequestContext) {
    const set = (apply: (c: Chart) => void) => ctx.queue(() => apply(this.must()));
    this.title = {
      set text(v: string) {
        set((c) => (c.title = v));
      },
      get text(): string {
        throw notLoaded("title/text");
      },
    };
    this.legend = {
      set position(v: string) {
        set((c) => (c.legend = v));
      },
      get position(): string {
        throw notLoaded("legend/position");
      },
    };
  }

  must(): Chart {
    if (!this.model) throw new OfficeError("InvalidObjectPath", "The chart was not added.");
    return this.model;
  }

  setPosition(startCell: string, endCell?: string): void {
    this.ctx.queue(() => {
      const c = this.must();
      c.from = rectOf(startCell);
      c.to = rectOf(endCell ?? startCell);
      if (c.from.rows !== 1 || c.to.rows !== 1 || c.from.cols !== 1 || c.to.cols !== 1)
        throw new OfficeError("InvalidArgument", "setPosition takes single cells.");
    });
  }
}

class TableProxy {
  model: { name: string; rect: Rect; style?: string } | undefined;
  constructor(private ctx: RequestContext) {}
  set name(v: string) {
    this.ctx.queue(() => (this.model!.name = v));
  }
  set style(v: string) {
    this.ctx.queue(() => (this.model!.style = v));
  }
}

// ---- ranges ----

function rectOf(address: string): Rect {
  const bare = address.replace(/^.*!/, "").replace(/\$/g, "");
  const whole = /^([A-Z]+):([A-Z]+)$/.exec(bare);
  if (whole) {
    const a = parseCellAddress(`${whole[1]}1`)!;
    const b = parseCellAddress(`${whole[2]}1`)!;
    return { top: 0, left: a.col, rows: 1_048_576, cols: b.col - a.col + 1 };
  }
  const [x, y = x] = bare.split(":") as [string, string?];
  const a = parseCellAddress(x);
  const b = parseCellAddress(y ?? x);
  if (!a || !b) throw new OfficeError("InvalidArgument", `The address '${address}' is not valid.`);
  return { top: a.row, left: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

type Resolved = { sheet: Sheet; rect: Rect } | undefined;

/** Excel's coercion of a string written to `values`: "=…" is a formula; numerals and ISO dates become numbers. */
function coerce(v: Scalar, textFormat: boolean): { value: Scalar; formula?: string } {
  if (typeof v !== "string") return { value: v };
  if (textFormat) return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith("=") && v.length > 1) return { value: null, formula: v };
  if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) return { value: Number(v) };
  if (/^[+@]/.test(v) && v.length > 1) return { value: null, formula: `=${v.slice(1)}` };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.trim());
  if (iso)
    return {
      value: Math.round((Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!) - Date.UTC(1899, 11, 30)) / 86_400_000),
    };
  return { value: v };
}

function sizeOf(v: unknown): number {
  return JSON.stringify(v)?.length ?? 0;
}

class RangeProxy {
  private loaded: Record<string, unknown> = {};
  format: ReturnType<RangeProxy["makeFormat"]>;
  dataValidation: { rule: unknown; prompt: unknown; errorAlert: unknown };
  conditionalFormats: {
    add(type: string): {
      custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } };
    };
  };

  constructor(
    private ctx: RequestContext,
    private resolver: () => Resolved,
    private nullable = false,
  ) {
    this.format = this.makeFormat();
    const validation = (field: "rule" | "prompt" | "errorAlert") => (value: unknown) =>
      this.each((sheet, rect) => {
        let v = sheet.validations.find((x) => sameRect(x.rect, rect));
        if (!v) sheet.validations.push((v = { rect, rule: {} }));
        (v as unknown as Record<string, unknown>)[field] = value;
      });
    this.dataValidation = setterObject({
      rule: validation("rule"),
      prompt: validation("prompt"),
      errorAlert: validation("errorAlert"),
    }) as RangeProxy["dataValidation"];
    this.conditionalFormats = {
      add: (type: string) => {
        const model = {
          rect: { top: 0, left: 0, rows: 0, cols: 0 },
          type,
        } as Sheet["conditionalFormats"][number];
        this.each((sheet, rect) => {
          model.rect = rect;
          sheet.conditionalFormats.push(model);
        });
        const set = (k: "formula" | "fill" | "fontColor") => (v: string) => ctx.queue(() => (model[k] = v));
        return {
          custom: {
            rule: setterObject({ formula: set("formula") }) as { formula: string },
            format: {
              fill: setterObject({ color: set("fill") }) as { color: string },
              font: setterObject({ color: set("fontColor") }) as { color: string },
            },
          },
        };
      },
    };
  }

  resolveRect(): { sheet: Sheet; rect: Rect } {
    const r = this.resolver();
    if (!r) throw new OfficeError("ItemNotFound", "The range is a null object.");
    return r;
  }

  /** Queues a write over every cell of the range; protected sheets refuse writes to locked cells. */
  private each(fn: (sheet: Sheet, rect: Rect) => void, payload = 64): void {
    this.ctx.queue(() => {
      const { sheet, rect } = this.resolveRect();
      fn(sheet, rect);
    }, payload);
  }

  private cells(
    fn: (cell: Cell, r: number, c: number) => void,
    guardLocked: boolean,
  ): (sheet: Sheet, rect: Rect) => void {
    return (sheet, rect) => {
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.cols; c++) {
          const cell = cellAt(sheet, rect.top + r, rect.left + c);
          if (guardLocked && sheet.protected && cell.format.locked) {
            throw new OfficeError(
              "AccessDenied",
              `The cell ${cellAddress(rect.top + r, rect.left + c)} is locked on a protected sheet.`,
            );
          }
          fn(cell, r, c);
        }
      }
    };
  }

  private grid<T>(name: string, value: T | T[][], write: (cell: Cell, v: T) => void): void {
    this.each((sheet, rect) => {
      if (Array.isArray(value)) {
        if (
          value.length !== rect.rows ||
          value.some((row) => !Array.isArray(row) || row.length !== rect.cols)
        ) {
          throw new OfficeError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`,
          );
        }
        this.cells((cell, r, c) => write(cell, value[r]![c]!), true)(sheet, rect);
      } else this.cells((cell) => write(cell, value), true)(sheet, rect);
    }, sizeOf(value));
  }

  set values(v: Scalar | Scalar[][]) {
    this.grid("values", v, (cell, x) => {
      const c = coerce(x, cell.format.numberFormat === "@");
      cell.value = c.value;
      cell.formula = c.formula;
    });
  }
  get values(): Scalar[][] {
    return this.get("values") as Scalar[][];
  }

  set formulas(v: Scalar | Scalar[][]) {
    this.grid("formulas", v, (cell, x) => {
      if (typeof x === "string" && x.startsWith("=") && cell.format.numberFormat !== "@") {
        cell.formula = x;
        cell.value = null;
      } else {
        cell.formula = undefined;
        cell.value = coerce(x, cell.format.numberFormat === "@").value;
      }
    });
  }
  get formulas(): Scalar[][] {
    return this.get("formulas") as Scalar[][];
  }

  set numberFormat(v: string | string[][]) {
    this.grid("numberFormat", v, (cell, x) => (cell.format.numberFormat = x));
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat") as string[][];
  }

  get rowIndex(): number {
    return this.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get("columnIndex") as number;
  }
  get address(): string {
    return this.get("address") as string;
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.get("isNullObject") as boolean;
  }

  private get(prop: string): unknown {
    if (!(prop in this.loaded)) throw notLoaded(prop);
    return this.loaded[prop];
  }

  load(props = "values"): this {
    this.ctx.queueLoad(() => {
      const r = this.resolver();
      this.loaded.isNullObject = r === undefined;
      if (!r) return;
      const { sheet, rect } = r;
      const read = (f: (c: Cell | undefined) => unknown) =>
        Array.from({ length: rect.rows }, (_, i) =>
          Array.from({ length: rect.cols }, (_, j) => f(peek(sheet, rect.top + i, rect.left + j))),
        );
      for (const p of props.split(",").map((s) => s.trim())) {
        if (p === "values") this.loaded.values = read((c) => c?.value ?? "");
        if (p === "formulas") this.loaded.formulas = read((c) => c?.formula ?? c?.value ?? "");
        if (p === "numberFormat") this.loaded.numberFormat = read((c) => c?.format.numberFormat ?? "General");
        if (p === "rowIndex") this.loaded.rowIndex = rect.top;
        if (p === "columnIndex") this.loaded.columnIndex = rect.left;
        if (p === "address")
          this.loaded.address = `${sheet.name}!${rangeAddress(rect.top, rect.left, rect.top + rect.rows - 1, rect.left + rect.cols - 1)}`;
      }
    });
    return this;
  }

  merge(): void {
    this.each((sheet, rect) => sheet.merges.push(rect));
  }

  select(): void {
    this.each((sheet, rect) => {
      this.ctx.host.selection = {
        sheet: sheet.name,
        address: rangeAddress(rect.top, rect.left, rect.top + rect.rows - 1, rect.left + rect.cols - 1),
      };
      this.ctx.host.activeSheet = sheet.name;
    });
  }

  getResizedRange(deltaRows: number, deltaCols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, rect } = this.resolveRect();
      return { sheet, rect: { ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaCols } };
    });
  }

  private makeFormat() {
    const set = (fn: (cell: Cell, v: never) => void) => (v: never) =>
      this.each(this.cells((cell) => fn(cell, v), false));
    const perRect = (fn: (sheet: Sheet, rect: Rect, v: never) => void) => (v: never) =>
      this.each((sheet, rect) => fn(sheet, rect, v));
    return setterObject({
      fill: setterObject({ color: set((c, v: string) => (c.format.fill = v)) }),
      font: setterObject({
        bold: set((c, v: boolean) => (c.format.font.bold = v)),
        color: set((c, v: string) => (c.format.font.color = v)),
        size: set((c, v: number) => (c.format.font.size = v)),
        name: set((c, v: string) => (c.format.font.name = v)),
      }),
      protection: setterObject({ locked: set((c, v: boolean) => (c.format.locked = v)) }),
      horizontalAlignment: set((c, v: string) => (c.format.horizontal = v)),
      verticalAlignment: set((c, v: string) => (c.format.vertical = v)),
      wrapText: set((c, v: boolean) => (c.format.wrap = v)),
      columnWidth: perRect((sheet, rect, v: number) => {
        for (let c = 0; c < rect.cols; c++) sheet.columnWidths.set(rect.left + c, v);
      }),
      rowHeight: perRect((sheet, rect, v: number) => {
        for (let r = 0; r < Math.min(rect.rows, 100_000); r++) sheet.rowHeights.set(rect.top + r, v);
      }),
      borders: {
        getItem: (edge: string) =>
          setterObject({ style: set((c, v: string) => (c.format.borders[edge] = v)) }),
      },
    }) as {
      fill: { color: string };
      font: { bold: boolean; color: string; size: number; name: string };
      protection: { locked: boolean };
      horizontalAlignment: string;
      verticalAlignment: string;
      wrapText: boolean;
      columnWidth: number;
      rowHeight: number;
      borders: { getItem(edge: string): { style: string } };
    };
  }
}

function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.rows === b.rows && a.cols === b.cols;
}

/** An object whose listed properties are write-only setters (nested objects are kept as they are). */
function setterObject(spec: Record<string, unknown>): object {
  const target: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) {
    if (typeof v === "function" && k !== "getItem") {
      Object.defineProperty(target, k, {
        set: v as (x: unknown) => void,
        get: () => {
          throw notLoaded(k);
        },
      });
    } else target[k] = v;
  }
  return target;
}
