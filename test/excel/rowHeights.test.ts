// The add-in sets the same row heights the layouts give (forms/layout.ts fittedRowHeights), a run of equal
// heights in one call.

import { LOG_SHEET } from "../../src/core/adjustments";
import { parseQuarter, serialFromParts } from "../../src/core/dates";
import { getProfile } from "../../src/core/profiles";
import { REGISTER_SHEET } from "../../src/core/register";
import { loadWorkbook } from "../../src/core/workbook";
import { implementationRows } from "../../src/core/quarterly";
import { rowContexts } from "../../src/core/status";
import { generateQuarterly } from "../../src/excel/forms";
import { readSheets } from "../../src/excel/read";
import { REGISTER_SHEETS } from "../../src/excel/register";
import { fittedRowHeights } from "../../src/forms/layout";
import { implementationLayout } from "../../src/forms/quarterlyForms";
import { filledHost, run, TODAY } from "./hostWorkbook";

it("writes 附表3's fitted row heights, the ones the CLI's writer sets", async () => {
  const host = await filledHost(300);
  const q = parseQuarter("2026Q3")!;
  const [name] = await run(host, (ctx) => generateQuarterly(ctx, q, TODAY, host.supports));
  const { grids } = await run(host, (ctx) => readSheets(ctx, REGISTER_SHEETS));
  const wb = loadWorkbook(grids);
  const party = { district: wb.settings.district, preparer: wb.settings.preparer, preparedOn: TODAY };
  const layout = implementationLayout(
    implementationRows(wb.rows, q, wb.profile, rowContexts(wb.rows, wb.log)),
    q,
    wb.profile,
    party,
  );
  const expected = fittedRowHeights(layout);
  expect(Object.keys(expected).length).toBeGreaterThan(100);
  const written = host.sheet(name!)!.rowHeights;
  for (const [row, h] of Object.entries(expected)) expect([row, written.get(Number(row))]).toEqual([row, h]);
});

it("caps a row a long 具体说明 would make taller than Excel's 409 points", async () => {
  for (const profile of ["shanghai", "guangxi"] as const) {
    const host = await filledHost(5, profile);
    const code = String(host.value(REGISTER_SHEET, "C2"));
    const name = String(host.value(REGISTER_SHEET, "B2"));
    const change = getProfile(profile).changeOptions[0]!.label;
    host.seed(LOG_SHEET, [[name, code, serialFromParts(2026, 8, 3), change, "说明".repeat(250)]], 1, 0);
    const q = parseQuarter("2026Q3")!;
    const names = await run(host, (ctx) => generateQuarterly(ctx, q, TODAY, host.supports));
    const heights = [...host.sheet(names[1]!)!.rowHeights.values()];
    expect(Math.max(...heights)).toBe(409);
  }
});
