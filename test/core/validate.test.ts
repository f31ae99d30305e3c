// Validation of the register and the adjustment log: SPEC 2.1 (results follow scores), SPEC 3 (act order,
// Guangxi's stable running), SPEC 4.4 (the log's pairings, 证明材料, 具体说明) and SPEC 5 (credit codes).
// Rows are read from grids, so every issue is checked against the cell a district would see.

import { readAdjustmentLog } from "../../src/core/adjustments";
import { withCheckChar } from "../../src/core/creditCode";
import { parseIsoDate } from "../../src/core/dates";
import type { CellInput } from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";
import { getProfile, type Profile } from "../../src/core/profiles";
import { readRegister } from "../../src/core/register";
import { validateRegister } from "../../src/core/validate";
import { SPEC_LOG_LABELS } from "../fixtures/specLabels";

const shanghai = getProfile("shanghai");
const guangxi = getProfile("guangxi");
const ASOF = parseIsoDate("2026-11-24")!;
const R = "企业名单台账";
const L = "名单调整记录";

const CODE_A = "91310000132149237G";
const CODE_B = withCheckChar("91310115MA1H7Q3K0");
const PILOT = "91350211M0000XUF46";

const REG = [
  "序号",
  "企业名称",
  "统一社会信用代码",
  "名单年度",
  "名单公布时间",
  "收文时间",
  "信息公开时间",
  "审核启动时间",
  "评估时间",
  "评估得分",
  "评估结果",
  "中高费方案完成时间",
  "验收时间",
  "验收得分",
  "验收结果",
  "上轮验收时间",
  "备注",
  "审核方式",
] as const;
const LOG = SPEC_LOG_LABELS;
type RegLabel = (typeof REG)[number];
type LogLabel = (typeof LOG)[number];
const letter = (labels: readonly string[], label: string) => String.fromCharCode(65 + labels.indexOf(label));
/** The A1 address of `label` in data row `n` (1 = the row under the header). */
const reg = (label: RegLabel, n = 1) => `${letter(REG, label)}${n + 1}`;
const log = (label: LogLabel, n = 1) => `${letter(LOG, label)}${n + 1}`;

/** An enterprise listed 2025-03-15 that disclosed and started in time. */
const BASE: Partial<Record<RegLabel, CellInput>> = {
  企业名称: "上海甲化工有限公司",
  统一社会信用代码: CODE_A,
  名单年度: 2025,
  名单公布时间: "2025-03-15",
  信息公开时间: "2025-04-01",
  审核启动时间: "2025-04-01",
};
const EVALUATED = { ...BASE, 评估时间: "2026-01-10", 评估得分: 85, 评估结果: "补充完善" };

type RegRecord = Partial<Record<RegLabel, CellInput>>;
type LogRecord = Partial<Record<LogLabel, CellInput>>;

function validate(records: RegRecord[], entries: LogRecord[] = [], profile: Profile = shanghai): Issue[] {
  const register = readRegister(
    { sheet: R, rows: [[...REG], ...records.map((r) => REG.map((l) => r[l] ?? null))] },
    profile,
  );
  const adjustments = readAdjustmentLog(
    { sheet: L, rows: [[...LOG], ...entries.map((e) => LOG.map((l) => e[l] ?? null))] },
    profile,
  );
  // The inputs here are well-formed cells: only the rules may object to them.
  expect([...register.issues, ...adjustments.issues]).toEqual([]);
  return validateRegister(register.rows, adjustments.entries, profile, ASOF);
}
const brief = (issues: Issue[]) => issues.map((i) => `${i.severity} ${i.sheet} ${i.cell} ${i.code}`);
const only = (issues: Issue[], code: string) => brief(issues.filter((i) => i.code === code));

describe("a clean register", () => {
  it("raises nothing for rounds that follow the rules", () => {
    const accepted = { ...EVALUATED, 验收时间: "2026-10-10", 验收得分: 80, 验收结果: "合格" };
    expect(validate([accepted, { ...BASE, 企业名称: "乙", 统一社会信用代码: CODE_B }])).toEqual([]);
    expect(validate([{ ...accepted, 中高费方案完成时间: "2026-06-30" }], [], guangxi)).toEqual([]);
  });
});

describe("credit codes (SPEC 5)", () => {
  it("is an error on the code's cell when the check character is wrong", () => {
    const issues = validate([{ ...BASE, 统一社会信用代码: PILOT }]);
    expect(brief(issues)).toEqual([`error ${R} ${reg("统一社会信用代码")} creditCode.check`]);
    expect(issues[0]!.message).toContain("代码已核实");
  });

  it("is only a warning when 备注 contains 代码已核实", () => {
    const issues = validate([
      { ...BASE, 统一社会信用代码: PILOT, 备注: "早期试点代码，代码已核实（2026-01）" },
    ]);
    expect(brief(issues)).toEqual([`warning ${R} ${reg("统一社会信用代码")} creditCode.checkVerified`]);
  });

  it("takes the mark from the profile's decisions", () => {
    const marked = { ...shanghai, decisions: { ...shanghai.decisions, verifiedCodeMark: "经核实" } };
    const record = { ...BASE, 统一社会信用代码: PILOT, 备注: "经核实" };
    expect(brief(validate([record], [], marked))).toEqual([
      `warning ${R} ${reg("统一社会信用代码")} creditCode.checkVerified`,
    ]);
    expect(brief(validate([record]))).toEqual([`error ${R} ${reg("统一社会信用代码")} creditCode.check`]);
  });

  it.each([
    ["17 characters", "9135021100000XUF4", "creditCode.length"],
    ["19 characters", "91350211M0000XUF466", "creditCode.length"],
    ["the letter I", "91350211I0000XUF46", "creditCode.alphabet"],
    ["the letter O", "9131000013214923OG", "creditCode.alphabet"],
    ["the letter Z", "Z1310000132149237G", "creditCode.alphabet"],
    ["the letter S", "9131000013214923SG", "creditCode.alphabet"],
    ["the letter V", "9131000013214923VG", "creditCode.alphabet"],
  ])("stays an error for %s, even with 代码已核实", (_, code, expected) => {
    expect(brief(validate([{ ...BASE, 统一社会信用代码: code, 备注: "代码已核实" }]))).toEqual([
      `error ${R} ${reg("统一社会信用代码")} ${expected}`,
    ]);
  });

  it("is an error when the code is missing", () => {
    expect(brief(validate([{ ...BASE, 统一社会信用代码: null }]))).toEqual([
      `error ${R} ${reg("统一社会信用代码")} creditCode.missing`,
    ]);
  });

  it.each([
    ["lower case", "91310000132149237g"],
    ["spaces", " 9131 0000 1321 4923 7G "],
    ["full-width characters", "９１３１００００１３２１４９２３７Ｇ"],
  ])("accepts a valid code written with %s", (_, code) => {
    expect(validate([{ ...BASE, 统一社会信用代码: code }])).toEqual([]);
  });

  it("flags a bad code in the adjustment log on its cell", () => {
    const issues = validate(
      [BASE],
      [
        {
          企业名称: "上海甲化工有限公司",
          统一社会信用代码: "91310000132149238G",
          变化日期: "2026-01-10",
          变化情况: "企业名称变更",
          调整结果: "名称变更",
          证明材料: "营业执照",
        },
      ],
    );
    expect(only(issues, "creditCode.check")).toEqual([
      `error ${L} ${log("统一社会信用代码")} creditCode.check`,
    ]);
  });
  it("is only a warning in the log too, when the log row's 备注 contains 代码已核实", () => {
    const issues = validate(
      [{ ...BASE, 统一社会信用代码: PILOT, 备注: "代码已核实" }],
      [
        {
          企业名称: "上海甲化工有限公司",
          统一社会信用代码: PILOT,
          变化日期: "2026-01-10",
          变化情况: "企业名称变更",
          调整结果: "名称变更",
          证明材料: "营业执照",
          备注: "代码已核实",
        },
      ],
    );
    expect(brief(issues.filter((i) => i.sheet === L))).toEqual([
      `warning ${L} ${log("统一社会信用代码")} creditCode.checkVerified`,
    ]);
  });
});

describe("a code Excel turned into a number", () => {
  /** What 913101151234567893 typed into a General cell holds: 15 significant digits, then zeros. */
  const DAMAGED = 913101151234567000;
  const MESSAGE =
    "统一社会信用代码：数字已被 Excel 改写，请设为文本后重新输入（单元格中为 913101151234567000）";

  it("says so on the register's cell, once, and not that the code is missing or wrong", () => {
    const record: RegRecord = { ...BASE, 统一社会信用代码: DAMAGED };
    const register = readRegister(
      { sheet: R, rows: [[...REG], REG.map((l) => record[l] ?? null)] },
      shanghai,
    );
    const issues = [...register.issues, ...validateRegister(register.rows, [], shanghai, ASOF)];
    expect(brief(issues)).toEqual([`error ${R} ${reg("统一社会信用代码")} cell.creditCode`]);
    expect(issues[0]!.message).toBe(MESSAGE);
  });

  it("says so on the adjustment log's cell", () => {
    const entry: LogRecord = {
      企业名称: "上海甲化工有限公司",
      统一社会信用代码: DAMAGED,
      变化日期: "2026-01-10",
      变化情况: "企业名称变更",
      调整结果: "名称变更",
      证明材料: "营业执照",
    };
    const read = readAdjustmentLog(
      { sheet: L, rows: [[...LOG], LOG.map((l) => entry[l] ?? null)] },
      shanghai,
    );
    expect(read.issues.map((i) => [i.cell, i.message])).toEqual([[log("统一社会信用代码"), MESSAGE]]);
  });
});

describe("one enterprise once per round (SPEC 5)", () => {
  it("is an error on the second row's code cell", () => {
    const issues = validate([BASE, { ...BASE, 企业名称: "上海甲化工有限公司（重复）" }]);
    expect(brief(issues)).toEqual([`error ${R} ${reg("统一社会信用代码", 2)} register.duplicate`]);
    expect(issues[0]!.message).toContain("2");
  });

  it("compares codes after trimming, upper-casing and converting full-width characters", () => {
    const twins = [BASE, { ...BASE, 统一社会信用代码: "９１３１００００１３２１４９２３７ｇ" }];
    expect(only(validate(twins), "register.duplicate")).toHaveLength(1);
  });

  it("allows the same enterprise in different rounds", () => {
    const later = {
      ...BASE,
      名单年度: 2026,
      名单公布时间: "2026-03-10",
      信息公开时间: "2026-04-01",
      审核启动时间: "2026-04-01",
    };
    expect(validate([BASE, later])).toEqual([]);
  });

  it("allows two enterprises in the same round", () => {
    expect(validate([BASE, { ...BASE, 企业名称: "乙", 统一社会信用代码: CODE_B }])).toEqual([]);
  });

  it("flags each further copy", () => {
    expect(only(validate([BASE, BASE, BASE]), "register.duplicate")).toEqual([
      `error ${R} ${reg("统一社会信用代码", 2)} register.duplicate`,
      `error ${R} ${reg("统一社会信用代码", 3)} register.duplicate`,
    ]);
  });
});

describe("a typed result that contradicts its score is an error (SPEC 2.1)", () => {
  it.each([
    [92, "补充完善"],
    [90.5, "补充完善"],
    [90, "通过"],
    [85, "通过"],
    [70, "不通过"],
    [69.5, "补充完善"],
    [65, "通过"],
  ])("flags 评估得分 %p typed as %s", (score, result) => {
    const issues = validate([{ ...EVALUATED, 评估得分: score, 评估结果: result }]);
    expect(brief(issues)).toEqual([`error ${R} ${reg("评估结果")} result.contradictsScore`]);
  });

  it.each([
    [100, "通过"],
    [90.1, "通过"],
    [90, "补充完善"],
    [70, "补充完善"],
    [69.9, "不通过"],
    [0, "不通过"],
  ])(
    "accepts 评估得分 %p typed as %s (S < 70 不通过, 70 ≤ S ≤ 90 补充完善, S > 90 通过)",
    (score, result) => {
      expect(validate([{ ...EVALUATED, 评估得分: score, 评估结果: result }])).toEqual([]);
    },
  );

  it.each([59.9, 59.5, 0])("flags 验收得分 %p typed as 合格", (score) => {
    const issues = validate([{ ...EVALUATED, 验收时间: "2026-10-10", 验收得分: score, 验收结果: "合格" }]);
    expect(brief(issues)).toEqual([`error ${R} ${reg("验收结果")} result.contradictsScore`]);
  });

  it.each([
    [60, "合格"],
    [100, "合格"],
    [59.5, "不合格"],
  ])("accepts 验收得分 %p typed as %s", (score, result) => {
    expect(validate([{ ...EVALUATED, 验收时间: "2026-10-10", 验收得分: score, 验收结果: result }])).toEqual(
      [],
    );
  });

  it("questions 不合格 with 60 points or more on its cell: only a key indicator's 否 explains it (SPEC 4.2)", () => {
    const issues = validate([{ ...EVALUATED, 验收时间: "2026-10-10", 验收得分: 75, 验收结果: "不合格" }]);
    expect(issues).toEqual([
      expect.objectContaining({ sheet: R, cell: reg("验收结果"), severity: "warning" }),
    ]);
  });

  it("accepts a score without a typed result, and a typed result without a score", () => {
    expect(validate([{ ...EVALUATED, 评估结果: null }])).toEqual([]);
    expect(validate([{ ...EVALUATED, 评估得分: null, 评估结果: "通过" }])).toEqual([]);
  });
});

describe("acts in their order (SPEC 3)", () => {
  it.each<[RegLabel, string]>([
    ["收文时间", "2025-03-14"],
    ["信息公开时间", "2025-03-01"],
    ["审核启动时间", "2025-03-14"],
    ["评估时间", "2025-01-10"],
    ["中高费方案完成时间", "2024-12-31"],
    ["验收时间", "2025-03-14"],
  ])("is an error for %s before the list's publication", (label, date) => {
    const record: RegRecord = { ...EVALUATED, 验收时间: "2026-10-10", 验收得分: 80, [label]: date };
    expect(only(validate([record]), "date.beforePublication")).toEqual([
      `error ${R} ${reg(label)} date.beforePublication`,
    ]);
  });

  it("does not take 上轮验收时间 for an act of this round", () => {
    expect(validate([{ ...BASE, 上轮验收时间: "2020-10-01" }], [], guangxi)).toEqual([]);
  });

  it("accepts an act on the publication day itself", () => {
    expect(validate([{ ...BASE, 信息公开时间: "2025-03-15", 审核启动时间: "2025-03-15" }])).toEqual([]);
  });

  it("is an error for acceptance before evaluation, on the acceptance cell", () => {
    const issues = validate([{ ...EVALUATED, 评估时间: "2026-05-10", 验收时间: "2026-04-10", 验收得分: 80 }]);
    expect(only(issues, "acceptance.beforeEvaluation")).toEqual([
      `error ${R} ${reg("验收时间")} acceptance.beforeEvaluation`,
    ]);
  });

  it("accepts acceptance on the evaluation day", () => {
    const sameDay = { ...EVALUATED, 验收时间: "2026-01-10", 验收得分: 80 };
    expect(only(validate([sameDay]), "acceptance.beforeEvaluation")).toEqual([]);
  });

  it("is an error for acceptance without any evaluation", () => {
    const issues = validate([{ ...BASE, 验收时间: "2026-04-10", 验收得分: 80 }]);
    expect(issues.filter((i) => i.severity === "error").map((i) => i.cell)).toEqual([reg("验收时间")]);
  });
});

describe("Guangxi: acceptance after 中/高费方案 have run stably for three months (warning)", () => {
  const accepted = (highCost: string, acceptance: string): RegRecord => ({
    ...EVALUATED,
    中高费方案完成时间: highCost,
    验收时间: acceptance,
    验收得分: 80,
    验收结果: "合格",
  });

  it("warns of an acceptance one day before 中高费方案完成时间 + 3 months", () => {
    expect(brief(validate([accepted("2026-05-31", "2026-08-30")], [], guangxi))).toEqual([
      `warning ${R} ${reg("验收时间")} acceptance.beforeStableRunning`,
    ]);
  });

  it("accepts an acceptance on the day three months are complete", () => {
    expect(validate([accepted("2026-05-31", "2026-08-31")], [], guangxi)).toEqual([]);
  });

  it("has no such rule in Shanghai", () => {
    expect(validate([accepted("2026-05-31", "2026-06-15")], [], shanghai)).toEqual([]);
  });

  it("has no such rule for 简化程序 (四 asks only for 全部方案 and 一定的绩效)", () => {
    const simplified = { ...accepted("2026-05-31", "2026-06-15"), 审核方式: "简化程序" };
    expect(validate([simplified], [], guangxi)).toEqual([]);
  });
});

describe("Guangxi 简化程序: evaluation is optional (（八）若需要评估…)", () => {
  const simplified: RegRecord = { ...BASE, 审核方式: "简化程序", 验收时间: "2026-04-10", 验收得分: 80 };

  it("accepts an acceptance without any evaluation", () => {
    expect(validate([simplified], [], guangxi)).toEqual([]);
  });

  it("checks an evaluation that is recorded as usual", () => {
    const issues = validate([{ ...simplified, 评估时间: "2026-05-10", 评估得分: 85 }], [], guangxi);
    expect(only(issues, "acceptance.beforeEvaluation")).toEqual([
      `error ${R} ${reg("验收时间")} acceptance.beforeEvaluation`,
    ]);
    const contradicting = { ...simplified, 评估时间: "2026-01-10", 评估得分: 65, 评估结果: "通过" };
    expect(only(validate([contradicting], [], guangxi), "result.contradictsScore")).toHaveLength(1);
  });

  it("still wants the evaluation of a Shanghai row marked 简化程序", () => {
    expect(only(validate([simplified], [], shanghai), "acceptance.noEvaluation")).toHaveLength(1);
  });
});

describe("the adjustment log (SPEC 4.4)", () => {
  const entry = (over: LogRecord): LogRecord => ({
    企业名称: "上海甲化工有限公司",
    统一社会信用代码: CODE_A,
    变化日期: "2026-01-10",
    证明材料: "现场照片",
    ...over,
  });

  it("offers SPEC 4.4's options, Shanghai joining the changes 停产 and 其他 in one as its form does", () => {
    expect(shanghai.changeOptions.map((o) => o.label)).toEqual([
      "企业名称变更",
      "企业关停并转",
      "企业搬迁",
      "企业涉及产污工序停产、其他",
    ]);
    expect(guangxi.changeOptions.map((o) => o.label)).toEqual([
      "企业名称变更",
      "企业关停并转",
      "企业搬迁",
      "企业涉及产污工序停产",
      "其他",
    ]);
    // 注2 (1)–(7) of both forms: (7) 其他情况请提出建议调整（的）意见.
    const results = ["名称变更", "名单撤销", "审核暂缓", "审核终止", "调整管理区域", "继续审核", "其他"];
    expect(shanghai.adjustmentOptions.map((o) => o.label)).toEqual(results);
    expect(guangxi.adjustmentOptions.map((o) => o.label)).toEqual(results);
  });

  describe("pairings of 变化情况 and 调整结果", () => {
    it.each<[string, string, string, Profile]>([
      ["企业名称变更", "名称变更", "", shanghai],
      ["企业关停并转", "名单撤销", "", shanghai],
      ["企业涉及产污工序停产、其他", "审核暂缓", "停产检修", shanghai],
      ["企业涉及产污工序停产", "审核暂缓", "停产检修", guangxi],
      ["企业搬迁", "审核终止", "整体搬迁至外省市", guangxi],
      ["企业搬迁", "调整管理区域", "整体搬迁至本市其他区", shanghai],
      ["企业搬迁", "继续审核", "部分产污工序搬迁，仍符合强审要求", guangxi],
      ["其他", "其他", "建议调整为下一年度名单", guangxi],
      ["企业涉及产污工序停产、其他", "其他", "建议调整为下一年度名单", shanghai],
    ])("accepts the usual %s → %s", (change, result, detail, profile) => {
      expect(
        validate([BASE], [entry({ 变化情况: change, 调整结果: result, 具体说明: detail })], profile),
      ).toEqual([]);
    });

    it.each<[string, string, string, Profile]>([
      ["企业关停并转", "审核暂缓", "", shanghai],
      ["企业关停并转", "审核暂缓", "", guangxi],
      ["企业名称变更", "名单撤销", "", shanghai],
      ["企业涉及产污工序停产", "名单撤销", "停产", guangxi],
      ["企业搬迁", "名称变更", "搬迁", guangxi],
      ["企业名称变更", "其他", "建议移出名单", shanghai],
    ])("warns (not errs) of %s → %s", (change, result, detail, profile) => {
      const issues = validate(
        [BASE],
        [entry({ 变化情况: change, 调整结果: result, 具体说明: detail })],
        profile,
      );
      expect(brief(issues)).toEqual([`warning ${L} ${log("调整结果")} log.unusualPairing`]);
    });
  });

  describe("证明材料", () => {
    it.each([
      ["企业名称变更", "名称变更", ""],
      ["企业关停并转", "名单撤销", ""],
      ["企业涉及产污工序停产", "审核暂缓", "停产"],
      ["企业搬迁", "审核终止", "迁往外省"],
      ["企业搬迁", "调整管理区域", "迁往南宁市其他城区"],
      ["企业搬迁", "继续审核", "部分工序搬迁"],
      ["其他", "其他", "另有情况"],
    ])("is required in Guangxi for %s → %s", (change, result, detail) => {
      const issues = validate(
        [BASE],
        [entry({ 变化情况: change, 调整结果: result, 具体说明: detail, 证明材料: null })],
        guangxi,
      );
      expect(brief(issues)).toEqual([`error ${L} ${log("证明材料")} log.noEvidence`]);
    });

    it.each([
      ["企业名称变更", "名称变更", ""],
      ["企业关停并转", "名单撤销", ""],
    ])("is required in Shanghai for %s → %s", (change, result, detail) => {
      const issues = validate(
        [BASE],
        [entry({ 变化情况: change, 调整结果: result, 具体说明: detail, 证明材料: "  " })],
      );
      expect(brief(issues)).toEqual([`error ${L} ${log("证明材料")} log.noEvidence`]);
    });

    it.each([
      ["企业涉及产污工序停产、其他", "审核暂缓", "停产"],
      ["企业搬迁", "审核终止", "迁往外省"],
      ["企业搬迁", "调整管理区域", "迁往其他区"],
      ["企业搬迁", "继续审核", "部分工序搬迁"],
    ])("is not required in Shanghai for %s → %s", (change, result, detail) => {
      expect(
        validate([BASE], [entry({ 变化情况: change, 调整结果: result, 具体说明: detail, 证明材料: null })]),
      ).toEqual([]);
    });
  });

  describe("具体说明", () => {
    it.each<[string, string, Profile]>([
      ["企业搬迁", "审核终止", shanghai],
      ["企业涉及产污工序停产、其他", "审核暂缓", shanghai],
      ["企业搬迁", "调整管理区域", guangxi],
      ["企业涉及产污工序停产", "审核暂缓", guangxi],
      ["其他", "其他", guangxi],
      ["企业涉及产污工序停产、其他", "其他", shanghai],
    ])("is required for %s → %s", (change, result, profile) => {
      const issues = validate(
        [BASE],
        [entry({ 变化情况: change, 调整结果: result, 具体说明: null })],
        profile,
      );
      expect(brief(issues)).toEqual([`error ${L} ${log("具体说明")} log.noDetail`]);
    });

    it.each([
      ["Shanghai", shanghai],
      ["Guangxi", guangxi],
    ])("is required by the result 其他 in %s, for the suggested adjustment (注2 (7))", (_, profile) => {
      const issues = validate(
        [BASE],
        [entry({ 变化情况: "企业关停并转", 调整结果: "其他", 具体说明: null })],
        profile,
      );
      expect(only(issues, "log.noDetail")).toEqual([`error ${L} ${log("具体说明")} log.noDetail`]);
      expect(issues.find((i) => i.code === "log.noDetail")!.message).toBe(
        "调整结果为“其他”，须在具体说明中提出建议调整意见",
      );
      const told = validate(
        [BASE],
        [entry({ 变化情况: "企业关停并转", 调整结果: "其他", 具体说明: "建议移出名单" })],
        profile,
      );
      expect(only(told, "log.noDetail")).toEqual([]);
    });

    it.each([
      ["企业名称变更", "名称变更"],
      ["企业关停并转", "名单撤销"],
    ])("is not required for %s", (change, result) => {
      expect(validate([BASE], [entry({ 变化情况: change, 调整结果: result })], guangxi)).toEqual([]);
    });
  });

  describe("恢复日期", () => {
    const suspension = (resumed: string) =>
      entry({
        变化情况: "企业涉及产污工序停产、其他",
        具体说明: "停产",
        调整结果: "审核暂缓",
        恢复日期: resumed,
      });

    it("is an error before 变化日期", () => {
      expect(brief(validate([BASE], [suspension("2026-01-09")]))).toEqual([
        `error ${L} ${log("恢复日期")} log.resumeBeforeChange`,
      ]);
    });

    it("may fall on 变化日期 or after it", () => {
      expect(validate([BASE], [suspension("2026-01-10")])).toEqual([]);
      expect(validate([BASE], [suspension("2026-03-01")])).toEqual([]);
    });
  });

  it("is an error for a log row whose 变化情况 or 调整结果 is blank: each is a drop-down of the profile's options", () => {
    const record = entry({ 变化情况: null, 调整结果: null });
    const read = readAdjustmentLog(
      { sheet: L, rows: [[...LOG], LOG.map((l) => record[l] ?? null)] },
      guangxi,
    );
    expect(read.issues.filter((i) => i.severity === "error").map((i) => `${i.sheet} ${i.cell}`)).toEqual([
      `${L} ${log("变化情况")}`,
      `${L} ${log("调整结果")}`,
    ]);
  });

  it("warns of an enterprise the register does not hold", () => {
    const issues = validate(
      [BASE],
      [
        entry({
          企业名称: "不存在公司",
          统一社会信用代码: CODE_B,
          变化情况: "企业名称变更",
          调整结果: "名称变更",
        }),
      ],
    );
    expect(brief(issues)).toEqual([`warning ${L} ${log("企业名称")} log.unknownEnterprise`]);
  });

  it("writes every message in Chinese", () => {
    const issues = validate(
      [{ ...BASE, 统一社会信用代码: PILOT }, BASE, BASE],
      [entry({ 变化情况: "企业关停并转", 调整结果: "审核暂缓", 证明材料: null })],
      guangxi,
    );
    expect(issues.length).toBeGreaterThanOrEqual(4);
    for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
