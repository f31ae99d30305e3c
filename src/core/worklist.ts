// 督办清单 (SPEC 8): from the status flags to whom the bureau must urge along — one line per open act of an
// enterprise that is overdue or due within N days, with whom to call and the sentence that sets the deadline.

import type { DateSerial } from "./dates";
import { DEADLINE_CODES, DEADLINE_LABELS, type DeadlineCode, type Profile } from "./profiles";
import type { RegisterRow } from "./register";
import type { RowStatus } from "./status";

/** 督办提前天数 when 强审设置 gives none: an act due within this many days is on the list. */
export const DEFAULT_WITHIN_DAYS = 30;

export interface WorklistItem {
  sheet: string;
  /** The Excel row of the register. */
  row: number;
  name: string;
  creditCode: string;
  listYear: number | null;
  act: DeadlineCode;
  /** 事项: the deadline's label, as 逾期情况 names it. */
  label: string;
  deadline: DateSerial;
  /** Days past the deadline (> 0) for an overdue act; null for one still due. */
  overdueDays: number | null;
  /** Days left (≥ 0) for an act due soon; null for an overdue one. */
  daysLeft: number | null;
  contact: string;
  phone: string;
  /** The profile's sentence that sets the deadline. */
  basis: string;
}

export interface Worklist {
  asOf: DateSerial;
  within: number;
  items: WorklistItem[];
}

/** Overdue first, most days first; then due soon, earliest first; then by register row and act. */
function compareItems(a: WorklistItem, b: WorklistItem): number {
  const ao = a.overdueDays ?? -1;
  const bo = b.overdueDays ?? -1;
  if (ao !== bo) return bo - ao;
  if (a.deadline !== b.deadline) return a.deadline - b.deadline;
  if (a.row !== b.row) return a.row - b.row;
  return DEADLINE_CODES.indexOf(a.act) - DEADLINE_CODES.indexOf(b.act);
}

/**
 * The worklist as of the statuses' date. `statuses` are the register rows' own (same order); an act shows when
 * it is still to be done and its deadline passed or falls within `within` days. Suspended, revoked and
 * terminated rows have no open act.
 */
export function worklist(
  rows: readonly RegisterRow[],
  statuses: readonly RowStatus[],
  profile: Profile,
  asOf: DateSerial,
  within: number,
): Worklist {
  const items: WorklistItem[] = [];
  statuses.forEach((s, i) => {
    const row = rows[i]!;
    for (const act of s.open) {
      const deadline = s.deadlines[act];
      if (deadline === null) continue;
      const overdue = deadline < asOf;
      if (!overdue && deadline - asOf > within) continue;
      items.push({
        sheet: s.sheet,
        row: s.row,
        name: s.name,
        creditCode: s.creditCode,
        listYear: row.listYear,
        act,
        label: DEADLINE_LABELS[act],
        deadline,
        overdueDays: overdue ? asOf - deadline : null,
        daysLeft: overdue ? null : deadline - asOf,
        contact: row.contact,
        phone: row.phone,
        basis: actBasisText(profile, act),
      });
    }
  });
  return { asOf, within, items: items.sort(compareItems) };
}

/** The deadline's basis as printed: the regulation and the sentence. */
export function actBasisText(profile: Profile, act: DeadlineCode): string {
  const basis = profile.actBasis[act];
  if (basis === undefined) return "";
  return basis.startsWith("按") ? basis : `${profile.regulation}${basis}`;
}

/**
 * The place in the regulation that sets the deadline, as a letter cites it after naming the regulation once:
 * "二、信息公开"; a Decision's source by name ("《清洁生产审核办法》").
 */
export function actBasisClause(profile: Profile, act: DeadlineCode): string {
  const basis = profile.actBasis[act] ?? "";
  if (basis.startsWith("按")) return /《[^》]+》/.exec(basis)?.[0] ?? basis;
  return basis.split("：")[0]!;
}

/** 逾期 12 天 / 剩余 5 天 / 今日到期. */
export function dueText(item: Pick<WorklistItem, "overdueDays" | "daysLeft">): string {
  if (item.overdueDays !== null) return `逾期 ${item.overdueDays} 天`;
  return item.daysLeft === 0 ? "今日到期" : `剩余 ${item.daysLeft} 天`;
}
