// The WPS backend's register commands over the in-memory WPS 表格: the register it creates, the status it
// writes (cell for cell what `cpa status` writes for the same register), validation and click-to-cell, the
// settings, and a failure half-way that leaves the workbook as it was.

import path from "node:path";
import { readFileSync } from "node:fs";
import { columnLetters } from "../../src/core/address";
import { COMPUTED_COLUMNS, REGISTER_COLUMNS, REGISTER_SHEET } from "../../src/core/register";
import { defaultSettings, SETTINGS_SHEET } from "../../src/core/settings";
import { loadWorkbook, workbookAnalysis } from "../../src/core/workbook";
import { OVERDUE_FILL } from "../../src/forms/statusColumns";
import { bgr } from "../../src/wps/et";
import { readWorkbook } from "../../src/xlsx/parse";
import { fileCells } from "../helpers/sheetCells";
import { AS_OF, cli, columnsOf, demoHost, emptyHost, hostCells, sheetNames, TODAY } from "./wpsWorkbook";

jest.setTimeout(180_000);

const labels: string[] = [...REGISTER_COLUMNS.map((c) => c.label), ...COMPUTED_COLUMNS];
const computedLetters = COMPUTED_COLUMNS.map((l) => columnLetters(labels.indexOf(l)));

describe("the register in WPS", () => {
  it("creates the three sheets: header, table, drop-downs, text columns, the red rule, frozen header", async () => {
    const { app, backend } = emptyHost();
    await backend.createRegister(defaultSettings("guangxi", "南宁市生态环境局"));
    expect(sheetNames(app)).toEqual(["Sheet1", "企业名单台账", "名单调整记录", "强审设置"]);
    const reg = app.ActiveWorkbook!.data.sheets.find((s) => s.name === REGISTER_SHEET)!;
    expect(reg.tables.map((t) => t.name)).toEqual(["RegisterTable"]);
    expect(reg.validations.map((v) => v.formula1)).toContain("通过,补充完善,不通过");
    expect(reg.formatConditions[0]).toMatchObject({ interiorColor: bgr(OVERDUE_FILL) });
    const ws = app.ActiveWorkbook!.Worksheets.Item(REGISTER_SHEET);
    expect(ws.Range("H2").NumberFormat).toBe("yyyy-mm-dd");
    expect(ws.Range("C2:C501").NumberFormat).toBe("@");
    expect(app.ActiveSheet!.Name).toBe(REGISTER_SHEET);
    expect(app.ActiveWorkbook!.Worksheets.Item(SETTINGS_SHEET).Range("B2").Value2).toBe("广西壮族自治区");
    // The screen is frozen while the command runs and redrawn after.
    expect(app.screenUpdates).toEqual([false, true]);
  });

  it("refuses, changing nothing, when a sheet of that name exists", async () => {
    const { app, backend } = emptyHost();
    app.ActiveWorkbook!.Worksheets.Item(1).Name = "名单调整记录";
    await expect(backend.createRegister(defaultSettings("shanghai"))).rejects.toThrow("未作改动");
    expect(sheetNames(app)).toEqual(["名单调整记录"]);
  });

  it("removes the sheets it added when WPS fails half-way, and says where", async () => {
    const { app, backend } = emptyHost();
    app.failOn("Validation.Add", { after: 12 });
    await expect(backend.createRegister(defaultSettings("shanghai"))).rejects.toThrow(
      /^WPS 在处理工作表“企业名单台账”的 [A-Z]+2:[A-Z]+501 时出错：/,
    );
    expect(sheetNames(app)).toEqual(["Sheet1"]);
    expect(app.ScreenUpdating).toBe(true);
  });

  it("says what is left when WPS refuses the undo too", async () => {
    const { app, backend } = emptyHost();
    app.failOn("Validation.Add", { after: 12 });
    app.failOn("Worksheet.Delete");
    await expect(backend.createRegister(defaultSettings("shanghai"))).rejects.toThrow(
      /撤销也未能完成，工作簿中可能留有本次操作的部分结果：新增的工作表“企业名单台账”（如在，请删除）。$/,
    );
  });
});

describe("status and validation in WPS, as `cpa` gives them", () => {
  it("writes the four status columns cell for cell as `cpa status` does, overdue rows red", async () => {
    const { app, backend, file, dir } = await demoHost("shanghai", 3);
    const out = path.join(dir, "status.xlsx");
    await cli("status", file, "--as-of", AS_OF, "-o", out);
    const result = await backend.refreshStatus(TODAY);
    const host = columnsOf(hostCells(app, REGISTER_SHEET), computedLetters);
    expect(Object.keys(host).length).toBeGreaterThan(40);
    expect(host).toEqual(columnsOf(await fileCells(out, REGISTER_SHEET), computedLetters));
    const ws = app.ActiveWorkbook!.Worksheets.Item(REGISTER_SHEET);
    const overdueCol = computedLetters[2]!;
    result.statuses.forEach((s, i) => {
      const row = i + 2;
      expect(ws.Range(`${overdueCol}${row}`).Interior.Color).toBe(
        s.overdue.length > 0 ? bgr(OVERDUE_FILL) : bgr("#F2F2F2"),
      );
    });
    expect(result.statuses.some((s) => s.overdue.length > 0)).toBe(true);
  });

  it("finds the issues the core finds in the file, and selects an issue's cell", async () => {
    const { app, backend, file } = await demoHost("guangxi", 5);
    app.ActiveWorkbook!.Worksheets.Item(REGISTER_SHEET).Range("C3").Value2 = "不是代码";
    const { issues } = await backend.validate(TODAY);
    const grids = await readWorkbook(new Uint8Array(readFileSync(file)), "demo.xlsx");
    const fromFile = workbookAnalysis(loadWorkbook(grids), TODAY).issues;
    const issue = issues.find((i) => i.cell === "C3")!;
    expect(issue.sheet).toBe(REGISTER_SHEET);
    expect(issues.filter((i) => i.cell !== "C3")).toEqual(fromFile.filter((i) => i.cell !== "C3"));
    app.ActiveWorkbook!.Worksheets.Item(SETTINGS_SHEET).Activate();
    await backend.selectIssue(issue);
    expect(app.ActiveSheet!.Name).toBe(REGISTER_SHEET);
    expect(app.Selection!.Address()).toBe("$C$3");
    await expect(backend.selectIssue({ ...issue, sheet: "不存在" })).rejects.toThrow("找不到工作表“不存在”");
  });

  it("refuses to refresh a protected (submitted) register, changing nothing", async () => {
    const { app, backend } = await demoHost("shanghai", 4);
    const ws = app.ActiveWorkbook!.Worksheets.Item(REGISTER_SHEET);
    ws.Protect();
    const before = hostCells(app, REGISTER_SHEET);
    await expect(backend.refreshStatus(TODAY)).rejects.toThrow("已报送");
    expect(hostCells(app, REGISTER_SHEET)).toEqual(before);
  });
});

describe("settings in WPS", () => {
  it("loads the settings it wrote, and saves changed ones as text", async () => {
    const { app, backend } = emptyHost();
    expect(await backend.loadSettings()).toBeUndefined();
    await backend.createRegister(defaultSettings("shanghai", "浦东新区生态环境局", "张三"));
    const settings = (await backend.loadSettings())!;
    expect(settings).toMatchObject({ district: "浦东新区生态环境局", preparer: "张三" });
    await backend.saveSettings({ ...settings, preparer: "=1+1" });
    expect(await backend.loadSettings()).toMatchObject({ preparer: "=1+1" });
    const cell = app.ActiveWorkbook!.Worksheets.Item(SETTINGS_SHEET).Range("B4");
    expect(cell.HasFormula).toBe(false);
  });
});

describe("a workbook counting dates from 1904", () => {
  it("reads and writes dates in the workbook's own date system", async () => {
    const computed = async (date1904: boolean) => {
      const { app, backend } = emptyHost();
      (app.ActiveWorkbook!.data as { date1904?: boolean }).date1904 = date1904;
      await backend.createRegister(defaultSettings("shanghai", "浦东新区生态环境局"));
      const ws = app.ActiveWorkbook!.Worksheets.Item(REGISTER_SHEET);
      ws.Range("A2:H2").Value2 = [
        [
          "1",
          "上海甲化工有限公司",
          "91310000132149237G",
          "浦东新区",
          "双有",
          "完整程序",
          2026,
          TODAY - 30 - (date1904 ? 1462 : 0),
        ],
      ];
      const { statuses } = await backend.refreshStatus(TODAY);
      return { statuses, next: ws.Range(`${computedLetters[1]}2`).Value2 as number };
    };
    const [plain, mac] = [await computed(false), await computed(true)];
    expect(mac.statuses).toEqual(plain.statuses);
    expect(plain.next).toBeGreaterThan(TODAY);
    expect(mac.next).toBe(plain.next - 1462);
  });
});
