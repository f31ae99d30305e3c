// Builders of typed rows for the rule tests.

import type { LogEntry } from "../../src/core/adjustments";
import { parseIsoDate, type DateSerial } from "../../src/core/dates";
import { getProfile, type AdjustmentKind, type Profile } from "../../src/core/profiles";
import type { RegisterRow } from "../../src/core/register";

export const d = (iso: string): DateSerial => {
  const s = parseIsoDate(iso);
  if (s === undefined) throw new Error(`bad date ${iso}`);
  return s;
};

type Dates =
  | "publishedOn"
  | "receivedOn"
  | "disclosedOn"
  | "startedOn"
  | "evaluatedOn"
  | "highCostDoneOn"
  | "acceptedOn"
  | "previousAcceptedOn";
export type RowInput = Partial<Omit<RegisterRow, Dates>> & Partial<Record<Dates, string | null>>;

let nextRow = 2;

export function row(input: RowInput = {}): RegisterRow {
  const date = (k: Dates) => {
    const v = input[k];
    return v === undefined || v === null ? null : d(v);
  };
  return {
    sheet: "企业名单台账",
    row: input.row ?? nextRow++,
    cells: input.cells ?? {},
    seq: "",
    name: input.name ?? "上海测试化工有限公司",
    creditCode: input.creditCode ?? "91310000132149237G",
    district: "",
    auditTypes: ["双有"],
    auditMethod: input.auditMethod ?? "完整程序",
    listYear: input.listYear ?? null,
    publishedOn: input.publishedOn === undefined ? d("2025-03-15") : date("publishedOn"),
    receivedOn: date("receivedOn"),
    disclosedOn: date("disclosedOn"),
    startedOn: date("startedOn"),
    consultant: input.consultant ?? "",
    evaluatedOn: date("evaluatedOn"),
    evaluationScore: input.evaluationScore ?? null,
    evaluationResult: input.evaluationResult ?? null,
    highCostDoneOn: date("highCostDoneOn"),
    acceptedOn: date("acceptedOn"),
    acceptanceScore: input.acceptanceScore ?? null,
    acceptanceResult: input.acceptanceResult ?? null,
    previousAcceptedOn: date("previousAcceptedOn"),
    remarks: input.remarks ?? "",
    contact: input.contact ?? "",
    phone: input.phone ?? "",
  };
}

export function logEntry(
  profile: Profile,
  input: {
    name?: string;
    creditCode?: string;
    on: string;
    change: string;
    result: AdjustmentKind;
    resumedOn?: string;
    detail?: string;
    evidence?: string;
  },
): LogEntry {
  const change = profile.changeOptions.find((o) => o.kind.includes(input.change as never))!;
  const result = profile.adjustmentOptions.find((o) => o.kind === input.result)!;
  return {
    sheet: "名单调整记录",
    row: nextRow++,
    cells: {
      name: `A${nextRow}`,
      evidence: `G${nextRow}`,
      detail: `E${nextRow}`,
      result: `F${nextRow}`,
      resumedOn: `H${nextRow}`,
    },
    name: input.name ?? "上海测试化工有限公司",
    creditCode: input.creditCode ?? "91310000132149237G",
    changedOn: d(input.on),
    change,
    detail: input.detail ?? "",
    result: result.kind,
    resultLabel: result.label,
    evidence: input.evidence ?? "证明",
    resumedOn: input.resumedOn ? d(input.resumedOn) : null,
    remarks: "",
  };
}

export const shanghai = getProfile("shanghai");
export const guangxi = getProfile("guangxi");
