// Scoring (SPEC 4): score checks, sheet totals, verdict bands, key-indicator vetoes and the panel score.

import { safeString } from "./cells";
import { DECISIONS } from "./profiles";
import type { ScoringKind } from "./rubrics";

export type Verdict = "通过" | "补充完善" | "不通过" | "合格" | "不合格" | "未完成评分" | "评分有误";
export const INCOMPLETE: Verdict = "未完成评分";
/** A score or key-indicator cell holds something no rule accepts (SPEC 4.3). */
export const INVALID: Verdict = "评分有误";

/** Scores are given in steps of half a point. */
export const SCORE_STEP = 0.5;
/** How far, in steps, a score may lie off a step and still be read as it (a script's 2.9999999999999996). */
export const STEP_TOLERANCE = 1e-9;
/** 总分低于70分…应重新开展; 总分为70-90分…补充审核工作; 总分高于90分…推进中/高费方案的实施. */
export const EVALUATION_PASS = 70;
export const EVALUATION_FULL_PASS = 90;
/** 综合得分达到60分及以上的企业，其验收结果视为“合格”. */
export const ACCEPTANCE_PASS = 60;
/** The Decision on key indicators across a panel: see Decisions.panelVetoOnAnyExpert in the profiles. */
export const PANEL_VETO_ON_ANY_EXPERT = DECISIONS.panelVetoOnAnyExpert;

/** The tick an expert puts under 是 or 否 of a key indicator. */
export const TICK = "√";
/** What a key indicator's 是 and 否 cells accept (exactly, as Excel's = compares): the tick, or the column's word. */
export const KEY_MARKS = { yes: [TICK, "是"], no: [TICK, "否"] } as const;

export type CellCheck<T> = { ok: true; value: T | null } | { ok: false; code: string; message: string };
export type ScoreCheck = CellCheck<number>;
export type KeyCheck = CellCheck<boolean>;

/** A blank cell, as Excel's `=""` sees it: empty, or an empty string. */
const isBlank = (value: unknown) => value === null || value === undefined || value === "";

/** A date cell holds its serial number, with the time of day as a fraction (Excel's ISNUMBER is true). */
const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A score cell, judged as the scoring sheet's formulas judge it: blank, or a number (ISNUMBER — text is never a
 * score, not even digits stored as text) from 0 to the item's maximum in steps of 0.5.
 */
export function checkScore(value: unknown, max: number): ScoreCheck {
  if (isBlank(value)) return { ok: true, value: null };
  let n: number;
  if (typeof value === "number") n = value;
  else if (value instanceof Date) n = (value.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
  else if (typeof value === "string") {
    const digits = /^[\s　]*[+\-]?[0-9０-９.．]+[\s　]*$/.test(value);
    return {
      ok: false,
      code: "score.notNumber",
      message: digits
        ? `得分“${value}”是以文本形式保存的数字，请重新输入为数字`
        : `得分须为数字，实际为文本“${value}”`,
    };
  } else return { ok: false, code: "score.notNumber", message: `得分须为数字，实际为“${safeString(value)}”` };
  if (!Number.isFinite(n)) return { ok: false, code: "score.notNumber", message: "得分须为数字" };
  // A score a hair off its step (2.9999999999999996) is the step it means, as the sheet's formulas read it.
  const steps = Math.round(n / SCORE_STEP);
  const onStep = Math.abs(n / SCORE_STEP - steps) <= STEP_TOLERANCE;
  const meant = onStep ? steps * SCORE_STEP + 0 : n;
  if (meant < 0) return { ok: false, code: "score.negative", message: `得分不能为负数（${n}）` };
  if (meant > max)
    return { ok: false, code: "score.overMax", message: `得分不能超过该项分值 ${max} 分（${n}）` };
  if (!onStep) return { ok: false, code: "score.step", message: `得分须以 ${SCORE_STEP} 分为单位（${n}）` };
  return { ok: true, value: meant };
}

/**
 * A key indicator from its 是 and 否 cells: 是 when only the 是 cell is marked, 否 when only the 否 cell is,
 * blank when both are blank; anything else (both marked, any other content) is an error.
 */
export function checkKeyIndicator(yes: unknown, no: unknown): KeyCheck {
  const marked = (v: unknown, marks: readonly string[]) => typeof v === "string" && marks.includes(v);
  if (isBlank(yes) && isBlank(no)) return { ok: true, value: null };
  if (marked(yes, KEY_MARKS.yes) && isBlank(no)) return { ok: true, value: true };
  if (marked(no, KEY_MARKS.no) && isBlank(yes)) return { ok: true, value: false };
  const shown = (v: unknown) => (isBlank(v) ? "空" : `“${safeString(v)}”`);
  return {
    ok: false,
    code: "key.value",
    message: `关键指标须在“是”或“否”下打“${TICK}”（或填该列的“是”“否”），只选一项；实际为 是：${shown(yes)}，否：${shown(no)}`,
  };
}

/** The verdicts of a complete sheet, by kind (what a panel counts as done). */
export const BAND_VERDICTS: Record<ScoringKind, readonly Verdict[]> = {
  evaluation: ["通过", "补充完善", "不通过"],
  acceptance: ["合格", "不合格"],
};

export function evaluationVerdict(score: number): Verdict {
  if (score < EVALUATION_PASS) return "不通过";
  return score <= EVALUATION_FULL_PASS ? "补充完善" : "通过";
}

/** 合格 at 60 or more, unless a key indicator is answered 否. */
export function acceptanceVerdict(score: number, vetoed = false): Verdict {
  if (vetoed) return "不合格";
  return score >= ACCEPTANCE_PASS ? "合格" : "不合格";
}

export function verdictFor(kind: ScoringKind, score: number, vetoed = false): Verdict {
  return kind === "evaluation" ? evaluationVerdict(score) : acceptanceVerdict(score, vetoed);
}

/** The register derives 评估结果 from a typed 评估得分. */
export const derivedEvaluationResult = evaluationVerdict;
/** The register derives 验收结果 from a typed 验收得分 (a veto is typed as 不合格 by hand). */
export function derivedAcceptanceResult(score: number): Verdict {
  return acceptanceVerdict(score);
}

/** Half-points as integers, so sums are exact. */
const halves = (x: number) => Math.round(x / SCORE_STEP);

export interface SheetScore {
  kind: ScoringKind;
  /** The sum of the scores entered; null while none is, or while any cell is invalid. */
  total: number | null;
  verdict: Verdict;
  /** Every score and key indicator given, and valid. */
  complete: boolean;
  /** A key indicator answered 否. */
  vetoed: boolean;
}

/** SPEC 4.3: 评分有误 when any cell is invalid, else 未完成评分 when any is blank, else the verdict of 4.1 / 4.2. */
export function scoreSheet(
  kind: ScoringKind,
  scores: readonly ScoreCheck[],
  keys: readonly KeyCheck[] = [],
): SheetScore {
  const invalid = [...scores, ...keys].some((c) => !c.ok);
  const given = <T>(cells: readonly CellCheck<T>[]) =>
    cells.flatMap((c) => (c.ok && c.value !== null ? [c.value] : []));
  const values = given(scores);
  const answers = given(keys);
  const vetoed = answers.some((a) => !a);
  const total =
    invalid || values.length === 0 ? null : values.reduce((a, s) => a + halves(s), 0) * SCORE_STEP;
  const complete = !invalid && values.length === scores.length && answers.length === keys.length;
  let verdict: Verdict = INCOMPLETE;
  if (invalid) verdict = INVALID;
  else if (complete) verdict = verdictFor(kind, total!, vetoed);
  return { kind, total, complete, verdict, vetoed };
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
  /** How many of the experts' sheets are complete (已完成 2/3). */
  completed: number;
  score: number | null;
  verdict: Verdict;
  complete: boolean;
}

export type PanelSheet = Pick<SheetScore, "total" | "verdict" | "complete" | "vetoed">;

/**
 * SPEC 4.3: while any sheet is incomplete or invalid the panel has no score and says 未完成评分 (评分有误 when a
 * sheet is invalid); else S is the mean of the totals rounded half-up to one decimal, and the verdict is on S.
 */
export function scorePanel(kind: ScoringKind, sheets: readonly PanelSheet[]): PanelScore {
  const completed = sheets.filter((s) => s.complete).length;
  const complete = sheets.length > 0 && completed === sheets.length;
  if (!complete) {
    const verdict = sheets.some((s) => s.verdict === INVALID) ? INVALID : INCOMPLETE;
    return { kind, experts: sheets.length, completed, score: null, verdict, complete };
  }
  const score = panelMean(sheets.map((s) => s.total!));
  const vetoed = PANEL_VETO_ON_ANY_EXPERT && sheets.some((s) => s.vetoed);
  return {
    kind,
    experts: sheets.length,
    completed,
    score,
    verdict: verdictFor(kind, score, vetoed),
    complete,
  };
}
