// npm run bench (reading): the CLI's commands on registers of 10,000, 50,000 and 100,000 rows, each command a
// whole process of its own so its time and peak memory are its own, beside the same run's floor — ExcelJS's
// bare read of the same file — and a 40-row register with one stray cell at Excel's last row beside the
// same register without it.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main as cpa } from "../cli/main";
import { withCheckChar } from "../core/creditCode";
import { serialFromParts } from "../core/dates";
import { demoData } from "../core/demo";
import { getProfile } from "../core/profiles";
import { saveWorkbook } from "../xlsx/io";
import { newRegisterWorkbook } from "../xlsx/registerWorkbook";

const today = serialFromParts(2026, 11, 24);
const profile = getProfile("shanghai");
const DISTRICT = "浦东新区生态环境局";

interface Measure {
  ms: number;
  mb: number;
  code: number;
}

/** In the child: one command, then its time and this process's peak resident memory as JSON. */
async function child(args: readonly string[]): Promise<void> {
  const t = performance.now();
  let code = 0;
  if (args[0] === "exceljs-read") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(args[1]!) as unknown as ArrayBuffer);
  } else code = await cpa([...args], { out: () => undefined, err: () => undefined });
  const ms = performance.now() - t;
  const mb = (process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  process.stdout.write(JSON.stringify({ ms, mb, code }));
}

function measure(args: readonly string[]): Measure {
  return JSON.parse(execFileSync(process.execPath, [__filename, "child", ...args], { encoding: "utf8" }));
}

const shown = (m: Measure) => `${(m.ms / 1000).toFixed(2)} s, ${m.mb.toFixed(0)} MB`;

async function registerFile(dir: string, rows: number): Promise<string> {
  const file = path.join(dir, `register-${rows}.xlsx`);
  const data = demoData({ profile, district: DISTRICT, seed: 42, today, count: rows });
  await saveWorkbook(newRegisterWorkbook("shanghai", DISTRICT, data), file);
  return file;
}

/** A published list of three enterprises, as a province publishes it. */
async function listFile(dir: string): Promise<string> {
  const file = path.join(dir, "list.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("附件");
  ws.addRow(["序号", "企业名称", "统一社会信用代码", "所属区", "审核类型"]);
  ws.addRow([1, "上海基准测试甲有限公司", withCheckChar("91310115MA1H7ABC1"), "浦东新区", "双超"]);
  await wb.xlsx.writeFile(file);
  return file;
}

/** `file` with one value added at A1048576 of its first sheet, as a stray keystroke leaves it. */
function withStrayCell(file: string): string {
  const parts = unzipSync(readFileSync(file));
  const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet1\.xml$/.test(n))!;
  parts[sheet] = strToU8(
    strFromU8(parts[sheet]!).replace(
      "</sheetData>",
      '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    ),
  );
  const out = file.replace(/\.xlsx$/, "-stray.xlsx");
  writeFileSync(out, zipSync(parts));
  return out;
}

async function main(): Promise<void> {
  if (process.argv[2] === "child") return child(process.argv.slice(3));
  const dir = mkdtempSync(path.join(tmpdir(), "cpa-bench-reading-"));
  const asOf = ["--as-of", "2026-11-24"];
  const list = await listFile(dir);
  console.log("reading registers — each command a whole process; floor = ExcelJS's bare read of the file");
  for (const rows of [10_000, 50_000, 100_000]) {
    const file = await registerFile(dir, rows);
    const floor = measure(["exceljs-read", file]);
    const out = (name: string) => path.join(dir, `${rows}-${name}.xlsx`);
    const json = measure(["status", file, "--json", ...asOf]);
    console.log(
      `${rows.toLocaleString("en-US").padStart(7)} rows: floor ${shown(floor)}; cpa status --json ${shown(json)} (ratio ${(json.ms / floor.ms).toFixed(2)})`,
    );
    const commands: [string, string[]][] = [
      ["status -o", ["status", file, "-o", out("status"), ...asOf]],
      ["validate", ["validate", file, "--json"]],
      ["quarterly", ["quarterly", file, "--quarter", "2026Q3", "-o", out("quarterly")]],
      ["submit", ["submit", file, "--quarter", "2026Q3", "--preparer", "张三", "-o", out("submit")]],
      ["verify", ["verify", out("submit"), "--json"]],
      ["import", ["import", list, "--into", file, "-o", out("import"), "--published", "2026-03-20"]],
    ];
    for (const [name, args] of commands) {
      const m = measure(args);
      console.log(
        `${"".padStart(13)}cpa ${name.padEnd(10)} ${shown(m)} (exit ${m.code}); floor ${shown(floor)}, memory ${(m.mb / floor.mb).toFixed(2)}× the floor's`,
      );
    }
  }
  const small = await registerFile(dir, 40);
  const plain = measure(["status", small, "--json", ...asOf]);
  const stray = measure(["status", withStrayCell(small), "--json", ...asOf]);
  console.log(
    `40 rows: cpa status --json ${shown(plain)}; with a stray cell at A1048576 ${shown(stray)} (exit ${stray.code})`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
