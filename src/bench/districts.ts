// The benchmarks' city: one stamped workbook per Shanghai district, 500 enterprises each, as the districts
// would submit them for 2026Q3.

import path from "node:path";
import { main as cpa } from "../cli/main";
import { serialFromParts } from "../core/dates";
import { demoData } from "../core/demo";
import { getProfile } from "../core/profiles";
import { saveWorkbook } from "../xlsx/io";
import { newRegisterWorkbook } from "../xlsx/registerWorkbook";

/** Writes the 16 stamped workbooks into `dir` and returns their paths. */
export async function stampedDistricts(dir: string, rows = 500): Promise<string[]> {
  const profile = getProfile("shanghai");
  const quiet = { out: () => undefined, err: () => undefined };
  const files: string[] = [];
  for (const [i, d] of profile.districts.entries()) {
    const data = demoData({
      profile,
      district: `${d}生态环境局`,
      seed: 100 + i,
      today: serialFromParts(2026, 10, 5),
      count: rows,
    });
    const raw = path.join(dir, `raw-${i}.xlsx`);
    await saveWorkbook(newRegisterWorkbook("shanghai", `${d}生态环境局`, data), raw);
    const out = path.join(dir, `${d}.xlsx`);
    const args = ["submit", raw, "--quarter", "2026Q3", "--preparer", "张三", "-o", out];
    const code = await cpa([...args, "--at", "2026-10-09T10:00+08:00"], quiet);
    if (code !== 0) throw new Error(`cpa submit failed for ${d} (exit ${code})`);
    files.push(out);
  }
  return files;
}
