// Exports the in-memory workbook to .xlsx with ExcelJS (formulas without cached results), so LibreOffice
// can check what the add-in wrote.

import ExcelJS from "exceljs";
import { rangeAddress } from "../../src/core/address";
import type { ExcelHost } from "./host";

const argb = (hex: string | undefined) => (hex ? `FF${hex.replace("#", "").toUpperCase()}` : undefined);

export async function exportWorkbook(host: ExcelHost): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of host.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      const target = ws.getCell(r + 1, c + 1);
      target.value = cell.formula
        ? ({ formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue)
        : cell.value;
      target.style = {
        numFmt: cell.format.numberFormat === "General" ? undefined : cell.format.numberFormat,
        font: {
          bold: cell.format.font.bold,
          size: cell.format.font.size,
          name: cell.format.font.name,
          color: cell.format.font.color ? { argb: argb(cell.format.font.color) } : undefined,
        },
        fill: cell.format.fill
          ? { type: "pattern", pattern: "solid", fgColor: { argb: argb(cell.format.fill) } }
          : undefined,
        protection: { locked: cell.format.locked },
      };
    }
    for (const m of sheet.merges)
      ws.mergeCells(rangeAddress(m.top, m.left, m.top + m.rows - 1, m.left + m.cols - 1));
    for (const [c, w] of sheet.columnWidths) ws.getColumn(c + 1).width = w / 7;
    if (sheet.protected) void ws.protect("", {});
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
