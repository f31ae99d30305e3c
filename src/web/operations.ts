// The web page's writing commands: the same workbook commands as the CLI (src/xlsx/workbookCommands), on the
// bytes of the file open in the page. Each returns the new bytes, or the very bytes it was given when it
// changed nothing. Loaded as its own chunk with ExcelJS, on the first command that writes.

import type { Quarter, DateSerial } from "../core/dates";
import type { PaneImportOptions } from "../excel/importList";
import type { EnterpriseFormKind } from "../core/profiles";
import type { ScoringKind } from "../core/rubrics";
import type { WorkbookSettings } from "../core/settings";
import { RUBRIC_SHEET } from "../core/rubricSheet";
import { workbookBureau, workbookIssues, workbookStatus } from "../core/workbook";
import {
  cityAdjustmentLayout,
  cityImplementationLayout,
  dashboardLayout,
  districtCountsLayout,
  verificationLayout,
} from "../forms/centreForms";
import type { Consolidation } from "../xlsx/city";
import { importListRows } from "../xlsx/importRows";
import { parseXlsx, workbookGrids } from "../xlsx/parse";
import { loadExcelJs } from "../xlsx/excelJs";
import { newRegisterWorkbook } from "../xlsx/registerWorkbook";
import {
  addDefaultRubric,
  addEnterpriseForm,
  addQuarterForms,
  addScoreSheets,
  checkedRubrics,
  openWorkbookBytes,
  patchedBytes,
  patchSettings,
  patchStatus,
  placeLayout,
  recordWriteBack,
  scoreWorkbook,
  stampSubmission,
  type OpenedWorkbook,
} from "../xlsx/workbookCommands";
import { writeLayout } from "../xlsx/writeLayout";

/** The name files get in messages: the page works on one file, named by the user's own file name. */
const open = (bytes: Uint8Array, file: string) => openWorkbookBytes({ file, bytes });

const written = (opened: OpenedWorkbook) => patchedBytes(opened, opened.file);

export async function saveSettings(bytes: Uint8Array, file: string, settings: WorkbookSettings) {
  const opened = await open(bytes, file);
  patchSettings(opened, settings);
  return { bytes: await written(opened) };
}

/** A new register workbook (台账, 名单调整记录, 强审设置) with the settings of the form. */
export async function newRegister(settings: WorkbookSettings) {
  await loadExcelJs();
  const wb = newRegisterWorkbook(settings.profileId, settings.district);
  const fresh = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const opened = await open(fresh, "强审台账.xlsx");
  patchSettings(opened, settings);
  return { bytes: await written(opened) };
}

export async function refreshStatus(bytes: Uint8Array, file: string, asOf: DateSerial) {
  const opened = await open(bytes, file);
  patchStatus(opened, asOf);
  const statuses = workbookStatus(opened.loaded, asOf);
  return {
    bytes: await written(opened),
    statuses,
    bureau: workbookBureau(opened.loaded, asOf, statuses),
    issues: workbookIssues(opened.loaded, asOf),
  };
}

export async function quarterly(bytes: Uint8Array, file: string, quarter: Quarter, preparedOn: DateSerial) {
  const opened = await open(bytes, file);
  const { settings } = opened.loaded;
  const party = { district: settings.district, preparer: settings.preparer, preparedOn };
  const { sheets } = addQuarterForms(opened, quarter, party, false);
  return { bytes: await written(opened), sheets };
}

export async function submit(
  bytes: Uint8Array,
  file: string,
  options: { quarter: Quarter; preparer: string; today: DateSerial; stampedAt: string },
) {
  const r = await stampSubmission(await open(bytes, file), options);
  return r.stamped
    ? { bytes: await written(r.stamped), stamp: r.stamp, issues: r.issues }
    : { bytes, stamp: undefined, issues: r.issues };
}

/** The centre's city-wide sheets: into the open workbook, or into a new one when none is open. */
export async function cityReport(
  bytes: Uint8Array | undefined,
  file: string,
  { city, profile }: Consolidation,
  quarter: Quarter,
) {
  const layouts = [
    dashboardLayout(city),
    verificationLayout(city),
    districtCountsLayout(city),
    cityImplementationLayout(city, quarter, profile),
    cityAdjustmentLayout(city, quarter, profile),
  ];
  if (bytes) {
    const opened = await open(bytes, file);
    const sheets = layouts.map((l) => placeLayout(opened, l, false, () => false));
    return { bytes: await written(opened), sheets };
  }
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = "强审助手";
  const sheets = layouts.map((l) => writeLayout(wb, l).name);
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), sheets };
}

export async function scoresheets(
  bytes: Uint8Array,
  file: string,
  kind: ScoringKind,
  enterprise: string,
  experts: number,
) {
  const opened = await open(bytes, file);
  const { sheets } = addScoreSheets(opened, { kind, enterprise, experts });
  return { bytes: await written(opened), sheets };
}

export async function writeBack(bytes: Uint8Array, file: string) {
  const opened = await open(bytes, file);
  const score = scoreWorkbook(opened);
  const back = recordWriteBack(opened, score);
  return {
    bytes: back.written > 0 ? await written(opened) : bytes,
    panels: score.panels,
    written: back.written,
    issues: [...score.issues, ...back.issues],
  };
}

/** Writes the default 评分细则 where the workbook has none, else checks the district's own. */
export async function writeOrCheckRubric(bytes: Uint8Array, file: string) {
  const opened = await open(bytes, file);
  if (opened.grids.sheet(RUBRIC_SHEET))
    return { bytes, written: false, issues: checkedRubrics(opened.grids).issues };
  addDefaultRubric(opened);
  return { bytes: await written(opened), written: true, issues: [] };
}

export async function enterpriseForm(
  bytes: Uint8Array,
  file: string,
  kind: EnterpriseFormKind,
  enterprise: string,
) {
  const opened = await open(bytes, file);
  const { sheet } = addEnterpriseForm(opened, kind, enterprise);
  return { bytes: await written(opened), sheets: [sheet] };
}

/** A published list picked on the computer: the report, and on `apply` its rows appended to the register. */
export async function importList(
  bytes: Uint8Array,
  file: string,
  list: { name: string; bytes: Uint8Array },
  options: PaneImportOptions & { asOf: DateSerial },
) {
  const opened = await open(bytes, file);
  const grids = workbookGrids(await parseXlsx(list.bytes, list.name));
  const report = importListRows(opened, grids, options);
  return { bytes: report.written && options.apply ? await written(opened) : bytes, report };
}
