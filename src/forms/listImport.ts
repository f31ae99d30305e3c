// Importing a published list into the register, as data both writers share: which sheet of the list file is
// the list, the report (added, matched, absent, unknown headers, issues), and the cells of the rows to append
// under the register's last row. Nothing half-imported: with an error in the list nothing is appended unless
// the bad rows are to be skipped.

import { cellAddress } from "../core/address";
import { cellText, isBlankCell } from "../core/cells";
import type { DateSerial } from "../core/dates";
import { cellValue, type Grid } from "../core/grid";
import {
  planImport,
  readPublishedList,
  type AbsentEnterprise,
  type AddedEnterprise,
  type ImportOptions,
  type ListRead,
  type MatchedEnterprise,
} from "../core/importList";
import { issue, type Issue } from "../core/issues";
import { COMPUTED_COLUMNS, REGISTER_COLUMNS, REGISTER_SHEET } from "../core/register";
import { normalizeLabel, readHeader } from "../core/table";
import { workbookStatus, type LoadedWorkbook, type WorkbookGrids } from "../core/workbook";
import type { LayoutValue } from "./layout";

export interface ListImportOptions extends Omit<ImportOptions, "district"> {
  /** The day the district's open enterprises are judged on (their stage), for the absent list. */
  asOf: DateSerial;
  /** Append the list's good rows even when others have errors (those are skipped and named). */
  skipInvalid?: boolean;
}

export interface ImportReport {
  /** The list's sheet. */
  listSheet: string;
  /** The rows appended (or, in a dry run or when refused, the rows that would be), with their register row. */
  added: (AddedEnterprise & { registerRow: number })[];
  matched: MatchedEnterprise[];
  absent: AbsentEnterprise[];
  unknownHeaders: string[];
  /** Rows of other districts in a city-wide list, left out. */
  otherDistricts: number;
  issues: Issue[];
  /** Whether the rows are (to be) appended: false in a dry run and when an error stops the import. */
  written: boolean;
}

/** The cells of the rows to append, one value per register column (null leaves a cell blank). */
export interface AppendPlan {
  sheet: string;
  headerRow: number;
  /** The register's last row holding anything before the import (the header row when it has none). */
  lastDataRow: number;
  /** Zero-based row of the first appended row. */
  firstRow: number;
  /** Columns 0 … width-1 are the register's, up to its last header. */
  width: number;
  /** Columns written as text and kept text ("@"): 统一社会信用代码. */
  textColumns: number[];
  /** The tool's computed columns (当前阶段 …), left blank for the next status refresh. */
  computedColumns: number[];
  rows: LayoutValue[][];
}

/** The sheet named `sheet`, or the first whose top rows hold a list's headers; its reading. */
export function readListSheet(list: WorkbookGrids, sheet?: string): ListRead {
  if (sheet !== undefined) {
    const grid = list.sheet(sheet);
    if (grid) return readPublishedList(grid);
    return {
      sheet,
      headerRow: -1,
      columns: {},
      entries: [],
      unknownHeaders: [],
      issues: [issue(sheet, "", "error", "list.sheet", `名单文件中没有工作表“${sheet}”`)],
    };
  }
  const reads = (list.names?.() ?? [])
    .map((n) => list.sheet(n))
    .filter((g): g is Grid => g !== undefined)
    .map(readPublishedList);
  const found = reads.find((r) => r.headerRow >= 0) ?? reads[0];
  if (found) return found;
  return {
    sheet: "",
    headerRow: -1,
    columns: {},
    entries: [],
    unknownHeaders: [],
    issues: [issue("", "", "error", "list.sheet", "名单文件中没有工作表")],
  };
}

function lastDataRow(grid: Grid, headerRow: number): number {
  for (let r = grid.rows.length - 1; r > headerRow; r--)
    if ((grid.rows[r] ?? []).some((c) => !isBlankCell(c))) return r;
  return headerRow;
}

function layoutValue(v: string | number | { date: DateSerial } | undefined): LayoutValue {
  if (v === undefined || v === "") return null;
  if (typeof v === "object") return { t: "date", v: v.date };
  return typeof v === "number" ? { t: "number", v } : { t: "text", v };
}

/** Where and what to append under the register's rows; a value whose column the register lacks is a warning. */
function planAppend(grid: Grid, added: readonly AddedEnterprise[], issues: Issue[]): AppendPlan {
  const { headerRow } = readHeader(grid, REGISTER_COLUMNS);
  const header = (grid.rows[headerRow] ?? []).map((c) => normalizeLabel(cellText(cellValue(c))));
  const colOf = (label: string) => header.indexOf(normalizeLabel(label));
  const width = header.reduce((w, label, i) => (label !== "" ? i + 1 : w), 0);
  const last = lastDataRow(grid, headerRow);
  const labels = [...new Set(added.flatMap((a) => Object.keys(a.values)))];
  for (const label of labels.filter((l) => colOf(l) < 0))
    issues.push(
      issue(
        REGISTER_SHEET,
        cellAddress(headerRow, 0),
        "warning",
        "import.column",
        `台账中没有“${label}”列，名单中的该项未写入`,
      ),
    );
  const rows = added.map((a) => {
    const row: LayoutValue[] = new Array<LayoutValue>(width).fill(null);
    for (const [label, v] of Object.entries(a.values)) {
      const col = colOf(label);
      if (col >= 0) row[col] = layoutValue(v);
    }
    return row;
  });
  return {
    sheet: grid.sheet,
    headerRow,
    lastDataRow: last,
    firstRow: last + 1,
    width,
    textColumns: [colOf("统一社会信用代码")].filter((c) => c >= 0),
    computedColumns: COMPUTED_COLUMNS.map(colOf).filter((c) => c >= 0),
    rows,
  };
}

/**
 * The import of `list` into the register of `loaded` (whose sheet is `register`): the report, and the rows to
 * append when there is anything to add and no error stops it (`apply` false: a dry run, the report only).
 */
export function prepareImport(
  loaded: LoadedWorkbook,
  register: Grid,
  list: ListRead,
  options: ListImportOptions & { apply: boolean },
): { report: ImportReport; append: AppendPlan | undefined } {
  const plan = planImport(list, loaded.rows, workbookStatus(loaded, options.asOf), {
    published: options.published,
    year: options.year,
    district: loaded.settings.district || undefined,
  });
  const issues = [...plan.issues];
  const append = planAppend(register, plan.added, issues);
  const blocked = list.headerRow < 0 || (!options.skipInvalid && issues.some((i) => i.severity === "error"));
  const written = options.apply && !blocked && plan.added.length > 0;
  return {
    report: {
      listSheet: list.sheet,
      added: plan.added.map((a, i) => ({ ...a, registerRow: append.firstRow + i + 1 })),
      matched: plan.matched,
      absent: plan.absent,
      unknownHeaders: plan.unknownHeaders,
      otherDistricts: plan.otherDistricts,
      issues,
      written,
    },
    append: written ? append : undefined,
  };
}
