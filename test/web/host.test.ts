// The page's workbook host and its words for a clerk: a register added beside a workbook's own sheets, the
// preview's window around a cell, China time, and no command-line hints.

import ExcelJS from "exceljs";
import { chinaTimeText } from "../../src/core/dates";
import { defaultSettings } from "../../src/core/settings";
import { pageMessage } from "../../src/web/fileBackend";
import { localClient } from "../../src/web/localClient";
import { webStringsFor } from "../../src/web/strings";
import { refusedFile } from "../../src/web/WebPage";

jest.setTimeout(120_000);

const w = webStringsFor("zh-CN");

async function otherWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("统计").getCell("B2").value = "本单位自己的表";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("the page's workbook host", () => {
  it("adds the register's sheets to a workbook that has none, keeping its own", async () => {
    const host = localClient();
    await host.call("open", "其他.xlsx", await otherWorkbook());
    const r = await host.call("newRegister", defaultSettings("guangxi", "南宁市生态环境局"), true);
    expect(r.bytes).toBeDefined();
    expect(r.name).toBeUndefined();
    expect(await host.call("names")).toEqual(["统计", "企业名单台账", "名单调整记录", "强审设置"]);
    expect(await host.call("loadSettings")).toMatchObject({
      profileId: "guangxi",
      district: "南宁市生态环境局",
    });
    expect((await host.call("validate", 46000)).issues.filter((i) => i.severity === "error")).toEqual([]);
    const kept = await host.call("window", "统计", { sheet: "统计", cell: "B2" });
    expect(kept?.rows[kept.at!.row - kept.first]![1]).toBe("本单位自己的表");
    // A second time the sheets are there: refused, nothing changed.
    await expect(host.call("newRegister", defaultSettings("guangxi"), true)).rejects.toThrow(/已有工作表/);
  });

  it("answers with no bytes a command that changed nothing", async () => {
    const host = localClient();
    await host.call("open", "其他.xlsx", await otherWorkbook());
    await host.call("newRegister", defaultSettings("shanghai"), true);
    const r = await host.call("rubric");
    expect(r.written).toBe(true);
    const again = await host.call("rubric");
    expect(again.bytes).toBeUndefined();
  });
});

describe("the page's words", () => {
  it("shows stamp times in China time", () => {
    expect(chinaTimeText("2026-11-25T10:57:21+00:00")).toBe("2026-11-25 18:57");
    expect(chinaTimeText("2026-10-09T10:00+08:00")).toBe("2026-10-09 10:00");
    expect(chinaTimeText("不是时间")).toBe("不是时间");
  });

  it("tells to save other spreadsheets as .xlsx, and gives no command-line hints", () => {
    for (const name of ["台账.xls", "台账.ods", "台账.csv", "台账.xlsm"])
      expect(refusedFile(name, w)).toContain("另存为");
    expect(refusedFile("台账.xlsx", w)).toBeUndefined();
    expect(refusedFile("说明.docx", w)).toContain("不是 .xlsx");
    const said = pageMessage("未找到“强审设置”工作表，按上海市配置计算（可用 --profile 指定）", w);
    expect(said).not.toContain("--profile");
    expect(said).toContain("设置");
  });
});
