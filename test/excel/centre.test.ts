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
import { filledHost, run, TODAY } from "./hostWorkbook";

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
    expect(host.syncCount).toBe(6);
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
