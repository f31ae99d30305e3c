// The per-enterprise sheets from the task pane (广西 附件1, 附件4, 附件5, 附件9; 上海 附表1, 附表2; 附件6): one
// new sheet for the selected enterprise, pre-filled from its latest register row. Three syncs: two to read,
// one to write.

import { latestRound, REGISTER_SHEET } from "../core/register";
import { loadWorkbook, type WorkbookGrids } from "../core/workbook";
import type { SheetLayout } from "../forms/layout";
import {
  enterpriseFormLabel,
  enterpriseSheetLayout,
  enterpriseSheetsOf,
  type EnterpriseSheetKind,
} from "../forms/enterpriseForms";
import { named, writeSheets, type Supports } from "./forms";
import { readSheets } from "./read";
import { CommandError } from "./errors";
import { REGISTER_SHEETS } from "./register";

/** The per-enterprise sheet of `kind` for `enterprise`, from the register read into `grids`, named beside `existing`. */
export function enterpriseLayout(
  grids: WorkbookGrids,
  existing: readonly string[],
  kind: EnterpriseSheetKind,
  enterprise: string,
): SheetLayout {
  if (!grids.sheet(REGISTER_SHEET))
    throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);
  const wb = loadWorkbook(grids);
  const offered = enterpriseSheetsOf(wb.profile);
  if (!offered.includes(kind))
    throw new CommandError(
      `${wb.profile.region}配置的工作簿没有${enterpriseFormLabel(kind)}；可生成：${offered
        .map(enterpriseFormLabel)
        .join("、")}。`,
    );
  const row = latestRound(wb.rows.filter((r) => r.name === enterprise));
  if (!row) throw new CommandError(`台账中找不到企业“${enterprise}”。`);
  const layout = enterpriseSheetLayout(kind, row, { district: wb.settings.district, profile: wb.profile });
  return named([layout], existing)[0]!;
}

export async function insertEnterpriseForm(
  context: Excel.RequestContext,
  kind: EnterpriseSheetKind,
  enterprise: string,
  supports: Supports,
): Promise<string> {
  const { grids, existing } = await readSheets(context, REGISTER_SHEETS);
  const [name] = await writeSheets(context, [enterpriseLayout(grids, existing, kind, enterprise)], supports);
  return name!;
}
