// The municipal centre's view: each district's workbook for a quarter — its verification, its rows of the
// quarter's forms, its counts by stage and overdue code — and the city as a whole.

import {
  formatIsoDate,
  parseQuarter,
  quarterCode,
  quarterLastDay,
  type DateSerial,
  type Quarter,
} from "./dates";
import { annualFigures, sumAnnualFigures, type AnnualFigures } from "./annual";
import { quarterlyReportDeadline } from "./deadlines";
import {
  appliedDeadlines,
  DEADLINE_CODES,
  PROFILES,
  type DeadlineCode,
  type Profile,
  type ProfileId,
} from "./profiles";
import { adjustmentRows, implementationRows, type AdjustmentRow, type ImplementationRow } from "./quarterly";
import { registerStatus, rowContexts, STAGES, type Stage } from "./status";
import { profileIdFromText } from "./settings";
import { stampDay, type Stamp, type Verification } from "./stamp";
import type { LoadedWorkbook } from "./workbook";

/** The district a workbook belongs to: the profile's district named in its 填报单位. */
export function districtOf(reporter: string, profile: Profile): string | undefined {
  return profile.districts.find((d) => reporter.includes(d) || reporter.includes(d.replace(/[区市]$/, "")));
}

/**
 * Late when stamped after the quarter's 季度报送 day (Shanghai: the 10th of the next quarter's first month);
 * never where the profile sets none (Guangxi sets no quarterly report day).
 */
export function isLate(stampedAt: string, quarter: Quarter, profile: Profile): boolean {
  const due = quarterlyReportDeadline(quarter, profile);
  const day = stampDay(stampedAt);
  return due !== null && day !== undefined && day > due;
}

/** The profile a stamp names (its 地区配置), if it names one this tool knows. */
export function stampProfile(stamp: Stamp): Profile | undefined {
  const id = profileIdFromText(stamp.profile);
  return id ? PROFILES[id] : undefined;
}

/**
 * Late when stamped after its quarter's submission day under the profile the stamp names (never the reader's
 * settings); a stamp whose quarter or profile cannot be read is not called late.
 */
export function stampIsLate(stamp: Stamp): boolean {
  const quarter = parseQuarter(stamp.quarter);
  const p = stampProfile(stamp);
  return quarter !== undefined && p !== undefined && isLate(stamp.stampedAt, quarter, p);
}

export interface DistrictReport {
  file: string;
  /** What tells two files apart: the file's path where known, else its name. */
  source: string;
  district: string;
  verification: Verification;
  late: boolean;
  implementation: ImplementationRow[];
  adjustments: AdjustmentRow[];
  stages: Record<Stage, number>;
  overdue: Record<DeadlineCode, number>;
  /** The district's 年度统计, where the centre asked for a year. */
  annual?: AnnualFigures;
}

/** The year whose 年度统计 the centre adds, as of a day, and the day it is made. */
export interface AnnualRequest {
  year: number;
  asOf: DateSerial;
  preparedOn: DateSerial;
}

export function districtReport(
  file: string,
  wb: LoadedWorkbook,
  quarter: Quarter,
  verification: Verification,
  source = file,
  annual?: AnnualRequest,
): DistrictReport {
  const asOf: DateSerial = quarterLastDay(quarter);
  const statuses = registerStatus(wb.rows, wb.log, { profile: wb.profile, asOf }, wb.archives);
  const stages = Object.fromEntries(
    STAGES.map((s) => [s, statuses.filter((x) => x.stage === s).length]),
  ) as Record<Stage, number>;
  const overdue = Object.fromEntries(
    DEADLINE_CODES.map((c) => [c, statuses.filter((x) => x.overdue.includes(c)).length]),
  ) as Record<DeadlineCode, number>;
  // The stamp says who submitted; an unstamped file, its settings.
  const reporter = verification.stamp?.district || wb.settings.district;
  return {
    file,
    source,
    district: districtOf(reporter, wb.profile) ?? reporter,
    verification,
    late: verification.stamp ? stampIsLate(verification.stamp) : false,
    implementation: implementationRows(wb.rows, quarter, wb.profile, rowContexts(wb.rows, wb.log)),
    adjustments: adjustmentRows(wb.log, quarter),
    stages,
    overdue,
    ...(annual ? { annual: annualFigures(wb, annual.year, annual.asOf) } : {}),
  };
}

/** How a counted file was submitted: on time, late, or never stamped (an unstamped file is never 按时). */
export function submissionLabel(d: Pick<DistrictReport, "verification" | "late">): string {
  if (d.verification.state === "unstamped") return "未盖章";
  return d.late ? "逾期" : "按时";
}

export const EXCLUSION_LABELS = {
  duplicate: "重复报送（未计入）",
  wrongQuarter: "季度不符（未计入）",
} as const;
export type Exclusion = keyof typeof EXCLUSION_LABELS;

/** A file read but not counted: another file of its district was, or its stamp is for another quarter. */
export interface ExcludedFile {
  report: DistrictReport;
  exclusion: Exclusion;
  reason: string;
  /** The file counted for the district instead, where there is one. */
  countedFile?: string;
}

const STATE_RANK = { unchanged: 0, changed: 1, unstamped: 2 } as const;

/** The stamp's instant in milliseconds; -Infinity when there is none or it cannot be read. */
function stampInstant(d: DistrictReport): number {
  const t = Date.parse(d.verification.stamp?.stampedAt ?? "");
  return Number.isNaN(t) ? -Infinity : t;
}

/** Why `other` is not counted beside `counted`, a file of the same district. */
function duplicateReason(other: DistrictReport, counted: DistrictReport): string {
  const stamp = other.verification.stamp;
  if (other.source === counted.source) return `与“${counted.file}”是同一文件，重复给出`;
  if (!stamp) return "未盖章";
  if (other.verification.state === "changed")
    return `盖章后已改动（${other.verification.changedSheets.join("、")}）`;
  if (stamp.sha256 === counted.verification.stamp?.sha256) return `与“${counted.file}”是同一次盖章的副本`;
  if (stampInstant(other) < stampInstant(counted))
    return `盖章时间 ${stamp.stampedAt} 早于“${counted.file}”的 ${counted.verification.stamp?.stampedAt ?? ""}`;
  return `与“${counted.file}”盖章时间相同，计入先给出的文件`;
}

/**
 * One district, one file. A stamp for another quarter is not this quarter's report. Of a district's other
 * files, the one with the latest valid (unchanged) stamp counts; failing one, the latest changed stamp;
 * failing that, an unstamped file; ties go to the file given first. The rest are 重复报送, each with why.
 */
export function countEachDistrictOnce(
  reports: readonly DistrictReport[],
  quarter: Quarter,
): { counted: DistrictReport[]; excluded: ExcludedFile[] } {
  const code = quarterCode(quarter);
  const excluded: ExcludedFile[] = [];
  const byDistrict = new Map<string, DistrictReport[]>();
  for (const r of reports) {
    const stamp = r.verification.stamp;
    if (stamp && stamp.quarter !== code) {
      excluded.push({
        report: r,
        exclusion: "wrongQuarter",
        reason: `盖章季度为 ${stamp.quarter || "（空）"}，不是 ${code}`,
      });
      continue;
    }
    const list = byDistrict.get(r.district);
    if (list) list.push(r);
    else byDistrict.set(r.district, [r]);
  }
  const counted: DistrictReport[] = [];
  for (const files of byDistrict.values()) {
    const ranked = files
      .map((r, i) => ({ r, i }))
      .sort(
        (a, b) =>
          STATE_RANK[a.r.verification.state] - STATE_RANK[b.r.verification.state] ||
          stampInstant(b.r) - stampInstant(a.r) ||
          a.i - b.i,
      )
      .map((x) => x.r);
    const [best, ...rest] = ranked;
    counted.push(best!);
    for (const other of rest)
      excluded.push({
        report: other,
        exclusion: "duplicate",
        reason: duplicateReason(other, best!),
        countedFile: best!.file,
      });
  }
  const order = new Map(reports.map((r, i) => [r, i]));
  excluded.sort((a, b) => order.get(a.report)! - order.get(b.report)!);
  return { counted, excluded };
}

export interface FailedFile {
  file: string;
  reason: string;
}

export interface CityReport {
  quarter: string;
  /** Due date of the districts' submissions; null where the profile sets none (Guangxi). */
  dueOn: string | null;
  /** The counted file of each district, one per district. */
  districts: DistrictReport[];
  /** Files read but not counted, with why. */
  excluded: ExcludedFile[];
  failed: FailedFile[];
  missing: string[];
  late: string[];
  /** The overdue codes the profile applies. */
  codes: DeadlineCode[];
  /** The city's 年度统计: the counted districts' figures summed, each district once. */
  annual?: { figures: AnnualFigures; preparedOn: DateSerial };
}

export function cityReport(
  quarter: Quarter,
  profile: Profile,
  reports: DistrictReport[],
  failed: FailedFile[],
  annual?: AnnualRequest,
): CityReport {
  const order = (d: string) => {
    const i = profile.districts.indexOf(d);
    return i < 0 ? profile.districts.length : i;
  };
  const { counted, excluded } = countEachDistrictOnce(reports, quarter);
  const sorted = [...counted].sort((a, b) => order(a.district) - order(b.district));
  // A file that could not be read still tells its district when its name does.
  const present = new Set([
    ...sorted.map((d) => d.district),
    ...failed.map((f) => districtOf(f.file, profile)).filter((d) => d !== undefined),
  ]);
  const due = quarterlyReportDeadline(quarter, profile);
  return {
    quarter: quarterCode(quarter),
    dueOn: due === null ? null : formatIsoDate(due),
    districts: sorted,
    excluded,
    failed,
    missing: profile.districts.filter((d) => !present.has(d)),
    late: sorted.filter((d) => d.late).map((d) => d.district),
    codes: appliedDeadlines(profile),
    ...(annual
      ? {
          annual: {
            figures: sumAnnualFigures(
              annual.year,
              annual.asOf,
              sorted.flatMap((d) => (d.annual ? [d.annual] : [])),
            ),
            preparedOn: annual.preparedOn,
          },
        }
      : {}),
  };
}

/**
 * The profile of a set of files is the one their stamps name (an unstamped file's, its settings'): one for
 * all, or a refusal naming the files of each.
 */
export function commonProfile(
  files: readonly { file: string; profile: Profile }[],
): { profile: Profile } | { refusal: string } {
  const groups = new Map<ProfileId, string[]>();
  for (const f of files) groups.set(f.profile.id, [...(groups.get(f.profile.id) ?? []), f.file]);
  if (groups.size === 0) return { refusal: "没有可读取的报送工作簿，无法确定汇总的地区配置" };
  if (groups.size === 1) return { profile: files[0]!.profile };
  const parts = [...groups].map(([id, names]) => `${PROFILES[id].region}：${names.join("、")}`);
  return { refusal: `报送工作簿的地区配置不一致，不能一起汇总（${parts.join("；")}）` };
}
