// 书面通知 and 督办通知 as data: the bureau's letter to one enterprise — title, addressee, body paragraphs, the
// bureau's name and date at the foot, the contact line. The facts (names, acts, dates, basis) come from the
// register; the wording is the profile's default or the district's own template from 强审设置. A writer
// (src/docx) lays the letters out as Chinese official letters, one per page.

import type { DateSerial } from "../core/dates";
import type { Profile } from "../core/profiles";
import { matchEnterprise, type RegisterRow } from "../core/register";
import type { RowStatus } from "../core/status";
import type { LoadedWorkbook } from "../core/workbook";
import { actBasisClause, dueText, type Worklist, type WorklistItem } from "../core/worklist";
import { chineseDate } from "./quarterlyForms";

export type LetterKind = "notice" | "reminder";

export const LETTER_TITLES: Record<LetterKind, string> = {
  notice: "关于开展强制性清洁生产审核的通知",
  reminder: "关于督促开展强制性清洁生产审核的通知",
};

export interface Letter {
  kind: LetterKind;
  /** The enterprise written to, as the register names it. */
  enterprise: string;
  title: string;
  /** 主送机关: "上海某某化工有限公司：" */
  addressee: string;
  /** Body paragraphs, each indented two characters. */
  paragraphs: string[];
  /** 发文机关署名 */
  signer: string;
  /** 成文日期 */
  date: string;
  /** 附注: "（联系人：张三，联系电话：021-12345678）" */
  note: string;
}

/** Who writes, and how: from 强审设置. */
export interface LetterParty {
  /** 填报单位, the bureau that signs. */
  district: string;
  /** 联系人 of the bureau (强审设置 填报人). */
  contact: string;
  /** 联系电话 of the bureau. */
  phone: string;
  /** The day the letters are dated. */
  date: DateSerial;
  /** The district's own wording (强审设置 书面通知模板 / 督办通知模板); blank: the default. */
  template: string;
}

/** What a notice asks the enterprise to do by each deadline, in the order of the audit. */
const NOTICE_ACTS = [
  ["disclosure", "公布企业相关信息"],
  ["start", "启动开展清洁生产审核"],
  ["evaluation", "完成本轮清洁生产审核并提出评估申请"],
  ["acceptance", "通过清洁生产审核验收"],
] as const;

/** The placeholders a district's template may use. */
export const LETTER_PLACEHOLDERS = [
  "企业名称",
  "名单年度",
  "名单公布时间",
  "期限列表",
  "统计日",
  "发文机关",
  "依据文件",
  "逾期情况",
] as const;
type Placeholder = (typeof LETTER_PLACEHOLDERS)[number];

const DEFAULT_TEMPLATES: Record<LetterKind, string> = {
  notice: [
    "根据{依据文件}，你单位已列入{名单年度}年度强制性清洁生产审核企业名单（名单公布时间：{名单公布时间}）。请你单位按以下期限开展清洁生产审核：",
    "{期限列表}",
    "请你单位按进度开展清洁生产审核，并及时将进展情况报送我局。",
    "特此通知。",
  ].join("\n"),
  reminder: [
    "你单位已列入{名单年度}年度强制性清洁生产审核企业名单。根据{依据文件}，经核查，截至{统计日}，你单位以下事项{逾期情况}：",
    "{期限列表}",
    "请你单位抓紧落实，并将办理情况及时书面报送我局。",
    "特此通知。",
  ].join("\n"),
};

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/** 一、二、… 十、十一、 */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : NUMERALS[tens - 1]}十${n % 10 === 0 ? "" : NUMERALS[(n % 10) - 1]}`;
}

const numbered = (lines: readonly string[]) => lines.map((l, i) => `${chineseOrdinal(i + 1)}、${l}`);

/** The placeholders a template names that the tool does not know, e.g. ["{企业}"]. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(LETTER_PLACEHOLDERS);
  return [...template.matchAll(/\{([^{}]*)\}/g)]
    .map((m) => m[1]!)
    .filter((p) => !known.has(p))
    .map((p) => `{${p}}`);
}

/**
 * The body paragraphs: each line of the template, placeholders filled; the line {期限列表} becomes the numbered
 * items (and the items follow the text where the template has no such line, so no fact is ever left out).
 */
function body(template: string, values: Record<string, string>, items: readonly string[]): string[] {
  const fill = (line: string) => line.replace(/\{([^{}]*)\}/g, (m, key: string) => values[key] ?? m);
  const lines = template
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const at = lines.findIndex((l) => l === "{期限列表}");
  const list = numbered(items);
  if (at < 0) {
    const text = lines.map(fill);
    return [...text.slice(0, 1), ...list, ...text.slice(1)];
  }
  return [...lines.slice(0, at).map(fill), ...list, ...lines.slice(at + 1).map(fill)];
}

function letter(
  kind: LetterKind,
  row: RegisterRow,
  party: LetterParty,
  values: Partial<Record<Placeholder, string>>,
  items: readonly string[],
): Letter {
  const signer = party.district === "" ? "区生态环境局" : party.district;
  const all: Record<string, string> = {
    企业名称: row.name,
    名单年度: row.listYear === null ? "" : String(row.listYear),
    名单公布时间: row.publishedOn === null ? "" : chineseDate(row.publishedOn),
    统计日: chineseDate(party.date),
    发文机关: signer,
    ...values,
  };
  const template = party.template.trim() === "" ? DEFAULT_TEMPLATES[kind] : party.template;
  return {
    kind,
    enterprise: row.name,
    title: LETTER_TITLES[kind],
    addressee: `${row.name}：`,
    paragraphs: body(template, all, items),
    signer,
    date: chineseDate(party.date),
    note: `（联系人：${party.contact || "　　　　"}，联系电话：${party.phone || "　　　　　　　　"}）`,
  };
}

/** 书面通知: the enterprise is on the year's list; what it must do and by when, with the basis of each. */
export function noticeLetter(
  row: RegisterRow,
  status: RowStatus,
  profile: Profile,
  party: LetterParty,
): Letter {
  const items = NOTICE_ACTS.flatMap(([code, duty]) => {
    const due = status.deadlines[code];
    return due === null ? [] : [`于${chineseDate(due)}前${duty}（依据：${actBasisClause(profile, code)}）。`];
  });
  return letter("notice", row, party, { 依据文件: profile.regulation }, items);
}

/** 督办通知: the enterprise's overdue and due-soon acts, each with its deadline, days and basis. */
export function reminderLetter(
  row: RegisterRow,
  items: readonly WorklistItem[],
  profile: Profile,
  party: LetterParty,
): Letter {
  const overdue = items.filter((i) => i.overdueDays !== null).length;
  const state = overdue === items.length ? "已逾期" : overdue === 0 ? "即将到期" : "已逾期或即将到期";
  const lines = items.map(
    (i) =>
      `${i.label}：期限为${chineseDate(i.deadline)}，${dueText(i).replace(/ /g, "")}（依据：${actBasisClause(profile, i.act)}）。`,
  );
  return letter("reminder", row, party, { 逾期情况: state, 依据文件: profile.regulation }, lines);
}

/** One enterprise by name or credit code, or every one concerned. */
export type LetterTarget = { all: true } | { enterprise: string };

const QUIET: ReadonlySet<string> = new Set(["suspended", "revoked", "terminated"]);

/**
 * The letters of a kind for the target: a notice goes to the enterprise's latest round, or with --all to every
 * enterprise of the latest list year still under audit; a reminder to each enterprise of the worklist (none
 * when it has nothing overdue or due soon). `statuses` and `list` are the workbook's, as of `asOf`.
 */
export function lettersFor(
  wb: LoadedWorkbook,
  kind: LetterKind,
  target: LetterTarget,
  asOf: DateSerial,
  statuses: readonly RowStatus[],
  list: Worklist,
): { letters: Letter[]; problem?: string } {
  const party = (template: string): LetterParty => ({
    district: wb.settings.district,
    contact: wb.settings.preparer,
    phone: wb.settings.phone,
    date: asOf,
    template,
  });
  const index = new Map(wb.rows.map((r, i) => [r, i] as const));
  let rows: RegisterRow[];
  if ("enterprise" in target) {
    const found = matchEnterprise(wb.rows, target.enterprise);
    if ("problem" in found) return { letters: [], problem: found.problem };
    rows = [found.row];
  } else if (kind === "notice") {
    const years = wb.rows.map((r) => r.listYear).filter((y): y is number => y !== null);
    const latest = years.length === 0 ? null : Math.max(...years);
    rows = wb.rows.filter((r, i) => r.listYear === latest && !QUIET.has(statuses[i]!.stage));
  } else {
    const seen = new Set<number>();
    rows = [];
    for (const item of list.items) {
      if (seen.has(item.row)) continue;
      seen.add(item.row);
      rows.push(wb.rows.find((r) => r.row === item.row && r.sheet === item.sheet)!);
    }
  }
  if (kind === "notice") {
    const p = party(wb.settings.noticeTemplate);
    return { letters: rows.map((r) => noticeLetter(r, statuses[index.get(r)!]!, wb.profile, p)) };
  }
  const p = party(wb.settings.reminderTemplate);
  return {
    letters: rows.flatMap((r) => {
      const items = list.items.filter((i) => i.row === r.row && i.sheet === r.sheet);
      return items.length === 0 ? [] : [reminderLetter(r, items, wb.profile, p)];
    }),
  };
}
