// SPEC 3 "Bureau deadlines": Shanghai's 季度报送 (by the 10th of the next quarter's first month) and 年度总结 (by
// the end of February), met when the workbook's 报送信息 stamp is for that quarter and dated on or before the
// day; Guangxi's candidates for 滚动纳入下一轮审核名单.

import type { LogEntry } from "../../src/core/adjustments";
import { bureauDeadlineText, bureauStatus, submissionOf, type Submission } from "../../src/core/bureau";
import { stampIsLate } from "../../src/core/consolidate";
import { formatIsoDate } from "../../src/core/dates";
import type { RegisterRow } from "../../src/core/register";
import type { Stamp } from "../../src/core/stamp";
import { registerStatus } from "../../src/core/status";
import { d, guangxi, logEntry, row, shanghai } from "./fixtures";

const stamped = (quarter: string, on: string): Submission => ({ quarter, on: d(on) });
const deadlinesAt = (asOf: string, submission: Submission | null = null, profile = shanghai) =>
  bureauStatus(profile, d(asOf), [], [], submission).deadlines.map((b) => ({
    ...b,
    due: formatIsoDate(b.due),
    doneOn: b.doneOn === null ? null : formatIsoDate(b.doneOn),
  }));

describe("Shanghai's quarterly report", () => {
  it("is the ended quarter's, due the 10th, and open before then", () => {
    expect(deadlinesAt("2026-10-05")).toEqual([
      { code: "quarterly_report", period: "2026Q3", due: "2026-10-10", state: "open", doneOn: null },
      { code: "annual_summary", period: "2026", due: "2027-02-28", state: "unrecorded", doneOn: null },
    ]);
  });

  it("is met by a stamp for that quarter dated on the 10th", () => {
    expect(deadlinesAt("2026-10-10", stamped("2026Q3", "2026-10-10"))[0]).toMatchObject({
      state: "met",
      doneOn: "2026-10-10",
    });
  });

  it("is late when stamped on the 11th, and then the current quarter's report is the next one", () => {
    const [q3, q4] = deadlinesAt("2026-10-11", stamped("2026Q3", "2026-10-11"));
    expect(q3).toMatchObject({ period: "2026Q3", state: "late", doneOn: "2026-10-11" });
    expect(q4).toMatchObject({ period: "2026Q4", due: "2027-01-10", state: "open", doneOn: null });
  });

  it("is overdue with no stamp once the 10th has passed (as of 2026-11-24)", () => {
    const [q3, q4] = deadlinesAt("2026-11-24");
    expect(q3).toMatchObject({ period: "2026Q3", due: "2026-10-10", state: "overdue" });
    expect(q4).toMatchObject({ period: "2026Q4", state: "open" });
  });

  it("is not met by a stamp for another quarter", () => {
    expect(deadlinesAt("2026-11-24", stamped("2026Q2", "2026-07-09"))[0]).toMatchObject({
      period: "2026Q3",
      state: "overdue",
      doneOn: null,
    });
  });

  it("runs across the year: 2025Q4's report is due 2026-01-10", () => {
    expect(deadlinesAt("2026-01-05")[0]).toMatchObject({ period: "2025Q4", due: "2026-01-10" });
  });

  it("reads the stamp's quarter and day from 报送信息", () => {
    const stamp = { quarter: "2026Q3", stampedAt: "2026-10-09T15:04:05+08:00" } as Stamp;
    expect(submissionOf(stamp)).toEqual({ quarter: "2026Q3", on: d("2026-10-09") });
    expect(submissionOf({ ...stamp, quarter: "第三季度" })).toBeNull();
    expect(submissionOf(undefined)).toBeNull();
  });
});

describe("Shanghai's annual summary", () => {
  it("is last year's until the end of February, then this year's", () => {
    expect(deadlinesAt("2026-02-28").at(-1)).toMatchObject({ period: "2025", due: "2026-02-28" });
    expect(deadlinesAt("2026-03-01").at(-1)).toMatchObject({ period: "2026", due: "2027-02-28" });
    expect(deadlinesAt("2027-03-01").at(-1)).toMatchObject({ period: "2027", due: "2028-02-29" });
  });

  it("is never called met or missed: the workbook keeps no record of it", () => {
    expect(deadlinesAt("2026-02-28").at(-1)!.state).toBe("unrecorded");
  });

  it("reads as one line of text", () => {
    const [q3, , summary] = bureauStatus(shanghai, d("2026-11-24"), [], [], null).deadlines;
    expect(bureauDeadlineText(q3!)).toBe("2026-10-10 季度报送（2026Q3）：未报送，已逾期");
    expect(bureauDeadlineText(summary!)).toBe("2027-02-28 年度总结（2026年度）：台账不记录此项，请自行核对");
  });
});

describe("Guangxi", () => {
  it("has no quarterly report or annual summary", () => {
    expect(deadlinesAt("2026-11-24", null, guangxi)).toEqual([]);
  });

  describe("candidates for 滚动纳入下一轮审核名单 (逾期不开展审核的企业)", () => {
    const candidates = (rows: RegisterRow[], asOf: string, profile = guangxi, log: LogEntry[] = []) => {
      const statuses = registerStatus(rows, log, { profile, asOf: d(asOf) });
      return bureauStatus(profile, d(asOf), rows, statuses, null).rollOver.map((c) => [
        c.name,
        formatIsoDate(c.startDeadline),
        c.overdueDays,
      ]);
    };

    it("lists a round not started the day after its start deadline, with the days since", () => {
      const r = row({ name: "甲", publishedOn: "2025-03-15", disclosedOn: "2025-04-01" });
      expect(candidates([r], "2025-05-15")).toEqual([]);
      expect(candidates([r], "2025-06-01")).toEqual([["甲", "2025-05-15", 17]]);
    });

    it("leaves out a round that started, even late, and one suspended", () => {
      const late = row({ name: "乙", publishedOn: "2025-03-15", startedOn: "2025-05-20" });
      expect(candidates([late], "2025-06-01")).toEqual([]);
      const paused = row({ name: "丙", creditCode: "91450100MA5KXXXX0A", publishedOn: "2025-03-15" });
      const log = [
        logEntry(guangxi, {
          name: "丙",
          creditCode: "91450100MA5KXXXX0A",
          on: "2025-04-20",
          change: "suspension",
          result: "suspend",
        }),
      ];
      expect(candidates([paused], "2025-06-01", guangxi, log)).toEqual([]);
    });

    it("names an enterprise once, by its latest round on a list", () => {
      const first = row({ name: "丁", publishedOn: "2024-03-15" });
      const again = row({ name: "丁", publishedOn: "2025-03-15" });
      expect(candidates([first, again], "2025-06-01")).toEqual([["丁", "2025-05-15", 17]]);
      expect(candidates([first, again], "2025-01-01")).toEqual([["丁", "2024-05-15", 231]]);
    });

    it("is Guangxi's rule only", () => {
      const r = row({ name: "甲", publishedOn: "2025-03-15" });
      expect(candidates([r], "2025-06-01", shanghai)).toEqual([]);
    });
  });
});

describe("the day of a stamp is its day in China", () => {
  it("dates a stamp made at 23:00 UTC on 10-10 on 10-11, late for the 10-10 deadline", () => {
    const stamp = { quarter: "2026Q3", stampedAt: "2026-10-10T23:00:00+00:00" } as Stamp;
    expect(submissionOf(stamp)).toEqual({ quarter: "2026Q3", on: d("2026-10-11") });
    expect(submissionOf({ ...stamp, stampedAt: "2026-10-10T23:00:00Z" })!.on).toBe(d("2026-10-11"));
    expect(submissionOf({ ...stamp, stampedAt: "2026-10-10T11:30:00-05:00" })!.on).toBe(d("2026-10-11"));
    expect(submissionOf({ ...stamp, stampedAt: "2026-10-10T15:59+00:00" })!.on).toBe(d("2026-10-10"));
    expect(deadlinesAt("2026-10-12", submissionOf(stamp))[0]).toMatchObject({ state: "late" });
    // The municipal centre's verify reads the same day.
    expect(stampIsLate({ ...stamp, profile: "上海市" })).toBe(true);
    expect(stampIsLate({ ...stamp, profile: "上海市", stampedAt: "2026-10-10T15:59:00Z" })).toBe(false);
  });

  it("takes a stamp's time without an offset, or a bare date, as China time", () => {
    const stamp = { quarter: "2026Q3", stampedAt: "2026-10-10T23:00:00" } as Stamp;
    expect(submissionOf(stamp)!.on).toBe(d("2026-10-10"));
    expect(submissionOf({ ...stamp, stampedAt: "2026-10-10" })!.on).toBe(d("2026-10-10"));
    expect(submissionOf({ ...stamp, stampedAt: "十月十日" })).toBeNull();
  });
});
