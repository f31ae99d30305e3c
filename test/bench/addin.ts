// npm run bench (add-in part): Office.js syncs per task pane command on the in-memory Excel at 100, 1,000
// and 10,000 register rows, with the largest request and response as Excel counts them, and the gzipped
// size of the production task pane.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { parseQuarter } from "../../src/core/dates";
import { stampedDistricts } from "../../src/bench/districts";
import { defaultSettings } from "../../src/core/settings";
import { prepareSubmission } from "../../src/excel/centre";
import { writeCityReport } from "../../src/excel/consolidate";
import { generateQuarterly, insertScoreSheets, writeBackScores } from "../../src/excel/forms";
import { createRegister, refreshStatus, validateWorkbook } from "../../src/excel/register";
import { consolidateFiles } from "../../src/xlsx/city";
import { ExcelHost } from "../officehost";
import { filledHost, run, TODAY } from "../excel/hostWorkbook";

type Step = [string, (host: ExcelHost) => Promise<unknown>];

async function main() {
  const root = path.resolve(__dirname, "../../../..");
  const q3 = parseQuarter("2026Q3")!;
  const steps: Step[] = [
    ["refresh status", (h) => run(h, (ctx) => refreshStatus(ctx, TODAY))],
    ["validate", (h) => run(h, (ctx) => validateWorkbook(ctx, TODAY))],
    ["generate 2026Q3", (h) => run(h, (ctx) => generateQuarterly(ctx, q3, TODAY, h.supports))],
    [
      "insert 5 scoring sheets",
      (h) =>
        run(h, (ctx) =>
          insertScoreSheets(ctx, "evaluation", String(h.value("企业名单台账", "B2")), 5, h.supports),
        ),
    ],
    ["write back scores", (h) => run(h, (ctx) => writeBackScores(ctx))],
    [
      "stamp 2026Q3",
      (h) => run(h, (ctx) => prepareSubmission(ctx, q3, "张三", TODAY, "2026-10-09T10:00+08:00", h.supports)),
    ],
  ];
  const empty = new ExcelHost();
  await run(empty, (ctx) => createRegister(ctx, defaultSettings("shanghai", "浦东新区生态环境局")));
  console.log(`add-in syncs: create register ${empty.syncCount}`);
  for (const n of [100, 1_000, 10_000]) {
    const host = await filledHost(n);
    const parts: string[] = [];
    for (const [name, step] of steps) {
      host.syncCount = 0;
      host.maxRequest = 0;
      host.maxResponse = 0;
      const t = performance.now();
      await step(host);
      parts.push(
        `${name} ${host.syncCount} (${(performance.now() - t).toFixed(0)} ms, largest request ${(host.maxRequest / 1024).toFixed(0)} KB, response ${(host.maxResponse / 1024).toFixed(0)} KB)`,
      );
    }
    console.log(`add-in syncs at ${n} rows: ${parts.join("; ")}`);
  }
  await consolidation();
  execFileSync(path.join(root, "node_modules/.bin/webpack"), ["--mode", "production"], {
    cwd: root,
    stdio: "ignore",
  });
  const size = (file: string) => {
    const js = readFileSync(path.join(root, "dist/web", file));
    return `${(js.length / 1024).toFixed(0)} KB, ${(gzipSync(js, { level: 9 }).length / 1024).toFixed(0)} KB gzipped`;
  };
  console.log(`task pane JS: ${size("taskpane.js")}`);
  console.log(`ExcelJS chunk, loaded only to consolidate: ${size("exceljs.js")}`);
}

/** The centre's pane consolidating 16 districts × 500 rows: the files read as the picker gives them. */
async function consolidation(): Promise<void> {
  const files = await stampedDistricts(mkdtempSync(path.join(tmpdir(), "pane-bench-")));
  const t = performance.now();
  const result = await consolidateFiles(
    files.map((f) => ({ name: path.basename(f), read: async () => new Uint8Array(readFileSync(f)) })),
    parseQuarter("2026Q3")!,
  );
  const read = performance.now() - t;
  const host = new ExcelHost();
  const t2 = performance.now();
  await run(host, (ctx) => writeCityReport(ctx, result, parseQuarter("2026Q3")!, host.supports));
  // Memory: the files are read by the same code as `cpa consolidate`, whose peak the CLI bench prints.
  console.log(
    `add-in consolidate 16 districts × 500 rows: read and verify ${(read / 1000).toFixed(2)} s, ` +
      `write ${host.syncCount} syncs (${(performance.now() - t2).toFixed(0)} ms, largest request ${(host.maxRequest / 1024).toFixed(0)} KB)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
