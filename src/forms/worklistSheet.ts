// 督办清单 as a printable sheet: A4 landscape, one page wide, the header row on every page, the district and
// the date under the title.

import { formatIsoDate, type DateSerial } from "../core/dates";
import { dueText, type Worklist } from "../core/worklist";
import { date, emptyLayout, num, put, text, type LayoutValue, type SheetLayout } from "./layout";
import { chineseDate } from "./quarterlyForms";

export const WORKLIST_TITLE = "督办清单";

export const WORKLIST_HEADERS = [
  "序号",
  "企业名称",
  "统一社会信用代码",
  "名单年度",
  "事项",
  "期限",
  "逾期或剩余天数",
  "联系人",
  "联系电话",
  "依据",
] as const;

/** `督办清单 2026-12-06` */
export function worklistSheetName(asOf: DateSerial): string {
  return `${WORKLIST_TITLE} ${formatIsoDate(asOf)}`;
}

export function worklistLayout(list: Worklist, district: string): SheetLayout {
  const width = WORKLIST_HEADERS.length;
  const layout = emptyLayout(worklistSheetName(list.asOf), {
    orientation: "landscape",
    fitToWidth: true,
    titleRows: [3, 3],
  });
  layout.columnWidths = [6, 30, 21, 9, 11, 12, 14, 10, 15, 48];
  put(layout, 0, 0, text(WORKLIST_TITLE), "title", width);
  const overdue = list.items.filter((i) => i.overdueDays !== null).length;
  put(
    layout,
    1,
    0,
    text(
      `${district === "" ? "" : `${district}　`}统计日：${chineseDate(list.asOf)}　逾期 ${overdue} 项，${list.within} 日内到期 ${list.items.length - overdue} 项`,
    ),
    "subtitle",
    width,
  );
  layout.blocks.push({ row: 2, col: 0, values: [WORKLIST_HEADERS.map((h) => text(h))], style: "header" });
  layout.rowHeights[0] = 28;
  layout.rowHeights[2] = 30;
  layout.freezeRows = 3;
  const body: LayoutValue[][] = list.items.map((item, i) => [
    num(i + 1),
    text(item.name),
    text(item.creditCode),
    item.listYear === null ? null : num(item.listYear),
    text(item.label),
    date(item.deadline),
    text(dueText(item)),
    item.contact === "" ? null : text(item.contact),
    item.phone === "" ? null : text(item.phone),
    text(item.basis),
  ]);
  const part = (from: number, to: number) => body.map((r) => r.slice(from, to));
  layout.blocks.push({ row: 3, col: 0, values: part(0, 1), style: "number" });
  layout.blocks.push({ row: 3, col: 1, values: part(1, 2), style: "cell" });
  layout.blocks.push({ row: 3, col: 2, values: part(2, 7), style: "cellCenter" });
  layout.blocks.push({ row: 3, col: 7, values: part(7, 9), style: "cellCenter" });
  layout.blocks.push({ row: 3, col: 9, values: part(9, 10), style: "cell" });
  return layout;
}
