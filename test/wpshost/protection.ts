// Sheet and workbook protection of the in-memory WPS 表格: what a protected sheet refuses, after Excel's
// Worksheet.Protect (learn.microsoft.com/office/vba/api/excel.worksheet.protect) and "Protect a worksheet"
// (support.microsoft.com/office/3179efdb-1285-4d49-a9c3-f4ca36276de6), and Workbook.Protect's structure
// (learn.microsoft.com/office/vba/api/excel.workbook.protect).

import type { WpsWorksheet } from "./host";
import { peek, type BookData, type ProtectionData } from "./model";
import { wpsError } from "./rules";

/** The Allow… arguments of Worksheet.Protect, in their order after UserInterfaceOnly. */
export const ALLOW = [
  "AllowFormattingCells",
  "AllowFormattingColumns",
  "AllowFormattingRows",
  "AllowInsertingColumns",
  "AllowInsertingRows",
  "AllowInsertingHyperlinks",
  "AllowDeletingColumns",
  "AllowDeletingRows",
  "AllowSorting",
  "AllowFiltering",
  "AllowUsingPivotTables",
] as const;

export type Allow = (typeof ALLOW)[number];

/**
 * Worksheet.Protect(Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells …):
 * DrawingObjects, Contents and Scenarios default to True, every Allow… to False.
 */
export function protectionOf(args: unknown[]): ProtectionData {
  const [password, drawingObjects, contents, scenarios, userInterfaceOnly, ...allows] = args;
  const allow: Record<string, boolean> = {};
  ALLOW.forEach((name, i) => {
    if (allows[i] === true) allow[name] = true;
  });
  return {
    password: typeof password === "string" ? password : "",
    drawingObjects: drawingObjects !== false,
    contents: contents !== false,
    scenarios: scenarios !== false,
    userInterfaceOnly: userInterfaceOnly === true,
    allow,
  };
}

/**
 * Whether code's changes meet the sheet's protection: UserInterfaceOnly protects the user interface only and
 * lets macros (and so the add-in's script) change the sheet (Worksheet.Protect's UserInterfaceOnly parameter).
 */
const guarded = (p: ProtectionData | undefined): p is ProtectionData => !!p && !p.userInterfaceOnly;

const refused = (ws: WpsWorksheet, what: string) =>
  wpsError(
    1004,
    `The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. (${what} on '${ws.Name}')`,
  );

/**
 * A protected sheet refuses formatting cells, columns and rows, inserting and deleting unless the matching
 * Allow… option was given, and merging, data validation, tables and locking always.
 */
export function refuseOnProtected(ws: WpsWorksheet, change: Allow | "never", what: string): void {
  const p = ws.data.protection;
  if (!guarded(p) || !p.contents) return;
  if (change !== "never" && p.allow[change]) return;
  throw refused(ws, what);
}

/** Contents protects the values and formulas of locked cells (every cell is locked until unlocked). */
export function refuseLocked(ws: WpsWorksheet, r: number, c: number): void {
  const p = ws.data.protection;
  if (!guarded(p) || !p.contents) return;
  if (peek(ws.data, r, c)?.format.locked ?? true) throw refused(ws, `the locked cell R${r}C${c}`);
}

/** DrawingObjects protects shapes and charts. */
export function refuseDrawing(ws: WpsWorksheet, what: string): void {
  const p = ws.data.protection;
  if (guarded(p) && p.drawingObjects) throw refused(ws, what);
}

/**
 * A workbook whose structure is protected refuses adding, deleting, renaming, moving, hiding and showing
 * sheets (Workbook.Protect's Structure; "Protect a workbook": support.microsoft.com/office/7e365a4d-3e89-4616-84ca-1931257c1517).
 */
export function refuseOnStructure(book: BookData, what: string): void {
  if (book.structure) throw wpsError(1004, `Workbook is protected and cannot be changed. (${what})`);
}
