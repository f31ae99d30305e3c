// The municipal centre's sheets: the city-wide 附表3 and 名单调整表 with a 区 column, the counts by district,
// each file's verification and the dashboard — plain tables laid out like the forms (stampSheet.ts).

import { cellAddress, rangeAddress } from "../core/address";
import { quarterLabel, type Quarter } from "../core/dates";
import { EXCLUSION_LABELS, submissionLabel, type CityReport, type DistrictReport } from "../core/consolidate";
import { DEADLINE_LABELS, type Profile } from "../core/profiles";
import { STAGE_LABELS, STAGES } from "../core/status";
import { date, emptyLayout, num, put, text, type LayoutValue, type SheetLayout } from "./layout";
import { tableCell as cell, tableLayout } from "./stampSheet";
import { adjustmentHeaders, IMPLEMENTATION_HEADERS } from "./quarterlyForms";
import { annualLayout, annualSheetName } from "./yearReports";

export function cityImplementationLayout(report: CityReport, q: Quarter, profile: Profile): SheetLayout {
  const headers = [IMPLEMENTATION_HEADERS[0], "区", ...IMPLEMENTATION_HEADERS.slice(1)];
  const rows = report.districts.flatMap((d) =>
    d.implementation.map((r) => [
      text(d.district),
      text(r.name),
      date(r.publishedOn),
      date(r.dueOn),
      cell(r.consultant),
      cell(r.evaluation),
      cell(r.acceptance),
    ]),
  );
  return tableLayout(
    `${profile.implementationForm.attachment} 全市 ${report.quarter}`,
    `${profile.implementationForm.title}（全市汇总）`,
    `（${quarterLabel(q)}）`,
    headers,
    rows.map((r, i) => [num(i + 1), ...r]),
    [6, 12, 34, 13, 13, 30, 28, 28],
  );
}

export function cityAdjustmentLayout(report: CityReport, q: Quarter, profile: Profile): SheetLayout {
  const [seq, ...rest] = adjustmentHeaders(profile);
  const code = profile.adjustmentForm.hasEnterpriseCode;
  const rows = report.districts.flatMap((d) =>
    d.adjustments.map((r) => [
      text(d.district),
      text(r.name),
      ...(code ? [cell(r.creditCode)] : []),
      cell(r.change),
      cell(r.result),
      cell(r.evidence),
      cell(r.remarks),
    ]),
  );
  return tableLayout(
    `${profile.adjustmentForm.attachment} 全市 ${report.quarter}`,
    `${profile.adjustmentForm.title}（全市汇总）`,
    `（${quarterLabel(q)}）`,
    [seq!, "区", ...rest],
    rows.map((r, i) => [num(i + 1), ...r]),
    code ? [6, 12, 30, 22, 30, 14, 26, 20] : [6, 12, 32, 34, 14, 28, 22],
  );
}

/** 各区统计: enterprises by stage and overdue code, per district, with the city's totals. */
export function districtCountsLayout(report: CityReport): SheetLayout {
  const stages = STAGES;
  const codes = report.codes;
  const headers = [
    "区",
    ...stages.map((s) => STAGE_LABELS[s]),
    ...codes.map((c) => `${DEADLINE_LABELS[c]}逾期`),
    "计入的文件",
  ];
  const rows: LayoutValue[][] = report.districts.map((d) => [
    text(d.district),
    ...stages.map((s) => num(d.stages[s])),
    ...codes.map((c) => num(d.overdue[c])),
    text(d.file),
  ]);
  const total: LayoutValue[] = [
    text("全市合计"),
    ...stages.map((s) => num(report.districts.reduce((a, d) => a + d.stages[s], 0))),
    ...codes.map((c) => num(report.districts.reduce((a, d) => a + d.overdue[c], 0))),
    text(`${report.districts.length} 个区，每区一个文件`),
  ];
  return tableLayout(
    "各区统计",
    "各区强审企业阶段与逾期统计",
    `（${report.quarter}，季度末）`,
    headers,
    [...rows, total],
    [12, ...headers.slice(1, -1).map(() => 10), 28],
  );
}

const STATE_LABELS = { unchanged: "未改动", changed: "已改动", unstamped: "未报送盖章" } as const;

/**
 * 报送核验: each file, its district, its stamp, its verification, how it was submitted and whether it counts
 * (重复报送 or 季度不符 files with why); files that failed and districts missing.
 */
export function verificationLayout(report: CityReport): SheetLayout {
  const headers = ["文件", "区", "季度", "报送时间", "核验结果", "改动的工作表", "报送", "是否计入", "说明"];
  const fileRow = (d: DistrictReport, counted: string, why: string | undefined): LayoutValue[] => [
    text(d.file),
    text(d.district),
    cell(d.verification.stamp?.quarter),
    cell(d.verification.stamp?.stampedAt),
    text(STATE_LABELS[d.verification.state]),
    cell(d.verification.changedSheets.join("、")),
    text(submissionLabel(d)),
    text(counted),
    cell(why),
  ];
  const rows: LayoutValue[][] = [
    ...report.districts.map((d) => fileRow(d, "计入", undefined)),
    ...report.excluded.map((x) => fileRow(x.report, EXCLUSION_LABELS[x.exclusion], x.reason)),
    ...report.failed.map((f) => [
      text(f.file),
      null,
      null,
      null,
      text(`无法读取：${f.reason}`),
      null,
      null,
      text("未计入"),
      null,
    ]),
    ...report.missing.map((m) => [null, text(m), null, null, text("未报送"), null, null, null, null]),
  ];
  return tableLayout(
    "报送核验",
    "各区报送核验",
    `（${report.quarter}${report.dueOn ? `，报送截止 ${report.dueOn}` : ""}；每区计入一个文件）`,
    headers,
    rows,
    [30, 12, 10, 26, 14, 24, 8, 20, 40],
  );
}

export const DASHBOARD_SHEET = "统计看板";

/**
 * 统计看板: the stages of each district's enterprises and the city's overdue enterprises by type, as the
 * tables beside their two charts (a stacked column per district; a column per overdue type).
 */
export function dashboardLayout(report: CityReport): SheetLayout {
  const stageHeaders = ["区", ...STAGES.map((s) => STAGE_LABELS[s])];
  const width = stageHeaders.length;
  const layout = emptyLayout(DASHBOARD_SHEET, { orientation: "landscape", fitToWidth: true });
  layout.columnWidths = [12, ...STAGES.map(() => 9)];
  put(layout, 0, 0, text("强制性清洁生产审核统计看板"), "title", width);
  put(
    layout,
    1,
    0,
    text(`（${report.quarter}，季度末；${report.districts.length} 个区已读取）`),
    "subtitle",
    width,
  );
  layout.rowHeights[0] = 28;

  const top = 3;
  layout.blocks.push({ row: top, col: 0, values: [stageHeaders.map((h) => text(h))], style: "header" });
  const stageRows: LayoutValue[][] = report.districts.map((d) => [
    text(d.district),
    ...STAGES.map((s) => num(d.stages[s])),
  ]);
  if (stageRows.length > 0) layout.blocks.push({ row: top + 1, col: 0, values: stageRows, style: "cell" });
  const stageEnd = top + Math.max(1, stageRows.length);

  const overdueTop = stageEnd + 3;
  layout.blocks.push({
    row: overdueTop,
    col: 0,
    values: [[text("逾期类型"), text("企业数")]],
    style: "header",
  });
  const overdueRows: LayoutValue[][] = report.codes.map((c) => [
    text(DEADLINE_LABELS[c]),
    num(report.districts.reduce((a, d) => a + d.overdue[c], 0)),
  ]);
  layout.blocks.push({ row: overdueTop + 1, col: 0, values: overdueRows, style: "cell" });
  const overdueEnd = overdueTop + overdueRows.length;

  if (report.districts.length === 0) {
    put(layout, top + 1, 0, text("（无可读取的报送）"), "cellCenter", width);
    return layout;
  }
  const chartLeft = width + 1;
  const chartRight = width + 11;
  layout.charts = [
    {
      title: "各区企业阶段",
      type: "ColumnStacked",
      source: rangeAddress(top, 0, stageEnd, width - 1),
      seriesBy: "Columns",
      from: cellAddress(top, chartLeft),
      to: cellAddress(top + 20, chartRight),
    },
    {
      title: "各类逾期企业数",
      type: "ColumnClustered",
      source: rangeAddress(overdueTop, 0, overdueEnd, 1),
      seriesBy: "Columns",
      from: cellAddress(top + 22, chartLeft),
      to: cellAddress(top + 40, chartRight),
    },
  ];
  return layout;
}

/**
 * The centre's sheets for a quarter, in order: 统计看板 with its two charts, the verification of every file,
 * the counts per district, the city-wide 附表3 and 名单调整表, and the city's 年度统计 where asked.
 */
export function cityLayouts(report: CityReport, q: Quarter, profile: Profile): SheetLayout[] {
  return [
    dashboardLayout(report),
    verificationLayout(report),
    districtCountsLayout(report),
    cityImplementationLayout(report, q, profile),
    cityAdjustmentLayout(report, q, profile),
    ...(report.annual ? [cityAnnualLayout(report, report.annual, profile)] : []),
  ];
}

/** 年度统计 全市 2026: the counted districts' figures summed, naming each district's counted file. */
export function cityAnnualLayout(
  report: CityReport,
  annual: NonNullable<CityReport["annual"]>,
  profile: Profile,
): SheetLayout {
  const { figures, preparedOn } = annual;
  const files = report.districts.map((d) => `${d.district}（${d.file}）`).join("、");
  return annualLayout(
    figures,
    profile,
    { district: profile.region, preparer: "", preparedOn },
    annualSheetName(figures.year, "全市"),
    [`汇总 ${report.districts.length} 个区，每区计入一个文件：${files || "（无）"}`],
  );
}
