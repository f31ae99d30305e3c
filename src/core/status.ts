// The status engine (SPEC 3): for each register row, as of a date, its deadlines, stage, overdue codes
// and 逾期天数.

import { eventsOf, NO_EVENTS, type EnterpriseEvents, type LogEntry } from "./adjustments";
import { normalizeCreditCode } from "./creditCode";
import { partsFromSerial, type DateSerial } from "./dates";
import {
  acceptanceDeadline,
  acceptanceFrom,
  archiveDeadline,
  disclosureDeadline,
  disclosureFrom,
  earliestAcceptance,
  evaluationDeadline,
  evaluationRequired,
  nextRoundDeadline,
  revisionDeadline,
  startDeadline,
} from "./deadlines";
import { DEADLINE_CODES, DEADLINE_LABELS, type DeadlineCode, type Profile } from "./profiles";
import type { AcceptanceResult, EvaluationResult, RegisterRow, RegisterValues } from "./register";
import { extendPastRestDays, profileCalendar, type RestDayCalendar } from "./restDays";
import { derivedAcceptanceResult, derivedEvaluationResult } from "./scoring";

export const STAGE_LABELS = {
  listed: "已列入",
  auditing: "审核中",
  reaudit: "需重新审核",
  evaluated: "已评估·方案实施中",
  accepted: "已验收",
  acceptance_failed: "验收不合格·需重新审核",
  suspended: "审核暂缓",
  revoked: "名单撤销",
  terminated: "审核终止",
} as const;
export type Stage = keyof typeof STAGE_LABELS;
export const STAGES = Object.keys(STAGE_LABELS) as Stage[];

/** Dates of the 附表2 archive checklist for one enterprise: when each group was complete (null: not yet). */
export interface ArchiveRecord {
  evaluationArchivedOn: DateSerial | null;
  evaluationRevisedOn: DateSerial | null;
  acceptanceArchivedOn: DateSerial | null;
  acceptanceRevisedOn: DateSerial | null;
}

export interface DeadlineMove {
  code: DeadlineCode;
  from: DateSerial;
  to: DateSerial;
  reason: string;
}

export interface RowStatus {
  sheet: string;
  row: number;
  name: string;
  creditCode: string;
  stage: Stage;
  deadlines: Record<DeadlineCode, DateSerial | null>;
  /** 验收 earliest (Guangxi): 中高费方案完成 + 3 months. */
  earliestAcceptance: DateSerial | null;
  overdue: DeadlineCode[];
  overdueDays: number;
  nextDeadline: { code: DeadlineCode; date: DateSerial } | null;
  /** The codes whose deadline (as `deadlines` shows it) is still to be done; none for a quiet stage. */
  open: DeadlineCode[];
  moved: DeadlineMove[];
  /** Years of deadlines left unmoved because no calendar knows their rest days (extension on). */
  unknownCalendarYears: number[];
}

export interface StatusOptions {
  profile: Profile;
  asOf: DateSerial;
  calendar?: RestDayCalendar;
}

/** The result an act really had: a score decides it where one is given (SPEC 2.1). */
export function evaluationOutcome(
  row: Pick<RegisterValues, "evaluationScore" | "evaluationResult">,
): EvaluationResult | null {
  return row.evaluationScore !== null
    ? (derivedEvaluationResult(row.evaluationScore) as EvaluationResult)
    : row.evaluationResult;
}

/** A typed 不合格 stands even with ≥ 60 points: a key indicator answered 否 vetoes acceptance (附件8 注). */
export function acceptanceOutcome(
  row: Pick<RegisterValues, "acceptanceScore" | "acceptanceResult">,
): AcceptanceResult | null {
  if (row.acceptanceResult === "不合格" || row.acceptanceScore === null) return row.acceptanceResult;
  return derivedAcceptanceResult(row.acceptanceScore) as AcceptanceResult;
}

/** One occurrence of a deadline: revision and archive occur after evaluation and again after acceptance. */
interface Occurrence {
  code: DeadlineCode;
  /** The day the period started running. */
  from: DateSerial;
  due: DateSerial;
  /** The day the act was done (as of the status date), or null. */
  doneOn: DateSerial | null;
  /** False where the workbook cannot tell whether the act was done (no 附表2), or a later round met it. */
  flaggable: boolean;
}

const asOfOrNull = (d: DateSerial | null, asOf: DateSerial) => (d !== null && d <= asOf ? d : null);

/** The row as it stood on the as-of date: an act dated later is not done yet, for every rule alike. */
function asOfView(row: RegisterValues, asOf: DateSerial): RegisterValues {
  return {
    ...row,
    disclosedOn: asOfOrNull(row.disclosedOn, asOf),
    startedOn: asOfOrNull(row.startedOn, asOf),
    evaluatedOn: asOfOrNull(row.evaluatedOn, asOf),
    highCostDoneOn: asOfOrNull(row.highCostDoneOn, asOf),
    acceptedOn: asOfOrNull(row.acceptedOn, asOf),
  };
}

function occurrences(
  row: RegisterValues,
  profile: Profile,
  archive: ArchiveRecord | undefined,
  laterRoundOn: DateSerial | null,
): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (
    code: DeadlineCode,
    from: DateSerial | null,
    due: DateSerial | null,
    doneOn: DateSerial | null,
    flaggable = true,
  ) => {
    if (from !== null && due !== null) out.push({ code, from, due, doneOn, flaggable });
  };
  const { evaluatedOn, acceptedOn } = row;
  const evaluation = evaluatedOn === null ? null : evaluationOutcome(row);
  const acceptance = acceptedOn === null ? null : acceptanceOutcome(row);
  const evaluationPassed = evaluatedOn !== null && evaluation !== "不通过";
  const acceptancePassed = acceptedOn !== null && acceptance !== "不合格";
  // Decision (profile.decisions): a failed act does not meet its deadline.
  const meets = profile.decisions.failedActMeetsDeadline;
  const evaluationMet = evaluatedOn !== null && (meets || evaluationPassed);
  const acceptanceMet = acceptedOn !== null && (meets || acceptancePassed);

  const published = row.publishedOn;
  add("disclosure", disclosureFrom(row, profile), disclosureDeadline(row, profile), row.disclosedOn);
  add("start", published, startDeadline(row, profile), row.startedOn);
  // An acceptance does not stand in for a missing evaluation: validate calls it an error, and status
  // flags the evaluation as missing. 广西 简化程序 has no evaluation deadline at all.
  if (evaluationRequired(row, profile)) {
    add("evaluation", published, evaluationDeadline(row, profile), evaluationMet ? evaluatedOn : null);
  }
  add(
    "acceptance",
    acceptanceFrom(row, profile),
    acceptanceDeadline(row, profile),
    acceptanceMet ? acceptedOn : null,
  );

  if (evaluationPassed) {
    add(
      "revision",
      evaluatedOn,
      revisionDeadline(evaluatedOn, profile),
      archive?.evaluationRevisedOn ?? null,
      archive !== undefined,
    );
  }
  if (acceptancePassed) {
    add(
      "revision",
      acceptedOn,
      revisionDeadline(acceptedOn, profile),
      archive?.acceptanceRevisedOn ?? null,
      archive !== undefined,
    );
  }
  if (evaluatedOn !== null) {
    add(
      "archive",
      evaluatedOn,
      archiveDeadline(evaluatedOn, profile),
      archive?.evaluationArchivedOn ?? null,
      archive !== undefined,
    );
  }
  if (acceptedOn !== null) {
    add(
      "archive",
      acceptedOn,
      archiveDeadline(acceptedOn, profile),
      archive?.acceptanceArchivedOn ?? null,
      archive !== undefined,
    );
  }
  if (acceptancePassed) {
    // A later round of the same enterprise in the register meets it, on time or not (SPEC 3).
    add(
      "next_round",
      acceptedOn,
      nextRoundDeadline(acceptedOn, profile),
      laterRoundOn,
      laterRoundOn === null,
    );
  } else if (row.previousAcceptedOn !== null) {
    // This round is the next round of the previous one: it must start within five years of that acceptance.
    add(
      "next_round",
      row.previousAcceptedOn,
      nextRoundDeadline(row.previousAcceptedOn, profile),
      row.startedOn,
    );
  }
  return out;
}

/**
 * Still to be done as of the date: not done, and either flaggable or not yet due (an occurrence the workbook
 * cannot check is offered until its day passes).
 */
const isOpen = (o: Occurrence, asOf: DateSerial) => o.doneOn === null && (o.flaggable || o.due >= asOf);

/**
 * The one date each code shows, in 下一期限 and in the JSON deadlines alike: of a deadline that occurs twice
 * (修改 and 归档, after evaluation and after acceptance), its earliest occurrence still open; once none is open,
 * its last.
 */
function shownDeadlines(occ: readonly Occurrence[], asOf: DateSerial): Map<DeadlineCode, Occurrence> {
  const shown = new Map<DeadlineCode, Occurrence>();
  for (const o of [...occ].sort((a, b) => a.due - b.due)) {
    const current = shown.get(o.code);
    if (current === undefined || !isOpen(current, asOf)) shown.set(o.code, o);
  }
  return shown;
}

/** The stage of a row already seen as of the date (asOfView). */
function stageOf(row: RegisterValues, events: EnterpriseEvents, asOf: DateSerial): Stage {
  if (events.revokedOn !== null && events.revokedOn <= asOf) return "revoked";
  if (events.terminatedOn !== null && events.terminatedOn <= asOf) return "terminated";
  if (events.suspensions.some((s) => s.from <= asOf && (s.until === null || s.until > asOf)))
    return "suspended";
  if (row.acceptedOn !== null) return acceptanceOutcome(row) === "不合格" ? "acceptance_failed" : "accepted";
  if (row.evaluatedOn !== null) return evaluationOutcome(row) === "不通过" ? "reaudit" : "evaluated";
  if (row.startedOn !== null) return "auditing";
  return "listed";
}

const QUIET_STAGES: ReadonlySet<Stage> = new Set(["suspended", "revoked", "terminated"]);

const emptyDeadlines = (): Record<DeadlineCode, DateSerial | null> => ({
  disclosure: null,
  start: null,
  evaluation: null,
  acceptance: null,
  revision: null,
  archive: null,
  next_round: null,
});

export interface RowContext {
  events?: EnterpriseEvents;
  archive?: ArchiveRecord;
  /** The publication of the next round of the same enterprise in the register, if any. */
  laterRoundOn?: DateSerial | null;
}

export function rowStatus(row: RegisterRow, options: StatusOptions, context: RowContext = {}): RowStatus {
  const { profile, asOf } = options;
  const events = context.events ?? NO_EVENTS;
  const seen = asOfView(row, asOf);
  const stage = stageOf(seen, events, asOf);
  const occ = occurrences(seen, profile, context.archive, asOfOrNull(context.laterRoundOn ?? null, asOf));
  const moved: DeadlineMove[] = [];
  const unknownYears = new Set<number>();

  // Decision (profile.decisions): on resumption, the deadlines still running when the suspension began —
  // neither met nor already passed — move later by its length; a deadline missed before it stays missed.
  const suspensions = profile.decisions.suspensionShiftsRunningDeadlines ? events.suspensions : [];
  for (const s of suspensions) {
    if (s.until === null || s.until > asOf || s.from > asOf) continue;
    const length = s.until - s.from;
    if (length <= 0) continue;
    for (const o of occ) {
      if (o.from < s.from && o.due >= s.from && (o.doneOn === null || o.doneOn >= s.from)) {
        moved.push({
          code: o.code,
          from: o.due,
          to: o.due + length,
          reason: `审核暂缓 ${length} 天，期限相应顺延`,
        });
        o.due += length;
      }
    }
  }

  if (profile.extendOnRestDay) {
    const cal = options.calendar ?? profileCalendar(profile);
    for (const o of occ) {
      const shift = extendPastRestDays(o.due, cal);
      if (shift.moved) {
        moved.push({
          code: o.code,
          from: shift.from,
          to: shift.date,
          reason: "期限最后一日为休息日，顺延至其后第一个工作日",
        });
        o.due = shift.date;
      } else if (shift.uncovered) {
        unknownYears.add(partsFromSerial(o.due).year);
      }
    }
  }

  const shown = shownDeadlines(occ, asOf);
  const deadlines = emptyDeadlines();
  for (const [code, o] of shown) deadlines[code] = o.due;

  const quiet = QUIET_STAGES.has(stage);
  const flagged: Partial<Record<DeadlineCode, true>> = {};
  let overdueDays = 0;
  let next: RowStatus["nextDeadline"] = null;
  const open: Partial<Record<DeadlineCode, true>> = {};
  if (!quiet) {
    for (const o of occ) {
      if (!o.flaggable) continue;
      if (o.doneOn !== null ? o.doneOn > o.due : asOf > o.due) flagged[o.code] = true;
      if (o.doneOn === null && asOf > o.due) overdueDays = Math.max(overdueDays, asOf - o.due);
    }
    for (const o of shown.values()) {
      if (!isOpen(o, asOf)) continue;
      open[o.code] = true;
      if (next === null || o.due < next.date) next = { code: o.code, date: o.due };
    }
  }
  return {
    sheet: row.sheet,
    row: row.row,
    name: row.name,
    creditCode: row.creditCode,
    stage,
    deadlines,
    earliestAcceptance: earliestAcceptance(seen, profile),
    overdue: DEADLINE_CODES.filter((c) => flagged[c]),
    overdueDays,
    nextDeadline: next,
    open: DEADLINE_CODES.filter((c) => open[c]),
    moved,
    unknownCalendarYears: [...unknownYears],
  };
}

/** Key that identifies an enterprise across rows: its normalized code, else its name. */
export function enterpriseKey(row: { creditCode: string; name: string }): string {
  const code = normalizeCreditCode(row.creditCode);
  return code !== "" ? `code:${code}` : `name:${row.name.trim()}`;
}

/** What each row's status depends on beyond the row: its log events, its 附表2 record, a later round. */
/** The first of the ascending `dates` after `date`, or null. */
function firstAfter(dates: readonly DateSerial[], date: DateSerial): DateSerial | null {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return dates[lo] ?? null;
}

export function rowContexts(
  rows: readonly RegisterRow[],
  log: readonly LogEntry[],
  archives: ReadonlyMap<string, ArchiveRecord> = new Map(),
): RowContext[] {
  const keys = rows.map(enterpriseKey);
  const entriesByKey = new Map<string, LogEntry[]>();
  if (log.length > 0) {
    const nameToKey = new Map(rows.map((r, i) => [r.name.trim(), keys[i]!] as const));
    for (const e of log) {
      const key =
        normalizeCreditCode(e.creditCode) !== ""
          ? enterpriseKey(e)
          : (nameToKey.get(e.name.trim()) ?? enterpriseKey(e));
      const list = entriesByKey.get(key);
      if (list) list.push(e);
      else entriesByKey.set(key, [e]);
    }
  }
  // Each enterprise's publication dates, ascending: a round's next round is the first one after it.
  const publications = new Map<string, DateSerial[]>();
  rows.forEach((r, i) => {
    if (r.publishedOn === null) return;
    const key = keys[i]!;
    const list = publications.get(key);
    if (list) list.push(r.publishedOn);
    else publications.set(key, [r.publishedOn]);
  });
  for (const list of publications.values()) list.sort((a, b) => a - b);
  return rows.map((r, i) => {
    const key = keys[i]!;
    // Log events concern the round running when they happened.
    const relevant = entriesByKey
      .get(key)
      ?.filter((e) => r.publishedOn === null || e.changedOn === null || e.changedOn >= r.publishedOn);
    const published = r.publishedOn;
    return {
      events: relevant && relevant.length > 0 ? eventsOf(relevant) : NO_EVENTS,
      archive: archives.get(key),
      laterRoundOn: published === null ? null : firstAfter(publications.get(key) ?? [], published),
    };
  });
}

/** Status of every register row, with the adjustment log's events and later rounds taken into account. */
export function registerStatus(
  rows: readonly RegisterRow[],
  log: readonly LogEntry[],
  options: StatusOptions,
  archives?: ReadonlyMap<string, ArchiveRecord>,
): RowStatus[] {
  const contexts = rowContexts(rows, log, archives);
  const rowOptions: StatusOptions = options.profile.extendOnRestDay
    ? {
        ...options,
        calendar: options.calendar ?? profileCalendar(options.profile),
      }
    : options;
  return rows.map((r, i) => rowStatus(r, rowOptions, contexts[i]!));
}

/** 逾期情况 as the register shows it: "审核启动逾期、审核评估逾期". */
export function overdueText(codes: readonly DeadlineCode[]): string {
  return codes.map((c) => `${DEADLINE_LABELS[c]}逾期`).join("、");
}
