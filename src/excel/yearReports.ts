// The year's reports in the task pane: 年度统计 and 验收结果名单, read from the open workbook's register and
// written as new sheets beside it — the same layouts as `cpa annual` and `cpa acceptance-list`.

import { acceptanceList, type AcceptanceList } from "../core/acceptanceList";
import { ARCHIVE_PREFIX } from "../core/archive";
import { annualFigures, type AnnualFigures } from "../core/annual";
import type { DateSerial } from "../core/dates";
import { REGISTER_SHEET } from "../core/register";
import { loadWorkbook, type LoadedWorkbook } from "../core/workbook";
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
  const { grids, existing } = await readSheets(
    context,
    (n) => REGISTER_SHEETS.includes(n as never) || n.startsWith(ARCHIVE_PREFIX),
  );
  if (!grids.sheet(REGISTER_SHEET))
    throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);
  const { layout, result } = make(loadWorkbook(grids));
  const [sheet] = await writeSheets(context, named([layout], existing), supports);
  return { sheet: sheet!, ...result };
}

const party = (wb: LoadedWorkbook, preparedOn: DateSerial) => ({
  district: wb.settings.district,
  preparer: wb.settings.preparer,
  preparedOn,
});

export function writeAnnualReport(
  context: Excel.RequestContext,
  year: number,
  asOf: DateSerial,
  preparedOn: DateSerial,
  supports: Supports,
): Promise<{ sheet: string; figures: AnnualFigures }> {
  return writeFromRegister(context, supports, (wb) => {
    const figures = annualFigures(wb, year, asOf);
    return { layout: annualLayout(figures, wb.profile, party(wb, preparedOn)), result: { figures } };
  });
}

export function writeAcceptanceList(
  context: Excel.RequestContext,
  from: DateSerial,
  to: DateSerial,
  preparedOn: DateSerial,
  supports: Supports,
): Promise<{ sheet: string; list: AcceptanceList }> {
  return writeFromRegister(context, supports, (wb) => {
    const list = acceptanceList(wb.rows, from, to);
    return { layout: acceptanceListLayout(list, wb.profile, party(wb, preparedOn)), result: { list } };
  });
}
