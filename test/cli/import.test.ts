// cpa import: a published list with the publisher's own headers appended to the register — new enterprises and
// new rounds, nothing written on errors, dry runs, a second import, and the result as LibreOffice reads it.

import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withCheckChar } from "../../src/core/creditCode";
import { formatIsoDate } from "../../src/core/dates";
import { REGISTER_SHEET, type RegisterRow } from "../../src/core/register";
import { loadWorkbook } from "../../src/core/workbook";
import { openWorkbook } from "../../src/xlsx/io";
import { openExcelJs } from "../helpers/excelJsReference";
import { COMPUTED_FILL } from "../../src/forms/statusColumns";
import { recalculate } from "../helpers/libreoffice";
import { craftWorkbook, rowsXml } from "../helpers/craft";
import { runCli as run, stampedWorkbook } from "./runCli";

jest.setTimeout(240_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-import-"));
const file = (name: string) => path.join(dir, name);
const code = (n: number) => withCheckChar(`91310115${String(n).padStart(9, "0")}`);
/** An all-digit code: typed into a General cell, Excel would make it a number. */
const digits = code([...Array(40).keys()].find((n) => /^\d+$/.test(code(910 + n)))! + 910);

interface ImportJson {
  file: string | null;
  written: boolean;
  added: {
    listRow: number;
    registerRow: number;
    name: string;
    creditCode: string;
    kind: string;
    previousAcceptedOn: string | null;
  }[];
  matched: { listRow: number; registerRow: number; name: string; by: string }[];
  absent: { registerRow: number; name: string; stage: string }[];
  unknownHeaders: string[];
  issues: { sheet: string; cell: string; severity: string; code: string; message: string }[];
}

/** A list as a province publishes it: a merged title, a blank row, its own headers, then the rows. */
async function writeList(
  p: string,
  header: string[],
  rows: (string | number | Date | null)[][],
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("附件");
  ws.addRow(["2027年上海市重点行业强制性清洁生产审核企业名单"]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow([]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(p);
}

async function registerRows(p: string): Promise<RegisterRow[]> {
  return loadWorkbook(await openWorkbook(p)).rows;
}

const importJson = async (...argv: string[]) => {
  const r = await run("import", ...argv, "--json");
  return { code: r.code, err: r.err, report: JSON.parse(r.out) as ImportJson };
};

let base = "";
let before: RegisterRow[] = [];
let accepted: RegisterRow;
let good = "";
beforeAll(async () => {
  base = file("base.xlsx");
  expect((await run("demo", "-o", base, "--seed", "3")).code).toBe(0);
  before = await registerRows(base);
  accepted = before.find((r) => r.acceptedOn !== null && r.acceptanceResult === "合格")!;
  good = file("good.xlsx");
  await writeList(
    good,
    ["序号", "单位名称", "社会信用代码", "县（市、区）", "类别", "所属行业", "联系电话"],
    [
      [
        "1",
        "上海新列入化工有限公司",
        ` ${code(901).slice(0, 8)} ${code(901).slice(8)} `,
        "浦东新区",
        "双有",
        "化工",
        "021-1",
      ],
      ["2", accepted.name, accepted.creditCode, "浦东新区", "双超、双有", "电镀", "021-2"],
      ["3", '=HYPERLINK("x")', code(902), "浦东新区", "双超", "印染", "021-3"],
      ["4", "上海全数字代码有限公司", digits, "浦东新区", "高耗能", "化工", "021-4"],
    ],
  );
});

describe("cpa import", () => {
  it("appends new enterprises and new rounds under the register's rows, text kept text, and reports the rest", async () => {
    const out = file("imported.xlsx");
    const { code: exit, report } = await importJson(
      good,
      "--into",
      base,
      "-o",
      out,
      "--published",
      "2027-03-20",
    );
    expect(exit).toBe(0);
    expect(report.written).toBe(true);
    expect(report.unknownHeaders).toEqual(["联系电话"]);
    expect(report.added.map((a) => [a.listRow, a.kind])).toEqual([
      [4, "new"],
      [5, "round"],
      [6, "new"],
      [7, "new"],
    ]);
    expect(report.added[1]!.previousAcceptedOn).toBe(formatIsoDate(accepted.acceptedOn!));
    expect(report.added.map((a) => a.registerRow)).toEqual([0, 1, 2, 3].map((i) => before.length + 2 + i));
    expect(report.absent.length).toBeGreaterThan(0);
    expect(report.absent.map((a) => a.name)).not.toContain(accepted.name);

    const after = await registerRows(out);
    expect(after).toHaveLength(before.length + 4);
    const added = after.slice(before.length);
    expect(added.map((r) => [r.name, r.creditCode, r.listYear, r.publishedOn])).toEqual([
      ["上海新列入化工有限公司", code(901), 2027, after[before.length]!.publishedOn],
      [accepted.name, accepted.creditCode, 2027, after[before.length]!.publishedOn],
      ['=HYPERLINK("x")', code(902), 2027, after[before.length]!.publishedOn],
      ["上海全数字代码有限公司", digits, 2027, after[before.length]!.publishedOn],
    ]);
    expect(formatIsoDate(added[0]!.publishedOn!)).toBe("2027-03-20");
    expect(added[1]!.previousAcceptedOn).toBe(accepted.acceptedOn);

    const wb = await openExcelJs(out);
    const ws = wb.getWorksheet(REGISTER_SHEET)!;
    const last = before.length + 2;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = (label: string) => header.indexOf(label);
    // Text is text (never a formula, never a number), dates are dates with the column's format.
    expect(ws.getCell(last + 2, col("企业名称")).value).toBe('=HYPERLINK("x")');
    expect(ws.getCell(last + 3, col("统一社会信用代码")).value).toBe(digits);
    expect(ws.getCell(last + 3, col("统一社会信用代码")).numFmt).toBe("@");
    expect(ws.getCell(last, col("名单公布时间")).value).toEqual(new Date(Date.UTC(2027, 2, 20)));
    expect(ws.getCell(last, col("名单公布时间")).numFmt).toBe(
      ws.getCell(last - 1, col("名单公布时间")).numFmt,
    );
    expect(ws.getCell(last, col("企业名称")).style.border).toEqual(
      ws.getCell(last - 1, col("企业名称")).style.border,
    );
    // The register's table grows over the new rows.
    const table = (ws as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    const ref = Object.values(table)[0]!.table.tableRef;
    expect(ref.split(":")[1]).toMatch(new RegExp(`^[A-Z]+${last + 3}$`));

    // The result is a register the other commands read.
    const status = await run("status", out, "--json");
    expect(status.code).toBe(0);
    expect((JSON.parse(status.out) as { name: string }[]).map((s) => s.name)).toContain(
      "上海新列入化工有限公司",
    );
    const validate = await run("validate", out, "--json");
    expect(
      (JSON.parse(validate.out) as { issues: { cell: string }[] }).issues.filter(
        (i) => Number(i.cell.replace(/^[A-Z]+/, "")) >= last,
      ),
    ).toEqual([]);

    // LibreOffice opens it and shows the new rows as text and dates.
    const [lo] = recalculate([out]);
    const reread = await registerRows(lo!);
    expect(reread.slice(before.length).map((r) => [r.name, r.creditCode, r.publishedOn])).toEqual(
      added.map((r) => [r.name, r.creditCode, r.publishedOn]),
    );
  });

  it("adds nothing the second time the same list is imported", async () => {
    const once = file("once.xlsx");
    const twice = file("twice.xlsx");
    expect((await importJson(good, "--into", base, "-o", once, "--published", "2027-03-20")).code).toBe(0);
    const { code: exit, report } = await importJson(
      good,
      "--into",
      once,
      "-o",
      twice,
      "--published",
      "2027-03-20",
    );
    expect(exit).toBe(0);
    expect(report.added).toEqual([]);
    expect(report.matched.map((m) => m.listRow)).toEqual([4, 5, 6, 7]);
    expect(await registerRows(twice)).toHaveLength(before.length + 4);
  });

  it("writes nothing on a bad code or a duplicate, naming the list's cells; --skip-invalid writes the rest", async () => {
    const bad = file("bad.xlsx");
    const wrong = code(903).slice(0, 17) + (code(903).endsWith("0") ? "1" : "0");
    await writeList(
      bad,
      ["序号", "企业名称", "统一社会信用代码", "名单发布日期"],
      [
        ["1", "上海好企业有限公司", code(904), "2027-03-20"],
        ["2", "上海坏代码有限公司", wrong, "2027-03-20"],
        ["3", "上海重复有限公司", code(905), "2027年3月20日"],
        ["4", "上海重复二有限公司", code(905), "2027/3/20"],
      ],
    );
    const out = file("bad-out.xlsx");
    const refused = await importJson(bad, "--into", base, "-o", out);
    expect(refused.code).toBe(1);
    expect(refused.report.written).toBe(false);
    expect(existsSync(out)).toBe(false);
    expect(
      refused.report.issues.filter((i) => i.severity === "error").map((i) => [i.sheet, i.cell, i.code]),
    ).toEqual([
      ["附件", "C5", "list.creditCode"],
      ["附件", "C7", "list.duplicate"],
    ]);

    const text = await run("import", bad, "--into", base, "-o", out);
    expect(text.code).toBe(1);
    expect(text.out).toContain("附件");
    expect(text.out).toContain("未写入任何内容");

    const skipped = await importJson(bad, "--into", base, "-o", out, "--skip-invalid");
    expect(skipped.code).toBe(0);
    expect(skipped.report.added.map((a) => a.name)).toEqual(["上海好企业有限公司", "上海重复有限公司"]);
    expect((await registerRows(out)).slice(before.length).map((r) => r.name)).toEqual([
      "上海好企业有限公司",
      "上海重复有限公司",
    ]);
  });

  it("calls a code Excel turned into a number damaged, and names an invisible character in a code", async () => {
    const list = file("damaged.xlsx");
    const hidden = `${code(906).slice(0, 9)}\u200b${code(906).slice(9)}`;
    await writeList(
      list,
      ["序号", "企业名称", "统一社会信用代码", "名单发布日期", "备注"],
      [
        ["1", "上海数字代码有限公司", 913101151234568000, "2027-03-20", ""],
        ["2", "上海已核实数字代码有限公司", 913101151234569000, "2027-03-20", "代码已核实"],
        ["3", "上海不可见字符有限公司", hidden, "2027-03-20", ""],
      ],
    );
    const r = await importJson(list, "--into", base, "-o", file("damaged-out.xlsx"));
    expect(r.code).toBe(1);
    const byCell = new Map(r.report.issues.map((i) => [i.cell, i]));
    for (const cell of ["C4", "C5"]) {
      expect(byCell.get(cell)).toMatchObject({ severity: "error", code: "list.creditCode" });
      expect(byCell.get(cell)!.message).toContain("数字已被 Excel 改写");
      expect(byCell.get(cell)!.message).not.toContain("代码已核实");
    }
    expect(byCell.get("C6")!.message).toContain("含不可见字符");
    expect(byCell.get("C6")!.message).not.toContain("19 位");
  });

  it("never writes past Excel's last row: a register with a stray value in row 1,048,576 is refused", async () => {
    const labels = ["序号", "企业名称", "统一社会信用代码", "名单公布时间", "名单年度"];
    const stray = file("stray.xlsx");
    writeFileSync(
      stray,
      craftWorkbook([
        {
          name: REGISTER_SHEET,
          sheetData:
            rowsXml([labels, [1, "上海老企业有限公司", code(907), 46000, 2025]]) +
            '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>',
        },
      ]),
    );
    const out = file("stray-out.xlsx");
    const r = await run("import", good, "--into", stray, "-o", out, "--published", "2027-03-20");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/超过 Excel 的行数上限 1,048,576 行；未写入/);
    expect(existsSync(out)).toBe(false);
  });

  it("into a stamped register in place, warns that the stamp no longer verifies, as status does", async () => {
    const stamped = await stampedWorkbook(dir, "stamped", "浦东新区生态环境局", "2026-10-09T10:00+08:00", 3);
    const r = await run("import", good, "--into", stamped, "--in-place", "--published", "2027-03-20");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/注意：该工作簿已报送盖章.*不再核验通过/);
  });

  it("--dry-run prints the report and leaves the register byte for byte", async () => {
    const copy = file("dry.xlsx");
    await run("demo", "-o", copy, "--seed", "3");
    const bytes = readFileSync(copy);
    const r = await run("import", good, "--into", copy, "--dry-run", "--published", "2027-03-20");
    expect(r.code).toBe(0);
    expect(r.out).toContain("新增 4 家");
    expect(r.out).toContain("联系电话");
    expect(r.out).toContain("试运行");
    expect(readFileSync(copy).equals(bytes)).toBe(true);
  });

  it("asks for the publication date when the list has none, and for -o or --in-place", async () => {
    const noDate = await importJson(good, "--into", base, "-o", file("nodate.xlsx"));
    expect(noDate.code).toBe(1);
    expect(noDate.report.issues.some((i) => i.code === "list.publishedOn")).toBe(true);
    const r = await run("import", good, "--into", base);
    expect(r.code).toBe(2);
    expect(r.err).toContain("-o");
  });
  it("finds the list on the first sheet with a list's headers, imports in place, and leaves the status columns to the next refresh", async () => {
    const register = file("in-place.xlsx");
    expect((await run("status", base, "--as-of", "2026-11-24", "-o", register)).code).toBe(0);
    const list = file("two-sheets.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").addRow(["本名单由市生态环境局公布"]);
    const ws = wb.addWorksheet("名单");
    ws.addRow(["企业名称", "统一社会信用代码", "公布日期"]);
    ws.addRow(["上海原地导入有限公司", code(906), "2027-03-20"]);
    await wb.xlsx.writeFile(list);
    const { code: exit, report } = await importJson(list, "--into", register, "--in-place");
    expect(exit).toBe(0);
    expect(report.file).toBe(register);
    expect(report.added.map((a) => a.name)).toEqual(["上海原地导入有限公司"]);
    const ws2 = (await openExcelJs(register)).getWorksheet(REGISTER_SHEET)!;
    const header = (ws2.getRow(1).values as unknown[]).map(String);
    const row = before.length + 2;
    const stage = ws2.getCell(row, header.indexOf("当前阶段"));
    expect(stage.value).toBeNull();
    expect((stage.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${COMPUTED_FILL.slice(1)}`);
    expect(ws2.getCell(row, header.indexOf("企业名称")).value).toBe("上海原地导入有限公司");
    const named = await run("import", list, "--into", register, "--sheet", "说明", "--dry-run");
    expect(named.code).toBe(1);
    expect(named.out).toContain("未找到名单的列标题");
  });
});
