import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli as cli } from "../cli/runCli";
import { parseQuarter } from "../../src/core/dates";
import { REGISTER_SHEET } from "../../src/core/register";
import { prepareSubmission, verifySubmission } from "../../src/excel/centre";
import { writeBackScores } from "../../src/excel/forms";
import { refreshStatus } from "../../src/excel/register";
import { exportWorkbook } from "../officehost/toXlsx";
import type { ExcelHost } from "../officehost";
import { cloneHost, filledHost, run, snapshot, TODAY } from "./hostWorkbook";

jest.setTimeout(60_000);
const q3 = parseQuarter("2026Q3")!;

describe("submission from the task pane", () => {
  it("stamps the workbook, which the task pane and the CLI both verify as unchanged", async () => {
    const host = await filledHost(40);
    host.syncCount = 0;
    const result = await run(host, (ctx) =>
      prepareSubmission(ctx, q3, "张三", TODAY, "2026-10-09T10:00+08:00", host.supports),
    );
    expect(result.stamp?.sheets.map((s) => s.sheet)).toEqual([
      "企业名单台账",
      "名单调整记录",
      "附表3 2026Q3",
      "附表4 2026Q3",
    ]);
    expect(host.syncCount).toBe(7);
    expect(host.sheet("企业名单台账")!.protected).toBe(true);
    expect(await run(host, (ctx) => verifySubmission(ctx))).toMatchObject({
      state: "unchanged",
      changedSheets: [],
      late: false,
    });

    const file = path.join(mkdtempSync(path.join(tmpdir(), "pane-stamp-")), "stamped.xlsx");
    writeFileSync(file, await exportWorkbook(host));
    const verified = await cli("verify", file, "--json");
    expect(JSON.parse(verified.out).files[0]).toMatchObject({
      state: "unchanged",
      quarter: "2026Q3",
      late: false,
    });
    expect(verified.code).toBe(0);

    host.seed(REGISTER_SHEET, [["改过的名称"]], 2, 1);
    expect(await run(host, (ctx) => verifySubmission(ctx))).toMatchObject({
      state: "changed",
      changedSheets: [REGISTER_SHEET],
    });
  });

  it("refuses, stamping nothing, while the register has an error", async () => {
    const host = await filledHost(10);
    host.seed(REGISTER_SHEET, [["91310000132149238G"]], 3, 2);
    const result = await run(host, (ctx) =>
      prepareSubmission(ctx, q3, "张三", TODAY, "2026-10-09T10:00+08:00", host.supports),
    );
    expect(result.stamp).toBeUndefined();
    expect(result.issues).toContainEqual(expect.objectContaining({ cell: "C4", severity: "error" }));
    expect(host.sheets.map((s) => s.name)).toEqual(["企业名单台账", "名单调整记录", "强审设置"]);
  });

  it("calls a stamp of the 11th of the next quarter's first month late, and the 10th on time", async () => {
    for (const [at, late] of [
      ["2026-10-10T23:59+08:00", false],
      ["2026-10-11T00:01+08:00", true],
    ] as const) {
      const host = await filledHost(5);
      await run(host, (ctx) => prepareSubmission(ctx, q3, "张三", TODAY, at, host.supports));
      expect(await run(host, (ctx) => verifySubmission(ctx))).toMatchObject({ state: "unchanged", late });
    }
  });

  it("refuses to refresh or write back into a stamped register, saying why, and changes nothing", async () => {
    const host = await filledHost(8);
    await run(host, (ctx) =>
      prepareSubmission(ctx, q3, "张三", TODAY, "2026-10-09T10:00+08:00", host.supports),
    );
    const before = JSON.stringify([...host.sheet(REGISTER_SHEET)!.cells]);
    const commands: ((ctx: Excel.RequestContext) => Promise<unknown>)[] = [
      (ctx) => refreshStatus(ctx, TODAY),
      (ctx) => writeBackScores(ctx),
    ];
    for (const command of commands) {
      await expect(run(host, command)).rejects.toThrow(/已报送盖章并受保护.*重新“报送盖章”/);
    }
    expect(JSON.stringify([...host.sheet(REGISTER_SHEET)!.cells])).toBe(before);
    expect(await run(host, (ctx) => verifySubmission(ctx))).toMatchObject({ state: "unchanged" });
  });

  it("says unstamped for a workbook never submitted", async () => {
    const host = await filledHost(5);
    expect((await run(host, (ctx) => verifySubmission(ctx))).state).toBe("unstamped");
  });
});

describe("stamping again, and a stamp that fails", () => {
  const stamp = (host: ExcelHost, at = "2026-10-09T10:00+08:00") =>
    run(host, (ctx) => prepareSubmission(ctx, q3, "张三", TODAY, at, host.supports));
  /** What the officer does when told: 审阅 → 撤销工作表保护 on 企业名单台账, then a change to a name. */
  const unprotectAndChange = async (host: ExcelHost) => {
    await run(host, async (ctx) => ctx.workbook.worksheets.getItem(REGISTER_SHEET).protection.unprotect());
    host.type(REGISTER_SHEET, "B3", "改过名称的化工有限公司");
  };

  it("stamps again after the register was unprotected as told and changed", async () => {
    const host = await filledHost(8);
    await stamp(host);
    const sheets = host.sheets.map((s) => s.name);
    await unprotectAndChange(host);
    expect(await run(host, (ctx) => verifySubmission(ctx))).toMatchObject({ state: "changed" });
    host.syncCount = 0;
    const again = await stamp(host, "2026-10-09T15:00+08:00");
    expect(again.stamp?.stampedAt).toBe("2026-10-09T15:00+08:00");
    expect(host.syncCount).toBe(7);
    expect(host.sheets.map((s) => s.name)).toEqual(sheets);
    for (const name of again.stamp!.sheets.map((d) => d.sheet))
      expect(host.sheet(name)!.protected).toBe(true);
    expect(await run(host, (ctx) => verifySubmission(ctx))).toMatchObject({
      state: "unchanged",
      stamp: { stampedAt: "2026-10-09T15:00+08:00" },
    });
  });

  it.each([
    ["a first stamp", 1, async (_host: ExcelHost) => undefined],
    [
      "a second stamp",
      2,
      async (host: ExcelHost) => {
        await stamp(host);
        await unprotectAndChange(host);
      },
    ],
  ])("leaves the workbook exactly as it was when Excel fails anywhere in %s", async (_, writes, before) => {
    const base = await filledHost(3);
    await before(base);
    const original = snapshot(base);
    const probe = cloneHost(base);
    await stamp(probe);
    // Every call of the last batches (the stamp, and the old stamp's deletion), the calls around the start
    // of every other batch, and every 25th call of the forms (hundreds of formatting calls, all alike).
    const starts = probe.batchStarts;
    const last = starts[starts.length - writes]!;
    const faults = new Set<number>();
    for (let k = 0; k < probe.opsApplied; k++)
      if (k >= last || k % 25 === 0 || starts.some((s) => Math.abs(k - s) <= 2)) faults.add(k);
    expect(faults.size).toBeGreaterThan(40);
    for (const k of faults) {
      const host = cloneHost(base);
      host.failAfterOps = k;
      await expect(stamp(host)).rejects.toMatchObject({ code: "GeneralException" });
      expect(snapshot(host)).toBe(original);
    }
  });
});
