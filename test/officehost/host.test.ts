import { ExcelHost, OfficeError } from "./host";
import { installOfficeHost } from "./install";
import { jsonBytes } from "./rules";
import { run } from "../excel/hostWorkbook";

const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as OfficeError).code;
  }
  return "no error";
};

describe("the in-memory Excel behaves like Excel", () => {
  it("throws PropertyNotLoaded for a property read before load and sync", async () => {
    const host = new ExcelHost();
    host.seed("S", [[1, 2]]);
    await run(host, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("S").getRange("A1:B1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([[1, 2]]);
    });
  });

  it("turns a string starting with = written to values into a formula, as Excel does", async () => {
    const host = new ExcelHost();
    host.seed("S", [[null]]);
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").values = [["=1+1"]];
      ws.getRange("A2").values = [["2026-03-05"]];
      ws.getRange("A3").values = [["'=1+1"]];
      ws.getRange("A4").numberFormat = [["@"]];
      ws.getRange("A4").values = [["=1+1"]];
      ws.getRange("A5").values = [["+8613800000000"]];
    });
    expect(host.cell("S", "A1")!.formula).toBe("=1+1");
    expect(host.value("S", "A2")).toBe(46086);
    expect(host.cell("S", "A3")).toMatchObject({ value: "=1+1", formula: undefined });
    expect(host.cell("S", "A4")).toMatchObject({ value: "=1+1", formula: undefined });
    expect(host.value("S", "A5")).toBe(8613800000000);
  });

  it("takes TRUE, 50%, 1,234, 1.5E+3 and dates written into a General cell as zh-CN Excel does, and keeps them text under @", async () => {
    const host = new ExcelHost();
    host.seed("S", [[null]]);
    const typed = [
      "2026/3/5",
      "TRUE",
      "50%",
      "1,234",
      "1.5E+3",
      "2026年3月5日",
      "false",
      "12.5%",
      "2026/2/30",
    ];
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1:I1").values = [typed];
      ws.getRange("A2:I2").numberFormat = [typed.map(() => "@")];
      ws.getRange("A2:I2").formulas = [typed];
    });
    const row = (r: number) => "ABCDEFGHI".split("").map((c) => host.cell("S", `${c}${r}`)!);
    expect(row(1).map((c) => c.value)).toEqual([
      46086,
      true,
      0.5,
      1234,
      1500,
      46086,
      false,
      0.125,
      "2026/2/30",
    ]);
    expect(row(1).map((c) => c.format.numberFormat)).toEqual([
      "yyyy/m/d",
      "General",
      "0%",
      "#,##0",
      "0.00E+00",
      'yyyy"年"m"月"d"日"',
      "General",
      "0.0%",
      "General",
    ]);
    expect(row(2).map((c) => c.value)).toEqual(typed);
    host.type("S", "J1", "-5%");
    expect(host.value("S", "J1")).toBe(-0.05);
  });

  it("gives a formula of numbers its computed value, as Excel's Range.values does", async () => {
    const host = new ExcelHost();
    host.seed("S", [[null]]);
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:C1").formulas = [["=8+1", "=(2+3)*4/2", "=SUM(A1)"]];
    });
    expect([host.value("S", "A1"), host.value("S", "B1"), host.value("S", "C1")]).toEqual([9, 10, null]);
    host.type("S", "D1", "=-1.5+2");
    expect(host.value("S", "D1")).toBe(0.5);
  });

  it("gives DATE as the workbook's own serial: 1,462 days smaller in the 1904 date system", async () => {
    const host = new ExcelHost();
    host.seed("S", [[null]]);
    const date = (h: ExcelHost) =>
      run(h, async (ctx) => {
        const days = [ctx.workbook.functions.date(1904, 1, 1), ctx.workbook.functions.date(2026, 3, 5)];
        days.forEach((d) => d.load("value"));
        await ctx.sync();
        return days.map((d) => d.value);
      });
    expect(await date(host)).toEqual([1462, 46086]);
    host.date1904 = true;
    expect(await date(host)).toEqual([0, 44624]);
    host.type("S", "A1", "2026/3/5");
    expect(host.value("S", "A1")).toBe(44624);
  });

  it("rejects a 2-D array that does not match the range", async () => {
    const host = new ExcelHost();
    host.seed("S", [[null]]);
    const p = run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:B2").values = [[1, 2]];
      await ctx.sync();
    });
    expect(await code(p)).toBe("InvalidArgument");
  });

  it("rejects a request over the payload limit and applies none of it", async () => {
    const host = new ExcelHost();
    host.seed("S", [[null]]);
    host.requestLimit = 1000;
    const p = run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").values = [["small"]];
      ws.getRangeByIndexes(1, 0, 200, 1).values = Array.from({ length: 200 }, () => ["xxxxxxxxxx"]);
      await ctx.sync();
    });
    expect(await code(p)).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.value("S", "A1")).toBeNull();
  });

  it("refuses writes to locked cells of a protected sheet", async () => {
    const host = new ExcelHost();
    host.seed("S", [[null]]);
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("B2").format.protection.locked = false;
      ws.protection.protect();
    });
    await run(host, async (ctx) => void (ctx.workbook.worksheets.getItem("S").getRange("B2").values = [[5]]));
    expect(host.value("S", "B2")).toBe(5);
    const p = run(
      host,
      async (ctx) => void (ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[5]]),
    );
    expect(await code(p)).toBe("AccessDenied");
  });

  it("enforces Excel's sheet names and counts syncs", async () => {
    const host = new ExcelHost();
    expect(await code(run(host, async (ctx) => void ctx.workbook.worksheets.add("a/b")))).toBe(
      "InvalidArgument",
    );
    expect(await code(run(host, async (ctx) => void ctx.workbook.worksheets.add("x".repeat(32))))).toBe(
      "InvalidArgument",
    );
    await run(host, async (ctx) => void ctx.workbook.worksheets.add("附表3"));
    expect(await code(run(host, async (ctx) => void ctx.workbook.worksheets.add("附表3")))).toBe(
      "ItemAlreadyExists",
    );
    expect(host.syncCount).toBe(4);
  });

  it("leaves a cell as it is where the 2-D array holds null, and refuses null for the whole property", async () => {
    const host = new ExcelHost();
    host.seed("S", [["keep", "old"]]);
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:B1").values = [[null, "new"]];
    });
    expect([host.value("S", "A1"), host.value("S", "B1")]).toEqual(["keep", "new"]);
    const p = run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").values = null as never;
    });
    expect(await code(p)).toBe("InvalidArgument");
  });
});

describe("table rows", () => {
  it("adds rows at the end of a table, typed as values are and formatted like its last row, moving what is below", async () => {
    const host = new ExcelHost();
    host.seed("S", [
      ["名称", "代码"],
      ["甲", "1"],
      [null, null],
      ["表下", null],
    ]);
    host.sheet("S")!.cells.get("1,1")!.format.numberFormat = "@";
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.tables.add("A1:B2", true);
      await ctx.sync();
      ws.tables.load("items/name");
      await ctx.sync();
      const table = ws.tables.items[0]!;
      table.rows.add(undefined, [
        ["=1+1", "007"],
        ["乙", ""],
      ]);
      table.rows.load("count");
      await ctx.sync();
      expect(table.rows.count).toBe(3);
    });
    expect(host.sheet("S")!.tables[0]!.rect).toEqual({ top: 0, left: 0, rows: 4, cols: 2 });
    expect(host.cell("S", "A3")!.formula).toBe("=1+1");
    expect(host.value("S", "B3")).toBe("007");
    expect(host.value("S", "A4")).toBe("乙");
    expect(host.value("S", "A6")).toBe("表下");
  });

  it("adds rows above a table's totals row, which moves down, and counts only the data rows", async () => {
    const host = new ExcelHost();
    host.seed("S", [
      ["名称", "得分"],
      ["甲", 1],
      ["合计", "=SUBTOTAL(109,B2)"],
      ["注：", null],
    ]);
    host.sheet("S")!.tables.push({ name: "T", rect: { top: 0, left: 0, rows: 3, cols: 2 }, totalsRow: true });
    const seen = await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.tables.load("items/name,items/showTotals");
      await ctx.sync();
      const table = ws.tables.items[0]!;
      const totals = table.getTotalRowRange().load("rowIndex");
      table.rows.load("count");
      await ctx.sync();
      const before = { showTotals: table.showTotals, totalsRow: totals.rowIndex, count: table.rows.count };
      table.rows.add(undefined, [["乙", 2]]);
      await ctx.sync();
      return before;
    });
    expect(seen).toEqual({ showTotals: true, totalsRow: 2, count: 1 });
    expect(host.value("S", "A3")).toBe("乙");
    expect(host.value("S", "A4")).toBe("合计");
    expect(host.value("S", "A5")).toBe("注：");
    expect(host.sheet("S")!.tables[0]!.rect.rows).toBe(4);
  });

  it("deletes a table row, moving the rows below it up, and refuses both on a protected sheet", async () => {
    const host = new ExcelHost();
    host.seed("S", [["名称"], ["甲"], ["乙"], ["丙"]]);
    await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.tables.add("A1:A4", true);
      await ctx.sync();
      ws.tables.load("items/name");
      await ctx.sync();
      ws.tables.items[0]!.rows.getItemAt(0).delete();
    });
    expect([host.value("S", "A2"), host.value("S", "A3"), host.value("S", "A4")]).toEqual(["乙", "丙", null]);
    host.sheet("S")!.protected = true;
    const add = run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.tables.load("items/name");
      await ctx.sync();
      ws.tables.items[0]!.rows.add(undefined, [["丁"]]);
    });
    expect(await code(add)).toBe("AccessDenied");
  });
});

describe("refusals Excel makes", () => {
  const at = (host: ExcelHost, fn: (ws: Excel.Worksheet, ctx: Excel.RequestContext) => void) =>
    code(run(host, async (ctx) => fn(ctx.workbook.worksheets.getItem("S"), ctx)));

  it("refuses the sheet name History, the workbook's last sheet's deletion, and what passes Excel's sizes", async () => {
    const host = new ExcelHost();
    host.seed("S", [[1]]);
    expect(await code(run(host, async (ctx) => void ctx.workbook.worksheets.add("history")))).toBe(
      "InvalidArgument",
    );
    expect(await at(host, (ws) => ws.delete())).toBe("InvalidOperation");
    expect(await at(host, (ws) => void ws.getRangeByIndexes(1_048_575, 0, 2, 1).load("values"))).toBe(
      "InvalidArgument",
    );
    expect(await at(host, (ws) => (ws.getRange("A1").values = [["字".repeat(32_768)]]))).toBe(
      "InvalidArgument",
    );
    expect(await at(host, (ws) => (ws.getRange("A1").values = [["字".repeat(32_767)]]))).toBe("no error");
    expect(await at(host, (ws) => (ws.getRange("A2").formulas = [[`="${"x".repeat(8_200)}"`]]))).toBe(
      "FormulaLengthExceedsLimit",
    );
  });

  it("refuses adding, renaming and deleting sheets while the workbook's structure is protected", async () => {
    const host = new ExcelHost();
    host.seed("S", [[1]]);
    host.seed("T", [[1]]);
    await run(host, async (ctx) => ctx.workbook.protection.protect());
    const loaded = await run(host, async (ctx) => {
      ctx.workbook.protection.load("protected");
      await ctx.sync();
      return ctx.workbook.protection.protected;
    });
    expect(loaded).toBe(true);
    expect(await code(run(host, async (ctx) => void ctx.workbook.worksheets.add("U")))).toBe("AccessDenied");
    expect(await at(host, (ws) => (ws.name = "V"))).toBe("AccessDenied");
    expect(await at(host, (ws) => ws.delete())).toBe("AccessDenied");
    expect(await at(host, (ws) => (ws.getRange("A1").values = [[2]]))).toBe("no error");
    await run(host, async (ctx) => ctx.workbook.protection.unprotect());
    expect(await at(host, (ws) => ws.delete())).toBe("no error");
    expect(host.sheets.map((s) => s.name)).toEqual(["T"]);
  });

  it("refuses a table over another table or merged cells, and merging cells inside a table", async () => {
    const host = new ExcelHost();
    host.seed("S", [[1]]);
    expect(await at(host, (ws) => void ws.tables.add("A1:B3", true))).toBe("no error");
    expect(await at(host, (ws) => void ws.tables.add("B3:C5", true))).toBe("InvalidArgument");
    expect(await at(host, (ws) => ws.getRange("A2:B2").merge(false))).toBe("MergedRangeConflict");
    expect(await at(host, (ws) => ws.getRange("E1:F1").merge(false))).toBe("no error");
    expect(await at(host, (ws) => void ws.tables.add("E1:F3", true))).toBe("MergedRangeConflict");
    expect(host.sheet("S")!.tables).toHaveLength(1);
    expect(host.sheet("S")!.merges).toHaveLength(1);
  });

  it("refuses protect() on a protected sheet, and accepts unprotect() on an unprotected one", async () => {
    const host = new ExcelHost();
    host.seed("S", [[1]]);
    expect(await at(host, (ws) => ws.protection.unprotect())).toBe("no error");
    expect(await at(host, (ws) => ws.protection.protect())).toBe("no error");
    expect(await at(host, (ws) => ws.protection.protect())).toBe("AccessDenied");
    expect(host.sheet("S")!.protected).toBe(true);
    expect(await at(host, (ws) => ws.protection.unprotect())).toBe("no error");
  });

  it("refuses formats, validation, conditional formats, merges, tables and charts on a protected sheet", async () => {
    const host = new ExcelHost();
    host.seed("S", [[1, 2]]);
    await at(host, (ws) => {
      ws.getRange("B1").format.protection.locked = false;
      ws.protection.protect({ allowFormatColumns: true });
    });
    const refused: ((ws: Excel.Worksheet) => void)[] = [
      (ws) => (ws.getRange("B1").numberFormat = [["@"]]),
      (ws) => (ws.getRange("B1").format.font.bold = true),
      (ws) => (ws.getRange("B1").format.fill.color = "#FF0000"),
      (ws) => (ws.getRange("B1").format.rowHeight = 30),
      (ws) => (ws.getRange("B1").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } }),
      (ws) => ws.getRange("B1").conditionalFormats.add("Custom" as Excel.ConditionalFormatType),
      (ws) => ws.getRange("A1:B1").merge(false),
      (ws) => ws.tables.add("A1:B2", true),
      (ws) => ws.charts.add("ColumnClustered" as Excel.ChartType, ws.getRange("A1:B1")),
      (ws) => (ws.getRange("A1").values = [[3]]),
    ];
    for (const change of refused) expect(await at(host, change)).toBe("AccessDenied");
    expect(await at(host, (ws) => (ws.getRange("B1").values = [[5]]))).toBe("no error");
    expect(await at(host, (ws) => (ws.getRange("B1").format.columnWidth = 80))).toBe("no error");
    expect(host.sheet("S")).toMatchObject({
      validations: [],
      conditionalFormats: [],
      merges: [],
      tables: [],
    });
  });

  it("refuses a response over 5 MB, handing over nothing, and a read of more than 5 million cells", async () => {
    const host = new ExcelHost();
    host.seed(
      "S",
      Array.from({ length: 2000 }, () => ["上海市某某化工有限公司上海市某某化工有限公司"]),
    );
    host.responseLimit = 50_000;
    let loaded: Excel.Range | undefined;
    const p = run(host, async (ctx) => {
      loaded = ctx.workbook.worksheets.getItem("S").getRange("A1:A2000").load("values");
      await ctx.sync();
    });
    expect(await code(p)).toBe("ResponsePayloadSizeLimitExceeded");
    expect(() => loaded!.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    host.responseLimit = 5 * 1024 * 1024;
    const big = run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:E1000001").load("values");
      await ctx.sync();
    });
    expect(await code(big)).toBe("RangeExceedsLimit");
  });

  it("counts a request as the UTF-8 JSON Excel receives", async () => {
    const host = new ExcelHost();
    host.seed("S", [[null]]);
    const write = async (text: string) => {
      host.maxRequest = 0;
      await run(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[text]];
      });
      return host.maxRequest;
    };
    const base = await write("");
    expect((await write("中".repeat(1000))) - base).toBe(3000);
    expect((await write("\u0001".repeat(1000))) - base).toBe(6000);
    expect((await write('"'.repeat(1000))) - base).toBe(2000);
    expect(jsonBytes([["中"]])).toBe(9);
  });

  it("keeps table names unique in the workbook whatever their case", async () => {
    const host = new ExcelHost();
    host.seed("A", [["h"], [1]]);
    host.seed("B", [["h"], [1]]);
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("A").tables.add("A1:A2", true).name = "RegisterTable";
    });
    const clash = run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("B").tables.add("A1:A2", true).name = "registertable";
    });
    expect(await code(clash)).toBe("InvalidArgument");
    // Each on columns of its own: a table whose name was refused stays, as the batch applied its add.
    for (const [i, bad] of ["A1", "has space", "1abc", "R1C1"].entries()) {
      const p = run(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("B").tables.add(`${"BCDE"[i]}1:${"BCDE"[i]}2`, true).name = bad;
      });
      expect(await code(p)).toBe("InvalidArgument");
    }
    expect(host.tableNames().filter((n) => /^Table\d+$/.test(n))).toEqual([
      "Table1",
      "Table2",
      "Table3",
      "Table4",
      "Table5",
    ]);
  });

  it("limits a typed list to 255 characters and a validation's titles and messages", async () => {
    const host = new ExcelHost();
    host.seed("S", [[null]]);
    const dv = (set: (v: Excel.DataValidation) => void) =>
      at(host, (ws) => set(ws.getRange("A1").dataValidation));
    const list = (n: number) => ({ list: { inCellDropDown: true, source: "甲".repeat(n) } });
    expect(await dv((v) => (v.rule = list(255)))).toBe("no error");
    expect(await dv((v) => (v.rule = list(256)))).toBe("InvalidArgument");
    const longRange = { list: { inCellDropDown: true, source: `='${"设".repeat(200)}'!$A$1:$A$300` } };
    expect(await dv((v) => (v.rule = longRange))).toBe("no error");
    expect(await dv((v) => (v.prompt = { showPrompt: true, title: "题".repeat(33), message: "" }))).toBe(
      "InvalidArgument",
    );
    expect(await dv((v) => (v.prompt = { showPrompt: true, title: "", message: "文".repeat(256) }))).toBe(
      "InvalidArgument",
    );
    const alert = (title: number, message: number) => ({
      showAlert: true,
      style: "Stop" as Excel.DataValidationAlertStyle,
      title: "题".repeat(title),
      message: "文".repeat(message),
    });
    expect(await dv((v) => (v.errorAlert = alert(32, 224)))).toBe("no error");
    expect(await dv((v) => (v.errorAlert = alert(33, 10)))).toBe("InvalidArgument");
    expect(await dv((v) => (v.errorAlert = alert(10, 225)))).toBe("InvalidArgument");
  });

  it("turns 18 digits typed into a General cell into a number of 15 significant digits, not into a text cell", async () => {
    const host = new ExcelHost();
    host.seed("S", [[null]]);
    await at(host, (ws) => (ws.getRange("B1").numberFormat = [["@"]]));
    host.type("S", "A1", "913101151234567893");
    host.type("S", "B1", "913101151234567893");
    expect(host.value("S", "A1")).toBe(913101151234567000);
    expect(host.value("S", "B1")).toBe("913101151234567893");
  });

  it("fails a member above its requirement set with ApiNotFound, and says so in isSetSupported", async () => {
    const host = new ExcelHost("1.8");
    host.seed("S", [[null]]);
    const landscape = (ws: Excel.Worksheet) =>
      (ws.pageLayout.orientation = "Landscape" as Excel.PageOrientation);
    const dropDown = (ws: Excel.Worksheet) =>
      (ws.getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "是,否" } });
    expect(await at(host, landscape)).toBe("ApiNotFound");
    expect(await at(host, (_ws, ctx) => ctx.workbook.application.suspendScreenUpdatingUntilNextSync())).toBe(
      "ApiNotFound",
    );
    expect(await at(host, dropDown)).toBe("no error");
    host.excelApi = "1.7";
    expect(await at(host, dropDown)).toBe("ApiNotFound");
    host.excelApi = "1.9";
    expect(await at(host, landscape)).toBe("no error");
    host.excelApi = "1.8";
    const globals: Record<string, unknown> = {};
    installOfficeHost(globals, host);
    const office = globals.Office as typeof Office;
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
  });
});
