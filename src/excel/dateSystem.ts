// The workbook's date system. A workbook from Mac Excel or a script (openpyxl's epoch) may count dates from
// 1904: Range.values then hands over, and takes, serials 1,462 days smaller than the 1900 system's for the same
// day. Office.js names the date system only in a preview API (Workbook.use1904DateSystem), so the add-in asks
// Excel what DATE(1904,1,1) is — 0 in the 1904 system — through Workbook.functions (ExcelApi 1.2), with a
// command's first read: no sync of its own.

import type { CellInput, Grid } from "../core/grid";
import { serialFromParts, type DateSerial } from "../core/dates";

/** How much smaller a 1904 workbook's serial is than the 1900 system's for the same day: 1,462. */
export const DATE1904_SHIFT = serialFromParts(1904, 1, 1);

const loaded = new WeakMap<Excel.RequestContext, Excel.FunctionResult<number>>();

/** Queues asking Excel for DATE(1904,1,1), for the context's next sync. */
export function loadDateSystem(context: Excel.RequestContext): void {
  const probe = context.workbook.functions.date(1904, 1, 1);
  probe.load("value");
  loaded.set(context, probe);
}

/** The workbook's shift: DATE1904_SHIFT in a 1904 workbook, 0 otherwise; syncs only when nothing asked yet. */
export async function dateShift(context: Excel.RequestContext): Promise<number> {
  let probe = loaded.get(context);
  if (!probe) {
    loadDateSystem(context);
    await context.sync();
    probe = loaded.get(context)!;
  }
  return probe.value === 0 ? DATE1904_SHIFT : 0;
}

/** A date as the workbook's own serial, to write. */
export const workbookSerial = (date: DateSerial, shift: number): number => date - shift;

/**
 * A 1904 workbook's grid with its dates as the 1900 system's serials: every number (or formula result) in a
 * cell whose number format shows a date, by `isDate`.
 */
export function gridIn1900(
  grid: Grid,
  formats: readonly (readonly string[])[],
  top: number,
  left: number,
  shift: number,
  isDate: (format: string) => boolean,
): Grid {
  const shifted = (cell: CellInput, format: string | undefined): CellInput => {
    if (format === undefined || !isDate(format)) return cell;
    if (typeof cell === "number") return cell + shift;
    if (cell !== null && typeof cell === "object" && "formula" in cell && typeof cell.result === "number")
      return { ...cell, result: cell.result + shift };
    return cell;
  };
  return {
    ...grid,
    rows: grid.rows.map((row, r) => row.map((cell, c) => shifted(cell, formats[r - top]?.[c - left]))),
  };
}
