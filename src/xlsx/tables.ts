// The ExcelJS writer of the register and log sheets (forms/registerSheet.ts): an Excel table with date
// formats and drop-downs, and the computed status columns.

import type ExcelJS from "exceljs";
import { columnLetters } from "../core/address";
import { utcDateFromSerial, type DateSerial } from "../core/dates";
import { REST_DAY_KINDS, REST_DAY_LAYOUT, settingChoices } from "../core/settings";
import type { ColumnRule, TableSheetSpec } from "../forms/registerSheet";
import { DATE_FORMAT } from "../forms/layout";
import { OVERDUE_FILL, OVERDUE_FONT } from "../forms/statusColumns";

export const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

export type TableValue = string | number | DateSerialValue | null;
/** A date, kept apart from plain numbers so it is written as an Excel date. */
export interface DateSerialValue {
  date: DateSerial;
}

const HEADER_FILL = "FFDDEBF7";
const COMPUTED_FILL = "FFF2F2F2";
/** Rows below the data that still get the drop-downs, so new entries typed under the table are checked too. */
const SPARE_ROWS = 500;

function cellValue(v: TableValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object") return utcDateFromSerial(v.date);
  return v;
}

function validation(rule: ColumnRule): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: "填写提示",
    prompt: rule.prompt,
    showErrorMessage: true,
  };
  switch (rule.kind) {
    case "list":
      return {
        ...common,
        type: "list",
        formulae: [`"${rule.options.join(",")}"`],
        errorStyle: rule.strict ? "stop" : "warning",
        errorTitle: "不在可选范围内",
        error: `请从下拉列表中选择：${rule.options.join("、")}`,
      };
    case "decimal":
      return {
        ...common,
        type: "decimal",
        operator: "between",
        formulae: [rule.min, rule.max],
        errorStyle: "stop",
        errorTitle: "数值超出范围",
        error: `请输入 ${rule.min} 到 ${rule.max} 之间的数字`,
      };
    case "computed":
      return {
        ...common,
        type: "custom",
        formulae: ["FALSE"],
        errorStyle: "stop",
        errorTitle: "计算列",
        error: rule.prompt,
      };
    case "date":
      return {
        ...common,
        type: "date",
        operator: "between",
        formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        errorStyle: "stop",
        errorTitle: "日期无效",
        error: "请输入有效日期，如 2026-03-05",
      };
  }
}

/** ExcelJS keeps range validations in `worksheet.dataValidations`, which its typings omit. */
function rangeValidations(ws: ExcelJS.Worksheet): { add(range: string, rule: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
}

/** Adds a sheet holding `spec` as an Excel table with `rows` (at least one blank row, as Excel needs). */
export function writeTableSheet(
  wb: ExcelJS.Workbook,
  spec: TableSheetSpec,
  rows: TableValue[][],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  const body = rows.length > 0 ? rows : [spec.columns.map(() => null)];
  ws.addTable({
    name: spec.tableName,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: spec.columns.map((c) => ({ name: c.label, filterButton: true })),
    rows: body.map((r) => spec.columns.map((_, i) => cellValue(r[i] ?? null))),
  });
  const lastRow = body.length + 1;
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    // The column's own format, so a value typed in any row below the table gets it too ("@" keeps an
    // all-digit 统一社会信用代码 as typed).
    if (c.numberFormat) col.numFmt = c.numberFormat;
    const letter = columnLetters(i);
    const header = ws.getCell(`${letter}1`);
    header.font = { bold: true };
    header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    header.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: c.computed ? COMPUTED_FILL : HEADER_FILL },
    };
    for (let r = 2; r <= lastRow; r++) {
      const cell = ws.getCell(`${letter}${r}`);
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.computed) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: COMPUTED_FILL } };
    }
    if (c.rule) rangeValidations(ws).add(`${letter}2:${letter}${lastRow + SPARE_ROWS}`, validation(c.rule));
  });
  if (spec.highlightColumn !== undefined) {
    const col = columnLetters(spec.columns.findIndex((c) => c.label === spec.highlightColumn));
    ws.addConditionalFormatting({
      ref: `A2:${columnLetters(spec.columns.length - 1)}${lastRow + SPARE_ROWS}`,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [`LEN($${col}2)>0`],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(OVERDUE_FILL) } },
            font: { color: { argb: argb(OVERDUE_FONT) } },
          },
        },
      ],
    });
  }
  ws.getRow(1).height = 30;
  return ws;
}

/** 强审设置: [设置项, 值, 说明] rows, the values the user may change unlocked and with drop-downs. */
export function writeSettingsSheet(
  wb: ExcelJS.Workbook,
  sheet: string,
  rows: readonly [string, string, string][],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet);
  ws.columns = [{ width: 20 }, { width: 26 }, { width: 80 }];
  ws.addRow(["设置项", "值", "说明"]).eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  });
  for (const [key, value, note] of rows) {
    const row = ws.addRow([key, value, note]);
    row.getCell(3).alignment = { wrapText: true, vertical: "top" };
    const choices = settingChoices(key);
    if (choices) {
      row.getCell(2).dataValidation = {
        type: "list",
        allowBlank: false,
        formulae: [`"${choices.join(",")}"`],
        showErrorMessage: true,
        errorTitle: "不在可选范围内",
        error: `请选择：${choices.join("、")}`,
      };
    }
  }
  writeRestDayTable(ws);
  return ws;
}

/** The empty 休息日调整 table beside the settings: its title, headers, and rows ready for dates and types. */
function writeRestDayTable(ws: ExcelJS.Worksheet): void {
  const { col, titleRow, headerRow, spareRows, title, headers } = REST_DAY_LAYOUT;
  [14, 10, 40].forEach((width, i) => (ws.getColumn(col + 1 + i).width = width));
  ws.getCell(titleRow + 1, col + 1).value = title;
  ws.getCell(titleRow + 1, col + 1).font = { bold: true };
  headers.forEach((label, i) => {
    const c = ws.getCell(headerRow + 1, col + 1 + i);
    c.value = label;
    c.font = { bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  });
  for (let r = headerRow + 2; r <= headerRow + 1 + spareRows; r++) {
    ws.getCell(r, col + 1).numFmt = DATE_FORMAT;
    ws.getCell(r, col + 2).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${REST_DAY_KINDS.join(",")}"`],
      showErrorMessage: true,
      errorTitle: "不在可选范围内",
      error: `请选择：${REST_DAY_KINDS.join("、")}`,
    };
    ws.getCell(r, col + 3).numFmt = "@";
  }
}
