import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cellAddress } from "../../src/core/address";
import { REGISTER_COLUMNS, REGISTER_SHEET } from "../../src/core/register";
import { insertEnterpriseForm } from "../../src/excel/enterpriseForms";
import { readSheets } from "../../src/excel/read";
import { loadWorkbook } from "../../src/core/workbook";
import { REGISTER_SHEETS } from "../../src/excel/register";
import { runCli } from "../cli/runCli";
import type { ExcelHost } from "../officehost";
import type { Cell, Sheet } from "../officehost/model";
import { exportWorkbook } from "../officehost/toXlsx";
import { filledHost, run } from "./hostWorkbook";

/** The cell right of the box that reads `label` (its merged area skipped). */
function beside(sheet: Sheet, label: string): Cell | undefined {
  const at = [...sheet.cells.entries()].find(([, c]) => String(c.value).replace(/\s+/g, "") === label);
  if (!at) throw new Error(`no ${label}`);
  const [row, col] = at[0].split(",").map(Number) as [number, number];
  const merge = sheet.merges.find((m) => m.top === row && m.left === col);
  return sheet.cells.get(`${row},${col + (merge?.cols ?? 1)}`);
}

/** An enterprise of the host's register that was evaluated, passed and accepted, with a consultant. */
async function acceptedEnterprise(host: ExcelHost) {
  const { grids } = await run(host, (ctx) => readSheets(ctx, REGISTER_SHEETS));
  return loadWorkbook(grids).rows.find(
    (r) => r.acceptedOn !== null && (r.evaluationScore ?? 0) >= 70 && r.consultant !== "",
  )!;
}

describe("the seeds' per-enterprise forms from the task pane", () => {
  it("writes 附件5 in four syncs, pre-filled from the register, one A4 portrait page, text formatted @", async () => {
    const host = await filledHost(30, "guangxi");
    const row = await acceptedEnterprise(host);
    host.syncCount = 0;
    const name = await run(host, (ctx) =>
      insertEnterpriseForm(ctx, "acceptance-application", row.name, host.supports),
    );
    expect(host.syncCount).toBe(4);
    expect(name).toMatch(/^附件5 /);
    const sheet = host.sheet(name)!;
    expect(beside(sheet, "企业名称")).toMatchObject({ value: row.name, format: { numberFormat: "@" } });
    expect(beside(sheet, "企业代码")).toMatchObject({ value: row.creditCode, format: { numberFormat: "@" } });
    expect(beside(sheet, "通过评估时间")).toMatchObject({
      value: row.evaluatedOn,
      format: { numberFormat: "yyyy-mm-dd" },
    });
    // A blank box, written as an empty string.
    expect(beside(sheet, "主要产品")?.value || null).toBeNull();
    if (host.supports("1.9"))
      expect(sheet.page).toMatchObject({
        orientation: "Portrait",
        paperSize: "A4",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      });
    expect(sheet.protected).toBe(false);
  });

  it("writes each Guangxi form, a second one of a kind under a numbered name", async () => {
    const host = await filledHost(30, "guangxi");
    const row = await acceptedEnterprise(host);
    const names: string[] = [];
    for (const kind of [
      "evaluation-application",
      "evaluation-review",
      "acceptance-application",
      "acceptance-opinion",
      "evaluation-review",
    ] as const)
      names.push(await run(host, (ctx) => insertEnterpriseForm(ctx, kind, row.name, host.supports)));
    expect(names.map((n) => n.split(" ")[0])).toEqual(["附件1", "附件4", "附件5", "附件9", "附件4"]);
    expect(names[4]).toBe(`${names[1]} (2)`);
    expect(beside(host.sheet(names[1]!)!, "组织单位")?.value).toBe("浦东新区生态环境局");
    expect(beside(host.sheet(names[3]!)!, "验收时间")?.value).toBe(row.acceptedOn);
  });

  it("never lets a name from the register run as a formula", async () => {
    const host = await filledHost(5, "shanghai");
    const consultant = REGISTER_COLUMNS.findIndex((c) => c.field === "consultant");
    host.seed(REGISTER_SHEET, [['=HYPERLINK("http://x","y")']], 1, consultant);
    const enterprise = String(host.value(REGISTER_SHEET, "B2"));
    const name = await run(host, (ctx) => insertEnterpriseForm(ctx, "consultant", enterprise, host.supports));
    const sheet = host.sheet(name)!;
    expect(beside(sheet, "机构名称（盖章）")).toMatchObject({ value: '=HYPERLINK("http://x","y")' });
    expect([...sheet.cells.values()].every((c) => c.formula === undefined)).toBe(true);
  });

  it("refuses a form the workbook's profile does not have, naming those it has", async () => {
    const host = await filledHost(5, "shanghai");
    const enterprise = String(host.value(REGISTER_SHEET, "B2"));
    await expect(
      run(host, (ctx) => insertEnterpriseForm(ctx, "evaluation-application", enterprise, host.supports)),
    ).rejects.toThrow(
      "上海市配置的工作簿没有附件1 清洁生产审核评估申请表；可生成：附表1 咨询服务机构基本情况表、" +
        "附表2 强制性清洁生产审核评估、验收档案材料清单、附件6 企业清洁生产审核绩效表。",
    );
    await expect(
      run(host, (ctx) => insertEnterpriseForm(ctx, "consultant", "没有这家公司", host.supports)),
    ).rejects.toThrow("台账中找不到企业“没有这家公司”。");
  });

  it("leaves no half-written sheet behind when Excel fails in the middle of the write", async () => {
    const host = await filledHost(5, "guangxi");
    const enterprise = String(host.value(REGISTER_SHEET, "B2"));
    const before = host.sheets.map((s) => s.name);
    host.failAfterOps = 30;
    await expect(
      run(host, (ctx) => insertEnterpriseForm(ctx, "evaluation-application", enterprise, host.supports)),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(host.sheets.map((s) => s.name)).toEqual(before);
  });
});

/** A sheet of an .xlsx file as ExcelJS reads it: each cell's value or formula, format and lock, and its merges. */
async function sheetOf(bytes: Buffer, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (r) =>
    r.eachCell({ includeEmpty: false }, (c) => {
      if (c.isMerged && c.master !== c) return;
      const v = c.value;
      const formula = typeof v === "object" && v !== null && "formula" in v ? `=${v.formula}` : undefined;
      const plain = v instanceof Date ? v.toISOString().slice(0, 10) : v === "" ? null : v;
      if (formula === undefined && plain === null) return;
      cells[c.address] = {
        value: formula ?? plain,
        format: c.numFmt === "General" ? undefined : c.numFmt,
        locked: c.protection?.locked !== false,
      };
    }),
  );
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges)
    .map((m) => m.range)
    .sort();
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return { cells, merges, protected: protection?.sheet === true };
}

/** Each cell a validation rule covers, with the rule's formula, as the host holds them. */
const validatedCells = (sheet: Sheet) =>
  Object.fromEntries(
    sheet.validations.flatMap((v) =>
      Array.from({ length: v.rect.rows * v.rect.cols }, (_, i) => [
        cellAddress(v.rect.top + Math.floor(i / v.rect.cols), v.rect.left + (i % v.rect.cols)),
        String((v.rule.custom as { formula: string }).formula).replace(/^=/, ""),
      ]),
    ),
  );

/** The same of an .xlsx file: ExcelJS reads each rule one cell at a time. */
async function fileValidatedCells(bytes: Buffer, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const model = (
    wb.getWorksheet(name) as unknown as {
      dataValidations: { model: Record<string, { formulae: string[] }> };
    }
  ).dataValidations.model;
  return Object.fromEntries(Object.entries(model).map(([cell, v]) => [cell, v.formulae[0]]));
}

describe("附表2 and 附件6 from the task pane", () => {
  it.each([
    ["archive", "shanghai", "附表2"],
    ["performance", "guangxi", "附件6"],
    ["performance", "shanghai", "附件6"],
  ] as const)("writes %s for a %s register as the CLI writes it (%s)", async (kind, profile, attachment) => {
    const host = await filledHost(20, profile);
    const row = (await acceptedEnterprise(host)) ?? undefined;
    expect(row?.evaluatedOn).not.toBeNull();
    const dir = mkdtempSync(path.join(tmpdir(), "pane-form-"));
    const before = path.join(dir, "before.xlsx");
    writeFileSync(before, await exportWorkbook(host));
    const byCli = path.join(dir, "cli.xlsx");
    const r = await runCli(kind, before, "--enterprise", row!.name, "-o", byCli);
    expect(r.err).toBe("");

    const name = await run(host, (ctx) => insertEnterpriseForm(ctx, kind, row!.name, host.supports));
    expect(name.startsWith(`${attachment} `)).toBe(true);
    expect(r.out).toContain(`“${name}”`);
    const [pane, cli] = [
      await sheetOf(await exportWorkbook(host), name),
      await sheetOf(readFileSync(byCli), name),
    ];
    expect(Object.keys(pane.cells).length).toBeGreaterThan(20);
    expect(pane).toEqual(cli);
    expect(host.sheet(name)!.protected).toBe(true);
    // The same input rules over the same cells.
    const rules = validatedCells(host.sheet(name)!);
    expect(Object.keys(rules).length).toBeGreaterThan(20);
    expect(rules).toEqual(await fileValidatedCells(readFileSync(byCli), name));
  });

  it("refuses 附表2 for a Guangxi register, whose profile keeps no archive checklist", async () => {
    const host = await filledHost(5, "guangxi");
    const enterprise = String(host.value(REGISTER_SHEET, "B2"));
    await expect(
      run(host, (ctx) => insertEnterpriseForm(ctx, "archive", enterprise, host.supports)),
    ).rejects.toThrow(
      /^广西壮族自治区配置的工作簿没有附表2 .*可生成：附件1 .*附件6 企业清洁生产审核绩效表。$/,
    );
  });
});
