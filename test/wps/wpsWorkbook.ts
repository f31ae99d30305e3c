// Helpers for the WPS backend's tests: a register made by `cpa demo` opened in the in-memory WPS 表格, and the
// host's end state compared, cell by cell, with the files `cpa` writes.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ProfileId } from "../../src/core/profiles";
import { serialFromParts } from "../../src/core/dates";
import { wpsBackend } from "../../src/wps/backend";
import { runCli } from "../cli/runCli";
import { diffDumps, dumpWorkbook, WpsApplication } from "../wpshost";
import { dumpFile, openWorkbook } from "../wpshost/load";

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

/** `cpa demo` for `profile`, and the same file opened in WPS. */
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
  const app = new WpsApplication({ today: TODAY });
  await openWorkbook(app, new Uint8Array(readFileSync(file)), "demo.xlsx");
  return { app, backend: wpsBackend(app as never), file, dir };
}

/**
 * The differences between `sheets` as the host holds them and as the file `out` holds them (values, formulas
 * by their key, and, with `numberFormats`, the number formats of the file's cells): none when the two writers
 * agree.
 */
export async function differences(
  app: WpsApplication,
  out: string,
  sheets: readonly string[],
  numberFormats = false,
): Promise<string[]> {
  const file = await dumpFile(new Uint8Array(readFileSync(out)));
  // A blank cell the file leaves unformatted may carry its block's format in the host (a score cell "0.0").
  return diffDumps(file, dumpWorkbook(app.ActiveWorkbook!), { sheets: [...sheets], numberFormats }).filter(
    (d) => !/: number format \(empty\) ≠ /.test(d),
  );
}

/** A sheet's end state, to compare before and after a command that must change nothing. */
export const sheetState = (app: WpsApplication, sheet: string) =>
  dumpWorkbook(app.ActiveWorkbook!).find((s) => s.name === sheet);

export const sheetNames = (app: WpsApplication) => app.ActiveWorkbook!.data.sheets.map((s) => s.name);
