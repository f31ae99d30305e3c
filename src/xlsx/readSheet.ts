// ExcelJS worksheet → Grid: the cell values the core readers consume, whatever shape ExcelJS gives them.

import type ExcelJS from "exceljs";
import type { CellInput, Grid } from "../core/grid";

function toInput(value: ExcelJS.CellValue): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const v = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      return {
        formula: v.formula ?? v.sharedFormula ?? "",
        result: v.result instanceof Date ? v.result : resultOf(v.result),
      };
    }
    if ("hyperlink" in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? "");
    if ("error" in value) return { error: String((value as ExcelJS.CellErrorValue).error) };
  }
  return String(value);
}

function resultOf(r: unknown): unknown {
  if (r !== null && typeof r === "object" && "error" in r) return (r as { error: string }).error;
  return r ?? null;
}

export function readGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: CellInput[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellInput[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = toInput(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return { sheet: ws.name, rows };
}
