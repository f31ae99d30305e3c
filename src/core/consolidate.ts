// The municipal centre's view: each district's workbook for a quarter — its verification, its rows of the
// quarter's forms, its counts by stage and overdue code — and the city as a whole.

import {
  formatIsoDate,
  nextQuarter,
  parseQuarter,
  quarterCode,
  quarterFirstDay,
  quarterLastDay,
  type DateSerial,
  type Quarter,
} from "./dates";
import { quarterlyReportDeadline } from "./deadlines";
import { appliedDeadlines, DEADLINE_CODES, PROFILES, type DeadlineCode, type Profile } from "./profiles";
import { adjustmentRows, implementationRows, type AdjustmentRow, type ImplementationRow } from "./quarterly";
import { registerStatus, rowContexts, STAGES, type Stage } from "./status";
import { profileIdFromText } from "./settings";
import { stampDay, type Stamp, type Verification } from "./stamp";
import type { LoadedWorkbook } from "./workbook";

/** The district a workbook belongs to: the profile's district named in its 填报单位. */
export function districtOf(reporter: string, profile: Profile): string | undefined {
  return profile.districts.find((d) => reporter.includes(d) || reporter.includes(d.replace(/[区市]$/, "")));
}

/** Districts submit the quarter's workbook by this day: Shanghai's rule, applied to every profile's centre. */
export const SUBMISSION_DAY = 10;

export function submissionDeadline(quarter: Quarter, profile: Profile): DateSerial {
  return (
    quarterlyReportDeadline(quarter, profile) ?? quarterFirstDay(nextQuarter(quarter)) + SUBMISSION_DAY - 1
  );
}

/** Late when stamped after the submission deadline. */
export function isLate(stampedAt: string, quarter: Quarter, profile: Profile): boolean {
  const day = stampDay(stampedAt);
  return day !== undefined && day > submissionDeadline(quarter, profile);
}

/**
 * Late when stamped after its quarter's submission day, under the given profile or else the one the stamp
 * names; a stamp whose quarter cannot be read is not called late.
 */
export function stampIsLate(stamp: Stamp, profile?: Profile): boolean {
  const quarter = parseQuarter(stamp.quarter);
  const id = profileIdFromText(stamp.profile);
  const p = profile ?? (id ? PROFILES[id] : undefined);
  return quarter !== undefined && p !== undefined && isLate(stamp.stampedAt, quarter, p);
}

export interface DistrictReport {
  file: string;
  district: string;
  verification: Verification;
  late: boolean;
  implementation: ImplementationRow[];
  adjustments: AdjustmentRow[];
  stages: Record<Stage, number>;
  overdue: Record<DeadlineCode, number>;
}

export function districtReport(
  file: string,
  wb: LoadedWorkbook,
  quarter: Quarter,
  verification: Verification,
): DistrictReport {
  const asOf: DateSerial = quarterLastDay(quarter);
  const statuses = registerStatus(wb.rows, wb.log, { profile: wb.profile, asOf }, wb.archives);
  const stages = Object.fromEntries(
    STAGES.map((s) => [s, statuses.filter((x) => x.stage === s).length]),
  ) as Record<Stage, number>;
  const overdue = Object.fromEntries(
    DEADLINE_CODES.map((c) => [c, statuses.filter((x) => x.overdue.includes(c)).length]),
  ) as Record<DeadlineCode, number>;
  return {
    file,
    district: districtOf(wb.settings.district, wb.profile) ?? wb.settings.district,
    verification,
    late: verification.stamp ? stampIsLate(verification.stamp, wb.profile) : false,
    implementation: implementationRows(wb.rows, quarter, wb.profile, rowContexts(wb.rows, wb.log)),
    adjustments: adjustmentRows(wb.log, quarter),
    stages,
    overdue,
  };
}

export interface FailedFile {
  file: string;
  reason: string;
}

export interface CityReport {
  quarter: string;
  /** Due date of the districts' submissions. */
  dueOn: string;
  districts: DistrictReport[];
  failed: FailedFile[];
  missing: string[];
  late: string[];
  /** The overdue codes the profile applies. */
  codes: DeadlineCode[];
}

export function cityReport(
  quarter: Quarter,
  profile: Profile,
  districts: DistrictReport[],
  failed: FailedFile[],
): CityReport {
  const order = (d: string) => {
    const i = profile.districts.indexOf(d);
    return i < 0 ? profile.districts.length : i;
  };
  const sorted = [...districts].sort((a, b) => order(a.district) - order(b.district));
  // A file that could not be read still tells its district when its name does.
  const present = new Set([
    ...sorted.map((d) => d.district),
    ...failed.map((f) => districtOf(f.file, profile)).filter((d) => d !== undefined),
  ]);
  return {
    quarter: quarterCode(quarter),
    dueOn: formatIsoDate(submissionDeadline(quarter, profile)),
    districts: sorted,
    failed,
    missing: profile.districts.filter((d) => !present.has(d)),
    late: sorted.filter((d) => d.late).map((d) => d.district),
    codes: appliedDeadlines(profile),
  };
}
