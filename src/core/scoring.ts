// Verdict bands of the scoring rubrics (SPEC 4).

export type Verdict = "通过" | "补充完善" | "不通过" | "合格" | "不合格" | "未完成评分";

/** 总分低于70分…重新开展; 70-90分…补充审核工作; 高于90分…推进中/高费方案的实施. */
export function derivedEvaluationResult(score: number): Verdict {
  if (score < 70) return "不通过";
  return score <= 90 ? "补充完善" : "通过";
}

/** 综合得分达到60分及以上…合格 (key-indicator vetoes aside). */
export function derivedAcceptanceResult(score: number): Verdict {
  return score >= 60 ? "合格" : "不合格";
}
