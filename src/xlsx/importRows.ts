// Importing a published list into a register workbook's package: the rows are planned (forms/listImport.ts)
// and recorded on the workbook's patch, each cell styled like the row above it, the register's table, data
// validations and conditional formats grown over them. Nothing here touches the file system or loads
// ExcelJS: the CLI and a web page run the same code.

import { issue } from "../core/issues";
import { REGISTER_SHEET } from "../core/register";
import type { LoadedWorkbook, WorkbookGrids } from "../core/workbook";
import { COMPUTED_FILL } from "../forms/statusColumns";
import { TEXT_FORMAT } from "../forms/layout";
import {
  prepareImport,
  readListSheet,
  type AppendPlan,
  type ImportReport,
  type ListImportOptions,
} from "../forms/listImport";
import { EXCEL_MAX_ROWS as MAX_ROWS } from "./package/limits";
import { PackageError } from "./package/errors";
import type { CellEdit, WorkbookPatch } from "./package/patch";
import { CommandRefusal } from "./workbookCommands";

/** A register workbook as opened for a command: its sheets, their reading, and the patch that changes it. */
export interface ImportTarget {
  grids: WorkbookGrids;
  loaded: LoadedWorkbook;
  patch: WorkbookPatch;
}

export interface ImportListRequest extends ListImportOptions {
  /** The list's sheet; by default the first with a list's headers. */
  sheet?: string;
  /** false: a dry run, the report only. */
  apply: boolean;
}

/**
 * The appended rows must fit: never past Excel's last row, and never over what stands under the register's
 * table. What stands there — the table's own totals row, a note, 制表人 — moves down as Excel moves it when rows
 * are inserted in the table, unless something on the sheet cannot move with it (then nothing is written).
 */
function refuseUnfitting(patch: WorkbookPatch, plan: AppendPlan): void {
  const count = plan.rows.length;
  const lastRow = plan.firstRow + count - 1;
  if (lastRow >= MAX_ROWS)
    throw new CommandRefusal(
      `“${plan.sheet}”的最后一行数据在第 ${plan.firstRow} 行，新增的 ${count} 行将超过 Excel 的行数上限 ${MAX_ROWS.toLocaleString("en-US")} 行；未写入。请检查该表末尾是否有误填的单元格（如第 ${plan.firstRow} 行），删除后重试`,
    );
  const below = patch.filledRows(plan.sheet, plan.firstRow, lastRow);
  if (below.length === 0) return;
  const reason = makeRoom(patch, plan, lastRow);
  if (reason === undefined) return;
  throw new CommandRefusal(
    `“${plan.sheet}”表格之下的第 ${below.map((r) => r + 1).join("、")} 行有内容（汇总行、注释或制表人等），新增的 ${count} 行需写入第 ${plan.firstRow + 1}–${lastRow + 1} 行，这些内容须下移，${reason}；未写入。请在 Excel 中于表格最后一条企业之后插入 ${count} 行空行（在表格之内），或移走表格下方的内容，然后重试`,
  );
}

/**
 * Makes room for the appended rows by moving down what stands under the table's data — its totals row, notes,
 * 制表人 — by as many rows as the new ones need, as inserting rows in the table does in Excel; else why not, as
 * the refusal says it.
 */
function makeRoom(patch: WorkbookPatch, plan: AppendPlan, lastRow: number): string | undefined {
  const under = patch.filledRows(plan.sheet, plan.firstRow, MAX_ROWS - 1);
  const at = under[0]!;
  const count = lastRow - at + 1;
  if (under[under.length - 1]! + count >= MAX_ROWS) return "下移后将超过 Excel 的行数上限";
  try {
    patch.insertRows(plan.sheet, at, count);
    return undefined;
  } catch (err) {
    if (err instanceof PackageError) return `无法下移：${err.message}`;
    throw err;
  }
}

/** Records the appended rows on the patch. */
function recordAppend(patch: WorkbookPatch, plan: AppendPlan): void {
  refuseUnfitting(patch, plan);
  const like = plan.lastDataRow > plan.headerRow ? plan.lastDataRow : undefined;
  const text = new Set(plan.textColumns);
  const computed = new Set(plan.computedColumns);
  const edits: CellEdit[] = plan.rows.flatMap((values, i) =>
    values.map((value, col): CellEdit => {
      const edit: CellEdit = { row: plan.firstRow + i, col, likeRow: like };
      if (value !== null) edit.value = value;
      if (text.has(col)) edit.style = { numFmt: TEXT_FORMAT };
      if (computed.has(col)) edit.style = { fill: COMPUTED_FILL, font: { color: null } };
      return edit;
    }),
  );
  const lastRow = plan.firstRow + plan.rows.length - 1;
  patch.setCells(plan.sheet, edits);
  patch.extendTable(plan.sheet, plan.headerRow, lastRow);
  patch.coverRows(plan.sheet, like ?? plan.headerRow + 1, lastRow);
}

/**
 * Imports the list (the sheets of the list's file) into the target's register: the report, and, when it is
 * applied and nothing stops it, the new rows recorded on the target's patch.
 */
export function importListRows(
  target: ImportTarget,
  list: WorkbookGrids,
  request: ImportListRequest,
): ImportReport {
  const register = target.grids.sheet(REGISTER_SHEET);
  if (!register)
    return {
      listSheet: request.sheet ?? "",
      added: [],
      matched: [],
      absent: [],
      unknownHeaders: [],
      otherDistricts: 0,
      issues: [issue(REGISTER_SHEET, "", "error", "sheet.missing", `工作簿中没有“${REGISTER_SHEET}”工作表`)],
      written: false,
    };
  const { report, append } = prepareImport(
    target.loaded,
    register,
    readListSheet(list, request.sheet),
    request,
  );
  if (append) recordAppend(target.patch, append);
  return report;
}
