// Every task pane command runs in one Excel.run; Office.js errors become Chinese messages.

import { CommandError } from "../excel/errors";
import { officeErrorMessage } from "../excel/run";

export async function runCommand<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (typeof Excel === "undefined") throw new CommandError("请在 Excel 中打开本加载项。");
  try {
    // A command clicked while the user is typing in a cell waits for the cell to be left instead of failing:
    // learn.microsoft.com/javascript/api/excel/excel.runoptions (delayForCellEdit)
    return await Excel.run({ delayForCellEdit: true }, work);
  } catch (err) {
    if (err instanceof CommandError) throw err;
    // The host's own error stays as the cause: 自检 reports its code, message and the call that failed.
    throw new CommandError(officeErrorMessage(err), { cause: err });
  }
}
