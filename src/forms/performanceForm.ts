// 附件6 企业清洁生产审核绩效表 for one enterprise: 无低费方案 and 中高费方案 typed by the enterprise, 本轮清洁生产
// 全部方案 their sum by formula; and the reader that takes the figures back.

import { cellAddress, parseCellAddress, rangeAddress } from "../core/address";
import { cellText } from "../core/cells";
import { cellValue, type Grid } from "../core/grid";
import {
  PERFORMANCE_CATEGORIES,
  PERFORMANCE_NOTES,
  type PerformanceFigures,
  type PerformanceIndicator,
} from "../core/performance";
import { ENTERPRISE_SHEET_TITLES } from "./enterpriseFormTitles";
import { emptyLayout, formula, put, text, type LayoutValue, type SheetLayout } from "./layout";
import { shortName } from "./scoresheets";

export const PERFORMANCE_TITLE = ENTERPRISE_SHEET_TITLES.performance.title;

export function performanceSheetName(enterprise: string): string {
  return `${ENTERPRISE_SHEET_TITLES.performance.attachment} ${shortName(enterprise)}`;
}

const HEADER_ROW = 4;
const FIRST_ROW = 5;
const LINES = PERFORMANCE_CATEGORIES[0]!.lines.length;
const WIDTH = 13;
/** Columns of the first row's figures: 数量, 投资, 审核期间经济效益, 年度经济效益. */
const FIGURE_COLS = [1, 2, 3, 4] as const;
const PERIOD_VALUE = 6;
const ANNUAL_VALUE = 9;

const isIndicator = (
  l: (typeof PERFORMANCE_CATEGORIES)[number]["lines"][number],
): l is PerformanceIndicator => "period" in l;

/** The sheet row of category k's line i. */
const rowOf = (k: number, i: number) => FIRST_ROW + k * LINES + i;

export function performanceLayout(enterprise: string, name = performanceSheetName(enterprise)): SheetLayout {
  const layout = emptyLayout(name, { orientation: "landscape", fitToWidth: true, titleRows: [5, 5] });
  layout.columnWidths = [12, 7, 9, 11, 11, 24, 9, 5, 24, 9, 5, 22, 18];
  layout.protect = true;
  put(layout, 0, 0, text(ENTERPRISE_SHEET_TITLES.performance.attachment), "footer", 2);
  put(layout, 1, 0, text(PERFORMANCE_TITLE), "title", WIDTH);
  put(layout, 2, 0, text(`企业（章）${enterprise}`), "footer", 8);
  put(layout, 2, 8, text("填表日期："), "footer", 5);
  put(layout, 3, 0, text("实施本轮清洁生产时段"), "cellCenter", 2);
  put(layout, 3, 2, text("    年   月至    年   月"), "input", WIDTH - 2);
  layout.unlocked.push(cellAddress(3, 2));
  const header: [string, number][] = [
    ["方案类别", 1],
    ["数量", 1],
    ["投资（万元）", 1],
    ["审核期间经济效益[1]（万元）", 1],
    ["年度经济效益[1]（万元）", 1],
    ["审核期间效益", 3],
    ["折成年度效益", 3],
    ["年度经济效益核算的具体方法说明", 1],
    ["其他需要说明的具体情况", 1],
  ];
  let col = 0;
  for (const [label, span] of header) {
    put(layout, HEADER_ROW, col, text(label), "header", span);
    col += span;
  }
  layout.rowHeights[HEADER_ROW] = 42;

  PERFORMANCE_CATEGORIES.forEach((cat, k) => {
    const top = rowOf(k, 0);
    const bottom = rowOf(k, LINES - 1);
    put(layout, top, 0, text(cat.label), "cellCenter", 1, LINES);
    const sum = (c: number, r: number) => {
      const [a, b] = [cellAddress(rowOf(0, r - top), c), cellAddress(rowOf(1, r - top), c)];
      return formula(`IF(AND(ISBLANK(${a}),ISBLANK(${b})),"",N(${a})+N(${b}))`);
    };
    for (const c of FIGURE_COLS) {
      put(layout, top, c, cat.total ? sum(c, top) : null, cat.total ? "number" : "input", 1, LINES);
      if (!cat.total) layout.unlocked.push(cellAddress(top, c));
    }
    for (const c of [11, 12]) {
      put(layout, top, c, null, "input", 1, LINES);
      layout.unlocked.push(cellAddress(top, c));
    }
    cat.lines.forEach((line, i) => {
      const r = top + i;
      if (!isIndicator(line)) {
        put(layout, r, 5, text(line.section), "section", 6);
        return;
      }
      const value = (c: number): LayoutValue => (cat.total ? sum(c, r) : null);
      const style = cat.total ? "number" : "input";
      layout.blocks.push({ row: r, col: 5, values: [[text(`${line.period}：`)]], style: "cell" });
      layout.blocks.push({
        row: r,
        col: PERIOD_VALUE,
        values: [[value(PERIOD_VALUE)]],
        style,
        numberFormat: "0.###",
      });
      layout.blocks.push({ row: r, col: 7, values: [[text(line.unit)]], style: "cellCenter" });
      layout.blocks.push({ row: r, col: 8, values: [[text(`${line.annual}：`)]], style: "cell" });
      layout.blocks.push({
        row: r,
        col: ANNUAL_VALUE,
        values: [[value(ANNUAL_VALUE)]],
        style,
        numberFormat: "0.###",
      });
      layout.blocks.push({ row: r, col: 10, values: [[text(line.unit)]], style: "cellCenter" });
      if (!cat.total) layout.unlocked.push(cellAddress(r, PERIOD_VALUE), cellAddress(r, ANNUAL_VALUE));
    });
    if (!cat.total) {
      for (const range of [
        rangeAddress(top, 1, top, 4),
        rangeAddress(top, PERIOD_VALUE, bottom, PERIOD_VALUE),
        rangeAddress(top, ANNUAL_VALUE, bottom, ANNUAL_VALUE),
      ]) {
        const first = range.split(":")[0]!;
        layout.validations.push({
          range,
          rule: { kind: "custom", formula: `OR(${first}="",AND(ISNUMBER(${first}),${first}>=0))` },
          prompt: { title: "绩效", message: "填写数值（不小于 0）；没有的留空" },
          error: { title: "绩效", message: "请填写不小于 0 的数值" },
        });
      }
    }
  });
  let r = rowOf(PERFORMANCE_CATEGORIES.length, 0) + 1;
  for (const note of PERFORMANCE_NOTES) {
    put(layout, r, 0, text(note), "note", WIDTH);
    layout.rowHeights[r] = note.length > 90 ? 30 : 16;
    r++;
  }
  return layout;
}

/** Where category k's figures are, for the reader and the tests. */
export function performanceCells(k: number): { figures: string[]; period: string[]; annual: string[] } {
  const lines = PERFORMANCE_CATEGORIES[k]!.lines;
  const rows = lines.map((l, i) => (isIndicator(l) ? rowOf(k, i) : -1)).filter((r) => r >= 0);
  return {
    figures: FIGURE_COLS.map((c) => cellAddress(rowOf(k, 0), c)),
    period: rows.map((r) => cellAddress(r, PERIOD_VALUE)),
    annual: rows.map((r) => cellAddress(r, ANNUAL_VALUE)),
  };
}

/** Reads the three categories' figures back (formula cells by their last result). */
export function readPerformanceForm(grid: Grid): PerformanceFigures[] | undefined {
  if (cellText(cellValue(grid.rows[1]?.[0] ?? null)).replace(/\s+/g, "") !== PERFORMANCE_TITLE)
    return undefined;
  const num = (addr: string): number | null => {
    const { row, col } = parseCellAddress(addr)!;
    const v = cellValue(grid.rows[row]?.[col] ?? null);
    return typeof v === "number" ? v : null;
  };
  return PERFORMANCE_CATEGORIES.map((_, k) => {
    const c = performanceCells(k);
    const [count, investment, periodBenefit, annualBenefit] = c.figures.map(num);
    return {
      count: count!,
      investment: investment!,
      periodBenefit: periodBenefit!,
      annualBenefit: annualBenefit!,
      period: c.period.map(num),
      annual: c.annual.map(num),
    };
  });
}
