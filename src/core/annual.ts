// 年度统计: the figures a year's summary needs (Shanghai's 年度总结 is due by the end of February; its format is
// "另行通知"), computed from the register and the adjustment log alone, as of a day.

import type { LogEntry } from "./adjustments";
import { partsFromSerial, serialFromParts, type DateSerial } from "./dates";
import { appliedDeadlines, type DeadlineCode, type Profile } from "./profiles";
import {
  ACCEPTANCE_RESULTS,
  AUDIT_TYPES,
  EVALUATION_RESULTS,
  type AcceptanceResult,
  type AuditType,
  type EvaluationResult,
  type RegisterRow,
} from "./register";
import {
  acceptanceOutcome,
  enterpriseKey,
  evaluationOutcome,
  registerStatus,
  type ArchiveRecord,
  type RowStatus,
  type Stage,
} from "./status";

/** The figures of one set of audit rounds. */
export interface AnnualCounts {
  /** Rounds in the set; by 审核类型, a round of several types counting under each. */
  listed: { total: number; byType: Record<AuditType, number> };
  /** Rounds begun: 审核启动时间, or a later act, on or before the as-of day. */
  started: number;
  /** Rounds evaluated on or before the as-of day, by result (a score decides it where given). */
  evaluated: Record<EvaluationResult, number>;
  /** Rounds accepted on or before the as-of day, by result. */
  accepted: Record<AcceptanceResult, number>;
  /** Rounds neither accepted, revoked nor terminated on the as-of day. */
  open: number;
  /** Rounds by overdue code, as 逾期情况 shows them on the as-of day (a late act keeps its code). */
  overdueByAct: Partial<Record<DeadlineCode, number>>;
  /** 名单调整记录 entries by 调整结果, every option of the profile listed. */
  adjustments: Record<string, number>;
}

export interface AnnualFigures extends AnnualCounts {
  year: number;
  asOf: DateSerial;
  /** The same for every round still open on the as-of day, whatever its 名单年度. */
  openRounds: AnnualCounts;
}

/** The stages that close a round. */
const CLOSED: readonly Stage[] = ["accepted", "revoked", "terminated"];

/** A round's year: its 名单年度, else the year its list was published. */
export function roundYear(row: Pick<RegisterRow, "listYear" | "publishedOn">): number | null {
  if (row.listYear !== null) return row.listYear;
  return row.publishedOn === null ? null : partsFromSerial(row.publishedOn).year;
}

/** The year's last day, or `today` when the year is not over. */
export function annualAsOf(year: number, today: DateSerial): DateSerial {
  return Math.min(serialFromParts(year, 12, 31), today);
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const on = (d: DateSerial | null, asOf: DateSerial) => d !== null && d <= asOf;

function countRounds(
  rows: readonly RegisterRow[],
  statuses: readonly RowStatus[],
  entries: readonly LogEntry[],
  profile: Profile,
  asOf: DateSerial,
): AnnualCounts {
  const byType = zeros(AUDIT_TYPES);
  const evaluated = zeros(EVALUATION_RESULTS);
  const accepted = zeros(ACCEPTANCE_RESULTS);
  const codes = appliedDeadlines(profile);
  const overdueByAct = zeros(codes);
  let started = 0;
  let open = 0;
  rows.forEach((r, i) => {
    const s = statuses[i]!;
    for (const t of r.auditTypes) byType[t]++;
    if (on(r.startedOn, asOf) || on(r.evaluatedOn, asOf) || on(r.acceptedOn, asOf)) started++;
    const ev = on(r.evaluatedOn, asOf) ? evaluationOutcome(r) : null;
    if (ev) evaluated[ev]++;
    const ac = on(r.acceptedOn, asOf) ? acceptanceOutcome(r) : null;
    if (ac) accepted[ac]++;
    if (!CLOSED.includes(s.stage)) open++;
    for (const c of s.overdue) if (c in overdueByAct) overdueByAct[c]++;
  });
  const adjustments = zeros(profile.adjustmentOptions.map((o) => o.label));
  for (const e of entries) if (e.resultLabel in adjustments) adjustments[e.resultLabel]!++;
  return {
    listed: { total: rows.length, byType },
    started,
    evaluated,
    accepted,
    open,
    overdueByAct,
    adjustments,
  };
}

/**
 * The year's figures: the rounds of that 名单年度, with the year's 名单调整记录 entries (dated from 1 January to
 * the as-of day: the year's four 名单调整表 together); and every round still open on the as-of day, with the
 * entries about its enterprise dated from its publication to the as-of day.
 */
export function annualFigures(
  wb: {
    rows: readonly RegisterRow[];
    log: readonly LogEntry[];
    profile: Profile;
    archives?: ReadonlyMap<string, ArchiveRecord>;
  },
  year: number,
  asOf: DateSerial,
): AnnualFigures {
  const { rows, log, profile } = wb;
  const statuses = registerStatus(rows, log, { profile, asOf }, wb.archives);
  const pick = (keep: (r: RegisterRow, s: RowStatus) => boolean) => {
    const i = [...rows.keys()].filter((k) => keep(rows[k]!, statuses[k]!));
    return { rows: i.map((k) => rows[k]!), statuses: i.map((k) => statuses[k]!) };
  };
  const first = serialFromParts(year, 1, 1);
  const ofYear = pick((r) => roundYear(r) === year);
  const yearEntries = log.filter((e) => e.changedOn !== null && e.changedOn >= first && e.changedOn <= asOf);
  const stillOpen = pick((r, s) => on(r.publishedOn, asOf) && !CLOSED.includes(s.stage));
  const openSince = new Map<string, DateSerial>();
  for (const r of stillOpen.rows) {
    const key = enterpriseKey(r);
    openSince.set(key, Math.min(openSince.get(key) ?? Infinity, r.publishedOn!));
  }
  const nameKeys = new Map(rows.map((r) => [r.name.trim(), enterpriseKey(r)] as const));
  const keyOf = (e: LogEntry) =>
    e.creditCode.trim() !== "" ? enterpriseKey(e) : (nameKeys.get(e.name.trim()) ?? enterpriseKey(e));
  const openEntries = log.filter((e) => {
    const since = openSince.get(keyOf(e));
    return since !== undefined && e.changedOn !== null && e.changedOn >= since && e.changedOn <= asOf;
  });
  return {
    year,
    asOf,
    ...countRounds(ofYear.rows, ofYear.statuses, yearEntries, profile, asOf),
    openRounds: countRounds(stillOpen.rows, stillOpen.statuses, openEntries, profile, asOf),
  };
}

/** Figures added up: the city's year from its districts' (each district once). */
export function sumAnnualCounts(all: readonly AnnualCounts[]): AnnualCounts {
  const add = <K extends string>(records: readonly Partial<Record<K, number>>[]) => {
    const out = {} as Record<K, number>;
    for (const r of records)
      for (const [k, n] of Object.entries(r) as [K, number][]) out[k] = (out[k] ?? 0) + n;
    return out;
  };
  const total = (f: (c: AnnualCounts) => number) => all.reduce((a, c) => a + f(c), 0);
  return {
    listed: {
      total: total((c) => c.listed.total),
      byType: { ...zeros(AUDIT_TYPES), ...add(all.map((c) => c.listed.byType)) },
    },
    started: total((c) => c.started),
    evaluated: { ...zeros(EVALUATION_RESULTS), ...add(all.map((c) => c.evaluated)) },
    accepted: { ...zeros(ACCEPTANCE_RESULTS), ...add(all.map((c) => c.accepted)) },
    open: total((c) => c.open),
    overdueByAct: add(all.map((c) => c.overdueByAct)),
    adjustments: add(all.map((c) => c.adjustments)),
  };
}

export function sumAnnualFigures(
  year: number,
  asOf: DateSerial,
  all: readonly AnnualFigures[],
): AnnualFigures {
  return {
    year,
    asOf,
    ...sumAnnualCounts(all),
    openRounds: sumAnnualCounts(all.map((f) => f.openRounds)),
  };
}
