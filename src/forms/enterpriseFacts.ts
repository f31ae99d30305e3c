// What the register knows that the seeds' per-enterprise forms ask for: the one place where a register
// column is mapped to a box of 附件1, 附件4, 附件5, 附件9 or 附表1. Everything else on those forms is left blank.

import type { DateSerial } from "../core/dates";
import type { Profile } from "../core/profiles";
import type { AuditType, RegisterRow } from "../core/register";
import { evaluationOutcome } from "../core/status";

export interface EnterpriseFacts {
  /** 企业名称 */
  name: string;
  /** 企业代码: the 统一社会信用代码. */
  creditCode: string;
  /** 所属区, the district part of 企业所在地 (附件1). */
  district: string;
  /** 咨询机构名称 / 清洁生产咨询服务机构 / 机构名称. */
  consultant: string;
  /** 审核类型, ticked in the form's list. */
  auditTypes: readonly AuditType[];
  /** 开展审核方式: 委托 where the register names a 咨询机构; unknown otherwise (自审 is never inferred). */
  commissioned: boolean | null;
  /** 审核启动时间 → 开始审核时间 (附件1). */
  startedOn: DateSerial | null;
  /** 公布相关信息: 是 where the register has a 信息公开时间; unknown otherwise. */
  disclosed: boolean | null;
  /** 评估时间 (附件4). */
  evaluatedOn: DateSerial | null;
  /** 通过评估时间 (附件5): the evaluation date when the evaluation was not 不通过. */
  passedEvaluationOn: DateSerial | null;
  /** 验收时间 (附件9). */
  acceptedOn: DateSerial | null;
  /** 组织单位: the department leading the enterprise's audit (organiserOf). */
  organiser: string;
}

/**
 * 组织单位 of 附件4 and 附件9: the department that leads the enterprise by its 审核类型 under the profile. The
 * bureau keeping the register (填报单位) leads 双超 and 双有; an enterprise that is 高耗能 only is led by 工业和信息化
 * 部门, named after the bureau's city or district (南宁市生态环境局 → 南宁市工业和信息化局) where its name allows, else
 * left blank for the form's reader to fill.
 */
export function organiserOf(
  row: Pick<RegisterRow, "auditTypes">,
  district: string,
  profile: Profile,
): string {
  const leads = row.auditTypes.map((t) => profile.leadDepartments[t] ?? "ecology");
  if (leads.length === 0 || leads.includes("ecology")) return district;
  const place = /^(.+?)生态环境局$/.exec(district.trim())?.[1];
  return place ? `${place}工业和信息化局` : "";
}

/** The facts of one register row (one round), with the department that organises its evaluation and acceptance. */
export function enterpriseFacts(row: RegisterRow, organiser: string): EnterpriseFacts {
  const outcome = row.evaluatedOn === null ? null : evaluationOutcome(row);
  return {
    name: row.name,
    creditCode: row.creditCode,
    district: row.district,
    consultant: row.consultant,
    auditTypes: row.auditTypes,
    commissioned: row.consultant.trim() !== "" ? true : null,
    startedOn: row.startedOn,
    disclosed: row.disclosedOn !== null ? true : null,
    evaluatedOn: row.evaluatedOn,
    passedEvaluationOn: outcome === "通过" || outcome === "补充完善" ? row.evaluatedOn : null,
    acceptedOn: row.acceptedOn,
    organiser,
  };
}
