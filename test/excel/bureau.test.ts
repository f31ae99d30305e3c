// The pane's status refresh also answers the district's own deadlines (SPEC 3 "Bureau deadlines"), reading
// the workbook's 报送信息 stamp within the same syncs.

import { stampRows, STAMP_SHEET, type Stamp } from "../../src/core/stamp";
import { refreshStatus, validateWorkbook } from "../../src/excel/register";
import { filledHost, run, TODAY } from "./hostWorkbook";

const stamp = (stampedAt: string): Stamp => ({
  district: "浦东新区生态环境局",
  preparer: "张三",
  quarter: "2026Q3",
  stampedAt,
  profile: "上海市",
  counts: [],
  sheets: [],
  sha256: "0".repeat(64),
});

describe("bureau deadlines in the pane", () => {
  it("calls 2026Q3's report met from a stamp of 2026-10-09, in the refresh's four syncs", async () => {
    const host = await filledHost(20);
    host.seed(STAMP_SHEET, stampRows(stamp("2026-10-09T10:00:00+08:00")));
    host.syncCount = 0;
    const r = await run(host, (ctx) => refreshStatus(ctx, TODAY));
    expect(host.syncCount).toBe(4);
    expect(r.bureau.deadlines[0]).toMatchObject({ code: "quarterly_report", period: "2026Q3", state: "met" });
    expect(r.bureau.deadlines.map((b) => b.code)).toEqual([
      "quarterly_report",
      "quarterly_report",
      "annual_summary",
    ]);
  });

  it("calls it overdue without a stamp, and answers validation the same way", async () => {
    const host = await filledHost(20);
    const r = await run(host, (ctx) => validateWorkbook(ctx, TODAY));
    expect(r.bureau.deadlines[0]).toMatchObject({ period: "2026Q3", state: "overdue", doneOn: null });
  });

  it("lists Guangxi's roll-over candidates and no reporting deadline", async () => {
    const host = await filledHost(40, "guangxi");
    const r = await run(host, (ctx) => refreshStatus(ctx, TODAY));
    expect(r.bureau.deadlines).toEqual([]);
    const unstarted = r.statuses.filter((s) => s.stage === "listed" && s.overdue.includes("start"));
    expect(unstarted.length).toBeGreaterThan(0);
    expect(r.bureau.rollOver.map((c) => c.row)).toEqual(unstarted.map((s) => s.row));
  });
});
