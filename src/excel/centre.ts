// Submission from the task pane: validate, add the quarter's forms where missing (or lay them out again where
// they no longer agree with the register), stamp 报送信息 and protect the submitted sheets; and verification
// of a stamped workbook. The stamp is the CLI's: `cpa verify` checks a workbook stamped here, and the other
// way round.

import { LOG_SHEET } from "../core/adjustments";
import { stampIsLate } from "../core/consolidate";
import { quarterCode, type DateSerial, type Quarter } from "../core/dates";
import { countBySeverity, type Issue } from "../core/issues";
import { PROFILES } from "../core/profiles";
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
import { loadWorkbook, workbookIssues, type LoadedWorkbook, type WorkbookGrids } from "../core/workbook";
import { stampLayout } from "../forms/stampSheet";
import { uniqueSheetName } from "../forms/layout";
import { adjustmentSheetName, implementationSheetName } from "../forms/quarterlyForms";
import {
  regeneratedForms,
  submissionForms,
  type FormPlan,
  type RegeneratedForm,
} from "../forms/submissionForms";
import type { Supports } from "./forms";
import { CommandError } from "./errors";
import { readSheets } from "./read";
import { Rollback } from "./rollback";
import { refuseProtectedStructure } from "./structure";
import { RequestBudget, suspendCalculation } from "./run";
import { queueLayout } from "./writeLayout";

export type Submission =
  | {
      stamp: Stamp;
      regenerated: RegeneratedForm[];
      /** Old sheets set aside that could not be deleted afterwards (the stamp is complete without them). */
      leftover: string[];
      issues: Issue[];
    }
  | { stamp: undefined; issues: Issue[] };

/**
 * Stamps the workbook for the quarter, or refuses (no stamp, the issues returned) while any error remains.
 * Reads the register and the quarter's forms, adds the forms where missing and lays out again those that no
 * longer agree with the register (the old one kept under another name), reads the submitted sheets back,
 * writes the new 报送信息 beside the old one and protects the submitted sheets not yet protected, then
 * deletes the old 报送信息: seven syncs for an ordinary register (eight when forms are added
 * and an old stamp replaced; a read-back of more than 100,000 cells, with their formulas, takes one more sync
 * per 100,000). Stamping again after the register was unprotected and changed works; if anything fails before
 * the stamp is in place, the workbook is put back as it was. The old 报送信息's deletion comes after: should
 * it fail, the stamp stands and `leftover` names it.
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
  const { grids, existing } = await readSheets(context, submissionSources(quarter));
  const planned = planSubmission(grids, existing, quarter, preparer, today);
  if (!("plan" in planned)) return planned;
  // The stamp adds 报送信息 (and forms): a protected structure refuses it.
  await refuseProtectedStructure(context);
  const { wb, plan, issues } = planned;
  const rollback = new Rollback();
  let stamped: { stamp: Stamp; aside: string[] };
  try {
    stamped = await stampWorkbook(
      context,
      wb,
      { quarter, preparer, stampedAt },
      plan.forms,
      existing,
      supports,
      rollback,
    );
  } catch (err) {
    throw await rollback.undo(context, err);
  }
  // The stamp stands from here on: the old 报送信息, set aside, is deleted after it. Should that fail, it is
  // left, named, for the officer to delete.
  const { stamp, aside } = stamped;
  let leftover: string[] = [];
  if (aside.length > 0) {
    try {
      for (const name of aside) context.workbook.worksheets.getItem(name).delete();
      await context.sync();
    } catch {
      leftover = await presentSheets(context, aside);
    }
  }
  return { stamp, regenerated: regeneratedForms(plan.forms), leftover, issues };
}

/** The sheets a submission reads: the register's and the quarter's forms, under the names either region gives them. */
export function submissionSources(quarter: Quarter): (name: string) => boolean {
  const wanted = new Set([
    REGISTER_SHEET,
    LOG_SHEET,
    SETTINGS_SHEET,
    ...Object.values(PROFILES).flatMap((p) => [
      implementationSheetName(quarter, p),
      adjustmentSheetName(quarter, p),
    ]),
  ]);
  return (n) => wanted.has(n);
}

/**
 * What stamping the workbook read into `grids` takes: its register, its issues and the forms to add or lay out
 * again; or the refusal (no stamp, the issues) while any error remains.
 */
export function planSubmission(
  grids: WorkbookGrids,
  existing: readonly string[],
  quarter: Quarter,
  preparer: string,
  today: DateSerial,
):
  | { wb: LoadedWorkbook; plan: ReturnType<typeof submissionForms>; issues: Issue[] }
  | { stamp: undefined; issues: Issue[] } {
  if (!grids.sheet(REGISTER_SHEET)) throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表。`);
  const wb = loadWorkbook(grids);
  const issues = workbookIssues(wb, today);
  if (countBySeverity(issues).errors > 0) return { stamp: undefined, issues };
  const party = { district: wb.settings.district, preparer, preparedOn: today };
  const plan = submissionForms(wb, quarter, party, (n) => grids.sheet(n), existing);
  if (plan.issues.length > 0) return { stamp: undefined, issues: [...issues, ...plan.issues] };
  return { wb, plan, issues };
}

/** The sheets a submission stamps: the register, its log where the workbook has one, and the quarter's forms. */
export function submittedSheets(plan: readonly FormPlan[], existing: readonly string[]): string[] {
  return [REGISTER_SHEET, LOG_SHEET, ...plan.map((f) => f.layout.name)].filter(
    (n) => n !== LOG_SHEET || existing.includes(LOG_SHEET),
  );
}

/** The stamp of `wb` over the `submitted` sheets as read back into `grids`. */
export async function stampOf(
  wb: LoadedWorkbook,
  at: { quarter: Quarter; preparer: string; stampedAt: string },
  submitted: readonly string[],
  grids: WorkbookGrids,
): Promise<Stamp> {
  const partial: Omit<Stamp, "sha256"> = {
    district: wb.settings.district,
    preparer: at.preparer,
    quarter: quarterCode(at.quarter),
    stampedAt: at.stampedAt,
    profile: wb.profile.region,
    counts: [
      { label: "企业名单台账", rows: wb.rows.length, sheet: REGISTER_SHEET },
      { label: "名单调整记录", rows: wb.log.length, sheet: LOG_SHEET },
    ],
    sheets: await digestSheets(submitted.map((n) => grids.sheet(n)!)),
  };
  return { ...partial, sha256: await stampDigest(partial) };
}

/** Which of `names` the workbook still holds; all of them when it cannot be read. */
async function presentSheets(context: Excel.RequestContext, names: readonly string[]): Promise<string[]> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    return sheets.items.map((s) => s.name).filter((n) => names.includes(n));
  } catch {
    return [...names];
  }
}

async function stampWorkbook(
  context: Excel.RequestContext,
  wb: LoadedWorkbook,
  at: { quarter: Quarter; preparer: string; stampedAt: string },
  plan: readonly FormPlan[],
  existing: readonly string[],
  supports: Supports,
  rollback: Rollback,
): Promise<{ stamp: Stamp; aside: string[] }> {
  const sheets = context.workbook.worksheets;
  const now = [...existing];
  // A form laid out again takes the form's name; the old one is kept under another, as the file writer does.
  const forms = plan.filter((f) => f.action !== "keep");
  suspendCalculation(context);
  const budget = new RequestBudget(context);
  for (const form of forms) {
    const { layout } = form;
    if (form.action === "replace") {
      const { keptAs } = form.regenerated;
      rollback.renaming(layout.name, keptAs);
      sheets.getItem(layout.name).name = keptAs;
      now.push(keptAs);
    } else now.push(layout.name);
    rollback.adding(layout.name);
    await queueLayout(context, layout, supports, budget);
  }
  if (forms.length > 0) await context.sync();

  const submitted = submittedSheets(plan, existing);
  const back = await readSheets(context, submitted, { formulas: true, existing: now });
  const stamp = await stampOf(wb, at, submitted, back.grids);

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
  return { stamp, aside: old ? [old] : [] };
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
