// A workbook in the 1904 date system (Mac Excel, openpyxl's epoch) opened in Excel: the add-in reads its dates
// as the days they are and writes every date as the workbook's own serial, never 4 years off.

import { parseQuarter } from "../../src/core/dates";
import { withCheckChar } from "../../src/core/creditCode";
import { parseIsoDate } from "../../src/core/dates";
import type { Grid } from "../../src/core/grid";
import { REGISTER_SHEET } from "../../src/core/register";
import { DATE1904_SHIFT } from "../../src/excel/dateSystem";
import { generateQuarterly } from "../../src/excel/forms";
import { importList } from "../../src/excel/importList";
import { refreshStatus, validateWorkbook } from "../../src/excel/register";
import type { ExcelHost } from "../officehost";
import { cloneHost, filledHost, run, TODAY } from "./hostWorkbook";

const isDateCell = (format: string) => /[yd]/.test(format.replace(/"[^"]*"/g, ""));

/** The same register twice: as the 1900 system holds it, and as a 1904 workbook holds the same days. */
async function pair(): Promise<{ plain: ExcelHost; mac: ExcelHost }> {
  const plain = await filledHost(16);
  const mac = cloneHost(plain);
  mac.date1904 = true;
  for (const sheet of mac.sheets)
    for (const cell of sheet.cells.values())
      if (typeof cell.value === "number" && isDateCell(cell.format.numberFormat))
        cell.value -= DATE1904_SHIFT;
  return { plain, mac };
}

/** Every cell of `name` in the 1904 workbook holds what the 1900 one does, its dates 1,462 days smaller. */
function expectSameDays(plain: ExcelHost, mac: ExcelHost, name: string): void {
  const a = plain.sheet(name)!;
  const b = mac.sheet(name)!;
  const expected = [...a.cells].map(([k, c]) => [
    k,
    typeof c.value === "number" && isDateCell(c.format.numberFormat) ? c.value - DATE1904_SHIFT : c.value,
  ]);
  expect([...b.cells].map(([k, c]) => [k, c.value])).toEqual(expected);
}

describe("a workbook in the 1904 date system", () => {
  it("reads the register's dates as the days they are", async () => {
    const { plain, mac } = await pair();
    const a = await run(plain, (ctx) => validateWorkbook(ctx, TODAY));
    const b = await run(mac, (ctx) => validateWorkbook(ctx, TODAY));
    expect(b.loaded.rows).toEqual(a.loaded.rows);
    expect(b.statuses).toEqual(a.statuses);
    expect(b.issues).toEqual(a.issues);
  });

  it("writes 下一期限 as the workbook's own serial", async () => {
    const { plain, mac } = await pair();
    await run(plain, (ctx) => refreshStatus(ctx, TODAY));
    await run(mac, (ctx) => refreshStatus(ctx, TODAY));
    expectSameDays(plain, mac, REGISTER_SHEET);
  });

  it("prints the quarter's forms with the same days", async () => {
    const { plain, mac } = await pair();
    const q3 = parseQuarter("2026Q3")!;
    const names = await run(plain, (ctx) => generateQuarterly(ctx, q3, TODAY, plain.supports));
    await run(mac, (ctx) => generateQuarterly(ctx, q3, TODAY, mac.supports));
    for (const name of names) expectSameDays(plain, mac, name);
  });

  it("imports a list's publication date as the same day", async () => {
    const { plain, mac } = await pair();
    const grid: Grid = {
      sheet: "附件",
      rows: [
        ["序号", "单位名称", "社会信用代码", "县（市、区）", "类别"],
        ["1", "上海新列入化工有限公司", withCheckChar("91310115000000941"), "浦东新区", "双有"],
      ],
    };
    const list = { sheet: (n: string) => (n === "附件" ? grid : undefined), names: () => ["附件"] };
    const options = { published: parseIsoDate("2027-03-20")!, apply: true, asOf: TODAY };
    await run(plain, (ctx) => importList(ctx, list, options));
    await run(mac, (ctx) => importList(ctx, list, options));
    expectSameDays(plain, mac, REGISTER_SHEET);
  });
});
