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
import { loadWorkbook, workbookIssues, type LoadedWorkbook } from "../core/workbook";
import { stampLayout } from "../forms/stampSheet";
import { uniqueSheetName } from "../forms/layout";
import {
  adjustmentLayout,
  adjustmentSheetName,
  implementationLayout,
  implementationSheetName,
} from "../forms/quarterlyForms";
import type { Supports } from "./forms";
import { CommandError } from "./errors";
import { readSheets } from "./read";
import { Rollback } from "./rollback";
import { RequestBudget, suspendCalculation } from "./run";
import { queueLayout } from "./writeLayout";

export type Submission = { stamp: Stamp; issues: Issue[] } | { stamp: undefined; issues: Issue[] };

/**
 * Stamps the workbook for the quarter, or refuses (no stamp, the issues returned) while any error remains.
 * Reads the register, adds the quarter's forms where missing, reads the submitted sheets back, writes the
 * new 报送信息 beside the old one and protects the submitted sheets not yet protected, then deletes the old
 * 报送信息: seven syncs for an ordinary register (eight when the forms are added and an old stamp replaced; a
 * read-back of more than 100,000 cells, with their formulas, takes one more sync per 100,000).
 * Stamping again after the register was unprotected and changed works; if anything fails, the workbook is
 * put back as it was.
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
  const rollback = new Rollback();
  try {
    const stamp = await stampWorkbook(
      context,
      wb,
      { quarter, preparer, today, stampedAt },
      existing,
      supports,
      rollback,
    );
    return { stamp, issues };
  } catch (err) {
    await rollback.undo(context);
    throw err;
  }
}

async function stampWorkbook(
  context: Excel.RequestContext,
  wb: LoadedWorkbook,
  at: { quarter: Quarter; preparer: string; today: DateSerial; stampedAt: string },
  existing: readonly string[],
  supports: Supports,
  rollback: Rollback,
): Promise<Stamp> {
  const { quarter, preparer } = at;
  const sheets = context.workbook.worksheets;
  const party = { district: wb.settings.district, preparer, preparedOn: at.today };
  const implName = implementationSheetName(quarter, wb.profile);
  const adjName = adjustmentSheetName(quarter, wb.profile);
  const forms = [
    implementationLayout(
      implementationRows(wb.rows, quarter, wb.profile, rowContexts(wb.rows, wb.log)),
      quarter,
      wb.profile,
      party,
      implName,
    ),
    adjustmentLayout(adjustmentRows(wb.log, quarter), quarter, wb.profile, party, adjName),
  ].filter((l) => !existing.includes(l.name));
  suspendCalculation(context);
  const budget = new RequestBudget(context);
  for (const layout of forms) {
    rollback.adding(layout.name);
    await queueLayout(context, layout, supports, budget);
  }
  if (forms.length > 0) await context.sync();

  const submitted = [REGISTER_SHEET, LOG_SHEET, implName, adjName].filter(
    (n) => n !== LOG_SHEET || existing.includes(LOG_SHEET),
  );
  const now = [...existing, ...forms.map((l) => l.name)];
  const back = await readSheets(context, submitted, { formulas: true, existing: now });
  const partial: Omit<Stamp, "sha256"> = {
    district: wb.settings.district,
    preparer,
    quarter: quarterCode(quarter),
    stampedAt: at.stampedAt,
    profile: wb.profile.region,
    counts: [
      { label: "企业名单台账", rows: wb.rows.length, sheet: REGISTER_SHEET },
      { label: "名单调整记录", rows: wb.log.length, sheet: LOG_SHEET },
    ],
    sheets: await digestSheets(submitted.map((n) => back.grids.sheet(n)!)),
  };
  const stamp: Stamp = { ...partial, sha256: await stampDigest(partial) };

  // The old 报送信息 steps aside under another name and goes only once everything else is in place.
  const old = existing.includes(STAMP_SHEET) ? uniqueSheetName(`${STAMP_SHEET} 旧`, now) : undefined;
  if (old) {
    rollback.renaming(STAMP_SHEET, old);
    sheets.getItem(STAMP_SHEET).name = old;
  }
  rollback.adding(STAMP_SHEET);
  await queueLayout(context, { ...stampLayout(stamp), protect: true }, supports);
  for (const n of submitted.filter((s) => !back.protectedSheets.includes(s))) {
    rollback.protecting(n);
    sheets.getItem(n).protection.protect();
  }
  sheets.getItem(STAMP_SHEET).activate();
  await context.sync();
  if (old) {
    sheets.getItem(old).delete();
    await context.sync();
  }
  return stamp;
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
    { formulas: true, existing: first.existing },
  );
  const verification = await verifyStamp(stamp, (n) => grids.sheet(n));
  return { ...verification, late: stampIsLate(stamp) };
}
