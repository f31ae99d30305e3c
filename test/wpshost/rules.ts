// The rules of WPS 表格 that the in-memory host enforces, each with the page it models. WPS's object model
// follows Excel's COM/VBA one, so where WPS documents nothing the rule is Excel's, cited from Microsoft's
// VBA reference or Excel's support pages.

import { serialFromParts, isValidCalendarDate } from "../../src/core/dates";
import { fifteenDigits } from "../officehost/rules";
import type { Scalar } from "./model";

/**
 * An error the object model throws. WPS documents no error shape for its JS API; the host throws what the COM
 * object model raises, Excel's VBA run-time error numbers (1004 "Application-defined or object-defined error"
 * for a method that fails: learn.microsoft.com/office/vba/language/reference/user-interface-help/trappable-errors)
 * with the COM description as `description` and `message`.
 */
export class WpsError extends Error {
  constructor(
    public number: number,
    public description: string,
  ) {
    super(description);
    this.name = "WpsError";
  }
}

export const wpsError = (number: number, description: string) => new WpsError(number, description);

// ---- sizes ----
// "Excel specifications and limits": support.microsoft.com/office/1672b34d-7043-467e-8e27-269d656771c3

export const SHEET_SIZE = { rows: 1_048_576, cols: 16_384 };
export const MAX_CELL_CHARS = 32_767;
export const MAX_FORMULA_CHARS = 8_192;
/** The tallest row in points (Range.RowHeight). */
export const MAX_ROW_HEIGHT = 409;
/** The widest column in characters (Range.ColumnWidth). */
export const MAX_COLUMN_WIDTH = 255;

/** A text over 32,767 characters or a formula over 8,192 is refused with 1004, as Excel refuses it. */
export function checkCellText(text: string, isFormula: boolean): void {
  if (isFormula && text.length > MAX_FORMULA_CHARS)
    throw wpsError(
      1004,
      `Application-defined or object-defined error (a formula of ${text.length} characters)`,
    );
  if (text.length > MAX_CELL_CHARS)
    throw wpsError(1004, `Application-defined or object-defined error (a text of ${text.length} characters)`);
}

// ---- sheet names ----

/**
 * A sheet name is not blank, has at most 31 characters, none of / \ ? * : [ ], does not begin or end with an
 * apostrophe and is not "History"; it is unique among the workbook's sheets whatever its case ("Rename a
 * worksheet": support.microsoft.com/office/3f1f7148-ee83-404d-8ef0-9ff99fbad1f9). Worksheet.Name raises 1004.
 */
export function checkSheetName(name: unknown, others: readonly string[]): string {
  const text = typeof name === "string" ? name : String(name);
  const bad =
    text.trim() === "" ||
    text.length > 31 ||
    /[/\\?*:[\]]/.test(text) ||
    text.startsWith("'") ||
    text.endsWith("'") ||
    text.toLowerCase() === "history";
  if (bad) throw wpsError(1004, `Application-defined or object-defined error (the sheet name '${text}')`);
  if (others.some((o) => o.toLowerCase() === text.toLowerCase()))
    throw wpsError(
      1004,
      `That name is already taken. Try a different one. (Cannot rename a sheet to the same name as another sheet: '${text}')`,
    );
  return text;
}

// ---- typed input ----

/** What a cell holds after a value is written to it, and the number format Excel gives a General cell for it. */
export interface Typed {
  value: Scalar;
  formula?: string;
  error?: string;
  numberFormat?: string;
}

const DATE_FORMAT = "yyyy/m/d";

function dateOf(y: string, m: string, d: string): number | undefined {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  if (yy < 1900 || yy > 9999 || !isValidCalendarDate(yy, mm, dd)) return undefined;
  return serialFromParts(yy, mm, dd);
}

/**
 * A string written to Value2/Value/Formula is read as if typed (learn.microsoft.com/office/vba/api/excel.range.value2;
 * Excel parses the text as cell entry). In a General cell of zh-CN Excel/WPS: "=…" is a formula, and so are
 * "+…", "-…" and "@…" that are no number; TRUE/FALSE are booleans; numerals, "1,234", "50%" and "1.5E+3" are
 * numbers, which also give the cell a matching number format; "2026/3/5", "2026-3-5" and "2026年3月5日" are
 * date serials formatted as dates ("Stop automatically changing numbers to dates":
 * support.microsoft.com/office/452bd2db-cc96-47d1-81e4-72cec11c4ed8). A text-formatted ("@") cell or a leading
 * apostrophe keeps the text as typed (same page). Numerals keep 15 significant digits
 * (learn.microsoft.com/office/troubleshoot/excel/last-digits-changed-to-zeros).
 */
export function typedInput(input: Scalar, textFormat: boolean): Typed {
  if (typeof input !== "string") return { value: input };
  if (input === "") return { value: undefined };
  if (textFormat) return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) === "" ? undefined : input.slice(1) };
  if (input.startsWith("=") && input.length > 1) return { value: undefined, formula: input };
  const t = input.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  if (/^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)$/i.test(t))
    return { value: undefined, error: t.toUpperCase() };
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return { value: fifteenDigits(t.replace(/^\+/, "")) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(t)) return { value: Number(t), numberFormat: "0.00E+00" };
  const thousands = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/.exec(t);
  if (thousands)
    return {
      value: Number(`${thousands[1]}${thousands[2]!.replace(/,/g, "")}${thousands[3] ?? ""}`),
      numberFormat: thousands[3] ? "#,##0.00" : "#,##0",
    };
  const percent = /^([+-]?\d+)(\.\d+)?%$/.exec(t);
  if (percent)
    return {
      value: Number(`${percent[1]}${percent[2] ?? ""}`) / 100,
      numberFormat: percent[2] ? "0.00%" : "0%",
    };
  const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t);
  const serial = ymd ? dateOf(ymd[1]!, ymd[2]!, ymd[3]!) : undefined;
  if (serial !== undefined) return { value: serial, numberFormat: DATE_FORMAT };
  const chinese = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  const cserial = chinese ? dateOf(chinese[1]!, chinese[2]!, chinese[3]!) : undefined;
  if (cserial !== undefined) return { value: cserial, numberFormat: 'yyyy"年"m"月"d"日"' };
  if (/^[+@-]/.test(input) && input.length > 1)
    return { value: undefined, formula: input.startsWith("@") ? `=${input.slice(1)}` : `=${input}` };
  return { value: input };
}

/** Whether a number format shows text as typed: "@" (Text). */
export const isTextFormat = (format: string) => format === "@";

/** A JS Date written to a cell is stored as its date serial (Value2 never gives Date: learn.microsoft.com/office/vba/api/excel.range.value2). */
export function serialOfDate(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

// ---- enumerations (numeric values from Excel's: learn.microsoft.com/office/vba/api/excel(enumerations)) ----

export const XL = {
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  calculationAutomatic: -4105,
  calculationManual: -4135,
  srcRange: 1,
  yes: 1,
  no: 2,
  guess: 0,
  shiftUp: -4162,
  shiftToLeft: -4159,
  shiftDown: -4121,
  shiftToRight: -4161,
  portrait: 1,
  landscape: 2,
  paperA4: 9,
  validateInputOnly: 0,
  validateList: 3,
  validateCustom: 7,
  validAlertStop: 1,
  cellValue: 1,
  expression: 2,
  edgeLeft: 7,
  insideHorizontal: 12,
  lineStyleNone: -4142,
  continuous: 1,
  thin: 2,
  columns: 2,
  rows: 1,
  columnClustered: 51,
} as const;
