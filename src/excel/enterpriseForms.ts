// The seeds' per-enterprise forms from the task pane (广西 附件1, 附件4, 附件5, 附件9; 上海 附表1): one new
// sheet for the selected enterprise, pre-filled from its latest register row. Three syncs: two to read, one
// to write.

import { latestRound, REGISTER_SHEET } from "../core/register";
import type { EnterpriseFormKind } from "../core/profiles";
import { loadWorkbook } from "../core/workbook";
import { enterpriseFormLabel, enterpriseFormLayout, profileHasForm } from "../forms/enterpriseForms";
import { named, writeSheets, type Supports } from "./forms";
import { readSheets } from "./read";
import { CommandError } from "./errors";
import { REGISTER_SHEETS } from "./register";

export async function insertEnterpriseForm(
  context: Excel.RequestContext,
  kind: EnterpriseFormKind,
  enterprise: string,
  supports: Supports,
): Promise<string> {
  const { grids, existing } = await readSheets(context, REGISTER_SHEETS);
  if (!grids.sheet(REGISTER_SHEET))
    throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);
  const wb = loadWorkbook(grids);
  if (!profileHasForm(wb.profile, kind))
    throw new CommandError(
      `${wb.profile.region}配置的工作簿没有${enterpriseFormLabel(kind)}；可生成：${wb.profile.enterpriseForms
        .map(enterpriseFormLabel)
        .join("、")}。`,
    );
  const row = latestRound(wb.rows.filter((r) => r.name === enterprise));
  if (!row) throw new CommandError(`台账中找不到企业“${enterprise}”。`);
  const layouts = named(
    [enterpriseFormLayout(kind, row, { district: wb.settings.district, profile: wb.profile })],
    existing,
  );
  const [name] = await writeSheets(context, layouts, supports);
  return name!;
}
