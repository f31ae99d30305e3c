// npm run bench — prints timings of the rules core and the CLI on generated registers.

import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import { main as cpa } from "../cli/main";
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
import { saveWorkbook, openWorkbook } from "../xlsx/io";
import { newRegisterWorkbook } from "../xlsx/registerWorkbook";
import { writeLayout } from "../xlsx/writeLayout";
import { stampedDistricts } from "./districts";
import { implementationRows } from "../core/quarterly";
import { rowContexts } from "../core/status";
import { implementationLayout } from "../forms/quarterlyForms";
import ExcelJS from "exceljs";

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

/** 附表3 for 10,000 register rows, alone in a child process so its peak memory is its own. */
async function quarterlyChild(): Promise<void> {
  const data = demoData({ profile, district: "浦东新区生态环境局", seed: 42, today, count: 10_000 });
  const rows = data.rows.map((r, i) => ({ ...r, row: i + 2, sheet: "企业名单台账", cells: {} }));
  const q = { year: 2026, quarter: 3 } as const;
  const rssBefore = process.memoryUsage().rss;
  const t = performance.now();
  const impl = implementationRows(rows, q, profile, rowContexts(rows, []));
  const layout = implementationLayout(impl, q, profile, {
    district: "浦东新区生态环境局",
    preparer: "张三",
    preparedOn: today,
  });
  const t1 = performance.now();
  const wb = new ExcelJS.Workbook();
  writeLayout(wb, layout);
  const buffer = await wb.xlsx.writeBuffer();
  const t2 = performance.now();
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `附表3 from 10,000 register rows (${impl.length} listed): rows+layout ${ms(t1 - t)}, xlsx written ${ms(t2 - t1)}, total ${ms(t2 - t)}; ` +
      `file ${(buffer.byteLength / 1024).toFixed(0)} KB; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${((peak - rssBefore) / 2 ** 20).toFixed(0)} MB above the start)`,
  );
}

/** 16 districts × 500 rows, each stamped; then `cpa consolidate` alone in a child process. */
async function consolidationChild(dir: string): Promise<void> {
  const files = JSON.parse(await fs.readFile(path.join(dir, "files.json"), "utf8")) as string[];
  const quiet = { out: () => undefined, err: () => undefined };
  const rssBefore = process.memoryUsage().rss;
  const t = performance.now();
  const code = await cpa(
    [
      "consolidate",
      ...files,
      "--quarter",
      "2026Q3",
      "-o",
      path.join(dir, "city.xlsx"),
      "--html",
      path.join(dir, "city.html"),
    ],
    quiet,
  );
  const elapsed = performance.now() - t;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `consolidate 16 districts × 500 rows: ${ms(elapsed)} (exit ${code}); peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${((peak - rssBefore) / 2 ** 20).toFixed(0)} MB above the start)`,
  );
}

/** `cpa status -o` on a register of 100,000 rows, alone in a child process so its peak memory is its own. */
async function statusChild(file: string): Promise<void> {
  const quiet = { out: () => undefined, err: () => undefined };
  const rssBefore = process.memoryUsage().rss;
  const t = performance.now();
  const code = await cpa(["status", file, "-o", `${file}.status.xlsx`, "--as-of", "2026-11-24"], quiet);
  const elapsed = performance.now() - t;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `cpa status -o, 100,000 rows: ${ms(elapsed)} (exit ${code}); peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${((peak - rssBefore) / 2 ** 20).toFixed(0)} MB above the start)`,
  );
}

async function main() {
  if (process.argv[2] === "quarterly-child") return quarterlyChild();
  if (process.argv[2] === "consolidate-child") return consolidationChild(process.argv[3]!);
  if (process.argv[2] === "status-child") return statusChild(process.argv[3]!);
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
      const loaded = loadWorkbook(wb);
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
    ["status", big, "-o", path.join(dir, "out.xlsx"), "--force"],
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
  execFileSync(process.execPath, [__filename, "quarterly-child"], { stdio: "inherit" });
  const huge = path.join(dir, "register-100000.xlsx");
  await saveWorkbook(
    newRegisterWorkbook(
      "shanghai",
      "浦东新区生态环境局",
      demoData({ profile, district: "浦东新区生态环境局", seed: 42, today, count: 100_000 }),
    ),
    huge,
  );
  execFileSync(process.execPath, [__filename, "status-child", huge], { stdio: "inherit" });
  const centre = path.join(dir, "centre");
  await fs.mkdir(centre);
  await fs.writeFile(path.join(centre, "files.json"), JSON.stringify(await stampedDistricts(centre)));
  execFileSync(process.execPath, [__filename, "consolidate-child", centre], { stdio: "inherit" });
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
