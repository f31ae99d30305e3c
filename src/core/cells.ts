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

/** Optional text: blank → "". */
export const textCell = z.unknown().transform((raw, ctx): string => {
  if (isErrorValue(raw)) return failWith(ctx, `单元格为错误值 ${raw.error}`);
  if (isUncomputedFormula(raw)) return failWith(ctx, UNCOMPUTED);
  return cellText(cellValue(raw as CellInput));
});

/** What is said of a code that Excel turned into a number (its digits past the 15th are lost). */
export const numberCodeMessage = (v: number) =>
  `数字已被 Excel 改写，请设为文本后重新输入（单元格中为 ${cellText(v)}）`;

/**
 * A code kept as text (统一社会信用代码, 企业代码). A number there means Excel took typed digits for a number
 * and kept only 15 significant digits: the code is damaged and must be typed again into a text cell.
 */
export const codeCell = z.unknown().transform((raw, ctx): string => {
  if (isErrorValue(raw)) return failWith(ctx, `单元格为错误值 ${raw.error}`);
  if (isUncomputedFormula(raw)) return failWith(ctx, UNCOMPUTED);
  const v = cellValue(raw as CellInput);
  if (typeof v === "number") return failWith(ctx, numberCodeMessage(v));
  return cellText(v);
});

/** Required text. */
export const requiredTextCell = textCell.pipe(z.string().min(1, { message: "不能为空" }));

/** Optional date: blank → null. */
export const dateCell = z.unknown().transform((raw, ctx): DateSerial | null => {
  if (isErrorValue(raw)) return failWith(ctx, `单元格为错误值 ${raw.error}`);
  if (isUncomputedFormula(raw)) return failWith(ctx, UNCOMPUTED);
  const parsed = parseDateInput(cellValue(raw as CellInput));
  if (parsed.ok) return parsed.value;
  const shown = cellText(cellValue(raw as CellInput));
  return failWith(ctx, `${DATE_REASONS[parsed.reason]}（单元格内容：“${shown}”）`);
});

export const requiredDateCell = dateCell.transform((v, ctx): DateSerial =>
  v === null ? failWith(ctx, "不能为空") : v,
);

/**
 * A number typed as a number or, unless `numbersOnly`, as text (full-width digits too); blank → null. A cell
 * whose digits are text, where only numbers count, is refused as any other text is.
 */
export function numberCell(options: {
  min: number;
  max: number;
  step?: number;
  label: string;
  numbersOnly?: boolean;
}) {
  return z.unknown().transform((raw, ctx): number | null => {
    if (isErrorValue(raw)) return failWith(ctx, `单元格为错误值 ${raw.error}`);
    if (isUncomputedFormula(raw)) return failWith(ctx, UNCOMPUTED);
    const v = cellValue(raw as CellInput);
    if (v === null || v === undefined) return null;
    let n: number;
    if (typeof v === "number") n = v;
    else if (typeof v === "string") {
      const t = toHalfWidth(v).trim();
      if (t === "") return null;
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t))
        return failWith(ctx, `${options.label}须为数字（单元格内容：“${v}”）`);
      if (options.numbersOnly)
        return failWith(
          ctx,
          `${options.label}须为数字，单元格中的“${v}”是文本：请将单元格设为常规格式后重新输入`,
        );
      n = Number(t);
    } else return failWith(ctx, `${options.label}须为数字`);
    if (!Number.isFinite(n)) return failWith(ctx, `${options.label}须为数字`);
    if (n < options.min || n > options.max) {
      return failWith(ctx, `${options.label}须在 ${options.min} 到 ${options.max} 之间（实际为 ${n}）`);
    }
    if (options.step !== undefined) {
      const k = n / options.step;
      if (Math.abs(k - Math.round(k)) > 1e-9) {
        return failWith(ctx, `${options.label}最多保留 ${decimalsOf(options.step)} 位小数（实际为 ${n}）`);
      }
      n = Math.round(k) * options.step;
      n = Number(n.toFixed(decimalsOf(options.step)));
    }
    return n;
  });
}

function decimalsOf(step: number): number {
  const s = String(step);
  return s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
}

/** One of a fixed set of options (drop-down); blank → null. A leading "(1)" / "（1）" numbering is tolerated. */
export function optionCell<T extends string>(options: readonly T[], label: string) {
  return textCell.transform((text, ctx): T | null => {
    if (text === "") return null;
    const bare = stripNumbering(text);
    const found = options.find((o) => o === bare);
    if (found !== undefined) return found;
    return failWith(ctx, `${label}“${text}”不在可选范围内，应为：${options.join("、")}`);
  });
}

/** A drop-down cell that must be filled. */
export function requiredOptionCell<T extends string>(options: readonly T[], label: string) {
  return optionCell(options, label).transform((v, ctx): T =>
    v === null ? failWith(ctx, `不能为空，应为：${options.join("、")}`) : v,
  );
}

export function stripNumbering(text: string): string {
  return text.replace(/^\s*[（(]\s*\d+\s*[)）]\s*/, "").trim();
}
