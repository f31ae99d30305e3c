// ExcelJS worksheet → Grid: the cell values the core readers consume, whatever shape ExcelJS gives them.

import type ExcelJS from "exceljs";
import { isBlankCell, safeString } from "../core/cells";
import type { CellInput, Grid } from "../core/grid";

/** `result`: the cell's own formula result — ExcelJS's `value` copy drops a result of 0. */
function toInput(value: ExcelJS.CellValue, result: unknown): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const v = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      // A formula whose last result is an error is an error cell: its text is not data.
      if (result !== null && typeof result === "object" && "error" in result) {
        return { error: String((result as { error: unknown }).error) };
      }
      // No result at all (not even an empty one): the file holds no computed value for the formula.
      const formula = v.formula ?? v.sharedFormula ?? "";
      return result === undefined ? { formula } : { formula, result };
    }
    if ("hyperlink" in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? "");
    if ("error" in value) return { error: String((value as ExcelJS.CellErrorValue).error) };
  }
  return safeString(value);
}

/** ExcelJS's reading of a table part: its range, and whether it has a header and a totals row. */
interface TableModel {
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

/**
 * Where a sheet's tables keep their data: the last data row (1-based) of the lowest table, and the tables'
 * totals rows. A sheet without tables gives undefined.
 */
function tableRows(ws: ExcelJS.Worksheet): { lastDataRow: number; totals: Set<number> } | undefined {
  const tables = Object.values(
    (ws as unknown as { tables?: Record<string, { table?: TableModel }> }).tables ?? {},
  );
  let lastDataRow = 0;
  const totals = new Set<number>();
  for (const t of tables) {
    const ref = t.table?.tableRef ?? t.table?.ref ?? "";
    const bottom = Number(/(\d+)$/.exec(ref)?.[1] ?? 0);
    if (bottom === 0) continue;
    if (t.table?.totalsRow) totals.add(bottom);
    lastDataRow = Math.max(lastDataRow, t.table?.totalsRow ? bottom - 1 : bottom);
  }
  return lastDataRow > 0 ? { lastDataRow, totals } : undefined;
}

/** What a line under a table says when it is a note, not a row of data (注：…, 制表人：张三, 合计). */
const NOTE_LINE = /^\s*(注|备注|说明|合计|小计|总计|制表|填表|审核人|负责人|联系人|联系电话|填报)/;

/**
 * A row under a sheet's table that is not data: its totals, a note or signature line, a stray value — one
 * cell, or a line starting as notes do. Rows typed under the table (Excel grows the table over them, other
 * programs may not) are data when they fill more than one cell.
 */
function isNoteLine(cells: readonly CellInput[]): boolean {
  const filled = cells.filter((c) => !isBlankCell(c));
  if (filled.length <= 1) return true;
  const first = filled[0];
  return typeof first === "string" && NOTE_LINE.test(first);
}

/**
 * The sheet's cells. On a sheet with a table (the register, the log), the table's totals row and the lines
 * under the table that are notes (注：…, 制表人：张三) or stray values are not read.
 */
export function readGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: CellInput[][] = [];
  const tables = tableRows(ws);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tables?.totals.has(rowNumber)) return;
    const cells: CellInput[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged area holds its value once, in its top-left cell, as Excel and Office.js show it.
      if (cell.isMerged && cell.master !== cell) return;
      cells[col - 1] = toInput(cell.value, cell.result);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    if (tables && rowNumber > tables.lastDataRow && isNoteLine(cells)) return;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  // ExcelJS keeps merged areas by their top-left address, each with its range.
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map(
    (m) => m.range,
  );
  return merges.length > 0 ? { sheet: ws.name, rows, merges } : { sheet: ws.name, rows };
}
