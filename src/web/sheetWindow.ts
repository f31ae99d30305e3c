// The rows of a sheet the page's preview draws: a window of them around the cell an issue names, as text, so
// only what is shown crosses from the worker that holds the workbook to the page.

import { parseCellAddress } from "../core/address";
import { cellText } from "../core/cells";
import { cellValue, type Grid } from "../core/grid";

export const WINDOW = 60;

export interface PreviewTarget {
  sheet: string;
  cell: string;
}

export interface SheetWindow {
  sheet: string;
  /** Every sheet of the workbook, for the preview's sheet list. */
  names: string[];
  /** Zero-based row of rows[0]. */
  first: number;
  total: number;
  /** Columns drawn. */
  width: number;
  rows: string[][];
  /** The target's cell, zero-based, when it is on this sheet. */
  at?: { row: number; col: number };
}

function shown(cell: Grid["rows"][number][number] | undefined): string {
  const v = cellValue(cell);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cellText(v);
}

export function sheetWindow(grid: Grid, names: string[], target: PreviewTarget | undefined): SheetWindow {
  const at = target && target.sheet === grid.sheet ? parseCellAddress(target.cell) : undefined;
  const total = grid.rows.length;
  const first = at ? Math.max(0, Math.min(at.row - WINDOW / 2, total - WINDOW)) : 0;
  const last = Math.min(total, first + WINDOW);
  const slice = grid.rows.slice(first, last);
  const width = slice.reduce((m, r) => Math.max(m, r.length), at ? at.col + 1 : 1);
  return {
    sheet: grid.sheet,
    names,
    first,
    total,
    width,
    rows: slice.map((r) => Array.from({ length: width }, (_, c) => shown(r[c]))),
    at: at ? { row: at.row, col: at.col } : undefined,
  };
}
