import { REGISTER_COLUMNS, REGISTER_SHEET } from "../../src/core/register";
import { insertEnterpriseForm } from "../../src/excel/enterpriseForms";
import { readSheets } from "../../src/excel/read";
import { loadWorkbook } from "../../src/core/workbook";
import { REGISTER_SHEETS } from "../../src/excel/register";
import type { ExcelHost } from "../officehost";
import type { Cell, Sheet } from "../officehost/model";
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
      "上海市配置的工作簿没有附件1 清洁生产审核评估申请表；可生成：附表1 咨询服务机构基本情况表。",
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
