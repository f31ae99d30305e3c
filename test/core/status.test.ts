import { formatIsoDate } from "../../src/core/dates";
import type { Profile } from "../../src/core/profiles";
import type { RegisterRow } from "../../src/core/register";
import { registerStatus, rowStatus, type ArchiveRecord, type RowContext } from "../../src/core/status";
import { eventsOf } from "../../src/core/adjustments";
import { d, guangxi, logEntry, row, shanghai, type RowInput } from "./fixtures";

const at = (r: RegisterRow, asOf: string, profile: Profile = shanghai, context: RowContext = {}) =>
  rowStatus(r, { profile, asOf: d(asOf) }, context);
const iso = (s: number | null) => (s === null ? null : formatIsoDate(s));
const deadlines = (input: RowInput, profile: Profile = shanghai) => {
  const s = at(row(input), "2025-03-16", profile);
  return Object.fromEntries(Object.entries(s.deadlines).map(([k, v]) => [k, iso(v)]));
};

describe("deadlines", () => {
  it("counts disclosure one month from publication, start two months, evaluation one year, acceptance two years", () => {
    expect(deadlines({ publishedOn: "2025-03-15" })).toMatchObject({
      disclosure: "2025-04-15",
      start: "2025-05-15",
      evaluation: "2026-03-15",
      acceptance: "2027-03-15",
    });
  });

  it("counts Shanghai's disclosure from 收文时间 where given, Guangxi's from publication", () => {
    expect(deadlines({ publishedOn: "2025-03-15", receivedOn: "2025-03-20" }).disclosure).toBe("2025-04-20");
    expect(deadlines({ publishedOn: "2025-03-15", receivedOn: "2025-03-20" }, guangxi).disclosure).toBe(
      "2025-04-15",
    );
  });

  it("clamps end-of-month publications", () => {
    expect(deadlines({ publishedOn: "2025-01-31" })).toMatchObject({
      disclosure: "2025-02-28",
      start: "2025-03-31",
    });
    expect(deadlines({ publishedOn: "2023-12-31" })).toMatchObject({ start: "2024-02-29" });
  });

  it("takes a 29 February publication to 28 February a year on", () => {
    expect(deadlines({ publishedOn: "2024-02-29" })).toMatchObject({
      evaluation: "2025-02-28",
      acceptance: "2026-02-28",
    });
  });

  it("counts acceptance from 审核启动时间 when the profile says so", () => {
    const fromStart: Profile = { ...shanghai, deadlines: { ...shanghai.deadlines, acceptanceFrom: "start" } };
    expect(deadlines({ publishedOn: "2025-03-15", startedOn: "2025-05-01" }, fromStart).acceptance).toBe(
      "2027-05-01",
    );
  });

  it("gives the Guangxi earliest acceptance three months after 中高费方案完成", () => {
    const s = at(row({ highCostDoneOn: "2026-01-31" }), "2026-02-01", guangxi);
    expect(iso(s.earliestAcceptance)).toBe("2026-04-30");
  });

  it("applies archive to Shanghai and next_round to Guangxi only", () => {
    const accepted = {
      startedOn: "2025-04-01",
      evaluatedOn: "2026-01-10",
      evaluationScore: 85,
      acceptedOn: "2026-10-01",
      acceptanceScore: 80,
    };
    const sh = at(row(accepted), "2026-10-02");
    const gx = at(row(accepted), "2026-10-02", guangxi);
    expect(iso(sh.deadlines.archive)).toBe("2026-11-01");
    expect(sh.deadlines.next_round).toBeNull();
    expect(gx.deadlines.archive).toBeNull();
    expect(iso(gx.deadlines.next_round)).toBe("2031-10-01");
  });
});

describe("overdue flags", () => {
  const listed = row({ publishedOn: "2025-03-15" });

  it("does not flag start on its deadline day, flags it the day after", () => {
    expect(at(listed, "2025-05-15").overdue).not.toContain("start");
    const after = at(listed, "2025-05-16");
    expect(after.overdue).toContain("start");
    // Disclosure, due 2025-04-15, is the earliest unmet deadline.
    expect(after.overdueDays).toBe(31);
  });

  it("counts 逾期天数 from the earliest unmet deadline", () => {
    const r = row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-10" });
    expect(at(r, "2025-05-20").overdueDays).toBe(5);
  });

  it("keeps a late act's code as history with 0 days", () => {
    const r = row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-16", startedOn: "2025-05-15" });
    const s = at(r, "2025-06-01");
    expect(s.overdue).toEqual(["disclosure"]);
    expect(s.overdueDays).toBe(0);
  });

  it("takes an act on the deadline day as on time", () => {
    const r = row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-15", startedOn: "2025-05-15" });
    expect(at(r, "2025-06-01").overdue).toEqual([]);
  });

  it("flags evaluation one day after publication + 1 year", () => {
    const r = row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-01", startedOn: "2025-04-01" });
    expect(at(r, "2026-03-15").overdue).toEqual([]);
    expect(at(r, "2026-03-16").overdue).toEqual(["evaluation"]);
  });

  it("flags acceptance one day after publication + 2 years", () => {
    const r = row({
      publishedOn: "2025-03-15",
      disclosedOn: "2025-04-01",
      startedOn: "2025-04-01",
      evaluatedOn: "2026-02-01",
      evaluationScore: 88,
    });
    expect(at(r, "2027-03-15").overdue).toEqual([]);
    expect(at(r, "2027-03-16").overdue).toEqual(["acceptance"]);
  });

  it("ignores acts dated after the as-of date", () => {
    const r = row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-01", startedOn: "2025-06-01" });
    const s = at(r, "2025-05-20");
    expect(s.stage).toBe("listed");
    expect(s.overdue).toEqual(["start"]);
  });
});

describe("failed acts keep their deadline open", () => {
  const base = { publishedOn: "2025-03-15", disclosedOn: "2025-04-01", startedOn: "2025-04-01" };

  it("leaves evaluation open after 不通过, stage 需重新审核", () => {
    const r = row({ ...base, evaluatedOn: "2026-02-01", evaluationResult: "不通过" });
    const s = at(r, "2026-03-16");
    expect(s.stage).toBe("reaudit");
    expect(s.overdue).toEqual(["evaluation"]);
  });

  it("derives 不通过 from a score below 70 even when no result is typed", () => {
    const s = at(row({ ...base, evaluatedOn: "2026-02-01", evaluationScore: 69.5 }), "2026-03-16");
    expect(s.stage).toBe("reaudit");
    expect(s.overdue).toContain("evaluation");
  });

  it("takes 70 as 补充完善 (a pass that meets the deadline)", () => {
    const s = at(row({ ...base, evaluatedOn: "2026-02-01", evaluationScore: 70 }), "2026-03-16");
    expect(s.stage).toBe("evaluated");
    expect(s.overdue).toEqual([]);
  });

  it("leaves acceptance open after 不合格, stage 验收不合格·需重新审核", () => {
    const r = row({
      ...base,
      evaluatedOn: "2026-02-01",
      evaluationScore: 85,
      acceptedOn: "2027-01-10",
      acceptanceScore: 59.5,
    });
    const s = at(r, "2027-03-16");
    expect(s.stage).toBe("acceptance_failed");
    expect(s.overdue).toEqual(["acceptance"]);
  });

  it("honours a typed 不合格 with 60 points or more (a key-indicator veto)", () => {
    const r = row({
      ...base,
      evaluatedOn: "2026-02-01",
      evaluationScore: 85,
      acceptedOn: "2027-01-10",
      acceptanceScore: 95,
      acceptanceResult: "不合格",
    });
    expect(at(r, "2027-02-01").stage).toBe("acceptance_failed");
  });

  it("reaches 已验收 on a passing acceptance", () => {
    const r = row({
      ...base,
      evaluatedOn: "2026-02-01",
      evaluationScore: 85,
      acceptedOn: "2027-01-10",
      acceptanceScore: 60,
    });
    const s = at(r, "2027-02-01");
    expect(s.stage).toBe("accepted");
    expect(s.overdue).toEqual([]);
  });

  it("walks the stages 已列入 → 审核中 → 已评估", () => {
    const r = row({ ...base, evaluatedOn: "2026-02-01", evaluationScore: 92 });
    expect(at(r, "2025-03-31").stage).toBe("listed");
    expect(at(r, "2025-04-01").stage).toBe("auditing");
    expect(at(r, "2026-02-01").stage).toBe("evaluated");
  });
});

describe("suspension, revocation and termination", () => {
  const r = row({ publishedOn: "2025-03-15", disclosedOn: "2025-04-01", startedOn: "2025-04-01" });
  const events = (on: string, resumed?: string) =>
    eventsOf([
      logEntry(shanghai, { on, change: "suspension", result: "suspend", resumedOn: resumed, detail: "停产" }),
    ]);

  it("raises no flags while suspended without 恢复日期", () => {
    const s = at(r, "2026-06-01", shanghai, { events: events("2026-01-01") });
    expect(s.stage).toBe("suspended");
    expect(s.overdue).toEqual([]);
    expect(s.overdueDays).toBe(0);
  });

  it("moves open deadlines later by the suspension's length on resumption", () => {
    const s = at(r, "2026-06-01", shanghai, { events: events("2026-01-01", "2026-03-02") });
    expect(s.stage).toBe("auditing");
    // 60 days: evaluation 2026-03-15 → 2026-05-14, acceptance 2027-03-15 → 2027-05-14.
    expect(iso(s.deadlines.evaluation)).toBe("2026-05-14");
    expect(iso(s.deadlines.acceptance)).toBe("2027-05-14");
    expect(s.overdue).toEqual(["evaluation"]);
    expect(s.moved.map((m) => m.code)).toEqual(["evaluation", "acceptance"]);
  });

  it("does not move deadlines already met before the suspension", () => {
    const s = at(r, "2026-06-01", shanghai, { events: events("2026-01-01", "2026-03-02") });
    expect(iso(s.deadlines.start)).toBe("2025-05-15");
  });

  it("is quiet once revoked or terminated", () => {
    const revoke = eventsOf([logEntry(shanghai, { on: "2025-09-01", change: "closure", result: "revoke" })]);
    const terminate = eventsOf([
      logEntry(shanghai, { on: "2025-09-01", change: "relocation", result: "terminate", detail: "迁往外省" }),
    ]);
    const late = row({ publishedOn: "2025-03-15" });
    expect(at(late, "2026-06-01", shanghai, { events: revoke })).toMatchObject({
      stage: "revoked",
      overdue: [],
      overdueDays: 0,
    });
    expect(at(late, "2026-06-01", shanghai, { events: terminate })).toMatchObject({
      stage: "terminated",
      overdue: [],
      overdueDays: 0,
    });
    expect(at(late, "2025-08-31", shanghai, { events: revoke }).stage).toBe("listed");
  });

  it("finds the log's events for a row by credit code, or by name when the log has no code", () => {
    const rows = [
      row({ name: "甲公司", creditCode: "91310000132149237G" }),
      row({ name: "乙公司", creditCode: "" }),
    ];
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
    expect(
      registerStatus(rows, log, { profile: shanghai, asOf: d("2025-10-01") }).map((s) => s.stage),
    ).toEqual(["revoked", "revoked"]);
  });
});

describe("Guangxi's next round", () => {
  const accepted = {
    publishedOn: "2020-03-15",
    disclosedOn: "2020-04-01",
    startedOn: "2020-04-01",
    evaluatedOn: "2021-02-01",
    evaluationScore: 85,
    acceptedOn: "2021-10-01",
    acceptanceScore: 80,
  };

  it("flags next_round the day after acceptance + 5 years", () => {
    const r = row(accepted);
    expect(registerStatus([r], [], { profile: guangxi, asOf: d("2026-10-01") })[0]!.overdue).toEqual([]);
    expect(registerStatus([r], [], { profile: guangxi, asOf: d("2026-10-02") })[0]!.overdue).toEqual([
      "next_round",
    ]);
  });

  it("is quiet when a later round of the same enterprise is in the register", () => {
    const rows = [
      row(accepted),
      row({
        publishedOn: "2026-06-01",
        previousAcceptedOn: "2021-10-01",
        startedOn: "2026-07-01",
        disclosedOn: "2026-06-10",
      }),
    ];
    const s = registerStatus(rows, [], { profile: guangxi, asOf: d("2026-10-02") });
    expect(s[0]!.overdue).toEqual([]);
    expect(s[1]!.overdue).toEqual([]);
  });

  it("is met in the later round by its 审核启动时间", () => {
    const later = row({
      publishedOn: "2026-08-10",
      previousAcceptedOn: "2021-10-01",
      disclosedOn: "2026-08-20",
      startedOn: "2026-10-05",
    });
    const s = at(later, "2026-11-01", guangxi);
    expect(iso(s.deadlines.next_round)).toBe("2026-10-01");
    expect(s.overdue).toEqual(["next_round"]);
    expect(s.overdueDays).toBe(0);
  });
});

describe("revision and archive (附表2)", () => {
  const evaluated = row({
    publishedOn: "2025-03-15",
    disclosedOn: "2025-04-01",
    startedOn: "2025-04-01",
    evaluatedOn: "2026-01-10",
    evaluationScore: 85,
  });
  const record = (over: Partial<ArchiveRecord>): ArchiveRecord => ({
    evaluationArchivedOn: null,
    evaluationRevisedOn: null,
    acceptanceArchivedOn: null,
    acceptanceRevisedOn: null,
    ...over,
  });

  it("does not flag them without an archive checklist", () => {
    expect(at(evaluated, "2026-03-01").overdue).toEqual([]);
  });

  it("flags revision and archive one month after evaluation when the checklist lacks them", () => {
    expect(at(evaluated, "2026-02-10", shanghai, { archive: record({}) }).overdue).toEqual([]);
    expect(at(evaluated, "2026-02-11", shanghai, { archive: record({}) }).overdue).toEqual([
      "revision",
      "archive",
    ]);
  });

  it("does not flag them once the checklist dates them in time", () => {
    const done = record({ evaluationArchivedOn: d("2026-02-01"), evaluationRevisedOn: d("2026-02-10") });
    expect(at(evaluated, "2026-03-01", shanghai, { archive: done }).overdue).toEqual([]);
  });
});

describe("rest-day extension (民法典 第二百零三条), when the profile turns it on", () => {
  const restful: Profile = { ...shanghai, extendOnRestDay: true };

  it("moves a deadline that falls in the National Day holiday to the next working day", () => {
    // published 2025-10-03 → evaluation due 2026-10-03, inside 2026's National Day holiday.
    const s = at(row({ publishedOn: "2025-10-03" }), "2025-10-04", restful);
    expect(iso(s.deadlines.evaluation)).toBe("2026-10-08");
    expect(s.moved).toContainEqual(expect.objectContaining({ code: "evaluation", to: d("2026-10-08") }));
  });

  it("keeps a deadline on a working Saturday (调休上班日 2026-10-10)", () => {
    const s = at(row({ publishedOn: "2025-10-10" }), "2025-10-11", restful);
    expect(iso(s.deadlines.evaluation)).toBe("2026-10-10");
  });

  it("moves a Sunday deadline to Monday", () => {
    // 2026-03-15 is a Sunday.
    const s = at(row({ publishedOn: "2025-03-15" }), "2025-03-16", restful);
    expect(iso(s.deadlines.evaluation)).toBe("2026-03-16");
  });

  it("does not move a deadline in a year the calendar does not know, and says so", () => {
    const s = at(row({ publishedOn: "2030-06-01" }), "2030-06-02", restful);
    expect(iso(s.deadlines.evaluation)).toBe("2031-06-01");
    expect(s.notes.join()).toContain("尚未收录");
  });

  it("is off by default", () => {
    expect(iso(at(row({ publishedOn: "2025-10-03" }), "2025-10-04").deadlines.evaluation)).toBe("2026-10-03");
  });
});
