// Rows inserted into a worksheet part as Excel inserts them: every row from `at` down moves by `count`, with
// its cells, and the ranges of the sheet (merges, conditional formats, data validations, hyperlinks, the
// dimension) follow — a range that starts above `at` and reaches it grows, one below moves. What this cannot
// move correctly (a formula pointing at a moved cell, a picture or comment anchored to rows, shared formulas,
// page breaks, a conditional format or validation with a formula that starts below) is named instead, and
// nothing is moved.

import { parseCellAddress, rangeAddress } from "../../core/address";
import { splitSheet, joinSheet, type SheetSplit } from "./sheetXml";

/** Why rows cannot be inserted at `at` (zero-based) in the sheet, in Chinese; undefined when they can. */
export function insertionProblem(xml: string, at: number): string | undefined {
  const { data, tail } = splitSheet(xml);
  if (/<(?:\w+:)?row\b(?![^>]*\sr=)[^>]*>/.test(data) || /<(?:\w+:)?c\b(?![^>]*\sr=)[^>]*>/.test(data))
    return "工作表中有未标注行号的行或单元格";
  if (/<(?:\w+:)?(?:drawing|legacyDrawing|legacyDrawingHF)\b/.test(tail))
    return "工作表中有图片、图表或批注，它们的位置不能随行下移";
  if (/<(?:\w+:)?rowBreaks\b/.test(tail)) return "工作表中有手动分页符";
  if (/\st="shared"/.test(data)) return "工作表中有共享公式";
  for (const m of data.matchAll(/<(?:\w+:)?c\b[^>]*\sr="([A-Z]+\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*>([^<]*)</g)) {
    if (referencesFrom(m[2]!, at)) return `单元格 ${m[1]} 的公式引用了第 ${at + 1} 行及以下的单元格`;
  }
  for (const m of data.matchAll(/<(?:\w+:)?f\b[^>]*\st="array"[^>]*\sref="([^"]*)"/g))
    if (rangeBottom(m[1]!) >= at) return `单元格区域 ${m[1]} 有数组公式`;
  for (const m of tail.matchAll(
    /<(?:\w+:)?(conditionalFormatting|dataValidation)\b[^>]*\ssqref="([^"]*)"[^>]*>([\s\S]*?)<\/(?:\w+:)?\1>/g,
  )) {
    const starts = m[2]!.split(/\s+/).some((r) => rangeTop(r) >= at);
    if (starts && /<(?:\w+:)?formula1?\b/.test(m[3]!))
      return `${m[1] === "dataValidation" ? "数据验证" : "条件格式"} ${m[2]} 带有公式，且位于需下移的行`;
  }
  if (/<(?:[\w.-]+:)?sqref>/.test(tail)) return "工作表中有 Excel 扩展格式的条件格式或数据验证";
  return undefined;
}

const rangeTop = (ref: string) => parseCellAddress(ref.split(":")[0] ?? "")?.row ?? -1;
const rangeBottom = (ref: string) => parseCellAddress(ref.split(":")[1] ?? ref)?.row ?? -1;

/**
 * Whether a formula refers, on its own sheet, to a cell in row `at` (zero-based) or below: text in quotes,
 * structured references (Table[列]) and references to other sheets are not such references.
 */
function referencesFrom(formula: string, at: number): boolean {
  const bare = formula
    .replace(/&quot;[\s\S]*?&quot;|"[^"]*"/g, '""')
    .replace(/\[[^\]]*\]/g, "[]")
    .replace(/(?:'(?:[^']|'')+'|[^\s!(),:+\-*/^&=<>{};]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/g, "");
  for (const m of bare.matchAll(/(?<![A-Za-z_\d.])\$?[A-Z]{1,3}\$?(\d+)(?![\d([A-Za-z_])/g))
    if (Number(m[1]) - 1 >= at) return true;
  // Whole rows ("5:9") are references too.
  for (const m of bare.matchAll(/(?<![A-Za-z_\d.$])\$?(\d+):\$?(\d+)(?![\d])/g))
    if (Number(m[2]) - 1 >= at) return true;
  return false;
}

/** Whether a formula of another sheet, or a defined name, refers to a cell of `sheet` in row `at` or below. */
export function refersToSheetFrom(formula: string, sheet: string, at: number): boolean {
  const name = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quoted = name.replace(/'/g, "''");
  const refs = new RegExp(
    `(?:'${quoted}'|(?<![^\\s!(),:+\\-*/^&=<>{};])${name})!\\$?[A-Z]{1,3}\\$?(\\d+)(?::\\$?[A-Z]{1,3}\\$?(\\d+))?`,
    "g",
  );
  for (const m of formula.matchAll(refs)) if (Number(m[2] ?? m[1]) - 1 >= at) return true;
  return false;
}

/** A range moved (it starts at `at` or below) or grown (it starts above and reaches `at`). */
function shiftRange(ref: string, at: number, count: number): string {
  const [a, b] = ref.split(":");
  const s = parseCellAddress(a ?? "");
  const e = b ? parseCellAddress(b) : s;
  if (!s || !e) return ref;
  const top = s.row >= at ? s.row + count : s.row;
  const bottom = e.row >= at ? e.row + count : e.row;
  if (!b) return rangeAddress(top, s.col, top, s.col);
  return `${rangeAddress(top, s.col, top, s.col)}:${rangeAddress(bottom, e.col, bottom, e.col)}`;
}

const shiftList = (refs: string, at: number, count: number) =>
  refs
    .split(/\s+/)
    .map((r) => shiftRange(r, at, count))
    .join(" ");

/** The sheet with `count` rows inserted at `at` (zero-based); check `insertionProblem` first. */
export function insertRows(xml: string, at: number, count: number): string {
  const sheet: SheetSplit = splitSheet(xml);
  const row = (n: string) => (Number(n) - 1 >= at ? String(Number(n) + count) : n);
  sheet.data = sheet.data
    .replace(/(<(?:\w+:)?row\b[^>]*?\sr=")(\d+)"/g, (_, h: string, n: string) => `${h}${row(n)}"`)
    .replace(/(<(?:\w+:)?c\b[^>]*?\sr="[A-Z]+)(\d+)"/g, (_, h: string, n: string) => `${h}${row(n)}"`)
    .replace(
      /(<(?:\w+:)?f\b[^>]*?\sref=")([^"]*)"/g,
      (_, h: string, r: string) => `${h}${shiftList(r, at, count)}"`,
    );
  sheet.head = sheet.head.replace(
    /(<(?:\w+:)?dimension\b[^>]*?\sref=")([^"]*)"/,
    (_, h: string, r: string) => `${h}${shiftList(r, at, count)}"`,
  );
  sheet.tail = sheet.tail
    .replace(
      /(<(?:\w+:)?(?:conditionalFormatting|dataValidation)\b[^>]*?\ssqref=")([^"]*)"/g,
      (_, h: string, r: string) => `${h}${shiftList(r, at, count)}"`,
    )
    .replace(
      /(<(?:\w+:)?(?:mergeCell|hyperlink|autoFilter)\b[^>]*?\sref=")([^"]*)"/g,
      (_, h: string, r: string) => `${h}${shiftList(r, at, count)}"`,
    );
  return joinSheet(sheet);
}

/** A table's (or its autoFilter's) range with rows inserted at `at`. */
export const insertedRange = shiftRange;
