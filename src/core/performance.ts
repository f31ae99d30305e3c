// 附件6 企业清洁生产审核绩效表 as data: the three plan categories, the indicators of each with their units as
// the seed prints them, and the rule that 本轮全部方案 = 无低费方案 + 中高费方案.

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
