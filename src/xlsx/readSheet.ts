// ExcelJS worksheet → Grid: the cell values the core readers consume, whatever shape ExcelJS gives them.

import type ExcelJS from "exceljs";
import { safeString } from "../core/cells";
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

export function readGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: CellInput[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellInput[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged area holds its value once, in its top-left cell, as Excel and Office.js show it.
      if (cell.isMerged && cell.master !== cell) return;
      cells[col - 1] = toInput(cell.value, cell.result);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  // ExcelJS keeps merged areas by their top-left address, each with its range.
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map(
    (m) => m.range,
  );
  return merges.length > 0 ? { sheet: ws.name, rows, merges } : { sheet: ws.name, rows };
}
