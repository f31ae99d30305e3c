// The ExcelJS writer of sheet layouts (forms/layout.ts). ExcelJS writes no charts: a layout's charts are
// drawn only where Excel writes the sheet, and the cells they draw from are written here as everywhere.

import type ExcelJS from "exceljs";
import { parseCellAddress } from "../core/address";
import { utcDateFromSerial } from "../core/dates";
import {
  DATE_FORMAT,
  fittedRowHeights,
  FONT_NAME,
  STYLES,
  type CellStyle,
  type LayoutValue,
  type SheetLayout,
  type Validation,
} from "../forms/layout";
import { argb } from "./tables";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };

function cellStyle(s: CellStyle, numFmt: string | undefined, locked: boolean): Partial<ExcelJS.Style> {
  return {
    font: {
      name: FONT_NAME,
      size: s.font.size,
      bold: s.font.bold ?? false,
      color: s.font.color ? { argb: argb(s.font.color) } : undefined,
    },
    alignment: {
      horizontal: s.horizontal,
      vertical: s.vertical === "center" ? "middle" : "top",
      wrapText: s.wrap,
    },
    border: s.border ? { top: THIN, left: THIN, bottom: THIN, right: THIN } : {},
    fill: s.fill
      ? { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } }
      : { type: "pattern", pattern: "none" },
    numFmt,
    protection: { locked },
  };
}

function cellValue(v: LayoutValue): ExcelJS.CellValue {
  if (v === null) return null;
  switch (v.t) {
    case "text":
      // A plain string is a shared string in the file: never a formula, whatever it starts with.
      return v.v;
    case "number":
      return v.v;
    case "date":
      return utcDateFromSerial(v.v);
    case "formula":
      return { formula: v.f } as ExcelJS.CellFormulaValue;
  }
}

function numberFormatOf(v: LayoutValue, blockFormat: string | undefined): string | undefined {
  if (v === null) return blockFormat;
  if (v.t === "date") return DATE_FORMAT;
  if (v.t === "text") return "@";
  return blockFormat;
}

function dataValidation(v: Validation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop" as const,
    errorTitle: v.error.title,
    error: v.error.message,
    showInputMessage: v.prompt !== undefined,
    promptTitle: v.prompt?.title,
    prompt: v.prompt?.message,
  };
  return v.rule.kind === "list"
    ? { ...common, type: "list", formulae: [`"${v.rule.options.join(",")}"`] }
    : { ...common, type: "custom", formulae: [v.rule.formula] };
}

/** Whether (row, col), zero-based, lies in one of the A1 ranges. */
function inRanges(
  ranges: readonly { top: number; left: number; bottom: number; right: number }[],
  row: number,
  col: number,
) {
  return ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}

function decode(range: string) {
  const [a, b = a] = range.split(":") as [string, string?];
  const s = parseCellAddress(a)!;
  const e = parseCellAddress(b ?? a)!;
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

/** Adds the layout as a new worksheet. */
export function writeLayout(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.name, {
    pageSetup: {
      paperSize: 9,
      orientation: layout.print.orientation,
      fitToPage: layout.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: layout.print.onePage ? 1 : 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: layout.print.titleRows
        ? `${layout.print.titleRows[0]}:${layout.print.titleRows[1]}`
        : undefined,
    },
    views: layout.freezeRows ? [{ state: "frozen", ySplit: layout.freezeRows }] : undefined,
  });
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, height] of Object.entries(fittedRowHeights(layout)))
    ws.getRow(Number(row) + 1).height = height;
  const unlocked = layout.unlocked.map(decode);
  for (const block of layout.blocks) {
    const style = STYLES[block.style];
    block.values.forEach((rowValues, r) => {
      const row = ws.getRow(block.row + r + 1);
      rowValues.forEach((v, c) => {
        const cell = row.getCell(block.col + c + 1);
        cell.value = cellValue(v);
        cell.style = cellStyle(
          style,
          numberFormatOf(v, block.numberFormat),
          !inRanges(unlocked, block.row + r, block.col + c),
        );
      });
    });
  }
  for (const m of layout.merges) ws.mergeCells(m);
  const validations = (
    ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const v of layout.validations) validations.add(v.range, dataValidation(v));
  if (layout.protect) {
    // ExcelJS sets the protection synchronously; without a password there is nothing to await.
    void ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
  }
  return ws;
}
