// Workbook structure protection (审阅 → 保护工作簿): every command that adds, renames or deletes sheets says so in
// Chinese before writing anything, without a sync of its own.

import { columnLetters } from "../../src/core/address";
import { parseQuarter } from "../../src/core/dates";
import { REGISTER_COLUMNS, REGISTER_SHEET } from "../../src/core/register";
import { defaultSettings } from "../../src/core/settings";
import { prepareSubmission } from "../../src/excel/centre";
import { insertEnterpriseForm } from "../../src/excel/enterpriseForms";
import { generateQuarterly, insertScoreSheets, writeOrCheckRubric } from "../../src/excel/forms";
import { createRegister } from "../../src/excel/register";
import { PROTECTED_STRUCTURE_REFUSAL } from "../../src/excel/structure";
import { writeWorklist } from "../../src/excel/worklist";
import { writeAcceptanceList, writeAnnualReport } from "../../src/excel/yearReports";
import { ExcelHost } from "../officehost";
import { filledHost, run, snapshot, TODAY } from "./hostWorkbook";

const q3 = parseQuarter("2026Q3")!;

type Command = (ctx: Excel.RequestContext, host: ExcelHost, enterprise: string) => Promise<unknown>;

const COMMANDS: [string, Command][] = [
  ["附表3", (ctx, host) => generateQuarterly(ctx, q3, TODAY, host.supports)],
  ["评分表", (ctx, host, e) => insertScoreSheets(ctx, "evaluation", e, 3, host.supports)],
  ["评分细则", (ctx, host) => writeOrCheckRubric(ctx, host.supports)],
  ["企业表格", (ctx, host, e) => insertEnterpriseForm(ctx, "consultant", e, host.supports)],
  ["督办清单", (ctx, host) => writeWorklist(ctx, TODAY, host.supports)],
  ["年度统计", (ctx, host) => writeAnnualReport(ctx, 2026, TODAY, TODAY, host.supports)],
  ["验收结果名单", (ctx, host) => writeAcceptanceList(ctx, TODAY - 3650, TODAY, TODAY, host.supports)],
  ["报送", (ctx, host) => prepareSubmission(ctx, q3, "张三", TODAY, "2026-10-09T10:00+08:00", host.supports)],
];

describe("a workbook whose structure is protected", () => {
  it.each(COMMANDS)(
    "%s: refuses before writing anything, naming 审阅 → 保护工作簿",
    async (_name, command) => {
      const host = await filledHost(12);
      const name = REGISTER_COLUMNS.findIndex((c) => c.label === "企业名称");
      const enterprise = host.value(REGISTER_SHEET, `${columnLetters(name)}2`) as string;
      host.structureProtected = true;
      const before = snapshot(host);
      const unprotected = await filledHost(12);
      const syncs = async (h: ExcelHost) => {
        h.syncCount = 0;
        await run(h, (ctx) => command(ctx, h, enterprise)).catch(() => undefined);
        return h.syncCount;
      };
      await expect(run(host, (ctx) => command(ctx, host, enterprise))).rejects.toThrow(
        PROTECTED_STRUCTURE_REFUSAL,
      );
      expect(snapshot(host)).toBe(before);
      host.syncCount = 0;
      await run(host, (ctx) => command(ctx, host, enterprise)).catch(() => undefined);
      expect(host.syncCount).toBeLessThan(await syncs(unprotected));
    },
  );

  it("refuses to create the register, and creates it once unprotected", async () => {
    const host = new ExcelHost();
    host.seed("Sheet1", [[null]]);
    host.structureProtected = true;
    const settings = defaultSettings("shanghai", "浦东新区生态环境局", "张三");
    await expect(run(host, (ctx) => createRegister(ctx, settings))).rejects.toThrow("审阅 → 保护工作簿");
    expect(host.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    host.structureProtected = false;
    await run(host, (ctx) => createRegister(ctx, settings));
    expect(host.sheets).toHaveLength(4);
  });
});
