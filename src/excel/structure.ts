// Workbook structure protection (审阅 → 保护工作簿): Excel then refuses adding, renaming and deleting sheets, so
// every command that does any of these asks first, and says what to do, before writing anything. Whether the
// workbook is protected is loaded with a command's first read (no sync of its own); WorkbookProtection is
// ExcelApi 1.7, within the manifest's 1.8.

import { CommandError } from "./errors";

export const PROTECTED_STRUCTURE_REFUSAL =
  "工作簿结构受保护（审阅 → 保护工作簿），Excel 不允许添加、重命名或删除工作表；本次未作任何改动。请在“审阅”选项卡中再次单击“保护工作簿”取消保护（如设有密码，需输入密码）后重试。";

const loaded = new WeakMap<Excel.RequestContext, Excel.WorkbookProtection>();

/** Queues the load of whether the workbook's structure is protected, for the context's next sync. */
export function loadStructureProtection(context: Excel.RequestContext): void {
  const protection = context.workbook.protection;
  protection.load("protected");
  loaded.set(context, protection);
}

/** Refuses, in Chinese, when the workbook's structure is protected; syncs only when nothing loaded it yet. */
export async function refuseProtectedStructure(context: Excel.RequestContext): Promise<void> {
  let protection = loaded.get(context);
  if (!protection) {
    loadStructureProtection(context);
    await context.sync();
    protection = loaded.get(context)!;
  }
  if (protection.protected) throw new CommandError(PROTECTED_STRUCTURE_REFUSAL);
}
