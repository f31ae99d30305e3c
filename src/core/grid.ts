// A sheet's cell values as read from ExcelJS or Office.js, before any interpretation.

/** One cell as a reader hands it over. Formulas carry their last computed result when known. */
export type CellInput =
  string | number | boolean | Date | null | { formula: string; result?: unknown } | { error: string };

export interface Grid {
  sheet: string;
  /** rows[0] is the sheet's row 1; rows[r][0] is column A. Rows may be ragged. */
  rows: CellInput[][];
  /** Merged areas as A1 ranges ("B5:B7"), where the reader knows them; their value is in the top-left cell. */
  merges?: readonly string[];
  /**
   * Lines under the sheet's lowest table that the reader left out as notes rather than data (注：…, 制表人：张三,
   * a single stray value), where the reader knows them: the first filled cell of each, and its text.
   */
  notes?: readonly { cell: string; text: string }[];
}

/** The value a cell shows: a formula's cached result, an error's text, or the value itself. */
export function cellValue(cell: CellInput | undefined): unknown {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "object" && !(cell instanceof Date)) {
    if ("formula" in cell) return cell.result ?? null;
    if ("error" in cell) return cell.error;
  }
  return cell;
}
