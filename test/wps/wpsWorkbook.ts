// Helpers for the WPS backend's tests: a register made by `cpa demo`, opened in the in-memory WPS 表格 as a
// district would have it (the register created by the add-in, the demo's rows typed in), and the host's
// cells as text to compare with the files `cpa` writes.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cellAddress } from "../../src/core/address";
import { serialFromParts, serialFromUtcDate } from "../../src/core/dates";
import { cellValue } from "../../src/core/grid";
import type { ProfileId } from "../../src/core/profiles";
import { LOG_SHEET } from "../../src/core/adjustments";
import { REGISTER_SHEET } from "../../src/core/register";
import { readSettings, SETTINGS_SHEET } from "../../src/core/settings";
import type { CellWrite } from "../../src/excel/cells";
import { readWorkbook } from "../../src/xlsx/parse";
import { runWps } from "../../src/wps/book";
import { wpsBackend } from "../../src/wps/backend";
import type { EtApp } from "../../src/wps/et";
import { runCli } from "../cli/runCli";
import { cellsOf } from "../helpers/sheetCells";
import { WpsApplication } from "../wpshost";
import { fillHostGaps } from "./hostGaps";

fillHostGaps();

export const TODAY = serialFromParts(2026, 11, 24);
export const AS_OF = "2026-11-24";

export const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

export async function cli(...argv: string[]): Promise<string> {
  const r = await runCli(...argv);
  if (r.code !== 0) throw new Error(`cpa ${argv.join(" ")}: ${r.out}${r.err}`);
  return r.out;
}

export interface DemoHost {
  app: WpsApplication;
  backend: ReturnType<typeof wpsBackend>;
  /** The demo file `cpa` works on: the same register, log and settings as the host's. */
  file: string;
  dir: string;
}

/** A new WPS with one empty workbook open, and the backend over it. */
export function emptyHost() {
  const app = new WpsApplication({ today: TODAY });
  app.Workbooks.Add();
  return { app, backend: wpsBackend(app as never) };
}

/**
 * `cpa demo` of `count` enterprises, and the same register in WPS: created by the backend with the demo's
 * settings, its register and log rows typed in (text as text, dates as serials in the date columns).
 */
export async function demoHost(profile: ProfileId, seed: number): Promise<DemoHost> {
  const dir = tempDir("wps-demo-");
  const file = path.join(dir, "demo.xlsx");
  await cli(
    "demo",
    "-o",
    file,
    "--profile",
    profile,
    "--seed",
    String(seed),
    "--district",
    "浦东新区生态环境局",
  );
  const grids = await readWorkbook(new Uint8Array(readFileSync(file)), "demo.xlsx");
  const { app, backend } = emptyHost();
  await backend.createRegister(readSettings(grids.sheet(SETTINGS_SHEET)!, profile).settings);
  await runWps(app as unknown as EtApp, (book) => {
    for (const name of [REGISTER_SHEET, LOG_SHEET]) {
      const [header, ...rows] = grids.sheet(name)!.rows;
      const hostHeader = book.readSheets([name]).grids.sheet(name)!.rows[0];
      expect(hostHeader?.map(cellValue)).toEqual(header?.map(cellValue));
      const width = header!.length;
      const values = rows.map((r) =>
        Array.from({ length: width }, (_, c): CellWrite => {
          const v = cellValue(r[c]);
          if (v instanceof Date) return serialFromUtcDate(v);
          return v === null || v === undefined ? "" : (v as CellWrite);
        }),
      );
      book.write(book.sheet(name), 1, 0, values);
    }
  });
  return { app, backend, file, dir };
}

/** The host's sheet as cellsOf gives it: formulas by their key, constants as text. */
export function hostCells(app: WpsApplication, sheet: string): Record<string, string> {
  const data = app.ActiveWorkbook!.data.sheets.find((s) => s.name === sheet);
  if (!data) throw new Error(`no sheet ${sheet}`);
  return cellsOf(
    [...data.cells].map(([k, c]) => {
      const [r, col] = k.split(",").map(Number) as [number, number];
      return [cellAddress(r - 1, col - 1), c.formula !== undefined ? { formula: c.formula } : c.value];
    }),
  );
}

/** Only the cells of `columns` (letters) below the header row. */
export function columnsOf(cells: Record<string, string>, columns: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(cells).filter(([a]) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      return columns.includes(m[1]!) && Number(m[2]) > 1;
    }),
  );
}

export const sheetNames = (app: WpsApplication) => app.ActiveWorkbook!.data.sheets.map((s) => s.name);
