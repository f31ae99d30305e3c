// The register and adjustment-log sheets as data: the columns `init` lays out, with widths, number formats
// and drop-downs. Both writers (ExcelJS for the CLI, Office.js in the add-in) lay these out as Excel tables.

import { LOG_LABELS, LOG_SHEET } from "../core/adjustments";
import type { Profile } from "../core/profiles";
import {
  ACCEPTANCE_RESULTS,
  AUDIT_TYPES,
  COMPUTED_COLUMNS,
  EVALUATION_RESULTS,
  REGISTER_INPUT_LABELS,
  REGISTER_SHEET,
} from "../core/register";

import { DATE_FORMAT, TEXT_FORMAT } from "./layout";
export const COMPUTED_PROMPT = "此列由强审助手根据台账计算（刷新状态时更新），请勿手工填写";

export type ColumnRule =
  | { kind: "list"; options: readonly string[]; strict: boolean; prompt: string }
  /** Rejects anything typed: the column is filled by the tool (API writes are not subject to validation). */
  | { kind: "computed"; prompt: string }
  | { kind: "decimal"; min: number; max: number; prompt: string }
  | { kind: "date"; prompt: string };

export interface TableColumn {
  label: string;
  width: number;
  numberFormat?: string;
  rule?: ColumnRule;
  /** Filled by the tool, not typed: locked and shaded. */
  computed?: boolean;
}

export interface TableSheetSpec {
  sheet: string;
  tableName: string;
  columns: TableColumn[];
  /** Rows whose cell in this column is not empty are painted red by a conditional format (逾期情况). */
  highlightColumn?: string;
}

const dateRule = (label: string): ColumnRule => ({
  kind: "date",
  prompt: `${label}：请输入日期，如 2026-03-05`,
});

const DATE_LABELS = new Set([
  "名单公布时间",
  "收文时间",
  "信息公开时间",
  "审核启动时间",
  "评估时间",
  "中高费方案完成时间",
  "验收时间",
  "上轮验收时间",
]);
const WIDTHS: Record<string, number> = {
  序号: 6,
  企业名称: 30,
  统一社会信用代码: 22,
  咨询机构名称: 26,
  备注: 24,
  联系电话: 15,
  具体说明: 30,
  证明材料: 26,
};

/**
 * 统一社会信用代码 is text: typed into a General cell, an all-digit code (about 3 in 10 real ones) becomes a
 * number and loses its last three digits. A 联系电话 likewise keeps its leading 0 only as text.
 */
const codeColumn = (label: string, width: number): TableColumn => ({
  label,
  width,
  numberFormat: TEXT_FORMAT,
});

function column(label: string, profile: Profile): TableColumn {
  const width = WIDTHS[label] ?? (DATE_LABELS.has(label) ? 13 : 11);
  if (DATE_LABELS.has(label)) return { label, width, numberFormat: DATE_FORMAT, rule: dateRule(label) };
  switch (label) {
    case "统一社会信用代码":
    case "联系电话":
      return codeColumn(label, width);
    case "审核类型":
      return {
        label,
        width,
        rule: {
          kind: "list",
          options: AUDIT_TYPES,
          strict: false,
          prompt: "双超 / 双有 / 高耗能 / 其他，多个用“、”分隔",
        },
      };
    case "审核方式":
      return {
        label,
        width,
        rule: { kind: "list", options: profile.auditMethods, strict: true, prompt: "完整程序 或 简化程序" },
      };
    case "评估结果":
      return {
        label,
        width,
        rule: {
          kind: "list",
          options: EVALUATION_RESULTS,
          strict: true,
          prompt: "填写评估得分后，结果以得分为准",
        },
      };
    case "验收结果":
      return {
        label,
        width,
        rule: { kind: "list", options: ACCEPTANCE_RESULTS, strict: true, prompt: "关键指标有“否”时为不合格" },
      };
    case "评估得分":
    case "验收得分":
      return {
        label,
        width,
        numberFormat: "0.0",
        rule: { kind: "decimal", min: 0, max: 100, prompt: "专家组平均分，0–100，保留一位小数" },
      };
    case "名单年度":
      return {
        label,
        width,
        numberFormat: "0",
        rule: { kind: "decimal", min: 2000, max: 2100, prompt: "如 2026" },
      };
    default:
      return { label, width };
  }
}

export function registerSheetSpec(profile: Profile): TableSheetSpec {
  const input = REGISTER_INPUT_LABELS.map((l) => column(l, profile));
  const computed: TableColumn[] = COMPUTED_COLUMNS.map((label) => ({
    label,
    width: label === "逾期情况" ? 26 : label === "当前阶段" ? 20 : 12,
    numberFormat: label === "下一期限" ? DATE_FORMAT : label === "逾期天数" ? "0" : undefined,
    computed: true,
    rule: { kind: "computed", prompt: COMPUTED_PROMPT },
  }));
  return {
    sheet: REGISTER_SHEET,
    tableName: "RegisterTable",
    columns: [...input, ...computed],
    highlightColumn: "逾期情况",
  };
}

export function logSheetSpec(profile: Profile): TableSheetSpec {
  const columns = LOG_LABELS.map((label): TableColumn => {
    const width = WIDTHS[label] ?? 14;
    if (label === "变化日期" || label === "恢复日期")
      return { label, width, numberFormat: DATE_FORMAT, rule: dateRule(label) };
    if (label === "统一社会信用代码") return codeColumn(label, width);
    if (label === "变化情况") {
      return {
        label,
        width: 26,
        rule: {
          kind: "list",
          options: profile.changeOptions.map((o) => o.label),
          strict: true,
          prompt: "搬迁、停产、其他须在“具体说明”中说明情况",
        },
      };
    }
    if (label === "调整结果") {
      return {
        label,
        width: 14,
        rule: {
          kind: "list",
          options: profile.adjustmentOptions.map((o) => o.label),
          strict: true,
          prompt: "审核暂缓的，恢复生产后填写恢复日期；选“其他”的，在“具体说明”中提出建议调整意见",
        },
      };
    }
    return { label, width };
  });
  return { sheet: LOG_SHEET, tableName: "AdjustmentTable", columns };
}

/**
 * A table name no other table of the workbook has, compared without case as Excel does: the wanted name,
 * else "RegisterTable2", "RegisterTable3"…
 */
export function uniqueTableName(wanted: string, taken: readonly string[]): string {
  const names = new Set(taken.map((t) => t.toLowerCase()));
  if (!names.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!names.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}
