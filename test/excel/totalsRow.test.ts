// A register table with a totals row (Table.showTotals): the add-in reads the table's data rows only, writes no
// status into the totals row or below, and 导入名单 adds rows inside the table, above the totals row.

import { columnLetters } from "../../src/core/address";
import { withCheckChar } from "../../src/core/creditCode";
import { parseIsoDate } from "../../src/core/dates";
import type { Grid } from "../../src/core/grid";
import { REGISTER_COLUMNS, REGISTER_SHEET } from "../../src/core/register";
import { importList } from "../../src/excel/importList";
import { refreshStatus, validateWorkbook } from "../../src/excel/register";
import type { ExcelHost } from "../officehost";
import { filledHost, run, TODAY } from "./hostWorkbook";

const COUNT = 12;
const col = (label: string) => REGISTER_COLUMNS.findIndex((c) => c.label === label);
/** The cell under the header `label` (input or computed column) in a 1-based row. */
function at(host: ExcelHost, row: number, label: string) {
  const sheet = host.sheet(REGISTER_SHEET)!;
  const c = Array.from({ length: 64 }, (_, i) => i).find((i) => sheet.cells.get(`0,${i}`)?.value === label)!;
  return host.cell(REGISTER_SHEET, `${columnLetters(c)}${row}`);
}

/** The register's table over its 12 enterprises and a totals row (合计, a count under 企业名称), a note under it. */
async function withTotals(): Promise<ExcelHost> {
  const host = await filledHost(COUNT);
  const table = host.sheet(REGISTER_SHEET)!.tables[0]!;
  table.rect.rows = COUNT + 2;
  table.totalsRow = true;
  const totals = new Array<string | number | null>(REGISTER_COLUMNS.length).fill(null);
  totals[0] = "合计";
  totals[col("企业名称")] = COUNT;
  host.seed(REGISTER_SHEET, [totals, [], ["注：本表由区生态环境局填报"]], COUNT + 1, 0);
  return host;
}

describe("a register table with a totals row", () => {
  it("reads the table's data rows only: neither the totals row nor the note under it is an enterprise", async () => {
    const host = await withTotals();
    const { loaded } = await run(host, (ctx) => validateWorkbook(ctx, TODAY));
    expect(loaded.rows).toHaveLength(COUNT);
    expect(loaded.rows.map((r) => r.name)).not.toContain(String(COUNT));
  });

  it("writes the status columns of the enterprises, never into the totals row or below", async () => {
    const host = await withTotals();
    await run(host, (ctx) => refreshStatus(ctx, TODAY));
    expect(at(host, COUNT + 1, "当前阶段")?.value).toEqual(expect.any(String));
    for (const row of [COUNT + 2, COUNT + 3, COUNT + 4])
      for (const label of ["当前阶段", "下一期限", "逾期情况", "逾期天数"])
        expect(at(host, row, label)?.value ?? null).toBeNull();
  });

  it("imports new enterprises into the table, above its totals row", async () => {
    const host = await withTotals();
    const code = (n: number) => withCheckChar(`91310115${String(n).padStart(9, "0")}`);
    const grid: Grid = {
      sheet: "附件",
      rows: [
        ["序号", "单位名称", "社会信用代码", "县（市、区）", "类别"],
        ["1", "上海新列入化工有限公司", code(931), "浦东新区", "双有"],
        ["2", "上海新列入材料有限公司", code(932), "浦东新区", "双超"],
      ],
    };
    const report = await run(host, (ctx) =>
      importList(
        ctx,
        { sheet: (n) => (n === "附件" ? grid : undefined), names: () => ["附件"] },
        { published: parseIsoDate("2027-03-20")!, apply: true, asOf: TODAY },
      ),
    );
    expect(report.written).toBe(true);
    expect([COUNT + 2, COUNT + 3].map((r) => at(host, r, "企业名称")?.value)).toEqual([
      "上海新列入化工有限公司",
      "上海新列入材料有限公司",
    ]);
    expect(at(host, COUNT + 4, "序号")?.value).toBe("合计");
    expect(host.sheet(REGISTER_SHEET)!.tables[0]!.rect.rows).toBe(COUNT + 4);
    expect(host.value(REGISTER_SHEET, `A${COUNT + 6}`)).toBe("注：本表由区生态环境局填报");
  });
});
