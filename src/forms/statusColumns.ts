// Where and what the computed columns 当前阶段, 下一期限, 逾期情况, 逾期天数 are in the register: one plan that
// both writers (ExcelJS, Office.js) carry out. Only these tool-owned columns are ever written.

import { columnLetters } from "../core/address";
import { cellText } from "../core/cells";
import type { DateSerial } from "../core/dates";
import { cellValue, type Grid } from "../core/grid";
import { COMPUTED_COLUMNS } from "../core/register";
import { overdueText, STAGE_LABELS, type RowStatus } from "../core/status";
import { normalizeLabel } from "../core/table";

export type StatusValue = string | number | { date: DateSerial } | null;

export interface StatusColumnsPlan {
  /** Zero-based header row. */
  headerRow: number;
  /** Zero-based column of 当前阶段, 下一期限, 逾期情况, 逾期天数. */
  columns: number[];
  /** Headers to write where the register lacks a computed column. */
  missingHeaders: { col: number; label: string }[];
  /** Zero-based first data row; `values[i]` belongs to row firstRow + i. */
  firstRow: number;
  values: StatusValue[][];
  overdue: boolean[];
  /** The conditional format that paints a whole overdue row red. */
  highlight: { range: string; formula: string };
}

export const OVERDUE_FILL = "#FFC7CE";
export const OVERDUE_FONT = "#9C0006";
export const COMPUTED_FILL = "#F2F2F2";

export function planStatusColumns(
  grid: Grid,
  headerRow: number,
  statuses: readonly RowStatus[],
): StatusColumnsPlan {
  const labels = (grid.rows[headerRow] ?? []).map((c) => normalizeLabel(cellText(cellValue(c))));
  let last = labels.reduce((acc, l, i) => (l !== "" ? i : acc), -1);
  const missingHeaders: StatusColumnsPlan["missingHeaders"] = [];
  const columns = COMPUTED_COLUMNS.map((label) => {
    const at = labels.indexOf(label);
    if (at >= 0) return at;
    missingHeaders.push({ col: ++last, label });
    return last;
  });
  const byRow = new Map(statuses.map((s) => [s.row, s]));
  const firstRow = headerRow + 1;
  const lastRow = statuses.reduce((m, s) => Math.max(m, s.row), grid.rows.length) - 1;
  const values: StatusValue[][] = [];
  const overdue: boolean[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const s = byRow.get(r + 1);
    overdue.push(s !== undefined && s.overdue.length > 0);
    values.push(
      s
        ? [
            STAGE_LABELS[s.stage],
            s.nextDeadline ? { date: s.nextDeadline.date } : null,
            overdueText(s.overdue),
            s.overdue.length > 0 ? s.overdueDays : null,
          ]
        : [null, null, null, null],
    );
  }
  const widest = columns.reduce((m, c) => Math.max(m, c), last);
  const top = firstRow + 1;
  const bottom = Math.max(lastRow + 1, top);
  const overdueLetter = columnLetters(columns[2]!);
  return {
    headerRow,
    columns,
    missingHeaders,
    firstRow,
    values,
    overdue,
    highlight: {
      range: `A${top}:${columnLetters(widest)}${bottom}`,
      formula: `LEN($${overdueLetter}${top})>0`,
    },
  };
}
