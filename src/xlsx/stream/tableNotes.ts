// What a sheet's tables say about its rows: a table's totals row is no data, and under the lowest table a line
// that is a note (注：…, 制表人：张三, 合计) or a stray value is no data either. Rows typed under the table (Excel
// grows the table over them, other programs may not) are data when they fill more than one cell.

import { cellAddress } from "../../core/address";
import { cellText, isBlankCell } from "../../core/cells";
import { cellValue, type CellInput, type Grid } from "../../core/grid";

/** A table of the sheet as its part declares it: its range, and whether its last row holds totals. */
export interface SheetTable {
  ref: string;
  totalsRow: boolean;
}

/** What a line under a table says when it is a note, not a row of data. */
const NOTE_LINE = /^\s*(注|备注|说明|合计|小计|总计|制表|填表|审核人|负责人|联系人|联系电话|填报)/;

function isNoteLine(cells: readonly CellInput[]): boolean {
  const filled = cells.filter((c) => !isBlankCell(c));
  if (filled.length <= 1) return true;
  const first = filled[0];
  return typeof first === "string" && NOTE_LINE.test(first);
}

/** `grid` without its tables' totals rows and the note lines under its lowest table. */
export function withoutTableNotes(grid: Grid, tables: readonly SheetTable[]): Grid {
  let lastDataRow = 0;
  const totals = new Set<number>();
  for (const t of tables) {
    const bottom = Number(/(\d+)$/.exec(t.ref)?.[1] ?? 0);
    if (bottom === 0) continue;
    if (t.totalsRow) totals.add(bottom);
    lastDataRow = Math.max(lastDataRow, t.totalsRow ? bottom - 1 : bottom);
  }
  if (lastDataRow === 0) return grid;
  const notes: { cell: string; text: string }[] = [];
  const rows = grid.rows.map((cells, i) => {
    if (totals.has(i + 1)) return [];
    if (i + 1 <= lastDataRow || cells.length === 0 || !isNoteLine(cells)) return cells;
    const col = cells.findIndex((c) => !isBlankCell(c));
    if (col >= 0) notes.push({ cell: cellAddress(i, col), text: cellText(cellValue(cells[col])) });
    return [];
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return notes.length > 0 ? { ...grid, rows, notes } : { ...grid, rows };
}
