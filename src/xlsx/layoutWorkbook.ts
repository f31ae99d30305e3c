// A new workbook made of layouts, charts included: ExcelJS writes the sheets, and the package patch draws the
// charts ExcelJS cannot write.

import type { SheetLayout } from "../forms/layout";
import { loadExcelJs } from "./excelJs";
import { layoutValues } from "./package/charts";
import { WorkbookPatch } from "./package/patch";
import { writeLayout } from "./writeLayout";

export async function layoutWorkbookBytes(
  layouts: readonly SheetLayout[],
): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = "强审助手";
  const placed = layouts.map((layout) => ({ layout, name: writeLayout(wb, layout).name }));
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const sheets = placed.map((p) => p.name);
  const charted = placed.filter((p) => (p.layout.charts ?? []).length > 0);
  if (charted.length === 0) return { bytes, sheets };
  const patch = new WorkbookPatch(bytes);
  for (const { layout, name } of charted) patch.addCharts(name, layout.charts!, layoutValues(layout));
  return { bytes: await patch.apply(), sheets };
}
