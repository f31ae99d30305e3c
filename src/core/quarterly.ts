// What the quarterly forms contain (SPEC 3, 4.4): the rows of 附表3 and of 附表4 / 附件11 for a quarter.

import type { LogEntry } from "./adjustments";
import { formatIsoDate, quarterFirstDay, quarterLastDay, type DateSerial, type Quarter } from "./dates";
import { evaluationDeadline } from "./deadlines";
import type { Profile } from "./profiles";
import type { RegisterRow } from "./register";
import { acceptanceOutcome, evaluationOutcome, rowStatus, type RowContext, type RowStatus } from "./status";

/** One row of 附表3 重点行业实施强制性清洁生产审核情况表. */
export interface ImplementationRow {
  /** The register row it comes from (for messages and round trips). */
  sourceRow: number;
  name: string;
  publishedOn: DateSerial;
  /** 要求完成期限 = the evaluation deadline (publication + 1 year). */
  dueOn: DateSerial;
  consultant: string;
  /** "2026-05-12 补充完善（82.5分）", or "" when not yet evaluated. */
  evaluation: string;
  acceptance: string;
}

/** "2026-05-12 补充完善（82.5分）": the act's date, its result, and the score where there is one. */
export function actText(on: DateSerial | null, result: string | null, score: number | null): string {
  if (on === null) return "";
  const parts = [formatIsoDate(on)];
  if (result) parts.push(score !== null ? `${result}（${score}分）` : result);
  else if (score !== null) parts.push(`（${score}分）`);
  return parts.join(" ");
}

/**
 * 附表3 lists every enterprise whose list was published on or before the quarter's last day and which was
 * not accepted, revoked or terminated before the quarter's first day. Acts are shown as of the quarter's end.
 */
export function implementationRows(
  rows: readonly RegisterRow[],
  quarter: Quarter,
  profile: Profile,
  contexts: readonly RowContext[],
): ImplementationRow[] {
  const first = quarterFirstDay(quarter);
  const last = quarterLastDay(quarter);
  const out: ImplementationRow[] = [];
  rows.forEach((row, i) => {
    if (row.publishedOn === null || row.publishedOn > last) return;
    const before: RowStatus = rowStatus(row, { profile, asOf: first - 1 }, contexts[i] ?? {});
    if (before.stage === "accepted" || before.stage === "revoked" || before.stage === "terminated") return;
    const seen = (d: DateSerial | null) => (d !== null && d <= last ? d : null);
    const evaluatedOn = seen(row.evaluatedOn);
    const acceptedOn = seen(row.acceptedOn);
    out.push({
      sourceRow: row.row,
      name: row.name,
      publishedOn: row.publishedOn,
      dueOn: evaluationDeadline(row, profile)!,
      consultant: row.consultant,
      evaluation: actText(
        evaluatedOn,
        evaluatedOn === null ? null : evaluationOutcome(row),
        evaluatedOn === null ? null : row.evaluationScore,
      ),
      acceptance: actText(
        acceptedOn,
        acceptedOn === null ? null : acceptanceOutcome(row),
        acceptedOn === null ? null : row.acceptanceScore,
      ),
    });
  });
  return out.sort((a, b) => a.publishedOn - b.publishedOn || a.sourceRow - b.sourceRow);
}

/** One row of 附表4 (Shanghai) / 附件11 (Guangxi) 名单调整表. */
export interface AdjustmentRow {
  sourceRow: number;
  name: string;
  /** 企业代码 (Guangxi's form only). */
  creditCode: string;
  /** 变化情况, with the 具体说明 where one was given. */
  change: string;
  result: string;
  evidence: string;
  remarks: string;
}

/**
 * The log entries dated within the quarter, in date order: a quarter's form shows what happened in it, so a
 * 恢复日期 after its last day is left for a later form.
 */
export function adjustmentRows(log: readonly LogEntry[], quarter: Quarter): AdjustmentRow[] {
  const first = quarterFirstDay(quarter);
  const last = quarterLastDay(quarter);
  return log
    .filter((e) => e.changedOn !== null && e.changedOn >= first && e.changedOn <= last)
    .sort((a, b) => a.changedOn! - b.changedOn! || a.row - b.row)
    .map((e) => ({
      sourceRow: e.row,
      name: e.name,
      creditCode: e.creditCode,
      change: e.change ? (e.detail ? `${e.change.label}（${e.detail}）` : e.change.label) : "",
      result: e.resultLabel,
      evidence: e.evidence,
      remarks: [
        e.remarks,
        e.resumedOn !== null && e.resumedOn <= last ? `恢复日期 ${formatIsoDate(e.resumedOn)}` : "",
      ]
        .filter(Boolean)
        .join("；"),
    }));
}
