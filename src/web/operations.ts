// The web page's writing commands: the same workbook commands as the CLI (src/xlsx/workbookCommands), on the
// bytes of the file open in the page. Each returns the new bytes, or the very bytes it was given when it
// changed nothing. Loaded as its own chunk with ExcelJS, on the first command that writes.

import type { Quarter, DateSerial } from "../core/dates";
import type { Issue } from "../core/issues";
import type { PaneImportOptions } from "../excel/importList";
import type { ScoringKind } from "../core/rubrics";
import type { WorkbookSettings } from "../core/settings";
import { RUBRIC_SHEET, workbookRubrics } from "../core/rubricSheet";
import { workbookAnalysis, workbookWorklist } from "../core/workbook";
import { worklistLayout } from "../forms/worklistSheet";
import { cityLayouts } from "../forms/centreForms";
import type { EnterpriseSheetKind } from "../forms/enterpriseFormTitles";
import type { Consolidation } from "../xlsx/city";
import { importListRows } from "../xlsx/importRows";
import { readWorkbook, type ReadWorkbook } from "../xlsx/parse";
import { loadExcelJs } from "../xlsx/excelJs";
import { newRegisterWorkbook } from "../xlsx/registerWorkbook";
import {
  addDefaultRubric,
  addEnterpriseSheet,
  addQuarterForms,
  addScoreSheets,
  openWorkbookBytes,
  patchedBytes,
  patchSettings,
  patchStatus,
  placeLayout,
  recordWriteBack,
  refuseProtectedRegister,
  scoreWorkbook,
  stampSubmission,
  type OpenedWorkbook,
} from "../xlsx/workbookCommands";
import { layoutWorkbookBytes } from "../xlsx/layoutWorkbook";
import { addAcceptanceList, addAnnualReport } from "../xlsx/yearReports";
import { LOG_SHEET } from "../core/adjustments";
import { REGISTER_SHEET } from "../core/register";
import { SETTINGS_SHEET } from "../core/settings";
import { appendSheets } from "../xlsx/package/graft";
import { CommandRefusal } from "../xlsx/workbookCommands";

/** The workbook open on the page: its file name (for messages), its bytes, and the page's reading of them. */
export interface PageFile {
  file: string;
  bytes: Uint8Array;
  read?: ReadWorkbook;
}

const open = ({ file, bytes, read }: PageFile) => openWorkbookBytes({ file, bytes }, { parsed: read });

const written = (opened: OpenedWorkbook) => patchedBytes(opened, opened.file);

export async function saveSettings(input: PageFile, settings: WorkbookSettings) {
  const opened = await open(input);
  patchSettings(opened, settings);
  return { bytes: await written(opened) };
}

/** A new register workbook (台账, 名单调整记录, 强审设置) with the settings of the form. */
export async function newRegister(settings: WorkbookSettings, date1904 = false) {
  await loadExcelJs();
  const wb = newRegisterWorkbook(settings.profileId, settings.district);
  // Dates (the drop-downs' bounds) as serials of the workbook the sheets go into.
  wb.properties.date1904 = date1904;
  const fresh = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const opened = await open({ file: "强审台账.xlsx", bytes: fresh });
  patchSettings(opened, settings);
  return { bytes: await written(opened) };
}

/**
 * The register's sheets (企业名单台账, 名单调整记录, 强审设置) added to an open workbook that has none of them,
 * exactly as a new register has them (tables, drop-downs, conditional formats, styles): its own sheets are
 * kept as they are. A workbook that has any of them is left unchanged.
 */
export async function addRegister(input: PageFile, settings: WorkbookSettings) {
  const opened = await open(input);
  const names = [REGISTER_SHEET, LOG_SHEET, SETTINGS_SHEET];
  const taken = names.filter((n) => opened.grids.sheet(n));
  if (taken.length > 0) throw new CommandRefusal(`工作簿中已有工作表“${taken.join("”“")}”，未作改动。`);
  const { bytes } = await newRegister(settings, opened.patch.date1904);
  return { bytes: appendSheets(input.bytes, bytes) };
}

export async function refreshStatus(input: PageFile, asOf: DateSerial) {
  const opened = await open(input);
  refuseProtectedRegister(opened);
  patchStatus(opened, asOf);
  return { bytes: await written(opened), ...workbookAnalysis(opened.loaded, asOf) };
}

export async function quarterly(input: PageFile, quarter: Quarter, preparedOn: DateSerial) {
  const opened = await open(input);
  const { settings } = opened.loaded;
  const party = { district: settings.district, preparer: settings.preparer, preparedOn };
  const { sheets } = addQuarterForms(opened, quarter, party, false);
  return { bytes: await written(opened), sheets };
}

export async function submit(
  input: PageFile,
  options: { quarter: Quarter; preparer: string; today: DateSerial; stampedAt: string },
) {
  const r = await stampSubmission(await open(input), options);
  return r.stamped
    ? { bytes: await written(r.stamped), stamp: r.stamp, regenerated: r.regenerated, issues: r.issues }
    : { bytes: input.bytes, stamp: undefined, issues: r.issues };
}

/** The centre's city-wide sheets: into the open workbook, or into a new one when none is open. */
export async function cityReport(
  input: PageFile | undefined,
  { city, profile }: Consolidation,
  quarter: Quarter,
) {
  const layouts = cityLayouts(city, quarter, profile);
  if (input) {
    const opened = await open(input);
    const sheets = layouts.map((l) => placeLayout(opened, l, false, () => false));
    return { bytes: await written(opened), sheets };
  }
  return layoutWorkbookBytes(layouts);
}

/** 年度统计 of the year, added to the open workbook. */
export async function annualReport(input: PageFile, year: number, asOf: DateSerial, preparedOn: DateSerial) {
  const opened = await open(input);
  const { sheet, figures } = addAnnualReport(opened, year, asOf, pageParty(opened, preparedOn));
  return { bytes: await written(opened), sheet, figures };
}

/** 验收结果名单 of the period, added to the open workbook. */
export async function acceptanceList(
  input: PageFile,
  from: DateSerial,
  to: DateSerial,
  preparedOn: DateSerial,
) {
  const opened = await open(input);
  const { sheet, list } = addAcceptanceList(opened, from, to, pageParty(opened, preparedOn));
  return { bytes: await written(opened), sheet, list };
}

const pageParty = ({ loaded: { settings } }: OpenedWorkbook, preparedOn: DateSerial) => ({
  district: settings.district,
  preparer: settings.preparer,
  preparedOn,
});

export async function scoresheets(input: PageFile, kind: ScoringKind, enterprise: string, experts: number) {
  const opened = await open(input);
  const { sheets } = addScoreSheets(opened, { kind, enterprise, experts });
  return { bytes: await written(opened), sheets };
}

export async function writeBack(input: PageFile) {
  const opened = await open(input);
  refuseProtectedRegister(opened);
  const score = scoreWorkbook(opened);
  // The page cannot type into a cell: a result whose date is missing waits until the date is typed.
  const back = recordWriteBack(opened, score, { waitForDate: true });
  return {
    bytes: back.written > 0 ? await written(opened) : input.bytes,
    panels: score.panels,
    written: back.written,
    issues: [...score.issues, ...back.issues.map(waitingForDate)],
  };
}

/** The write-back's "fill in the date" as the page says it: not written, to be typed in WPS or Excel first. */
function waitingForDate(i: Issue): Issue {
  const m = /^已回填“(.+)”的专家组结果，请在 (\S+) 填写(.+)$/.exec(i.message);
  if (i.code !== "score.noDate" || !m) return i;
  const [, name, cell, label] = m;
  return {
    ...i,
    message: `“${name}”的专家组结果未回填：台账的${label}（${cell}）为空，本页不能编辑单元格。请在 WPS 或 Excel 中打开下载的文件，填写 ${cell} 后保存，再在本页重新打开并点“回填评分结果”。`,
  };
}

/** Writes the default 评分细则 where the workbook has none, else checks the district's own. */
export async function writeOrCheckRubric(input: PageFile) {
  const opened = await open(input);
  if (opened.grids.sheet(RUBRIC_SHEET))
    return {
      bytes: input.bytes,
      written: false,
      issues: workbookRubrics((n) => opened.grids.sheet(n)).issues,
    };
  addDefaultRubric(opened);
  return { bytes: await written(opened), written: true, issues: [] };
}

/** A per-enterprise sheet (a seed form, 附表2 or 附件6), as the CLI adds it. */
export async function enterpriseForm(input: PageFile, kind: EnterpriseSheetKind, enterprise: string) {
  const opened = await open(input);
  const sheet = addEnterpriseSheet(opened, kind, enterprise);
  return { bytes: await written(opened), sheets: [sheet] };
}

/** A published list picked on the computer: the report, and on `apply` its rows appended to the register. */
export async function importList(
  input: PageFile,
  list: { name: string; bytes: Uint8Array },
  options: PaneImportOptions & { asOf: DateSerial },
) {
  const opened = await open(input);
  const grids = await readWorkbook(list.bytes, list.name);
  const report = importListRows(opened, grids, options);
  // A stamped register is refused at the preview already, so no confirmation is offered that would fail.
  if (report.added.length > 0) refuseProtectedRegister(opened);
  return { bytes: report.written && options.apply ? await written(opened) : input.bytes, report };
}

/** 督办清单 as a printable sheet; no bytes when nothing is due. */
export async function worklistSheet(input: PageFile, asOf: DateSerial) {
  const opened = await open(input);
  const list = workbookWorklist(opened.loaded, asOf);
  if (list.items.length === 0) return { bytes: input.bytes, sheet: null };
  const sheet = placeLayout(
    opened,
    worklistLayout(list, opened.loaded.settings.district),
    false,
    () => false,
  );
  return { bytes: await written(opened), sheet };
}
