// ExcelJS, loaded only when first needed: the task pane reads and writes workbooks without carrying it in
// its main bundle.

import type ExcelJS from "exceljs";

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  const m = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as {
    default?: typeof ExcelJS;
  } & typeof ExcelJS;
  return m.default ?? m;
}
