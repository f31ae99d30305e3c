// What the pane's commands run on: the open workbook in Excel (Office.js), or, on the web page, a workbook
// file opened in the browser (ExcelJS). Each tab calls these and nothing else, so both run the same screens.

import type { DateSerial, Quarter } from "../core/dates";
import type { Issue } from "../core/issues";
import type { ScoringKind } from "../core/rubrics";
import type { WorkbookSettings } from "../core/settings";
import type { Consolidation } from "../xlsx/city";
import type { PaneVerification, Submission } from "../excel/centre";
import type { WriteBack } from "../excel/forms";
import type { PaneImportOptions } from "../excel/importList";
import type { EnterpriseSheetKind } from "../forms/enterpriseFormTitles";
import type { ImportReport } from "../forms/listImport";

import type { WorkbookAnalysis } from "../core/workbook";
import type { AcceptanceList } from "../core/acceptanceList";
import type { AnnualFigures } from "../core/annual";

/** A year's report written as a sheet: the sheet's name and what it shows. */
export type YearReport<T> = { sheet: string } & T;
import type { UrgingKind, UrgingOutcome } from "../docx/urgingFiles";
import type { RowStatus } from "../core/status";

/** What 刷新状态 shows: few fields of each row, so that the web page's worker sends little for 30,000 rows. */
export type RefreshResult = Omit<WorkbookAnalysis, "statuses"> & {
  statuses: Pick<RowStatus, "stage" | "overdue">[];
};

/** The program the pane runs in, as 自检 reports it. */
export interface HostInfo {
  /** The program, e.g. "Excel", "WPS 表格". */
  host: string;
  version: string;
  /** Where it runs, e.g. "PC", "Mac", "OfficeOnline", "Linux". */
  platform: string;
  /** The host's API levels and whether each is there (ExcelApi 1.1 … 1.17 in Office); none where it has none. */
  apiSets: { name: string; supported: boolean }[];
  /** The browser engine the pane runs in (its user agent), where known. */
  runtime?: string;
}

/**
 * What 自检 needs of the host besides the pane's commands: to tell what program this is, to list the workbook's
 * sheets (names only; no sheet is read), and to delete the sheets it added. Small on purpose, so that every
 * in-workbook backend can give it; a backend without it (the web page) offers no 自检. 自检 reports a failed
 * step by the `code`, `message` and `debugInfo.errorLocation` of the error a command threw, or of its `cause`
 * (the host's own error, where the command turned it into the pane's words): keep the host's error there.
 */
export interface SelfTestHost {
  info(): Promise<HostInfo>;
  /** The names of all the workbook's sheets, hidden ones included, in the workbook's order. */
  sheetNames(): Promise<string[]>;
  /**
   * Deletes these sheets, each even when another cannot be; then throws the host's error (as it was thrown,
   * or as the `cause` of the error thrown) if one of them could not be deleted.
   */
  deleteSheets(names: readonly string[]): Promise<void>;
}

export interface WorkbookBackend {
  /** 设置 → 自检 on this host; absent where the pane is not in a user's own spreadsheet program. */
  selfTest?: SelfTestHost;
  loadSettings(): Promise<WorkbookSettings | undefined>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  createRegister(settings: WorkbookSettings): Promise<void>;
  /** The status of each row as far as the pane shows it (its stage and overdue deadlines). */
  refreshStatus(asOf: DateSerial): Promise<RefreshResult>;
  validate(asOf: DateSerial): Promise<Pick<WorkbookAnalysis, "issues" | "worklist">>;
  /** Shows the issue's cell: selects it in Excel, or scrolls the page's preview to it. */
  selectIssue(issue: Issue): Promise<void>;
  generateQuarterly(quarter: Quarter, preparedOn: DateSerial): Promise<string[]>;
  prepareSubmission(
    quarter: Quarter,
    preparer: string,
    today: DateSerial,
    stampedAt: string,
  ): Promise<Submission>;
  verifySubmission(): Promise<PaneVerification>;
  writeCityReport(consolidation: Consolidation, quarter: Quarter): Promise<string[]>;
  /** 年度统计 of `year` as of `asOf`, added as a new sheet: its name and the figures. */
  annualReport(
    year: number,
    asOf: DateSerial,
    preparedOn: DateSerial,
  ): Promise<YearReport<{ figures: AnnualFigures }>>;
  /** 验收结果名单 of the period, added as a new sheet: its name and the list. */
  acceptanceList(
    from: DateSerial,
    to: DateSerial,
    preparedOn: DateSerial,
  ): Promise<YearReport<{ list: AcceptanceList }>>;
  listEnterprises(): Promise<string[]>;
  insertScoreSheets(kind: ScoringKind, enterprise: string, experts: number): Promise<string[]>;
  writeBackScores(): Promise<WriteBack>;
  /** Writes the default 评分细则 where the workbook has none, else checks the district's own. */
  writeOrCheckRubric(): Promise<{ written: boolean; issues: Issue[] }>;
  /** Adds one of the profile's per-enterprise sheets (附件1, 附件4, 附件5, 附件9, 附表1, 附表2, 附件6); its name. */
  insertEnterpriseForm(kind: EnterpriseSheetKind, enterprise: string): Promise<string>;
  /**
   * 导入名单: matches a published list (an .xlsx read on this computer) to the register; with `apply`, unless
   * an error stops it, appends its new rows. The report either way.
   */
  importList(listName: string, listBytes: Uint8Array, options: PaneImportOptions): Promise<ImportReport>;
  /** 督办清单 as the printable sheet `督办清单 YYYY-MM-DD`: its name, or null (nothing written) when none is due. */
  writeWorklist(asOf: DateSerial): Promise<string | null>;
  /** 书面通知 / 督办通知 (.docx, to one enterprise or to all concerned) or the deadlines' calendar (.ics). */
  urgingFile(kind: UrgingKind, asOf: DateSerial, enterprise?: string): Promise<UrgingOutcome>;
}
