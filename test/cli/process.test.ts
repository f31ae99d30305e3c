// cpa as the program users run (bin/cpa.js, built): a register of 130,000 rows; workbooks that expand to
// millions of rows, refused within a memory cap before memory runs out; a reader closing the pipe; and the
// temporary file removed when the program is interrupted while writing.

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { unzipSync, strFromU8 } from "fflate";
import {
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { craftWorkbook, rowsXml, type CraftCell } from "../helpers/craft";

jest.setTimeout(900_000);

const root = path.resolve(__dirname, "../..");
const cpa = path.join(root, "bin/cpa.js");
const dir = mkdtempSync(path.join(tmpdir(), "cpa-proc-"));
const file = (name: string) => path.join(dir, name);

/** Runs bin/cpa.js in its own Node process, with Node options such as a heap cap. */
function cli(nodeOptions: string[], ...argv: string[]) {
  const r = spawnSync(process.execPath, [...nodeOptions, cpa, ...argv], {
    encoding: "utf8",
    maxBuffer: 256 * 2 ** 20,
  });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

/** A register of `n` enterprises with the required columns only. */
function register(n: number): Uint8Array {
  const rows: CraftCell[][] = [["序号", "企业名称", "统一社会信用代码", "名单公布时间", "名单年度"]];
  for (let i = 1; i <= n; i++) rows.push([i, `企业${i}`, "91310000132149237G", 45000 + (i % 900), 2024]);
  return craftWorkbook([{ name: "企业名单台账", rows }], { sharedStrings: true });
}

beforeAll(() => {
  execFileSync(path.join(root, "node_modules/.bin/tsc"), ["-p", "tsconfig.cli.json"], {
    cwd: root,
    stdio: "pipe",
  });
});

describe("a register of 130,000 rows", () => {
  const big = file("big.xlsx");
  beforeAll(() => writeFileSync(big, register(130_000)));

  it("prints its status table", () => {
    const r = cli([], "status", big, "--as-of", "2026-11-24");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out.split("\n").filter((l) => /^\s*\d+\s+企业\d+/.test(l))).toHaveLength(130_000);
  });

  it("gets its status columns written (status -o)", () => {
    const out = file("big-status.xlsx");
    const r = cli([], "status", big, "--as-of", "2026-11-24", "-o", out);
    expect([r.code, r.err]).toEqual([0, ""]);
    const sheet = strFromU8(unzipSync(new Uint8Array(readFileSync(out)))["xl/worksheets/sheet1.xml"]!);
    const last = /<row r="130001"[^>]*>([\s\S]*?)<\/row>/.exec(sheet)![1]!;
    expect(last).toMatch(/<c r="F130001" s="\d+" t="inlineStr"><is><t>已列入<\/t><\/is><\/c>/);
    expect(sheet.includes('<conditionalFormatting sqref="A2:I130001">')).toBe(true);
  });
});

describe("a sheet that expands beyond the limits, under a 256 MB memory cap", () => {
  const capped = ["--max-old-space-size=256"];
  const rowsBomb = (n: number) => craftWorkbook([{ name: "企业名单台账", sheetData: "<row/>".repeat(n) }]);

  it("is refused at Excel's 1,048,576 rows, before the rows are read", () => {
    const bomb = file("rows-bomb.xlsx");
    writeFileSync(bomb, rowsBomb(1_100_000));
    const r = cli(capped, "status", bomb);
    expect([r.code, r.signal]).toEqual([2, null]);
    expect(r.err).toContain("1,048,576");
    expect(r.err).not.toMatch(/FATAL|heap|Error/);
  });

  it("is refused by its expanded size (15 million rows in a file of a few hundred kilobytes)", () => {
    const bomb = file("size-bomb.xlsx");
    writeFileSync(bomb, rowsBomb(15_000_000));
    const r = cli(capped, "status", bomb);
    expect([r.code, r.signal]).toEqual([2, null]);
    expect(r.err).toContain("解压后共");
    expect(r.err).toContain("上限");
    expect(r.err).toContain("--max-old-space-size");
  });

  it("is refused when the zip directory understates it, without inflating past the stated size", () => {
    const bytes = rowsBomb(15_000_000);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    // Both headers of the sheet claim 1,000 bytes, as a crafted bomb would.
    for (let at = 0; at + 4 < bytes.length; at++) {
      const sig = view.getUint32(at, true);
      if (sig !== 0x04034b50 && sig !== 0x02014b50) continue;
      const central = sig === 0x02014b50;
      const nameAt = at + (central ? 46 : 30);
      const name = strFromU8(bytes.subarray(nameAt, nameAt + view.getUint16(at + (central ? 28 : 26), true)));
      if (name === "xl/worksheets/sheet1.xml") view.setUint32(at + (central ? 24 : 22), 1000, true);
    }
    const bomb = file("lying-bomb.xlsx");
    writeFileSync(bomb, bytes);
    const r = cli(capped, "status", bomb);
    expect([r.code, r.signal]).toEqual([2, null]);
    expect(r.err).toContain("文件已损坏");
    expect(r.err).not.toMatch(/FATAL|heap|Bug|mismatch/);
  });
});

describe("as a program", () => {
  const medium = file("medium.xlsx");
  beforeAll(() => writeFileSync(medium, register(3000)));

  it("ends quietly when the reader closes the pipe (cpa status X | head -1)", () => {
    const r = spawnSync(
      "bash",
      ["-c", `set -o pipefail; "${process.execPath}" "${cpa}" status "${medium}" | head -1`],
      {
        encoding: "utf8",
      },
    );
    expect(r.stdout).toContain("上海市配置");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("says in Chinese, with exit 2, that its output could not be written (> /dev/full), after writing its file", () => {
    const out = file("full-out.xlsx");
    const full = openSync("/dev/full", "w");
    const r = spawnSync(process.execPath, [cpa, "status", medium, "--as-of", "2026-11-24", "-o", out], {
      stdio: ["ignore", full, "pipe"],
      encoding: "utf8",
    });
    closeSync(full);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("无法输出命令的结果（磁盘空间不足）");
    expect(r.stderr).not.toMatch(/ENOSPC|writeSync|Error/);
    expect(existsSync(out)).toBe(true);
  });

  it("writes the status of a register with a stray value in its last row within a 1 GB heap", () => {
    const rows: CraftCell[][] = [["序号", "企业名称", "统一社会信用代码", "名单公布时间", "名单年度"]];
    for (let i = 1; i <= 40; i++) rows.push([i, `企业${i}`, "91310000132149237G", 45000 + i, 2024]);
    const stray = file("stray.xlsx");
    writeFileSync(
      stray,
      craftWorkbook([
        {
          name: "企业名单台账",
          sheetData: `${rowsXml(rows)}<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>`,
        },
      ]),
    );
    const r = cli(
      ["--max-old-space-size=1024"],
      "status",
      stray,
      "--as-of",
      "2026-11-24",
      "-o",
      file("stray-out.xlsx"),
    );
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("已将状态列写入");
  });

  it.each(["SIGTERM", "SIGINT"] as const)(
    "removes its temporary file when %s interrupts the write",
    async (signal) => {
      const folder = file(`signal-${signal}`);
      mkdirSync(folder);
      const input = path.join(folder, "in.xlsx");
      copyFileSync(medium, input);
      const child = spawn(process.execPath, [cpa, "status", input, "-o", path.join(folder, "out.xlsx")], {
        stdio: "ignore",
      });
      // The temporary file is made a pipe before the program gets to it: the write then waits on this test.
      const temp = path.join(folder, `.out.xlsx.${child.pid}.tmp`);
      execFileSync("mkfifo", [temp]);
      const reader = createReadStream(temp);
      await new Promise<void>((resolve) => reader.once("data", () => resolve()));
      reader.pause();
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once("exit", (_c, s) => resolve(s)),
      );
      child.kill(signal);
      expect(await exited).toBe(signal);
      reader.destroy();
      expect(existsSync(temp)).toBe(false);
      expect(existsSync(path.join(folder, "out.xlsx"))).toBe(false);
    },
  );
});
