// 附表2 强制性清洁生产审核评估、验收档案材料清单 (Shanghai): the 22 items in their stages, and what a filled
// checklist says about the revision and archive deadlines of SPEC 3.

import { cellAddress } from "./address";
import { cellText } from "./cells";
import { parseDateInput, type DateSerial } from "./dates";
import { cellValue, type Grid } from "./grid";
import { issue, type Issue } from "./issues";
import type { ArchiveRecord } from "./status";

export const ARCHIVE_TITLE = "强制性清洁生产审核评估、验收档案材料清单";
/** Sheets named "附表2 <企业简称>" hold one enterprise's checklist. */
export const ARCHIVE_PREFIX = "附表2";

/** Which deadline a group of items answers. */
export type ArchiveGroup =
  "evaluationArchive" | "evaluationRevision" | "acceptanceArchive" | "acceptanceRevision";

export interface ArchiveItem {
  number: number;
  text: string;
  /** 阶段 and 项目名称 as the form prints them. */
  stage: string;
  project: string;
  group: ArchiveGroup;
  /** "（必要时）": filed only when needed, so a blank date does not hold the group open. */
  optional: boolean;
}

const item = (
  number: number,
  text: string,
  stage: string,
  project: string,
  group: ArchiveGroup,
): ArchiveItem => ({
  number,
  text,
  stage,
  project,
  group,
  optional: text.includes("（必要时）"),
});

const AFTER_EVALUATION = "现场评估后一个月内";
const AFTER_ACCEPTANCE = "现场验收后一个月内";

/**
 * The seed's table, item by item, in its groups: 阶段 "现场评估后一个月内" over items 1–12 and "现场验收后一个月内"
 * over 13–22; 项目名称 "评估后修改" over 11、评估报告终稿 and 12、验收申请表（盖章）, "验收" over 13–20 and "验收后修改"
 * over 21–22. Item 12 is filed within a month of the on-site evaluation, as its 阶段 says; it is not part of the
 * report's revision, so it counts toward the archive deadline, item 11 alone toward 评估后修改.
 */
export const ARCHIVE_ITEMS: readonly ArchiveItem[] = [
  item(1, "企业营业执照", AFTER_EVALUATION, "项目启动证明", "evaluationArchive"),
  item(2, "委托审核的技术服务合同", AFTER_EVALUATION, "项目启动证明", "evaluationArchive"),
  item(3, "审核工作计划（盖章）", AFTER_EVALUATION, "项目启动证明", "evaluationArchive"),
  item(4, "咨询服务机构基本情况表（盖章）", AFTER_EVALUATION, "项目启动证明", "evaluationArchive"),
  item(5, "评估申请表（盖章）", AFTER_EVALUATION, "评估", "evaluationArchive"),
  item(6, "评估会议签到表", AFTER_EVALUATION, "评估", "evaluationArchive"),
  item(7, "评估专家意见", AFTER_EVALUATION, "评估", "evaluationArchive"),
  item(8, "评估打分表", AFTER_EVALUATION, "评估", "evaluationArchive"),
  item(9, "评估专家意见单", AFTER_EVALUATION, "评估", "evaluationArchive"),
  item(10, "评估意见修改回复单", AFTER_EVALUATION, "评估", "evaluationArchive"),
  item(
    11,
    "评估报告终稿（企业和企业委托的审核机构盖章）",
    AFTER_EVALUATION,
    "评估后修改",
    "evaluationRevision",
  ),
  item(12, "验收申请表（盖章）", AFTER_EVALUATION, "评估后修改", "evaluationArchive"),
  item(13, "绩效表（盖章）", AFTER_ACCEPTANCE, "验收", "acceptanceArchive"),
  item(14, "企业自我声明（盖章）", AFTER_ACCEPTANCE, "验收", "acceptanceArchive"),
  item(15, "监测报告", AFTER_ACCEPTANCE, "验收", "acceptanceArchive"),
  item(16, "验收会议签到表", AFTER_ACCEPTANCE, "验收", "acceptanceArchive"),
  item(17, "验收专家意见", AFTER_ACCEPTANCE, "验收", "acceptanceArchive"),
  item(18, "验收打分表", AFTER_ACCEPTANCE, "验收", "acceptanceArchive"),
  item(19, "验收专家意见单", AFTER_ACCEPTANCE, "验收", "acceptanceArchive"),
  item(20, "项目财务审计报告（必要时）", AFTER_ACCEPTANCE, "验收", "acceptanceArchive"),
  item(21, "验收意见修改回复单", AFTER_ACCEPTANCE, "验收后修改", "acceptanceRevision"),
  item(
    22,
    "验收报告终稿（企业和企业委托的审核机构盖章）",
    AFTER_ACCEPTANCE,
    "验收后修改",
    "acceptanceRevision",
  ),
];

/** A group is done on the day its last required item was filed; null while any required item lacks a date. */
function groupDone(group: ArchiveGroup, dates: ReadonlyMap<number, DateSerial | null>): DateSerial | null {
  let last: DateSerial | null = null;
  for (const i of ARCHIVE_ITEMS) {
    if (i.group !== group) continue;
    const d = dates.get(i.number) ?? null;
    if (d === null) {
      if (i.optional) continue;
      return null;
    }
    last = last === null ? d : Math.max(last, d);
  }
  return last;
}

/** The dates a filled checklist gives for the status engine's revision and archive deadlines. */
export function archiveRecord(dates: ReadonlyMap<number, DateSerial | null>): ArchiveRecord {
  return {
    evaluationArchivedOn: groupDone("evaluationArchive", dates),
    evaluationRevisedOn: groupDone("evaluationRevision", dates),
    acceptanceArchivedOn: groupDone("acceptanceArchive", dates),
    acceptanceRevisedOn: groupDone("acceptanceRevision", dates),
  };
}

export interface ArchiveForm {
  sheet: string;
  enterprise: string;
  creditCode: string;
  dates: Map<number, DateSerial | null>;
  issues: Issue[];
}

/** Reads a 附表2 sheet (laid out by forms/archiveForm.ts) back: each item's filing date by its number; a bad date is an issue on its cell. */
export function readArchiveForm(grid: Grid): ArchiveForm | undefined {
  const at = (r: number, c: number) => cellText(cellValue(grid.rows[r]?.[c] ?? null));
  if (at(1, 0).replace(/\s+/g, "") !== ARCHIVE_TITLE) return undefined;
  const dates = new Map<number, DateSerial | null>();
  const issues: Issue[] = [];
  grid.rows.forEach((row, r) => {
    const m = /^(\d{1,2})、/.exec(cellText(cellValue(row[2] ?? null)));
    if (!m) return;
    const parsed = parseDateInput(cellValue(row[3] ?? null));
    if (parsed.ok) dates.set(Number(m[1]), parsed.value);
    else {
      dates.set(Number(m[1]), null);
      issues.push(
        issue(
          grid.sheet,
          cellAddress(r, 3),
          "error",
          "archive.date",
          `归档日期无法识别（单元格内容：“${at(r, 3)}”），请填写如 2026-03-05 的日期`,
        ),
      );
    }
  });
  return {
    sheet: grid.sheet,
    enterprise: at(2, 0)
      .replace(/^企业名称：/, "")
      .trim(),
    creditCode: at(2, 3)
      .replace(/^统一社会信用代码：/, "")
      .trim(),
    dates,
    issues,
  };
}
