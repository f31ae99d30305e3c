// 导入名单 in the add-in: a published list (read in the browser from a file the user picked) matched to the
// open workbook's register, and its new rows appended to the register's table — text written text-safe,
// dates as dates. The register is read in readSheets' syncs; then one sync finds the table, one its range,
// and one writes (more only for a write over Excel's request limit). A failure puts the register back.

import type { DateSerial } from "../core/dates";
import { REGISTER_SHEET } from "../core/register";
import { loadWorkbook, type WorkbookGrids } from "../core/workbook";
import { DATE_FORMAT } from "../forms/layout";
import { prepareImport, readListSheet, type AppendPlan, type ImportReport } from "../forms/listImport";
import { writeValues, type CellWrite } from "./cells";
import { CommandError } from "./errors";
import { dateShift, workbookSerial } from "./dateSystem";
import { readSheets } from "./read";
import { REGISTER_SHEETS, refuseProtectedRegister } from "./register";
import { Rollback } from "./rollback";
import { payloadSize, RequestBudget, suspendCalculation, writeInChunks } from "./run";

export interface PaneImportOptions {
  /** The list's publication date where the list has no date column. */
  published?: DateSerial;
  /** 名单年度 where the list has none. */
  year?: number;
  /** false: the report only (a dry run). */
  apply: boolean;
  /** Append the good rows even when others have errors. */
  skipInvalid?: boolean;
}

/** The rows to write, dates as the workbook's own serials (`shift`: dateSystem.ts), and their columns' formats. */
export function cellWrites(
  plan: AppendPlan,
  shift: number,
): { rows: CellWrite[][]; formats: (string | undefined)[] } {
  const formats = new Array<string | undefined>(plan.width).fill(undefined);
  const rows = plan.rows.map((row) =>
    row.map((v, c): CellWrite => {
      if (v === null || v.t === "formula") return "";
      if (v.t === "date") {
        formats[c] = DATE_FORMAT;
        return workbookSerial(v.v, shift);
      }
      return v.v;
    }),
  );
  return { rows, formats };
}

/**
 * The register's table: the one whose header row is the register's header row; `bottom` is its last data row,
 * above a totals row (new rows go in above it: TableRowCollection.add).
 */
async function registerTable(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  headerRow: number,
): Promise<{ table: Excel.Table; bottom: number; rows: number; cols: number } | undefined> {
  ws.tables.load("items/name,items/showTotals");
  await context.sync();
  if (ws.tables.items.length === 0) return undefined;
  const ranges = ws.tables.items.map((table) => ({
    table,
    range: table.getRange().load("rowIndex,rowCount,columnCount"),
  }));
  await context.sync();
  const found = ranges.find((r) => r.range.rowIndex === headerRow);
  if (!found) return undefined;
  const dataRows = found.range.rowCount - 1 - (found.table.showTotals ? 1 : 0);
  return {
    table: found.table,
    bottom: found.range.rowIndex + dataRows,
    rows: dataRows,
    cols: found.range.columnCount,
  };
}

/**
 * Imports `list` (the sheets of the picked file) into the register: the report, and with `apply`, unless an
 * error stops it, the rows appended to the register's table (its blank rows filled first).
 */
export async function importList(
  context: Excel.RequestContext,
  list: WorkbookGrids,
  options: PaneImportOptions & { asOf: DateSerial },
): Promise<ImportReport> {
  const { grids, protectedSheets } = await readSheets(context, (n) => REGISTER_SHEETS.includes(n as never));
  const grid = grids.sheet(REGISTER_SHEET);
  if (!grid) throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);
  const loaded = loadWorkbook(grids);
  const { report, append } = prepareImport(loaded, grid, readListSheet(list), options);
  if (!append) return report;
  refuseProtectedRegister(protectedSheets);
  const ws = context.workbook.worksheets.getItem(REGISTER_SHEET);
  // The number formats of the first row to fill, read before anything is written, for the undo.
  const blank = ws.getRangeByIndexes(append.firstRow, 0, 1, append.width).load("numberFormat");
  const table = await registerTable(context, ws, append.headerRow);
  const blankFormats = blank.numberFormat[0]!;
  const { rows, formats } = cellWrites(append, await dateShift(context));
  const rollback = new Rollback();
  try {
    suspendCalculation(context);
    const intoTable = table && append.lastDataRow <= table.bottom;
    const room = intoTable ? table.bottom - append.lastDataRow : 0;
    // Rows named as the user sees them: 1-based, on the register.
    const rowsOf = (from: number, count: number) => `“${REGISTER_SHEET}”第 ${from + 1}—${from + count} 行`;
    if (room > 0) {
      const n = Math.min(room, rows.length);
      rollback.filling(
        ws.getRangeByIndexes(append.firstRow, 0, n, append.width),
        rowsOf(append.firstRow, n),
        blankFormats,
      );
    }
    if (intoTable && rows.length > room) {
      rollback.growing(table.table, table.rows, rowsOf(append.firstRow + room, rows.length - room));
      // Blank rows first: the values go through the text-safe path below, never as typed formulas.
      table.table.rows.add(
        undefined,
        Array.from({ length: rows.length - room }, () => new Array<string>(table.cols).fill("")),
      );
    } else if (!intoTable)
      rollback.filling(
        ws.getRangeByIndexes(append.firstRow, 0, rows.length, append.width),
        rowsOf(append.firstRow, rows.length),
        blankFormats,
      );
    await writeInChunks(
      new RequestBudget(context),
      rows,
      (start, chunk) =>
        writeValues(
          ws.getRangeByIndexes(append.firstRow + start, 0, chunk.length, append.width),
          chunk,
          formats,
        ),
      (row) => 2 * payloadSize(row) + 2,
    );
    await context.sync();
  } catch (err) {
    throw await rollback.undo(context, err);
  }
  return report;
}
