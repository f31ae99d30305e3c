// What the register knows that the seeds' per-enterprise forms ask for: the one place where a register
// column is mapped to a box of 附件1, 附件4, 附件5, 附件9 or 附表1. Everything else on those forms is left blank.

import type { DateSerial } from "../core/dates";
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
  /** 组织单位: the 填报单位 of 强审设置. */
  organiser: string;
}

/** The facts of one register row (one round), with the bureau that organises its evaluation and acceptance. */
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
