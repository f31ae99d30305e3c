// The workbook's 强审设置 sheet from the task pane: read it to fill the settings form, write the form back.

import { cellText } from "../core/cells";
import { cellValue } from "../core/grid";
import { readSettings, settingsRows, SETTINGS_SHEET, type WorkbookSettings } from "../core/settings";
import { readSheets } from "./read";
import { CommandError } from "./register";

/** The workbook's settings, or undefined when it has no 强审设置 sheet yet. */
export async function loadSettings(context: Excel.RequestContext): Promise<WorkbookSettings | undefined> {
  const { grids } = await readSheets(context, [SETTINGS_SHEET]);
  const grid = grids.sheet(SETTINGS_SHEET);
  return grid ? readSettings(grid, "shanghai").settings : undefined;
}

/** Writes each setting's value into column 值 of its row; rows the sheet lacks are appended. */
export async function saveSettings(context: Excel.RequestContext, settings: WorkbookSettings): Promise<void> {
  const { grids } = await readSheets(context, [SETTINGS_SHEET]);
  const grid = grids.sheet(SETTINGS_SHEET);
  if (!grid) throw new CommandError(`工作簿中没有“${SETTINGS_SHEET}”工作表，请先创建台账。`);
  const ws = context.workbook.worksheets.getItem(SETTINGS_SHEET);
  const keys = grid.rows.map((r) => cellText(cellValue(r[0])));
  let next = grid.rows.length;
  for (const [key, value, note] of settingsRows(settings)) {
    const at = keys.indexOf(key);
    if (at > 0) {
      const cell = ws.getRangeByIndexes(at, 1, 1, 1);
      cell.numberFormat = [["@"]];
      cell.values = [[value]];
    } else {
      const row = ws.getRangeByIndexes(next++, 0, 1, 3);
      row.numberFormat = [["@", "@", "@"]];
      row.values = [[key, value, note]];
    }
  }
  await context.sync();
}
