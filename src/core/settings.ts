// 强审设置: the workbook's own settings sheet — which profile it follows, the district, the preparer, and
// the profile decisions a district may change. Kept in a sheet so that the CLI, the add-in and a person
// reading the workbook all see the same thing.

import { dateCell, optionCell, textCell } from "./cells";
import { formatIsoDate, type DateSerial } from "./dates";
import type { Grid } from "./grid";
import { issue, type Issue } from "./issues";
import { PROFILES, type Profile, type ProfileId } from "./profiles";
import { REST_DAY_TABLE } from "./restDays";
import { readHeader, readTable } from "./table";
import { DEFAULT_WITHIN_DAYS } from "./worklist";

export const SETTINGS_SHEET = "强审设置";

export interface WorkbookSettings {
  profileId: ProfileId;
  district: string;
  preparer: string;
  acceptanceFrom: Profile["deadlines"]["acceptanceFrom"];
  extendOnRestDay: boolean;
  disclosureFromReceipt: boolean;
  /** The 休息日调整 table: days that are rest days or working days whatever the package's calendar says. */
  restDayAdjustments: RestDayAdjustment[];
  /** 督办提前天数: an act due within this many days goes on the 督办清单. */
  worklistDays: number;
  /** 联系电话 of the bureau, on its letters (the 联系人 is the 填报人). */
  phone: string;
  /** The district's own wording of 书面通知 and 督办通知, with placeholders; blank: the tool's. */
  noticeTemplate: string;
  reminderTemplate: string;
}

export const REST_DAY_KINDS = ["休息日", "上班日"] as const;
export type RestDayKind = (typeof REST_DAY_KINDS)[number];

/** One row of 休息日调整: 日期, 类型, 依据 (e.g. 国办发明电〔2027〕1号). */
export interface RestDayAdjustment {
  date: DateSerial;
  kind: RestDayKind;
  basis: string;
}

/**
 * Where init writes the 休息日调整 table in 强审设置: beside the settings, its title above its header row, so
 * that settings appended below never run into it.
 */
export const REST_DAY_LAYOUT = {
  /** Zero-based column of 日期; 类型 and 依据 follow. */
  col: 4,
  titleRow: 0,
  headerRow: 1,
  /** Rows below the header given the drop-down and date format, ready to fill. */
  spareRows: 60,
  title: `${REST_DAY_TABLE}（期限遇休息日顺延时使用：国务院公布某年节假日安排后逐日填写，类型为“休息日”或“上班日”，补充或更正内置日历）`,
  headers: ["日期", "类型", "依据"],
} as const;

const YES_NO = { 是: true, 否: false } as const;
const ACCEPTANCE_FROM = { 名单公布时间: "publication", 审核启动时间: "start" } as const;

/** The settings rows, with the text `init` writes beside each. */
export const SETTING_KEYS = {
  profile: {
    label: "地区配置",
    note: "上海市 或 广西壮族自治区：决定期限规则和表格样式",
    choices: ["上海市", "广西壮族自治区"],
  },
  district: { label: "填报单位", note: "如：浦东新区生态环境局" },
  preparer: { label: "填报人", note: "附表3、附表4/附件11 页脚的填报人" },
  acceptanceFrom: {
    label: "验收期限起算",
    note: "名单公布时间 或 审核启动时间：“验收原则上需在实施清洁生产审核 2 年内完成”的起算日",
    choices: Object.keys(ACCEPTANCE_FROM),
  },
  extendOnRestDay: {
    label: "期限遇休息日顺延",
    note: "是 或 否：期限最后一日为法定休假日的，以其后第一个工作日为期限最后一日（民法典第二百零三条）",
    choices: ["是", "否"],
  },
  disclosureFromReceipt: {
    label: "信息公开自收文起算",
    note: "是 或 否：“名单公布后（或收文后）一个月内”按收文时间起算",
    choices: ["是", "否"],
  },
  worklistDays: {
    label: "督办提前天数",
    note: "期限前多少天列入督办清单（如 30）；已逾期的事项总在清单上",
  },
  phone: { label: "联系电话", note: "书面通知、督办通知落款下的联系电话（联系人为填报人）" },
  noticeTemplate: {
    label: "书面通知模板",
    note: "留空用默认措辞。可用占位符：{企业名称} {名单年度} {名单公布时间} {期限列表} {统计日} {发文机关} {依据文件}；每行一段，{期限列表} 单独一行",
  },
  reminderTemplate: {
    label: "督办通知模板",
    note: "留空用默认措辞。可用占位符：{企业名称} {名单年度} {期限列表} {统计日} {逾期情况} {发文机关}；每行一段，{期限列表} 单独一行",
  },
} as const;

export function profileIdFromText(text: string): ProfileId | undefined {
  const t = text.trim().toLowerCase();
  for (const p of Object.values(PROFILES)) if (t === p.id || t === p.region.toLowerCase()) return p.id;
  if (t === "上海") return "shanghai";
  if (t === "广西") return "guangxi";
  return undefined;
}

export function defaultSettings(profileId: ProfileId, district = "", preparer = ""): WorkbookSettings {
  const p = PROFILES[profileId];
  return {
    profileId,
    district,
    preparer,
    acceptanceFrom: p.deadlines.acceptanceFrom,
    extendOnRestDay: p.extendOnRestDay,
    disclosureFromReceipt: p.deadlines.disclosureFromReceipt,
    restDayAdjustments: [],
    worklistDays: DEFAULT_WITHIN_DAYS,
    phone: "",
    noticeTemplate: "",
    reminderTemplate: "",
  };
}

/** The drop-down choices of a setting's value, by its label. */
export function settingChoices(label: string): readonly string[] | undefined {
  const entry = Object.values(SETTING_KEYS).find((k) => k.label === label);
  return entry && "choices" in entry ? entry.choices : undefined;
}

/** The settings sheet as rows of [设置项, 值, 说明]. */
export function settingsRows(s: WorkbookSettings): [string, string, string][] {
  const yn = (b: boolean) => (b ? "是" : "否");
  return [
    [SETTING_KEYS.profile.label, PROFILES[s.profileId].region, SETTING_KEYS.profile.note],
    [SETTING_KEYS.district.label, s.district, SETTING_KEYS.district.note],
    [SETTING_KEYS.preparer.label, s.preparer, SETTING_KEYS.preparer.note],
    [
      SETTING_KEYS.acceptanceFrom.label,
      s.acceptanceFrom === "start" ? "审核启动时间" : "名单公布时间",
      SETTING_KEYS.acceptanceFrom.note,
    ],
    [SETTING_KEYS.extendOnRestDay.label, yn(s.extendOnRestDay), SETTING_KEYS.extendOnRestDay.note],
    [
      SETTING_KEYS.disclosureFromReceipt.label,
      yn(s.disclosureFromReceipt),
      SETTING_KEYS.disclosureFromReceipt.note,
    ],
    [SETTING_KEYS.worklistDays.label, String(s.worklistDays), SETTING_KEYS.worklistDays.note],
    [SETTING_KEYS.phone.label, s.phone, SETTING_KEYS.phone.note],
    [SETTING_KEYS.noticeTemplate.label, s.noticeTemplate, SETTING_KEYS.noticeTemplate.note],
    [SETTING_KEYS.reminderTemplate.label, s.reminderTemplate, SETTING_KEYS.reminderTemplate.note],
  ];
}

const SETTINGS_COLUMNS = [
  { field: "key", label: "设置项", schema: textCell, required: true },
  { field: "value", label: "值", schema: textCell, required: true },
] as const;

/** Reads the settings sheet; unknown or bad values are issues and fall back to the profile's default. */
export function readSettings(
  grid: Grid,
  fallback: ProfileId,
): { settings: WorkbookSettings; issues: Issue[] } {
  const table = readTable(grid, SETTINGS_COLUMNS);
  const issues = [...table.issues];
  const byKey = new Map(table.records.map((r) => [String(r.values.key), r] as const));
  const value = (label: string) => {
    const rec = byKey.get(label);
    return rec ? { text: String(rec.values.value ?? ""), cell: rec.cells.value ?? `B${rec.row}` } : undefined;
  };
  const bad = (cell: string, message: string) =>
    issues.push(issue(grid.sheet, cell, "error", "settings.value", message));

  let profileId = fallback;
  const prof = value(SETTING_KEYS.profile.label);
  if (prof && prof.text !== "") {
    const id = profileIdFromText(prof.text);
    if (id) profileId = id;
    else bad(prof.cell, `地区配置“${prof.text}”无法识别，应为“上海市”或“广西壮族自治区”`);
  }
  const s = defaultSettings(
    profileId,
    value(SETTING_KEYS.district.label)?.text ?? "",
    value(SETTING_KEYS.preparer.label)?.text ?? "",
  );

  const from = value(SETTING_KEYS.acceptanceFrom.label);
  if (from && from.text !== "") {
    const v = ACCEPTANCE_FROM[from.text as keyof typeof ACCEPTANCE_FROM];
    if (v) s.acceptanceFrom = v;
    else bad(from.cell, `验收期限起算“${from.text}”无法识别，应为“名单公布时间”或“审核启动时间”`);
  }
  for (const key of ["extendOnRestDay", "disclosureFromReceipt"] as const) {
    const v = value(SETTING_KEYS[key].label);
    if (!v || v.text === "") continue;
    const b = YES_NO[v.text as keyof typeof YES_NO];
    if (b === undefined) bad(v.cell, `${SETTING_KEYS[key].label}“${v.text}”应为“是”或“否”`);
    else s[key] = b;
  }
  const restDays = readRestDayTable(grid);
  s.restDayAdjustments = restDays.adjustments;
  for (const i of restDays.issues) issues.push(i);
  for (const key of ["phone", "noticeTemplate", "reminderTemplate"] as const)
    s[key] = value(SETTING_KEYS[key].label)?.text.trim() ?? "";
  const days = value(SETTING_KEYS.worklistDays.label);
  if (days && days.text !== "") {
    const n = Number(days.text.trim());
    if (Number.isInteger(n) && n >= 0 && n <= 3660) s.worklistDays = n;
    else bad(days.cell, `督办提前天数“${days.text}”应为 0 到 3660 之间的整数天数`);
  }
  return { settings: s, issues };
}

const REST_DAY_COLUMNS = [
  { field: "date", label: "日期", schema: dateCell, required: true },
  { field: "kind", label: "类型", schema: optionCell(REST_DAY_KINDS, "类型"), required: true },
  { field: "basis", label: "依据", schema: textCell },
] as const;

/**
 * The 休息日调整 table of 强审设置, wherever its header row (日期, 类型) stands; none when the sheet has no such
 * table. A row without a date or type, or a day entered twice as different kinds, is an error.
 */
export function readRestDayTable(grid: Grid): { adjustments: RestDayAdjustment[]; issues: Issue[] } {
  if (readHeader(grid, REST_DAY_COLUMNS).headerRow < 0) return { adjustments: [], issues: [] };
  const table = readTable(grid, REST_DAY_COLUMNS);
  const issues = [...table.issues];
  const adjustments: RestDayAdjustment[] = [];
  const seen = new Map<DateSerial, { kind: RestDayKind; cell: string }>();
  for (const r of table.records) {
    const date = r.values.date as DateSerial | null;
    const kind = r.values.kind as RestDayKind | null;
    const cell = r.cells.date ?? `A${r.row}`;
    if (date === null || kind === null) {
      const named = [r.cells.date, r.cells.kind];
      if (!table.issues.some((i) => named.includes(i.cell)))
        issues.push(
          issue(
            grid.sheet,
            date === null ? cell : (r.cells.kind ?? cell),
            "error",
            "restDays.incomplete",
            `${REST_DAY_TABLE}第 ${r.row} 行须同时填写日期和类型（休息日 或 上班日）`,
          ),
        );
      continue;
    }
    const before = seen.get(date);
    if (before && before.kind !== kind) {
      issues.push(
        issue(
          grid.sheet,
          cell,
          "error",
          "restDays.conflict",
          `${REST_DAY_TABLE}中 ${formatIsoDate(date)} 既填为“${before.kind}”（${before.cell}）又填为“${kind}”，请保留一行`,
        ),
      );
      continue;
    }
    if (!before) seen.set(date, { kind, cell });
    adjustments.push({ date, kind, basis: String(r.values.basis ?? "") });
  }
  return { adjustments, issues };
}

/** The profile with the workbook's own choices applied. */
export function effectiveProfile(s: WorkbookSettings): Profile {
  const base = PROFILES[s.profileId];
  const days = (kind: RestDayKind) =>
    s.restDayAdjustments.filter((a) => a.kind === kind).map((a) => formatIsoDate(a.date));
  return {
    ...base,
    extendOnRestDay: s.extendOnRestDay,
    restDays: [...base.restDays, ...days("休息日")],
    workDays: [...base.workDays, ...days("上班日")],
    deadlines: {
      ...base.deadlines,
      acceptanceFrom: s.acceptanceFrom,
      disclosureFromReceipt: s.disclosureFromReceipt,
    },
  };
}
