import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli as cli } from "../cli/runCli";
import { parseQuarter } from "../../src/core/dates";
import { REGISTER_SHEET } from "../../src/core/register";
import { prepareSubmission, verifySubmission } from "../../src/excel/centre";
import { CommandError } from "../../src/excel/errors";
import { readSheets } from "../../src/excel/read";
import { readImplementationForm } from "../../src/forms/quarterlyForms";
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

  it("stamps again after the register was unprotected as told and changed, laying out again a form that changed", async () => {
    const host = await filledHost(3);
    await stamp(host);
    const sheets = host.sheets.map((s) => s.name);
    const oldForm = JSON.stringify([...host.sheet("附表3 2026Q3")!.cells]);
    await unprotectAndChange(host);
    expect(await run(host, (ctx) => verifySubmission(ctx))).toMatchObject({ state: "changed" });
    host.syncCount = 0;
    const again = await stamp(host, "2026-10-09T15:00+08:00");
    expect(again.stamp?.stampedAt).toBe("2026-10-09T15:00+08:00");
    expect(host.syncCount).toBe(8);
    // The renamed enterprise is on 附表3: a new form takes its name, and the old one is kept, renamed, as it was.
    expect(again).toMatchObject({
      regenerated: [
        {
          sheet: "附表3 2026Q3",
          difference: expect.stringContaining("台账为“改过名称的化工有限公司”"),
          keptAs: "附表3 2026Q3 旧",
        },
      ],
      leftover: [],
    });
    // Excel adds sheets at the end: the new form, then the new 报送信息 (the old one deleted).
    expect(host.sheets.map((s) => s.name)).toEqual([
      ...sheets.filter((n) => n !== "报送信息").map((n) => (n === "附表3 2026Q3" ? "附表3 2026Q3 旧" : n)),
      "附表3 2026Q3",
      "报送信息",
    ]);
    expect(JSON.stringify([...host.sheet("附表3 2026Q3 旧")!.cells])).toBe(oldForm);
    const { grids } = await run(host, (ctx) => readSheets(ctx, ["附表3 2026Q3"]));
    const form = readImplementationForm(grids.sheet("附表3 2026Q3")!)!;
    expect(form.rows.map((r) => r.name)).toContain("改过名称的化工有限公司");
    for (const name of again.stamp!.sheets.map((d) => d.sheet))
      expect(host.sheet(name)!.protected).toBe(true);
    expect(await run(host, (ctx) => verifySubmission(ctx))).toMatchObject({
      state: "unchanged",
      stamp: { stampedAt: "2026-10-09T15:00+08:00" },
    });
  });

  it("keeps the quarter's forms as they were when the change does not touch them", async () => {
    const host = await filledHost(8);
    await stamp(host);
    const before = JSON.stringify([...host.sheet("附表3 2026Q3")!.cells]);
    await run(host, async (ctx) => ctx.workbook.worksheets.getItem(REGISTER_SHEET).protection.unprotect());
    host.type(REGISTER_SHEET, "U3", "已电话提醒");
    host.syncCount = 0;
    const again = await stamp(host, "2026-10-09T15:00+08:00");
    expect(host.syncCount).toBe(7);
    expect(again).toMatchObject({ regenerated: [], leftover: [] });
    expect(JSON.stringify([...host.sheet("附表3 2026Q3")!.cells])).toBe(before);
    expect(await run(host, (ctx) => verifySubmission(ctx))).toMatchObject({ state: "unchanged" });
  });

  it("refuses, changing nothing, when a sheet bears a form's name but is somebody's own", async () => {
    const host = await filledHost(5);
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.add("附表4 2026Q3").getRange("A1").values = [["自己的备忘"]];
      await ctx.sync();
    });
    const original = snapshot(host);
    const result = await stamp(host);
    expect(result.stamp).toBeUndefined();
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        sheet: "附表4 2026Q3",
        severity: "error",
        message: expect.stringContaining("请将它改名"),
      }),
    );
    expect(snapshot(host)).toBe(original);
  });

  it("tells what a failed first stamp may have left, and how to remove it, when Excel refuses the undo too", async () => {
    const base = await filledHost(3);
    const probe = cloneHost(base);
    await stamp(probe);
    const starts = probe.batchStarts;
    for (const k of [starts[4]! + 1, starts[5]! + 1, probe.opsApplied - 2]) {
      const host = cloneHost(base);
      host.failAfterOps = k;
      host.staysFailing = true;
      const error = await stamp(host).catch((e: Error) => e);
      expect(error).toBeInstanceOf(CommandError);
      const message = (error as Error).message;
      expect(message).toContain("撤销也未能完成");
      expect(message).toContain("新增的工作表“附表3 2026Q3”“附表4 2026Q3”");
      if (k === probe.opsApplied - 2) {
        expect(message).toContain("新增的工作表“附表3 2026Q3”“附表4 2026Q3”“报送信息”（如在，请删除）");
        expect(message).toContain(
          "工作表“企业名单台账”“名单调整记录”“附表3 2026Q3”“附表4 2026Q3”的保护（如受保护，请在“审阅 → 撤销工作表保护”中撤销，无需密码）",
        );
      }
      host.reconnect();
      // Whatever was left is among what the message names.
      const named = ["附表3 2026Q3", "附表4 2026Q3", "报送信息"];
      const added = host.sheets.map((s) => s.name).filter((n) => !base.sheet(n));
      expect(added.length).toBeGreaterThan(0);
      expect(added.every((n) => named.includes(n) && message.includes(`“${n}”`))).toBe(true);
      const protectedNow = host.sheets.filter((s) => s.protected).map((s) => s.name);
      expect(protectedNow.every((n) => message.includes(`“${n}”`))).toBe(true);
    }
  });

  it.each([
    ["a first stamp", false, async (_host: ExcelHost) => undefined],
    [
      "a second stamp",
      true,
      async (host: ExcelHost) => {
        await stamp(host);
        await unprotectAndChange(host);
      },
    ],
  ])(
    "leaves the workbook exactly as it was when Excel fails before the stamp is in place in %s",
    async (_, cleanup, before) => {
      const base = await filledHost(3);
      await before(base);
      const original = snapshot(base);
      const probe = cloneHost(base);
      await stamp(probe);
      // Every call of the stamp's batch, the calls around the start of every other batch, and every 25th call
      // of the forms (hundreds of formatting calls, all alike). A second stamp ends with the old sheets'
      // deletion, after the stamp is in place.
      const starts = probe.batchStarts;
      const end = cleanup ? starts[starts.length - 1]! : probe.opsApplied;
      const last = starts[starts.length - (cleanup ? 2 : 1)]!;
      const faults = new Set<number>();
      for (let k = 0; k < end; k++)
        if (k >= last || k % 25 === 0 || starts.some((s) => Math.abs(k - s) <= 2)) faults.add(k);
      expect(faults.size).toBeGreaterThan(40);
      for (const k of faults) {
        const host = cloneHost(base);
        host.failAfterOps = k;
        await expect(stamp(host)).rejects.toMatchObject({ code: "GeneralException" });
        expect(snapshot(host)).toBe(original);
      }
      // A failure while the old 报送信息 is deleted: the stamp stands, and what is left is named.
      for (let k = end; k < probe.opsApplied; k++) {
        const host = cloneHost(base);
        host.failAfterOps = k;
        const result = await stamp(host);
        expect(result).toMatchObject({ leftover: ["报送信息 旧"] });
        expect(host.sheet("报送信息 旧")).toBeDefined();
        expect(await run(host, (ctx) => verifySubmission(ctx))).toMatchObject({ state: "unchanged" });
      }
    },
  );
});
