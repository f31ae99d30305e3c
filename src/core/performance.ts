// 附件6 企业清洁生产审核绩效表 as data: the three plan categories, the indicators of each with their units as
// the seed prints them, the rule that 本轮全部方案 = 无低费方案 + 中高费方案, where the form keeps its figures, and
// the reader that takes them back.

import { cellAddress, parseCellAddress } from "./address";
import { cellText } from "./cells";
import { cellValue, type Grid } from "./grid";
import { issue, type Issue } from "./issues";

export interface PerformanceIndicator {
  /** Label in the 审核期间效益 column, as printed for this category. */
  period: string;
  /** Label in the 折成年度效益 column. */
  annual: string;
  unit: string;
}

export type PerformanceLine = { section: string } | PerformanceIndicator;

export interface PerformanceCategory {
  label: string;
  lines: readonly PerformanceLine[];
  /** 本轮全部方案 is the sum of the other two. */
  total: boolean;
}

const POLLUTION = "（一）主要污染物产生量削减情况";
const RESOURCES = "（二）资源能源节约及经济效益情况";

/** The indicators; `marked` adds the footnote marks the seed prints in the first category only. */
function lines(marked: boolean): PerformanceLine[] {
  const m = (label: string, note: string) => (marked ? label.replace("减排", `${note}减排`) : label);
  const saving = (label: string) => (marked ? `${label}[4]` : label);
  const same = (label: string, unit = "吨"): PerformanceIndicator => ({ period: label, annual: label, unit });
  return [
    { section: POLLUTION },
    same("废水减排"),
    same(m("COD减排", "[2]")),
    same("氨氮减排"),
    same("总磷减排"),
    same(m("SO2减排", "[2]")),
    same("氮氧化物减排"),
    same("烟粉尘减排"),
    // The seed's 折成年度效益 column reads "一般固体废物产生量" in the second and third categories.
    {
      period: "减少一般固体废物产生量",
      annual: marked ? "减少一般固体废物产生量" : "一般固体废物产生量",
      unit: "吨",
    },
    same("减少危险废物产生量"),
    same("VOCs减排"),
    same(marked ? "其他污染物减排[3]" : "其他污染物减排"),
    { section: RESOURCES },
    same(saving("节水")),
    same(saving("节电"), "度"),
    same(saving("节煤")),
    same(saving("节油")),
    same(saving("节天然气"), "m3"),
    same("其他资源能源节约"),
  ];
}

export const PERFORMANCE_CATEGORIES: readonly PerformanceCategory[] = [
  { label: "无低费方案", lines: lines(true), total: false },
  { label: "中高费方案", lines: lines(false), total: false },
  { label: "本轮清洁生产全部方案", lines: lines(false), total: true },
];

export const PERFORMANCE_NOTES = [
  "[1]经济效益是指节能降耗的经济效益与削减污染物排放的经济效益的加和。其中，节能降耗的经济效益以当年12月底的当地市场价计算；削减污染物排放的经济效益是指因开展清洁生产审核、实施清洁生产方案而减少的排污费、末端治理设施、材料及其运行费等。",
  "[2]根据核查后确认的COD、SO2减排量数据。",
  "[3]根据企业情况补充，列出统计内容及数值。",
  "[4]应分别填写节电、节煤、节油和节天然气的直接节约量，无需折算。",
] as const;

/** One category's figures: 数量, 投资, 审核期间经济效益, 年度经济效益, then each indicator's two values. */
export interface PerformanceFigures {
  count: number | null;
  investment: number | null;
  periodBenefit: number | null;
  annualBenefit: number | null;
  period: (number | null)[];
  annual: (number | null)[];
}

const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/** 本轮清洁生产全部方案 = 无低费方案 + 中高费方案, figure by figure (blank only where both are blank). */
export function performanceTotal(low: PerformanceFigures, high: PerformanceFigures): PerformanceFigures {
  return {
    count: add(low.count, high.count),
    investment: add(low.investment, high.investment),
    periodBenefit: add(low.periodBenefit, high.periodBenefit),
    annualBenefit: add(low.annualBenefit, high.annualBenefit),
    period: low.period.map((v, i) => add(v, high.period[i] ?? null)),
    annual: low.annual.map((v, i) => add(v, high.annual[i] ?? null)),
  };
}

export const PERFORMANCE_TITLE = "企业清洁生产审核绩效表";
export const PERFORMANCE_PREFIX = "附件6";

/**
 * Where the form keeps things: its header row, the first category's first row, and the columns. 投资 and the two
 * 经济效益 stand each beside a cell 万元, as the seed prints the unit in the rows.
 */
export const PERFORMANCE_GRID = {
  headerRow: 4,
  firstRow: 5,
  /** 数量, 投资, 审核期间经济效益, 年度经济效益. */
  figureCols: [1, 2, 4, 6],
  /** The 万元 beside 投资 and the two 经济效益. */
  moneyUnitCols: [3, 5, 7],
  periodLabel: 8,
  periodValue: 9,
  periodUnit: 10,
  annualLabel: 11,
  annualValue: 12,
  annualUnit: 13,
  method: 14,
  other: 15,
  width: 16,
} as const;

const LINES = PERFORMANCE_CATEGORIES[0]!.lines.length;

export const isIndicator = (l: PerformanceLine): l is PerformanceIndicator => "period" in l;

/** The sheet row (0-based) of category k's line i. */
export const performanceRow = (k: number, i: number) => PERFORMANCE_GRID.firstRow + k * LINES + i;

/** Where category k's figures are. */
export function performanceCells(k: number): { figures: string[]; period: string[]; annual: string[] } {
  const lines = PERFORMANCE_CATEGORIES[k]!.lines;
  const rows = lines.map((l, i) => (isIndicator(l) ? performanceRow(k, i) : -1)).filter((r) => r >= 0);
  return {
    figures: PERFORMANCE_GRID.figureCols.map((c) => cellAddress(performanceRow(k, 0), c)),
    period: rows.map((r) => cellAddress(r, PERFORMANCE_GRID.periodValue)),
    annual: rows.map((r) => cellAddress(r, PERFORMANCE_GRID.annualValue)),
  };
}

/**
 * Reads the three categories' figures back (formula cells by their last result), and names every figure the
 * enterprise typed that is not a number: the form's sum leaves it out, so the total would be wrong unseen.
 * Undefined when the sheet is not a 绩效表.
 */
export function readPerformanceForm(
  grid: Grid,
): { figures: PerformanceFigures[]; issues: Issue[] } | undefined {
  if (cellText(cellValue(grid.rows[1]?.[0] ?? null)).replace(/\s+/g, "") !== PERFORMANCE_TITLE)
    return undefined;
  const issues: Issue[] = [];
  const num = (addr: string, typed: boolean): number | null => {
    const { row, col } = parseCellAddress(addr)!;
    const v = cellValue(grid.rows[row]?.[col] ?? null);
    if (typeof v === "number") return v;
    if (typed && v !== null && v !== undefined && cellText(v).trim() !== "")
      issues.push(
        issue(
          grid.sheet,
          addr,
          "error",
          "performance.notNumber",
          `${addr} 的“${cellText(v)}”不是数值，表中的合计未计入它：请填写数字（单位见表中）`,
        ),
      );
    return null;
  };
  const figures = PERFORMANCE_CATEGORIES.map((cat, k) => {
    const c = performanceCells(k);
    const typed = !cat.total;
    const [count, investment, periodBenefit, annualBenefit] = c.figures.map((a) => num(a, typed));
    return {
      count: count!,
      investment: investment!,
      periodBenefit: periodBenefit!,
      annualBenefit: annualBenefit!,
      period: c.period.map((a) => num(a, typed)),
      annual: c.annual.map((a) => num(a, typed)),
    };
  });
  return { figures, issues };
}
