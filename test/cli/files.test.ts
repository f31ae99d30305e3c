// Writing a workbook in place (SPEC 7): a change somebody else made since the command read the file is
// never overwritten; the file keeps its permissions; a symlink keeps pointing at it; no temporary file is
// left behind, and one a killed process left is cleared by the next write.

import { promises as fsp } from "node:fs";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli as run } from "./runCli";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-files-"));
const file = (name: string) => path.join(dir, name);
let demo = "";

beforeAll(async () => {
  demo = file("demo.xlsx");
  expect((await run("demo", "-o", demo, "--seed", "3")).code).toBe(0);
});

/** A fresh copy of the demo register in its own folder. */
function copy(name: string): string {
  const folder = mkdtempSync(path.join(dir, `${name}-`));
  const to = path.join(folder, `${name}.xlsx`);
  copyFileSync(demo, to);
  return to;
}

const temps = (folder: string) => readdirSync(folder).filter((n) => n.endsWith(".tmp"));

describe("a write in place", () => {
  afterEach(() => jest.restoreAllMocks());

  it("refuses (exit 2) when the file changed after it was read, and leaves the other change in place", async () => {
    const target = copy("concurrent");
    const other = Buffer.concat([readFileSync(demo), Buffer.from(" ")]);
    const stat = fsp.stat.bind(fsp);
    // Another writer saves the file while this command works on it: just before this one's write.
    jest.spyOn(fsp, "stat").mockImplementation(async (p, ...rest) => {
      if (String(p) === target && readFileSync(target).length !== other.length) writeFileSync(target, other);
      return stat(p, ...(rest as []));
    });
    const r = await run("status", target, "--in-place", "--as-of", "2026-11-24");
    expect(r.code).toBe(2);
    expect(r.err).toContain("被修改过");
    expect(r.err).toContain("未写入");
    expect(Buffer.compare(readFileSync(target), other)).toBe(0);
    expect(temps(path.dirname(target))).toEqual([]);
  });

  it("writes when nothing else touched the file", async () => {
    const target = copy("alone");
    const before = readFileSync(target);
    expect((await run("status", target, "--in-place", "--as-of", "2026-11-24")).code).toBe(0);
    expect(Buffer.compare(readFileSync(target), before)).not.toBe(0);
  });

  it("keeps the file's permissions", async () => {
    const target = copy("mode");
    chmodSync(target, 0o600);
    expect((await run("status", target, "--in-place", "--as-of", "2026-11-24")).code).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const out = path.join(path.dirname(target), "out.xlsx");
    writeFileSync(out, "");
    chmodSync(out, 0o640);
    expect((await run("quarterly", target, "--quarter", "2026Q3", "-o", out, "--force")).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it("writes through a symlink to the file it points at", async () => {
    const target = copy("linked");
    const link = path.join(path.dirname(target), "link.xlsx");
    symlinkSync(target, link);
    const before = readFileSync(target);
    expect((await run("status", link, "--in-place", "--as-of", "2026-11-24")).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(Buffer.compare(readFileSync(target), before)).not.toBe(0);
    // -o naming the input through its link is the input itself.
    const same = await run("status", target, "-o", link);
    expect(same.code).toBe(2);
    expect(same.err).toContain("--in-place");
  });

  it("clears a temporary file a killed process left, and keeps a live one's", async () => {
    const target = copy("stale");
    const folder = path.dirname(target);
    const dead = path.join(folder, ".stale.xlsx.4194304.tmp");
    const live = path.join(folder, `.stale.xlsx.${process.ppid}.tmp`);
    writeFileSync(dead, "half a workbook");
    writeFileSync(live, "another writer at work");
    expect((await run("status", target, "--in-place", "--as-of", "2026-11-24")).code).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe("a file the command would write over", () => {
  /** Each command that writes a workbook, writing `input` to `output`. */
  const writers = (input: string, output: string): string[][] => [
    ["status", input, "--as-of", "2026-11-24", "-o", output],
    ["quarterly", input, "--quarter", "2026Q3", "-o", output],
    ["rubric", input, "-o", output],
    ["submit", input, "--quarter", "2026Q3", "--preparer", "张三", "-o", output],
    ["import", input, "--into", input, "-o", output],
    ["consolidate", input, "--quarter", "2026Q3", "-o", output],
  ];

  it("is kept unless --force is given, by every command that writes one (as init and demo do)", async () => {
    const input = copy("existing");
    const output = path.join(path.dirname(input), "out.xlsx");
    writeFileSync(output, "mine");
    for (const argv of writers(input, output)) {
      const r = await run(...argv);
      expect([argv[0], r.code, r.err]).toEqual([argv[0], 2, expect.stringContaining("已存在，未覆盖")]);
      expect(r.err).toContain("--force");
      expect(readFileSync(output, "utf8")).toBe("mine");
    }
    expect((await run("status", input, "--as-of", "2026-11-24", "-o", output, "--force")).code).toBe(0);
    expect(readFileSync(output).subarray(0, 2).toString()).toBe("PK");
  });

  it("in place, is refused when it is read-only (0444), as Excel and WPS refuse to save over it", async () => {
    const target = copy("readonly");
    chmodSync(target, 0o444);
    const before = readFileSync(target);
    for (const argv of [
      ["status", target, "--in-place", "--as-of", "2026-11-24"],
      ["quarterly", target, "--quarter", "2026Q3", "--in-place"],
    ]) {
      const r = await run(...argv);
      expect([argv[0], r.code]).toEqual([argv[0], 2]);
      expect(r.err).toMatch(/只读.*未写入/);
      expect(Buffer.compare(readFileSync(target), before)).toBe(0);
    }
    expect(statSync(target).mode & 0o777).toBe(0o444);
    expect(temps(path.dirname(target))).toEqual([]);
  });
});
