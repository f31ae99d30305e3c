// A sheet's cells as comparable text by address, whichever writer made it: the add-ins' hosts and the files
// `cpa` writes compare cell for cell.

import ExcelJS from "exceljs";
import { serialFromUtcDate } from "../../src/core/dates";
import { formulaKey } from "../../src/forms/layout";

/** A cell's content as text: dates as serials, formulas by their comparison key. */
export function cellText(v: unknown): string {
  if (v instanceof Date) return String(serialFromUtcDate(v));
  if (v !== null && typeof v === "object" && "formula" in v) return `=${formulaKey(String(v.formula))}`;
  if (v !== null && typeof v === "object" && "sharedFormula" in v)
    return `=${formulaKey(String(v.sharedFormula))}`;
  return String(v);
}

/** Cells as text by address, empty ones left out; 填报时间 (the day a form was made) left out too. */
export function cellsOf(values: Iterable<[string, unknown]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [address, v] of values) {
    if (v === null || v === undefined || v === "") continue;
    const text = cellText(v);
    if (!text.startsWith("填报时间")) out[address] = text;
  }
  return out;
}

/** A sheet of an .xlsx file (path or bytes) as cellsOf gives it; a merged area's value at its top-left cell. */
export async function fileCells(file: string | Uint8Array, sheet: string): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === "string") await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const cells: [string, unknown][] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (c.isMerged && c.master.address !== c.address) return;
      cells.push([c.address, c.value]);
    }),
  );
  return cellsOf(cells);
}
