// npm run bench (add-in part): Office.js syncs per task pane command on the in-memory Excel at 100, 1,000
// and 10,000 register rows, with the largest request and response as Excel counts them, the gzipped
// size of the production task pane and web page, and the web page opening a 30,000-row register.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { parseQuarter } from "../../src/core/dates";
import { stampedDistricts } from "../../src/bench/districts";
import { demoData } from "../../src/core/demo";
import { getProfile } from "../../src/core/profiles";
import { defaultSettings } from "../../src/core/settings";
import { prepareSubmission } from "../../src/excel/centre";
import { writeCityReport } from "../../src/excel/consolidate";
import { generateQuarterly, insertScoreSheets, writeBackScores } from "../../src/excel/forms";
import { createRegister, refreshStatus, validateWorkbook } from "../../src/excel/register";
import { consolidateFiles } from "../../src/xlsx/city";
import { saveWorkbook } from "../../src/xlsx/io";
import { newRegisterWorkbook } from "../../src/xlsx/registerWorkbook";
import { ExcelHost } from "../officehost";
import { filledHost, run, TODAY, worstCaseHost } from "../excel/hostWorkbook";

type Step = [string, (host: ExcelHost) => Promise<unknown>];

/** Excel on the web's request and response limit. */
const FIVE_MB = 5 * 1024 * 1024;

async function main() {
  const root = path.resolve(__dirname, "../../../..");
  if (process.argv[2] === "web") {
    // `node dist/bench/test/bench/addin.js web`: only the web page at 30,000 rows (after `npm run build`).
    await webPage(root);
    return;
  }
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
  const hosts: [string, () => Promise<ExcelHost>][] = [
    ...[100, 1_000, 10_000].map((n): [string, () => Promise<ExcelHost>] => [
      `${n} rows`,
      () => filledHost(n),
    ]),
    ["10,000 rows, every other one overdue, computed columns apart", () => worstCaseHost(10_000)],
  ];
  for (const [label, make] of hosts) {
    const host = await make();
    const parts: string[] = [];
    for (const [name, step] of steps) {
      host.syncCount = 0;
      host.maxRequest = 0;
      host.maxResponse = 0;
      const t = performance.now();
      await step(host);
      const over = Math.max(host.maxRequest, host.maxResponse) > FIVE_MB ? " OVER 5 MB" : "";
      parts.push(
        `${name} ${host.syncCount} (${(performance.now() - t).toFixed(0)} ms, largest request ${(host.maxRequest / 1024).toFixed(0)} KB, response ${(host.maxResponse / 1024).toFixed(0)} KB${over})`,
      );
    }
    console.log(`add-in syncs at ${label}: ${parts.join("; ")}`);
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
  console.log(
    `pane chunks loaded only to consolidate: ${size("centre.js")} + ${size("xlsx-shared.js")} + ${size("exceljs.js")}`,
  );
  console.log(
    `pane chunks loaded on first use: the quarter's forms and scoring ${size("sheets.js")}; stamping ${size("submission.js")}; a per-enterprise form ${size("forms.js")}; importing a list ${size("import.js")}`,
  );
  console.log(
    `web page JS: first load ${size("web.js")}; its worker (ExcelJS and the commands) on the first file ${size("page-worker.js")}`,
  );
  await webPage(root);
}

/**
 * 强审助手 网页版 in Chromium from file://: opening a 30,000-row register and refreshing its status, and the
 * longest time the page's main thread was blocked meanwhile (the browser's long tasks).
 */
async function webPage(root: string): Promise<void> {
  const rows = 30_000;
  const dir = mkdtempSync(path.join(tmpdir(), "page-bench-"));
  const file = path.join(dir, `台账${rows}.xlsx`);
  const data = demoData({
    profile: getProfile("shanghai"),
    district: "浦东新区生态环境局",
    seed: 7,
    today: TODAY,
    count: rows,
  });
  await saveWorkbook(newRegisterWorkbook("shanghai", "浦东新区生态环境局", data), file);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 }, locale: "zh-CN" });
    await page.route(/^(?!file:)/, (route) => route.abort());
    await page.addInitScript(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(pathToFileURL(path.join(root, "dist/web/index.html")).href);
    await page.getByRole("tab", { name: "台账" }).waitFor();
    await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
    const t = performance.now();
    await page.getByTestId("open-file").setInputFiles(file);
    await page.getByTestId("preview").waitFor({ timeout: 600_000 });
    const opened = performance.now() - t;
    const t2 = performance.now();
    await page.getByRole("button", { name: "刷新状态", exact: true }).click();
    await page.getByTestId("message").filter({ hasText: "已刷新" }).waitFor({ timeout: 600_000 });
    await page.getByTestId("preview").waitFor();
    const refreshed = performance.now() - t2;
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    console.log(
      `web page, ${rows.toLocaleString("en")}-row register (${(statSync(file).size / 1024).toFixed(0)} KB): open ${(opened / 1000).toFixed(2)} s, refresh status ${(refreshed / 1000).toFixed(2)} s, longest blocked frame ${longest.toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
  }
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
