// 督办 in Excel: the printable 督办清单 sheet, and the register as the core reads it for letters and calendars.

import type { DateSerial } from "../core/dates";
import { REGISTER_SHEET } from "../core/register";
import { loadWorkbook, workbookWorklist, type LoadedWorkbook } from "../core/workbook";
import { worklistLayout } from "../forms/worklistSheet";
import { CommandError } from "./errors";
import { named, writeSheets, type Supports } from "./forms";
import { readRegisterSheets } from "./register";

/** The open workbook's register, log, settings and checklists as the core reads them. */
export async function loadRegisterWorkbook(context: Excel.RequestContext): Promise<LoadedWorkbook> {
  const { grids } = await readRegisterSheets(context);
  if (!grids.sheet(REGISTER_SHEET))
    throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);
  return loadWorkbook(grids);
}

/** Adds `督办清单 YYYY-MM-DD` (a second one beside the first); null, and nothing written, when nothing is due. */
export async function writeWorklist(
  context: Excel.RequestContext,
  asOf: DateSerial,
  supports: Supports,
): Promise<string | null> {
  const { grids, existing } = await readRegisterSheets(context);
  if (!grids.sheet(REGISTER_SHEET))
    throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);
  const wb = loadWorkbook(grids);
  const list = workbookWorklist(wb, asOf);
  if (list.items.length === 0) return null;
  const [name] = await writeSheets(
    context,
    named([worklistLayout(list, wb.settings.district)], existing),
    supports,
  );
  return name!;
}
