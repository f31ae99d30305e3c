import { columnLetters } from "../../src/core/address";
import { formatIsoDate } from "../../src/core/dates";
import { COMPUTED_COLUMNS, REGISTER_INPUT_LABELS, REGISTER_SHEET } from "../../src/core/register";
import { defaultSettings } from "../../src/core/settings";
import { overdueText, STAGE_LABELS } from "../../src/core/status";
import { loadWorkbook, workbookStatus } from "../../src/core/workbook";
import { createRegister, refreshStatus, selectIssue, validateWorkbook } from "../../src/excel/register";
import { readSheets } from "../../src/excel/read";
import { writeInChunks } from "../../src/excel/run";
import { ExcelHost } from "../officehost";
import { filledHost, run, TODAY } from "./hostWorkbook";

describe("create register", () => {
  it("adds the three sheets in two syncs, with headers, table, formats and drop-downs", async () => {
    const host = new ExcelHost();
    await run(host, (ctx) => createRegister(ctx, defaultSettings("guangxi", "南宁市生态环境局")));
    expect(host.syncCount).toBe(2);
    expect(host.sheets.map((s) => s.name)).toEqual(["企业名单台账", "名单调整记录", "强审设置"]);
    const reg = host.sheet(REGISTER_SHEET)!;
    const labels = [...REGISTER_INPUT_LABELS, ...COMPUTED_COLUMNS];
    labels.forEach((l, i) => expect(host.value(REGISTER_SHEET, `${columnLetters(i)}1`)).toBe(l));
    expect(reg.tables).toEqual([expect.objectContaining({ name: "RegisterTable" })]);
    expect(reg.freezeRows).toBe(1);
    const lists = reg.validations.map((v) => v.rule).filter((r) => "list" in r);
    expect(lists).toContainEqual({ list: { inCellDropDown: true, source: "通过,补充完善,不通过" } });
    expect(reg.validations.map((v) => v.rule)).toContainEqual({ custom: { formula: "=FALSE" } });
    expect(reg.conditionalFormats[0]).toMatchObject({ type: "Custom", fill: "#FFC7CE" });
    expect(host.cell(REGISTER_SHEET, "H2")!.format.numberFormat).toBe("yyyy-mm-dd");
    expect(host.value("强审设置", "B2")).toBe("广西壮族自治区");
  });

  it("refuses, changing nothing, when a sheet of that name exists", async () => {
    const host = new ExcelHost();
    host.seed("名单调整记录", [["我的数据"]]);
    await expect(run(host, (ctx) => createRegister(ctx, defaultSettings("shanghai")))).rejects.toThrow(
      "未作改动",
    );
    expect(host.sheets.map((s) => s.name)).toEqual(["名单调整记录"]);
    expect(host.value("名单调整记录", "A1")).toBe("我的数据");
  });

  it("keeps a district typed as a formula as text", async () => {
    const host = new ExcelHost();
    await run(host, (ctx) => createRegister(ctx, defaultSettings("shanghai", '=HYPERLINK("x")')));
    expect(host.cell("强审设置", "B3")).toMatchObject({ value: '=HYPERLINK("x")', formula: undefined });
  });
});

describe("refresh status", () => {
  it.each([100, 1000, 10_000])("writes the computed columns for %i rows in four syncs", async (n) => {
    const host = await filledHost(n);
    host.syncCount = 0;
    host.calculationSuspensions = 0;
    const result = await run(host, (ctx) => refreshStatus(ctx, TODAY));
    expect(host.syncCount).toBe(4);
    expect(host.calculationSuspensions).toBe(1);
    const expected = result.statuses;
    expect(expected).toHaveLength(n);
    for (const s of [
      expected[0]!,
      expected[Math.floor(n / 2)]!,
      expected[n - 1]!,
      ...expected.filter((x) => x.overdue.length > 0).slice(0, 3),
    ]) {
      expect(host.value(REGISTER_SHEET, `V${s.row}`)).toBe(STAGE_LABELS[s.stage]);
      expect(host.value(REGISTER_SHEET, `X${s.row}`) ?? "").toBe(overdueText(s.overdue));
      if (s.overdue.length > 0) expect(host.cell(REGISTER_SHEET, `X${s.row}`)!.format.fill).toBe("#FFC7CE");
      const next = host.value(REGISTER_SHEET, `W${s.row}`);
      expect(next === null ? null : formatIsoDate(next as number)).toBe(
        s.nextDeadline ? formatIsoDate(s.nextDeadline.date) : null,
      );
    }
  });

  it("computes what the core computes from the same cells", async () => {
    const host = await filledHost(60);
    const result = await run(host, (ctx) => refreshStatus(ctx, TODAY));
    const { grids } = await run(host, (ctx) => readSheets(ctx, ["企业名单台账", "名单调整记录", "强审设置"]));
    expect(workbookStatus(loadWorkbook(grids), TODAY)).toEqual(result.statuses);
  });
});

describe("validate and select", () => {
  it("lists a bad cell and selects it on click, validating in three syncs and selecting in two", async () => {
    const host = await filledHost(20);
    host.seed(REGISTER_SHEET, [["2026-02-30"]], 5, 7);
    host.syncCount = 0;
    const { issues } = await run(host, (ctx) => validateWorkbook(ctx, TODAY));
    expect(host.syncCount).toBe(3);
    const bad = issues.find((i) => i.cell === "H6")!;
    expect(bad).toMatchObject({ sheet: REGISTER_SHEET, severity: "error" });
    await run(host, (ctx) => selectIssue(ctx, bad));
    expect(host.selection).toEqual({ sheet: REGISTER_SHEET, address: "H6" });
  });
});

describe("large writes", () => {
  it("splits a write over the request limit into several syncs, and writes every row", async () => {
    const host = new ExcelHost();
    host.seed("S", [["x"]]);
    host.requestLimit = 60_000;
    const rows = Array.from({ length: 6000 }, (_, i) => [`第${i}行`, i]);
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      const syncs = await writeInChunks(
        ctx,
        rows,
        (start, chunk) => (ws.getRangeByIndexes(start, 0, chunk.length, 2).values = chunk.map((r) => [...r])),
        50_000,
      );
      expect(syncs).toBeGreaterThan(1);
    });
    expect(host.value("S", "A6000")).toBe("第5999行");
    expect(host.maxRequest).toBeLessThanOrEqual(60_000);
  });
});

describe("settings", () => {
  it("reads the workbook's settings into the pane and writes the pane's back, as text", async () => {
    const { loadSettings, saveSettings } = await import("../../src/excel/settings");
    const host = new ExcelHost();
    expect(await run(host, (ctx) => loadSettings(ctx))).toBeUndefined();
    await run(host, (ctx) => createRegister(ctx, defaultSettings("guangxi", "南宁市生态环境局", "王五")));
    expect(await run(host, (ctx) => loadSettings(ctx))).toMatchObject({
      profileId: "guangxi",
      district: "南宁市生态环境局",
      preparer: "王五",
    });
    host.syncCount = 0;
    await run(host, (ctx) =>
      saveSettings(ctx, {
        ...defaultSettings("shanghai", "浦东新区生态环境局", "+86 张三"),
        extendOnRestDay: true,
      }),
    );
    expect(host.syncCount).toBe(4);
    expect(host.cell("强审设置", "B4")).toMatchObject({ value: "+86 张三", formula: undefined });
    expect(await run(host, (ctx) => loadSettings(ctx))).toMatchObject({
      profileId: "shanghai",
      preparer: "+86 张三",
      extendOnRestDay: true,
    });
  });
});
