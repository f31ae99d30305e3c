// The year's reports as printable sheets: 年度统计 (the figures of a year's summary) and Guangxi's 验收结果名单
// (三、(八): the 合格 and 不合格 enterprises of a period), laid out like the seeds' tables — title, period line,
// 填报单位, the table, the seal, 填报人 and 填报时间 lines.

import type { AcceptanceList, AcceptedEnterprise } from "../core/acceptanceList";
import type { AnnualCounts, AnnualFigures } from "../core/annual";
import { formatIsoDate, type DateSerial } from "../core/dates";
import { DEADLINE_LABELS, type DeadlineCode, type Profile } from "../core/profiles";
import { ACCEPTANCE_RESULTS, AUDIT_TYPES, EVALUATION_RESULTS } from "../core/register";
import { date, emptyLayout, num, put, text, TEXT_FORMAT, type LayoutValue, type SheetLayout } from "./layout";
import { chineseDate, footer, type FormParty } from "./quarterlyForms";

export const ANNUAL_TITLE = "强制性清洁生产审核年度统计";
export const ACCEPTANCE_LIST_TITLE = "清洁生产审核验收结果名单";

export function annualSheetName(year: number, scope = ""): string {
  return scope ? `年度统计 ${scope} ${year}` : `年度统计 ${year}`;
}

/** 验收结果名单 20260101至20261231 */
export function acceptanceListSheetName(from: DateSerial, to: DateSerial): string {
  const compact = (d: DateSerial) => formatIsoDate(d).replaceAll("-", "");
  return `验收结果名单 ${compact(from)}至${compact(to)}`;
}

/** The table's lines: a group label, the item, and how to read its figure from a set of rounds. */
function annualLines(codes: readonly DeadlineCode[], adjustments: readonly string[]) {
  type Line = [string, string, (c: AnnualCounts) => number];
  const lines: Line[] = [
    ["列入名单", "合计", (c) => c.listed.total],
    ...AUDIT_TYPES.map((t): Line => ["列入名单", `其中：${t}`, (c) => c.listed.byType[t]]),
    ["审核启动", "已启动审核", (c) => c.started],
    ...EVALUATION_RESULTS.map((r): Line => ["审核评估", `评估${r}`, (c) => c.evaluated[r]]),
    ...ACCEPTANCE_RESULTS.map((r): Line => ["审核验收", `验收${r}`, (c) => c.accepted[r]]),
    ["尚未完成", "未验收合格且未撤销、终止", (c) => c.open],
    ...codes.map((code): Line => ["逾期", `${DEADLINE_LABELS[code]}逾期`, (c) => c.overdueByAct[code] ?? 0]),
    ...adjustments.map((a): Line => ["名单调整", a, (c) => c.adjustments[a] ?? 0]),
  ];
  return lines;
}

/** How the figures are counted, printed under the table. */
const ANNUAL_NOTES = [
  "注1：本年度列入按名单年度统计（未填名单年度的按名单公布时间的年份）；审核类型有多项的，分别计入各项。",
  "注2：启动、评估、验收按统计日及以前的日期计；评估结果、验收结果以得分为准，未填得分的按填写的结果。",
  "注3：逾期按统计日台账“逾期情况”计，已逾期完成的仍计入；名单调整按名单调整记录的调整结果计：本年度一栏为本年度的调整记录，尚未完成一栏为各轮公布以来的调整记录。",
];

/**
 * 年度统计 for a year: A4 portrait, one page wide; the year's rounds beside every round still open. `summary`
 * lines (the centre's: which district's file was summed) stand under the notes.
 */
export function annualLayout(
  figures: AnnualFigures,
  profile: Profile,
  party: FormParty,
  name = annualSheetName(figures.year),
  summary: readonly string[] = [],
): SheetLayout {
  const width = 4;
  const layout = emptyLayout(name, { orientation: "portrait", fitToWidth: true, titleRows: [4, 4] });
  layout.columnWidths = [12, 30, 18, 18];
  put(layout, 0, 0, text(ANNUAL_TITLE), "title", width);
  put(layout, 1, 0, text(`（${figures.year}年度，统计至${chineseDate(figures.asOf)}）`), "subtitle", width);
  put(layout, 2, 0, text(`填报单位：${party.district}`), "footer", width);
  layout.rowHeights[0] = 28;
  const headers = ["类别", "项目", `本年度列入\n（${figures.year}年）`, "尚未完成的各轮\n（各年度）"];
  layout.blocks.push({ row: 3, col: 0, values: [headers.map((h) => text(h))], style: "header" });
  layout.rowHeights[3] = 32;
  const lines = annualLines(
    Object.keys(figures.overdueByAct) as DeadlineCode[],
    profile.adjustmentOptions.map((o) => o.label),
  );
  const top = 4;
  layout.blocks.push({
    row: top,
    col: 1,
    values: lines.map(([, item]) => [text(item)]),
    style: "cell",
  });
  layout.blocks.push({
    row: top,
    col: 2,
    values: lines.map(([, , read]) => [num(read(figures)), num(read(figures.openRounds))]),
    style: "number",
  });
  // Each group's label, merged down its lines.
  let start = 0;
  lines.forEach(([group], i) => {
    if (i + 1 < lines.length && lines[i + 1]![0] === group) return;
    put(layout, top + start, 0, text(group), "cellCenter", 1, i - start + 1);
    start = i + 1;
  });
  let row = top + lines.length + 1;
  for (const note of [...ANNUAL_NOTES, ...summary]) {
    put(layout, row, 0, text(note), "note", width);
    row++;
  }
  footer(layout, row + 1, profile.adjustmentForm.footer, party, width);
  return layout;
}

const LIST_HEADERS = ["序号", "企业名称", "企业代码", "所属区", "验收时间", "验收得分", "验收结果"] as const;

/** One of the list's two tables at `top`: its heading, header row and rows; the row after it. */
function listTable(
  layout: SheetLayout,
  top: number,
  heading: string,
  entries: readonly AcceptedEnterprise[],
) {
  const width = LIST_HEADERS.length;
  put(layout, top, 0, text(heading), "section", width);
  layout.blocks.push({ row: top + 1, col: 0, values: [LIST_HEADERS.map((h) => text(h))], style: "header" });
  const body = top + 2;
  if (entries.length === 0) {
    put(layout, body, 0, text("（无）"), "cellCenter", width);
    return body + 1;
  }
  const col = (f: (e: AcceptedEnterprise, i: number) => LayoutValue) => entries.map((e, i) => [f(e, i)]);
  layout.blocks.push({ row: body, col: 0, values: col((_, i) => num(i + 1)), style: "number" });
  layout.blocks.push({ row: body, col: 1, values: col((e) => text(e.name)), style: "cell" });
  layout.blocks.push({
    row: body,
    col: 2,
    values: col((e) => (e.creditCode ? text(e.creditCode) : null)),
    style: "cell",
    numberFormat: TEXT_FORMAT,
  });
  layout.blocks.push({
    row: body,
    col: 3,
    values: col((e) => (e.district ? text(e.district) : null)),
    style: "cellCenter",
  });
  layout.blocks.push({
    row: body,
    col: 4,
    values: col((e) => date(e.acceptedOn)),
    style: "cellCenter",
  });
  layout.blocks.push({
    row: body,
    col: 5,
    values: col((e) => (e.score === null ? null : num(e.score))),
    style: "number",
    numberFormat: "0.0",
  });
  layout.blocks.push({ row: body, col: 6, values: col((e) => text(e.result)), style: "cellCenter" });
  return body + entries.length;
}

/** 验收结果名单 for a period: the 合格 table, then the 不合格 table; A4 landscape, one page wide. */
export function acceptanceListLayout(
  list: AcceptanceList,
  profile: Profile,
  party: FormParty,
  name = acceptanceListSheetName(list.from, list.to),
): SheetLayout {
  const width = LIST_HEADERS.length;
  const layout = emptyLayout(name, { orientation: "landscape", fitToWidth: true });
  layout.columnWidths = [6, 36, 25, 12, 16, 10, 10];
  put(layout, 0, 0, text(ACCEPTANCE_LIST_TITLE), "title", width);
  put(layout, 1, 0, text(`（${chineseDate(list.from)}至${chineseDate(list.to)}）`), "subtitle", width);
  put(layout, 2, 0, text(`填报单位：${party.district}`), "footer", width);
  layout.rowHeights[0] = 28;
  let row = listTable(layout, 4, `一、验收“合格”企业名单（${list.passed.length}家）`, list.passed);
  row = listTable(layout, row + 1, `二、验收“不合格”企业名单（${list.failed.length}家）`, list.failed);
  if (list.undecided.length > 0) {
    const names = list.undecided.map((u) => `${u.name}（第${u.row}行）`).join("、");
    put(
      layout,
      row + 1,
      0,
      text(`注：下列企业验收时间在本期间内，但台账未填验收得分或验收结果，未列入：${names}`),
      "note",
      width,
    );
    row += 2;
  }
  footer(layout, row + 2, profile.adjustmentForm.footer, party, width);
  return layout;
}
