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
