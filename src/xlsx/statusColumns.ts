// The ExcelJS writer of the status-columns plan (forms/statusColumns.ts).

import type ExcelJS from "exceljs";
import { utcDateFromSerial } from "../core/dates";
import type { Grid } from "../core/grid";
import type { RowStatus } from "../core/status";
import { DATE_FORMAT } from "../forms/layout";
import { argb } from "./tables";
import {
  COMPUTED_FILL,
  OVERDUE_FILL,
  OVERDUE_FONT,
  planStatusColumns,
  type StatusValue,
} from "../forms/statusColumns";

const solid = (hex: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(hex) },
});

function toCell(v: StatusValue): ExcelJS.CellValue {
  return v !== null && typeof v === "object" ? utcDateFromSerial(v.date) : v;
}

export function writeStatusColumns(
  ws: ExcelJS.Worksheet,
  grid: Grid,
  headerRow: number,
  statuses: readonly RowStatus[],
): void {
  const plan = planStatusColumns(grid, headerRow, statuses);
  for (const h of plan.missingHeaders) {
    const cell = ws.getCell(plan.headerRow + 1, h.col + 1);
    cell.value = h.label;
    cell.style = { ...cell.style, font: { bold: true } };
  }
  plan.values.forEach((row, i) => {
    const late = plan.overdue[i]!;
    plan.columns.forEach((col, k) => {
      const cell = ws.getCell(plan.firstRow + i + 1, col + 1);
      cell.value = toCell(row[k] ?? null);
      // Loaded cells can share one style object: give each its own rather than mutate the shared one.
      cell.style = {
        ...cell.style,
        numFmt: k === 1 ? DATE_FORMAT : cell.style.numFmt,
        fill: solid(late ? OVERDUE_FILL : COMPUTED_FILL),
        font: late ? { color: { argb: argb(OVERDUE_FONT) } } : {},
      };
    });
  });
  const existing = (ws as unknown as { conditionalFormattings?: { rules: { formulae?: string[] }[] }[] })
    .conditionalFormattings;
  const overdueColumn = plan.highlight.formula.slice(0, plan.highlight.formula.search(/\d/));
  if (existing?.some((cf) => cf.rules.some((rule) => rule.formulae?.[0]?.startsWith(overdueColumn)))) return;
  ws.addConditionalFormatting({
    ref: plan.highlight.range,
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [plan.highlight.formula],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(OVERDUE_FILL) } },
          font: { color: { argb: argb(OVERDUE_FONT) } },
        },
      },
    ],
  });
}
