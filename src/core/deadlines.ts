// The deadline rules of SPEC 3, one function per deadline, each reading its period from the profile.

import {
  addMonthsClamped,
  addYearsClamped,
  daysInMonth,
  quarterFirstDay,
  nextQuarter,
  serialFromParts,
  type DateSerial,
  type Quarter,
} from "./dates";
import type { Profile } from "./profiles";
import type { RegisterValues } from "./register";

type Row = Pick<
  RegisterValues,
  | "publishedOn"
  | "receivedOn"
  | "startedOn"
  | "evaluatedOn"
  | "acceptedOn"
  | "highCostDoneOn"
  | "previousAcceptedOn"
  | "auditMethod"
>;

/** The day disclosure's month starts running: publication, or (Shanghai) 收文时间 where given. */
export function disclosureFrom(row: Row, profile: Profile): DateSerial | null {
  return profile.deadlines.disclosureFromReceipt && row.receivedOn !== null
    ? row.receivedOn
    : row.publishedOn;
}

/** 信息公开: publication (Shanghai: 收文时间 where given) + 1 month. */
export function disclosureDeadline(row: Row, profile: Profile): DateSerial | null {
  const from = disclosureFrom(row, profile);
  return from === null ? null : addMonthsClamped(from, profile.deadlines.disclosureMonths);
}

/** 审核启动: publication + 2 months. */
export function startDeadline(row: Row, profile: Profile): DateSerial | null {
  return row.publishedOn === null ? null : addMonthsClamped(row.publishedOn, profile.deadlines.startMonths);
}

/** 完成审核/评估: publication + 1 year (附表3's 要求完成期限). */
export function evaluationDeadline(row: Row, profile: Profile): DateSerial | null {
  return row.publishedOn === null
    ? null
    : addYearsClamped(row.publishedOn, profile.deadlines.evaluationYears);
}

/** Whether the row's 审核方式 must be evaluated at all (广西 简化程序: only where the enterprise wants it). */
export function evaluationRequired(row: Row, profile: Profile): boolean {
  return !profile.deadlines.evaluationOptionalFor.includes(row.auditMethod);
}

/**
 * The day acceptance's two years start running: publication, or by profile 审核启动时间 once the row has one.
 * The status engine passes the row as of its date, so a start it does not count yet does not count here.
 */
export function acceptanceFrom(row: Row, profile: Profile): DateSerial | null {
  return profile.deadlines.acceptanceFrom === "start" && row.startedOn !== null
    ? row.startedOn
    : row.publishedOn;
}

/** 验收: publication (or, by profile, 审核启动时间) + 2 years. */
export function acceptanceDeadline(row: Row, profile: Profile): DateSerial | null {
  const from = acceptanceFrom(row, profile);
  return from === null ? null : addYearsClamped(from, profile.deadlines.acceptanceYears);
}

/** 验收 earliest (Guangxi 完整程序): 中高费方案完成时间 + 3 months of stable running. */
export function earliestAcceptance(row: Row, profile: Profile): DateSerial | null {
  const months = profile.deadlines.stableRunningMonths;
  if (months === null || row.highCostDoneOn === null) return null;
  if (profile.deadlines.stableRunningExemptFor.includes(row.auditMethod)) return null;
  return addMonthsClamped(row.highCostDoneOn, months);
}

/** 评估后修改 / 验收后修改: one month after the passing act. */
export function revisionDeadline(actOn: DateSerial, profile: Profile): DateSerial {
  return addMonthsClamped(actOn, profile.deadlines.revisionMonths);
}

/** 归档 (Shanghai 附表2): one month after on-site evaluation or acceptance. */
export function archiveDeadline(actOn: DateSerial, profile: Profile): DateSerial | null {
  const months = profile.deadlines.archiveMonths;
  return months === null ? null : addMonthsClamped(actOn, months);
}

/** 下一轮 (Guangxi): the previous acceptance + 5 years. */
export function nextRoundDeadline(acceptedOn: DateSerial, profile: Profile): DateSerial | null {
  const years = profile.deadlines.nextRoundYears;
  return years === null ? null : addYearsClamped(acceptedOn, years);
}

/** 季度报送 (Shanghai): the quarter's tables are due by the 10th of the next quarter's first month. */
export function quarterlyReportDeadline(quarter: Quarter, profile: Profile): DateSerial | null {
  const day = profile.deadlines.quarterlyReportDay;
  return day === null ? null : quarterFirstDay(nextQuarter(quarter)) + (day - 1);
}

/** 年度总结 (Shanghai): the last day of February of the next year. */
export function annualSummaryDeadline(year: number, profile: Profile): DateSerial | null {
  const month = profile.deadlines.annualSummaryMonth;
  return month === null ? null : serialFromParts(year + 1, month, daysInMonth(year + 1, month));
}
