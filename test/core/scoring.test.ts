import fc from "fast-check";
import {
  acceptanceVerdict,
  checkKeyIndicator,
  checkScore,
  evaluationVerdict,
  panelMean,
  scorePanel,
  scoreSheet,
} from "../../src/core/scoring";
import { rubricItems, acceptanceRubric, evaluationRubric } from "../../src/core/rubrics";

describe("verdict bands", () => {
  it.each([
    [69.5, "不通过"],
    [70, "补充完善"],
    [90, "补充完善"],
    [90.5, "通过"],
  ])("evaluation %p → %s", (s, v) => expect(evaluationVerdict(s)).toBe(v));

  it.each([
    [59.5, "不合格"],
    [60, "合格"],
  ])("acceptance %p → %s", (s, v) =>
    expect(acceptanceVerdict(s, [true, true, true, true, true, true, true])).toBe(v),
  );

  it("vetoes acceptance on any 否, even with 100 points", () => {
    expect(acceptanceVerdict(100, [true, true, true, true, true, true, false])).toBe("不合格");
  });
});

describe("score cells", () => {
  it.each([
    ["abc", "score.notNumber"],
    [-1, "score.negative"],
    [3.5, "score.overMax"],
    [0.3, "score.step"],
    [true, "score.notNumber"],
  ])("rejects %p (%s) on a 3-point item", (v, code) =>
    expect(checkScore(v, 3)).toMatchObject({ ok: false, code }),
  );

  it.each([
    [2.5, 2.5],
    ["3", 3],
    ["３", 3],
    [0, 0],
    ["", null],
    [null, null],
  ])("accepts %p", (v, n) => expect(checkScore(v, 3)).toEqual({ ok: true, value: n }));

  it("never throws", () =>
    fc.assert(fc.property(fc.anything(), (v) => typeof checkScore(v, 6).ok === "boolean")));

  it("reads key indicators 是/否/blank", () => {
    expect(checkKeyIndicator("是")).toEqual({ ok: true, value: true });
    expect(checkKeyIndicator(" 否 ")).toEqual({ ok: true, value: false });
    expect(checkKeyIndicator("")).toEqual({ ok: true, value: null });
    expect(checkKeyIndicator("对")).toMatchObject({ ok: false });
  });
});

describe("sheets and panels", () => {
  const full = (kind: "evaluation" | "acceptance") =>
    rubricItems(kind === "evaluation" ? evaluationRubric : acceptanceRubric).map((i) => i.max);

  it("shows 未完成评分 while a score is blank", () => {
    const s = full("evaluation");
    s[3] = null as unknown as number;
    expect(scoreSheet("evaluation", s)).toMatchObject({ complete: false, verdict: "未完成评分", total: 99 });
  });

  it("shows 未完成评分 while a key indicator is blank", () => {
    expect(
      scoreSheet("acceptance", full("acceptance"), [true, true, null, true, true, true, true]).verdict,
    ).toBe("未完成评分");
  });

  it("rounds the panel mean half-up to one decimal, exactly", () => {
    expect(panelMean([82, 82.5])).toBe(82.3);
    expect(panelMean([89, 90, 90.5, 91.5])).toBe(90.3);
    expect(panelMean([70, 70, 69.5])).toBe(69.8);
    expect(panelMean([89.5, 90, 90, 90.5])).toBe(90);
  });

  it("takes the verdict on the rounded mean", () => {
    expect(
      scorePanel(
        "evaluation",
        [69.5, 70, 70].map((t) => ({ total: t, complete: true })),
      ),
    ).toMatchObject({
      score: 69.8,
      verdict: "不通过",
    });
    expect(
      scorePanel(
        "evaluation",
        [90, 90, 90.5].map((t) => ({ total: t, complete: true })),
      ),
    ).toMatchObject({
      score: 90.2,
      verdict: "通过",
    });
  });

  it("is incomplete while any expert's sheet is, but shows the complete sheets' mean", () => {
    const p = scorePanel("evaluation", [
      { total: 80, complete: true },
      { total: 90, complete: true },
      { total: 40, complete: false },
    ]);
    expect(p).toMatchObject({ complete: false, verdict: "未完成评分", score: 85, experts: 3 });
  });

  it("vetoes the panel when any expert answers 否", () => {
    const sheets = [true, false, true].map((ok) => ({
      total: 95,
      complete: true,
      keys: [true, true, true, true, true, true, ok],
    }));
    expect(scorePanel("acceptance", sheets).verdict).toBe("不合格");
  });

  it("matches a decimal reference for random half-point totals", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 5 }), (halves) => {
        const totals = halves.map((h) => h / 2);
        // Reference in integer tenths-of-a-half: mean×10 = Σhalves×5/n, rounded half up.
        const num = halves.reduce((a, b) => a + b, 0) * 5;
        const n = halves.length;
        const q = Math.floor(num / n);
        const rem = num - q * n;
        const ref = (2 * rem >= n ? q + 1 : q) / 10;
        return panelMean(totals) === ref;
      }),
    );
  });
});
