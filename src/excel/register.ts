// The register commands of the task pane on the open workbook: create the sheets, refresh the status
// columns, validate, and select an offending cell. Each is one Excel.run with at most four syncs for any
// ordinary register (reads of more than 300,000 cells take one more sync per 300,000).

import { LOG_SHEET } from "../core/adjustments";
import { ARCHIVE_PREFIX } from "../core/archive";
import { columnLetters } from "../core/address";
import type { DateSerial } from "../core/dates";
import type { Issue } from "../core/issues";
import { PERFORMANCE_PREFIX } from "../core/performance";
import { getProfile } from "../core/profiles";
import {
  COMPUTED_COLUMNS,
  REGISTER_COLUMNS,
  REGISTER_SHEET,
  STAMPED_REGISTER_REFUSAL,
} from "../core/register";
import {
  REST_DAY_KINDS,
  REST_DAY_LAYOUT,
  settingsRows,
  SETTINGS_SHEET,
  type WorkbookSettings,
  settingChoices,
} from "../core/settings";
import { STAMP_SHEET } from "../core/stamp";
import { readTable } from "../core/table";
import {
  loadWorkbook,
  workbookAnalysis,
  type LoadedWorkbook,
  type WorkbookAnalysis,
  type WorkbookGrids,
} from "../core/workbook";
import {
  logSheetSpec,
  registerSheetSpec,
  type ColumnRule,
  type TableSheetSpec,
  uniqueTableName,
} from "../forms/registerSheet";
import { DATE_FORMAT } from "../forms/layout";
import { COMPUTED_FILL, OVERDUE_FILL, OVERDUE_FONT, planStatusColumns } from "../forms/statusColumns";
import { writeValues, type CellWrite } from "./cells";
import { CommandError } from "./errors";
import { dateShift, workbookSerial } from "./dateSystem";
import { readSheets } from "./read";
import { Rollback } from "./rollback";
import { loadStructureProtection, refuseProtectedStructure } from "./structure";
import { CALL_BYTES, payloadSize, RequestBudget, suspendCalculation, writeInChunks } from "./run";

export const REGISTER_SHEETS = [REGISTER_SHEET, LOG_SHEET, SETTINGS_SHEET] as const;

/** Spare rows below a new table that get its formats and drop-downs. */
const SPARE_ROWS = 500;
/** Excel's column width unit is points; a character of the default font is about 7 points wide. */
const POINTS_PER_CHAR = 7;

function fill2d<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

function validationRule(rule: ColumnRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.options.join(",") } };
    case "decimal":
      return {
        decimal: {
          formula1: rule.min,
          formula2: rule.max,
          operator: "Between" as Excel.DataValidationOperator,
        },
      };
    case "date":
      return {
        date: {
          formula1: "1990-01-01",
          formula2: "2100-12-31",
          operator: "Between" as Excel.DataValidationOperator,
        },
      };
    case "computed":
      return { custom: { formula: "=FALSE" } };
  }
}

function applyRule(range: Excel.Range, rule: ColumnRule): void {
  range.dataValidation.rule = validationRule(rule);
  range.dataValidation.prompt = { showPrompt: true, title: "填写提示", message: rule.prompt };
  const strict = rule.kind !== "list" || rule.strict;
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: (strict ? "Stop" : "Warning") as Excel.DataValidationAlertStyle,
    title: rule.kind === "computed" ? "计算列" : "输入无效",
    message: rule.kind === "list" ? `请从下拉列表中选择：${rule.options.join("、")}` : rule.prompt,
  };
}

function writeTableSheet(sheets: Excel.WorksheetCollection, spec: TableSheetSpec): void {
  const ws = sheets.add(spec.sheet);
  const n = spec.columns.length;
  const header = ws.getRangeByIndexes(0, 0, 1, n);
  writeValues(header, [spec.columns.map((c) => c.label)]);
  const table = ws.tables.add(ws.getRangeByIndexes(0, 0, 2, n), true);
  table.name = spec.tableName;
  table.style = "TableStyleLight9";
  header.format.font.bold = true;
  header.format.wrapText = true;
  spec.columns.forEach((c, i) => {
    const body = ws.getRangeByIndexes(1, i, SPARE_ROWS, 1);
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = c.width * POINTS_PER_CHAR;
    if (c.numberFormat) body.numberFormat = fill2d(SPARE_ROWS, 1, c.numberFormat);
    if (c.computed) body.format.fill.color = COMPUTED_FILL;
    if (c.rule) applyRule(body, c.rule);
  });
  if (spec.highlightColumn !== undefined) {
    const letter = columnLetters(spec.columns.findIndex((c) => c.label === spec.highlightColumn));
    const rows = ws.getRangeByIndexes(1, 0, SPARE_ROWS, n);
    const cf = rows.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = `=LEN($${letter}2)>0`;
    cf.custom.format.fill.color = OVERDUE_FILL;
    cf.custom.format.font.color = OVERDUE_FONT;
  }
  ws.freezePanes.freezeRows(1);
}

function writeSettingsSheet(sheets: Excel.WorksheetCollection, settings: WorkbookSettings): void {
  const ws = sheets.add(SETTINGS_SHEET);
  const rows = settingsRows(settings);
  // A district or preparer typed as "=…" or "+…" stays text.
  writeValues(
    ws.getRangeByIndexes(0, 0, rows.length + 1, 3),
    [["设置项", "值", "说明"], ...rows],
    ["@", "@", "@"],
  );
  ws.getRange("A1:C1").format.font.bold = true;
  ws.getRange("A:A").format.columnWidth = 20 * POINTS_PER_CHAR;
  ws.getRange("B:B").format.columnWidth = 26 * POINTS_PER_CHAR;
  ws.getRange("C:C").format.columnWidth = 80 * POINTS_PER_CHAR;
  rows.forEach(([key], i) => {
    const choices = settingChoices(key);
    if (choices)
      ws.getRangeByIndexes(i + 1, 1, 1, 1).dataValidation.rule = {
        list: { inCellDropDown: true, source: choices.join(",") },
      };
  });
  // The empty 休息日调整 table beside the settings, ready for a year's dates and types.
  const { col, titleRow, headerRow, spareRows, title, headers } = REST_DAY_LAYOUT;
  writeValues(ws.getRangeByIndexes(titleRow, col, 1, 1), [[title]], ["@"]);
  writeValues(ws.getRangeByIndexes(headerRow, col, 1, 3), [[...headers]], ["@", "@", "@"]);
  ws.getRangeByIndexes(titleRow, col, headerRow - titleRow + 1, 3).format.font.bold = true;
  [14, 10, 40].forEach(
    (width, i) => (ws.getRangeByIndexes(0, col + i, 1, 1).format.columnWidth = width * POINTS_PER_CHAR),
  );
  ws.getRangeByIndexes(headerRow + 1, col, spareRows, 1).numberFormat = fill2d(spareRows, 1, DATE_FORMAT);
  ws.getRangeByIndexes(headerRow + 1, col + 2, spareRows, 1).numberFormat = fill2d(spareRows, 1, "@");
  ws.getRangeByIndexes(headerRow + 1, col + 1, spareRows, 1).dataValidation.rule = {
    list: { inCellDropDown: true, source: REST_DAY_KINDS.join(",") },
  };
}

/**
 * Creates 企业名单台账, 名单调整记录 and 强审设置; refuses when any of them exists (nothing is overwritten). Their
 * tables take names no other table of the workbook has (a renamed old register keeps its table's name).
 */
export async function createRegister(
  context: Excel.RequestContext,
  settings: WorkbookSettings,
): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name");
  loadStructureProtection(context);
  await context.sync();
  await refuseProtectedStructure(context);
  const clash = REGISTER_SHEETS.filter((n) => sheets.items.some((s) => s.name === n));
  if (clash.length > 0) throw new CommandError(`工作簿中已有工作表“${clash.join("”“")}”，未作改动。`);
  const profile = getProfile(settings.profileId);
  const taken = tables.items.map((t) => t.name);
  const specs = [registerSheetSpec(profile), logSheetSpec(profile)].map((spec) => {
    const tableName = uniqueTableName(spec.tableName, taken);
    taken.push(tableName);
    return { ...spec, tableName };
  });
  const rollback = new Rollback();
  suspendCalculation(context);
  try {
    for (const name of REGISTER_SHEETS) rollback.adding(name);
    for (const spec of specs) writeTableSheet(sheets, spec);
    writeSettingsSheet(sheets, settings);
    sheets.getItem(REGISTER_SHEET).activate();
    await context.sync();
  } catch (err) {
    throw await rollback.undo(context, err);
  }
}

export type PaneAnalysis = WorkbookAnalysis & { loaded: LoadedWorkbook };

/** The sheets the register's status depends on: the register, the log, the settings, 附表2 and the stamp. */
export const registerSheetFilter = (n: string) =>
  REGISTER_SHEETS.includes(n as never) ||
  n.startsWith(ARCHIVE_PREFIX) ||
  n.startsWith(PERFORMANCE_PREFIX) ||
  n === STAMP_SHEET;

export function readRegisterSheets(context: Excel.RequestContext) {
  return readSheets(context, registerSheetFilter);
}

async function analyse(context: Excel.RequestContext, asOf: DateSerial) {
  const { grids, protectedSheets } = await readRegisterSheets(context);
  const loaded = loadWorkbook(grids);
  return { grids, loaded, protectedSheets, ...workbookAnalysis(loaded, asOf) };
}

/** A submitted register is protected: writing into it would break its stamp, so say so before trying. */
export function refuseProtectedRegister(protectedSheets: readonly string[]): void {
  if (protectedSheets.includes(REGISTER_SHEET)) throw new CommandError(STAMPED_REGISTER_REFUSAL);
}

/** Where the status columns go and what they get; refuses a register missing, protected or without its headers. */
export function statusPlan(
  grids: WorkbookGrids,
  protectedSheets: readonly string[],
  statuses: WorkbookAnalysis["statuses"],
) {
  const grid = grids.sheet(REGISTER_SHEET);
  if (!grid) throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);
  refuseProtectedRegister(protectedSheets);
  const { headerRow } = readTable(grid, REGISTER_COLUMNS);
  if (headerRow < 0)
    throw new CommandError(`“${REGISTER_SHEET}”中找不到列标题（企业名称、统一社会信用代码、名单公布时间）。`);
  return planStatusColumns(grid, headerRow, statuses);
}

/** Writes 当前阶段, 下一期限, 逾期情况, 逾期天数 and paints overdue rows red: four syncs for any ordinary register. */
export async function refreshStatus(context: Excel.RequestContext, asOf: DateSerial): Promise<PaneAnalysis> {
  const { grids, loaded, statuses, bureau, issues, worklist, protectedSheets } = await analyse(context, asOf);
  const plan = statusPlan(grids, protectedSheets, statuses);
  const ws = context.workbook.worksheets.getItem(REGISTER_SHEET);
  const budget = new RequestBudget(context);
  suspendCalculation(context);
  await budget.add(CALL_BYTES * (1 + 3 * plan.missingHeaders.length));
  for (const h of plan.missingHeaders) {
    const cell = ws.getRangeByIndexes(plan.headerRow, h.col, 1, 1);
    writeValues(cell, [[h.label]]);
    cell.format.font.bold = true;
  }
  const cols = plan.columns;
  const contiguous = cols.every((c, k) => c === cols[0]! + k);
  // The computed cells as ranges: one of four columns side by side, or each column alone.
  const blocks = contiguous
    ? [{ col: cols[0]!, width: cols.length, pick: (r: readonly CellWrite[]) => [...r] }]
    : cols.map((col, k) => ({ col, width: 1, pick: (r: readonly CellWrite[]) => [r[k]!] }));
  const formatOf = new Map(registerSheetSpec(loaded.profile).columns.map((c) => [c.label, c.numberFormat]));
  const formats = COMPUTED_COLUMNS.map((label) => formatOf.get(label));
  // Dates as the workbook's own serials (a 1904 workbook's are smaller).
  const shift = await dateShift(context);
  const rows = plan.values.map((r) =>
    r.map((v): CellWrite =>
      v !== null && typeof v === "object" ? workbookSerial(v.date, shift) : (v ?? ""),
    ),
  );
  // Each row travels twice: its values and their number formats; each block makes four calls.
  const rowBytes = (row: readonly CellWrite[]) => 2 * payloadSize(row) + 2;
  await writeInChunks(
    budget,
    rows,
    (start, chunk) => {
      const top = plan.firstRow + start;
      blocks.forEach(({ col, width, pick }, b) => {
        const range = ws.getRangeByIndexes(top, col, chunk.length, width);
        writeValues(range, chunk.map(pick), contiguous ? formats : [formats[b]]);
        range.format.fill.color = COMPUTED_FILL;
        range.format.font.color = "#000000";
      });
    },
    rowBytes,
    4 * blocks.length,
  );
  // Overdue rows: the computed cells of each run of consecutive overdue rows, two calls a block, budgeted
  // like the values (every other row overdue makes thousands of runs).
  for (const [start, length] of runs(plan.overdue)) {
    await budget.add(2 * CALL_BYTES * blocks.length);
    for (const { col, width } of blocks) {
      const range = ws.getRangeByIndexes(plan.firstRow + start, col, length, width);
      range.format.fill.color = OVERDUE_FILL;
      range.format.font.color = OVERDUE_FONT;
    }
  }
  await context.sync();
  return { loaded, statuses, bureau, issues, worklist };
}

/** [start, length] of each run of true values. */
export function runs(flags: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i]) continue;
    const start = i;
    while (i + 1 < flags.length && flags[i + 1]) i++;
    out.push([start, i - start + 1]);
  }
  return out;
}

/** Validation without writing anything: three syncs. */
export async function validateWorkbook(
  context: Excel.RequestContext,
  asOf: DateSerial,
): Promise<PaneAnalysis> {
  const { loaded, statuses, bureau, issues, worklist } = await analyse(context, asOf);
  return { loaded, statuses, bureau, issues, worklist };
}

/** Selects an issue's cell (or its sheet when the issue concerns the sheet as a whole). */
export async function selectIssue(
  context: Excel.RequestContext,
  issue: Pick<Issue, "sheet" | "cell">,
): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(issue.sheet);
  await context.sync();
  if (ws.isNullObject) throw new CommandError(`找不到工作表“${issue.sheet}”。`);
  ws.activate();
  ws.getRange(issue.cell || "A1").select();
  await context.sync();
}
