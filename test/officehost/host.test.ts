import { ExcelHost, OfficeError } from "./host";
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
    host.payloadLimit = 1000;
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
});
