// A workbook's end state as plain data, for comparing what a command left in the host with what `cpa` writes
// to a file: each sheet's cells (Value2 as the object model gives it, the formula, the number format), merges,
// validations, conditional formats, tables, charts, protection and page setup.

import { rectAddress } from "./address";
import type { WpsWorkbook } from "./host";
import { isEmpty, type Rect } from "./model";
import { WpsRange } from "./range";

export interface CellDump {
  value: string | number | boolean | undefined;
  formula?: string;
  numberFormat: string;
}

export interface SheetDump {
  name: string;
  visible: number;
  cells: Record<string, CellDump>;
  merges: string[];
  validations: { range: string; type: number; formula1?: string; alertStyle: number }[];
  formatConditions: {
    range: string;
    type: number;
    formula1?: string;
    interiorColor?: number;
    fontColor?: number;
  }[];
  tables: { name: string; range: string; showTotals: boolean }[];
  charts: { name: string; chartType: number; source?: string; title?: string }[];
  protected: boolean;
  /** Addresses of the unlocked cells. */
  unlocked: string[];
  pageSetup: Record<string, unknown>;
}

const a1 = (rect: Rect) => rectAddress(rect, false, false);

/** Every sheet of the workbook in order; cells with neither a value, a formula nor a number format are left out. */
export function dumpWorkbook(book: WpsWorkbook): SheetDump[] {
  return book.data.sheets.map((sheet) => {
    const ws = book.sheetObject(sheet);
    const cells: Record<string, CellDump> = {};
    const unlocked: string[] = [];
    const keys = [...sheet.cells.keys()]
      .map((k) => k.split(",").map(Number) as [number, number])
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    book.Application.batch(() => {
      for (const [r, c] of keys) {
        const cell = sheet.cells.get(`${r},${c}`)!;
        const at = a1({ top: r, left: c, rows: 1, cols: 1 });
        if (!cell.format.locked) unlocked.push(at);
        if (isEmpty(cell) && cell.format.numberFormat === "General") continue;
        const range = new WpsRange(book.Application, ws, { top: r, left: c, rows: 1, cols: 1 });
        cells[at] = {
          value: range.valueAt(r, c),
          ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
          numberFormat: cell.format.numberFormat,
        };
      }
    });
    return {
      name: sheet.name,
      visible: sheet.visible,
      cells,
      merges: sheet.merges.map(a1),
      validations: sheet.validations.map((v) => ({
        range: a1(v.rect),
        type: v.type,
        formula1: v.formula1,
        alertStyle: v.alertStyle,
      })),
      formatConditions: sheet.formatConditions.map((f) => ({
        range: a1(f.rect),
        type: f.type,
        formula1: f.formula1,
        interiorColor: f.interiorColor,
        fontColor: f.fontColor,
      })),
      tables: sheet.tables.map((t) => ({ name: t.name, range: a1(t.rect), showTotals: t.showTotals })),
      charts: sheet.charts.map((c) => ({
        name: c.name,
        chartType: c.chartType,
        source: c.source ? `${c.source.sheet}!${a1(c.source.rect)}` : undefined,
        title: c.hasTitle ? c.title : undefined,
      })),
      protected: !!sheet.protection,
      unlocked,
      pageSetup: { ...sheet.pageSetup },
    };
  });
}
