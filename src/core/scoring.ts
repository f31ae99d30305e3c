// Scoring (SPEC 4): score checks, sheet totals, verdict bands, key-indicator vetoes and the panel score.

import { safeString } from "./cells";
import { toHalfWidth } from "./dates";
import { DECISIONS } from "./profiles";
import { rubricFor, rubricItems, type ScoringKind } from "./rubrics";

export type Verdict = "通过" | "补充完善" | "不通过" | "合格" | "不合格" | "未完成评分";
export const INCOMPLETE: Verdict = "未完成评分";

/** Scores are given in steps of half a point. */
export const SCORE_STEP = 0.5;
/** 总分低于70分…应重新开展; 总分为70-90分…补充审核工作; 总分高于90分…推进中/高费方案的实施. */
export const EVALUATION_PASS = 70;
export const EVALUATION_FULL_PASS = 90;
/** 综合得分达到60分及以上的企业，其验收结果视为“合格”. */
export const ACCEPTANCE_PASS = 60;
/** The Decision on key indicators across a panel: see Decisions.panelVetoOnAnyExpert in the profiles. */
export const PANEL_VETO_ON_ANY_EXPERT = DECISIONS.panelVetoOnAnyExpert;

export type ScoreCheck =
  | { ok: true; value: number | null }
  | {
      ok: false;
      code: "score.notNumber" | "score.negative" | "score.overMax" | "score.step";
      message: string;
    };

export function checkScore(value: unknown, max: number): ScoreCheck {
  if (value === null || value === undefined) return { ok: true, value: null };
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const t = toHalfWidth(value).trim();
    if (t === "") return { ok: true, value: null };
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t))
      return { ok: false, code: "score.notNumber", message: `得分须为数字，实际为“${value}”` };
    n = Number(t);
  } else return { ok: false, code: "score.notNumber", message: `得分须为数字，实际为“${safeString(value)}”` };
  if (!Number.isFinite(n)) return { ok: false, code: "score.notNumber", message: "得分须为数字" };
  if (n < 0) return { ok: false, code: "score.negative", message: `得分不能为负数（${n}）` };
  if (n > max) return { ok: false, code: "score.overMax", message: `得分不能超过该项分值 ${max} 分（${n}）` };
  if (!Number.isInteger(n / SCORE_STEP))
    return { ok: false, code: "score.step", message: `得分须以 ${SCORE_STEP} 分为单位（${n}）` };
  return { ok: true, value: n };
}

export type KeyCheck =
  { ok: true; value: boolean | null } | { ok: false; code: "key.value"; message: string };

/** A key indicator: 是 → true, 否 → false, blank → null. */
export function checkKeyIndicator(value: unknown): KeyCheck {
  if (value === null || value === undefined) return { ok: true, value: null };
  const t = typeof value === "string" ? value.trim() : safeString(value);
  if (t === "") return { ok: true, value: null };
  if (t === "是") return { ok: true, value: true };
  if (t === "否") return { ok: true, value: false };
  return { ok: false, code: "key.value", message: `关键指标只能填“是”或“否”，实际为“${t}”` };
}

export function evaluationVerdict(score: number): Verdict {
  if (score < EVALUATION_PASS) return "不通过";
  return score <= EVALUATION_FULL_PASS ? "补充完善" : "通过";
}

export function acceptanceVerdict(score: number, keys: readonly boolean[]): Verdict {
  if (keys.some((k) => !k)) return "不合格";
  return score >= ACCEPTANCE_PASS ? "合格" : "不合格";
}

export function verdictFor(kind: ScoringKind, score: number, keys: readonly boolean[] = []): Verdict {
  return kind === "evaluation" ? evaluationVerdict(score) : acceptanceVerdict(score, keys);
}

/** The register derives 评估结果 from a typed 评估得分. */
export const derivedEvaluationResult = evaluationVerdict;
/** The register derives 验收结果 from a typed 验收得分 (a veto is typed as 不合格 by hand). */
export function derivedAcceptanceResult(score: number): Verdict {
  return score >= ACCEPTANCE_PASS ? "合格" : "不合格";
}

/** Half-points as integers, so sums are exact. */
const halves = (x: number) => Math.round(x / SCORE_STEP);

export interface SheetScore {
  kind: ScoringKind;
  total: number | null;
  verdict: Verdict;
  complete: boolean;
}

export function scoreSheet(
  kind: ScoringKind,
  scores: readonly (number | null)[],
  keys: readonly (boolean | null)[] = [],
): SheetScore {
  const rubric = rubricFor(kind);
  const count = rubricItems(rubric).length;
  if (scores.length !== count) throw new Error(`${kind} sheet needs ${count} scores, got ${scores.length}`);
  if (keys.length !== rubric.keyIndicators.length)
    throw new Error(`${kind} sheet needs ${rubric.keyIndicators.length} key indicators`);
  const entered = scores.filter((s): s is number => s !== null);
  const total = entered.length === 0 ? null : entered.reduce((a, s) => a + halves(s), 0) * SCORE_STEP;
  const complete = entered.length === count && keys.every((k) => k !== null);
  return {
    kind,
    total,
    complete,
    verdict: complete && total !== null ? verdictFor(kind, total, keys as boolean[]) : INCOMPLETE,
  };
}

/** The mean of the totals rounded half-up to one decimal, exactly (totals are multiples of 0.5). */
export function panelMean(totals: readonly number[]): number {
  if (totals.length === 0) throw new Error("panelMean of no totals");
  const n = totals.length;
  const sumHalves = totals.reduce((a, t) => a + halves(t), 0);
  // mean × 10 = sumHalves × 5 / n; half-up: floor((2 × 5 × sumHalves + n) / 2n).
  return Math.floor((10 * sumHalves + n) / (2 * n)) / 10;
}

export interface PanelScore {
  kind: ScoringKind;
  experts: number;
  score: number | null;
  verdict: Verdict;
  complete: boolean;
}

export interface PanelSheet {
  total: number | null;
  complete: boolean;
  keys?: readonly (boolean | null)[];
}

/** SPEC 4.3: S is the mean of the complete sheets' totals, rounded half-up to one decimal; the verdict is on S. */
export function scorePanel(kind: ScoringKind, sheets: readonly PanelSheet[]): PanelScore {
  const done = sheets.filter((s) => s.complete && s.total !== null);
  const score = done.length === 0 ? null : panelMean(done.map((s) => s.total!));
  const complete = sheets.length > 0 && done.length === sheets.length;
  let verdict: Verdict = INCOMPLETE;
  if (complete && score !== null) {
    const vetoed = PANEL_VETO_ON_ANY_EXPERT && done.some((s) => (s.keys ?? []).some((k) => k === false));
    verdict =
      kind === "evaluation" ? evaluationVerdict(score) : vetoed ? "不合格" : acceptanceVerdict(score, []);
  }
  return { kind, experts: sheets.length, score, verdict, complete };
}
