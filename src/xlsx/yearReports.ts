// The year's reports written into a workbook file (the CLI's copy, the web page's open file): 年度统计 and
// 验收结果名单 as new sheets, through the package patch, so nothing else in the file changes.

import { acceptanceList, type AcceptanceList } from "../core/acceptanceList";
import { annualFigures, type AnnualFigures } from "../core/annual";
import type { DateSerial } from "../core/dates";
import { acceptanceListLayout, annualLayout } from "../forms/yearReports";
import { placeLayout, requireRegister, type OpenedWorkbook, type Party } from "./workbookCommands";

/** 年度统计 of `year` as of `asOf`, added as a new sheet; its name and figures. */
export function addAnnualReport(
  opened: OpenedWorkbook,
  year: number,
  asOf: DateSerial,
  party: Party,
): { sheet: string; figures: AnnualFigures } {
  requireRegister(opened);
  const figures = annualFigures(opened.loaded, year, asOf);
  const sheet = placeLayout(opened, annualLayout(figures, opened.loaded.profile, party), false, () => false);
  return { sheet, figures };
}

/** 验收结果名单 of the period, added as a new sheet; its name and the list. */
export function addAcceptanceList(
  opened: OpenedWorkbook,
  from: DateSerial,
  to: DateSerial,
  party: Party,
): { sheet: string; list: AcceptanceList } {
  requireRegister(opened);
  const list = acceptanceList(opened.loaded.rows, from, to);
  const sheet = placeLayout(
    opened,
    acceptanceListLayout(list, opened.loaded.profile, party),
    false,
    () => false,
  );
  return { sheet, list };
}
