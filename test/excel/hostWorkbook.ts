// Helpers for the add-in tests: a host with a register created by the add-in and filled as a user would.

import { serialFromParts } from "../../src/core/dates";
import { demoData } from "../../src/core/demo";
import { getProfile, type ProfileId } from "../../src/core/profiles";
import { REGISTER_COLUMNS, REGISTER_SHEET } from "../../src/core/register";
import { defaultSettings } from "../../src/core/settings";
import { createRegister } from "../../src/excel/register";
import { ExcelHost, type RequestContext } from "../officehost";
import type { Scalar } from "../officehost/model";

export const TODAY = serialFromParts(2026, 11, 24);

export const run = <T>(host: ExcelHost, fn: (ctx: Excel.RequestContext) => Promise<T>) =>
  host.run((ctx: RequestContext) => fn(ctx as unknown as Excel.RequestContext));

/** A host whose register the add-in created and a district then filled with `count` enterprises. */
export async function filledHost(
  count: number,
  profileId: ProfileId = "shanghai",
  seed = 9,
): Promise<ExcelHost> {
  const host = new ExcelHost();
  await run(host, (ctx) => createRegister(ctx, defaultSettings(profileId, "浦东新区生态环境局", "张三")));
  const data = demoData({
    profile: getProfile(profileId),
    district: "浦东新区生态环境局",
    seed,
    today: TODAY,
    count,
  });
  const rows: Scalar[][] = data.rows.map((r) =>
    REGISTER_COLUMNS.map((c) => {
      const v = (r as Record<string, unknown>)[c.field];
      if (Array.isArray(v)) return v.join("、");
      return (v as Scalar | undefined) ?? null;
    }),
  );
  host.seed(REGISTER_SHEET, rows, 1, 0);
  return host;
}

/** A copy of the host's workbook, to run a command on without touching the original. */
export function cloneHost(host: ExcelHost): ExcelHost {
  const copy = new ExcelHost(host.excelApi);
  copy.sheets = structuredClone(host.sheets);
  return copy;
}

/** Everything the workbook holds, sheet by sheet in order, as one comparable text. */
export function snapshot(host: ExcelHost): string {
  const isMap = (v: unknown): v is Map<unknown, unknown> =>
    Object.prototype.toString.call(v) === "[object Map]";
  return JSON.stringify(host.sheets, (_k, v: unknown) => (isMap(v) ? [...v.entries()] : v));
}

/** Where the computed columns go in the worst column order: apart, so each is written and painted alone. */
const SPREAD_COMPUTED = [2, 9, 16, 23];

/**
 * The register of `filledHost(count)` at its most costly to refresh: every other row overdue (published in
 * 2020 with nothing done) and the others not yet due (published a week ago), the computed columns spread
 * among the input columns.
 */
export async function worstCaseHost(count: number): Promise<ExcelHost> {
  const host = await filledHost(count);
  const sheet = host.sheet(REGISTER_SHEET)!;
  const published = REGISTER_COLUMNS.findIndex((c) => c.field === "publishedOn");
  for (let r = 1; r <= count; r++) {
    for (let c = published; c < REGISTER_COLUMNS.length; c++) sheet.cells.delete(`${r},${c}`);
    host.seed(REGISTER_SHEET, [[r % 2 === 1 ? serialFromParts(2020, 5, 1) : TODAY - 7]], r, published);
  }
  const width = REGISTER_COLUMNS.length + SPREAD_COMPUTED.length;
  const inputs = Array.from({ length: width }, (_, c) => c).filter((c) => !SPREAD_COMPUTED.includes(c));
  // Old column → new column: the input columns keep their order in the places the computed ones leave.
  const moved = new Map<number, number>([
    ...REGISTER_COLUMNS.map((_, c) => [c, inputs[c]!] as [number, number]),
    ...SPREAD_COMPUTED.map((to, k) => [REGISTER_COLUMNS.length + k, to] as [number, number]),
  ]);
  sheet.cells = new Map(
    [...sheet.cells].map(([k, cell]) => {
      const [r, c] = k.split(",").map(Number) as [number, number];
      return [`${r},${moved.get(c) ?? c}`, cell];
    }),
  );
  return host;
}
