// Excel's own rules that the in-memory host enforces, each with the Microsoft page or OfficeDev issue it
// models: errors, typed input, requirement sets, protection, table names, data-validation texts and sizes.

import type { Cell, Rect, Scalar, Sheet } from "./model";

export class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export const notLoaded = (what: string) =>
  new OfficeError(
    "PropertyNotLoaded",
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

// ---- sizes ----

/** Bytes of a string in UTF-8, as it travels in a request or a response. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value serialised as JSON in UTF-8. */
export const jsonBytes = (value: unknown): number => utf8Bytes(JSON.stringify(value) ?? "null");

// ---- requirement sets ----

/** Orders "1.8" < "1.10" < "1.12". */
export function compareSets(a: string, b: string): number {
  const [x1 = 0, y1 = 0] = a.split(".").map(Number);
  const [x2 = 0, y2 = 0] = b.split(".").map(Number);
  return x1 !== x2 ? x1 - x2 : y1 - y2;
}

/** The set a host supports unless told: the test run's (jest.config.js sets EXCEL_API), else 1.12. */
export function defaultExcelApi(): string {
  return (globalThis as { EXCEL_API?: string }).EXCEL_API ?? "1.12";
}

// ApiNotFound above the requirement set: learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
export const apiNotFound = (api: string, set: string) =>
  new OfficeError(
    "ApiNotFound",
    `The API you are trying to use could not be found. It may be available in a newer version of the Office application. (${api}: ExcelApi ${set})`,
  );

// ---- typed and written input ----

/** Excel keeps 15 significant digits of a number, so 18 digits typed into a General cell are damaged. */
// learn.microsoft.com/office/troubleshoot/excel/last-digits-changed-to-zeros
export function fifteenDigits(numeral: string): number {
  const trimmed = numeral.trim();
  const negative = trimmed.startsWith("-");
  const [int = "", frac = ""] = trimmed.replace(/^[+-]/, "").split(".");
  const digits = int + frac;
  const first = digits.search(/[1-9]/);
  if (first < 0) return 0;
  const kept = digits.slice(0, first + 15).padEnd(digits.length, "0");
  const value = Number(`${kept.slice(0, int.length) || "0"}.${kept.slice(int.length) || "0"}`);
  return negative ? -value : value;
}

/** Days from 1899-12-30, Excel's day 0 in the 1900 date system, to a date. */
export const serialOf = (y: number, m: number, d: number) =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

/** A date typed as zh-CN Excel reads it: 2026-3-5, 2026/3/5 or 2026年3月5日, and the format it then gives. */
function typedDate(text: string): { serial: number; numberFormat: string } | undefined {
  const m = /^(\d{4})(?:([-/])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [+m[1]!, +(m[3] ?? m[5])!, +(m[4] ?? m[6])!];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return { serial: serialOf(y, mo, d), numberFormat: m[5] ? 'yyyy"年"m"月"d"日"' : "yyyy/m/d" };
}

/**
 * A text typed into a General cell that zh-CN Excel takes as something else: TRUE/FALSE as booleans, 50% as 0.5
 * (formatted 0%), 1,234 as 1234 (formatted #,##0), 1.5E+3 as 1500 (formatted 0.00E+00) and dates as date serials
 * (formatted as a date). The format is given only where the cell had none.
 */
function typedConstant(text: string): { value: Scalar; numberFormat?: string } | undefined {
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const percent = /^([+-]?\d+(?:\.(\d+))?)%$/.exec(t);
  if (percent)
    return {
      value: Number(percent[1]) / 100,
      numberFormat: percent[2] ? `0.${"0".repeat(percent[2].length)}%` : "0%",
    };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t))
    return { value: Number(t.replace(/,/g, "")), numberFormat: t.includes(".") ? "#,##0.00" : "#,##0" };
  if (/^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/.test(t)) return { value: Number(t), numberFormat: "0.00E+00" };
  const date = typedDate(t);
  return date && { value: date.serial, numberFormat: date.numberFormat };
}

/**
 * What a cell holds after a text is typed into it or written to `values` or `formulas`, as zh-CN Excel takes it:
 * "=…" is a formula, "+…", "-…" and "@…" formulas too, numerals become numbers; TRUE, 50%, 1,234, 1.5E+3 and dates
 * (2026/3/5, 2026-3-5, 2026年3月5日) become booleans, numbers and date serials, a General cell taking the format
 * they imply. A text-formatted ("@") cell or a leading apostrophe keeps the text. Excel parses a string written
 * to Range.values or Range.formulas as the cell's input, in the user's locale
 * (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member,
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values).
 */
export function typedValue(
  v: Scalar,
  textFormat: boolean,
): { value: Scalar; formula?: string; numberFormat?: string } {
  if (typeof v !== "string") return { value: v };
  if (textFormat) return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith("=") && v.length > 1) return { value: arithmetic(v.slice(1)), formula: v };
  if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) return { value: fifteenDigits(v) };
  if (/^[+@-]/.test(v) && v.length > 1 && !typedConstant(v))
    return { value: null, formula: v.startsWith("-") ? `=${v}` : `=${v.slice(1)}` };
  return typedConstant(v) ?? { value: v };
}

/**
 * Puts into `cell` what Excel keeps of `v` written or typed there (typedValue); "" clears the cell. A typed date
 * becomes a serial of the workbook's date system (1,462 smaller from 1904).
 */
export function enterValue(cell: Cell, v: Scalar, date1904 = false): void {
  const typed = typedValue(v, cell.format.numberFormat === "@");
  const dated = date1904 && typeof v === "string" && typeof typed.value === "number" && typedDate(v.trim());
  cell.value =
    typed.value === "" ? null : dated ? (typed.value as number) - serialOf(1904, 1, 1) : typed.value;
  cell.formula = typed.formula;
  if (typed.numberFormat && cell.format.numberFormat === "General")
    cell.format.numberFormat = typed.numberFormat;
}

/**
 * The value Excel computes for a formula of numbers, + - * / and brackets (`=8+1` is 9 in Range.values, which
 * returns a formula cell's result: learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
 * null for any other formula, whose result the host does not model.
 */
export function arithmetic(formula: string): number | null {
  const tokens = formula.replace(/\s+/g, "").match(/\d+(\.\d+)?|[-+*/()]|./g) ?? [];
  let at = 0;
  const expr = (): number => {
    let v = term();
    while (tokens[at] === "+" || tokens[at] === "-") v = tokens[at++] === "+" ? v + term() : v - term();
    return v;
  };
  const term = (): number => {
    let v = factor();
    while (tokens[at] === "*" || tokens[at] === "/") v = tokens[at++] === "*" ? v * factor() : v / factor();
    return v;
  };
  const factor = (): number => {
    const t = tokens[at++];
    if (t === "-") return -factor();
    if (t === "+") return factor();
    if (t === "(") {
      const v = expr();
      if (tokens[at++] !== ")") return NaN;
      return v;
    }
    return t !== undefined && /^\d/.test(t) ? Number(t) : NaN;
  };
  const value = expr();
  return at === tokens.length && Number.isFinite(value) ? value : null;
}

// ---- protection ----

/** What a change to a protected sheet needs: the option that allows it, or none (never allowed). */
export type ProtectedChange =
  "allowFormatCells" | "allowFormatColumns" | "allowFormatRows" | "allowEditObjects" | "never";

/**
 * A protected sheet refuses formatting cells (number formats, fonts, fills, borders, alignment, merges and
 * conditional formats: the Format Cells and Conditional Formatting dialogs), column widths, row heights and
 * charts unless its options allow them, and data validation and new tables always.
 */
// "Protect a worksheet": support.microsoft.com/office/3179efdb-1285-4d49-a9c3-f4ca36276de6
export function refuseOnProtected(sheet: Sheet, change: ProtectedChange, what: string): void {
  if (!sheet.protected) return;
  if (change !== "never" && sheet.protectionOptions[change]) return;
  throw new OfficeError(
    "AccessDenied",
    `You cannot perform the requested operation. (${what} on the protected sheet '${sheet.name}')`,
  );
}

/** Values and formulas of locked cells are refused on a protected sheet. */
// "Protect a worksheet": support.microsoft.com/office/3179efdb-1285-4d49-a9c3-f4ca36276de6
export function refuseLocked(sheet: Sheet, cell: Cell, address: string): void {
  if (sheet.protected && cell.format.locked)
    throw new OfficeError(
      "AccessDenied",
      `The cell ${address} is locked on the protected sheet '${sheet.name}'.`,
    );
}

/**
 * A workbook whose structure is protected (Review → Protect Workbook) refuses adding, renaming, deleting, moving
 * and hiding sheets ("Protect a workbook": support.microsoft.com/office/7e365a4d-3e89-4616-84ca-1931257c1517;
 * Excel.WorkbookProtection, ExcelApi 1.7: learn.microsoft.com/javascript/api/excel/excel.workbookprotection),
 * with AccessDenied as for what sheet protection forbids.
 */
export function refuseOnStructure(structureProtected: boolean, what: string): void {
  if (structureProtected)
    throw new OfficeError(
      "AccessDenied",
      `You cannot perform the requested operation. (${what}: the workbook's structure is protected)`,
    );
}

// ---- tables and merges ----

export const overlaps = (a: Rect, b: Rect) =>
  a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.cols && b.left < a.left + a.cols;

/**
 * A table may not overlap another table (InvalidArgument, "A table can't overlap another table": office-js#1199)
 * nor merged cells, and cells inside a table cannot be merged: both MergedRangeConflict, Excel.ErrorCodes' code
 * for a merged range in the way (learn.microsoft.com/javascript/api/excel/excel.errorcodes).
 */
export function checkTablePlace(sheet: Sheet, rect: Rect): void {
  if (sheet.tables.some((t) => overlaps(t.rect, rect)))
    throw new OfficeError("InvalidArgument", "A table can't overlap another table.");
  if (sheet.merges.some((m) => overlaps(m, rect)))
    throw new OfficeError("MergedRangeConflict", "A table can't overlap a range that contains merged cells.");
}

export function checkMergePlace(sheet: Sheet, rect: Rect): void {
  if (sheet.tables.some((t) => overlaps(t.rect, rect)))
    throw new OfficeError("MergedRangeConflict", "Cells in a table can't be merged.");
}

// ---- table names ----

const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[CcRr])$/;

/**
 * A table name starts with a letter, "_" or "\", has no spaces, is not a cell reference, is at most 255
 * characters and is unique in the workbook whatever its case; a clash is InvalidArgument.
 */
// "Rename an Excel table": support.microsoft.com/office/fbf49a4f-82a3-43eb-8ba2-44d21233b114; office-js#551
export function checkTableName(name: string, others: readonly string[]): void {
  if (name.length > 255 || !TABLE_NAME.test(name) || CELL_LIKE.test(name))
    throw new OfficeError("InvalidArgument", `The table name '${name}' is not valid.`);
  if (others.some((o) => o.toLowerCase() === name.toLowerCase()))
    throw new OfficeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format. (a table named '${name}' exists)`,
    );
}

// ---- data validation ----

/** Excel's longest data-validation texts, in characters. */
export const VALIDATION_LIMITS = {
  // A list typed as its source: Excel keeps it as one comma-separated string of at most 255 characters (its
  // Data Validation dialog refuses more, and a file holding a longer one loses the validation when Excel opens
  // it: jmcnamara/XlsxWriter#562, ClosedXML/ClosedXML#1016, qax-os/excelize#972). Whether Office.js refuses it
  // at once or the workbook loses it on reopening, a longer list is lost, so the host refuses it; longer
  // option lists go in cells, referenced as "=Sheet!$A$1:$A$n" (not limited).
  listSource: 255,
  // [MS-OI29500] 2.1.613: learn.microsoft.com/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64
  promptTitle: 32,
  prompt: 255,
  errorTitle: 32,
  error: 224,
} as const;

export function checkValidationText(kind: keyof typeof VALIDATION_LIMITS, text: unknown): void {
  if (typeof text === "string" && text.length > VALIDATION_LIMITS[kind])
    throw new OfficeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format. (${kind} of ${text.length} characters, at most ${VALIDATION_LIMITS[kind]})`,
    );
}

// ---- sheet sizes ----
// "Excel specifications and limits": support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3

/** The rows and columns of a sheet. */
export const SHEET_SIZE = { rows: 1_048_576, cols: 16_384 };

/** The most characters a cell holds. */
export const MAX_CELL_CHARS = 32_767;

/** The longest formula, in characters; a longer one is FormulaLengthExceedsLimit (Excel.ErrorCodes). */
export const MAX_FORMULA_CHARS = 8_192;

/** A text over MAX_CELL_CHARS, or a formula over MAX_FORMULA_CHARS, is refused as Excel refuses it. */
export function checkCellLength(v: Scalar): void {
  if (typeof v !== "string") return;
  if (v.startsWith("=") && v.length > MAX_FORMULA_CHARS)
    throw new OfficeError(
      "FormulaLengthExceedsLimit",
      `The formula is ${v.length} characters, over ${MAX_FORMULA_CHARS}.`,
    );
  if (v.length > MAX_CELL_CHARS)
    throw new OfficeError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format. (a text of ${v.length} characters, over ${MAX_CELL_CHARS})`,
    );
}

/** The tallest row, in points ("Excel specifications and limits": support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3). */
export const MAX_ROW_HEIGHT = 409;

// ---- reads ----

/**
 * Excel on the web refuses a request or a response over 5 MB; a read of more than 5,000,000 cells fails. Desktop
 * Excel has no such payload limit; the host keeps it on every platform, since the add-in must fit the web's.
 */
// learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
export const LIMITS = { request: 5 * 1024 * 1024, response: 5 * 1024 * 1024, readCells: 5_000_000 };
