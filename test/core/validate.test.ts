import type { Issue } from "../../src/core/issues";
import { validateRegister } from "../../src/core/validate";
import { d, guangxi, logEntry, row, shanghai } from "./fixtures";

const asOf = d("2026-11-24");
const codes = (issues: Issue[]) => issues.map((i) => `${i.severity}:${i.code}`);
const cells = {
  creditCode: "C5",
  evaluationResult: "O5",
  acceptedOn: "Q5",
  acceptanceResult: "S5",
  startedOn: "K5",
  name: "B5",
};

describe("credit codes", () => {
  it("is an error for a bad check character, and names the cell", () => {
    const issues = validateRegister(
      [row({ row: 5, cells, creditCode: "91350211M0000XUF46" })],
      [],
      shanghai,
      asOf,
    );
    expect(issues).toEqual([
      expect.objectContaining({
        sheet: "企业名单台账",
        cell: "C5",
        severity: "error",
        code: "creditCode.check",
      }),
    ]);
  });

  it("is only a warning when 备注 says 代码已核实 (SPEC 5)", () => {
    const issues = validateRegister(
      [row({ cells, creditCode: "91350211M0000XUF46", remarks: "试点代码，代码已核实" })],
      [],
      shanghai,
      asOf,
    );
    expect(codes(issues)).toEqual(["warning:creditCode.checkVerified"]);
  });

  it("stays an error for a wrong length or a letter outside the alphabet, whatever 备注 says", () => {
    const issues = validateRegister(
      [
        row({ cells, creditCode: "9135021100000XUF4", remarks: "代码已核实" }),
        row({ cells, creditCode: "9135021100000XUFI6", remarks: "代码已核实" }),
      ],
      [],
      shanghai,
      asOf,
    );
    expect(codes(issues)).toEqual(["error:creditCode.length", "error:creditCode.alphabet"]);
  });

  it("is an error when missing", () => {
    expect(codes(validateRegister([row({ creditCode: "" })], [], shanghai, asOf))).toEqual([
      "error:creditCode.missing",
    ]);
  });
});

describe("duplicates", () => {
  it("is an error for the same enterprise twice in one round, not across rounds", () => {
    const a = row({ listYear: 2025 });
    const b = row({ listYear: 2025, cells });
    const c = row({ listYear: 2026, publishedOn: "2026-03-01" });
    const issues = validateRegister([a, b, c], [], shanghai, asOf);
    expect(issues).toEqual([expect.objectContaining({ cell: "C5", code: "register.duplicate" })]);
  });

  it("matches codes after normalising them", () => {
    const issues = validateRegister(
      [row({ listYear: 2025 }), row({ listYear: 2025, creditCode: " 91310000132149237g " })],
      [],
      shanghai,
      asOf,
    );
    expect(codes(issues)).toEqual(["error:register.duplicate"]);
  });
});

describe("results and scores", () => {
  it("is an error when a typed evaluation result contradicts its score", () => {
    const issues = validateRegister(
      [row({ cells, evaluatedOn: "2026-01-10", evaluationScore: 92, evaluationResult: "补充完善" })],
      [],
      shanghai,
      asOf,
    );
    expect(issues).toEqual([
      expect.objectContaining({ cell: "O5", code: "result.contradictsScore", severity: "error" }),
    ]);
  });

  it("is an error to type 合格 under 60 points", () => {
    const r = row({
      cells,
      evaluatedOn: "2026-01-10",
      evaluationScore: 85,
      acceptedOn: "2026-10-10",
      acceptanceScore: 59.5,
      acceptanceResult: "合格",
    });
    expect(validateRegister([r], [], shanghai, asOf)).toEqual([
      expect.objectContaining({ cell: "S5", code: "result.contradictsScore" }),
    ]);
  });

  it("warns (not errs) on 不合格 with 60 points or more: only a veto explains it", () => {
    const r = row({
      cells,
      evaluatedOn: "2026-01-10",
      evaluationScore: 85,
      acceptedOn: "2026-10-10",
      acceptanceScore: 75,
      acceptanceResult: "不合格",
    });
    expect(codes(validateRegister([r], [], shanghai, asOf))).toEqual(["warning:result.veto"]);
  });
});

describe("dates", () => {
  it("is an error for an act dated before the list's publication", () => {
    const issues = validateRegister(
      [row({ cells, publishedOn: "2025-03-15", startedOn: "2025-03-01" })],
      [],
      shanghai,
      asOf,
    );
    expect(issues).toEqual([expect.objectContaining({ cell: "K5", code: "date.beforePublication" })]);
  });

  it("is an error for acceptance before evaluation", () => {
    const r = row({
      cells,
      evaluatedOn: "2026-05-10",
      evaluationScore: 85,
      acceptedOn: "2026-04-10",
      acceptanceScore: 80,
    });
    expect(codes(validateRegister([r], [], shanghai, asOf))).toContain("error:acceptance.beforeEvaluation");
  });

  it("warns of a Guangxi acceptance less than 3 months after 中高费方案完成", () => {
    const r = row({
      cells,
      evaluatedOn: "2025-12-10",
      evaluationScore: 85,
      highCostDoneOn: "2026-06-01",
      acceptedOn: "2026-08-31",
      acceptanceScore: 80,
    });
    expect(codes(validateRegister([r], [], guangxi, asOf))).toEqual([
      "warning:acceptance.beforeStableRunning",
    ]);
    const onTime = row({
      evaluatedOn: "2025-12-10",
      evaluationScore: 85,
      highCostDoneOn: "2026-06-01",
      acceptedOn: "2026-09-01",
      acceptanceScore: 80,
    });
    expect(validateRegister([onTime], [], guangxi, asOf)).toEqual([]);
  });
});

describe("the adjustment log", () => {
  const known = [row({})];

  it("warns of an unusual pairing (关停并转 → 审核暂缓)", () => {
    const log = [logEntry(shanghai, { on: "2026-01-10", change: "closure", result: "suspend" })];
    expect(codes(validateRegister(known, log, shanghai, asOf))).toEqual(["warning:log.unusualPairing"]);
  });

  it("accepts the usual pairings", () => {
    const log = [
      logEntry(guangxi, { on: "2026-01-10", change: "rename", result: "rename" }),
      logEntry(guangxi, {
        on: "2026-01-10",
        change: "relocation",
        result: "transfer",
        detail: "整体搬迁至本市其他区",
      }),
      logEntry(guangxi, { on: "2026-01-10", change: "suspension", result: "suspend", detail: "停产" }),
    ];
    expect(validateRegister(known, log, guangxi, asOf)).toEqual([]);
  });

  it("requires 证明材料 for every Guangxi adjustment, and for Shanghai's 名称变更 and 名单撤销", () => {
    const gx = [
      logEntry(guangxi, {
        on: "2026-01-10",
        change: "suspension",
        result: "suspend",
        detail: "停产",
        evidence: "",
      }),
    ];
    expect(codes(validateRegister(known, gx, guangxi, asOf))).toEqual(["error:log.noEvidence"]);
    const shOk = [
      logEntry(shanghai, {
        on: "2026-01-10",
        change: "suspension",
        result: "suspend",
        detail: "停产",
        evidence: "",
      }),
    ];
    expect(validateRegister(known, shOk, shanghai, asOf)).toEqual([]);
    const shBad = [
      logEntry(shanghai, { on: "2026-01-10", change: "closure", result: "revoke", evidence: "" }),
    ];
    expect(codes(validateRegister(known, shBad, shanghai, asOf))).toEqual(["error:log.noEvidence"]);
  });

  it("requires 具体说明 for 搬迁, 停产 and 其他", () => {
    const log = [
      logEntry(guangxi, { on: "2026-01-10", change: "relocation", result: "terminate" }),
      logEntry(guangxi, { on: "2026-01-10", change: "other", result: "other" }),
    ];
    expect(codes(validateRegister(known, log, guangxi, asOf))).toEqual([
      "error:log.noDetail",
      "error:log.noDetail",
    ]);
  });

  it("is an error for 恢复日期 before 变化日期", () => {
    const log = [
      logEntry(shanghai, {
        on: "2026-01-10",
        change: "suspension",
        result: "suspend",
        detail: "停产",
        resumedOn: "2026-01-01",
      }),
    ];
    expect(codes(validateRegister(known, log, shanghai, asOf))).toEqual(["error:log.resumeBeforeChange"]);
  });

  it("warns of an enterprise the register does not hold", () => {
    const log = [
      logEntry(shanghai, {
        name: "不存在公司",
        creditCode: "",
        on: "2026-01-10",
        change: "rename",
        result: "rename",
      }),
    ];
    expect(codes(validateRegister(known, log, shanghai, asOf))).toEqual(["warning:log.unknownEnterprise"]);
  });
});
