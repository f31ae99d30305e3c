// The seeds' remaining per-enterprise forms (SPEC 2.3): which each is, and its layout for one register row.
// The profile names the kinds it has (profiles.ts, enterpriseForms). With 附表2 and 附件6, the sheets the pane
// and the page add for one enterprise.

import type { EnterpriseFormKind, Profile } from "../core/profiles";
import type { RegisterRow } from "../core/register";
import {
  ACCEPTANCE_APPLICATION,
  acceptanceApplicationLayout,
  EVALUATION_APPLICATION,
  evaluationApplicationLayout,
} from "./applicationForms";
import { archiveLayout } from "./archiveForm";
import { CONSULTANT_FORM, consultantLayout } from "./consultantForm";
import { enterpriseFacts, organiserOf, type EnterpriseFacts } from "./enterpriseFacts";
import {
  enterpriseFormLabel,
  enterpriseSheetsOf,
  profileHasForm,
  type EnterpriseSheetKind,
} from "./enterpriseFormTitles";
import type { SheetLayout } from "./layout";
import {
  ACCEPTANCE_OPINION,
  acceptanceOpinionLayout,
  EVALUATION_REVIEW,
  evaluationReviewLayout,
} from "./opinionForms";
import { performanceLayout } from "./performanceForm";
import { shortName } from "./scoresheets";

export interface EnterpriseFormSpec {
  attachment: string;
  title: string;
  layout: (facts: EnterpriseFacts, name: string) => SheetLayout;
}

export const ENTERPRISE_FORMS: Record<EnterpriseFormKind, EnterpriseFormSpec> = {
  "evaluation-application": { ...EVALUATION_APPLICATION, layout: evaluationApplicationLayout },
  "evaluation-review": { ...EVALUATION_REVIEW, layout: evaluationReviewLayout },
  "acceptance-application": { ...ACCEPTANCE_APPLICATION, layout: acceptanceApplicationLayout },
  "acceptance-opinion": { ...ACCEPTANCE_OPINION, layout: acceptanceOpinionLayout },
  consultant: { ...CONSULTANT_FORM, layout: consultantLayout },
};

export { enterpriseFormLabel, enterpriseSheetsOf, profileHasForm, type EnterpriseSheetKind };

export function enterpriseFormSheetName(kind: EnterpriseFormKind, enterprise: string): string {
  return `${ENTERPRISE_FORMS[kind].attachment} ${shortName(enterprise)}`;
}

/** The forms a profile has, for a message: "evaluation-application（附件1 清洁生产审核评估申请表）、…". */
export function describeForms(profile: Profile): string {
  return profile.enterpriseForms.map((k) => `${k}（${enterpriseFormLabel(k)}）`).join("、");
}

/**
 * The form of one register row; `district` is the 填报单位 of 强审设置, from which the profile's rule draws 附件4
 * and 附件9's 组织单位.
 */
export function enterpriseFormLayout(
  kind: EnterpriseFormKind,
  row: RegisterRow,
  bureau: { district: string; profile: Profile },
  name = enterpriseFormSheetName(kind, row.name),
): SheetLayout {
  const organiser = organiserOf(row, bureau.district, bureau.profile);
  return ENTERPRISE_FORMS[kind].layout(enterpriseFacts(row, organiser), name);
}

/**
 * One of the sheets the pane and the page add for an enterprise, as the CLI lays it out: a seed form
 * (`cpa form`), 附表2 (`cpa archive`) or 附件6 (`cpa performance`).
 */
export function enterpriseSheetLayout(
  kind: EnterpriseSheetKind,
  row: RegisterRow,
  bureau: { district: string; profile: Profile },
): SheetLayout {
  if (kind === "archive") return archiveLayout(row, bureau.profile);
  if (kind === "performance") return performanceLayout(row.name);
  return enterpriseFormLayout(kind, row, bureau);
}
