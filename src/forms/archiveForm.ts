// 附表2 档案材料清单 for one enterprise as a sheet: each item with its filing date (typed by the district),
// its deadline (one month after the on-site evaluation or acceptance) and a status computed by formula.
// core/archive.ts reads the dates back.

import { cellAddress } from "../core/address";
import { ARCHIVE_ITEMS, ARCHIVE_PREFIX, ARCHIVE_TITLE, type ArchiveGroup } from "../core/archive";
import type { DateSerial } from "../core/dates";
import { archiveDeadline, revisionDeadline } from "../core/deadlines";
import type { Profile } from "../core/profiles";
import type { RegisterRow } from "../core/register";
import { date, emptyLayout, formula, put, text, type SheetLayout } from "./layout";
import { shortName } from "./scoresheets";

export function archiveSheetName(enterprise: string): string {
  return `${ARCHIVE_PREFIX} ${shortName(enterprise)}`;
}

function dueOf(group: ArchiveGroup, row: RegisterRow, profile: Profile): DateSerial | null {
  const after = group.startsWith("evaluation") ? row.evaluatedOn : row.acceptedOn;
  if (after === null) return null;
  return group.endsWith("Revision") ? revisionDeadline(after, profile) : archiveDeadline(after, profile);
}

const FIRST_ITEM_ROW = 4;

export function archiveLayout(
  row: RegisterRow,
  profile: Profile,
  name = archiveSheetName(row.name),
): SheetLayout {
  const layout = emptyLayout(name, { orientation: "portrait", fitToWidth: true, titleRows: [4, 4] });
  layout.columnWidths = [14, 14, 44, 13, 13, 12];
  layout.protect = true;
  put(layout, 0, 0, text(ARCHIVE_PREFIX), "footer", 2);
  put(layout, 1, 0, text(ARCHIVE_TITLE), "title", 6);
  put(layout, 2, 0, text(`企业名称：${row.name}`), "footer", 3);
  put(layout, 2, 3, text(`统一社会信用代码：${row.creditCode}`), "footer", 3);
  layout.blocks.push({
    row: 3,
    col: 0,
    values: [["阶段", "项目名称", "备案资料", "归档日期", "归档期限", "状态"].map((h) => text(h))],
    style: "header",
  });
  // 阶段 and 项目名称 merge over their runs of items, as on the form.
  for (const col of [0, 1] as const) {
    let start = 0;
    ARCHIVE_ITEMS.forEach((it, i) => {
      const label = col === 0 ? it.stage : it.project;
      const next = ARCHIVE_ITEMS[i + 1];
      if (next && (col === 0 ? next.stage : next.project) === label) return;
      put(layout, FIRST_ITEM_ROW + start, col, text(label), "cellCenter", 1, i - start + 1);
      start = i + 1;
    });
  }
  ARCHIVE_ITEMS.forEach((it, i) => {
    const r = FIRST_ITEM_ROW + i;
    const [filed, due] = [cellAddress(r, 3), cellAddress(r, 4)];
    layout.blocks.push({ row: r, col: 2, values: [[text(`${it.number}、${it.text}`)]], style: "cell" });
    layout.blocks.push({ row: r, col: 3, values: [[null]], style: "input", numberFormat: "yyyy-mm-dd" });
    layout.blocks.push({
      row: r,
      col: 4,
      values: [[date(dueOf(it.group, row, profile))]],
      style: "cellCenter",
    });
    layout.blocks.push({
      row: r,
      col: 5,
      // An item filed only when needed is never overdue while blank.
      values: [
        [
          formula(
            it.optional
              ? `IF(OR(${due}="",${filed}=""),"",IF(${filed}>${due},"逾期归档","已归档"))`
              : `IF(${due}="","",IF(${filed}="",IF(TODAY()>${due},"逾期未归档","待归档"),IF(${filed}>${due},"逾期归档","已归档")))`,
          ),
        ],
      ],
      style: "cellCenter",
    });
    layout.unlocked.push(filed);
  });
  const last = FIRST_ITEM_ROW + ARCHIVE_ITEMS.length;
  layout.validations.push({
    range: `D${FIRST_ITEM_ROW + 1}:D${last}`,
    rule: { kind: "custom", formula: `OR(D${FIRST_ITEM_ROW + 1}="",ISNUMBER(D${FIRST_ITEM_ROW + 1}))` },
    prompt: { title: "归档日期", message: "材料归档的日期，如 2026-03-05；未归档留空" },
    error: { title: "归档日期", message: "请填写日期，如 2026-03-05" },
  });
  return layout;
}
