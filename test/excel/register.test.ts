import { columnLetters } from "../../src/core/address";
import { formatIsoDate, serialFromParts } from "../../src/core/dates";
import { COMPUTED_COLUMNS, REGISTER_INPUT_LABELS, REGISTER_SHEET } from "../../src/core/register";
import { defaultSettings } from "../../src/core/settings";
import { overdueText, STAGE_LABELS } from "../../src/core/status";
import { loadWorkbook, workbookStatus } from "../../src/core/workbook";
import { createRegister, refreshStatus, selectIssue, validateWorkbook } from "../../src/excel/register";
import { readSheets } from "../../src/excel/read";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { LOG_SHEET } from "../../src/core/adjustments";
import { officeErrorMessage, PAYLOAD_LIMIT, RequestBudget, writeInChunks } from "../../src/excel/run";
import { saveSettings } from "../../src/excel/settings";
import { ExcelHost } from "../officehost";
import { cloneHost, filledHost, run, snapshot, TODAY, worstCaseHost } from "./hostWorkbook";

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

  it("creates the register beside an old one that was renamed but kept its tables' names", async () => {
    const host = new ExcelHost();
    await run(host, (ctx) => createRegister(ctx, defaultSettings("shanghai")));
    for (const s of host.sheets) s.name = `${s.name} 2025`;
    await run(host, (ctx) => createRegister(ctx, defaultSettings("shanghai")));
    expect(host.tableNames()).toEqual([
      "RegisterTable",
      "AdjustmentTable",
      "RegisterTable2",
      "AdjustmentTable2",
    ]);
    expect(host.sheet(REGISTER_SHEET)!.tables[0]!.name).toBe("RegisterTable2");
  });

  it("keeps an all-digit credit code typed into the register or the log as text, in every row", async () => {
    const code = "913101151234567893";
    const host = new ExcelHost();
    await run(host, (ctx) => createRegister(ctx, defaultSettings("shanghai")));
    for (const cell of ["C2", "C300", "C501"]) host.type(REGISTER_SHEET, cell, code);
    host.type(LOG_SHEET, "B2", code);
    expect([host.value(REGISTER_SHEET, "C2"), host.value(REGISTER_SHEET, "C300")]).toEqual([code, code]);
    expect(host.value(REGISTER_SHEET, "C501")).toBe(code);
    expect(host.value(LOG_SHEET, "B2")).toBe(code);
  });

  it("says when a code was typed where Excel made it a number", async () => {
    const host = new ExcelHost();
    host.seed(REGISTER_SHEET, [
      ["序号", "企业名称", "统一社会信用代码", "名单公布时间"],
      [1, "上海甲化工有限公司", null, 46000],
    ]);
    host.type(REGISTER_SHEET, "C2", "913101151234567893");
    const { issues } = await run(host, (ctx) => validateWorkbook(ctx, TODAY));
    expect(issues.filter((i) => i.cell === "C2").map((i) => i.message)).toEqual([
      "统一社会信用代码：数字已被 Excel 改写，请设为文本后重新输入（单元格中为 913101151234567000）",
    ]);
  });

  it("keeps a district typed as a formula as text", async () => {
    const host = new ExcelHost();
    await run(host, (ctx) => createRegister(ctx, defaultSettings("shanghai", '=HYPERLINK("x")')));
    expect(host.cell("强审设置", "B3")).toMatchObject({ value: '=HYPERLINK("x")', formula: undefined });
  });
});

/** The register's computed columns where `init` lays them, after the input columns. */
const computedColumn = (label: (typeof COMPUTED_COLUMNS)[number]) =>
  columnLetters(REGISTER_INPUT_LABELS.length + COMPUTED_COLUMNS.indexOf(label));
const [V, W, X, Y] = COMPUTED_COLUMNS.map(computedColumn);

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
      expect(host.value(REGISTER_SHEET, `${V}${s.row}`)).toBe(STAGE_LABELS[s.stage]);
      expect(host.value(REGISTER_SHEET, `${X}${s.row}`) ?? "").toBe(overdueText(s.overdue));
      if (s.overdue.length > 0)
        expect(host.cell(REGISTER_SHEET, `${X}${s.row}`)!.format.fill).toBe("#FFC7CE");
      const next = host.value(REGISTER_SHEET, `${W}${s.row}`);
      expect(next === null ? null : formatIsoDate(next as number)).toBe(
        s.nextDeadline ? formatIsoDate(s.nextDeadline.date) : null,
      );
    }
  });

  it("formats the text it writes as text, and dates and day counts as such", async () => {
    const host = await filledHost(30);
    const result = await run(host, (ctx) => refreshStatus(ctx, TODAY));
    const late = result.statuses.find((s) => s.overdue.length > 0 && s.nextDeadline)!;
    const format = (col: string) => host.cell(REGISTER_SHEET, `${col}${late.row}`)!.format.numberFormat;
    expect([format(V!), format(W!), format(X!), format(Y!)]).toEqual(["@", "yyyy-mm-dd", "@", "0"]);
    expect(host.cell(REGISTER_SHEET, "A1")!.format.numberFormat).toBe("@");
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

describe("Excel's limits on reads", () => {
  it("reads a register too large for one response in several, and finds what one read finds", async () => {
    const host = await filledHost(1500);
    const whole = await run(cloneHost(host), (ctx) => validateWorkbook(ctx, TODAY));
    host.responseLimit = 100_000;
    host.syncCount = 0;
    const split = await run(host, (ctx) => validateWorkbook(ctx, TODAY));
    expect(split.issues).toEqual(whole.issues);
    expect(split.statuses).toEqual(whole.statuses);
    expect(host.syncCount).toBeGreaterThan(3);
  });

  it("reads a sheet of more cells than one read may hold in blocks", async () => {
    const host = await filledHost(400);
    const whole = await run(cloneHost(host), (ctx) => validateWorkbook(ctx, TODAY));
    host.readCellLimit = 2000;
    const split = await run(host, (ctx) => validateWorkbook(ctx, TODAY));
    expect(split.issues).toEqual(whole.issues);
  });

  it("says in Chinese which row is too large to read, and what Excel's response limit means", async () => {
    const host = await filledHost(3);
    host.seed(REGISTER_SHEET, [["很长的备注".repeat(2000)]], 2, 20);
    host.responseLimit = 20_000;
    await expect(run(host, (ctx) => validateWorkbook(ctx, TODAY))).rejects.toThrow(
      "工作表“企业名单台账”第 3 行的内容超过 Excel 单次读取的上限",
    );
    expect(officeErrorMessage({ code: "ResponsePayloadSizeLimitExceeded" })).toMatch(/单次响应上限（5 MB）/);
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
        new RequestBudget(ctx, 50_000),
        rows,
        (start, chunk) => (ws.getRangeByIndexes(start, 0, chunk.length, 2).values = chunk.map((r) => [...r])),
      );
      expect(syncs).toBeGreaterThan(1);
    });
    expect(host.value("S", "A6000")).toBe("第5999行");
    expect(host.maxRequest).toBeLessThanOrEqual(60_000);
  });

  it("sizes a request as Excel does, so text of quotes and control characters still fits", async () => {
    const host = new ExcelHost();
    host.seed("S", [["x"]]);
    host.requestLimit = 60_000;
    // 3 characters each, but 6 bytes apiece in the request's JSON: \u0001.
    const rows = Array.from({ length: 1000 }, () => ["\u0001\u0002\u0003", '"引号"']);
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      await writeInChunks(new RequestBudget(ctx, 50_000), rows, (start, chunk) => {
        ws.getRangeByIndexes(start, 0, chunk.length, 2).values = chunk.map((r) => [...r]);
      });
    });
    expect(host.value("S", "B1000")).toBe('"引号"');
    expect(host.maxRequest).toBeLessThanOrEqual(60_000);
  });

  it("keeps refreshing 10,000 rows under the request limit as Excel counts it", async () => {
    const host = await filledHost(10_000);
    host.requestLimit = PAYLOAD_LIMIT + 200_000;
    await run(host, (ctx) => refreshStatus(ctx, TODAY));
    expect(host.maxRequest).toBeGreaterThan(100_000);
    expect(host.maxRequest).toBeLessThanOrEqual(host.requestLimit);
  });

  it("keeps refreshing 10,000 rows, every other one overdue and the computed columns apart, under 5 MB", async () => {
    const host = await worstCaseHost(10_000);
    const result = await run(host, (ctx) => refreshStatus(ctx, TODAY));
    const overdue = result.statuses.filter((s) => s.overdue.length > 0);
    expect(overdue.length).toBe(5000);
    expect(host.maxRequest).toBeLessThanOrEqual(host.requestLimit);
    const header = (row: number) =>
      COMPUTED_COLUMNS.map((label) => {
        const col = [...Array(25).keys()].find(
          (c) => host.value(REGISTER_SHEET, `${columnLetters(c)}1`) === label,
        )!;
        return host.cell(REGISTER_SHEET, `${columnLetters(col)}${row}`)?.format;
      });
    expect(header(overdue.at(-1)!.row).map((f) => f?.fill)).toEqual(new Array(4).fill("#FFC7CE"));
    expect(header(overdue.at(-1)!.row + 1).map((f) => f?.fill)).toEqual(new Array(4).fill("#F2F2F2"));
  }, 120_000);

  it("writes every value through the text-safe path", () => {
    const dir = path.resolve(__dirname, "../../src/excel");
    const raw = readdirSync(dir)
      .filter((f) => !["cells.ts", "writeLayout.ts"].includes(f))
      .filter((f) => /\.(values|formulas)\s*=(?!=)/.test(readFileSync(path.join(dir, f), "utf8")));
    expect(raw).toEqual([]);
  });
});

describe("a protected 强审设置", () => {
  it("refuses to save the settings, saying why, and changes nothing", async () => {
    const host = new ExcelHost();
    await run(host, (ctx) => createRegister(ctx, defaultSettings("shanghai", "浦东新区生态环境局", "张三")));
    await run(host, async (ctx) => ctx.workbook.worksheets.getItem("强审设置").protection.protect());
    const before = snapshot(host);
    await expect(
      run(host, (ctx) => saveSettings(ctx, defaultSettings("shanghai", "浦东新区生态环境局", "李四"))),
    ).rejects.toThrow("“强审设置”受保护，设置未保存");
    expect(snapshot(host)).toBe(before);
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

  it("creates the empty 休息日调整 table beside them, and saving the settings keeps its days", async () => {
    const { loadSettings, saveSettings } = await import("../../src/excel/settings");
    const host = new ExcelHost();
    await run(host, (ctx) => createRegister(ctx, defaultSettings("shanghai", "浦东新区生态环境局")));
    expect(["E2", "F2", "G2"].map((a) => host.value("强审设置", a))).toEqual(["日期", "类型", "依据"]);
    expect(host.cell("强审设置", "E3")!.format.numberFormat).toBe("yyyy-mm-dd");
    expect(host.sheet("强审设置")!.validations.map((v) => v.rule)).toContainEqual({
      list: { inCellDropDown: true, source: "休息日,上班日" },
    });
    expect(await run(host, (ctx) => loadSettings(ctx))).toMatchObject({ restDayAdjustments: [] });
    host.seed("强审设置", [[null, null, null, null, "2031-06-02", "休息日", "端午节"]], 2);
    const saved = { ...defaultSettings("shanghai", "浦东新区生态环境局", "张三"), extendOnRestDay: true };
    await run(host, (ctx) => saveSettings(ctx, saved));
    expect(await run(host, (ctx) => loadSettings(ctx))).toMatchObject({
      preparer: "张三",
      restDayAdjustments: [{ date: serialFromParts(2031, 6, 2), kind: "休息日", basis: "端午节" }],
    });
  });
});
