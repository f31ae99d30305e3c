// Submission from the task pane: validate, add the quarter's forms where missing, stamp 报送信息 and protect
// the submitted sheets; and verification of a stamped workbook. The stamp is the CLI's: `cpa verify`
// checks a workbook stamped here, and the other way round.

import { LOG_SHEET } from "../core/adjustments";
import { stampIsLate } from "../core/consolidate";
import { quarterCode, type DateSerial, type Quarter } from "../core/dates";
import { countBySeverity, type Issue } from "../core/issues";
import { adjustmentRows, implementationRows } from "../core/quarterly";
import { REGISTER_SHEET } from "../core/register";
import { SETTINGS_SHEET } from "../core/settings";
import {
  digestSheets,
  readStamp,
  stampDigest,
  STAMP_SHEET,
  verifyStamp,
  type Stamp,
  type Verification,
} from "../core/stamp";
import { rowContexts } from "../core/status";
import { loadWorkbook, workbookIssues } from "../core/workbook";
import { stampLayout } from "../forms/centreForms";
import {
  adjustmentLayout,
  adjustmentSheetName,
  implementationLayout,
  implementationSheetName,
} from "../forms/quarterlyForms";
import type { Supports } from "./forms";
import { readSheets } from "./read";
import { CommandError } from "./register";
import { suspendCalculation } from "./run";
import { queueLayout } from "./writeLayout";

export type Submission = { stamp: Stamp; issues: Issue[] } | { stamp: undefined; issues: Issue[] };

/**
 * Stamps the workbook for the quarter, or refuses (no stamp, the issues returned) while any error remains.
 * Six syncs whatever the row count: read, write the forms, read the submitted sheets back, write the stamp.
 */
export async function prepareSubmission(
  context: Excel.RequestContext,
  quarter: Quarter,
  preparer: string,
  today: DateSerial,
  stampedAt: string,
  supports: Supports,
): Promise<Submission> {
  if (preparer.trim() === "") throw new CommandError("请在“设置”中填写填报人。");
  const { grids, existing } = await readSheets(context, [REGISTER_SHEET, LOG_SHEET, SETTINGS_SHEET]);
  if (!grids.sheet(REGISTER_SHEET)) throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表。`);
  const wb = loadWorkbook(grids);
  const issues = workbookIssues(wb, today);
  if (countBySeverity(issues).errors > 0) return { stamp: undefined, issues };

  const party = { district: wb.settings.district, preparer, preparedOn: today };
  const implName = implementationSheetName(quarter, wb.profile);
  const adjName = adjustmentSheetName(quarter, wb.profile);
  suspendCalculation(context);
  if (!existing.includes(implName)) {
    await queueLayout(
      context,
      implementationLayout(
        implementationRows(wb.rows, quarter, wb.profile, rowContexts(wb.rows, wb.log)),
        quarter,
        wb.profile,
        party,
        implName,
      ),
      supports,
    );
  }
  if (!existing.includes(adjName)) {
    await queueLayout(
      context,
      adjustmentLayout(adjustmentRows(wb.log, quarter), quarter, wb.profile, party, adjName),
      supports,
    );
  }
  if (existing.includes(STAMP_SHEET)) context.workbook.worksheets.getItem(STAMP_SHEET).delete();
  await context.sync();

  const submitted = [REGISTER_SHEET, LOG_SHEET, implName, adjName].filter(
    (n) => n !== LOG_SHEET || existing.includes(LOG_SHEET),
  );
  const back = await readSheets(context, submitted, { formulas: true });
  const partial: Omit<Stamp, "sha256"> = {
    district: wb.settings.district,
    preparer,
    quarter: quarterCode(quarter),
    stampedAt,
    profile: wb.profile.region,
    counts: [
      { label: "企业名单台账", rows: wb.rows.length, sheet: REGISTER_SHEET },
      { label: "名单调整记录", rows: wb.log.length, sheet: LOG_SHEET },
    ],
    sheets: await digestSheets(submitted.map((n) => back.grids.sheet(n)!)),
  };
  const stamp: Stamp = { ...partial, sha256: await stampDigest(partial) };
  await queueLayout(context, { ...stampLayout(stamp), protect: true }, supports);
  for (const n of submitted) context.workbook.worksheets.getItem(n).protection.protect();
  context.workbook.worksheets.getItem(STAMP_SHEET).activate();
  await context.sync();
  return { stamp, issues };
}

export type PaneVerification = Verification & { late: boolean };

/**
 * Recomputes the stamp's digests over the sheets it names: unchanged, changed (which sheets) or unstamped,
 * and late when stamped after the quarter's submission day. Reads 报送信息 first, then only the sheets the
 * stamp names, so that other large sheets never travel.
 */
export async function verifySubmission(context: Excel.RequestContext): Promise<PaneVerification> {
  const first = await readSheets(context, [STAMP_SHEET]);
  const stampGrid = first.grids.sheet(STAMP_SHEET);
  const stamp = stampGrid ? readStamp(stampGrid) : undefined;
  if (!stamp) return { ...(await verifyStamp(undefined, () => undefined)), late: false };
  const { grids } = await readSheets(
    context,
    stamp.sheets.map((d) => d.sheet),
    { formulas: true },
  );
  const verification = await verifyStamp(stamp, (n) => grids.sheet(n));
  return { ...verification, late: stampIsLate(stamp) };
}
