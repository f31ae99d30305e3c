// The workbook's 强审设置 sheet from the task pane: read it to fill the settings form, write the form back.

import { cellText } from "../core/cells";
import { cellValue } from "../core/grid";
import { readSettings, settingsRows, SETTINGS_SHEET, type WorkbookSettings } from "../core/settings";
import { writeValues } from "./cells";
import { readSheets } from "./read";
import { CommandError } from "./errors";

/** The workbook's settings, or undefined when it has no 强审设置 sheet yet. */
export async function loadSettings(context: Excel.RequestContext): Promise<WorkbookSettings | undefined> {
  const { grids } = await readSheets(context, [SETTINGS_SHEET]);
  const grid = grids.sheet(SETTINGS_SHEET);
  return grid ? readSettings(grid, "shanghai").settings : undefined;
}

/** Settings are text, typed or not: an empty value's cell is formatted "@" as well. */
const TEXT = ["@", "@", "@"];

/** Writes each setting's value into column 值 of its row; rows the sheet lacks are appended. */
export async function saveSettings(context: Excel.RequestContext, settings: WorkbookSettings): Promise<void> {
  const { grids, protectedSheets } = await readSheets(context, [SETTINGS_SHEET]);
  const grid = grids.sheet(SETTINGS_SHEET);
  if (!grid) throw new CommandError(`工作簿中没有“${SETTINGS_SHEET}”工作表，请先创建台账。`);
  if (protectedSheets.includes(SETTINGS_SHEET))
    throw new CommandError(
      `“${SETTINGS_SHEET}”受保护，设置未保存。请先撤销该工作表的保护（审阅 → 撤销工作表保护）后重试。`,
    );
  const ws = context.workbook.worksheets.getItem(SETTINGS_SHEET);
  const keys = grid.rows.map((r) => cellText(cellValue(r[0])));
  let next = grid.rows.length;
  for (const [key, value, note] of settingsRows(settings)) {
    const at = keys.indexOf(key);
    if (at > 0) writeValues(ws.getRangeByIndexes(at, 1, 1, 1), [[value]], TEXT);
    else writeValues(ws.getRangeByIndexes(next++, 0, 1, 3), [[key, value, note]], TEXT);
  }
  await context.sync();
}
