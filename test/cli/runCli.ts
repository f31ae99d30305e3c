// Running `cpa` inside a test, and the stamped district workbooks several tests need.

import path from "node:path";
import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `cpa argv…` in this process, collecting what it prints. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/**
 * A demo register for `reporter` (a 填报单位 such as 浦东新区生态环境局), stamped for 2026Q3 at `at` by
 * `cpa submit`, written to `dir/name.xlsx`.
 */
export async function stampedWorkbook(
  dir: string,
  name: string,
  reporter: string,
  at: string,
  seed = 1,
): Promise<string> {
  const raw = path.join(dir, `${name}-raw.xlsx`);
  const out = path.join(dir, `${name}.xlsx`);
  for (const argv of [
    ["demo", "-o", raw, "--district", reporter, "--seed", String(seed)],
    ["submit", raw, "--quarter", "2026Q3", "--preparer", "张三", "-o", out, "--at", at],
  ]) {
    const r = await runCli(...argv);
    if (r.code !== 0) throw new Error(`cpa ${argv[0]}: ${r.out}${r.err}`);
  }
  return out;
}
