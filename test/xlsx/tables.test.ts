// The register `cpa init` writes with ExcelJS: its 统一社会信用代码 column is text in every row, so an all-digit
// code typed into it keeps its 18 digits (checked with ExcelJS, and after LibreOffice re-saves the file); its
// drop-downs and messages stay within Excel's lengths. Guangxi's 附件11 keeps its 企业代码 column as text too.

import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LOG_SHEET } from "../../src/core/adjustments";
import { parseQuarter, serialFromParts } from "../../src/core/dates";
import { getProfile } from "../../src/core/profiles";
import { REGISTER_SHEET } from "../../src/core/register";
import { adjustmentLayout } from "../../src/forms/quarterlyForms";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { openRegisterWorkbook } from "../../src/cli/workbookFile";
import { recalculate } from "../helpers/libreoffice";
import { runCli } from "../cli/runCli";
import { typedValue, VALIDATION_LIMITS } from "../officehost/rules";

jest.setTimeout(120_000);

const CODE = "913101151234567893";
const dir = mkdtempSync(path.join(tmpdir(), "init-codes-"));

async function init(name: string): Promise<string> {
  const file = path.join(dir, name);
  const r = await runCli("init", file, "--profile", "shanghai", "--district", "浦东新区生态环境局");
  expect(r.code).toBe(0);
  return file;
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A user typing `text` into a cell in Excel: the cell's number format decides what it holds. */
function type(ws: ExcelJS.Worksheet, address: string, text: string): void {
  const cell = ws.getCell(address);
  cell.value = typedValue(text, cell.numFmt === "@").value;
}

describe("cpa init's 统一社会信用代码 column", () => {
  it("is text in the table's row and in every row below it, in the register and the log", async () => {
    const wb = await open(await init("formats.xlsx"));
    for (const address of ["C2", "C300", "C5000"])
      expect(wb.getWorksheet(REGISTER_SHEET)!.getCell(address).numFmt).toBe("@");
    expect(wb.getWorksheet(LOG_SHEET)!.getCell("B40").numFmt).toBe("@");
    expect(wb.getWorksheet(REGISTER_SHEET)!.getCell("B300").numFmt).toBeUndefined();
  });

  it("keeps the format when LibreOffice re-saves the workbook", async () => {
    const [saved] = recalculate([await init("resaved.xlsx")]);
    const ws = (await open(saved!)).getWorksheet(REGISTER_SHEET)!;
    expect([ws.getCell("C2").numFmt, ws.getCell("C300").numFmt]).toEqual(["@", "@"]);
  });

  it("keeps an all-digit code typed into it, which validates; typed into a General cell it is reported", async () => {
    const file = await init("typed.xlsx");
    const wb = await open(file);
    const ws = wb.getWorksheet(REGISTER_SHEET)!;
    ws.getCell("B300").value = "上海测试化工有限公司";
    type(ws, "C300", CODE);
    ws.getCell("H300").value = new Date(Date.UTC(2026, 2, 5));
    expect(ws.getCell("C300").value).toBe(CODE);
    await wb.xlsx.writeFile(file);
    const clean = JSON.parse((await runCli("validate", file, "--json")).out);
    expect(clean.issues.filter((i: { cell: string }) => i.cell === "C300")).toEqual([]);

    ws.getCell("C300").numFmt = "General";
    type(ws, "C300", CODE);
    await wb.xlsx.writeFile(file);
    const damaged = JSON.parse((await runCli("validate", file, "--json")).out);
    expect(damaged.issues).toContainEqual(
      expect.objectContaining({
        cell: "C300",
        message:
          "统一社会信用代码：数字已被 Excel 改写，请设为文本后重新输入（单元格中为 913101151234567000）",
      }),
    );
  });

  it("comes with drop-downs and messages no longer than Excel allows", async () => {
    const wb = await open(await init("validations.xlsx"));
    let checked = 0;
    wb.eachSheet((ws) => {
      const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
        .dataValidations.model;
      for (const v of Object.values(model)) {
        checked++;
        if (v.type === "list") {
          const source = String(v.formulae[0]).replace(/^"|"$/g, "");
          expect(source.length).toBeLessThanOrEqual(VALIDATION_LIMITS.listSource);
        }
        expect((v.promptTitle ?? "").length).toBeLessThanOrEqual(VALIDATION_LIMITS.promptTitle);
        expect((v.prompt ?? "").length).toBeLessThanOrEqual(VALIDATION_LIMITS.prompt);
        expect((v.errorTitle ?? "").length).toBeLessThanOrEqual(VALIDATION_LIMITS.errorTitle);
        expect((v.error ?? "").length).toBeLessThanOrEqual(VALIDATION_LIMITS.error);
      }
    });
    expect(checked).toBeGreaterThan(10);
  });
});

describe("附件11's 企业代码 column", () => {
  it("is text in every row the form lists, blank or not, as ExcelJS writes it", () => {
    const rows = ["", CODE].map((creditCode, i) => ({
      sourceRow: i + 2,
      name: `广西测试${i}有限公司`,
      creditCode,
      change: "企业名称变更",
      result: "名称变更",
      evidence: "营业执照",
      remarks: "",
    }));
    const layout = adjustmentLayout(rows, parseQuarter("2026Q3")!, getProfile("guangxi"), {
      district: "南宁市生态环境局",
      preparer: "王五",
      preparedOn: serialFromParts(2026, 10, 9),
    });
    const ws = writeLayout(new ExcelJS.Workbook(), layout);
    expect(ws.getCell("C4").value).toBe("企业代码");
    expect([ws.getCell("C5").numFmt, ws.getCell("C6").numFmt]).toEqual(["@", "@"]);
    expect([ws.getCell("C5").value, ws.getCell("C6").value]).toEqual([null, CODE]);
  });
});

describe("cpa init's 强审设置", () => {
  it("holds an empty 休息日调整 table beside the settings, whose typed days the tools then read", async () => {
    const file = await init("restdays.xlsx");
    const wb = await open(file);
    const ws = wb.getWorksheet("强审设置")!;
    expect(String(ws.getCell("E1").value)).toMatch(/^休息日调整/);
    expect([ws.getCell("E2").value, ws.getCell("F2").value, ws.getCell("G2").value]).toEqual([
      "日期",
      "类型",
      "依据",
    ]);
    expect(ws.getCell("E3").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("F3").dataValidation).toMatchObject({ type: "list", formulae: ['"休息日,上班日"'] });
    const { loaded } = await openRegisterWorkbook(file);
    expect(loaded.readIssues).toEqual([]);
    expect(loaded.settings.restDayAdjustments).toEqual([]);

    ws.getCell("E3").value = new Date(Date.UTC(2031, 5, 2));
    type(ws, "F3", "休息日");
    type(ws, "G3", "国办发明电〔2030〕1号");
    ws.getCell("B6").value = "是"; // 期限遇休息日顺延
    expect(ws.getCell("A6").value).toBe("期限遇休息日顺延");
    await wb.xlsx.writeFile(file);
    const again = (await openRegisterWorkbook(file)).loaded;
    expect(again.readIssues).toEqual([]);
    expect(again.settings.restDayAdjustments).toEqual([
      { date: serialFromParts(2031, 6, 2), kind: "休息日", basis: "国办发明电〔2030〕1号" },
    ]);
    expect(again.profile).toMatchObject({ extendOnRestDay: true, restDays: ["2031-06-02"] });
  });
});
