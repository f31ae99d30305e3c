// The 名单调整记录 sheet `init` writes: its drop-downs offer every option of SPEC 4.4 in both profiles, so the
// error alert never blocks an option the form lists (附表4 / 附件11 注2 (7) 其他).

import ExcelJS from "exceljs";
import { LOG_SHEET } from "../../src/core/adjustments";
import { PROFILE_IDS } from "../../src/core/profiles";
import { newRegisterWorkbook } from "../../src/xlsx/registerWorkbook";

/** The list of the drop-down that covers `cell`, as the file stores it. */
function listAt(ws: ExcelJS.Worksheet, cell: string): string[] {
  const model = (
    ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }
  ).dataValidations;
  const v = model.find(cell);
  if (!v || v.type !== "list") throw new Error(`no list validation at ${cell}`);
  return String(v.formulae[0]).replace(/^"|"$/g, "").split(",");
}

describe("the adjustment log's drop-downs", () => {
  it.each(PROFILE_IDS)("offer the seven 调整结果 of 注2 in %s, 其他 included", async (id) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await newRegisterWorkbook(id, "某区生态环境局").xlsx.writeBuffer());
    const ws = wb.getWorksheet(LOG_SHEET)!;
    const column = ws.getRow(1).values as unknown[];
    const letter = String.fromCharCode(64 + column.indexOf("调整结果"));
    for (const row of [2, 50])
      expect(listAt(ws, `${letter}${row}`)).toEqual([
        "名称变更",
        "名单撤销",
        "审核暂缓",
        "审核终止",
        "调整管理区域",
        "继续审核",
        "其他",
      ]);
  });
});
