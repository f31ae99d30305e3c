// 企业名单台账: the register of listed enterprises, one row per enterprise and audit round (SPEC 2.1).

import { z } from "zod";
import {
  CellFailure,
  cellSchema,
  codeCell,
  dateCell,
  numberCell,
  optionCell,
  readNumber,
  readText,
  readThen,
  requiredDateCell,
  requiredTextCell,
  textCell,
} from "./cells";
import { toHalfWidth, type DateSerial } from "./dates";
import type { Grid } from "./grid";
import { issue, type Issue } from "./issues";
import type { Profile } from "./profiles";
import { readTable, type ColumnSpec, type TableRead } from "./table";

export const REGISTER_SHEET = "企业名单台账";

/** What a command that would write into a submitted (stamped, protected) register says instead. */
export const STAMPED_REGISTER_REFUSAL = `“${REGISTER_SHEET}”已报送盖章并受保护，不能写入。如确需修改：审阅 → 撤销工作表保护，修改后须重新“报送盖章”。`;

export const EVALUATION_RESULTS = ["通过", "补充完善", "不通过"] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];
export const ACCEPTANCE_RESULTS = ["合格", "不合格"] as const;
export type AcceptanceResult = (typeof ACCEPTANCE_RESULTS)[number];
export const AUDIT_TYPES = ["双超", "双有", "高耗能", "其他"] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];
export const AUDIT_METHODS = ["完整程序", "简化程序"] as const;
export type AuditMethod = (typeof AUDIT_METHODS)[number];

/** Several 审核类型 are joined by 、 (also accepted: ， , ／ /). */
const auditTypesCell = cellSchema(
  readThen(readText, (text): AuditType[] | CellFailure => {
    if (text === "") return [];
    const parts = toHalfWidth(text)
      .split(/[、,，/／;；\s]+/)
      .map((p) => p.trim().replace(/企业$/, ""))
      .filter((p) => p !== "");
    const bad = parts.filter((p) => !(AUDIT_TYPES as readonly string[]).includes(p));
    if (bad.length > 0)
      return new CellFailure(
        `“${bad.join("、")}”不是审核类型，应为 ${AUDIT_TYPES.join(" / ")}（多个用“、”分隔）`,
      );
    return [...new Set(parts)] as AuditType[];
  }),
);

const readListYear = readNumber({ min: 2000, max: 2100, step: 1, label: "名单年度" });
/** 名单年度 may be typed "2026" or "2026年". */
const listYear = cellSchema((raw) =>
  readListYear(typeof raw === "string" ? raw.trim().replace(/年$/, "") : raw),
);

/** Scores in the register are panel scores: 0–100, one decimal. */
const scoreCell = (label: string) => numberCell({ min: 0, max: 100, step: 0.1, label });

/** Input columns in the order `init` lays them out; readers find them by label in any order. */
export const REGISTER_COLUMNS = [
  { field: "seq", label: "序号", schema: textCell },
  { field: "name", label: "企业名称", schema: requiredTextCell, required: true },
  { field: "creditCode", label: "统一社会信用代码", schema: codeCell, required: true },
  { field: "district", label: "所属区", schema: textCell },
  { field: "auditTypes", label: "审核类型", schema: auditTypesCell },
  { field: "auditMethod", label: "审核方式", schema: optionCell(AUDIT_METHODS, "审核方式") },
  { field: "listYear", label: "名单年度", schema: listYear },
  { field: "publishedOn", label: "名单公布时间", schema: requiredDateCell, required: true },
  { field: "receivedOn", label: "收文时间", schema: dateCell },
  { field: "disclosedOn", label: "信息公开时间", schema: dateCell },
  { field: "startedOn", label: "审核启动时间", schema: dateCell },
  { field: "consultant", label: "咨询机构名称", schema: textCell },
  { field: "evaluatedOn", label: "评估时间", schema: dateCell },
  { field: "evaluationScore", label: "评估得分", schema: scoreCell("评估得分") },
  { field: "evaluationResult", label: "评估结果", schema: optionCell(EVALUATION_RESULTS, "评估结果") },
  { field: "highCostDoneOn", label: "中高费方案完成时间", schema: dateCell },
  { field: "acceptedOn", label: "验收时间", schema: dateCell },
  { field: "acceptanceScore", label: "验收得分", schema: scoreCell("验收得分") },
  { field: "acceptanceResult", label: "验收结果", schema: optionCell(ACCEPTANCE_RESULTS, "验收结果") },
  { field: "previousAcceptedOn", label: "上轮验收时间", schema: dateCell },
  { field: "remarks", label: "备注", schema: textCell },
  { field: "contact", label: "联系人", schema: textCell },
  { field: "phone", label: "联系电话", schema: textCell },
] as const satisfies readonly ColumnSpec<string>[];

export type RegisterField = (typeof REGISTER_COLUMNS)[number]["field"];

/** The columns the tool writes (never typed by hand). */
export const COMPUTED_COLUMNS = ["当前阶段", "下一期限", "逾期情况", "逾期天数"] as const;

/** Labels of the columns `init` creates, in order: the stable interface of SPEC 2.1 plus its optional columns. */
export const REGISTER_INPUT_LABELS: readonly string[] = REGISTER_COLUMNS.map((c) => c.label);

/** The row as the rules see it, with the address of every cell for messages. */
export const registerRowSchema = z.object({
  row: z.number().int().positive(),
  seq: z.string(),
  name: z.string(),
  creditCode: z.string(),
  district: z.string(),
  auditTypes: z.array(z.enum(AUDIT_TYPES)),
  auditMethod: z.enum(AUDIT_METHODS),
  listYear: z.number().int().nullable(),
  publishedOn: z.number().int().nullable(),
  receivedOn: z.number().int().nullable(),
  disclosedOn: z.number().int().nullable(),
  startedOn: z.number().int().nullable(),
  consultant: z.string(),
  evaluatedOn: z.number().int().nullable(),
  evaluationScore: z.number().nullable(),
  evaluationResult: z.enum(EVALUATION_RESULTS).nullable(),
  highCostDoneOn: z.number().int().nullable(),
  acceptedOn: z.number().int().nullable(),
  acceptanceScore: z.number().nullable(),
  acceptanceResult: z.enum(ACCEPTANCE_RESULTS).nullable(),
  previousAcceptedOn: z.number().int().nullable(),
  remarks: z.string(),
  /** 联系人, 联系电话: whom the bureau writes to and calls (督办); blank where the register has no such column. */
  contact: z.string(),
  phone: z.string(),
});

export type RegisterValues = z.infer<typeof registerRowSchema>;

export interface RegisterRow extends RegisterValues {
  sheet: string;
  cells: Partial<Record<RegisterField, string>>;
  /** The 统一社会信用代码 cell could not be read (its issue is listed already), e.g. digits Excel made a number. */
  creditCodeUnreadable?: boolean;
}

export interface RegisterRead {
  rows: RegisterRow[];
  issues: Issue[];
  table: TableRead<RegisterField>;
}

/** Cells → typed register rows plus cell-addressed issues. Never throws on cell contents. */
export function readRegister(grid: Grid, profile: Profile): RegisterRead {
  const table = readTable(grid, REGISTER_COLUMNS);
  const rows = table.records.map((rec): RegisterRow => {
    const v = rec.values as Record<RegisterField, unknown>;
    return {
      sheet: grid.sheet,
      row: rec.row,
      cells: rec.cells,
      seq: (v.seq as string | null) ?? "",
      name: (v.name as string | null) ?? "",
      creditCode: (v.creditCode as string | null) ?? "",
      ...(v.creditCode === null ? { creditCodeUnreadable: true } : {}),
      district: (v.district as string | null) ?? "",
      auditTypes: (v.auditTypes as AuditType[] | null) ?? [],
      auditMethod: (v.auditMethod as AuditMethod | null) ?? (profile.defaultAuditMethod as AuditMethod),
      listYear: v.listYear as number | null,
      publishedOn: v.publishedOn as DateSerial | null,
      receivedOn: v.receivedOn as DateSerial | null,
      disclosedOn: v.disclosedOn as DateSerial | null,
      startedOn: v.startedOn as DateSerial | null,
      consultant: (v.consultant as string | null) ?? "",
      evaluatedOn: v.evaluatedOn as DateSerial | null,
      evaluationScore: v.evaluationScore as number | null,
      evaluationResult: v.evaluationResult as EvaluationResult | null,
      highCostDoneOn: v.highCostDoneOn as DateSerial | null,
      acceptedOn: v.acceptedOn as DateSerial | null,
      acceptanceScore: v.acceptanceScore as number | null,
      acceptanceResult: v.acceptanceResult as AcceptanceResult | null,
      previousAcceptedOn: v.previousAcceptedOn as DateSerial | null,
      remarks: (v.remarks as string | null) ?? "",
      contact: (v.contact as string | null) ?? "",
      phone: (v.phone as string | null) ?? "",
    };
  });
  const notes = (grid.notes ?? []).map((n) =>
    issue(
      grid.sheet,
      n.cell,
      "warning",
      "register.noteLine",
      `表格下方 ${n.cell} 的“${n.text}”未作为企业读入台账（视为备注）；如果它是一家企业，请把这一行移入表格内并填写统一社会信用代码等各列。`,
    ),
  );
  return { rows, issues: [...table.issues, ...notes], table };
}

/** Of the rounds of one enterprise, the latest by 名单公布时间 (the first given where none is later). */
export function latestRound<R extends Pick<RegisterValues, "publishedOn">>(
  rounds: readonly R[],
): R | undefined {
  if (rounds.length === 0) return undefined;
  return rounds.reduce((a, b) => ((b.publishedOn ?? 0) > (a.publishedOn ?? 0) ? b : a));
}

/** The enterprises of the register by name, once each, in Chinese collation order (the pane's lists). */
export function enterprisesOf(rows: readonly Pick<RegisterValues, "name">[]): string[] {
  return [...new Set(rows.map((r) => r.name).filter((n) => n !== ""))].sort((a, b) =>
    a.localeCompare(b, "zh-CN"),
  );
}

/**
 * The enterprise a user names (full name, credit code, or a part of the name that only one has): its latest
 * round; or why none is meant.
 */
export function matchEnterprise<R extends Pick<RegisterValues, "name" | "creditCode" | "publishedOn">>(
  rows: readonly R[],
  query: string,
): { row: R } | { problem: string } {
  const q = query.trim();
  const exact = rows.filter((r) => r.name === q || r.creditCode.toUpperCase() === q.toUpperCase());
  const matches = exact.length > 0 ? exact : rows.filter((r) => r.name.includes(q));
  const names = [...new Set(matches.map((r) => r.name))];
  if (names.length === 0) return { problem: `台账中找不到企业“${q}”` };
  if (names.length > 1) return { problem: `“${q}”对应多家企业：${names.slice(0, 5).join("、")}，请写全称` };
  // Several rounds of one enterprise: the latest.
  return { row: latestRound(matches)! };
}
