import fc from "fast-check";
import { acceptanceRubric, evaluationRubric, rubricItems } from "../../src/core/rubrics";
import {
  acceptanceVerdict,
  checkKeyIndicator,
  checkScore,
  evaluationVerdict,
  panelMean,
  scorePanel,
  scoreSheet,
  TICK,
  type KeyCheck,
  type PanelSheet,
  type ScoreCheck,
} from "../../src/core/scoring";

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
  ])("acceptance %p → %s", (s, v) => expect(acceptanceVerdict(s)).toBe(v));

  it("vetoes acceptance on any 否, even with 100 points", () => {
    expect(acceptanceVerdict(100, true)).toBe("不合格");
  });
});

describe("score cells, judged as the sheet's ISNUMBER formulas judge them", () => {
  it.each([
    ["abc", "score.notNumber"],
    ["3", "score.notNumber"],
    ["３", "score.notNumber"],
    [" ", "score.notNumber"],
    [-2, "score.negative"],
    [3.5, "score.overMax"],
    [0.3, "score.step"],
    [2.25, "score.step"],
    [true, "score.notNumber"],
  ])("rejects %p (%s) on a 3-point item", (v, code) =>
    expect(checkScore(v, 3)).toMatchObject({ ok: false, code }),
  );

  it.each([
    [2.9999999999999996, 3],
    [2.5000000000000004, 2.5],
    [3.0000000000000004, 3],
    [-1e-17, 0],
  ])("reads %p, 1 ulp off a half point, as %p", (v, want) => {
    const c = checkScore(v, 3);
    expect(c).toEqual({ ok: true, value: want });
    expect(Object.is(c.ok && c.value, -0)).toBe(false);
  });

  it("still refuses a score further off a half point than 1e-9 of a step", () => {
    expect(checkScore(2.9999, 3)).toMatchObject({ ok: false, code: "score.step" });
    expect(checkScore(3 + 1e-6, 3)).toMatchObject({ ok: false, code: "score.overMax" });
  });

  it("says that digits stored as text must be typed again as a number", () => {
    expect(checkScore("3", 3)).toMatchObject({ message: expect.stringContaining("文本形式保存的数字") });
  });

  it.each([
    [2.5, 2.5],
    [0, 0],
    [3, 3],
    ["", null],
    [null, null],
  ])("accepts %p", (v, n) => expect(checkScore(v, 3)).toEqual({ ok: true, value: n }));

  it("reads a date cell as the serial number Excel holds", () => {
    expect(checkScore(new Date(Date.UTC(1900, 0, 1)), 3)).toEqual({ ok: true, value: 2 });
  });

  it("never throws", () =>
    fc.assert(fc.property(fc.anything(), (v) => typeof checkScore(v, 6).ok === "boolean")));
});

describe("key indicators: a mark under 是 or under 否", () => {
  it.each([
    [TICK, null, true],
    ["是", null, true],
    [null, TICK, false],
    [null, "否", false],
    [null, null, null],
    ["", "", null],
  ])("%p | %p → %p", (yes, no, value) => expect(checkKeyIndicator(yes, no)).toEqual({ ok: true, value }));

  it.each([
    [TICK, TICK],
    ["是", "否"],
    [null, "是"],
    ["否", null],
    [`${TICK} `, null],
    [" 是", null],
    ["×", null],
    [1, null],
  ])("rejects %p | %p", (yes, no) => expect(checkKeyIndicator(yes, no)).toMatchObject({ ok: false }));
});

const ok = (value: number | null): ScoreCheck => ({ ok: true, value });
const key = (value: boolean | null): KeyCheck => ({ ok: true, value });
const bad: ScoreCheck = { ok: false, code: "score.overMax", message: "" };
const full = (kind: "evaluation" | "acceptance") =>
  rubricItems(kind === "evaluation" ? evaluationRubric : acceptanceRubric).map((i) => ok(i.max));
const allYes = () => Array.from({ length: 7 }, () => key(true));

describe("one expert's sheet", () => {
  it("shows 未完成评分 and the sum so far while a score is blank", () => {
    const s = full("evaluation");
    s[3] = ok(null);
    expect(scoreSheet("evaluation", s)).toMatchObject({ complete: false, verdict: "未完成评分", total: 99 });
  });

  it("shows 评分有误 and no total when any cell is invalid, even with others blank", () => {
    const s = full("evaluation");
    s[1] = bad;
    s[4] = ok(null);
    expect(scoreSheet("evaluation", s)).toMatchObject({ complete: false, verdict: "评分有误", total: null });
  });

  it("shows 未完成评分 while a key indicator is blank, and 评分有误 while one is invalid", () => {
    const keys = allYes();
    keys[2] = key(null);
    expect(scoreSheet("acceptance", full("acceptance"), keys).verdict).toBe("未完成评分");
    keys[2] = { ok: false, code: "key.value", message: "" };
    expect(scoreSheet("acceptance", full("acceptance"), keys)).toMatchObject({
      verdict: "评分有误",
      total: null,
    });
  });

  it("fails acceptance on a 否 whatever the score", () => {
    const keys = allYes();
    keys[6] = key(false);
    expect(scoreSheet("acceptance", full("acceptance"), keys)).toMatchObject({
      verdict: "不合格",
      total: 100,
      vetoed: true,
      complete: true,
    });
  });
});

describe("the panel", () => {
  const sheet = (total: number, over: Partial<PanelSheet> = {}): PanelSheet => ({
    total,
    verdict: evaluationVerdict(total),
    complete: true,
    vetoed: false,
    ...over,
  });

  it("rounds the mean half-up to one decimal, exactly", () => {
    expect(panelMean([82, 82.5])).toBe(82.3);
    expect(panelMean([89, 90, 90.5, 91.5])).toBe(90.3);
    expect(panelMean([70, 70, 69.5])).toBe(69.8);
    expect(panelMean([89.5, 90, 90, 90.5])).toBe(90);
  });

  it("takes the verdict on the rounded mean", () => {
    expect(
      scorePanel(
        "evaluation",
        [69.5, 70, 70].map((t) => sheet(t)),
      ),
    ).toMatchObject({
      score: 69.8,
      verdict: "不通过",
    });
    expect(
      scorePanel(
        "evaluation",
        [90, 90, 90.5].map((t) => sheet(t)),
      ),
    ).toMatchObject({
      score: 90.2,
      verdict: "通过",
    });
  });

  it("shows no score and 未完成评分 while any expert's sheet is incomplete, with how many are done", () => {
    const p = scorePanel("evaluation", [
      sheet(80),
      sheet(90),
      sheet(40, { complete: false, verdict: "未完成评分" }),
    ]);
    expect(p).toMatchObject({
      complete: false,
      verdict: "未完成评分",
      score: null,
      experts: 3,
      completed: 2,
    });
  });

  it("says 评分有误 while any expert's sheet is invalid, before 未完成评分", () => {
    const p = scorePanel("evaluation", [
      sheet(80, { complete: false, verdict: "未完成评分" }),
      sheet(0, { complete: false, verdict: "评分有误" }),
      sheet(90),
    ]);
    expect(p).toMatchObject({ verdict: "评分有误", score: null, completed: 1 });
  });

  it("vetoes the panel when any expert answers 否", () => {
    const sheets = [false, true, false].map((vetoed) =>
      sheet(95, { vetoed, verdict: vetoed ? "不合格" : "合格" }),
    );
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
