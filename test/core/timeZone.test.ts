// Deadlines must not depend on the machine's time zone: the same dates in Shanghai, in UTC, and in a zone
// that skipped a calendar day (Samoa, 2011-12-30). Each zone runs in its own Node process, since a time zone
// is fixed when a process starts.

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");
const outDir = path.join(root, "node_modules/.cache/qiangshen-tz");

/** Core modules compiled on their own (they import only date-fns and zod), where Node resolves packages. */
function compiled(modules: readonly string[]): void {
  mkdirSync(outDir, { recursive: true });
  for (const name of modules) {
    const source = readFileSync(path.join(root, `src/core/${name}.ts`), "utf8");
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    writeFileSync(path.join(outDir, `${name}.js`), outputText);
  }
}

function compiledDates(): string {
  compiled(["dates", "grid", "cells", "stamp"]);
  return path.join(outDir, "dates.js");
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

/** What "today" and a stamp's day are on a machine in `zone` at the instant `iso`. */
function chinaDaysIn(zone: string, iso: string): { today: string; stampedAt: string; stampDay: string } {
  const script = `const d = require(${JSON.stringify(path.join(outDir, "dates.js"))});
const s = require(${JSON.stringify(path.join(outDir, "stamp.js"))});
const now = new Date(${JSON.stringify(iso)});
const stampedAt = s.chinaTimestamp(now);
process.stdout.write(JSON.stringify({ today: d.formatIsoDate(d.chinaDateSerial(now)), stampedAt,
  stampDay: d.formatIsoDate(s.stampDay(stampedAt)) }));`;
  const r = spawnSync(process.execPath, ["-e", script], {
    env: { ...process.env, TZ: zone },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { today: string; stampedAt: string; stampDay: string };
}

describe("China time on a machine in any time zone (SPEC 3)", () => {
  compiledDates();

  it.each(["UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati"])(
    "%s: 07:00 Beijing time on 10-11 is 10-11, today and in the stamp, which stores +08:00",
    (zone) => {
      // 2026-10-10T23:00Z is 2026-10-11 07:00 in Beijing.
      expect(chinaDaysIn(zone, "2026-10-10T23:00:00Z")).toEqual({
        today: "2026-10-11",
        stampedAt: "2026-10-11T07:00:00+08:00",
        stampDay: "2026-10-11",
      });
      // 15:59:59 UTC is still the same day in Beijing; 16:00 is the next.
      expect(chinaDaysIn(zone, "2026-10-09T15:59:59Z").today).toBe("2026-10-09");
      expect(chinaDaysIn(zone, "2026-10-09T16:00:00Z").today).toBe("2026-10-10");
    },
  );
});
