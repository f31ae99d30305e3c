import { columnLetters } from "../../src/core/address";
import { REGISTER_INPUT_LABELS, REGISTER_SHEET } from "../../src/core/register";
import { CommandError } from "../../src/excel/errors";
import { refreshStatus } from "../../src/excel/register";
import { officeErrorMessage } from "../../src/excel/run";
import { runCommand } from "../../src/taskpane/runCommand";
import { installOfficeHost } from "../officehost";
import { filledHost, TODAY } from "./hostWorkbook";

/** 当前阶段 of the first enterprise, where `init` lays the computed columns: after the input columns. */
const FIRST_STAGE = `${columnLetters(REGISTER_INPUT_LABELS.length)}2`;

describe("cell edit mode", () => {
  const globals = globalThis as unknown as Record<string, unknown>;
  afterEach(() => {
    delete globals.Excel;
    delete globals.Office;
  });

  it("waits for the user to leave the cell, then refreshes", async () => {
    const host = await filledHost(20);
    installOfficeHost(globals, host);
    host.enterCellEdit();
    let done = false;
    const refresh = runCommand((ctx) => refreshStatus(ctx, TODAY)).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    expect(host.value(REGISTER_SHEET, FIRST_STAGE)).toBeNull();
    host.exitCellEdit();
    await refresh;
    expect(host.value(REGISTER_SHEET, FIRST_STAGE)).not.toBeNull();
  });

  it("fails a run that did not ask to wait with Excel's code, which the pane explains in Chinese", async () => {
    const host = await filledHost(5);
    host.enterCellEdit();
    const code = await host
      .run(async (ctx) => {
        ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
      })
      .catch((e: { code: string }) => e.code);
    expect(code).toBe("InvalidOperationInCellEditMode");
    expect(officeErrorMessage({ code })).toBe(
      "Excel 正处于单元格编辑状态，无法操作工作簿。请按 Enter 或 Esc 退出编辑（或单击其他单元格）后重试。",
    );
    expect(new CommandError(officeErrorMessage({ code: "AccessDenied" })).message).not.toMatch(/编辑/);
  });
});
