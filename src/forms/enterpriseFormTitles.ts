// Which each of the seeds' per-enterprise forms is — its attachment label and title, as the seeds print them —
// apart from the layouts, so that naming a form does not bring its layout along.

import { ARCHIVE_PREFIX, ARCHIVE_TITLE } from "../core/archive";
import type { EnterpriseFormKind, Profile } from "../core/profiles";

export const ENTERPRISE_FORM_TITLES = {
  "evaluation-application": { attachment: "附件1", title: "清洁生产审核评估申请表" },
  "evaluation-review": { attachment: "附件4", title: "清洁生产审核评估技术审查意见表" },
  "acceptance-application": { attachment: "附件5", title: "清洁生产审核验收申请表" },
  "acceptance-opinion": { attachment: "附件9", title: "清洁生产审核验收意见表" },
  consultant: { attachment: "附表1", title: "咨询服务机构基本情况表" },
} as const satisfies Record<EnterpriseFormKind, { attachment: string; title: string }>;

/**
 * What the pane and the page add for one enterprise: the profile's seed forms above, and the two sheets the
 * enterprise or the district fills in — 附表2 档案材料清单 (上海) and 附件6 绩效表 (广西's form; 上海's
 * checklist asks for a 绩效表 too, its item 13).
 */
export const ENTERPRISE_SHEET_TITLES = {
  ...ENTERPRISE_FORM_TITLES,
  archive: { attachment: ARCHIVE_PREFIX, title: ARCHIVE_TITLE },
  performance: { attachment: "附件6", title: "企业清洁生产审核绩效表" },
} as const;
export type EnterpriseSheetKind = keyof typeof ENTERPRISE_SHEET_TITLES;
export const ENTERPRISE_SHEET_KINDS = Object.keys(ENTERPRISE_SHEET_TITLES) as EnterpriseSheetKind[];

/** "附件1 清洁生产审核评估申请表" */
export function enterpriseFormLabel(kind: EnterpriseSheetKind): string {
  const f = ENTERPRISE_SHEET_TITLES[kind];
  return `${f.attachment} ${f.title}`;
}

/** Whether the profile has the form; `kind` may be any text a user typed. */
export function profileHasForm(profile: Profile, kind: string): kind is EnterpriseFormKind {
  return profile.enterpriseForms.some((k) => k === kind);
}

/** The per-enterprise sheets the profile offers: its seed forms, 附表2 where it keeps one, and 附件6. */
export function enterpriseSheetsOf(profile: Profile): EnterpriseSheetKind[] {
  const archive: EnterpriseSheetKind[] = profile.deadlines.archiveMonths === null ? [] : ["archive"];
  return [...profile.enterpriseForms, ...archive, "performance"];
}
