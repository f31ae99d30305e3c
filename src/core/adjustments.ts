// 名单调整记录: the adjustment log, one row per change event (SPEC 2.2), and what each event does to an
// enterprise's status.

import {
  codeCell,
  dateCell,
  requiredDateCell,
  requiredOptionCell,
  requiredTextCell,
  textCell,
} from "./cells";
import type { DateSerial } from "./dates";
import type { Grid } from "./grid";
import type { Issue } from "./issues";
import type { AdjustmentKind, ChangeOption, Profile } from "./profiles";
import { readTable, type ColumnSpec } from "./table";

export const LOG_SHEET = "名单调整记录";

export interface LogEntry {
  sheet: string;
  row: number;
  cells: Partial<Record<LogField, string>>;
  name: string;
  creditCode: string;
  changedOn: DateSerial | null;
  change: ChangeOption | null;
  detail: string;
  result: AdjustmentKind | null;
  resultLabel: string;
  evidence: string;
  resumedOn: DateSerial | null;
  remarks: string;
}

export function logColumns(profile: Profile) {
  return [
    { field: "name", label: "企业名称", schema: requiredTextCell, required: true },
    { field: "creditCode", label: "统一社会信用代码", schema: codeCell },
    { field: "changedOn", label: "变化日期", schema: requiredDateCell, required: true },
    {
      field: "change",
      label: "变化情况",
      schema: requiredOptionCell(
        profile.changeOptions.map((o) => o.label),
        "变化情况",
      ),
      required: true,
    },
    { field: "detail", label: "具体说明", schema: textCell },
    {
      field: "result",
      label: "调整结果",
      schema: requiredOptionCell(
        profile.adjustmentOptions.map((o) => o.label),
        "调整结果",
      ),
      required: true,
    },
    { field: "evidence", label: "证明材料", schema: textCell },
    { field: "resumedOn", label: "恢复日期", schema: dateCell },
    { field: "remarks", label: "备注", schema: textCell },
  ] as const satisfies readonly ColumnSpec<string>[];
}

export type LogField = ReturnType<typeof logColumns>[number]["field"];

/** Labels of the log's columns, in the order `init` lays them out. */
export const LOG_LABELS = [
  "企业名称",
  "统一社会信用代码",
  "变化日期",
  "变化情况",
  "具体说明",
  "调整结果",
  "证明材料",
  "恢复日期",
  "备注",
] as const;

export interface LogRead {
  entries: LogEntry[];
  issues: Issue[];
}

export function readAdjustmentLog(grid: Grid, profile: Profile): LogRead {
  const table = readTable(grid, logColumns(profile));
  const entries = table.records.map((rec): LogEntry => {
    const v = rec.values as Record<LogField, unknown>;
    const changeLabel = v.change as string | null;
    const resultLabel = (v.result as string | null) ?? "";
    return {
      sheet: grid.sheet,
      row: rec.row,
      cells: rec.cells,
      name: (v.name as string | null) ?? "",
      creditCode: (v.creditCode as string | null) ?? "",
      changedOn: v.changedOn as DateSerial | null,
      change: profile.changeOptions.find((o) => o.label === changeLabel) ?? null,
      detail: (v.detail as string | null) ?? "",
      result: profile.adjustmentOptions.find((o) => o.label === resultLabel)?.kind ?? null,
      resultLabel,
      evidence: (v.evidence as string | null) ?? "",
      resumedOn: v.resumedOn as DateSerial | null,
      remarks: (v.remarks as string | null) ?? "",
    };
  });
  return { entries, issues: table.issues };
}

/** A suspension from its 变化日期 until its 恢复日期 (open while there is none). */
export interface Suspension {
  from: DateSerial;
  until: DateSerial | null;
}

/** What the log says happened to one enterprise, in date order. */
export interface EnterpriseEvents {
  suspensions: Suspension[];
  revokedOn: DateSerial | null;
  terminatedOn: DateSerial | null;
}

export const NO_EVENTS: EnterpriseEvents = { suspensions: [], revokedOn: null, terminatedOn: null };

export function eventsOf(entries: readonly LogEntry[]): EnterpriseEvents {
  const dated = entries.filter((e) => e.changedOn !== null).sort((a, b) => a.changedOn! - b.changedOn!);
  const events: EnterpriseEvents = { suspensions: [], revokedOn: null, terminatedOn: null };
  for (const e of dated) {
    const on = e.changedOn!;
    if (e.result === "suspend") events.suspensions.push({ from: on, until: e.resumedOn });
    if (e.result === "revoke" && events.revokedOn === null) events.revokedOn = on;
    if (e.result === "terminate" && events.terminatedOn === null) events.terminatedOn = on;
  }
  return events;
}
