// Opens an .xlsx file in the in-memory WPS 表格, as WPS opens a workbook: every sheet with its values,
// formulas, number formats, cell formats, merges, tables, data validations, conditional formats, column widths,
// row heights, visibility and protection, read with ExcelJS. Node only (a page bundles install.ts, not this).

import type ExcelJS from "exceljs";
import { parseXlsx } from "../helpers/excelJsReference";
import { parseRect, splitSheet } from "./address";
import { dumpWorkbook, type SheetDump } from "./dump";
import { WpsApplication, type WpsWorkbook } from "./host";
import { cellAt, newSheet, type BookData, type Rect, type SheetData } from "./model";
import { serialOfDate, XL } from "./rules";

const VALIDATION_TYPES: Record<string, number> = {
  any: 0,
  whole: 1,
  decimal: 2,
  list: 3,
  date: 4,
  time: 5,
  textLength: 6,
  custom: 7,
};
const OPERATORS: Record<string, number> = {
  between: 1,
  notBetween: 2,
  equal: 3,
  notEqual: 4,
  greaterThan: 5,
  lessThan: 6,
  greaterThanOrEqual: 7,
  lessThanOrEqual: 8,
};
const ALERTS: Record<string, number> = { stop: 1, warning: 2, information: 3 };

/** "FF0000FF" (ARGB) → the BGR long VBA uses. */
function bgr(argb: string | undefined): number | undefined {
  if (!argb || !/^[0-9A-Fa-f]{6,8}$/.test(argb)) return undefined;
  const rgb = argb.slice(-6);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16)) as [number, number, number];
  return r + g * 256 + b * 65536;
}

function rectsOf(ref: string): Rect[] {
  return ref
    .split(/\s+/)
    .map((part) => parseRect(splitSheet(part).ref))
    .filter((r): r is Rect => !!r);
}

function fillCell(sheet: SheetData, cell: ExcelJS.Cell, row: number, col: number): void {
  const target = cellAt(sheet, row, col);
  const v = cell.value as unknown;
  if (v instanceof Date) target.value = serialOfDate(v);
  else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") target.value = v;
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const f = (cell as unknown as { formula?: string }).formula ?? (o.formula as string | undefined);
      if (f) target.formula = `=${f.replace(/^_xlfn\./g, "")}`;
    } else if ("richText" in o) target.value = (o.richText as { text: string }[]).map((t) => t.text).join("");
    else if ("error" in o) target.error = String(o.error);
    else if ("text" in o) target.value = String(o.text);
  }
  const style = cell.style ?? {};
  if (style.numFmt) target.format.numberFormat = style.numFmt;
  if (style.protection?.locked === false) target.format.locked = false;
  const font = style.font;
  if (font) {
    if (font.bold) target.format.font.bold = true;
    if (font.size) target.format.font.size = font.size;
    if (font.name) target.format.font.name = font.name;
    const color = bgr(font.color?.argb);
    if (color !== undefined) target.format.font.color = color;
  }
  const fill = style.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const color = bgr(fill.fgColor?.argb);
    if (color !== undefined) target.format.interior = color;
  }
  if (style.alignment?.wrapText) target.format.wrap = true;
}

function sheetOf(ws: ExcelJS.Worksheet): SheetData {
  const sheet = newSheet(ws.name);
  sheet.visible =
    ws.state === "veryHidden" ? XL.sheetVeryHidden : ws.state === "hidden" ? XL.sheetHidden : XL.sheetVisible;
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) sheet.rowHeights.set(r, row.height);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      fillCell(sheet, cell, r, c);
    });
  });
  ws.columns?.forEach((col, i) => {
    if (col.width) sheet.columnWidths.set(i + 1, col.width);
  });
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges);
  sheet.merges = merges.flatMap((m) => rectsOf(m.range));
  const tables = Object.values(
    (
      ws as unknown as {
        tables?: Record<
          string,
          { table?: { name?: string; tableRef?: string; ref?: string; totalsRow?: boolean } }
        >;
      }
    ).tables ?? {},
  );
  sheet.tables = tables.flatMap((t) =>
    rectsOf(t.table?.tableRef ?? t.table?.ref ?? "").map((rect) => ({
      name: t.table?.name ?? "",
      rect,
      showHeaders: true,
      showTotals: t.table?.totalsRow === true,
    })),
  );
  const dv = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } })
    .dataValidations?.model;
  for (const [ref, v] of Object.entries(dv ?? {}))
    for (const rect of rectsOf(ref.replace(/^range:/, "")))
      sheet.validations.push({
        rect,
        type: VALIDATION_TYPES[v.type] ?? 0,
        alertStyle: ALERTS[v.errorStyle ?? "stop"] ?? 1,
        operator: v.operator ? OPERATORS[v.operator] : undefined,
        formula1: v.formulae?.[0] === undefined ? undefined : String(v.formulae[0]),
        formula2: v.formulae?.[1] === undefined ? undefined : String(v.formulae[1]),
        inCellDropdown: true,
        ignoreBlank: v.allowBlank ?? true,
        inputTitle: v.promptTitle ?? "",
        inputMessage: v.prompt ?? "",
        errorTitle: v.errorTitle ?? "",
        errorMessage: v.error ?? "",
        showInput: v.showInputMessage ?? true,
        showError: v.showErrorMessage ?? true,
      });
  for (const cf of (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings ?? [])
    for (const rect of rectsOf(cf.ref))
      for (const rule of cf.rules)
        sheet.formatConditions.push({
          rect,
          type: rule.type === "expression" ? XL.expression : XL.cellValue,
          formula1:
            "formulae" in rule && rule.formulae?.[0] !== undefined
              ? `=${String(rule.formulae[0])}`
              : undefined,
          interiorColor: bgr((rule.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb),
          fontColor: bgr(rule.style?.font?.color?.argb),
          stopIfTrue: false,
        });
  const view = ws.views?.[0];
  if (view?.state === "frozen")
    sheet.panes = { splitRow: view.ySplit ?? 0, splitColumn: view.xSplit ?? 0, frozen: true };
  const protection = (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;
  if (protection?.sheet)
    sheet.protection = {
      password: "",
      contents: true,
      drawingObjects: protection.objects !== false,
      scenarios: protection.scenarios !== false,
      userInterfaceOnly: false,
      allow: {
        ...(protection.formatCells === true ? { AllowFormattingCells: true } : {}),
        ...(protection.formatColumns === true ? { AllowFormattingColumns: true } : {}),
        ...(protection.formatRows === true ? { AllowFormattingRows: true } : {}),
      },
    };
  return sheet;
}

/** Opens the file's bytes as a workbook named `name`, made the active workbook with its first visible sheet active. */
export async function openWorkbook(
  app: WpsApplication,
  bytes: Uint8Array,
  name = "台账.xlsx",
): Promise<WpsWorkbook> {
  const wb = await parseXlsx(bytes);
  const sheets = wb.worksheets.map(sheetOf);
  const data: BookData = {
    name,
    sheets,
    active: sheets.find((s) => s.visible === XL.sheetVisible) ?? sheets[0],
    structure: undefined,
    selection: undefined,
    date1904: (wb.properties as { date1904?: boolean }).date1904 === true,
    counters: { table: sheets.reduce((n, s) => n + s.tables.length, 0), chart: 0, sheet: sheets.length },
  };
  return app.Workbooks.open(data);
}

/** A file's sheets dumped as the host would hold them once opened, to compare with a workbook the host ends with. */
export async function dumpFile(bytes: Uint8Array): Promise<SheetDump[]> {
  return dumpWorkbook(await openWorkbook(new WpsApplication(), bytes));
}
