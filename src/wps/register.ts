// The register commands in WPS: create the sheets, refresh the status columns, validate, select an
// offending cell, and the 强审设置 sheet's settings. The same sheets, rules and values as src/excel writes
// through Office.js, written through WPS's object model.

import { columnLetters } from "../core/address";
import { cellText } from "../core/cells";
import type { DateSerial } from "../core/dates";
import { cellValue } from "../core/grid";
import type { Issue } from "../core/issues";
import { getProfile } from "../core/profiles";
import { COMPUTED_COLUMNS, REGISTER_SHEET } from "../core/register";
import {
  readSettings,
  REST_DAY_KINDS,
  REST_DAY_LAYOUT,
  settingChoices,
  settingsRows,
  SETTINGS_SHEET,
  type WorkbookSettings,
} from "../core/settings";
import { loadWorkbook, workbookAnalysis } from "../core/workbook";
import type { CellWrite } from "../excel/cells";
import { CommandError } from "../excel/errors";
import { registerSheetFilter, REGISTER_SHEETS, runs, statusPlan } from "../excel/register";
import type { RefreshResult } from "../taskpane/backend";
import { DATE_FORMAT } from "../forms/layout";
import {
  logSheetSpec,
  registerSheetSpec,
  uniqueTableName,
  type ColumnRule,
  type TableSheetSpec,
} from "../forms/registerSheet";
import { COMPUTED_FILL, OVERDUE_FILL, OVERDUE_FONT } from "../forms/statusColumns";
import type { Book } from "./book";
import { bgr, XL, type EtRange, type EtWorksheet } from "./et";
import { WpsRollback } from "./rollback";
import { freezeRows } from "./writeLayout";

/** Spare rows below a new table that get its formats and drop-downs, as in the Excel add-in. */
const SPARE_ROWS = 500;

function addValidation(range: EtRange, rule: ColumnRule): void {
  const strict = rule.kind !== "list" || rule.strict;
  const style = strict ? XL.alertStop : XL.alertWarning;
  const v = range.Validation;
  switch (rule.kind) {
    case "list":
      v.Add(XL.validateList, style, XL.between, rule.options.join(","));
      v.InCellDropdown = true;
      break;
    case "decimal":
      v.Add(XL.validateDecimal, style, XL.between, String(rule.min), String(rule.max));
      break;
    case "date":
      v.Add(XL.validateDate, style, XL.between, "=DATE(1990,1,1)", "=DATE(2100,12,31)");
      break;
    case "computed":
      v.Add(XL.validateCustom, style, XL.between, "=FALSE");
      break;
  }
  v.ShowInput = true;
  v.InputTitle = "填写提示";
  v.InputMessage = rule.prompt;
  v.ShowError = true;
  v.ErrorTitle = rule.kind === "computed" ? "计算列" : "输入无效";
  v.ErrorMessage = rule.kind === "list" ? `请从下拉列表中选择：${rule.options.join("、")}` : rule.prompt;
}

function writeTableSheet(book: Book, spec: TableSheetSpec): void {
  const ws = book.add(spec.sheet);
  const n = spec.columns.length;
  book.write(ws, 0, 0, [spec.columns.map((c) => c.label)]);
  const header = book.range(ws, 0, 0, 1, n);
  header.Font.Bold = true;
  header.WrapText = true;
  const table = ws.ListObjects.Add(XL.srcRange, book.range(ws, 0, 0, 2, n), undefined, XL.yes);
  table.Name = spec.tableName;
  table.TableStyle = "TableStyleLight9";
  spec.columns.forEach((c, i) => {
    book.range(ws, 0, i).ColumnWidth = c.width;
    const body = book.range(ws, 1, i, SPARE_ROWS, 1);
    if (c.numberFormat) body.NumberFormat = c.numberFormat;
    if (c.computed) body.Interior.Color = bgr(COMPUTED_FILL);
    if (c.rule) addValidation(body, c.rule);
  });
  if (spec.highlightColumn !== undefined) {
    const letter = columnLetters(spec.columns.findIndex((c) => c.label === spec.highlightColumn));
    const cf = book
      .range(ws, 1, 0, SPARE_ROWS, n)
      .FormatConditions.Add(XL.expression, undefined, `=LEN($${letter}2)>0`);
    cf.Interior.Color = bgr(OVERDUE_FILL);
    cf.Font.Color = bgr(OVERDUE_FONT);
  }
  freezeRows(book, ws, 1);
}

function listValidation(range: EtRange, options: readonly string[]): void {
  range.Validation.Add(XL.validateList, XL.alertStop, XL.between, options.join(","));
  range.Validation.InCellDropdown = true;
}

function writeSettingsSheet(book: Book, settings: WorkbookSettings): void {
  const ws = book.add(SETTINGS_SHEET);
  const rows = settingsRows(settings);
  // A district or preparer typed as "=…" or "+…" stays text.
  book.write(ws, 0, 0, [["设置项", "值", "说明"], ...rows], ["@", "@", "@"]);
  book.at(ws, "A1:C1").Font.Bold = true;
  [20, 26, 80].forEach((w, i) => (book.range(ws, 0, i).ColumnWidth = w));
  rows.forEach(([key], i) => {
    const choices = settingChoices(key);
    if (choices) listValidation(book.range(ws, i + 1, 1), choices);
  });
  // The empty 休息日调整 table beside the settings, ready for a year's dates and types.
  const { col, titleRow, headerRow, spareRows, title, headers } = REST_DAY_LAYOUT;
  book.write(ws, titleRow, col, [[title]], ["@"]);
  book.write(ws, headerRow, col, [[...headers]], ["@", "@", "@"]);
  book.range(ws, titleRow, col, headerRow - titleRow + 1, 3).Font.Bold = true;
  [14, 10, 40].forEach((w, i) => (book.range(ws, 0, col + i).ColumnWidth = w));
  book.range(ws, headerRow + 1, col, spareRows, 1).NumberFormat = DATE_FORMAT;
  book.range(ws, headerRow + 1, col + 2, spareRows, 1).NumberFormat = "@";
  listValidation(book.range(ws, headerRow + 1, col + 1, spareRows, 1), REST_DAY_KINDS);
}

/** The names of every table in the workbook. */
function tableNames(book: Book): string[] {
  return book.names().flatMap((name) => {
    const tables = book.sheet(name).ListObjects;
    return Array.from({ length: tables.Count }, (_, i) => tables.Item(i + 1).Name);
  });
}

/**
 * Creates 企业名单台账, 名单调整记录 and 强审设置; refuses when any of them exists (nothing is overwritten). On
 * failure the sheets added are removed.
 */
export function createRegister(book: Book, settings: WorkbookSettings): void {
  const existing = book.names();
  const clash = REGISTER_SHEETS.filter((n) => existing.includes(n));
  if (clash.length > 0) throw new CommandError(`工作簿中已有工作表“${clash.join("”“")}”，未作改动。`);
  const profile = getProfile(settings.profileId);
  const taken = tableNames(book);
  const specs = [registerSheetSpec(profile), logSheetSpec(profile)].map((spec) => {
    const tableName = uniqueTableName(spec.tableName, taken);
    taken.push(tableName);
    return { ...spec, tableName };
  });
  const rollback = new WpsRollback();
  try {
    for (const spec of specs) {
      rollback.adding(spec.sheet);
      writeTableSheet(book, spec);
    }
    rollback.adding(SETTINGS_SHEET);
    writeSettingsSheet(book, settings);
    book.sheet(REGISTER_SHEET).Activate();
  } catch (err) {
    throw rollback.undo(book, err);
  }
}

/** The register, the log, the settings, 附表2, 附件6 and the stamp, read whole. */
export const readRegisterSheets = (book: Book) => book.readSheets(registerSheetFilter);

function analyse(book: Book, asOf: DateSerial) {
  const read = readRegisterSheets(book);
  const loaded = loadWorkbook(read.grids);
  return { ...read, loaded, ...workbookAnalysis(loaded, asOf) };
}

/** Writes 当前阶段, 下一期限, 逾期情况, 逾期天数 (one Value2 per block) and paints overdue rows red. */
export function refreshStatus(book: Book, asOf: DateSerial): RefreshResult {
  const { grids, loaded, statuses, bureau, issues, worklist, protectedSheets } = analyse(book, asOf);
  const plan = statusPlan(grids, protectedSheets, statuses);
  const ws = book.sheet(REGISTER_SHEET);
  for (const h of plan.missingHeaders) {
    book.write(ws, plan.headerRow, h.col, [[h.label]]);
    book.range(ws, plan.headerRow, h.col).Font.Bold = true;
  }
  const cols = plan.columns;
  const contiguous = cols.every((c, k) => c === cols[0]! + k);
  const blocks = contiguous
    ? [{ col: cols[0]!, pick: (r: readonly CellWrite[]) => [...r], ks: [0, 1, 2, 3] }]
    : cols.map((col, k) => ({ col, pick: (r: readonly CellWrite[]) => [r[k]!], ks: [k] }));
  const formatOf = new Map(registerSheetSpec(loaded.profile).columns.map((c) => [c.label, c.numberFormat]));
  const formats = COMPUTED_COLUMNS.map((label) => formatOf.get(label));
  const dates = COMPUTED_COLUMNS.map((label) => formatOf.get(label) === DATE_FORMAT);
  const rows = plan.values.map((r) =>
    r.map((v): CellWrite => (v !== null && typeof v === "object" ? v.date : (v ?? ""))),
  );
  if (rows.length > 0)
    for (const { col, pick, ks } of blocks) {
      book.write(
        ws,
        plan.firstRow,
        col,
        rows.map(pick),
        ks.map((k) => formats[k]),
        ks.map((k) => dates[k]!),
      );
      const range = book.range(ws, plan.firstRow, col, rows.length, ks.length);
      range.Interior.Color = bgr(COMPUTED_FILL);
      range.Font.Color = 0;
    }
  for (const [start, length] of runs(plan.overdue))
    for (const { col, ks } of blocks) {
      const range = book.range(ws, plan.firstRow + start, col, length, ks.length);
      range.Interior.Color = bgr(OVERDUE_FILL);
      range.Font.Color = bgr(OVERDUE_FONT);
    }
  return { statuses, bureau, issues, worklist };
}

/** Validation without writing anything. */
export function validateWorkbook(book: Book, asOf: DateSerial) {
  const { issues, worklist } = analyse(book, asOf);
  return { issues, worklist };
}

/** Shows an issue's cell: its sheet activated and the cell selected (A1 for an issue of the whole sheet). */
export function selectIssue(book: Book, issue: Pick<Issue, "sheet" | "cell">): void {
  if (!book.names().includes(issue.sheet)) throw new CommandError(`找不到工作表“${issue.sheet}”。`);
  const ws: EtWorksheet = book.sheet(issue.sheet);
  ws.Activate();
  book.at(ws, issue.cell || "A1").Select();
}

/** The workbook's settings, or undefined when it has no 强审设置 sheet yet. */
export function loadSettings(book: Book): WorkbookSettings | undefined {
  const grid = book.readSheets([SETTINGS_SHEET]).grids.sheet(SETTINGS_SHEET);
  return grid ? readSettings(grid, "shanghai").settings : undefined;
}

/** Settings are text, typed or not: an empty value's cell is formatted "@" as well. */
const TEXT = ["@", "@", "@"];

/** Writes each setting's value into column 值 of its row; rows the sheet lacks are appended. */
export function saveSettings(book: Book, settings: WorkbookSettings): void {
  const { grids, protectedSheets } = book.readSheets([SETTINGS_SHEET]);
  const grid = grids.sheet(SETTINGS_SHEET);
  if (!grid) throw new CommandError(`工作簿中没有“${SETTINGS_SHEET}”工作表，请先创建台账。`);
  if (protectedSheets.includes(SETTINGS_SHEET))
    throw new CommandError(
      `“${SETTINGS_SHEET}”受保护，设置未保存。请先撤销该工作表的保护（审阅 → 撤销工作表保护）后重试。`,
    );
  const ws = book.sheet(SETTINGS_SHEET);
  const keys = grid.rows.map((r) => cellText(cellValue(r[0])));
  let next = grid.rows.length;
  for (const [key, value, note] of settingsRows(settings)) {
    const at = keys.indexOf(key);
    if (at > 0) book.write(ws, at, 1, [[value]], TEXT);
    else book.write(ws, next++, 0, [[key, value, note]], TEXT);
  }
}
