// 附表3 重点行业实施强制性清洁生产审核情况表 and 附表4 / 附件11 名单调整表 as sheet layouts, and their readers.

import { cellText } from "../core/cells";
import {
  formatIsoDate,
  parseDateInput,
  parseQuarter,
  partsFromSerial,
  quarterCode,
  type DateSerial,
  type Quarter,
} from "../core/dates";
import { cellValue, type Grid } from "../core/grid";
import type { Profile } from "../core/profiles";
import type { AdjustmentRow, ImplementationRow } from "../core/quarterly";
import { normalizeLabel } from "../core/table";
import { date, emptyLayout, num, put, text, TEXT_FORMAT, type LayoutValue, type SheetLayout } from "./layout";

export const IMPLEMENTATION_HEADERS = [
  "序号",
  "企业名称",
  "名单公布时间",
  "要求完成期限",
  "审核咨询机构名称",
  "评估时间和评估结果",
  "验收时间和验收结果",
] as const;

/** The quarter line under a form's title, as each form prints it. */
export function quarterLine(form: "implementation" | "adjustment", q: Quarter): string {
  // 附表3 prints "(    年第 季度）", 附表4 and 附件11 "（     年第   季度）".
  return form === "implementation" ? `(${q.year}年第${q.quarter}季度）` : `（${q.year}年第${q.quarter}季度）`;
}

/** 2026年10月9日 */
export function chineseDate(d: DateSerial): string {
  const { year, month, day } = partsFromSerial(d);
  return `${year}年${month}月${day}日`;
}

export interface FormParty {
  district: string;
  preparer: string;
  /** 填报时间 */
  preparedOn: DateSerial;
}

/** The seal line that names the district: Shanghai's "区生态环境局（盖章）" (附表3, 附表4). */
const DISTRICT_SEAL = "区生态环境局";

/**
 * "浦东新区生态环境局（盖章）": the form's "区生态环境局（盖章）" with the district's own name where known; any other
 * seal line (Guangxi 附件11 "职能部门（盖章）：") is printed as the form has it.
 */
function sealLine(template: string, district: string): string {
  return district !== "" && template.startsWith(DISTRICT_SEAL)
    ? `${district}${template.slice(DISTRICT_SEAL.length)}`
    : template;
}

/** The seal, 填报人 and 填报时间 lines, one under another as each form prints them. */
export function footer(
  layout: SheetLayout,
  top: number,
  lines: readonly string[],
  party: FormParty,
  width: number,
): void {
  const [seal, preparer, when] = lines;
  const left = Math.max(1, width - 3);
  put(layout, top, left, text(sealLine(seal!, party.district)), "footer", width - left);
  put(layout, top + 1, 1, text(`${preparer}${party.preparer}`), "footer", 2);
  put(layout, top + 2, 1, text(`${when}${chineseDate(party.preparedOn)}`), "footer", 2);
}

export function implementationSheetName(q: Quarter, profile: Profile): string {
  return `${profile.implementationForm.attachment} ${quarterCode(q)}`;
}

/** 附表3 for a quarter: A4 landscape, the header row repeated on every page, one page wide. */
export function implementationLayout(
  rows: readonly ImplementationRow[],
  q: Quarter,
  profile: Profile,
  party: FormParty,
  name = implementationSheetName(q, profile),
): SheetLayout {
  const form = profile.implementationForm;
  const width = IMPLEMENTATION_HEADERS.length;
  const layout = emptyLayout(name, { orientation: "landscape", fitToWidth: true, titleRows: [4, 4] });
  layout.columnWidths = [6, 34, 13, 13, 30, 28, 28];
  put(layout, 0, 0, text(form.attachment), "footer", 2);
  put(layout, 1, 0, text(form.title), "title", width);
  put(layout, 2, 0, text(quarterLine("implementation", q)), "subtitle", width);
  layout.blocks.push({
    row: 3,
    col: 0,
    values: [IMPLEMENTATION_HEADERS.map((h) => text(h))],
    style: "header",
  });
  layout.rowHeights[1] = 28;
  layout.rowHeights[3] = 32;
  const body: LayoutValue[][] = rows.map((r, i) => [
    num(i + 1),
    text(r.name),
    date(r.publishedOn),
    date(r.dueOn),
    r.consultant ? text(r.consultant) : null,
    r.evaluation ? text(r.evaluation) : null,
    r.acceptance ? text(r.acceptance) : null,
  ]);
  if (body.length > 0) {
    layout.blocks.push({ row: 4, col: 0, values: body.map((r) => r.slice(0, 1)), style: "number" });
    layout.blocks.push({ row: 4, col: 1, values: body.map((r) => r.slice(1, 2)), style: "cell" });
    layout.blocks.push({ row: 4, col: 2, values: body.map((r) => r.slice(2, 4)), style: "cellCenter" });
    layout.blocks.push({ row: 4, col: 4, values: body.map((r) => r.slice(4)), style: "cell" });
  } else {
    put(layout, 4, 0, text("本季度无在审企业"), "cellCenter", width);
  }
  footer(layout, 4 + Math.max(body.length, 1) + 1, form.footer, party, width);
  return layout;
}

export function adjustmentSheetName(q: Quarter, profile: Profile): string {
  return `${profile.adjustmentForm.attachment} ${quarterCode(q)}`;
}

export function adjustmentHeaders(profile: Profile): string[] {
  return [
    "序号",
    "企业名称",
    ...(profile.adjustmentForm.hasEnterpriseCode ? ["企业代码"] : []),
    "变化情况1",
    "调整结果2",
    "证明材料3",
    "备注",
  ];
}

/** 附表4 (Shanghai) / 附件11 (Guangxi): the quarter's adjustments, then the form's notes 注1–注3. */
export function adjustmentLayout(
  rows: readonly AdjustmentRow[],
  q: Quarter,
  profile: Profile,
  party: FormParty,
  name = adjustmentSheetName(q, profile),
): SheetLayout {
  const form = profile.adjustmentForm;
  const headers = adjustmentHeaders(profile);
  const width = headers.length;
  const layout = emptyLayout(name, { orientation: "landscape", fitToWidth: true, titleRows: [4, 4] });
  layout.columnWidths = form.hasEnterpriseCode ? [6, 30, 22, 30, 14, 26, 20] : [6, 32, 34, 14, 28, 22];
  put(layout, 0, 0, text(form.attachment), "footer", 2);
  put(layout, 1, 0, text(form.title), "title", width);
  put(layout, 2, 0, text(quarterLine("adjustment", q)), "subtitle", width);
  layout.blocks.push({ row: 3, col: 0, values: [headers.map((h) => text(h))], style: "header" });
  layout.rowHeights[1] = 28;
  layout.rowHeights[3] = 24;
  const body: LayoutValue[][] = rows.map((r, i) => [
    num(i + 1),
    text(r.name),
    ...(form.hasEnterpriseCode ? [r.creditCode ? text(r.creditCode) : null] : []),
    r.change ? text(r.change) : null,
    r.result ? text(r.result) : null,
    r.evidence ? text(r.evidence) : null,
    r.remarks ? text(r.remarks) : null,
  ]);
  if (body.length > 0) {
    layout.blocks.push({ row: 4, col: 0, values: body.map((r) => r.slice(0, 1)), style: "number" });
    if (form.hasEnterpriseCode) {
      // 企业代码 is text even where blank, so a code typed in later keeps all its digits.
      layout.blocks.push({ row: 4, col: 1, values: body.map((r) => r.slice(1, 2)), style: "cell" });
      const code = body.map((r) => r.slice(2, 3));
      layout.blocks.push({ row: 4, col: 2, values: code, style: "cell", numberFormat: TEXT_FORMAT });
      layout.blocks.push({ row: 4, col: 3, values: body.map((r) => r.slice(3)), style: "cell" });
    } else layout.blocks.push({ row: 4, col: 1, values: body.map((r) => r.slice(1)), style: "cell" });
  } else {
    put(layout, 4, 0, text("本季度名单无调整"), "cellCenter", width);
  }
  let row = 4 + Math.max(body.length, 1) + 1;
  for (const note of form.notes) {
    put(layout, row, 0, text(note), "note", width);
    row++;
  }
  footer(layout, row + 1, form.footer, party, width);
  return layout;
}

// ---- readers ----

function headerRowOf(grid: Grid, labels: readonly string[]): number {
  const want = labels.map(normalizeLabel);
  for (let r = 0; r < Math.min(grid.rows.length, 20); r++) {
    const row = (grid.rows[r] ?? []).map((c) => normalizeLabel(cellText(cellValue(c))));
    if (want.every((w, i) => row[i] === w)) return r;
  }
  return -1;
}

function quarterFromGrid(grid: Grid, headerRow: number): Quarter | undefined {
  for (let r = 0; r < headerRow; r++) {
    const t = cellText(cellValue(grid.rows[r]?.[0] ?? null)).replace(/^[(（]|[)）]$/g, "");
    const q = parseQuarter(t);
    if (q) return q;
  }
  return undefined;
}

/** Body rows: from under the header while 序号 is a number. */
function bodyRows(grid: Grid, headerRow: number): { row: number; cells: unknown[] }[] {
  const out: { row: number; cells: unknown[] }[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const cells = (grid.rows[r] ?? []).map((c) => cellValue(c));
    if (typeof cells[0] !== "number") break;
    out.push({ row: r + 1, cells });
  }
  return out;
}

const dateOf = (v: unknown): DateSerial | null => {
  const p = parseDateInput(v);
  return p.ok ? p.value : null;
};

export interface ImplementationForm {
  quarter: Quarter | undefined;
  rows: Omit<ImplementationRow, "sourceRow">[];
}

/** Reads a 附表3 sheet back into its rows (undefined when the sheet is not one). */
export function readImplementationForm(grid: Grid): ImplementationForm | undefined {
  const headerRow = headerRowOf(grid, IMPLEMENTATION_HEADERS);
  if (headerRow < 0) return undefined;
  return {
    quarter: quarterFromGrid(grid, headerRow),
    rows: bodyRows(grid, headerRow).map(({ cells }) => ({
      name: cellText(cells[1]),
      publishedOn: dateOf(cells[2]) ?? 0,
      dueOn: dateOf(cells[3]) ?? 0,
      consultant: cellText(cells[4]),
      evaluation: cellText(cells[5]),
      acceptance: cellText(cells[6]),
    })),
  };
}

export interface AdjustmentForm {
  quarter: Quarter | undefined;
  rows: Omit<AdjustmentRow, "sourceRow">[];
}

export function readAdjustmentForm(grid: Grid, profile: Profile): AdjustmentForm | undefined {
  const headerRow = headerRowOf(grid, adjustmentHeaders(profile));
  if (headerRow < 0) return undefined;
  const code = profile.adjustmentForm.hasEnterpriseCode ? 1 : 0;
  return {
    quarter: quarterFromGrid(grid, headerRow),
    rows: bodyRows(grid, headerRow).map(({ cells }) => ({
      name: cellText(cells[1]),
      creditCode: code ? cellText(cells[2]) : "",
      change: cellText(cells[2 + code]),
      result: cellText(cells[3 + code]),
      evidence: cellText(cells[4 + code]),
      remarks: cellText(cells[5 + code]),
    })),
  };
}

// ---- agreement with the register ----

/** How a quarter's form on a sheet stands against what the register and its log give now. */
export type FormAgreement =
  | { state: "agrees" }
  /** The first difference, in words: "第 3 项“某公司”的评估时间和评估结果：表中为“”，台账为“2026-05-12 通过（92分）”". */
  | { state: "differs"; difference: string }
  /** The sheet is not that quarter's form (its headers or its quarter line are not the form's). */
  | { state: "foreign" };

const isoOrBlank = (d: DateSerial | null) => (d ? formatIsoDate(d) : "");

function compareRows(
  labels: readonly string[],
  onSheet: readonly (readonly string[])[],
  fresh: readonly (readonly string[])[],
): FormAgreement {
  for (let i = 0; i < Math.max(onSheet.length, fresh.length); i++) {
    const a = onSheet[i];
    const b = fresh[i];
    if (!a) return { state: "differs", difference: `表中缺第 ${i + 1} 项“${b![0]}”` };
    if (!b) return { state: "differs", difference: `表中第 ${i + 1} 项“${a[0]}”台账中没有` };
    const col = a.findIndex((v, c) => v !== b[c]);
    if (col >= 0)
      return {
        state: "differs",
        difference: `第 ${i + 1} 项“${a[0]}”的${labels[col]!.replace(/\d$/, "")}：表中为“${a[col]}”，台账为“${b[col]}”`,
      };
  }
  return { state: "agrees" };
}

/** Whether the 附表3 on `grid` still says what `rows` (the register's rows for quarter `q`) say. */
export function implementationFormAgreement(
  grid: Grid,
  q: Quarter,
  rows: readonly ImplementationRow[],
): FormAgreement {
  const form = readImplementationForm(grid);
  if (!form || !form.quarter || quarterCode(form.quarter) !== quarterCode(q)) return { state: "foreign" };
  const tuple = (r: Omit<ImplementationRow, "sourceRow">) => [
    r.name,
    isoOrBlank(r.publishedOn),
    isoOrBlank(r.dueOn),
    r.consultant,
    r.evaluation,
    r.acceptance,
  ];
  return compareRows(IMPLEMENTATION_HEADERS.slice(1), form.rows.map(tuple), rows.map(tuple));
}

/** Whether the 名单调整表 on `grid` still says what `rows` (the log's entries for quarter `q`) say. */
export function adjustmentFormAgreement(
  grid: Grid,
  q: Quarter,
  profile: Profile,
  rows: readonly AdjustmentRow[],
): FormAgreement {
  const form = readAdjustmentForm(grid, profile);
  if (!form || !form.quarter || quarterCode(form.quarter) !== quarterCode(q)) return { state: "foreign" };
  const code = profile.adjustmentForm.hasEnterpriseCode;
  const tuple = (r: Omit<AdjustmentRow, "sourceRow">) => [
    r.name,
    ...(code ? [r.creditCode] : []),
    r.change,
    r.result,
    r.evidence,
    r.remarks,
  ];
  return compareRows(adjustmentHeaders(profile).slice(1), form.rows.map(tuple), rows.map(tuple));
}
