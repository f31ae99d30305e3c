// The year's reports in the task pane: 年度统计 and 验收结果名单, read from the open workbook's register and
// written as new sheets beside it — the same layouts as `cpa annual` and `cpa acceptance-list`.

import { acceptanceList, type AcceptanceList } from "../core/acceptanceList";
import { ARCHIVE_PREFIX } from "../core/archive";
import { annualFigures, type AnnualFigures } from "../core/annual";
import type { DateSerial } from "../core/dates";
import { REGISTER_SHEET } from "../core/register";
import { loadWorkbook, type LoadedWorkbook, type WorkbookGrids } from "../core/workbook";
import type { SheetLayout } from "../forms/layout";
import { acceptanceListLayout, annualLayout } from "../forms/yearReports";
import { CommandError } from "./errors";
import { named, writeSheets, type Supports } from "./forms";
import { readSheets } from "./read";
import { REGISTER_SHEETS } from "./register";

/** Reads the register (with its 附表2 checklists), lays out one sheet from it, and writes it: four syncs. */
async function writeFromRegister<T>(
  context: Excel.RequestContext,
  supports: Supports,
  make: (wb: LoadedWorkbook) => { layout: SheetLayout; result: T },
): Promise<{ sheet: string } & T> {
  const { grids, existing } = await readSheets(context, yearReportSources);
  const { layout, result } = yearReport(grids, existing, make);
  const [sheet] = await writeSheets(context, [layout], supports);
  return { sheet: sheet!, ...result };
}

/** The sheets a year's report is made from: the register's, with its 附表2 checklists. */
export const yearReportSources = (n: string) =>
  REGISTER_SHEETS.includes(n as never) || n.startsWith(ARCHIVE_PREFIX);

/** A year's report of the register read into `grids`, its sheet named beside `existing`. */
export function yearReport<T>(
  grids: WorkbookGrids,
  existing: readonly string[],
  make: (wb: LoadedWorkbook) => { layout: SheetLayout; result: T },
): { layout: SheetLayout; result: T } {
  if (!grids.sheet(REGISTER_SHEET))
    throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);
  const { layout, result } = make(loadWorkbook(grids));
  return { layout: named([layout], existing)[0]!, result };
}

const party = (wb: LoadedWorkbook, preparedOn: DateSerial) => ({
  district: wb.settings.district,
  preparer: wb.settings.preparer,
  preparedOn,
});

/** 年度统计 of `year` as of `asOf`: its layout and figures. */
export const annualReportOf =
  (year: number, asOf: DateSerial, preparedOn: DateSerial) => (wb: LoadedWorkbook) => {
    const figures = annualFigures(wb, year, asOf);
    return { layout: annualLayout(figures, wb.profile, party(wb, preparedOn)), result: { figures } };
  };

/** 验收结果名单 of the period: its layout and list. */
export const acceptanceListOf =
  (from: DateSerial, to: DateSerial, preparedOn: DateSerial) => (wb: LoadedWorkbook) => {
    const list = acceptanceList(wb.rows, from, to);
    return { layout: acceptanceListLayout(list, wb.profile, party(wb, preparedOn)), result: { list } };
  };

export function writeAnnualReport(
  context: Excel.RequestContext,
  year: number,
  asOf: DateSerial,
  preparedOn: DateSerial,
  supports: Supports,
): Promise<{ sheet: string; figures: AnnualFigures }> {
  return writeFromRegister(context, supports, annualReportOf(year, asOf, preparedOn));
}

export function writeAcceptanceList(
  context: Excel.RequestContext,
  from: DateSerial,
  to: DateSerial,
  preparedOn: DateSerial,
  supports: Supports,
): Promise<{ sheet: string; list: AcceptanceList }> {
  return writeFromRegister(context, supports, acceptanceListOf(from, to, preparedOn));
}
