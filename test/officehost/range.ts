// Range proxies of the in-memory Excel: values, formulas and number formats as 2-D arrays, formats, data
// validation, conditional formats and merges, with Excel's refusals on protected sheets.

import { cellAddress, parseCellAddress, rangeAddress } from "../../src/core/address";
import type { PathInfo, RequestContext } from "./host";
import { cellAt, peek, usedRect, type Cell, type Rect, type Scalar, type Sheet } from "./model";
import {
  checkCellLength,
  checkMergePlace,
  checkValidationText,
  enterValue,
  MAX_ROW_HEIGHT,
  notLoaded,
  OfficeError,
  refuseLocked,
  refuseOnProtected,
  type ProtectedChange,
} from "./rules";

export function rectOf(address: string): Rect {
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

const CELL_PROPS = new Set(["values", "formulas", "numberFormat", "text"]);

export class RangeProxy {
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
    readonly path: PathInfo,
    private resolver: () => Resolved,
    private nullable = false,
  ) {
    this.format = this.makeFormat();
    const validation = (field: "rule" | "prompt" | "errorAlert") => (value: unknown) => {
      ctx.requires("1.8", "Range.dataValidation");
      this.each(`DataValidation.${field}`, value, (sheet, rect) => {
        refuseOnProtected(sheet, "never", "Data validation");
        checkValidationLimits(field, value);
        let v = sheet.validations.find((x) => sameRect(x.rect, rect));
        if (!v) sheet.validations.push((v = { rect, rule: {} }));
        (v as unknown as Record<string, unknown>)[field] = value;
      });
    };
    this.dataValidation = setterObject({
      rule: validation("rule"),
      prompt: validation("prompt"),
      errorAlert: validation("errorAlert"),
    }) as RangeProxy["dataValidation"];
    this.conditionalFormats = {
      add: (type: string) => {
        ctx.requires("1.6", "Range.conditionalFormats");
        const model = {
          rect: { top: 0, left: 0, rows: 0, cols: 0 },
          type,
        } as Sheet["conditionalFormats"][number];
        this.each("ConditionalFormats.Add", type, (sheet, rect) => {
          refuseOnProtected(sheet, "allowFormatCells", "A conditional format");
          model.rect = rect;
          sheet.conditionalFormats.push(model);
        });
        const set = (k: "formula" | "fill" | "fontColor") => (v: string) =>
          ctx.queue(() => (model[k] = v), k, [v], this.path);
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

  /** The used range of a sheet: a null object when the sheet holds nothing. */
  static used(ctx: RequestContext, path: PathInfo, sheetOf: () => Sheet): RangeProxy {
    const valuesOnly = path.args[0] === true;
    return new RangeProxy(
      ctx,
      path,
      () => {
        const sheet = sheetOf();
        const rect = usedRect(sheet, valuesOnly);
        return rect ? { sheet, rect } : undefined;
      },
      true,
    );
  }

  resolveRect(): { sheet: Sheet; rect: Rect } {
    const r = this.resolver();
    if (!r) throw new OfficeError("ItemNotFound", "The range is a null object.");
    return r;
  }

  /** Queues a change of the whole range. */
  private each(name: string, value: unknown, fn: (sheet: Sheet, rect: Rect) => void): void {
    this.ctx.queue(
      () => {
        const { sheet, rect } = this.resolveRect();
        fn(sheet, rect);
      },
      name,
      [value],
      this.path,
    );
  }

  /** Queues a change of every cell; `guard` says what protection must allow. */
  private cells(
    name: string,
    value: unknown,
    guard: ProtectedChange | "locked",
    fn: (cell: Cell) => void,
  ): void {
    this.each(name, value, (sheet, rect) => {
      if (guard !== "locked") refuseOnProtected(sheet, guard, name);
      for (let r = 0; r < rect.rows; r++)
        for (let c = 0; c < rect.cols; c++) {
          const cell = cellAt(sheet, rect.top + r, rect.left + c);
          if (guard === "locked") refuseLocked(sheet, cell, cellAddress(rect.top + r, rect.left + c));
          fn(cell);
        }
    });
  }

  /**
   * A 2-D array (or one value for every cell) written to values, formulas or number formats. A null in the
   * array leaves that cell as it is; null for the whole property is invalid.
   */
  // learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
  private grid<T>(
    name: string,
    value: T | (T | null)[][] | null,
    guard: ProtectedChange | "locked",
    write: (cell: Cell, v: T) => void,
  ): void {
    this.each(name, value, (sheet, rect) => {
      if (value === null) throw new OfficeError("InvalidArgument", `null is not a valid value for ${name}.`);
      if (guard !== "locked") refuseOnProtected(sheet, guard, name);
      const at = (r: number, c: number): T | null => {
        if (!Array.isArray(value)) return value;
        return (value[r] as (T | null)[])[c] ?? null;
      };
      if (
        Array.isArray(value) &&
        (value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.cols))
      ) {
        throw new OfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`,
        );
      }
      for (let r = 0; r < rect.rows; r++)
        for (let c = 0; c < rect.cols; c++) {
          const v = at(r, c);
          if (v === null) continue;
          const cell = cellAt(sheet, rect.top + r, rect.left + c);
          if (guard === "locked") refuseLocked(sheet, cell, cellAddress(rect.top + r, rect.left + c));
          write(cell, v);
        }
    });
  }

  /** Text is taken as typed (typedValue); "" clears the cell. */
  set values(v: Scalar | Scalar[][]) {
    this.grid("values", v, "locked", (cell, x) => writeCell(cell, x, this.ctx.host.date1904));
  }
  get values(): Scalar[][] {
    return this.get("values") as Scalar[][];
  }

  set formulas(v: Scalar | Scalar[][]) {
    this.grid("formulas", v, "locked", (cell, x) => writeCell(cell, x, this.ctx.host.date1904));
  }
  get formulas(): Scalar[][] {
    return this.get("formulas") as Scalar[][];
  }

  /** "" resets a cell's number format to General (excel-add-ins-blank-null-values). */
  set numberFormat(v: string | (string | null)[][]) {
    this.grid("numberFormat", v, "allowFormatCells", (cell, x: string) => {
      cell.format.numberFormat = x === "" ? "General" : x;
    });
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
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
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
    const wanted = props.split(",").map((s) => s.trim());
    const limit = this.ctx.host.readCellLimit;
    this.ctx.queueLoad(
      this.path,
      props,
      () => {
        const r = this.resolver();
        const out: Record<string, unknown> = { isNullObject: r === undefined };
        if (!r) return out;
        const { sheet, rect } = r;
        if (wanted.some((p) => CELL_PROPS.has(p)) && rect.rows * rect.cols > limit)
          throw new OfficeError(
            "RangeExceedsLimit",
            `The cell count in the range has exceeded the maximum supported number. (${rect.rows * rect.cols} cells)`,
          );
        const read = (f: (c: Cell | undefined) => unknown) =>
          Array.from({ length: rect.rows }, (_, i) =>
            Array.from({ length: rect.cols }, (_, j) => f(peek(sheet, rect.top + i, rect.left + j))),
          );
        for (const p of wanted) {
          if (p === "values") out.values = read((c) => c?.value ?? "");
          if (p === "formulas") out.formulas = read((c) => c?.formula ?? c?.value ?? "");
          if (p === "numberFormat") out.numberFormat = read((c) => c?.format.numberFormat ?? "General");
          if (p === "rowIndex") out.rowIndex = rect.top;
          if (p === "columnIndex") out.columnIndex = rect.left;
          if (p === "rowCount") out.rowCount = rect.rows;
          if (p === "columnCount") out.columnCount = rect.cols;
          if (p === "address")
            out.address = `${sheet.name}!${rangeAddress(rect.top, rect.left, rect.top + rect.rows - 1, rect.left + rect.cols - 1)}`;
        }
        return out;
      },
      (data) => Object.assign(this.loaded, data),
    );
    return this;
  }

  merge(across = false): void {
    this.ctx.requires("1.2", "Range.merge");
    this.each("Merge", across, (sheet, rect) => {
      refuseOnProtected(sheet, "allowFormatCells", "Merging cells");
      checkMergePlace(sheet, rect);
      sheet.merges.push(rect);
    });
  }

  select(): void {
    this.each("Select", null, (sheet, rect) => {
      this.ctx.host.selection = {
        sheet: sheet.name,
        address: rangeAddress(rect.top, rect.left, rect.top + rect.rows - 1, rect.left + rect.cols - 1),
      };
      this.ctx.host.activeSheet = sheet.name;
    });
  }

  getResizedRange(deltaRows: number, deltaCols: number): RangeProxy {
    this.ctx.requires("1.2", "Range.getResizedRange");
    return new RangeProxy(this.ctx, { name: "GetResizedRange", args: [deltaRows, deltaCols] }, () => {
      const { sheet, rect } = this.resolveRect();
      return { sheet, rect: { ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaCols } };
    });
  }

  private makeFormat() {
    const set =
      (name: string, fn: (cell: Cell, v: never) => void, guard: ProtectedChange = "allowFormatCells") =>
      (v: never) =>
        this.cells(name, v, guard, (cell) => fn(cell, v));
    const perRect =
      (name: string, guard: ProtectedChange, fn: (sheet: Sheet, rect: Rect, v: never) => void) =>
      (v: never) => {
        this.ctx.requires("1.2", `RangeFormat.${name}`);
        this.each(name, v, (sheet, rect) => {
          refuseOnProtected(sheet, guard, name);
          fn(sheet, rect, v);
        });
      };
    return setterObject({
      fill: setterObject({ color: set("Fill.Color", (c, v: string) => (c.format.fill = v)) }),
      font: setterObject({
        bold: set("Font.Bold", (c, v: boolean) => (c.format.font.bold = v)),
        color: set("Font.Color", (c, v: string) => (c.format.font.color = v)),
        size: set("Font.Size", (c, v: number) => (c.format.font.size = v)),
        name: set("Font.Name", (c, v: string) => (c.format.font.name = v)),
      }),
      protection: setterObject({
        locked: (v: boolean) => {
          this.ctx.requires("1.2", "RangeFormat.protection");
          this.cells("Protection.Locked", v, "allowFormatCells", (cell) => (cell.format.locked = v));
        },
      }),
      horizontalAlignment: set("HorizontalAlignment", (c, v: string) => (c.format.horizontal = v)),
      verticalAlignment: set("VerticalAlignment", (c, v: string) => (c.format.vertical = v)),
      wrapText: set("WrapText", (c, v: boolean) => (c.format.wrap = v)),
      columnWidth: perRect("ColumnWidth", "allowFormatColumns", (sheet, rect, v: number) => {
        for (let c = 0; c < rect.cols; c++) sheet.columnWidths.set(rect.left + c, v);
      }),
      rowHeight: perRect("RowHeight", "allowFormatRows", (sheet, rect, v: number) => {
        // A row is at most 409 points high ("Excel specifications and limits":
        // support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3); Range.format.rowHeight refuses more.
        if (!(v >= 0 && v <= MAX_ROW_HEIGHT))
          throw new OfficeError(
            "InvalidArgument",
            `The argument is invalid or missing or has an incorrect format. (rowHeight ${v})`,
          );
        for (let r = 0; r < Math.min(rect.rows, 100_000); r++) sheet.rowHeights.set(rect.top + r, v);
      }),
      borders: {
        getItem: (edge: string) =>
          setterObject({ style: set(`Borders.${edge}`, (c, v: string) => (c.format.borders[edge] = v)) }),
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

function writeCell(cell: Cell, x: Scalar, date1904: boolean): void {
  checkCellLength(x);
  enterValue(cell, x, date1904);
}

/** A list typed as its source, and the prompt's and the alert's texts, within Excel's lengths (rules.ts). */
function checkValidationLimits(field: "rule" | "prompt" | "errorAlert", value: unknown): void {
  const v = (value ?? {}) as Record<string, Record<string, unknown> | undefined>;
  if (field === "rule") {
    const source = v.list?.source;
    if (typeof source === "string" && !source.startsWith("=")) checkValidationText("listSource", source);
  }
  if (field === "prompt") {
    checkValidationText("promptTitle", (value as { title?: unknown }).title);
    checkValidationText("prompt", (value as { message?: unknown }).message);
  }
  if (field === "errorAlert") {
    checkValidationText("errorTitle", (value as { title?: unknown }).title);
    checkValidationText("error", (value as { message?: unknown }).message);
  }
}
