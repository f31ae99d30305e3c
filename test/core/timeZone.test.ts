// Deadlines must not depend on the machine's time zone: the same dates in Shanghai, in UTC, and in a zone
// that skipped a calendar day (Samoa, 2011-12-30). Each zone runs in its own Node process, since a time zone
// is fixed when a process starts.

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");
const outDir = path.join(root, "node_modules/.cache/qiangshen-tz");

/** The dates module compiled on its own (it imports only date-fns), where Node resolves its packages. */
function compiledDates(): string {
  const source = readFileSync(path.join(root, "src/core/dates.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, "dates.js");
  writeFileSync(file, outputText);
  return file;
}

const CASES: [string, number, string][] = [
  ["2011-11-30", 1, "2011-12-30"],
  ["2011-12-30", 2, "2012-02-29"],
  ["2011-12-29", 1, "2012-01-29"],
  ["2024-01-31", 1, "2024-02-29"],
  ["2026-03-08", 6, "2026-09-08"],
  ["2024-02-29", 12, "2025-02-28"],
];

function shiftsIn(zone: string, dates: string): string[] {
  const script = `const d = require(${JSON.stringify(dates)});
const cases = ${JSON.stringify(CASES)};
process.stdout.write(JSON.stringify(cases.map(([iso, m]) => d.formatIsoDate(d.addMonthsClamped(d.parseIsoDate(iso), m)))));`;
  const r = spawnSync(process.execPath, ["-e", script], {
    env: { ...process.env, TZ: zone },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[];
}

describe("month arithmetic in any time zone", () => {
  const dates = compiledDates();

  it.each(["Asia/Shanghai", "UTC", "America/Los_Angeles", "Pacific/Apia", "Pacific/Kiritimati"])(
    "%s: 30 Nov 2011 + 1 month is 30 Dec 2011 (the day Samoa skipped), and the usual clamps hold",
    (zone) => {
      expect(shiftsIn(zone, dates)).toEqual(CASES.map(([, , want]) => want));
    },
  );
});
