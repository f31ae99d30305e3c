// The district's own deadlines (SPEC 3 "Bureau deadlines"): Shanghai's 季度报送 and 年度总结, met or not, and
// Guangxi's candidates for 滚动纳入下一轮审核名单.

import {
  formatIsoDate,
  parseQuarter,
  partsFromSerial,
  previousQuarter,
  quarterCode,
  quarterOf,
  type DateSerial,
  type Quarter,
} from "./dates";
import { annualSummaryDeadline, quarterlyReportDeadline } from "./deadlines";
import type { Profile } from "./profiles";
import type { RegisterRow } from "./register";
import { extendPastRestDays, profileCalendar, type RestDayCalendar } from "./restDays";
import { stampDay, type Stamp } from "./stamp";
import { enterpriseKey, type RowStatus } from "./status";

export const BUREAU_LABELS = {
  /** 上海：应在每季度 10 日前向上海市清洁生产中心提交上季度…情况表（附表 3）和…名单调整表（附表 4） */
  quarterly_report: "季度报送",
  /** 上海：每年 2 月底前…将上一年度的清洁生产工作总结表…报送市生态环境局 */
  annual_summary: "年度总结",
} as const;
export type BureauCode = keyof typeof BUREAU_LABELS;

/**
 * met: stamped on or before the day; late: stamped after it; overdue: no stamp and the day has passed; open:
 * no stamp yet, the day still to come; unrecorded: the workbook keeps no record of it (年度总结).
 */
export type BureauState = "met" | "late" | "overdue" | "open" | "unrecorded";

export const BUREAU_STATE_LABELS: Record<BureauState, string> = {
  met: "已按期报送",
  late: "逾期报送",
  overdue: "未报送，已逾期",
  open: "未报送，尚未到期",
  unrecorded: "台账不记录此项，请自行核对",
};

export interface BureauDeadline {
  code: BureauCode;
  /** "2026Q3" for a quarter's report, "2025" for a year's summary. */
  period: string;
  due: DateSerial;
  state: BureauState;
  /** The day of the workbook's 报送信息 stamp for the period, where it holds one dated by the as-of date. */
  doneOn: DateSerial | null;
  /** The fixed day `due` was moved from, it being a rest day (期限遇休息日顺延). */
  movedFrom?: DateSerial;
  /** Set when rest days are to move deadlines but the day falls in a year no calendar knows: not moved. */
  calendarUnknown?: true;
}

/** An enterprise whose start is overdue and not yet done: 逾期不开展审核的企业，滚动纳入下一轮审核名单. */
export interface RollOverCandidate {
  row: number;
  name: string;
  creditCode: string;
  startDeadline: DateSerial;
  overdueDays: number;
}

export interface BureauStatus {
  deadlines: BureauDeadline[];
  rollOver: RollOverCandidate[];
}

/** What the workbook's 报送信息 stamp says was submitted: the quarter and the day it was stamped. */
export interface Submission {
  quarter: string;
  on: DateSerial;
}

export function submissionOf(stamp: Stamp | undefined): Submission | null {
  const on = stamp ? stampDay(stamp.stampedAt) : undefined;
  const quarter = stamp ? parseQuarter(stamp.quarter) : undefined;
  return on === undefined || quarter === undefined ? null : { quarter: quarterCode(quarter), on };
}

/** A fixed-date deadline of the bureau, moved past rest days where the profile says so. */
function bureauDay(
  code: BureauCode,
  period: string,
  fixed: DateSerial,
  calendar: RestDayCalendar | null,
): Pick<BureauDeadline, "code" | "period" | "due" | "movedFrom" | "calendarUnknown"> {
  if (calendar === null) return { code, period, due: fixed };
  const shift = extendPastRestDays(fixed, calendar);
  if (shift.moved) return { code, period, due: shift.date, movedFrom: fixed };
  return shift.uncovered ? { code, period, due: fixed, calendarUnknown: true } : { code, period, due: fixed };
}

/** A stamp dated after the as-of date has not been made yet (SPEC 3 "as of a date"). */
function quarterlyReport(
  q: Quarter,
  fixed: DateSerial,
  asOf: DateSerial,
  submission: Submission | null,
  calendar: RestDayCalendar | null,
): BureauDeadline {
  const day = bureauDay("quarterly_report", quarterCode(q), fixed, calendar);
  const stamped =
    submission !== null && submission.quarter === day.period && submission.on <= asOf ? submission.on : null;
  const state: BureauState =
    stamped !== null ? (stamped <= day.due ? "met" : "late") : asOf > day.due ? "overdue" : "open";
  return { ...day, state, doneOn: stamped };
}

/**
 * The report of the last quarter that has ended (due the 10th of the current quarter's first month), met or
 * not; once its day has passed, also the current quarter's, which is the next one due. The year's summary
 * whose end of February is next.
 */
function bureauDeadlines(
  profile: Profile,
  asOf: DateSerial,
  submission: Submission | null,
): BureauDeadline[] {
  const out: BureauDeadline[] = [];
  const calendar = profile.extendOnRestDay ? profileCalendar(profile) : null;
  const current = quarterOf(asOf);
  const ended = previousQuarter(current);
  const endedDue = quarterlyReportDeadline(ended, profile);
  if (endedDue !== null) {
    const report = quarterlyReport(ended, endedDue, asOf, submission, calendar);
    out.push(report);
    if (asOf > report.due)
      out.push(
        quarterlyReport(current, quarterlyReportDeadline(current, profile)!, asOf, submission, calendar),
      );
  }
  const { year } = partsFromSerial(asOf);
  const lastYearsDue = annualSummaryDeadline(year - 1, profile);
  if (lastYearsDue !== null) {
    const lastYears = bureauDay("annual_summary", String(year - 1), lastYearsDue, calendar);
    const summary =
      asOf <= lastYears.due
        ? lastYears
        : bureauDay("annual_summary", String(year), annualSummaryDeadline(year, profile)!, calendar);
    out.push({ ...summary, state: "unrecorded", doneOn: null });
  }
  return out;
}

/**
 * Rows not started with `start` overdue, where the profile rolls them over; an enterprise already on a later
 * list (a later round in the register) is on it already and is not a candidate.
 */
function rollOverCandidates(
  profile: Profile,
  asOf: DateSerial,
  rows: readonly RegisterRow[],
  statuses: readonly RowStatus[],
): RollOverCandidate[] {
  if (!profile.rollOverUnstarted) return [];
  const latest = new Map<string, DateSerial>();
  for (const r of rows) {
    if (r.publishedOn === null || r.publishedOn > asOf) continue;
    const key = enterpriseKey(r);
    latest.set(key, Math.max(latest.get(key) ?? r.publishedOn, r.publishedOn));
  }
  const out: RollOverCandidate[] = [];
  statuses.forEach((s, i) => {
    const r = rows[i]!;
    const due = s.deadlines.start;
    if (s.stage !== "listed" || !s.overdue.includes("start") || due === null) return;
    if (r.publishedOn !== latest.get(enterpriseKey(r))) return;
    out.push({
      row: s.row,
      name: s.name,
      creditCode: s.creditCode,
      startDeadline: due,
      overdueDays: asOf - due,
    });
  });
  return out;
}

/** The bureau's deadlines and roll-over candidates as of a date; `statuses` are `rows`' statuses, in order. */
export function bureauStatus(
  profile: Profile,
  asOf: DateSerial,
  rows: readonly RegisterRow[],
  statuses: readonly RowStatus[],
  submission: Submission | null,
): BureauStatus {
  return {
    deadlines: bureauDeadlines(profile, asOf, submission),
    rollOver: rollOverCandidates(profile, asOf, rows, statuses),
  };
}

/** "2026-10-10 季度报送（2026Q3）：已按期报送（2026-10-09）", and where the day was moved, from which day. */
export function bureauDeadlineText(b: BureauDeadline): string {
  const period = b.code === "quarterly_report" ? b.period : `${b.period}年度`;
  const when = b.doneOn !== null ? `（${formatIsoDate(b.doneOn)}）` : "";
  const moved =
    b.movedFrom !== undefined ? `（${formatIsoDate(b.movedFrom)} 为休息日，顺延至其后第一个工作日）` : "";
  return `${formatIsoDate(b.due)} ${BUREAU_LABELS[b.code]}（${period}）${moved}：${BUREAU_STATE_LABELS[b.state]}${when}`;
}
