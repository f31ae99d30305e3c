// What 自检 asks of Excel besides the pane's commands: which Office this is, the workbook's sheet names, and
// deleting the sheets 自检 added. Sheets are listed by name only; none of the user's is read or changed.

import type { HostInfo } from "../taskpane/backend";

/** The ExcelApi requirement sets 自检 asks about: learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets */
export const EXCEL_API_SETS = Array.from({ length: 17 }, (_, i) => `1.${i + 1}`);

/** The Office application, its version and platform, and the ExcelApi sets it supports. */
export function officeHostInfo(): HostInfo {
  // Office.context.diagnostics: the host, its platform and version ("16.0.17928.20114"):
  // learn.microsoft.com/javascript/api/office/office.contextinformation
  const d = Office.context.diagnostics as Office.ContextInformation | undefined;
  return {
    host: d?.host ? String(d.host) : "Excel",
    version: d?.version ?? "",
    platform: d?.platform ? String(d.platform) : "",
    // isSetSupported: learn.microsoft.com/javascript/api/office/office.requirementsetsupport
    apiSets: EXCEL_API_SETS.map((v) => ({
      name: `ExcelApi ${v}`,
      supported: Office.context.requirements.isSetSupported("ExcelApi", v),
    })),
    runtime: typeof navigator === "undefined" ? undefined : navigator.userAgent,
  };
}

/** Every sheet's name, hidden ones too: learn.microsoft.com/javascript/api/excel/excel.worksheetcollection */
export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/**
 * Deletes the sheets one sync each, so that one Excel refuses does not keep the others; then throws the first
 * refusal. Worksheet.delete: learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)
 */
export async function deleteSheets(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
  let refused: unknown;
  for (const name of names) {
    context.workbook.worksheets.getItem(name).delete();
    try {
      await context.sync();
    } catch (err) {
      refused ??= err;
    }
  }
  if (refused !== undefined) throw refused;
}
