// The package writer of the status-columns plan (forms/statusColumns.ts): the computed cells of every
// register row, and the conditional format that paints an overdue row, patched into the existing sheet.

import { isBlankCell } from "../core/cells";
import type { Grid } from "../core/grid";
import type { RowStatus } from "../core/status";
import { DATE_FORMAT, type LayoutValue } from "../forms/layout";
import {
  COMPUTED_FILL,
  OVERDUE_FILL,
  OVERDUE_FONT,
  planStatusColumns,
  type StatusValue,
} from "../forms/statusColumns";
import type { CellEdit, WorkbookPatch } from "./package/patch";

function toValue(v: StatusValue): LayoutValue {
  if (v === null) return null;
  if (typeof v === "object") return { t: "date", v: v.date };
  return typeof v === "number" ? { t: "number", v } : { t: "text", v };
}

export function patchStatusColumns(
  patch: WorkbookPatch,
  grid: Grid,
  headerRow: number,
  statuses: readonly RowStatus[],
): void {
  const plan = planStatusColumns(grid, headerRow, statuses);
  const cells: CellEdit[] = plan.missingHeaders.map((h) => ({
    row: plan.headerRow,
    col: h.col,
    value: { t: "text", v: h.label },
    style: { font: { bold: true } },
  }));
  // One style per column and state, shared by every row's cell: a register of 100,000 rows has 400,000 edits.
  const styles = [false, true].map((late) =>
    plan.columns.map((_col, k) => ({
      ...(k === 1 ? { numFmt: DATE_FORMAT } : {}),
      fill: late ? OVERDUE_FILL : COMPUTED_FILL,
      font: { color: late ? OVERDUE_FONT : null },
    })),
  );
  plan.values.forEach((row, i) => {
    const late = plan.overdue[i]!;
    // A row with nothing to show and nothing to clear is left as it is: the cost follows the rows that
    // exist, not the sheet's extent (a stray cell in its last row).
    const cellsNow = grid.rows[plan.firstRow + i] ?? [];
    if (row.every((v) => v === null) && plan.columns.every((col) => isBlankCell(cellsNow[col] ?? null)))
      return;
    plan.columns.forEach((col, k) => {
      cells.push({
        row: plan.firstRow + i,
        col,
        value: toValue(row[k] ?? null),
        style: styles[late ? 1 : 0]![k],
      });
    });
  });
  patch.setCells(grid.sheet, cells);
  patch.addConditionalFormat(grid.sheet, {
    range: plan.highlight.range,
    formula: plan.highlight.formula,
    format: { fill: OVERDUE_FILL, fontColor: OVERDUE_FONT },
    unlessFormulaStartsWith: plan.highlight.formula.slice(0, plan.highlight.formula.search(/\d/)),
  });
}
