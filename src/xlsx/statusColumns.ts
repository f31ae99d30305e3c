// Writes the computed columns 当前阶段, 下一期限, 逾期情况, 逾期天数 into the register, with overdue rows in red.
// Only these tool-owned columns are written; every other cell of the sheet is left as it was.

import type ExcelJS from "exceljs";
import { columnLetters } from "../core/address";
import { cellText } from "../core/cells";
import { utcDateFromSerial } from "../core/dates";
import { cellValue, type Grid } from "../core/grid";
import { COMPUTED_COLUMNS } from "../core/register";
import { overdueText, STAGE_LABELS, type RowStatus } from "../core/status";
import { normalizeLabel } from "../core/table";
import { DATE_FORMAT } from "../forms/registerSheet";

const OVERDUE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
const OVERDUE_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF9C0006" } };
const PLAIN_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };

/** Zero-based column of each computed label in the header row; missing ones are placed after the last header. */
function computedColumns(grid: Grid, headerRow: number): { index: number[]; added: boolean } {
  const header = grid.rows[headerRow] ?? [];
  const labels = header.map((c) => normalizeLabel(cellText(cellValue(c))));
  let last = labels.reduce((acc, l, i) => (l !== "" ? i : acc), -1);
  let added = false;
  const index = COMPUTED_COLUMNS.map((label) => {
    const at = labels.indexOf(label);
    if (at >= 0) return at;
    added = true;
    return ++last;
  });
  return { index, added };
}

export function writeStatusColumns(
  ws: ExcelJS.Worksheet,
  grid: Grid,
  headerRow: number,
  statuses: readonly RowStatus[],
): void {
  const { index } = computedColumns(grid, headerRow);
  const byRow = new Map(statuses.map((s) => [s.row, s]));
  COMPUTED_COLUMNS.forEach((label, k) => {
    const cell = ws.getCell(headerRow + 1, index[k]! + 1);
    if (cellText(cell.value) !== label) {
      cell.value = label;
      cell.style = { ...cell.style, font: { bold: true } };
    }
  });
  const lastRow = Math.max(grid.rows.length, ...statuses.map((s) => s.row));
  for (let r = headerRow + 2; r <= lastRow; r++) {
    const s = byRow.get(r);
    const values: ExcelJS.CellValue[] = s
      ? [
          STAGE_LABELS[s.stage],
          s.nextDeadline ? utcDateFromSerial(s.nextDeadline.date) : null,
          overdueText(s.overdue),
          s.overdue.length > 0 ? s.overdueDays : null,
        ]
      : [null, null, null, null];
    const overdue = s !== undefined && s.overdue.length > 0;
    index.forEach((col, k) => {
      const cell = ws.getCell(r, col + 1);
      cell.value = values[k] ?? null;
      // Loaded cells can share one style object: give each its own rather than mutate the shared one.
      cell.style = {
        ...cell.style,
        numFmt: k === 1 ? DATE_FORMAT : cell.style.numFmt,
        fill: overdue ? OVERDUE_FILL : PLAIN_FILL,
        font: overdue ? OVERDUE_FONT : {},
      };
    });
  }
  markOverdueRows(ws, headerRow, lastRow, index[2]!);
}

/** A conditional format paints the whole row red while its 逾期情况 is not empty. */
function markOverdueRows(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  lastRow: number,
  overdueCol: number,
): void {
  const first = headerRow + 2;
  const lastCol = Math.max(ws.columnCount, overdueCol + 1);
  const ref = `A${first}:${columnLetters(lastCol - 1)}${Math.max(lastRow, first)}`;
  const formula = `LEN($${columnLetters(overdueCol)}${first})>0`;
  const existing = (
    ws as unknown as { conditionalFormattings?: { ref: string; rules: { formulae?: string[] }[] }[] }
  ).conditionalFormattings;
  if (existing?.some((cf) => cf.rules.some((rule) => rule.formulae?.[0] === formula))) return;
  ws.addConditionalFormatting({
    ref,
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: [formula],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } },
          font: { color: { argb: "FF9C0006" } },
        },
      },
    ],
  });
}
