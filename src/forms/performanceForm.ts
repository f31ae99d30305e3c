// 附件6 企业清洁生产审核绩效表 for one enterprise: 无低费方案 and 中高费方案 typed by the enterprise, 本轮清洁生产
// 全部方案 their sum by formula; and the reader that takes the figures back.

import { cellAddress, rangeAddress } from "../core/address";
import {
  isIndicator,
  PERFORMANCE_CATEGORIES,
  PERFORMANCE_GRID as G,
  PERFORMANCE_NOTES,
  PERFORMANCE_PREFIX,
  PERFORMANCE_TITLE,
  performanceRow as rowOf,
} from "../core/performance";
import { emptyLayout, formula, put, text, type LayoutValue, type SheetLayout } from "./layout";
import { shortName } from "./scoresheets";

export function performanceSheetName(enterprise: string): string {
  return `${PERFORMANCE_PREFIX} ${shortName(enterprise)}`;
}

const LINES = PERFORMANCE_CATEGORIES[0]!.lines.length;

export function performanceLayout(enterprise: string, name = performanceSheetName(enterprise)): SheetLayout {
  const layout = emptyLayout(name, { orientation: "landscape", fitToWidth: true, titleRows: [5, 5] });
  layout.columnWidths = [12, 7, 9, 5, 11, 5, 11, 5, 24, 9, 5, 24, 9, 5, 22, 18];
  const WIDTH = G.width;
  const HEADER_ROW = G.headerRow;
  layout.protect = true;
  put(layout, 0, 0, text(PERFORMANCE_PREFIX), "footer", 2);
  put(layout, 1, 0, text(PERFORMANCE_TITLE), "title", WIDTH);
  put(layout, 2, 0, text(`企业（章）${enterprise}`), "footer", 11);
  put(layout, 2, 11, text("填表日期："), "footer", 5);
  put(layout, 3, 0, text("实施本轮清洁生产时段"), "cellCenter", 2);
  put(layout, 3, 2, text("    年   月至    年   月"), "input", WIDTH - 2);
  layout.unlocked.push(cellAddress(3, 2));
  // The seed's headers carry no unit: 万元 stands in the rows, beside each money figure.
  const header: [string, number][] = [
    ["方案类别", 1],
    ["数量", 1],
    ["投资", 2],
    ["审核期间经济效益[1]", 2],
    ["年度经济效益[1]", 2],
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
    for (const c of G.figureCols) {
      put(layout, top, c, cat.total ? sum(c, top) : null, cat.total ? "number" : "input", 1, LINES);
      if (!cat.total) layout.unlocked.push(cellAddress(top, c));
    }
    for (const c of G.moneyUnitCols) put(layout, top, c, text("万元"), "cellCenter", 1, LINES);
    for (const c of [G.method, G.other]) {
      put(layout, top, c, null, "input", 1, LINES);
      layout.unlocked.push(cellAddress(top, c));
    }
    cat.lines.forEach((line, i) => {
      const r = top + i;
      if (!isIndicator(line)) {
        put(layout, r, G.periodLabel, text(line.section), "section", 6);
        return;
      }
      const value = (c: number): LayoutValue => (cat.total ? sum(c, r) : null);
      const style = cat.total ? "number" : "input";
      layout.blocks.push({ row: r, col: G.periodLabel, values: [[text(`${line.period}：`)]], style: "cell" });
      layout.blocks.push({
        row: r,
        col: G.periodValue,
        values: [[value(G.periodValue)]],
        style,
        numberFormat: "0.###",
      });
      layout.blocks.push({ row: r, col: G.periodUnit, values: [[text(line.unit)]], style: "cellCenter" });
      layout.blocks.push({ row: r, col: G.annualLabel, values: [[text(`${line.annual}：`)]], style: "cell" });
      layout.blocks.push({
        row: r,
        col: G.annualValue,
        values: [[value(G.annualValue)]],
        style,
        numberFormat: "0.###",
      });
      layout.blocks.push({ row: r, col: G.annualUnit, values: [[text(line.unit)]], style: "cellCenter" });
      if (!cat.total) layout.unlocked.push(cellAddress(r, G.periodValue), cellAddress(r, G.annualValue));
    });
    if (!cat.total) {
      for (const range of [
        ...G.figureCols.map((c) => rangeAddress(top, c, top, c)),
        rangeAddress(top, G.periodValue, bottom, G.periodValue),
        rangeAddress(top, G.annualValue, bottom, G.annualValue),
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
