import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openRegisterWorkbook } from "../../src/cli/workbookFile";
import { utcDateFromSerial } from "../../src/core/dates";
import { REGISTER_SHEET, type RegisterRow } from "../../src/core/register";
import { runCli as run } from "./runCli";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-form-"));
const file = (name: string) => path.join(dir, name);

async function demo(name: string, profile: "shanghai" | "guangxi", seed: number): Promise<string> {
  const out = file(name);
  expect((await run("demo", "-o", out, "--profile", profile, "--seed", String(seed))).code).toBe(0);
  return out;
}

async function sheetOf(xlsx: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  return wb.getWorksheet(name)!;
}

/** The cell to the right of the (first) cell reading `label`, merged cells skipped. */
function beside(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && String(cell.value).replace(/\s+/g, "") === label) found = cell;
    }),
  );
  const row = ws.getRow(Number(found!.row));
  let col = Number(found!.col) + 1;
  while (row.getCell(col).isMerged && row.getCell(col).master.address === found!.address) col++;
  return row.getCell(col);
}

describe("cpa form (Guangxi)", () => {
  let base: string;
  let accepted: RegisterRow;
  beforeAll(async () => {
    base = await demo("gx.xlsx", "guangxi", 3);
    const { loaded } = await openRegisterWorkbook(base);
    accepted = loaded.rows.find(
      (r) =>
        r.acceptedOn !== null &&
        (r.evaluationScore ?? 0) >= 70 &&
        r.consultant !== "" &&
        r.startedOn !== null,
    )!;
  });

  it("writes 附件5 with 企业代码 and 通过评估时间 from the register, printed on one A4 portrait page", async () => {
    const out = file("gx-5.xlsx");
    const r = await run(
      "form",
      "acceptance-application",
      base,
      "--enterprise",
      accepted.name,
      "-o",
      out,
      "--json",
    );
    expect(r.code).toBe(0);
    const made = JSON.parse(r.out);
    expect(made).toMatchObject({
      kind: "acceptance-application",
      form: "附件5 清洁生产审核验收申请表",
      enterprise: accepted.name,
    });
    const ws = await sheetOf(out, made.sheet);
    expect(made.sheet).toMatch(/^附件5 /);
    expect(beside(ws, "企业名称").value).toBe(accepted.name);
    expect(beside(ws, "企业名称").numFmt).toBe("@");
    expect(beside(ws, "企业代码").value).toBe(accepted.creditCode);
    expect(beside(ws, "通过评估时间").value).toEqual(utcDateFromSerial(accepted.evaluatedOn!));
    expect(beside(ws, "主要产品").value).toBeNull();
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
    });
  });

  it("adds each Guangxi form, and a second of the same kind beside the first, whatever was typed into it", async () => {
    const out = file("gx-all.xlsx");
    const kinds = [
      "evaluation-application",
      "evaluation-review",
      "acceptance-application",
      "acceptance-opinion",
    ];
    const sheets: string[] = [];
    for (const [i, kind] of kinds.entries()) {
      const r = await run(
        "form",
        kind,
        i === 0 ? base : out,
        "--enterprise",
        accepted.creditCode,
        ...(i === 0 ? ["-o", out] : ["--in-place"]),
        "--json",
      );
      expect(r.code).toBe(0);
      sheets.push(JSON.parse(r.out).sheet);
    }
    expect(sheets.map((s) => s.split(" ")[0])).toEqual(["附件1", "附件4", "附件5", "附件9"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const review = wb.getWorksheet(sheets[1]!)!;
    expect(beside(review, "评估时间").value).toEqual(utcDateFromSerial(accepted.evaluatedOn!));
    expect(beside(review, "组织单位").value).toBe("南宁市生态环境局");
    expect(beside(review, "清洁生产咨询服务机构").value).toBe(accepted.consultant);
    expect(beside(wb.getWorksheet(sheets[3]!)!, "验收时间").value).toEqual(
      utcDateFromSerial(accepted.acceptedOn!),
    );
    beside(review, "企业联系人").value = "李四";
    await wb.xlsx.writeFile(out);
    const again = await run(
      "form",
      "evaluation-review",
      out,
      "--enterprise",
      accepted.name,
      "--in-place",
      "--json",
    );
    expect(JSON.parse(again.out).sheet).toBe(`${sheets[1]} (2)`);
    expect(beside(await sheetOf(out, sheets[1]!), "企业联系人").value).toBe("李四");
  });

  it("refuses 附表1, naming the forms a Guangxi workbook has", async () => {
    const r = await run("form", "consultant", base, "--enterprise", accepted.name, "-o", file("x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("广西壮族自治区配置的工作簿没有表单“consultant”");
    expect(r.err).toContain("evaluation-application（附件1 清洁生产审核评估申请表）");
    expect(r.err).toContain("acceptance-opinion（附件9 清洁生产审核验收意见表）");
  });
});

describe("cpa form (Shanghai)", () => {
  it("writes 附表1 with the firm's and the enterprise's names, and keeps a formula-like name as text", async () => {
    const base = await demo("sh.xlsx", "shanghai", 5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(base);
    const reg = wb.getWorksheet(REGISTER_SHEET)!;
    const headers = (reg.getRow(1).values as unknown[]).map(String);
    reg.getRow(2).getCell(headers.indexOf("咨询机构名称")).value = '=HYPERLINK("http://x","y")';
    await wb.xlsx.writeFile(base);
    const name = String(reg.getRow(2).getCell(headers.indexOf("企业名称")).value);
    const out = file("sh-1.xlsx");
    const r = await run("form", "consultant", base, "--enterprise", name, "-o", out, "--json");
    expect(r.code).toBe(0);
    const ws = await sheetOf(out, JSON.parse(r.out).sheet);
    expect(beside(ws, "机构名称（盖章）").value).toBe('=HYPERLINK("http://x","y")');
    expect(beside(ws, "机构名称（盖章）").numFmt).toBe("@");
    expect(beside(ws, "企业名称").value).toBe(name);
  });

  it("refuses a Guangxi form or an unknown kind, naming 附表1", async () => {
    const base = await demo("sh2.xlsx", "shanghai", 6);
    for (const kind of ["evaluation-application", "form-of-nothing"]) {
      const r = await run("form", kind, base, "--enterprise", "有限公司", "-o", file("y.xlsx"));
      expect(r.code).toBe(2);
      expect(r.err).toContain(
        `上海市配置的工作簿没有表单“${kind}”；可生成：consultant（附表1 咨询服务机构基本情况表）`,
      );
    }
    const missing = await run("form", "consultant", base, "--enterprise", "有限公司");
    expect(missing.code).toBe(2);
  });
});
