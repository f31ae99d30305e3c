// npm run bench — prints timings of the rules core and the CLI on generated registers.

import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { LogEntry } from "../core/adjustments";
import { serialFromParts } from "../core/dates";
import { demoData } from "../core/demo";
import { getProfile } from "../core/profiles";
import type { RegisterRow } from "../core/register";
import { registerStatus } from "../core/status";
import { validateRegister } from "../core/validate";
import { loadWorkbook } from "../core/workbook";
import { saveWorkbook, openWorkbook, workbookGrids } from "../xlsx/io";
import { newRegisterWorkbook } from "../xlsx/registerWorkbook";

const today = serialFromParts(2026, 11, 24);
const profile = getProfile("shanghai");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, runs = 7): number {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  console.log(`强审助手 bench — Node ${process.version}, ${new Date().toISOString()}`);
  const dir = mkdtempSync(path.join(tmpdir(), "cpa-bench-"));
  for (const n of [1_000, 10_000]) {
    const data = demoData({ profile, district: "浦东新区生态环境局", seed: 42, today, count: n });
    const file = path.join(dir, `register-${n}.xlsx`);
    await saveWorkbook(newRegisterWorkbook("shanghai", "浦东新区生态环境局", data), file);
    const wb = await openWorkbook(file);
    let rows: RegisterRow[] = [];
    let log: LogEntry[] = [];
    const read = time(() => {
      const loaded = loadWorkbook(workbookGrids(wb));
      rows = loaded.rows;
      log = loaded.log;
    }, 3);
    const status = time(() => registerStatus(rows, log, { profile, asOf: today }));
    const validate = time(() => validateRegister(rows, log, profile, today));
    const both = time(() => {
      registerStatus(rows, log, { profile, asOf: today });
      validateRegister(rows, log, profile, today);
    });
    console.log(
      `core ${String(n).padStart(6)} rows: status+validate ${ms(both)} (status ${ms(status)}, validate ${ms(validate)}); cells→rows ${ms(read)}`,
    );
  }
  const big = path.join(dir, "register-10000.xlsx");
  const cli = path.resolve(__dirname, "../../../bin/cpa.js");
  for (const args of [
    ["status", big, "--json"],
    ["validate", big, "--json"],
    ["status", big, "-o", path.join(dir, "out.xlsx")],
  ]) {
    const ts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      try {
        execFileSync(process.execPath, [cli, ...args, "--as-of", "2026-11-24"], { stdio: "ignore" });
      } catch {
        // validate exits 1 when the generated register has errors; the time still counts.
      }
      ts.push(performance.now() - t);
    }
    console.log(
      `cli end-to-end, 10,000 rows: cpa ${args[0]} ${args.includes("-o") ? "-o OUT.xlsx" : "--json"}: ${ms(median(ts))}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
