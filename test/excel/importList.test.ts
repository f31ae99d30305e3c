// 导入名单 in the add-in: the report without writing, the rows appended to the register's table text-safe,
// nothing written on errors, and the register put back when Excel fails in the middle.

import { columnLetters } from "../../src/core/address";
import { withCheckChar } from "../../src/core/creditCode";
import { formatIsoDate, parseIsoDate } from "../../src/core/dates";
import type { CellInput, Grid } from "../../src/core/grid";
import { REGISTER_COLUMNS, REGISTER_SHEET } from "../../src/core/register";
import { defaultSettings } from "../../src/core/settings";
import type { WorkbookGrids } from "../../src/core/workbook";
import { importList, type PaneImportOptions } from "../../src/excel/importList";
import { createRegister } from "../../src/excel/register";
import { ExcelHost } from "../officehost";
import { defaultFormat } from "../officehost/model";
import { cloneHost, filledHost, run, snapshot, TODAY } from "./hostWorkbook";

const code = (n: number) => withCheckChar(`91310115${String(n).padStart(9, "0")}`);
const digits = code([...Array(40).keys()].find((n) => /^\d+$/.test(code(910 + n)))! + 910);
const published = parseIsoDate("2027-03-20")!;

function listOf(rows: CellInput[][]): WorkbookGrids {
  const grid: Grid = {
    sheet: "附件",
    rows: [["2027年重点行业强制性清洁生产审核企业名单"], [], ...rows],
    merges: ["A1:F1"],
  };
  return { sheet: (n) => (n === "附件" ? grid : undefined), names: () => ["附件"] };
}

const LIST = listOf([
  ["序号", "单位名称", "社会信用代码", "县（市、区）", "类别", "联系人"],
  ["1", "上海新列入化工有限公司", code(901), "浦东新区", "双有", "张三"],
  ["2", '=HYPERLINK("x")', code(902), "浦东新区", "双超", "李四"],
  ["3", "上海全数字代码有限公司", digits, "浦东新区", "高耗能", "王五"],
]);

const importInto = (host: ExcelHost, list: WorkbookGrids, options: Partial<PaneImportOptions> = {}) =>
  run(host, (ctx) => importList(ctx, list, { published, apply: true, asOf: TODAY, ...options }));

const col = (label: string) => REGISTER_COLUMNS.findIndex((c) => c.label === label);

/** A register filled by a district, its table grown over the rows as Excel grows it for rows typed under it. */
async function register(count: number): Promise<ExcelHost> {
  const host = await filledHost(count);
  host.sheet(REGISTER_SHEET)!.tables[0]!.rect.rows = count + 1;
  return host;
}

/**
 * The register's cells in row and column order, and its tables: what a failed import must leave as it was. A
 * blank cell of the default format is no cell at all, in Excel as here.
 */
function registerState(host: ExcelHost): string {
  const sheet = host.sheet(REGISTER_SHEET)!;
  const blank = JSON.stringify(defaultFormat());
  const cells = [...sheet.cells]
    .filter(([, c]) => c.value !== null || c.formula !== undefined || JSON.stringify(c.format) !== blank)
    .sort(([a], [b]) => {
      const [ra, ca] = a.split(",").map(Number) as [number, number];
      const [rb, cb] = b.split(",").map(Number) as [number, number];
      return ra - rb || ca - cb;
    });
  return JSON.stringify([cells, sheet.tables]);
}

describe("导入名单", () => {
  it("reports without writing anything when not applied", async () => {
    const host = await register(12);
    const before = snapshot(host);
    const report = await importInto(host, LIST, { apply: false });
    expect(report.written).toBe(false);
    expect(report.added.map((a) => [a.name, a.kind, a.registerRow])).toEqual([
      ["上海新列入化工有限公司", "new", 14],
      ['=HYPERLINK("x")', "new", 15],
      ["上海全数字代码有限公司", "new", 16],
    ]);
    expect(report.unknownHeaders).toEqual(["联系人"]);
    expect(report.absent.length).toBeGreaterThan(0);
    expect(snapshot(host)).toBe(before);
  });

  it("appends the rows to the register's table: text as text, codes with '@', dates as dates", async () => {
    const host = await register(12);
    const syncsBefore = host.syncCount;
    const report = await importInto(host, LIST);
    expect(report.written).toBe(true);
    const reg = host.sheet(REGISTER_SHEET)!;
    expect(reg.tables[0]!.rect.rows).toBe(16);
    const at = (row: number, label: string) =>
      host.cell(REGISTER_SHEET, `${columnLetters(col(label))}${row}`)!;
    expect(at(14, "企业名称").value).toBe("上海新列入化工有限公司");
    expect(at(15, "企业名称").value).toBe('=HYPERLINK("x")');
    expect(at(15, "企业名称").formula).toBeUndefined();
    expect(at(16, "统一社会信用代码").value).toBe(digits);
    expect(at(16, "统一社会信用代码").format.numberFormat).toBe("@");
    expect(at(14, "名单公布时间").value).toBe(published);
    expect(at(14, "名单公布时间").format.numberFormat).toBe("yyyy-mm-dd");
    expect(at(14, "名单年度").value).toBe(2027);
    expect(formatIsoDate(at(14, "名单公布时间").value as number)).toBe("2027-03-20");
    // Reading the register, two syncs for its table, one to write.
    expect(host.syncCount - syncsBefore).toBeLessThanOrEqual(6);

    const again = await importInto(host, LIST);
    expect(again.added).toEqual([]);
    expect(again.matched).toHaveLength(3);
    expect(host.sheet(REGISTER_SHEET)!.tables[0]!.rect.rows).toBe(16);
  });

  it("keeps names Excel would take for a boolean, a number or a date as the text they are", async () => {
    const host = await register(3);
    const names = ["TRUE", "1,234", "2026/3/5"];
    await importInto(
      host,
      listOf([
        ["序号", "单位名称", "社会信用代码", "县（市、区）", "类别"],
        ...names.map((n, i) => [String(i + 1), n, code(920 + i), "浦东新区", "双有"]),
      ]),
    );
    const name = (row: number) => host.cell(REGISTER_SHEET, `${columnLetters(col("企业名称"))}${row}`)!;
    expect([5, 6, 7].map((r) => name(r).value)).toEqual(names);
    expect([5, 6, 7].map((r) => name(r).format.numberFormat)).toEqual(["@", "@", "@"]);
  });

  it("fills the blank row of a new register's table before adding rows", async () => {
    const host = new ExcelHost();
    await run(host, (ctx) => createRegister(ctx, defaultSettings("shanghai", "浦东新区生态环境局")));
    await importInto(host, LIST);
    expect(host.sheet(REGISTER_SHEET)!.tables[0]!.rect.rows).toBe(4);
    expect(host.value(REGISTER_SHEET, `B2`)).toBe("上海新列入化工有限公司");
    expect(host.value(REGISTER_SHEET, `B4`)).toBe("上海全数字代码有限公司");
  });

  it("writes nothing when the list has an error, naming the list's cell", async () => {
    const host = await register(5);
    const before = snapshot(host);
    const bad = listOf([
      ["企业名称", "统一社会信用代码"],
      ["上海好企业有限公司", code(904)],
      ["上海坏代码有限公司", code(903).slice(0, 17) + (code(903).endsWith("0") ? "1" : "0")],
    ]);
    const report = await importInto(host, bad);
    expect(report.written).toBe(false);
    expect(report.issues.filter((i) => i.severity === "error").map((i) => [i.sheet, i.cell])).toEqual([
      ["附件", "B5"],
    ]);
    expect(snapshot(host)).toBe(before);
    const skipped = await importInto(host, bad, { skipInvalid: true });
    expect(skipped.added.map((a) => a.name)).toEqual(["上海好企业有限公司"]);
    expect(host.value(REGISTER_SHEET, "B7")).toBe("上海好企业有限公司");
  });

  it("puts the register back when Excel fails in the middle of the write", async () => {
    const host = await register(12);
    const probe = cloneHost(host);
    await importInto(probe, LIST);
    const writeStarts = probe.batchStarts[probe.batchStarts.length - 1]!;
    const before = registerState(host);
    host.failAfterOps = writeStarts + 2;
    await expect(importInto(host, LIST)).rejects.toMatchObject({ code: "GeneralException" });
    expect(registerState(host) === before).toBe(true);
    expect(host.sheet(REGISTER_SHEET)!.tables[0]!.rect.rows).toBe(13);
    expect(host.value(REGISTER_SHEET, "B14")).toBeNull();
  });
  it("puts the blank rows it was filling back as they were, formats included, when Excel fails", async () => {
    const host = await register(12);
    host.sheet(REGISTER_SHEET)!.tables[0]!.rect.rows = 12 + 1 + 5;
    const probe = cloneHost(host);
    await importInto(probe, LIST);
    const writeStarts = probe.batchStarts[probe.batchStarts.length - 1]!;
    const before = registerState(host);
    // The formats of the first chunk are written, its values not yet.
    host.failAfterOps = writeStarts + 2;
    await expect(importInto(host, LIST)).rejects.toMatchObject({ code: "GeneralException" });
    expect(host.cell(REGISTER_SHEET, "B14")?.format.numberFormat ?? "General").not.toBe("@");
    expect(registerState(host) === before).toBe(true);
  });

  it("refuses a stamped, protected register, saying why, and still reports the list", async () => {
    const host = await register(5);
    host.sheet(REGISTER_SHEET)!.protected = true;
    expect((await importInto(host, LIST, { apply: false })).added).toHaveLength(3);
    await expect(importInto(host, LIST)).rejects.toThrow("已报送盖章并受保护");
    expect(host.value(REGISTER_SHEET, "B7")).toBeNull();
  });
});
