// A faithful in-memory Excel for the Office.js calls the add-in makes. Proxies queue their writes and
// loads; `context.sync()` applies the batch in order and fills the loaded properties. Reading a property
// that was not loaded throws PropertyNotLoaded; a request or a response over the size limit fails; members
// above the host's requirement set fail with ApiNotFound; protected sheets refuse what Excel refuses
// (rules.ts names the page each refusal models).

import { parseCellAddress } from "../../src/core/address";
import {
  cellAt,
  key,
  newSheet,
  peek,
  type Cell,
  type Chart,
  type Rect,
  type Scalar,
  type Sheet,
  type Table,
} from "./model";
import { RangeProxy, rectOf } from "./range";
import {
  apiNotFound,
  checkTableName,
  checkTablePlace,
  compareSets,
  defaultExcelApi,
  enterValue,
  jsonBytes,
  LIMITS,
  notLoaded,
  OfficeError,
  refuseLocked,
  refuseOnProtected,
  refuseOnStructure,
  serialOf,
  SHEET_SIZE,
} from "./rules";

export { OfficeError } from "./rules";

/** The object path a proxy stands for in a request: the method that made it and its arguments. */
export interface PathInfo {
  name: string;
  args: unknown[];
}

interface Op {
  /** The action, as the request names it ("Add", "Delete", "Protect", "Query", …). */
  name: string;
  run(): void;
  bytes: number;
  /** A load: reads at its place in the batch; the result is handed over only when the response fits. */
  read?: () => unknown;
  apply?: (data: unknown) => void;
}

export class ExcelHost {
  sheets: Sheet[] = [];
  syncCount = 0;
  requestLimit = LIMITS.request;
  responseLimit = LIMITS.response;
  readCellLimit = LIMITS.readCells;
  /** The highest ExcelApi requirement set this Excel supports. */
  excelApi: string;
  selection: { sheet: string; address: string } | undefined;
  activeSheet: string | undefined;
  calculationSuspensions = 0;
  /** Review → Protect Workbook: sheets cannot be added, renamed or deleted. */
  structureProtected = false;
  /**
   * The workbook counts dates from 1904-01-01 (Mac Excel, openpyxl's epoch): its serials, in cells and in
   * Range.values, are 1,462 smaller than the 1900 system's for the same day.
   */
  date1904 = false;
  maxRequest = 0;
  maxResponse = 0;
  /** Operations applied so far, loads included. */
  opsApplied = 0;
  /** `opsApplied` when each sync began: where the batches start. */
  batchStarts: number[] = [];
  /** Test hook: the sync that applies this many more operations fails there, as a lost connection would. */
  failAfterOps: number | undefined;
  /** Test hook: after the failure `failAfterOps` causes, every later sync fails too (Excel lost for good). */
  staysFailing = false;
  /**
   * Test hook: the next call of this action fails as Excel refuses one, the error's debugInfo naming the object
   * and member (OfficeExtension.DebugInfo.errorLocation: learn.microsoft.com/javascript/api/office/officeextension.debuginfo).
   */
  failCall: { action: string; code: string; message: string; location: string } | undefined;
  private failing = false;
  /** The user is typing in a cell: batches fail, or wait when the run asked to (enterCellEdit, exitCellEdit). */
  private cellEdit: { exited: Promise<void>; exit: () => void } | undefined;

  constructor(excelApi = defaultExcelApi()) {
    this.excelApi = excelApi;
  }

  /** Office.context.requirements.isSetSupported("ExcelApi", version) on this Excel. */
  supports = (version: string): boolean => compareSets(version, this.excelApi) <= 0;

  sheet(name: string): Sheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  tableNames(): string[] {
    return this.sheets.flatMap((s) => s.tables.map((t) => t.name));
  }

  /** Test helper: put values straight into a sheet (creating it), as a file would have held them. */
  seed(name: string, rows: Scalar[][], top = 0, left = 0): Sheet {
    let s = this.sheet(name);
    if (!s) this.sheets.push((s = newSheet(name)));
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && (cellAt(s!, top + r, left + c).value = v)));
    return s;
  }

  /** Test helper: a user typing `text` into a cell and pressing Enter, with Excel's input rules. */
  type(sheet: string, address: string, text: string): void {
    const s = this.sheet(sheet);
    const p = parseCellAddress(address);
    if (!s || !p) throw new OfficeError("ItemNotFound", `No cell ${sheet}!${address}`);
    const cell = cellAt(s, p.row, p.col);
    refuseLocked(s, cell, address);
    enterValue(cell, text, this.date1904);
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

  /** Whether a sync fails because an earlier fault lasts (staysFailing); arms it at the first fault. */
  lost(): boolean {
    if (this.failing) return true;
    if (this.staysFailing && this.failAfterOps === 0) this.failing = true;
    return false;
  }

  /** Test helper: Excel is reachable again after staysFailing. */
  reconnect(): void {
    this.failing = false;
    this.staysFailing = false;
  }

  /** Test helper: the user starts typing into a cell (F2 or a double click). */
  enterCellEdit(): void {
    let exit = () => undefined as void;
    const exited = new Promise<void>((resolve) => (exit = resolve));
    this.cellEdit = { exited, exit };
  }

  /** Test helper: the user leaves the cell (Enter, Tab or Esc). */
  exitCellEdit(): void {
    const edit = this.cellEdit;
    this.cellEdit = undefined;
    edit?.exit();
  }

  /**
   * In cell edit mode a batch fails with InvalidOperationInCellEditMode, unless the run asked to wait for the
   * user to leave the cell (RunOptions.delayForCellEdit): learn.microsoft.com/javascript/api/excel/excel.runoptions
   */
  async waitForCellEdit(delay: boolean): Promise<void> {
    if (!this.cellEdit) return;
    if (!delay)
      throw new OfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    await this.cellEdit.exited;
  }

  async run<T>(
    optionsOrFn: Excel.RunOptions | ((context: RequestContext) => Promise<T>),
    batch?: (context: RequestContext) => Promise<T>,
  ): Promise<T> {
    const fn = typeof optionsOrFn === "function" ? optionsOrFn : batch!;
    const options = typeof optionsOrFn === "function" ? {} : optionsOrFn;
    const context = new RequestContext(this, options.delayForCellEdit === true);
    const result = await fn(context);
    if (context.pending()) await context.sync();
    return result;
  }
}

export class RequestContext {
  private ops: Op[] = [];
  private paths = new Set<PathInfo>();
  workbook: WorkbookProxy;

  constructor(
    readonly host: ExcelHost,
    private delayForCellEdit = false,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  /** The request's share for an action on an object path (the path itself travels once per batch). */
  private bytes(name: string, args: unknown[], path?: PathInfo): number {
    const id = this.ops.length + 1;
    let n = jsonBytes({
      Id: id,
      ActionType: 4,
      Name: name,
      ObjectPathId: id,
      ArgumentInfo: { Arguments: args },
    });
    if (path && !this.paths.has(path)) {
      this.paths.add(path);
      n += jsonBytes({
        Id: id,
        ObjectPathType: 3,
        Name: path.name,
        ParentObjectPathId: id,
        ArgumentInfo: { Arguments: path.args },
      });
      n += jsonBytes({ Id: id, ActionType: 1, Name: "", ObjectPathId: id });
    }
    return n + 2;
  }

  queue(run: () => void, name: string, args: unknown[] = [], path?: PathInfo): void {
    this.ops.push({ name, run, bytes: this.bytes(name, args, path) });
  }

  queueLoad(
    path: PathInfo | undefined,
    props: string,
    read: () => unknown,
    apply: (data: unknown) => void,
  ): void {
    this.ops.push({
      name: "Query",
      run: () => undefined,
      read,
      apply,
      bytes: this.bytes("Query", [props], path),
    });
  }

  /** Queues ApiNotFound when the host's requirement set is below `set`. */
  requires(set: string, api: string): void {
    if (!this.host.supports(set))
      this.queue(() => {
        throw apiNotFound(api, set);
      }, api);
  }

  pending(): boolean {
    return this.ops.length > 0;
  }

  async sync(): Promise<void> {
    const host = this.host;
    await host.waitForCellEdit(this.delayForCellEdit);
    host.syncCount++;
    host.batchStarts.push(host.opsApplied);
    const ops = this.ops;
    this.ops = [];
    this.paths = new Set();
    const request = ops.reduce((a, o) => a + o.bytes, 0);
    host.maxRequest = Math.max(host.maxRequest, request);
    if (request > host.requestLimit) {
      throw new OfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit. (${request} bytes)`,
      );
    }
    const answers: [Op, unknown][] = [];
    for (const op of ops) {
      if (host.lost() || (host.failAfterOps !== undefined && host.failAfterOps-- <= 0)) {
        host.failAfterOps = undefined;
        throw new OfficeError(
          "GeneralException",
          "There was an internal error while processing the request.",
        );
      }
      const refusal = host.failCall;
      if (refusal?.action === op.name) {
        host.failCall = undefined;
        const { code, message, location } = refusal;
        throw Object.assign(new OfficeError(code, message), {
          debugInfo: { code, message, errorLocation: location },
        });
      }
      host.opsApplied++;
      if (op.read) answers.push([op, op.read()]);
      else op.run();
    }
    const response = answers.reduce((a, [, data]) => a + jsonBytes({ Id: 1, Value: data }) + 1, 0);
    host.maxResponse = Math.max(host.maxResponse, response);
    if (response > host.responseLimit) {
      throw new OfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit. (${response} bytes)`,
      );
    }
    for (const [op, data] of answers) op.apply!(data);
  }
}

// ---- workbook and sheets ----

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

// "Rename a worksheet": support.microsoft.com/office/3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
function checkSheetName(host: ExcelHost, name: string, self?: Sheet): void {
  // "History" is reserved for Excel's change history, in any case (same page).
  if (
    name.length === 0 ||
    name.length > 31 ||
    SHEET_NAME_BAD.test(name) ||
    /^'|'$/.test(name) ||
    name.toLowerCase() === "history"
  )
    throw new OfficeError("InvalidArgument", `The sheet name '${name}' is not valid.`);
  const other = host.sheet(name);
  if (other && other !== self)
    throw new OfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
}

class WorkbookProxy {
  worksheets: WorksheetCollectionProxy;
  tables: TableCollectionProxy;
  functions: { date(year: number, month: number, day: number): FunctionResultProxy };
  protection: {
    protect(password?: string): void;
    unprotect(password?: string): void;
    load(props?: string): void;
    readonly protected: boolean;
  };
  application: { suspendApiCalculationUntilNextSync(): void; suspendScreenUpdatingUntilNextSync(): void };

  constructor(private ctx: RequestContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx);
    // Workbook.functions (ExcelApi 1.2) evaluates a worksheet function; DATE gives the workbook's own serial,
    // "a number from 1900 or 1904 (depending on the workbook's date system)":
    // learn.microsoft.com/javascript/api/excel/excel.functions#excel-excel-functions-date-member(1)
    this.functions = {
      date: (year, month, day) => {
        ctx.requires("1.2", "Workbook.functions");
        return new FunctionResultProxy(ctx, "Date", [year, month, day], () => {
          const serial = serialOf(year, month, day) - (ctx.host.date1904 ? serialOf(1904, 1, 1) : 0);
          return serial < 0 ? null : serial;
        });
      },
    };
    let loadedProtection: boolean | undefined;
    const host = ctx.host;
    const path: PathInfo = { name: "Protection", args: [] };
    // WorkbookProtection (ExcelApi 1.7): protect() fails on a protected workbook, unprotect() does not.
    // learn.microsoft.com/javascript/api/excel/excel.workbookprotection
    this.protection = {
      protect: (password) => {
        ctx.requires("1.7", "Workbook.protection");
        ctx.queue(
          () => {
            if (host.structureProtected)
              throw new OfficeError(
                "AccessDenied",
                "You cannot perform the requested operation. (already protected)",
              );
            host.structureProtected = true;
          },
          "Protect",
          [password ?? null],
          path,
        );
      },
      unprotect: (password) => {
        ctx.requires("1.7", "Workbook.protection");
        ctx.queue(() => (host.structureProtected = false), "Unprotect", [password ?? null], path);
      },
      load: () => {
        ctx.requires("1.7", "Workbook.protection");
        ctx.queueLoad(
          path,
          "protected",
          () => host.structureProtected,
          (p) => (loadedProtection = p as boolean),
        );
      },
      get protected(): boolean {
        if (loadedProtection === undefined) throw notLoaded("protection/protected");
        return loadedProtection;
      },
    };
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        ctx.requires("1.6", "Application.suspendApiCalculationUntilNextSync");
        ctx.queue(() => ctx.host.calculationSuspensions++, "SuspendApiCalculationUntilNextSync");
      },
      suspendScreenUpdatingUntilNextSync: () => {
        ctx.requires("1.9", "Application.suspendScreenUpdatingUntilNextSync");
        ctx.queue(() => undefined, "SuspendScreenUpdatingUntilNextSync");
      },
    };
  }

  getSelectedRange(): RangeProxy {
    const host = this.ctx.host;
    return new RangeProxy(this.ctx, { name: "GetSelectedRange", args: [] }, () => {
      const sel = host.selection;
      if (!sel) throw new OfficeError("ItemNotFound", "No selection");
      return { sheet: host.sheet(sel.sheet)!, rect: rectOf(sel.address) };
    });
  }
}

/** A worksheet function's result: its value once loaded. */
class FunctionResultProxy {
  private loaded: { value: unknown } | undefined;

  constructor(
    private ctx: RequestContext,
    private name: string,
    private args: unknown[],
    private compute: () => unknown,
  ) {}

  load(_props?: string): this {
    this.ctx.queueLoad(
      { name: this.name, args: this.args },
      "value",
      () => this.compute(),
      (value) => (this.loaded = { value }),
    );
    return this;
  }

  get value(): unknown {
    if (!this.loaded) throw notLoaded("value");
    return this.loaded.value;
  }
}

class TableCollectionProxy {
  private loadedItems: { name: string }[] | undefined;
  private path: PathInfo = { name: "Tables", args: [] };

  constructor(private ctx: RequestContext) {}

  get items(): { name: string }[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  load(_props?: string): this {
    this.ctx.queueLoad(
      this.path,
      "items/name",
      () => this.ctx.host.tableNames().map((name) => ({ name })),
      (data) => (this.loadedItems = data as { name: string }[]),
    );
    return this;
  }
}

class WorksheetCollectionProxy {
  private loadedItems: WorksheetProxy[] | undefined;
  private path: PathInfo = { name: "Worksheets", args: [] };

  constructor(private ctx: RequestContext) {}

  get items(): WorksheetProxy[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  /** Loads the sheets' names, and with "items/protection/protected" whether each is protected. */
  load(props = "items/name"): this {
    const withProtection = props.includes("items/protection/protected");
    this.ctx.queueLoad(
      this.path,
      props,
      () =>
        this.ctx.host.sheets.map((s) => ({
          name: s.name,
          ...(withProtection ? { protected: s.protected } : {}),
        })),
      (items) =>
        (this.loadedItems = (items as { name: string; protected?: boolean }[]).map((item) => {
          const p = new WorksheetProxy(this.ctx, { name: "GetItem", args: [item.name] }, () =>
            this.ctx.host.sheet(item.name),
          );
          p.fill({ name: item.name });
          if (item.protected !== undefined) p.fillProtection(item.protected);
          return p;
        })),
    );
    return this;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, { name: "GetItem", args: [name] }, () => {
      const s = this.ctx.host.sheet(name);
      if (!s)
        throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
      return s;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    this.ctx.requires("1.4", "WorksheetCollection.getItemOrNullObject");
    const p = new WorksheetProxy(
      this.ctx,
      { name: "GetItemOrNullObject", args: [name] },
      () => this.ctx.host.sheet(name),
      true,
    );
    this.ctx.queueLoad(
      p.path,
      "isNullObject",
      () => this.ctx.host.sheet(name) === undefined,
      (isNull) => p.fill({ isNullObject: isNull }),
    );
    return p;
  }

  add(name: string): WorksheetProxy {
    this.ctx.queue(
      () => {
        refuseOnStructure(this.ctx.host.structureProtected, "Adding a sheet");
        checkSheetName(this.ctx.host, name);
        this.ctx.host.sheets.push(newSheet(name));
      },
      "Add",
      [name],
      this.path,
    );
    return this.getItem(name);
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

type ProtectionOptions = Record<string, boolean | undefined>;

class WorksheetProxy {
  private loaded: Record<string, unknown> = {};
  tables: {
    add(range: RangeProxy | string, hasHeaders: boolean): TableProxy;
    load(props?: string): void;
    readonly items: TableProxy[];
  };
  charts: { add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy };
  freezePanes: { freezeRows(n: number): void };
  protection: {
    protect(options?: ProtectionOptions, password?: string): void;
    unprotect(password?: string): void;
    load(props?: string): void;
    readonly protected: boolean;
  };
  pageLayout: Record<string, unknown> & { setPrintTitleRows(rows: string): void };

  constructor(
    private ctx: RequestContext,
    readonly path: PathInfo,
    private resolve: () => Sheet | undefined,
    private nullable = false,
  ) {
    const sheet = () => this.must();
    let loadedTables: TableProxy[] | undefined;
    this.tables = {
      add: (range, hasHeaders) => {
        const table = new TableProxy(ctx, sheet);
        ctx.queue(
          () => {
            const s = sheet();
            refuseOnProtected(s, "never", "Adding a table");
            const rect = typeof range === "string" ? rectOf(range) : range.resolveRect().rect;
            if (!hasHeaders) throw new OfficeError("InvalidArgument", "tables without headers are not used");
            checkTablePlace(s, rect);
            const taken = ctx.host.tableNames();
            let n = 1;
            while (taken.some((t) => t.toLowerCase() === `table${n}`)) n++;
            table.model = { name: `Table${n}`, rect };
            s.tables.push(table.model);
          },
          "Add",
          [typeof range === "string" ? range : "range", hasHeaders],
          { name: "Tables", args: [] },
        );
        return table;
      },
      load: (props = "items/name") => {
        const withTotals = props.includes("items/showTotals");
        ctx.queueLoad(
          { name: "Tables", args: [] },
          props,
          () =>
            sheet().tables.map((t) => ({
              name: t.name,
              ...(withTotals ? { showTotals: t.totalsRow === true } : {}),
            })),
          (items) =>
            (loadedTables = (items as { name: string; showTotals?: boolean }[]).map((item) => {
              const t = new TableProxy(ctx, sheet);
              t.model = sheet().tables.find((x) => x.name === item.name);
              t.nameLoaded = true;
              t.loadedShowTotals = item.showTotals;
              return t;
            })),
        );
      },
      get items(): TableProxy[] {
        if (!loadedTables) throw notLoaded("items");
        return loadedTables;
      },
    };
    this.charts = {
      add: (type, source, seriesBy = "Auto") => {
        const chart = new ChartProxy(ctx);
        ctx.queue(
          () => {
            if (!CHART_TYPES.has(type))
              throw new OfficeError("InvalidArgument", `Unknown chart type '${type}'.`);
            if (!["Auto", "Columns", "Rows"].includes(seriesBy))
              throw new OfficeError("InvalidArgument", `Unknown seriesBy '${seriesBy}'.`);
            const { sheet: from, rect } = source.resolveRect();
            const s = sheet();
            refuseOnProtected(s, "allowEditObjects", "Adding a chart");
            if (from !== s) throw new OfficeError("InvalidArgument", "The chart's data is on another sheet.");
            chart.model = { type, source: rect, seriesBy };
            s.charts.push(chart.model);
          },
          "Add",
          [type, seriesBy],
          { name: "Charts", args: [] },
        );
        return chart;
      },
    };
    this.freezePanes = {
      freezeRows: (n) => {
        ctx.requires("1.7", "Worksheet.freezePanes");
        ctx.queue(() => (sheet().freezeRows = n), "FreezeRows", [n], this.path);
      },
    };
    const self = () => this;
    this.protection = {
      protect: (options, password) => {
        ctx.requires("1.2", "Worksheet.protection");
        if (password !== undefined) ctx.requires("1.7", "WorksheetProtection.protect(password)");
        ctx.queue(
          () => {
            const s = sheet();
            // "Fails if the worksheet has already been protected" (WorksheetProtection.protect), AccessDenied: office-js#6784
            if (s.protected)
              throw new OfficeError(
                "AccessDenied",
                `You cannot perform the requested operation. (the sheet '${s.name}' is already protected)`,
              );
            s.protected = true;
            s.protectionOptions = { ...options };
          },
          "Protect",
          [options ?? null],
          this.path,
        );
      },
      unprotect: (password) => {
        ctx.requires("1.2", "Worksheet.protection");
        if (password !== undefined) ctx.requires("1.7", "WorksheetProtection.unprotect(password)");
        ctx.queue(
          () => {
            const s = sheet();
            // unprotect() on an unprotected sheet is accepted and changes nothing (WorksheetProtection.unprotect:
            // learn.microsoft.com/javascript/api/excel/excel.worksheetprotection#excel-excel-worksheetprotection-unprotect-member(1))
            s.protected = false;
            s.protectionOptions = {};
          },
          "Unprotect",
          [],
          this.path,
        );
      },
      load: () => {
        ctx.requires("1.2", "Worksheet.protection");
        ctx.queueLoad(
          this.path,
          "protection/protected",
          () => sheet().protected,
          (p) => this.fillProtection(p as boolean),
        );
      },
      get protected(): boolean {
        const loaded = self().loadedProtection;
        if (loaded === undefined) throw notLoaded("protection/protected");
        return loaded;
      },
    };
    const page = (k: string, v: unknown) => {
      ctx.requires("1.9", "Worksheet.pageLayout");
      ctx.queue(() => ((sheet().page as Record<string, unknown>)[k] = v), k, [v], this.path);
    };
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

  private loadedProtection: boolean | undefined;

  fillProtection(value: boolean): void {
    this.loadedProtection = value;
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

  /** Renames the sheet (sheet protection does not stop it; workbook structure protection does). */
  set name(v: string) {
    this.ctx.queue(
      () => {
        const s = this.must();
        refuseOnStructure(this.ctx.host.structureProtected, "Renaming a sheet");
        checkSheetName(this.ctx.host, v, s);
        if (this.ctx.host.activeSheet === s.name) this.ctx.host.activeSheet = v;
        s.name = v;
      },
      "Name",
      [v],
      this.path,
    );
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (!("isNullObject" in this.loaded)) throw notLoaded("isNullObject");
    return this.loaded.isNullObject as boolean;
  }

  load(_props?: string): this {
    this.ctx.queueLoad(
      this.path,
      "name",
      () => {
        const s = this.resolve();
        return { name: s?.name, isNullObject: s === undefined };
      },
      (data) => this.fill(data as Record<string, unknown>),
    );
    return this;
  }

  activate(): void {
    this.ctx.queue(() => (this.ctx.host.activeSheet = this.must().name), "Activate", [], this.path);
  }

  delete(): void {
    this.ctx.queue(
      () => {
        const s = this.must();
        refuseOnStructure(this.ctx.host.structureProtected, "Deleting a sheet");
        // A workbook keeps at least one visible sheet: deleting the last one is refused ("Delete a worksheet":
        // support.microsoft.com/office/e5a9a1c1-2d36-4bd1-a7b7-cd1e6b5ec5b3).
        if (this.ctx.host.sheets.length === 1)
          throw new OfficeError(
            "InvalidOperation",
            `The operation is not valid. (the workbook's last sheet '${s.name}' cannot be deleted)`,
          );
        this.ctx.host.sheets = this.ctx.host.sheets.filter((x) => x !== s);
        if (this.ctx.host.activeSheet === s.name) this.ctx.host.activeSheet = undefined;
      },
      "Delete",
      [],
      this.path,
    );
  }

  getRange(address = ""): RangeProxy {
    return new RangeProxy(this.ctx, { name: "GetRange", args: [address] }, () => ({
      sheet: this.must(),
      rect: rectOf(address),
    }));
  }

  getRangeByIndexes(top: number, left: number, rows: number, cols: number): RangeProxy {
    this.ctx.requires("1.7", "Worksheet.getRangeByIndexes");
    return new RangeProxy(this.ctx, { name: "GetRangeByIndexes", args: [top, left, rows, cols] }, () => {
      if (rows < 1 || cols < 1)
        throw new OfficeError("InvalidArgument", "rowCount and columnCount must be positive");
      // A sheet has 1,048,576 rows and 16,384 columns (SHEET_SIZE).
      if (top < 0 || left < 0 || top + rows > SHEET_SIZE.rows || left + cols > SHEET_SIZE.cols)
        throw new OfficeError("InvalidArgument", "The range lies beyond the sheet's last row or column.");
      return { sheet: this.must(), rect: { top, left, rows, cols } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.ctx.requires("1.4", "Worksheet.getUsedRangeOrNullObject");
    return RangeProxy.used(this.ctx, { name: "GetUsedRangeOrNullObject", args: [valuesOnly] }, () =>
      this.must(),
    );
  }
}

class ChartProxy {
  model: Chart | undefined;
  title: { text: string };
  legend: { position: string };
  private path: PathInfo = { name: "Chart", args: [] };

  constructor(private ctx: RequestContext) {
    const set: ChartSet = (name, apply) => (v) =>
      ctx.queue(() => apply(this.must(), v), name, [v], this.path);
    this.title = titleSetter(set);
    this.legend = legendSetter(set);
  }

  must(): Chart {
    if (!this.model) throw new OfficeError("InvalidObjectPath", "The chart was not added.");
    return this.model;
  }

  setPosition(startCell: string, endCell?: string): void {
    this.ctx.queue(
      () => {
        const c = this.must();
        c.from = rectOf(startCell);
        c.to = rectOf(endCell ?? startCell);
        if (c.from.rows !== 1 || c.to.rows !== 1 || c.from.cols !== 1 || c.to.cols !== 1)
          throw new OfficeError("InvalidArgument", "setPosition takes single cells.");
      },
      "SetPosition",
      [startCell, endCell],
      this.path,
    );
  }
}

type ChartSet = (name: string, apply: (c: Chart, v: string) => void) => (v: string) => void;

function titleSetter(set: ChartSet): { text: string } {
  const text = set("Title", (c, v) => (c.title = v));
  return {
    set text(v: string) {
      text(v);
    },
    get text(): string {
      throw notLoaded("title/text");
    },
  };
}

function legendSetter(set: ChartSet): { position: string } {
  const position = set("LegendPosition", (c, v) => (c.legend = v));
  return {
    set position(v: string) {
      position(v);
    },
    get position(): string {
      throw notLoaded("legend/position");
    },
  };
}

class TableProxy {
  model: Table | undefined;
  nameLoaded = false;
  private path: PathInfo = { name: "Table", args: [] };
  rows: {
    add(index?: number | null, values?: Scalar[][]): void;
    getItemAt(index: number): { delete(): void };
    load(props?: string): void;
    readonly count: number;
  };

  constructor(
    private ctx: RequestContext,
    private sheetOf: () => Sheet,
  ) {
    let count: number | undefined;
    const rowsPath: PathInfo = { name: "Rows", args: [] };
    this.rows = {
      // TableRowCollection.add: rows go at the end of the data body when index is null (above a totals row); values
      // are typed as Range.values are, and the new rows take the table's formats.
      // learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)
      add: (index = null, values) =>
        ctx.queue(
          () => {
            const s = sheetOf();
            const t = this.model!;
            refuseOnProtected(s, "never", "Adding table rows");
            if (index !== null && index !== -1)
              throw new OfficeError("InvalidArgument", "only rows added at the end are modelled");
            const rows = values ?? [new Array<Scalar>(t.rect.cols).fill(null)];
            if (rows.some((r) => r.length !== t.rect.cols))
              throw new OfficeError("InvalidArgument", "The number of columns does not match the table.");
            // New rows go under the last data row: above the totals row, which moves down with what is below.
            const bottom = t.rect.top + t.rect.rows - 1 - (t.totalsRow ? 1 : 0);
            shiftRows(s, t.rect, bottom + 1, rows.length);
            rows.forEach((row, i) =>
              row.forEach((v, c) => {
                const cell = cellAt(s, bottom + 1 + i, t.rect.left + c);
                cell.format = structuredClone(peek(s, bottom, t.rect.left + c)?.format ?? cell.format);
                if (v !== null && v !== "") enterValue(cell, v, ctx.host.date1904);
              }),
            );
            t.rect.rows += rows.length;
          },
          "Add",
          [index, values ?? null],
          rowsPath,
        ),
      getItemAt: (index) => ({
        // TableRow.delete: the row's cells go and the cells below it in the table's columns move up.
        delete: () =>
          ctx.queue(
            () => {
              const s = sheetOf();
              const t = this.model!;
              refuseOnProtected(s, "never", "Deleting table rows");
              if (index < 0 || index >= dataRows(t))
                throw new OfficeError("InvalidArgument", `There is no table row ${index}.`);
              shiftRows(s, t.rect, t.rect.top + 2 + index, -1);
              t.rect.rows -= 1;
            },
            "Delete",
            [index],
            { name: "GetItemAt", args: [index] },
          ),
      }),
      load: (props = "count") =>
        ctx.queueLoad(
          rowsPath,
          props,
          () => dataRows(this.model!),
          (n) => (count = n as number),
        ),
      get count(): number {
        if (count === undefined) throw notLoaded("count");
        return count;
      },
    };
    this.getRange = () =>
      new RangeProxy(ctx, { name: "GetRange", args: [] }, () => ({
        sheet: sheetOf(),
        rect: { ...this.model!.rect },
      }));
  }

  getRange: () => RangeProxy;

  /** Table.showTotals, once loaded with the collection's items (ExcelApi 1.1). */
  loadedShowTotals: boolean | undefined;

  get showTotals(): boolean {
    if (this.loadedShowTotals === undefined) throw notLoaded("showTotals");
    return this.loadedShowTotals;
  }

  /** The totals row; ItemNotFound without one (Table.getTotalRowRange). */
  getTotalRowRange(): RangeProxy {
    return new RangeProxy(this.ctx, { name: "GetTotalRowRange", args: [] }, () => {
      const t = this.model!;
      if (!t.totalsRow) throw new OfficeError("ItemNotFound", "The table has no totals row.");
      return { sheet: this.sheetOf(), rect: { ...t.rect, top: t.rect.top + t.rect.rows - 1, rows: 1 } };
    });
  }

  get name(): string {
    if (!this.nameLoaded) throw notLoaded("name");
    return this.model!.name;
  }

  set name(v: string) {
    this.ctx.queue(
      () => {
        const others = this.ctx.host.sheets.flatMap((s) => s.tables).filter((t) => t !== this.model);
        checkTableName(
          v,
          others.map((t) => t.name),
        );
        this.model!.name = v;
      },
      "Name",
      [v],
      this.path,
    );
  }
  set style(v: string) {
    this.ctx.queue(() => (this.model!.style = v), "Style", [v], this.path);
  }
}

/** The rows of a table's data body: neither its header row nor its totals row. */
const dataRows = (t: Table) => t.rect.rows - 1 - (t.totalsRow ? 1 : 0);

/**
 * Moves the cells from row `from` down (`by` > 0) or up (`by` < 0, the row above `from` deleted) within the
 * columns of `rect`, as inserting or deleting table rows moves them.
 */
function shiftRows(sheet: Sheet, rect: Rect, from: number, by: number): void {
  const inColumns = (c: number) => c >= rect.left && c < rect.left + rect.cols;
  const moving = [...sheet.cells]
    .map(([k, cell]) => {
      const [r, c] = k.split(",").map(Number) as [number, number];
      return { r, c, cell };
    })
    .filter(({ r, c }) => inColumns(c) && (r >= from || (by < 0 && r === from - 1)));
  for (const { r, c } of moving) sheet.cells.delete(key(r, c));
  for (const { r, c, cell } of moving) if (r >= from) sheet.cells.set(key(r + by, c), cell);
}
