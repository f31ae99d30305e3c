// SPEC 3: deadlines, stages, overdue codes and 逾期天数, rule by rule, with the day of each deadline and the
// day after it.

import type { EnterpriseEvents } from "../../src/core/adjustments";
import { formatIsoDate, type DateSerial, type Quarter } from "../../src/core/dates";
import { annualSummaryDeadline, quarterlyReportDeadline } from "../../src/core/deadlines";
import type { Grid } from "../../src/core/grid";
import { appliedDeadlines, DEADLINE_CODES, type DeadlineCode, type Profile } from "../../src/core/profiles";
import type { RegisterRow } from "../../src/core/register";
import { extendPastRestDays, restDayCalendar } from "../../src/core/restDays";
import {
  registerStatus,
  rowStatus,
  STAGE_LABELS,
  type ArchiveRecord,
  type RowContext,
  type RowStatus,
} from "../../src/core/status";
import { validateRegister } from "../../src/core/validate";
import { loadWorkbook, workbookStatus } from "../../src/core/workbook";
import { d, guangxi, logEntry, row, shanghai, type RowInput } from "./fixtures";

const iso = (s: DateSerial | null) => (s === null ? null : formatIsoDate(s));
const dayAfter = (isoDate: string) => formatIsoDate(d(isoDate) + 1);

function at(r: RegisterRow, asOf: string, profile: Profile = shanghai, context: RowContext = {}): RowStatus {
  return rowStatus(r, { profile, asOf: d(asOf) }, context);
}
const deadlinesOf = (input: RowInput, profile: Profile = shanghai, asOf = "2020-01-01") => {
  const s = at(row(input), asOf, profile);
  return Object.fromEntries(DEADLINE_CODES.map((c) => [c, iso(s.deadlines[c])])) as Record<
    DeadlineCode,
    string | null
  >;
};
const suspended = (from: string, until: string | null = null): EnterpriseEvents => ({
  suspensions: [{ from: d(from), until: until === null ? null : d(until) }],
  revokedOn: null,
  terminatedOn: null,
});
const emptyRecord = (over: Partial<ArchiveRecord> = {}): ArchiveRecord => ({
  evaluationArchivedOn: null,
  evaluationRevisedOn: null,
  acceptanceArchivedOn: null,
  acceptanceRevisedOn: null,
  ...over,
});
const withProfile = (
  base: Profile,
  deadlines: Partial<Profile["deadlines"]>,
  over: Partial<Profile> = {},
) => ({
  ...base,
  ...over,
  deadlines: { ...base.deadlines, ...deadlines },
});

/** A round published 2025-03-15 that disclosed and started in time. */
const STARTED = { publishedOn: "2025-03-15", disclosedOn: "2025-04-01", startedOn: "2025-04-01" } as const;
/** …and was evaluated with a pass. */
const EVALUATED = { ...STARTED, evaluatedOn: "2026-01-10", evaluationScore: 85 } as const;
/** …and accepted. */
const ACCEPTED = { ...EVALUATED, acceptedOn: "2026-10-10", acceptanceScore: 80 } as const;

describe("stage labels", () => {
  it("are SPEC 3's machine codes and labels", () => {
    expect(STAGE_LABELS).toEqual({
      listed: "已列入",
      auditing: "审核中",
      reaudit: "需重新审核",
      evaluated: "已评估·方案实施中",
      accepted: "已验收",
      acceptance_failed: "验收不合格·需重新审核",
      suspended: "审核暂缓",
      revoked: "名单撤销",
      terminated: "审核终止",
    });
  });

  it("use SPEC 3's overdue codes", () => {
    expect([...DEADLINE_CODES]).toEqual([
      "disclosure",
      "start",
      "evaluation",
      "acceptance",
      "revision",
      "archive",
      "next_round",
    ]);
  });
});

describe("the profiles read as SPEC 3's table", () => {
  it("give both regions the same periods for disclosure, start, evaluation, acceptance and revision", () => {
    for (const p of [shanghai, guangxi]) {
      expect(p.deadlines).toMatchObject({
        disclosureMonths: 1,
        startMonths: 2,
        evaluationYears: 1,
        acceptanceYears: 2,
        acceptanceFrom: "publication",
        revisionMonths: 1,
      });
    }
  });

  it("give Shanghai 收文时间, archive, the quarterly report and the annual summary", () => {
    expect(shanghai.deadlines).toMatchObject({
      disclosureFromReceipt: true,
      archiveMonths: 1,
      stableRunningMonths: null,
      nextRoundYears: null,
      quarterlyReportDay: 10,
      annualSummaryMonth: 2,
    });
    expect(appliedDeadlines(shanghai)).not.toContain("next_round");
  });

  it("give Guangxi three months of stable running and five years to the next round", () => {
    expect(guangxi.deadlines).toMatchObject({
      disclosureFromReceipt: false,
      archiveMonths: null,
      stableRunningMonths: 3,
      nextRoundYears: 5,
      quarterlyReportDay: null,
      annualSummaryMonth: null,
    });
    expect(appliedDeadlines(guangxi)).not.toContain("archive");
  });
});

describe("deadline dates", () => {
  it.each([
    ["Shanghai", shanghai],
    ["Guangxi", guangxi],
  ])(
    "%s: disclosure publication + 1 month, start + 2 months, evaluation + 1 year, acceptance + 2 years",
    (_, profile) => {
      expect(deadlinesOf({ publishedOn: "2025-03-15" }, profile)).toMatchObject({
        disclosure: "2025-04-15",
        start: "2025-05-15",
        evaluation: "2026-03-15",
        acceptance: "2027-03-15",
      });
    },
  );

  it("counts Shanghai's disclosure from 收文时间 where given", () => {
    expect(deadlinesOf({ publishedOn: "2025-03-15", receivedOn: "2025-03-20" }).disclosure).toBe(
      "2025-04-20",
    );
    expect(deadlinesOf({ publishedOn: "2025-03-15", receivedOn: null }).disclosure).toBe("2025-04-15");
  });

  it("counts only disclosure from 收文时间: start, evaluation and acceptance run from publication", () => {
    expect(deadlinesOf({ publishedOn: "2025-03-15", receivedOn: "2025-03-20" })).toMatchObject({
      start: "2025-05-15",
      evaluation: "2026-03-15",
      acceptance: "2027-03-15",
    });
  });

  it("counts Guangxi's disclosure from publication even where 收文时间 is given", () => {
    expect(deadlinesOf({ publishedOn: "2025-03-15", receivedOn: "2025-03-20" }, guangxi).disclosure).toBe(
      "2025-04-15",
    );
  });

  it.each([
    ["2025-01-31", { disclosure: "2025-02-28", start: "2025-03-31", evaluation: "2026-01-31" }],
    ["2025-12-31", { disclosure: "2026-01-31", start: "2026-02-28", evaluation: "2026-12-31" }],
    ["2023-12-31", { disclosure: "2024-01-31", start: "2024-02-29" }],
    ["2026-07-31", { disclosure: "2026-08-31", start: "2026-09-30" }],
    ["2026-08-31", { disclosure: "2026-09-30", start: "2026-10-31" }],
    ["2025-10-31", { disclosure: "2025-11-30", start: "2025-12-31" }],
  ])("clamps a publication on %s to the month's last day", (published, expected) => {
    expect(deadlinesOf({ publishedOn: published })).toMatchObject(expected);
  });

  it("clamps a 收文时间 on 31 January to 28 February", () => {
    expect(deadlinesOf({ publishedOn: "2025-01-20", receivedOn: "2025-01-31" }).disclosure).toBe(
      "2025-02-28",
    );
  });

  it("takes a 29 February publication to 28 February one and two years on", () => {
    expect(deadlinesOf({ publishedOn: "2024-02-29" })).toMatchObject({
      disclosure: "2024-03-29",
      start: "2024-04-29",
      evaluation: "2025-02-28",
      acceptance: "2026-02-28",
    });
    expect(deadlinesOf({ publishedOn: "2024-02-29" }, guangxi)).toMatchObject({
      evaluation: "2025-02-28",
      acceptance: "2026-02-28",
    });
  });

  it("keeps the 28th in a leap year and clamps 31 December + 2 months to 29 February 2028", () => {
    expect(deadlinesOf({ publishedOn: "2027-02-28" })).toMatchObject({ evaluation: "2028-02-28" });
    expect(deadlinesOf({ publishedOn: "2026-02-28" })).toMatchObject({ acceptance: "2028-02-28" });
    expect(deadlinesOf({ publishedOn: "2027-12-31" })).toMatchObject({ start: "2028-02-29" });
  });

  it("counts acceptance from 审核启动时间 when the profile says acceptanceFrom: start", () => {
    const fromStart = withProfile(shanghai, { acceptanceFrom: "start" });
    const started = { publishedOn: "2025-03-15", startedOn: "2025-05-01" };
    expect(deadlinesOf(started, fromStart, "2025-05-01").acceptance).toBe("2027-05-01");
    expect(deadlinesOf(started, shanghai, "2025-05-01").acceptance).toBe("2027-03-15");
    expect(
      deadlinesOf({ publishedOn: "2024-02-10", startedOn: "2024-02-29" }, fromStart, "2024-03-01").acceptance,
    ).toBe("2026-02-28");
  });

  it("counts acceptance from publication while 审核启动时间 is still after the as-of date, as start does", () => {
    const fromStart = withProfile(shanghai, { acceptanceFrom: "start" });
    const r = row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-01", startedOn: "2025-06-01" });
    const before = at(r, "2025-05-20", fromStart);
    expect(before.overdue).toEqual(["start"]);
    expect(iso(before.deadlines.acceptance)).toBe("2027-03-15");
    expect(iso(at(r, "2025-06-01", fromStart).deadlines.acceptance)).toBe("2027-06-01");
  });

  it("gives Guangxi's earliest acceptance three months after 中高费方案完成, and none in Shanghai", () => {
    const r = row({ ...EVALUATED, highCostDoneOn: "2026-05-31" });
    expect(iso(at(r, "2026-06-01", guangxi).earliestAcceptance)).toBe("2026-08-31");
    expect(at(r, "2026-06-01", shanghai).earliestAcceptance).toBeNull();
    const nov = row({ ...EVALUATED, highCostDoneOn: "2026-11-30" });
    expect(iso(at(nov, "2026-12-01", guangxi).earliestAcceptance)).toBe("2027-02-28");
  });

  it("applies archive to Shanghai only and next_round to Guangxi only", () => {
    const r = row(ACCEPTED);
    const sh = at(r, "2026-10-11");
    const gx = at(r, "2026-10-11", guangxi);
    expect(iso(sh.deadlines.archive)).toBe("2026-11-10");
    expect(sh.deadlines.next_round).toBeNull();
    expect(gx.deadlines.archive).toBeNull();
    expect(iso(gx.deadlines.next_round)).toBe("2031-10-10");
  });

  it("gives no deadline that depends on publication when publication is blank", () => {
    const s = at(row({ publishedOn: null }), "2026-01-01");
    expect(s.deadlines).toMatchObject({ disclosure: null, start: null, evaluation: null, acceptance: null });
    expect(s.overdue).toEqual([]);
  });
});

describe("the deadline day is on time, the day after is late", () => {
  // Each case: the act, its deadline for a round published 2025-03-15, and what the round did before it.
  const cases: [DeadlineCode, keyof RowInput, string, RowInput][] = [
    ["disclosure", "disclosedOn", "2025-04-15", { startedOn: "2025-04-01" }],
    ["start", "startedOn", "2025-05-15", { disclosedOn: "2025-04-01" }],
    ["evaluation", "evaluatedOn", "2026-03-15", { ...STARTED }],
    ["acceptance", "acceptedOn", "2027-03-15", { ...EVALUATED }],
  ];
  const scoreFor = (code: DeadlineCode): RowInput =>
    code === "evaluation" ? { evaluationScore: 85 } : code === "acceptance" ? { acceptanceScore: 80 } : {};

  it.each(cases)("does not flag %s on its deadline day %s with the act missing", (code, _, due, before) => {
    const s = at(row({ publishedOn: "2025-03-15", ...before }), due);
    expect(s.overdue).not.toContain(code);
    expect(iso(s.deadlines[code])).toBe(due);
  });

  it.each(cases)("flags %s the day after its deadline with the act missing", (code, _, due, before) => {
    const s = at(row({ publishedOn: "2025-03-15", ...before }), dayAfter(due));
    expect(s.overdue).toEqual([code]);
    expect(s.overdueDays).toBe(1);
  });

  it.each(cases)("takes %s done on the deadline day as on time", (code, field, due, before) => {
    const s = at(
      row({ publishedOn: "2025-03-15", ...before, [field]: due, ...scoreFor(code) }),
      "2027-06-01",
    );
    expect(s.overdue).not.toContain(code);
  });

  it.each(cases)("keeps %s done the day after as late history, with 0 days", (code, field, due, before) => {
    const r = row({ publishedOn: "2025-03-15", ...before, [field]: dayAfter(due), ...scoreFor(code) });
    const s = at(r, dayAfter(dayAfter(due)));
    expect(s.overdue).toEqual([code]);
    expect(s.overdueDays).toBe(0);
  });

  it("flags Shanghai's disclosure the day after 收文时间 + 1 month, not publication + 1 month", () => {
    const r = row({ publishedOn: "2025-03-15", receivedOn: "2025-03-25", startedOn: "2025-04-01" });
    expect(at(r, "2025-04-16").overdue).toEqual([]);
    expect(at(r, "2025-04-25").overdue).toEqual([]);
    expect(at(r, "2025-04-26").overdue).toEqual(["disclosure"]);
    expect(at(r, "2025-04-16", guangxi).overdue).toEqual(["disclosure"]);
  });

  it("flags acceptance one day after publication + 2 years", () => {
    const r = row(EVALUATED);
    expect(at(r, "2027-03-15").overdue).toEqual([]);
    expect(at(r, "2027-03-16").overdue).toEqual(["acceptance"]);
  });

  it("flags acceptance one day after 审核启动时间 + 2 years under acceptanceFrom: start", () => {
    const fromStart = withProfile(shanghai, { acceptanceFrom: "start" });
    const r = row({ ...EVALUATED, startedOn: "2025-05-10" });
    expect(at(r, "2027-03-16", fromStart).overdue).toEqual([]);
    expect(at(r, "2027-05-10", fromStart).overdue).toEqual([]);
    expect(at(r, "2027-05-11", fromStart).overdue).toEqual(["acceptance"]);
    expect(at(r, "2027-05-11", fromStart).overdueDays).toBe(1);
  });

  it("flags evaluation of a 29 February round the day after 28 February", () => {
    const r = row({ publishedOn: "2024-02-29", disclosedOn: "2024-03-10", startedOn: "2024-04-01" });
    expect(at(r, "2025-02-28").overdue).toEqual([]);
    expect(at(r, "2025-03-01").overdue).toEqual(["evaluation"]);
  });

  it("flags start of a 31 December round the day after the end of February", () => {
    const r = row({ publishedOn: "2025-12-31", disclosedOn: "2026-01-10" });
    expect(at(r, "2026-02-28").overdue).toEqual([]);
    expect(at(r, "2026-03-01").overdue).toEqual(["start"]);
  });

  it("applies the same days to Guangxi", () => {
    const r = row({ publishedOn: "2025-03-15" });
    expect(at(r, "2025-04-15", guangxi).overdue).toEqual([]);
    expect(at(r, "2025-04-16", guangxi).overdue).toEqual(["disclosure"]);
    expect(at(r, "2025-05-16", guangxi).overdue).toEqual(["disclosure", "start"]);
  });
});

describe("acts dated after the as-of date are ignored", () => {
  it("ignores a start dated after the as-of date", () => {
    const s = at(
      row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-01", startedOn: "2025-06-01" }),
      "2025-05-20",
    );
    expect(s.stage).toBe("listed");
    expect(s.overdue).toEqual(["start"]);
    expect(s.overdueDays).toBe(5);
  });

  it("ignores an evaluation and an acceptance dated after the as-of date", () => {
    const r = row(ACCEPTED);
    expect(at(r, "2026-01-09").stage).toBe("auditing");
    expect(at(r, "2026-10-09").stage).toBe("evaluated");
    expect(at(r, "2026-10-10").stage).toBe("accepted");
  });

  it("ignores a disclosure dated after the as-of date", () => {
    const s = at(
      row({ publishedOn: "2025-03-15", disclosedOn: "2025-05-01", startedOn: "2025-04-01" }),
      "2025-04-20",
    );
    expect(s.overdue).toEqual(["disclosure"]);
    expect(s.overdueDays).toBe(5);
  });
});

describe("stages", () => {
  it("walks 已列入 → 审核中 → 已评估·方案实施中 → 已验收", () => {
    const r = row(ACCEPTED);
    expect(at(r, "2025-03-31").stage).toBe("listed");
    expect(at(r, "2025-04-01").stage).toBe("auditing");
    expect(at(r, "2026-01-10").stage).toBe("evaluated");
    expect(at(r, "2026-10-10").stage).toBe("accepted");
  });

  it("stays 已列入 after disclosure alone", () => {
    expect(at(row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-01" }), "2025-04-02").stage).toBe(
      "listed",
    );
  });

  it("raises no flags for a round accepted in time", () => {
    const s = at(row(ACCEPTED), "2027-06-01");
    expect(s.stage).toBe("accepted");
    expect(s.overdue).toEqual([]);
    expect(s.overdueDays).toBe(0);
  });
});

describe("a failed evaluation leaves evaluation open (SPEC 3 Decision)", () => {
  it("keeps evaluation open after a typed 不通过, stage 需重新审核", () => {
    const r = row({ ...STARTED, evaluatedOn: "2026-02-01", evaluationResult: "不通过" });
    expect(at(r, "2026-02-02").stage).toBe("reaudit");
    expect(at(r, "2026-03-15").overdue).toEqual([]);
    const late = at(r, "2026-03-20");
    expect(late.overdue).toEqual(["evaluation"]);
    expect(late.overdueDays).toBe(5);
  });

  it("is the profile's decision: with failedActMeetsDeadline the failed act meets it, still 需重新审核", () => {
    const lenient = { ...shanghai, decisions: { ...shanghai.decisions, failedActMeetsDeadline: true } };
    const r = row({ ...STARTED, evaluatedOn: "2026-02-01", evaluationResult: "不通过" });
    expect(at(r, "2026-03-20", lenient)).toMatchObject({ stage: "reaudit", overdue: [] });
    expect(at(r, "2026-03-20", lenient).moved).toEqual([]);
  });

  it.each([69.5, 60, 0])("derives 不通过 from a score of %p when no result is typed", (score) => {
    const s = at(row({ ...STARTED, evaluatedOn: "2026-02-01", evaluationScore: score }), "2026-03-16");
    expect(s.stage).toBe("reaudit");
    expect(s.overdue).toEqual(["evaluation"]);
  });

  it("lets the score decide over a typed result that contradicts it", () => {
    const s = at(
      row({ ...STARTED, evaluatedOn: "2026-02-01", evaluationScore: 65, evaluationResult: "通过" }),
      "2026-03-16",
    );
    expect(s.stage).toBe("reaudit");
    expect(s.overdue).toEqual(["evaluation"]);
  });

  it.each([70, 82.5, 90, 90.5, 100])("takes a score of %p as meeting the evaluation deadline", (score) => {
    const s = at(row({ ...STARTED, evaluatedOn: "2026-02-01", evaluationScore: score }), "2026-03-16");
    expect(s.stage).toBe("evaluated");
    expect(s.overdue).toEqual([]);
  });

  it.each(["通过", "补充完善"] as const)("takes a typed %s without a score as meeting it", (result) => {
    const s = at(row({ ...STARTED, evaluatedOn: "2026-02-01", evaluationResult: result }), "2026-03-16");
    expect(s.stage).toBe("evaluated");
    expect(s.overdue).toEqual([]);
  });

  it("meets evaluation with a later passing re-evaluation, late", () => {
    const s = at(row({ ...STARTED, evaluatedOn: "2026-04-01", evaluationScore: 80 }), "2026-04-02");
    expect(s.stage).toBe("evaluated");
    expect(s.overdue).toEqual(["evaluation"]);
    expect(s.overdueDays).toBe(0);
  });
});

describe("a failed acceptance leaves acceptance open (SPEC 3 Decision)", () => {
  it("keeps acceptance open after a score below 60, stage 验收不合格·需重新审核", () => {
    const r = row({ ...EVALUATED, acceptedOn: "2027-01-10", acceptanceScore: 59.5 });
    expect(at(r, "2027-01-11").stage).toBe("acceptance_failed");
    expect(at(r, "2027-03-15").overdue).toEqual([]);
    const late = at(r, "2027-03-25");
    expect(late.overdue).toEqual(["acceptance"]);
    expect(late.overdueDays).toBe(10);
  });

  it("keeps it open after a typed 不合格 without a score", () => {
    const r = row({ ...EVALUATED, acceptedOn: "2027-01-10", acceptanceResult: "不合格" });
    expect(at(r, "2027-03-16")).toMatchObject({ stage: "acceptance_failed", overdue: ["acceptance"] });
  });

  it("honours a typed 不合格 with 60 points or more (a key indicator answered 否)", () => {
    const r = row({
      ...EVALUATED,
      acceptedOn: "2027-01-10",
      acceptanceScore: 95,
      acceptanceResult: "不合格",
    });
    expect(at(r, "2027-03-16")).toMatchObject({ stage: "acceptance_failed", overdue: ["acceptance"] });
  });

  it("lets a score below 60 decide over a typed 合格", () => {
    const r = row({ ...EVALUATED, acceptedOn: "2027-01-10", acceptanceScore: 50, acceptanceResult: "合格" });
    expect(at(r, "2027-03-16")).toMatchObject({ stage: "acceptance_failed", overdue: ["acceptance"] });
  });

  it.each([60, 75, 100])("takes a score of %p as 合格", (score) => {
    const r = row({ ...EVALUATED, acceptedOn: "2027-01-10", acceptanceScore: score });
    expect(at(r, "2027-03-16")).toMatchObject({ stage: "accepted", overdue: [] });
  });
});

describe("逾期天数: days from the earliest unmet deadline to the as-of date", () => {
  it("counts from disclosure when neither disclosure nor start is done", () => {
    const s = at(row({ publishedOn: "2025-03-15" }), "2025-05-20");
    expect(s.overdue).toEqual(["disclosure", "start"]);
    expect(s.overdueDays).toBe(35);
  });

  it("counts from start when disclosure was done late", () => {
    const s = at(row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-20" }), "2025-05-20");
    expect(s.overdue).toEqual(["disclosure", "start"]);
    expect(s.overdueDays).toBe(5);
  });

  it("is 0 when every flagged act is done, only late", () => {
    const r = row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-16", startedOn: "2025-05-16" });
    const s = at(r, "2025-06-01");
    expect(s.overdue).toEqual(["disclosure", "start"]);
    expect(s.overdueDays).toBe(0);
  });

  it("is 0 before any deadline passes", () => {
    expect(at(row({ publishedOn: "2025-03-15" }), "2025-03-15")).toMatchObject({
      overdue: [],
      overdueDays: 0,
    });
  });

  it("counts from the evaluation deadline a year on", () => {
    const s = at(row(STARTED), "2026-12-31");
    expect(s.overdue).toEqual(["evaluation"]);
    expect(s.overdueDays).toBe(291);
  });
});

describe("suspension 审核暂缓", () => {
  const r = row(STARTED);

  it("raises no flags while suspended without 恢复日期, however late the round is", () => {
    const s = at(r, "2027-06-01", shanghai, { events: suspended("2026-01-01") });
    expect(s).toMatchObject({ stage: "suspended", overdue: [], overdueDays: 0 });
  });

  it("raises no flags while suspended with a 恢复日期 still to come", () => {
    const s = at(r, "2026-06-01", shanghai, { events: suspended("2026-01-01", "2026-07-01") });
    expect(s).toMatchObject({ stage: "suspended", overdue: [], overdueDays: 0 });
  });

  it("is not suspended before its 变化日期", () => {
    expect(at(r, "2025-12-31", shanghai, { events: suspended("2026-01-01") }).stage).toBe("auditing");
  });

  it("keeps the stage it had once resumed", () => {
    expect(at(r, "2026-03-02", shanghai, { events: suspended("2026-01-01", "2026-03-02") }).stage).toBe(
      "auditing",
    );
  });

  it("moves open deadlines later by the suspension's length on resumption", () => {
    // 2026-01-01 → 2026-03-02 is 60 days: evaluation 2026-03-15 → 2026-05-14, acceptance 2027-03-15 → 2027-05-14.
    const events = suspended("2026-01-01", "2026-03-02");
    const s = at(r, "2026-04-01", shanghai, { events });
    expect(iso(s.deadlines.evaluation)).toBe("2026-05-14");
    expect(iso(s.deadlines.acceptance)).toBe("2027-05-14");
    expect(s.moved).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "evaluation", from: d("2026-03-15"), to: d("2026-05-14") }),
        expect.objectContaining({ code: "acceptance", from: d("2027-03-15"), to: d("2027-05-14") }),
      ]),
    );
    expect(at(r, "2026-05-14", shanghai, { events }).overdue).toEqual([]);
    expect(at(r, "2026-05-15", shanghai, { events })).toMatchObject({
      overdue: ["evaluation"],
      overdueDays: 1,
    });
  });

  it("does not move deadlines already met before the suspension", () => {
    const s = at(r, "2026-04-01", shanghai, { events: suspended("2026-01-01", "2026-03-02") });
    expect(iso(s.deadlines.disclosure)).toBe("2025-04-15");
    expect(iso(s.deadlines.start)).toBe("2025-05-15");
    expect(s.moved.map((m) => m.code)).not.toContain("disclosure");
    expect(s.moved.map((m) => m.code)).not.toContain("start");
  });

  it("moves a deadline met during the suspension, which was open when it began", () => {
    const early = row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-01", startedOn: "2025-06-01" });
    const s = at(early, "2025-08-01", shanghai, { events: suspended("2025-05-01", "2025-06-30") });
    expect(iso(s.deadlines.start)).toBe("2025-07-14");
    expect(s.overdue).toEqual([]);
  });

  it("does not forgive a deadline already missed when the suspension began", () => {
    // 信息公开 was due 2025-04-15 and never done; the suspension of June changes nothing for it.
    const late = row({ publishedOn: "2025-03-15" });
    const events = suspended("2025-06-01", "2025-07-01");
    const s = at(late, "2025-08-01", shanghai, { events });
    expect(iso(s.deadlines.disclosure)).toBe("2025-04-15");
    expect(s.moved.map((m) => m.code)).not.toContain("disclosure");
    expect(s.overdue).toContain("disclosure");
    expect(s.overdueDays).toBe(108);
    // A deadline falling on the suspension's first day was still running that day: it moves.
    const onTheDay = at(late, "2025-08-01", shanghai, { events: suspended("2025-04-15", "2025-04-25") });
    expect(iso(onTheDay.deadlines.disclosure)).toBe("2025-04-25");
  });

  it("moves nothing where the profile's decision says suspensions shift no deadline", () => {
    const strict = {
      ...shanghai,
      decisions: { ...shanghai.decisions, suspensionShiftsRunningDeadlines: false },
    };
    const s = at(r, "2026-04-01", strict, { events: suspended("2026-01-01", "2026-03-02") });
    expect(iso(s.deadlines.evaluation)).toBe("2026-03-15");
    expect(s.overdue).toEqual(["evaluation"]);
  });

  it("adds the lengths of two suspensions", () => {
    const events: EnterpriseEvents = {
      suspensions: [
        { from: d("2025-06-01"), until: d("2025-06-11") },
        { from: d("2025-09-01"), until: d("2025-09-21") },
      ],
      revokedOn: null,
      terminatedOn: null,
    };
    expect(iso(at(r, "2025-10-01", shanghai, { events }).deadlines.evaluation)).toBe("2026-04-14");
  });

  it("finds a suspension in the log by credit code through registerStatus", () => {
    const log = [
      logEntry(shanghai, {
        on: "2026-01-01",
        change: "suspension",
        result: "suspend",
        detail: "停产",
        resumedOn: "2026-03-02",
      }),
    ];
    const [s] = registerStatus([row(STARTED)], log, { profile: shanghai, asOf: d("2026-04-01") });
    expect(iso(s!.deadlines.evaluation)).toBe("2026-05-14");
    const [during] = registerStatus([row({ publishedOn: "2024-03-15" })], log, {
      profile: shanghai,
      asOf: d("2026-02-01"),
    });
    expect(during).toMatchObject({ stage: "suspended", overdue: [], overdueDays: 0 });
  });
});

describe("revoked and terminated rows are quiet", () => {
  const late = row({ publishedOn: "2025-03-15" });
  const revoked: EnterpriseEvents = { suspensions: [], revokedOn: d("2025-09-01"), terminatedOn: null };
  const terminated: EnterpriseEvents = { suspensions: [], revokedOn: null, terminatedOn: d("2025-09-01") };

  it("raises nothing once revoked", () => {
    expect(at(late, "2027-06-01", shanghai, { events: revoked })).toMatchObject({
      stage: "revoked",
      overdue: [],
      overdueDays: 0,
    });
  });

  it("raises nothing once terminated", () => {
    expect(at(late, "2027-06-01", guangxi, { events: terminated })).toMatchObject({
      stage: "terminated",
      overdue: [],
      overdueDays: 0,
    });
  });

  it("flags as usual before the revocation date", () => {
    const s = at(late, "2025-08-31", shanghai, { events: revoked });
    expect(s.stage).toBe("listed");
    expect(s.overdue).toEqual(["disclosure", "start"]);
  });

  it("finds revocations in the log by credit code, or by name when the log has no code", () => {
    const rows = [row({ name: "甲公司" }), row({ name: "乙公司", creditCode: "" })];
    const log = [
      logEntry(shanghai, { name: "甲公司（新名）", on: "2025-09-01", change: "closure", result: "revoke" }),
      logEntry(shanghai, {
        name: "乙公司",
        creditCode: "",
        on: "2025-09-01",
        change: "closure",
        result: "revoke",
      }),
    ];
    const statuses = registerStatus(rows, log, { profile: shanghai, asOf: d("2025-10-01") });
    expect(statuses.map((s) => [s.stage, s.overdue.length])).toEqual([
      ["revoked", 0],
      ["revoked", 0],
    ]);
  });
});

describe("Guangxi's next round: acceptance + 5 years", () => {
  const round1 = {
    publishedOn: "2020-03-15",
    disclosedOn: "2020-04-01",
    startedOn: "2020-04-01",
    evaluatedOn: "2021-02-01",
    evaluationScore: 85,
    acceptedOn: "2021-10-01",
    acceptanceScore: 80,
  } as const;
  const status = (rows: RegisterRow[], asOf: string, profile: Profile = guangxi) =>
    registerStatus(rows, [], { profile, asOf: d(asOf) });

  it("flags next_round the day after acceptance + 5 years", () => {
    expect(status([row(round1)], "2026-10-01")[0]!.overdue).toEqual([]);
    expect(status([row(round1)], "2026-10-02")[0]).toMatchObject({ overdue: ["next_round"], overdueDays: 1 });
  });

  it("never flags next_round in Shanghai", () => {
    expect(status([row(round1)], "2030-01-01", shanghai)[0]!.overdue).toEqual([]);
  });

  it("does not start counting from a failed acceptance", () => {
    const failed = row({ ...round1, acceptanceScore: 50 });
    expect(status([failed], "2026-10-02")[0]!.overdue).not.toContain("next_round");
  });

  it("is quiet when a later round of the same credit code is in the register", () => {
    const later = row({ publishedOn: "2026-06-01", disclosedOn: "2026-06-10", startedOn: "2026-07-01" });
    const s = status([row(round1), later], "2026-10-02");
    expect(s[0]!.overdue).toEqual([]);
    expect(s[0]!.overdueDays).toBe(0);
  });

  it("matches the later round's code after normalising it, whatever its name", () => {
    const later = row({
      name: "广西某某化工有限公司（更名后）",
      creditCode: " 91310000132149237g ",
      publishedOn: "2026-06-01",
      disclosedOn: "2026-06-10",
      startedOn: "2026-07-01",
    });
    expect(status([row(round1), later], "2026-10-02")[0]!.overdue).toEqual([]);
  });

  it("does not offer 下一轮审核 as 下一期限 once the next round is registered", () => {
    const later = row({ publishedOn: "2026-06-01" });
    const [first] = status([row(round1), later], "2026-07-01");
    expect(first!.nextDeadline).toBeNull();
    expect(first!.overdue).toEqual([]);
  });

  it("offers it until the day the next round is published, as of an earlier date", () => {
    const later = row({ publishedOn: "2026-06-01" });
    const [first] = status([row(round1), later], "2026-05-31");
    expect(first!.nextDeadline).toEqual({ code: "next_round", date: d("2026-10-01") });
  });

  it("still flags when the later row belongs to another enterprise", () => {
    const other = row({
      creditCode: "000000000000000000",
      publishedOn: "2026-06-01",
      disclosedOn: "2026-06-10",
      startedOn: "2026-07-01",
    });
    expect(status([row(round1), other], "2026-10-02")[0]!.overdue).toEqual(["next_round"]);
  });

  describe("for a row whose 上轮验收时间 is given", () => {
    const next = (startedOn: string | null) =>
      row({
        publishedOn: "2026-08-10",
        disclosedOn: "2026-08-20",
        startedOn,
        previousAcceptedOn: "2021-10-01",
      });

    it("is due 上轮验收时间 + 5 years", () => {
      expect(iso(at(next(null), "2026-09-01", guangxi).deadlines.next_round)).toBe("2026-10-01");
    });

    it("is met by this round's 审核启动时间 on the deadline day", () => {
      expect(at(next("2026-10-01"), "2026-10-05", guangxi).overdue).toEqual([]);
    });

    it("is flagged when this round has not started by then", () => {
      expect(at(next(null), "2026-10-01", guangxi).overdue).toEqual([]);
      expect(at(next(null), "2026-10-05", guangxi)).toMatchObject({
        overdue: ["next_round"],
        overdueDays: 4,
      });
    });

    it("keeps a late start as history with 0 days", () => {
      expect(at(next("2026-10-02"), "2026-10-05", guangxi)).toMatchObject({
        overdue: ["next_round"],
        overdueDays: 0,
      });
    });
  });
});

describe("Guangxi 简化程序: evaluation is optional (（八）), acceptance as 完整程序 (四)", () => {
  const simplified = (input: RowInput) => row({ ...input, auditMethod: "简化程序" });

  it("has no evaluation deadline and is never flagged for it", () => {
    const s = at(simplified(STARTED), "2027-01-01", guangxi);
    expect(s.deadlines.evaluation).toBeNull();
    expect(s.overdue).toEqual([]);
    expect(s.nextDeadline).toEqual({ code: "acceptance", date: d("2027-03-15") });
  });

  it("is still flagged for evaluation as 完整程序, and in Shanghai, which has no 简化程序 rule", () => {
    expect(at(row(STARTED), "2027-01-01", guangxi).overdue).toEqual(["evaluation"]);
    expect(at(simplified(STARTED), "2027-01-01", shanghai).overdue).toEqual(["evaluation"]);
  });

  it("checks an evaluation that is recorded as usual: its result sets the stage and the revision", () => {
    const passed = simplified({ ...STARTED, evaluatedOn: "2026-05-10", evaluationScore: 92 });
    expect(at(passed, "2026-05-11", guangxi)).toMatchObject({ stage: "evaluated", overdue: [] });
    expect(at(passed, "2026-06-11", guangxi, { archive: emptyRecord() }).overdue).toEqual(["revision"]);
    const failed = simplified({ ...STARTED, evaluatedOn: "2026-05-10", evaluationScore: 60 });
    expect(at(failed, "2026-05-11", guangxi)).toMatchObject({ stage: "reaudit", overdue: [] });
  });

  it("is due for acceptance two years after publication, as 完整程序", () => {
    const r = simplified(STARTED);
    expect(iso(at(r, "2027-03-15", guangxi).deadlines.acceptance)).toBe("2027-03-15");
    expect(at(r, "2027-03-15", guangxi).overdue).toEqual([]);
    expect(at(r, "2027-03-16", guangxi)).toMatchObject({ overdue: ["acceptance"], overdueDays: 1 });
  });

  it("is accepted without an evaluation, on time", () => {
    const s = at(
      simplified({ ...STARTED, acceptedOn: "2026-12-01", acceptanceScore: 75 }),
      "2027-06-01",
      guangxi,
    );
    expect(s).toMatchObject({ stage: "accepted", overdue: [], overdueDays: 0 });
  });

  it("has no earliest acceptance: the 3-month stable running applies to 完整程序 only", () => {
    const input = { ...STARTED, highCostDoneOn: "2026-05-31" };
    expect(at(simplified(input), "2026-06-01", guangxi).earliestAcceptance).toBeNull();
    expect(iso(at(row(input), "2026-06-01", guangxi).earliestAcceptance)).toBe("2026-08-31");
  });
});

describe("an acceptance does not stand in for a missing evaluation", () => {
  // Published 2024-01-10, every act but 评估, accepted 2024-12-01 with 80 points.
  const r = row({
    publishedOn: "2024-01-10",
    disclosedOn: "2024-02-01",
    startedOn: "2024-03-01",
    highCostDoneOn: "2024-08-01",
    acceptedOn: "2024-12-01",
    acceptanceScore: 80,
  });

  it("flags evaluation the day after its deadline, counting 逾期天数 from it", () => {
    expect(at(r, "2025-01-10")).toMatchObject({ stage: "accepted", overdue: [] });
    expect(at(r, "2025-01-10").nextDeadline).toEqual({ code: "evaluation", date: d("2025-01-10") });
    expect(at(r, "2025-03-01")).toMatchObject({ overdue: ["evaluation"], overdueDays: 50 });
    expect(at(r, "2025-03-01", guangxi)).toMatchObject({ overdue: ["evaluation"], overdueDays: 50 });
  });

  it("agrees with validate, which calls the missing 评估时间 an error", () => {
    const issues = validateRegister([r], [], shanghai, d("2025-03-01"));
    expect(issues.map((i) => `${i.severity} ${i.code}`)).toContain("error acceptance.noEvaluation");
  });
});

describe("下一期限 and the deadlines agree when a deadline occurs twice", () => {
  // Published 2025-02-28; evaluated 2026-02-20 with 92 (通过); accepted 2026-02-25 with 80: 评估后修改 is due
  // 2026-03-20 and 验收后修改 2026-03-25.
  const r = row({
    publishedOn: "2025-02-28",
    disclosedOn: "2025-03-10",
    startedOn: "2025-04-01",
    evaluatedOn: "2026-02-20",
    evaluationScore: 92,
    acceptedOn: "2026-02-25",
    acceptanceScore: 80,
  });

  it("shows the earliest occurrence still open in both", () => {
    const s = at(r, "2026-02-28");
    expect(iso(s.deadlines.revision)).toBe("2026-03-20");
    expect(s.nextDeadline).toMatchObject({ date: d("2026-03-20") });
    expect(iso(s.deadlines[s.nextDeadline!.code])).toBe("2026-03-20");
  });

  it("moves both to the later occurrence once the earlier one has passed unchecked", () => {
    const s = at(r, "2026-03-21");
    expect(iso(s.deadlines.revision)).toBe("2026-03-25");
    expect(s.nextDeadline).toMatchObject({ date: d("2026-03-25") });
  });

  it("keeps an unmet first occurrence, flagged, where 附表2 shows it missing", () => {
    const record = emptyRecord({
      evaluationArchivedOn: d("2026-03-01"),
      acceptanceArchivedOn: d("2026-03-01"),
    });
    const s = at(r, "2026-03-23", shanghai, { archive: record });
    expect(s).toMatchObject({ overdue: ["revision"], overdueDays: 3 });
    expect(iso(s.deadlines.revision)).toBe("2026-03-20");
    expect(s.nextDeadline).toEqual({ code: "revision", date: d("2026-03-20") });
  });

  it("never names a 下一期限 the deadlines do not show, day by day and in both profiles", () => {
    const rows = [r, row(ACCEPTED), row({ ...EVALUATED, auditMethod: "简化程序" }), row(STARTED)];
    for (const profile of [shanghai, guangxi])
      for (const input of rows)
        for (let day = d("2025-01-01"); day <= d("2027-12-31"); day += 7) {
          const s = rowStatus(
            input,
            { profile, asOf: day },
            { archive: day % 2 ? emptyRecord() : undefined },
          );
          if (s.nextDeadline) expect(s.deadlines[s.nextDeadline.code]).toBe(s.nextDeadline.date);
        }
  });
});

describe("revision and archive (附表2) are flagged only when an ArchiveRecord is given", () => {
  const evaluated = row(EVALUATED);

  it("does not flag them without an archive record, however long ago the acts were", () => {
    expect(at(evaluated, "2026-03-01").overdue).toEqual([]);
    expect(at(row(ACCEPTED), "2027-06-01").overdue).toEqual([]);
    expect(at(row(ACCEPTED), "2027-06-01", guangxi).overdue).toEqual([]);
  });

  it("flags revision and archive the day after evaluation + 1 month in Shanghai", () => {
    expect(at(evaluated, "2026-02-10", shanghai, { archive: emptyRecord() }).overdue).toEqual([]);
    const s = at(evaluated, "2026-02-11", shanghai, { archive: emptyRecord() });
    expect(s.overdue).toEqual(["revision", "archive"]);
    expect(s.overdueDays).toBe(1);
  });

  it("flags only revision in Guangxi, which keeps no archive deadline", () => {
    expect(at(evaluated, "2026-02-11", guangxi, { archive: emptyRecord() }).overdue).toEqual(["revision"]);
  });

  it("does not flag them once the record dates them in time", () => {
    const done = emptyRecord({ evaluationArchivedOn: d("2026-02-10"), evaluationRevisedOn: d("2026-02-10") });
    expect(at(evaluated, "2026-03-01", shanghai, { archive: done }).overdue).toEqual([]);
  });

  it("keeps a late revision as history with 0 days", () => {
    const late = emptyRecord({ evaluationArchivedOn: d("2026-02-01"), evaluationRevisedOn: d("2026-02-11") });
    expect(at(evaluated, "2026-03-01", shanghai, { archive: late })).toMatchObject({
      overdue: ["revision"],
      overdueDays: 0,
    });
  });

  it("asks for no revision after a failed evaluation (only after a passing act), but for archive", () => {
    const failed = row({ ...STARTED, evaluatedOn: "2025-10-10", evaluationScore: 60 });
    expect(at(failed, "2025-11-11", shanghai, { archive: emptyRecord() }).overdue).toEqual(["archive"]);
  });

  it("flags 验收后修改 the day after acceptance + 1 month", () => {
    const evaluationDone = emptyRecord({
      evaluationArchivedOn: d("2026-01-20"),
      evaluationRevisedOn: d("2026-01-20"),
      acceptanceArchivedOn: d("2026-10-20"),
    });
    const accepted = row(ACCEPTED);
    expect(at(accepted, "2026-11-10", shanghai, { archive: evaluationDone }).overdue).toEqual([]);
    expect(at(accepted, "2026-11-11", shanghai, { archive: evaluationDone }).overdue).toEqual(["revision"]);
  });

  it("asks for no 验收后修改 after a failed acceptance", () => {
    const failed = row({ ...EVALUATED, acceptedOn: "2026-10-10", acceptanceScore: 40 });
    const record = emptyRecord({
      evaluationArchivedOn: d("2026-01-20"),
      evaluationRevisedOn: d("2026-01-20"),
    });
    expect(at(failed, "2026-11-11", shanghai, { archive: record }).overdue).toEqual(["archive"]);
  });
});

describe("rest-day extension (民法典 第二百零三条) when the profile turns it on", () => {
  const restful = withProfile(shanghai, {}, { extendOnRestDay: true });

  it("is off by default in both profiles", () => {
    expect(shanghai.extendOnRestDay).toBe(false);
    expect(guangxi.extendOnRestDay).toBe(false);
    // 2026-03-15 is a Sunday.
    expect(deadlinesOf({ publishedOn: "2025-03-15" }).evaluation).toBe("2026-03-15");
  });

  it("moves a deadline inside the National Day holiday to the next working day, and says why", () => {
    // chinese-days (the State Council notice for 2026): 10月1日至7日放假, 10月8日 is a working Thursday.
    const s = at(row({ publishedOn: "2025-10-03" }), "2025-10-04", restful);
    expect(iso(s.deadlines.evaluation)).toBe("2026-10-08");
    const move = s.moved.find((m) => m.code === "evaluation");
    expect(move).toMatchObject({ from: d("2026-10-03"), to: d("2026-10-08") });
    expect(move!.reason).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("takes an act on the moved deadline day as on time, and flags the day after", () => {
    const started = { publishedOn: "2025-10-03", disclosedOn: "2025-10-10", startedOn: "2025-11-10" };
    const r = row(started);
    expect(at(r, "2026-10-08", restful).overdue).toEqual([]);
    expect(at(r, "2026-10-09", restful)).toMatchObject({ overdue: ["evaluation"], overdueDays: 1 });
    const onTime = row({ ...started, evaluatedOn: "2026-10-08", evaluationScore: 80 });
    expect(at(onTime, "2026-10-20", restful).overdue).toEqual([]);
  });

  it("keeps a deadline on a working Saturday (调休上班日 2026-10-10)", () => {
    const s = at(row({ publishedOn: "2025-10-10" }), "2025-10-11", restful);
    expect(iso(s.deadlines.evaluation)).toBe("2026-10-10");
    expect(s.moved.map((m) => m.code)).not.toContain("evaluation");
  });

  it("moves a Sunday deadline to Monday", () => {
    expect(iso(at(row({ publishedOn: "2025-03-15" }), "2025-03-16", restful).deadlines.evaluation)).toBe(
      "2026-03-16",
    );
  });

  it("moves a deadline in the Spring Festival holiday past its last day", () => {
    // 2026 春节: 2月15日至23日放假.
    expect(iso(at(row({ publishedOn: "2025-02-15" }), "2025-02-16", restful).deadlines.evaluation)).toBe(
      "2026-02-24",
    );
  });

  it("moves a disclosure deadline across the 2025 National Day holiday (10月1日至8日)", () => {
    expect(iso(at(row({ publishedOn: "2025-09-01" }), "2025-09-02", restful).deadlines.disclosure)).toBe(
      "2025-10-09",
    );
  });

  it("does not move a deadline in a year the calendar does not know yet, and leaves a note", () => {
    // 2031-06-01 is a Sunday.
    const s = at(row({ publishedOn: "2030-06-01" }), "2030-06-02", restful);
    expect(iso(s.deadlines.evaluation)).toBe("2031-06-01");
    expect(s.moved.map((m) => m.code)).not.toContain("evaluation");
    expect(s.unknownCalendarYears).toEqual([2030, 2031, 2032]);
  });

  it("honours the profile's own restDays and workDays", () => {
    const localHoliday = withProfile(shanghai, {}, { extendOnRestDay: true, restDays: ["2026-03-16"] });
    expect(iso(at(row({ publishedOn: "2025-03-15" }), "2025-03-16", localHoliday).deadlines.evaluation)).toBe(
      "2026-03-17",
    );
    const workingSunday = withProfile(shanghai, {}, { extendOnRestDay: true, workDays: ["2026-03-15"] });
    expect(
      iso(at(row({ publishedOn: "2025-03-15" }), "2025-03-16", workingSunday).deadlines.evaluation),
    ).toBe("2026-03-15");
  });

  it("extends through registerStatus as through rowStatus", () => {
    const [s] = registerStatus([row({ publishedOn: "2025-10-03" })], [], {
      profile: restful,
      asOf: d("2025-10-04"),
    });
    expect(iso(s!.deadlines.evaluation)).toBe("2026-10-08");
  });
});

describe("registerStatus", () => {
  it("answers every row with its Excel row number, name and code, in order", () => {
    const rows = [row({ row: 7, name: "甲" }), row({ row: 9, name: "乙", creditCode: "000000000000000000" })];
    const s = registerStatus(rows, [], { profile: shanghai, asOf: d("2025-04-01") });
    expect(s.map((x) => [x.row, x.name, x.creditCode, x.stage])).toEqual([
      [7, "甲", "91310000132149237G", "listed"],
      [9, "乙", "000000000000000000", "listed"],
    ]);
  });

  it("gives the earliest open deadline as the next one", () => {
    const [s] = registerStatus([row({ publishedOn: "2025-03-15" })], [], {
      profile: shanghai,
      asOf: d("2025-03-20"),
    });
    expect(s!.nextDeadline).toEqual({ code: "disclosure", date: d("2025-04-15") });
  });
});

describe("reporting deadlines of the Shanghai profile", () => {
  it.each<[Quarter, string]>([
    [{ year: 2026, quarter: 1 }, "2026-04-10"],
    [{ year: 2026, quarter: 2 }, "2026-07-10"],
    [{ year: 2026, quarter: 3 }, "2026-10-10"],
    [{ year: 2026, quarter: 4 }, "2027-01-10"],
  ])("takes the 附表3 of %o by the 10th of the next quarter's first month", (q, due) => {
    expect(iso(quarterlyReportDeadline(q, shanghai))).toBe(due);
    expect(quarterlyReportDeadline(q, guangxi)).toBeNull();
  });

  it.each([
    [2025, "2026-02-28"],
    [2027, "2028-02-29"],
  ])("takes the annual summary of %d by the end of February of the next year", (year, due) => {
    expect(iso(annualSummaryDeadline(year, shanghai))).toBe(due);
    expect(annualSummaryDeadline(year, guangxi)).toBeNull();
  });
});

describe("the rest-day calendar", () => {
  const cal = restDayCalendar();

  it.each([
    ["2026-10-01", true],
    ["2026-10-07", true],
    ["2026-10-08", false],
    ["2026-10-10", false],
    ["2026-03-15", true],
    ["2026-03-16", false],
    ["2026-02-14", false],
  ])("takes %s as a rest day: %p", (day, rest) => {
    expect(cal.isRestDay(d(day))).toBe(rest);
  });

  it("knows the years whose State Council notice it carries, and no later one", () => {
    expect(cal.covers(d("2026-06-01"))).toBe(true);
    expect(cal.covers(d("2031-06-01"))).toBe(false);
    expect(extendPastRestDays(d("2031-06-01"), cal)).toMatchObject({ moved: false, date: d("2031-06-01") });
  });
});

describe("the workbook's 强审设置 sheet changes the profile's decisions", () => {
  const registerGrid: Grid = {
    sheet: "企业名单台账",
    rows: [
      ["企业名称", "统一社会信用代码", "名单公布时间", "收文时间", "信息公开时间", "审核启动时间"],
      ["甲", "91310000132149237G", "2025-10-03", "2025-10-20", null, "2025-11-10"],
    ],
  };
  const statusWith = (settings: [string, string][], asOf: string) => {
    const sheets = new Map<string, Grid>([
      ["企业名单台账", registerGrid],
      ["强审设置", { sheet: "强审设置", rows: [["设置项", "值"], ...settings] }],
    ]);
    const loaded = loadWorkbook({ sheet: (name) => sheets.get(name) });
    expect(loaded.readIssues).toEqual([]);
    return workbookStatus(loaded, d(asOf))[0]!;
  };

  it("follows Shanghai's defaults", () => {
    const s = statusWith([["地区配置", "上海市"]], "2025-11-01");
    expect(s.deadlines).toMatchObject({
      disclosure: d("2025-11-20"),
      acceptance: d("2027-10-03"),
      next_round: null,
    });
  });

  it("counts acceptance from 审核启动时间 when 验收期限起算 says so, once the start has happened", () => {
    const settings: [string, string][] = [
      ["地区配置", "上海市"],
      ["验收期限起算", "审核启动时间"],
    ];
    expect(iso(statusWith(settings, "2025-11-10").deadlines.acceptance)).toBe("2027-11-10");
    expect(iso(statusWith(settings, "2025-11-01").deadlines.acceptance)).toBe("2027-10-03");
  });

  it("counts disclosure from publication when 信息公开自收文起算 is 否", () => {
    const s = statusWith(
      [
        ["地区配置", "上海市"],
        ["信息公开自收文起算", "否"],
      ],
      "2025-11-01",
    );
    expect(iso(s.deadlines.disclosure)).toBe("2025-11-03");
  });

  it("extends past rest days when 期限遇休息日顺延 is 是", () => {
    const s = statusWith(
      [
        ["地区配置", "上海市"],
        ["期限遇休息日顺延", "是"],
      ],
      "2025-11-01",
    );
    expect(iso(s.deadlines.evaluation)).toBe("2026-10-08");
  });

  it("applies Guangxi's rules under 广西壮族自治区", () => {
    const s = statusWith([["地区配置", "广西壮族自治区"]], "2025-11-01");
    expect(iso(s.deadlines.disclosure)).toBe("2025-11-03");
    expect(s.deadlines.archive).toBeNull();
  });
});
