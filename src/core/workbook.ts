// One pass over a workbook's sheets: settings → profile, register and log → typed rows, issues, statuses.

import { LOG_SHEET, readAdjustmentLog, type LogEntry } from "./adjustments";
import { partsFromSerial, type DateSerial } from "./dates";
import type { Grid } from "./grid";
import { issue, type Issue } from "./issues";
import type { Profile, ProfileId } from "./profiles";
import { readRegister, REGISTER_SHEET, type RegisterRow } from "./register";
import {
  defaultSettings,
  effectiveProfile,
  readSettings,
  SETTINGS_SHEET,
  type WorkbookSettings,
} from "./settings";
import { ARCHIVE_PREFIX, archiveRecord, readArchiveForm } from "./archive";
import { bureauStatus, submissionOf, type BureauStatus, type Submission } from "./bureau";
import { PERFORMANCE_PREFIX, readPerformanceForm } from "./performance";
import { unknownYearWarnings } from "./restDays";
import { readStamp, STAMP_SHEET } from "./stamp";
import { enterpriseKey, registerStatus, type ArchiveRecord, type RowStatus } from "./status";
import { normalizeLabel } from "./table";
import { validateRegister } from "./validate";
import { worklist, type Worklist } from "./worklist";

export interface WorkbookGrids {
  /** Looks a sheet up by name; undefined when the workbook has none. */
  sheet(name: string): Grid | undefined;
  /** The names of the workbook's sheets (to find the 附表2 checklists); none when not given. */
  names?(): string[];
}

export interface LoadedWorkbook {
  settings: WorkbookSettings;
  profile: Profile;
  rows: RegisterRow[];
  log: LogEntry[];
  /** 附表2 checklists by enterprise (enterpriseKey), where the workbook has them. */
  archives: Map<string, ArchiveRecord>;
  /** The quarter and day of the workbook's 报送信息 stamp, where it holds one. */
  submission?: Submission | null;
  /** Problems found while reading cells (formats, headers, settings). */
  readIssues: Issue[];
}

export interface LoadOptions {
  /** A profile named on the command line wins over the settings sheet. */
  profileId?: ProfileId;
}

export function loadWorkbook(grids: WorkbookGrids, options: LoadOptions = {}): LoadedWorkbook {
  const readIssues: Issue[] = [];
  const settingsGrid = grids.sheet(SETTINGS_SHEET);
  let settings: WorkbookSettings;
  if (settingsGrid) {
    const read = readSettings(settingsGrid, options.profileId ?? "shanghai");
    settings = options.profileId ? { ...read.settings, profileId: options.profileId } : read.settings;
    for (const i of read.issues) readIssues.push(i);
  } else {
    settings = defaultSettings(options.profileId ?? "shanghai");
    if (!options.profileId) {
      readIssues.push(
        issue(
          SETTINGS_SHEET,
          "",
          "warning",
          "settings.missing",
          `未找到“${SETTINGS_SHEET}”工作表，按上海市配置计算（可用 --profile 指定）`,
        ),
      );
    }
  }
  const profile = effectiveProfile(settings);

  const registerGrid = grids.sheet(REGISTER_SHEET);
  let rows: RegisterRow[] = [];
  if (registerGrid) {
    const read = readRegister(registerGrid, profile);
    rows = read.rows;
    for (const i of read.issues) readIssues.push(i);
  } else {
    readIssues.push(
      issue(
        REGISTER_SHEET,
        "",
        "error",
        "sheet.missing",
        `工作簿中没有“${REGISTER_SHEET}”工作表${sheetNameHint(grids.names?.() ?? [], REGISTER_SHEET)}`,
      ),
    );
  }

  const logGrid = grids.sheet(LOG_SHEET);
  let log: LogEntry[] = [];
  if (logGrid) {
    const read = readAdjustmentLog(logGrid, profile);
    log = read.entries;
    for (const i of read.issues) readIssues.push(i);
  }
  const archives = new Map<string, ArchiveRecord>();
  if (profile.deadlines.archiveMonths !== null) {
    for (const name of grids.names?.() ?? []) {
      if (!name.startsWith(ARCHIVE_PREFIX)) continue;
      const form = readArchiveForm(grids.sheet(name)!);
      if (!form) continue;
      for (const i of form.issues) readIssues.push(i);
      archives.set(
        enterpriseKey({ creditCode: form.creditCode, name: form.enterprise }),
        archiveRecord(form.dates),
      );
    }
  }
  // 附件6: a figure typed as text is left out of the form's sums; say so, naming the cell.
  for (const name of grids.names?.() ?? []) {
    if (!name.startsWith(PERFORMANCE_PREFIX)) continue;
    for (const i of readPerformanceForm(grids.sheet(name)!)?.issues ?? []) readIssues.push(i);
  }
  const stampGrid = grids.sheet(STAMP_SHEET);
  const submission = submissionOf(stampGrid ? readStamp(stampGrid) : undefined);
  return { settings, profile, rows, log, archives, submission, readIssues };
}

/**
 * Problems of the workbook as of a date: what reading found, the register's checks, and once per year a
 * deadline could not be moved past rest days because no calendar knows that year.
 */
export function workbookIssues(
  wb: LoadedWorkbook,
  asOf: DateSerial,
  statuses?: readonly RowStatus[],
): Issue[] {
  const issues = [...wb.readIssues, ...validateRegister(wb.rows, wb.log, wb.profile, asOf)];
  if (wb.profile.extendOnRestDay) {
    const rows = statuses ?? workbookStatus(wb, asOf);
    for (const i of calendarWarnings(workbookBureau(wb, asOf, rows), rows)) issues.push(i);
  }
  return issues;
}

/** One warning per year whose rest days no calendar knows, where a deadline of that year was left unmoved. */
export function calendarWarnings(bureau: BureauStatus, statuses: readonly RowStatus[]): Issue[] {
  const years = statuses.flatMap((s) => s.unknownCalendarYears);
  for (const b of bureau.deadlines) if (b.calendarUnknown) years.push(partsFromSerial(b.due).year);
  return unknownYearWarnings(SETTINGS_SHEET, years);
}

export function workbookStatus(wb: LoadedWorkbook, asOf: DateSerial): RowStatus[] {
  return registerStatus(wb.rows, wb.log, { profile: wb.profile, asOf }, wb.archives);
}

/** The district's own deadlines and roll-over candidates; `statuses` are the workbook's, as of the same day. */
export function workbookBureau(
  wb: LoadedWorkbook,
  asOf: DateSerial,
  statuses: readonly RowStatus[] = workbookStatus(wb, asOf),
): BureauStatus {
  return bureauStatus(wb.profile, asOf, wb.rows, statuses, wb.submission ?? null);
}

/** What the pane shows after refreshing or validating: every row's status, the bureau's deadlines, the issues. */
export interface WorkbookAnalysis {
  statuses: RowStatus[];
  /** The district's own deadlines (read from 报送信息) and Guangxi's roll-over candidates. */
  bureau: BureauStatus;
  issues: Issue[];
  /** 督办清单 as of the same day, 强审设置's 督办提前天数 ahead. */
  worklist: Worklist;
}

export function workbookAnalysis(wb: LoadedWorkbook, asOf: DateSerial): WorkbookAnalysis {
  const statuses = workbookStatus(wb, asOf);
  return {
    statuses,
    bureau: workbookBureau(wb, asOf, statuses),
    issues: workbookIssues(wb, asOf, statuses),
    worklist: workbookWorklist(wb, asOf, undefined, statuses),
  };
}

/** 督办清单 as of the date; `within` days ahead, else 强审设置's 督办提前天数. */
export function workbookWorklist(
  wb: LoadedWorkbook,
  asOf: DateSerial,
  within: number = wb.settings.worklistDays,
  statuses: readonly RowStatus[] = workbookStatus(wb, asOf),
): Worklist {
  return worklist(wb.rows, statuses, wb.profile, asOf, within);
}
/**
 * A sheet whose name differs from `wanted` only by spaces or full-width letters (a tab typed
 * “企业名单台账 ”): “（是否即…？）” to say after the sheet is missing, else "".
 */
export function sheetNameHint(names: readonly string[], wanted: string): string {
  const near = names.find((n) => n !== wanted && normalizeLabel(n) === normalizeLabel(wanted));
  return near === undefined
    ? ""
    : `（工作表“${near}”是否即“${wanted}”？其名称多了空格或全角字符，如是，请把它改名为“${wanted}”）`;
}
