// A workbook's end state as plain data, for comparing what a command left in the host with what `cpa` writes
// to a file: each sheet's cells (Value2 as the object model gives it, the formula, the number format), merges,
// validations, conditional formats, tables, charts, protection and page setup.

import { formulaKey } from "../../src/forms/layout";
import { rectAddress } from "./address";
import type { WpsWorkbook } from "./host";
import { isEmpty, layeredFormat, type Rect } from "./model";
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
  /** Formats set on whole columns or rows: the range, what was set, and the number format and lock they leave. */
  layers: { range: string; what: string; numberFormat: string; locked: boolean }[];
  /** Rows and columns frozen at the top and left. */
  frozen: { rows: number; columns: number };
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
      layers: sheet.formatLayers.map((l) => {
        const f = layeredFormat(sheet, l.rect.top + l.rect.rows - 1, l.rect.left);
        return { range: a1(l.rect), what: l.what, numberFormat: f.numberFormat, locked: f.locked };
      }),
      frozen: sheet.panes.frozen
        ? { rows: sheet.panes.splitRow, columns: sheet.panes.splitColumn }
        : { rows: 0, columns: 0 },
    };
  });
}

export interface DiffOptions {
  /** Compare these sheets only (all of both dumps otherwise). */
  sheets?: string[];
  /** Compare number formats too. */
  numberFormats?: boolean;
}

const shown = (v: unknown) => (v === undefined ? "(empty)" : JSON.stringify(v));

/**
 * The cells where two dumps differ, one line each ("附表3 2026Q3!B7: value 1 ≠ 2"): a sheet one lacks, a value,
 * a formula (compared by formulaKey, which ignores how each writer spells the same formula) or a number format.
 * Formula cells are compared by formula only, since a file written without cached results holds no value.
 */
export function diffDumps(expected: SheetDump[], actual: SheetDump[], options: DiffOptions = {}): string[] {
  const out: string[] = [];
  const names = options.sheets ?? [...new Set([...expected, ...actual].map((s) => s.name))];
  for (const name of names) {
    const e = expected.find((s) => s.name === name);
    const a = actual.find((s) => s.name === name);
    if (!e || !a) {
      out.push(`${name}: sheet ${a ? "unexpected" : "missing"}`);
      continue;
    }
    const addresses = [...new Set([...Object.keys(e.cells), ...Object.keys(a.cells)])];
    for (const at of addresses) {
      const x = e.cells[at];
      const y = a.cells[at];
      const fx = x?.formula === undefined ? undefined : formulaKey(x.formula);
      const fy = y?.formula === undefined ? undefined : formulaKey(y.formula);
      if (fx !== fy) out.push(`${name}!${at}: formula ${shown(x?.formula)} ≠ ${shown(y?.formula)}`);
      else if (fx === undefined && x?.value !== y?.value)
        out.push(`${name}!${at}: value ${shown(x?.value)} ≠ ${shown(y?.value)}`);
      if (options.numberFormats && (x?.numberFormat ?? "General") !== (y?.numberFormat ?? "General"))
        out.push(`${name}!${at}: number format ${shown(x?.numberFormat)} ≠ ${shown(y?.numberFormat)}`);
    }
  }
  return out;
}
