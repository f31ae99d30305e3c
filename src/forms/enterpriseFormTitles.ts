// Which each of the seeds' per-enterprise forms is — its attachment label and title, as the seeds print them —
// apart from the layouts, so that naming a form does not bring its layout along.

import type { EnterpriseFormKind, Profile } from "../core/profiles";

export const ENTERPRISE_FORM_TITLES = {
  "evaluation-application": { attachment: "附件1", title: "清洁生产审核评估申请表" },
  "evaluation-review": { attachment: "附件4", title: "清洁生产审核评估技术审查意见表" },
  "acceptance-application": { attachment: "附件5", title: "清洁生产审核验收申请表" },
  "acceptance-opinion": { attachment: "附件9", title: "清洁生产审核验收意见表" },
  consultant: { attachment: "附表1", title: "咨询服务机构基本情况表" },
} as const satisfies Record<EnterpriseFormKind, { attachment: string; title: string }>;

/** "附件1 清洁生产审核评估申请表" */
export function enterpriseFormLabel(kind: EnterpriseFormKind): string {
  const f = ENTERPRISE_FORM_TITLES[kind];
  return `${f.attachment} ${f.title}`;
}

/** Whether the profile has the form; `kind` may be any text a user typed. */
export function profileHasForm(profile: Profile, kind: string): kind is EnterpriseFormKind {
  return profile.enterpriseForms.some((k) => k === kind);
}
