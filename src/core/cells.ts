// zod schemas for single cell values: each turns whatever a cell holds into a typed value, or fails with a
// Chinese message that the sheet readers attach to the cell's address.

import { z } from "zod";
import { parseDateInput, toHalfWidth, type DateSerial } from "./dates";
import { cellValue, type CellInput } from "./grid";

const DATE_REASONS = {
  format: "无法识别的日期，请填写如 2026-03-05、2026/3/5、2026.3.5 或 2026年3月5日",
  calendar: "日期不存在（请检查月份和日）",
  range: "日期超出 Excel 可表示的范围",
  type: "不是日期",
} as const;

/** Text as it shows; numbers are written out as Excel shows them (no grouping). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return safeString(value);
}

/** String(value) for anything, including objects without a prototype (which String() cannot convert). */
export function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function isBlankCell(cell: CellInput | undefined): boolean {
  const v = cellValue(cell);
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function failWith(ctx: z.RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

/** Why a cell cannot be read as its column wants, in Chinese. */
export class CellFailure {
  constructor(readonly message: string) {}
}

/** A cell's value as its column reads it, or why it cannot be read. */
export type CellRead<T> = (raw: unknown) => T | CellFailure;

const readers = new WeakMap<z.ZodType, CellRead<unknown>>();

/**
 * A cell schema made of a plain function: zod where one cell is checked, and the function itself (cellReader)
 * where a table reads its many cells, so a register of 100,000 rows is not 2 million zod parses. Both give the
 * same value, or fail with the same message.
 */
export function cellSchema<T>(read: CellRead<T>) {
  const schema = z.unknown().transform((raw, ctx): T => {
    const v = read(raw);
    return v instanceof CellFailure ? failWith(ctx, v.message) : v;
  });
  readers.set(schema, read as CellRead<unknown>);
  return schema;
}

/** The plain function of a schema made by cellSchema; undefined for any other schema. */
export function cellReader(schema: z.ZodType<unknown, unknown>): CellRead<unknown> | undefined {
  return readers.get(schema as z.ZodType);
}

/** `then` applied to what `read` gives, unless it failed. */
export const readThen =
  <A, B>(read: CellRead<A>, then: (value: A) => B | CellFailure): CellRead<B> =>
  (raw) => {
    const v = read(raw);
    return v instanceof CellFailure ? v : then(v);
  };

function isErrorValue(raw: unknown): raw is { error: string } {
  return typeof raw === "object" && raw !== null && "error" in raw;
}

/**
 * A formula whose file holds no computed result (a script wrote it, or the file was never recalculated):
 * its value is unknown, which is not the same as blank.
 */
function isUncomputedFormula(raw: unknown): boolean {
  return (
    typeof raw === "object" &&
    raw !== null &&
    "formula" in raw &&
    (raw as { result?: unknown }).result === undefined
  );
}

const UNCOMPUTED =
  "单元格是公式，但文件中没有它的计算结果：请在 Excel 或 WPS 中打开、重新计算并保存后再试，或直接填写内容";

/** An error value or a formula without its result cannot be read, whatever the column. */
function unreadable(raw: unknown): CellFailure | undefined {
  if (isErrorValue(raw)) return new CellFailure(`单元格为错误值 ${raw.error}`);
  if (isUncomputedFormula(raw)) return new CellFailure(UNCOMPUTED);
  return undefined;
}

/** Optional text: blank → "". */
export const readText: CellRead<string> = (raw) =>
  typeof raw === "string" ? raw.trim() : (unreadable(raw) ?? cellText(cellValue(raw as CellInput)));

/** Optional text: blank → "". */
export const textCell = cellSchema(readText);

/** What is said of a code that Excel turned into a number (its digits past the 15th are lost). */
export const numberCodeMessage = (v: number) =>
  `数字已被 Excel 改写，请设为文本后重新输入（单元格中为 ${cellText(v)}）`;

/**
 * A code kept as text (统一社会信用代码, 企业代码). A number there means Excel took typed digits for a number
 * and kept only 15 significant digits: the code is damaged and must be typed again into a text cell.
 */
export const codeCell = cellSchema((raw): string | CellFailure => {
  const bad = unreadable(raw);
  if (bad) return bad;
  const v = cellValue(raw as CellInput);
  if (typeof v === "number") return new CellFailure(numberCodeMessage(v));
  return cellText(v);
});

/** Required text. */
export const requiredTextCell = cellSchema(
  readThen(readText, (text) => (text === "" ? new CellFailure("不能为空") : text)),
);

/** Optional date: blank → null. */
export const readDate: CellRead<DateSerial | null> = (raw) => {
  const bad = unreadable(raw);
  if (bad) return bad;
  const parsed = parseDateInput(cellValue(raw as CellInput));
  if (parsed.ok) return parsed.value;
  const shown = cellText(cellValue(raw as CellInput));
  return new CellFailure(`${DATE_REASONS[parsed.reason]}（单元格内容：“${shown}”）`);
};

/** Optional date: blank → null. */
export const dateCell = cellSchema(readDate);

export const requiredDateCell = cellSchema(
  readThen(readDate, (v): DateSerial | CellFailure => (v === null ? new CellFailure("不能为空") : v)),
);

/**
 * A number typed as a number or, unless `numbersOnly`, as text (full-width digits too); blank → null. A cell
 * whose digits are text, where only numbers count, is refused as any other text is.
 */
export function readNumber(options: {
  min: number;
  max: number;
  step?: number;
  label: string;
  numbersOnly?: boolean;
}): CellRead<number | null> {
  const fail = (message: string) => new CellFailure(message);
  return (raw) => {
    const bad = unreadable(raw);
    if (bad) return bad;
    const v = cellValue(raw as CellInput);
    if (v === null || v === undefined) return null;
    let n: number;
    if (typeof v === "number") n = v;
    else if (typeof v === "string") {
      const t = toHalfWidth(v).trim();
      if (t === "") return null;
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t))
        return fail(`${options.label}须为数字（单元格内容：“${v}”）`);
      if (options.numbersOnly)
        return fail(`${options.label}须为数字，单元格中的“${v}”是文本：请将单元格设为常规格式后重新输入`);
      n = Number(t);
    } else return fail(`${options.label}须为数字`);
    if (!Number.isFinite(n)) return fail(`${options.label}须为数字`);
    if (n < options.min || n > options.max) {
      return fail(`${options.label}须在 ${options.min} 到 ${options.max} 之间（实际为 ${n}）`);
    }
    if (options.step !== undefined) {
      const k = n / options.step;
      if (Math.abs(k - Math.round(k)) > 1e-9) {
        return fail(`${options.label}最多保留 ${decimalsOf(options.step)} 位小数（实际为 ${n}）`);
      }
      n = Math.round(k) * options.step;
      n = Number(n.toFixed(decimalsOf(options.step)));
    }
    return n;
  };
}

/** A number cell (readNumber) as a schema. */
export function numberCell(options: Parameters<typeof readNumber>[0]) {
  return cellSchema(readNumber(options));
}

function decimalsOf(step: number): number {
  const s = String(step);
  return s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
}

/** One of a fixed set of options (drop-down); blank → null. A leading "(1)" / "（1）" numbering is tolerated. */
export function optionCell<T extends string>(options: readonly T[], label: string) {
  return cellSchema(readOption(options, label));
}

function readOption<T extends string>(options: readonly T[], label: string): CellRead<T | null> {
  return readThen(readText, (text): T | null | CellFailure => {
    if (text === "") return null;
    const bare = stripNumbering(text);
    const found = options.find((o) => o === bare);
    if (found !== undefined) return found;
    return new CellFailure(`${label}“${text}”不在可选范围内，应为：${options.join("、")}`);
  });
}

/** A drop-down cell that must be filled. */
export function requiredOptionCell<T extends string>(options: readonly T[], label: string) {
  return cellSchema(
    readThen(readOption(options, label), (v): T | CellFailure =>
      v === null ? new CellFailure(`不能为空，应为：${options.join("、")}`) : v,
    ),
  );
}

export function stripNumbering(text: string): string {
  return text.replace(/^\s*[（(]\s*\d+\s*[)）]\s*/, "").trim();
}
