// The pane's sheet commands in WPS: the quarter's forms, scoring sheets and write-back, 评分细则, the
// per-enterprise forms, the year's reports, 督办清单, the centre's consolidation, 导入名单, and stamping and
// verifying a submission. Each reads what it needs whole, lays out with src/forms as the Excel add-in does,
// and writes through the WPS layout writer; what a failed command added is removed again.

import { stampIsLate } from "../core/consolidate";
import type { DateSerial, Quarter } from "../core/dates";
import type { Issue } from "../core/issues";
import { enterprisesOf, REGISTER_SHEET } from "../core/register";
import { RUBRIC_SHEET, workbookRubrics } from "../core/rubricSheet";
import { DEFAULT_RUBRICS, type ScoringKind } from "../core/rubrics";
import { readStamp, STAMP_SHEET, verifyStamp, type Stamp } from "../core/stamp";
import { loadWorkbook, workbookWorklist, type LoadedWorkbook } from "../core/workbook";
import {
  planSubmission,
  stampOf,
  submissionSources,
  submittedSheets,
  type PaneVerification,
  type Submission,
} from "../excel/centre";
import { enterpriseLayout } from "../excel/enterpriseForms";
import { CommandError } from "../excel/errors";
import {
  checkExperts,
  isScoringSheet,
  named,
  planScores,
  quarterlyLayouts,
  SCORING_SOURCES,
  scoreSheetLayouts,
  writeBackFormulas,
  type WriteBack,
} from "../excel/forms";
import { cellWrites, type PaneImportOptions } from "../excel/importList";
import { REGISTER_SHEETS, refuseProtectedRegister } from "../excel/register";
import { acceptanceListOf, annualReportOf, yearReport, yearReportSources } from "../excel/yearReports";
import { cityLayouts } from "../forms/centreForms";
import type { EnterpriseSheetKind } from "../forms/enterpriseFormTitles";
import { DATE_FORMAT, uniqueSheetName, type SheetLayout } from "../forms/layout";
import { prepareImport, readListSheet, type ImportReport } from "../forms/listImport";
import { regeneratedForms } from "../forms/submissionForms";
import { stampLayout } from "../forms/stampSheet";
import { worklistLayout } from "../forms/worklistSheet";
import { rubricSheetLayout } from "../forms/rubricSheet";
import type { Consolidation } from "../xlsx/city";
import type { YearReport } from "../taskpane/backend";
import type { AcceptanceList } from "../core/acceptanceList";
import type { AnnualFigures } from "../core/annual";
import type { WorkbookGrids } from "../core/workbook";
import type { Book } from "./book";
import { address } from "./cells";
import { readRegisterSheets } from "./register";
import { WpsRollback } from "./rollback";
import { writeLayout, writeSheets } from "./writeLayout";

const noRegister = () => new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);

export function generateQuarterly(book: Book, quarter: Quarter, preparedOn: DateSerial): string[] {
  const { grids, existing } = book.readSheets(REGISTER_SHEETS);
  return writeSheets(book, quarterlyLayouts(grids, existing, quarter, preparedOn));
}

export function listEnterprises(book: Book): string[] {
  return enterprisesOf(loadWorkbook(book.readSheets(REGISTER_SHEETS).grids).rows);
}

export function insertScoreSheets(
  book: Book,
  kind: ScoringKind,
  enterprise: string,
  experts: number,
): string[] {
  checkExperts(experts);
  const { grids, existing } = book.readSheets(SCORING_SOURCES);
  return writeSheets(book, scoreSheetLayouts(grids, existing, kind, enterprise, experts));
}

/** Each complete panel's score and verdict written into empty register cells. */
export function writeBackScores(book: Book): WriteBack {
  const { grids, read, protectedSheets } = book.readSheets(isScoringSheet, { formulas: writeBackFormulas });
  const { panels, writes, issues } = planScores(grids, read, protectedSheets);
  const ws = book.sheet(REGISTER_SHEET);
  for (const w of writes) book.write(ws, w.row - 1, w.col, [[w.value]]);
  return { panels, written: writes.length, issues };
}

/** Writes the default 评分细则 where the workbook has none, else checks the district's own. */
export function writeOrCheckRubric(book: Book): { written: boolean; issues: Issue[] } {
  const { grids } = book.readSheets([RUBRIC_SHEET]);
  if (grids.sheet(RUBRIC_SHEET))
    return { written: false, issues: workbookRubrics((n) => grids.sheet(n)).issues };
  writeSheets(book, [rubricSheetLayout(DEFAULT_RUBRICS)]);
  return { written: true, issues: [] };
}

export function insertEnterpriseForm(book: Book, kind: EnterpriseSheetKind, enterprise: string): string {
  const { grids, existing } = book.readSheets(REGISTER_SHEETS);
  return writeSheets(book, [enterpriseLayout(grids, existing, kind, enterprise)])[0]!;
}

function writeYearReport<T>(
  book: Book,
  make: (wb: LoadedWorkbook) => { layout: SheetLayout; result: T },
): { sheet: string } & T {
  const { grids, existing } = book.readSheets(yearReportSources);
  const { layout, result } = yearReport(grids, existing, make);
  return { sheet: writeSheets(book, [layout])[0]!, ...result };
}

export const annualReport = (
  book: Book,
  year: number,
  asOf: DateSerial,
  preparedOn: DateSerial,
): YearReport<{ figures: AnnualFigures }> => writeYearReport(book, annualReportOf(year, asOf, preparedOn));

export const acceptanceList = (
  book: Book,
  from: DateSerial,
  to: DateSerial,
  preparedOn: DateSerial,
): YearReport<{ list: AcceptanceList }> => writeYearReport(book, acceptanceListOf(from, to, preparedOn));

/** The open workbook's register, log, settings and checklists as the core reads them. */
export function loadRegisterWorkbook(book: Book): LoadedWorkbook {
  const { grids } = readRegisterSheets(book);
  if (!grids.sheet(REGISTER_SHEET)) throw noRegister();
  return loadWorkbook(grids);
}

/** Adds `督办清单 YYYY-MM-DD`; null, and nothing written, when nothing is due. */
export function writeWorklist(book: Book, asOf: DateSerial): string | null {
  const wb = loadRegisterWorkbook(book);
  const list = workbookWorklist(wb, asOf);
  if (list.items.length === 0) return null;
  return writeSheets(book, named([worklistLayout(list, wb.settings.district)], book.names()))[0]!;
}

/** The consolidation as new sheets, 统计看板 with its two charts first. */
export function writeCityReport(book: Book, { city, profile }: Consolidation, quarter: Quarter): string[] {
  return writeSheets(book, named(cityLayouts(city, quarter, profile), book.names()));
}

/**
 * 导入名单: the report, and with `apply`, unless an error stops it, the new rows written below the register's
 * last row, its table grown over them. On failure the cells are blank again and the table as it was.
 */
export function importList(
  book: Book,
  list: WorkbookGrids,
  options: PaneImportOptions & { asOf: DateSerial },
): ImportReport {
  const { grids, protectedSheets } = book.readSheets(REGISTER_SHEETS);
  const grid = grids.sheet(REGISTER_SHEET);
  if (!grid) throw noRegister();
  const { report, append } = prepareImport(loadWorkbook(grids), grid, readListSheet(list), options);
  if (!append) return report;
  refuseProtectedRegister(protectedSheets);
  const ws = book.sheet(REGISTER_SHEET);
  const { rows, formats } = cellWrites(append);
  const rollback = new WpsRollback();
  // The number formats the cells had, column by column, to put back should the import fail.
  const before = Array.from({ length: append.width }, (_, c) => {
    const f = book.range(ws, append.firstRow, c, rows.length, 1).NumberFormat;
    return typeof f === "string" ? f : "General";
  });
  const lastRow = append.firstRow + rows.length - 1;
  rollback.filling({
    sheet: REGISTER_SHEET,
    row: append.firstRow,
    col: 0,
    rows: rows.length,
    formats: before,
    where: `“${REGISTER_SHEET}”第 ${append.firstRow + 1}—${lastRow + 1} 行`,
  });
  try {
    const table = registerTable(book, append.headerRow);
    if (table && table.bottom < lastRow) {
      rollback.resizing(table.table, REGISTER_SHEET, table.address);
      table.table.Resize(
        book.at(ws, address(append.headerRow, table.left, lastRow - append.headerRow + 1, table.cols)),
      );
    }
    book.write(
      ws,
      append.firstRow,
      0,
      rows,
      formats,
      formats.map((f) => f === DATE_FORMAT),
    );
  } catch (err) {
    throw rollback.undo(book, err);
  }
  return report;
}

/** The register's table: the one whose header row is the register's header row (zero-based). */
function registerTable(book: Book, headerRow: number) {
  const tables = book.sheet(REGISTER_SHEET).ListObjects;
  for (let i = 1; i <= tables.Count; i++) {
    const table = tables.Item(i);
    const r = table.Range;
    if (r.Row - 1 !== headerRow) continue;
    const rows = r.Rows.Count;
    const cols = r.Columns.Count;
    return {
      table,
      left: r.Column - 1,
      cols,
      bottom: r.Row - 1 + rows - 1,
      address: address(r.Row - 1, r.Column - 1, rows, cols),
    };
  }
  return undefined;
}

/**
 * Stamps the workbook for the quarter, or refuses (no stamp, the issues returned) while any error remains:
 * the quarter's forms added where missing and laid out again where they no longer agree with the register
 * (the old one kept under another name), the submitted sheets read back and digested, the new 报送信息
 * written beside the old one and the submitted sheets protected; then the old 报送信息 deleted. If anything
 * fails before the stamp is in place, the workbook is put back as it was.
 */
export async function prepareSubmission(
  book: Book,
  quarter: Quarter,
  preparer: string,
  today: DateSerial,
  stampedAt: string,
): Promise<Submission> {
  if (preparer.trim() === "") throw new CommandError("请在“设置”中填写填报人。");
  const { grids, existing } = book.readSheets(submissionSources(quarter));
  const planned = planSubmission(grids, existing, quarter, preparer, today);
  if (!("plan" in planned)) return planned;
  const { wb, plan, issues } = planned;
  const rollback = new WpsRollback();
  let stamp: Stamp;
  let old: string | undefined;
  try {
    const now = [...existing];
    for (const form of plan.forms.filter((f) => f.action !== "keep")) {
      if (form.action === "replace") {
        rollback.renaming(form.layout.name, form.regenerated.keptAs);
        book.sheet(form.layout.name).Name = form.regenerated.keptAs;
        now.push(form.regenerated.keptAs);
      } else now.push(form.layout.name);
      rollback.adding(form.layout.name);
      writeLayout(book, form.layout);
    }
    const submitted = submittedSheets(plan.forms, existing);
    const back = book.readSheets(submitted, { formulas: () => true });
    stamp = await stampOf(wb, { quarter, preparer, stampedAt }, submitted, back.grids);
    // The old 报送信息 steps aside under another name and goes only once everything else is in place.
    old = existing.includes(STAMP_SHEET) ? uniqueSheetName(`${STAMP_SHEET} 旧`, now) : undefined;
    if (old) {
      rollback.renaming(STAMP_SHEET, old);
      book.sheet(STAMP_SHEET).Name = old;
    }
    rollback.adding(STAMP_SHEET);
    writeLayout(book, { ...stampLayout(stamp), protect: true });
    for (const n of submitted.filter((s) => !back.protectedSheets.includes(s))) {
      rollback.protecting(n);
      book.protect(book.sheet(n));
    }
    book.sheet(STAMP_SHEET).Activate();
  } catch (err) {
    throw rollback.undo(book, err);
  }
  // The stamp stands from here on; should the old 报送信息 not go, it is left, named, for the officer.
  let leftover: string[] = [];
  if (old)
    try {
      book.sheet(old).Delete();
    } catch {
      leftover = [old];
    }
  return { stamp, regenerated: regeneratedForms(plan.forms), leftover, issues };
}

/** Recomputes the stamp's digests over the sheets it names; late when stamped after the submission day. */
export async function verifySubmission(book: Book): Promise<PaneVerification> {
  const stampGrid = book.readSheets([STAMP_SHEET]).grids.sheet(STAMP_SHEET);
  const stamp = stampGrid ? readStamp(stampGrid) : undefined;
  if (!stamp) return { ...(await verifyStamp(undefined, () => undefined)), late: false };
  const { grids } = book.readSheets(
    stamp.sheets.map((d) => d.sheet),
    { formulas: () => true },
  );
  return { ...(await verifyStamp(stamp, (n) => grids.sheet(n))), late: stampIsLate(stamp) };
}
