// What cpa says about workbooks it cannot make sense of (SPEC 7, no silent nonsense) and how it says it:
// in Chinese, with the names it prints made visible, and without any English from the libraries under it.

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { craftWorkbook, type CraftCell } from "../helpers/craft";
import { SPEC_REGISTER_LABELS } from "../fixtures/specLabels";
import { runCli as run } from "./runCli";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-msg-"));
const file = (name: string) => path.join(dir, name);
const REGISTER = "企业名单台账";
const CODE = "91310000132149237G";

/** A register whose header is `labels`, with one row per entry of `rows` (cells by label). */
function register(
  name: string,
  labels: readonly string[],
  rows: Record<string, CraftCell>[],
  sheet = REGISTER,
  after: string[] = [],
) {
  const out = file(name);
  writeFileSync(
    out,
    craftWorkbook(
      [
        {
          name: sheet,
          rows: [labels, ...rows.map((r) => labels.map((l) => r[l] ?? null))],
          after: after.join(""),
        },
      ],
      { sharedStrings: true },
    ),
  );
  return out;
}

const row = (name: string): Record<string, CraftCell> => ({
  企业名称: name,
  统一社会信用代码: CODE,
  名单公布时间: 46000,
  名单年度: 2025,
});

/** English words from the libraries: what the user typed (paths, options) and part names aside. */
const english = (text: string, ...typed: string[]) =>
  typed
    .reduce((t, a) => t.split(a).join(""), text)
    .replace(/[\w.-]*\/[\w./-]+|--?[\w-]+|\.xlsx/g, "")
    .match(/[A-Za-z]{4,}/g) ?? [];

describe("a workbook that is not a register", () => {
  it("without the register sheet: status and quarterly refuse (exit 2), and quarterly writes nothing", async () => {
    const input = register("no-register.xlsx", SPEC_REGISTER_LABELS, [row("甲公司")], "Sheet1");
    const status = await run("status", input);
    expect(status.code).toBe(2);
    expect(status.err).toContain(`没有“${REGISTER}”工作表`);
    const out = file("no-register-q.xlsx");
    const q = await run("quarterly", input, "--quarter", "2026Q3", "-o", out);
    expect(q.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("without 名单公布时间: exit 1 naming the column and the header it probably is, and no empty form", async () => {
    const labels = SPEC_REGISTER_LABELS.map((l) => (l === "名单公布时间" ? "名单公布日期" : l));
    const input = register("no-published.xlsx", labels, [{ ...row("甲公司"), 名单公布日期: 46000 }]);
    const status = await run("status", input);
    expect(status.code).toBe(1);
    expect(status.err).toContain("名单公布时间");
    expect(status.err).toContain("“名单公布日期”是否即“名单公布时间”");
    const out = file("no-published-q.xlsx");
    expect((await run("quarterly", input, "--quarter", "2026Q3", "-o", out)).code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect((await run("validate", input)).code).toBe(1);
  });
});

describe("a file or an argument it cannot take as given", () => {
  it("asks for a spreadsheet of another format to be saved as .xlsx", async () => {
    for (const ext of ["xls", "ods", "csv", "xlsm"]) {
      const r = await run("status", file(`台账.${ext}`));
      expect([ext, r.code]).toEqual([ext, 2]);
      expect(r.err).toMatch(new RegExp(`\\.${ext} 文件.*另存为.*\\.xlsx`));
    }
  });

  it("refuses a quarter before 2000 or after 2100", async () => {
    const ok = register("quarters.xlsx", SPEC_REGISTER_LABELS, [row("上海甲有限公司")]);
    for (const q of ["1999Q4", "2101Q1"]) {
      const r = await run("quarterly", ok, "--quarter", q, "-o", file(`q-${q}.xlsx`));
      expect([q, r.code, r.err]).toEqual([q, 2, expect.stringContaining("2000 至 2100")]);
    }
  });

  it("asks whether a tab with a stray space is the register", async () => {
    const spaced = register("spaced.xlsx", SPEC_REGISTER_LABELS, [row("上海甲有限公司")], `${REGISTER} `);
    const status = await run("status", spaced);
    expect(status.code).toBe(2);
    expect(status.err).toContain(`工作表“${REGISTER} ”是否即“${REGISTER}”`);
    const validate = await run("validate", spaced);
    expect(validate.out).toContain(`是否即“${REGISTER}”`);
  });
});

describe("what reading notices", () => {
  it("warns of a header it nearly knows, naming the column it probably means", async () => {
    const labels = SPEC_REGISTER_LABELS.map((l) => (l === "评估得分" ? "评估得分(分)" : l));
    const input = register("near.xlsx", labels, [{ ...row("甲公司"), "评估得分(分)": 92 }]);
    const status = await run("status", input);
    expect(status.code).toBe(0);
    expect(status.err).toContain("“评估得分(分)”");
    expect(status.err).toContain("“评估得分”");
    const issues = JSON.parse((await run("validate", input, "--json")).out).issues as {
      code: string;
      cell: string;
    }[];
    expect(issues).toContainEqual(expect.objectContaining({ code: "sheet.nearHeader", cell: "M1" }));
  });

  it("says a formula without a computed value is one, instead of calling the cell empty", async () => {
    const input = register("uncomputed.xlsx", SPEC_REGISTER_LABELS, [
      { ...row("甲公司"), 企业名称: { formula: '"甲"&"公司"' } },
    ]);
    const r = await run("validate", input, "--json");
    const issue = (JSON.parse(r.out).issues as { cell: string; message: string }[]).find(
      (i) => i.cell === "B2",
    )!;
    expect(issue.message).toContain("公式");
    expect(issue.message).toContain("没有它的计算结果");
    expect(issue.message).not.toContain("不能为空");
  });

  it("warns of cells merged across rows in the register", async () => {
    // The 咨询机构名称 cells of both enterprises are one merged cell (K2:K3).
    const input = register("merged.xlsx", SPEC_REGISTER_LABELS, [row("甲公司"), row("乙公司")], REGISTER, [
      '<mergeCells count="1"><mergeCell ref="K2:K3"/></mergeCells>',
    ]);
    const status = await run("status", input);
    expect(status.err).toContain("K2:K3");
    expect(status.err).toContain("跨 2 行合并");
  });
});

describe("how it says it", () => {
  it("shows control characters and escape sequences in names instead of sending them to the terminal", async () => {
    const input = register("escape.xlsx", SPEC_REGISTER_LABELS, [
      row("\u001b[31m红色公司\u001b[0m"),
      { ...row("反\u202e转公司"), 统一社会信用代码: "91310000132149238G" },
    ]);
    const text = await run("status", input, "--as-of", "2026-11-24");
    expect(text.out).toContain("\\u001b[31m红色公司\\u001b[0m");
    expect(text.out).toContain("反\\u202e转公司");
    expect(text.out + text.err).not.toMatch(/[\u001b\u202e]/);
    const json = await run("status", input, "--json");
    expect(json.out).not.toMatch(/[\u001b\u202e]/);
    expect(JSON.parse(json.out)[0].name).toBe("\u001b[31m红色公司\u001b[0m");
  });

  it("translates the argument parser's complaints", async () => {
    const input = register("args.xlsx", SPEC_REGISTER_LABELS, [row("甲公司")]);
    for (const argv of [
      ["status", input, "--bogus"],
      ["status", input, "-x"],
      ["status", input, "-o", "-out.xlsx"],
      ["status", input, "--json=1"],
      ["status", input, "-o"],
    ]) {
      const r = await run(...argv);
      expect([argv, r.code]).toEqual([argv, 2]);
      expect([argv, english(r.err, ...argv)]).toEqual([argv, []]);
    }
  });

  it("says in Chinese that a damaged file is damaged, where the zip library spoke English", async () => {
    const input = register("sizes.xlsx", SPEC_REGISTER_LABELS, [row("甲公司")]);
    const bytes = new Uint8Array(readFileSync(input));
    // The central directory understates the sheet's size, as a damaged or hostile file may.
    const view = new DataView(bytes.buffer);
    for (let at = bytes.length - 22; at > 0; at--)
      if (view.getUint32(at, true) === 0x02014b50) {
        const nameLength = view.getUint16(at + 28, true);
        const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
        if (name === "xl/worksheets/sheet1.xml") view.setUint32(at + 24, 100, true);
      }
    writeFileSync(input, bytes);
    const r = await run("status", input);
    expect(r.code).toBe(2);
    expect(r.err).toContain("文件已损坏");
    expect(english(r.err, input)).toEqual([]);
  });

  it("names neither the temporary file nor the system's English when it cannot write", async () => {
    const input = register("nowrite.xlsx", SPEC_REGISTER_LABELS, [row("甲公司")]);
    writeFileSync(file("plain-file"), "");
    const out = path.join(file("plain-file"), "out.xlsx");
    const r = await run("status", input, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`无法写入文件 ${out}`);
    expect(r.err).not.toContain(".tmp");
    expect(english(r.err, out)).toEqual([]);
  });
});
