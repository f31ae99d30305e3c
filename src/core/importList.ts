// Importing a published list (SPEC 2.4): the province's or city's yearly list, with the publisher's own
// headers, read into entries, matched to the register, and turned into the register rows of the new round.

import { cellAddress } from "./address";
import { cellText, isBlankCell, numberCodeMessage } from "./cells";
import { checkCreditCode, normalizeCreditCode } from "./creditCode";
import { parseDateInput, partsFromSerial, toHalfWidth, type DateSerial } from "./dates";
import { cellValue, type CellInput, type Grid } from "./grid";
import { issue, type Issue } from "./issues";
import { AUDIT_TYPES, REGISTER_COLUMNS, type AuditType, type RegisterRow } from "./register";
import type { RowStatus, Stage } from "./status";
import { normalizeLabel } from "./table";

/**
 * The headers a published list is known to use, per column (compared after removing spaces and converting
 * full-width characters). The first label is the register's own. README lists this table.
 */
export const LIST_HEADER_SYNONYMS = {
  seq: ["序号", "编号"],
  name: ["企业名称", "单位名称", "企业（单位）名称", "企业全称", "名称"],
  creditCode: ["统一社会信用代码", "社会信用代码", "企业代码", "信用代码", "统一代码", "组织机构代码"],
  district: ["所属区", "县（市、区）", "所属区县", "所在区", "区县", "所属地区", "所在地区", "辖区"],
  auditTypes: ["审核类型", "类别", "类型", "审核类别", "纳入类型"],
  industry: ["所属行业", "行业", "行业类别"],
  document: ["文号", "发文文号", "文件文号"],
  publishedOn: ["名单公布时间", "名单发布日期", "公布时间", "公布日期", "发布日期", "发布时间"],
  listYear: ["名单年度", "年度"],
  remarks: ["备注"],
} as const;

export type ListField = keyof typeof LIST_HEADER_SYNONYMS;

const FIELD_OF_LABEL = new Map<string, ListField>(
  (Object.entries(LIST_HEADER_SYNONYMS) as [ListField, readonly string[]][]).flatMap(([field, labels]) =>
    labels.map((l) => [normalizeLabel(l), field] as const),
  ),
);

const HEADER_SCAN_ROWS = 20;
/** A row that only carries a note under the table (注：…, 合计) is not an enterprise. */
const NOTE_ROW = /^(注|备注|说明|合计|小计|总计)/;
/** SPEC 5's Decision: a failing check character is only a warning where 备注 says the code was verified. */
const VERIFIED_MARK = "代码已核实";

export interface ListEntry {
  /** Excel row number in the list. */
  row: number;
  cells: Partial<Record<ListField, string>>;
  name: string;
  creditCode: string;
  district: string;
  auditTypes: AuditType[];
  /** 审核类型 text that is not one of the register's types, kept for 备注. */
  otherTypes: string;
  industry: string;
  document: string;
  publishedOn: DateSerial | null;
  listYear: number | null;
  remarks: string;
  /** The row has an error: it is never added (with --skip-invalid the rest of the list still is). */
  invalid: boolean;
}

export interface ListRead {
  sheet: string;
  /** Zero-based header row, -1 when none was found. */
  headerRow: number;
  columns: Partial<Record<ListField, number>>;
  entries: ListEntry[];
  /** Header labels the synonym table cannot place, as the list writes them. */
  unknownHeaders: string[];
  issues: Issue[];
}

function headerFields(row: readonly CellInput[]): (ListField | undefined)[] {
  return row.map((c) => FIELD_OF_LABEL.get(normalizeLabel(cellText(cellValue(c)))));
}

/** The header row: the first of the top rows that names 企业名称 and at least one other known column. */
function findHeaderRow(grid: Grid): number {
  const scan = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r++) {
    const fields = headerFields(grid.rows[r] ?? []).filter((f) => f !== undefined);
    if (fields.includes("name") && new Set(fields).size >= 2) return r;
  }
  return -1;
}

function auditTypesOf(text: string): { types: AuditType[]; other: string } {
  const parts = toHalfWidth(text)
    .split(/[、,，/／;；\s]+/)
    .map((p) => p.trim().replace(/企业$/, ""))
    .filter((p) => p !== "");
  const known = parts.filter((p): p is AuditType => (AUDIT_TYPES as readonly string[]).includes(p));
  const other = parts.filter((p) => !(AUDIT_TYPES as readonly string[]).includes(p));
  return { types: [...new Set(known)], other: other.join("、") };
}

/** Reads a published list; every problem is an issue at the list's cell. */
export function readPublishedList(grid: Grid): ListRead {
  const issues: Issue[] = [];
  const headerRow = findHeaderRow(grid);
  if (headerRow < 0) {
    issues.push(
      issue(
        grid.sheet,
        "A1",
        "error",
        "list.headers",
        `工作表“${grid.sheet}”前 ${HEADER_SCAN_ROWS} 行未找到名单的列标题（至少需要“企业名称”和另一列，如“统一社会信用代码”）`,
      ),
    );
    return { sheet: grid.sheet, headerRow, columns: {}, entries: [], unknownHeaders: [], issues };
  }
  const header = grid.rows[headerRow] ?? [];
  const columns: Partial<Record<ListField, number>> = {};
  const unknownHeaders: string[] = [];
  headerFields(header).forEach((field, col) => {
    const label = cellText(cellValue(header[col]));
    if (label === "") return;
    if (field === undefined) unknownHeaders.push(label);
    else if (columns[field] !== undefined)
      issues.push(
        issue(
          grid.sheet,
          cellAddress(headerRow, col),
          "warning",
          "list.duplicateHeader",
          `列标题“${label}”与第 ${columns[field]! + 1} 列表示同一内容，以第一次出现的列为准`,
        ),
      );
    else columns[field] = col;
  });

  const entries: ListEntry[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (row.every((c) => isBlankCell(c))) continue;
    const text = (f: ListField) => (columns[f] === undefined ? "" : cellText(cellValue(row[columns[f]!])));
    const at = (f: ListField) => cellAddress(r, columns[f] ?? 0);
    const firstText = cellText(cellValue(row.find((c) => !isBlankCell(c))));
    if (text("name") === "" && NOTE_ROW.test(firstText)) continue;
    const before = issues.length;
    const cells: Partial<Record<ListField, string>> = {};
    for (const f of Object.keys(columns) as ListField[]) cells[f] = at(f);
    const name = text("name").replace(/\s+/g, " ");
    if (name === "") {
      issues.push(issue(grid.sheet, at("name"), "error", "list.name", "企业名称：不能为空"));
      continue;
    }
    const remarks = text("remarks");
    let creditCode = "";
    if (columns.creditCode !== undefined) {
      const raw = text("creditCode");
      const shown = cellValue(row[columns.creditCode]);
      if (typeof shown === "number")
        // Excel kept 15 digits of an all-digit code: the code is damaged, 代码已核实 cannot mend it.
        issues.push(
          issue(
            grid.sheet,
            at("creditCode"),
            "error",
            "list.creditCode",
            `统一社会信用代码${numberCodeMessage(shown)}`,
          ),
        );
      else if (raw === "")
        issues.push(
          issue(grid.sheet, at("creditCode"), "error", "list.creditCode", "统一社会信用代码：不能为空"),
        );
      else {
        const check = checkCreditCode(raw);
        creditCode = check.code;
        if (!check.ok) {
          const verified = check.reason === "check" && remarks.includes(VERIFIED_MARK);
          issues.push(
            issue(
              grid.sheet,
              at("creditCode"),
              verified ? "warning" : "error",
              "list.creditCode",
              `统一社会信用代码“${raw}”${check.detail}${verified ? `（备注注明${VERIFIED_MARK}）` : check.reason === "check" ? `；如确认无误，请在备注中注明“${VERIFIED_MARK}”` : ""}`,
            ),
          );
        }
      }
    }
    let publishedOn: DateSerial | null = null;
    if (columns.publishedOn !== undefined && !isBlankCell(row[columns.publishedOn])) {
      const parsed = parseDateInput(cellValue(row[columns.publishedOn]));
      if (parsed.ok) publishedOn = parsed.value;
      else
        issues.push(
          issue(
            grid.sheet,
            at("publishedOn"),
            "error",
            "list.publishedOn",
            `公布时间“${text("publishedOn")}”不是有效日期`,
          ),
        );
    }
    let listYear: number | null = null;
    const yearText = toHalfWidth(text("listYear")).replace(/年$/, "");
    if (yearText !== "") {
      if (/^\d{4}$/.test(yearText)) listYear = Number(yearText);
      else
        issues.push(
          issue(
            grid.sheet,
            at("listYear"),
            "error",
            "list.listYear",
            `名单年度“${text("listYear")}”应为四位年份`,
          ),
        );
    }
    const types = auditTypesOf(text("auditTypes"));
    entries.push({
      row: r + 1,
      cells,
      name,
      creditCode,
      district: text("district"),
      auditTypes: types.types,
      otherTypes: types.other,
      industry: text("industry"),
      document: text("document"),
      publishedOn,
      listYear,
      remarks,
      invalid: issues.slice(before).some((i) => i.severity === "error"),
    });
  }
  return { sheet: grid.sheet, headerRow, columns, entries, unknownHeaders, issues };
}

export interface ImportOptions {
  /** --published: the list's publication date where the list has no date column. */
  published?: DateSerial;
  /** --year: 名单年度 where the list has none (default: the publication's year). */
  year?: number;
  /** The workbook's district (强审设置 填报单位), to keep a city-wide list's rows of this district only. */
  district?: string;
}

/** A register row to add, by register label; dates as serials. */
export type NewRegisterValues = Partial<
  Record<(typeof REGISTER_COLUMNS)[number]["label"], string | number | { date: DateSerial }>
>;

export interface AddedEnterprise {
  /** Row in the list. */
  listRow: number;
  name: string;
  creditCode: string;
  /** `new`: not on the register before; `round`: a new round of an enterprise of an earlier round. */
  kind: "new" | "round";
  publishedOn: DateSerial;
  listYear: number;
  previousAcceptedOn: DateSerial | null;
  values: NewRegisterValues;
}

export interface MatchedEnterprise {
  listRow: number;
  name: string;
  creditCode: string;
  /** The register row of the same round. */
  registerRow: number;
  by: "code" | "name";
}

export interface AbsentEnterprise {
  registerRow: number;
  name: string;
  creditCode: string;
  stage: Stage;
}

export interface ImportPlan {
  added: AddedEnterprise[];
  matched: MatchedEnterprise[];
  absent: AbsentEnterprise[];
  unknownHeaders: string[];
  /** Rows of other districts in a city-wide list, left out. */
  otherDistricts: number;
  issues: Issue[];
}

const CLOSED_STAGES: readonly Stage[] = ["accepted", "revoked", "terminated"];

/** 浦东新区生态环境局 → 浦东新区; the list writes the district, the settings the bureau. */
function districtCore(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/(生态环境局|环境保护局|环保局|生态环境分局)$/, "");
}

function belongsTo(entryDistrict: string, bureau: string): boolean {
  const a = districtCore(entryDistrict);
  const b = districtCore(bureau);
  return a !== "" && b !== "" && (a.includes(b) || b.includes(a));
}

function lastAcceptance(rows: readonly RegisterRow[]): DateSerial | null {
  const passed = rows
    .filter((r) => r.acceptedOn !== null && r.acceptanceResult !== "不合格")
    .map((r) => r.acceptedOn!);
  return passed.length === 0 ? null : passed.reduce((a, b) => Math.max(a, b));
}

function remarksOf(e: ListEntry): string {
  return [
    e.document !== "" ? `文号：${e.document}` : "",
    e.industry !== "" ? `行业：${e.industry}` : "",
    e.otherTypes !== "" ? `名单类别：${e.otherTypes}` : "",
    e.remarks,
  ]
    .filter((s) => s !== "")
    .join("；");
}

/**
 * Matches the list to the register: by normalised credit code, then by exact name (a warning). An enterprise
 * of the same round is matched and left alone, so importing a list twice adds nothing the second time.
 */
export function planImport(
  list: ListRead,
  register: readonly RegisterRow[],
  statuses: readonly RowStatus[],
  options: ImportOptions,
): ImportPlan {
  const issues = [...list.issues];
  const at = (e: ListEntry, f: ListField) => e.cells[f] ?? cellAddress(e.row - 1, 0);

  const hasDistrict = list.columns.district !== undefined && options.district !== undefined;
  const ours = hasDistrict ? list.entries.filter((e) => belongsTo(e.district, options.district!)) : [];
  const entries = ours.length > 0 ? ours : list.entries;
  const otherDistricts = list.entries.length - entries.length;
  if (hasDistrict && ours.length === 0 && list.entries.length > 0)
    issues.push(
      issue(
        list.sheet,
        cellAddress(list.headerRow, list.columns.district!),
        "warning",
        "list.district",
        `名单的所属区与本单位（${options.district}）均不一致，已按整份名单导入`,
      ),
    );

  const byCode = new Map<string, RegisterRow[]>();
  const byName = new Map<string, RegisterRow[]>();
  for (const r of register) {
    const code = normalizeCreditCode(r.creditCode);
    if (code !== "") append(byCode, code, r);
    append(byName, r.name.trim(), r);
  }

  const added: AddedEnterprise[] = [];
  const matched: MatchedEnterprise[] = [];
  const named = new Set<RegisterRow>();
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();
  let nextSeq = register.reduce((m, r) => Math.max(m, Number(r.seq) || 0), 0) + 1;

  for (const e of entries) {
    const earlier = e.creditCode !== "" ? seenCodes.get(e.creditCode) : seenNames.get(e.name);
    if (earlier !== undefined) {
      issues.push(
        issue(
          list.sheet,
          e.creditCode !== "" ? at(e, "creditCode") : at(e, "name"),
          "error",
          "list.duplicate",
          `“${e.name}”在名单中重复出现（与第 ${earlier} 行${e.creditCode !== "" ? "统一社会信用代码相同" : "企业名称相同"}）`,
        ),
      );
      continue;
    }
    if (e.creditCode !== "") seenCodes.set(e.creditCode, e.row);
    seenNames.set(e.name, e.row);

    const publishedOn = e.publishedOn ?? options.published ?? null;
    if (publishedOn === null) {
      issues.push(
        issue(
          list.sheet,
          at(e, "publishedOn"),
          "error",
          "list.publishedOn",
          "名单公布时间未知：名单中没有公布时间列（或该行为空），请指定名单公布时间（命令行用 --published YYYY-MM-DD）",
        ),
      );
      continue;
    }
    const listYear = options.year ?? e.listYear ?? partsFromSerial(publishedOn).year;

    let rows = e.creditCode !== "" ? byCode.get(e.creditCode) : undefined;
    let by: "code" | "name" = "code";
    if (!rows) {
      rows = byName.get(e.name);
      by = "name";
      if (rows)
        issues.push(
          issue(
            list.sheet,
            at(e, "name"),
            "warning",
            "list.nameMatch",
            `“${e.name}”按企业名称与台账第 ${rows[0]!.row} 行匹配${e.creditCode !== "" ? `（代码不同：名单为 ${e.creditCode}，台账为 ${rows[0]!.creditCode || "空"}）` : "（名单无代码）"}，请核对`,
          ),
        );
    }
    if (rows) for (const r of rows) named.add(r);
    if (e.invalid) continue;
    const sameRound = rows?.find((r) => r.publishedOn === publishedOn || r.listYear === listYear);
    if (sameRound) {
      matched.push({
        listRow: e.row,
        name: e.name,
        creditCode: e.creditCode,
        registerRow: sameRound.row,
        by,
      });
      continue;
    }
    const later = rows?.find((r) => r.publishedOn !== null && r.publishedOn > publishedOn);
    if (later) {
      issues.push(
        issue(
          list.sheet,
          at(e, "name"),
          "warning",
          "list.olderRound",
          `“${e.name}”在台账第 ${later.row} 行已有更晚一轮（名单年度 ${later.listYear ?? "未填"}），本名单未再添加`,
        ),
      );
      matched.push({ listRow: e.row, name: e.name, creditCode: e.creditCode, registerRow: later.row, by });
      continue;
    }
    const previousAcceptedOn = rows ? lastAcceptance(rows) : null;
    const remarks = remarksOf(e);
    const values: NewRegisterValues = {
      序号: String(nextSeq++),
      企业名称: e.name,
      统一社会信用代码: e.creditCode,
      名单年度: listYear,
      名单公布时间: { date: publishedOn },
    };
    if (e.district !== "") values.所属区 = e.district;
    if (e.auditTypes.length > 0) values.审核类型 = e.auditTypes.join("、");
    if (previousAcceptedOn !== null) values.上轮验收时间 = { date: previousAcceptedOn };
    if (remarks !== "") values.备注 = remarks;
    added.push({
      listRow: e.row,
      name: e.name,
      creditCode: e.creditCode,
      kind: rows ? "round" : "new",
      publishedOn,
      listYear,
      previousAcceptedOn,
      values,
    });
  }

  // The district's enterprises still open (their latest round) that the new list does not name.
  const latest = new Map<string, { row: RegisterRow; status: RowStatus }>();
  register.forEach((r, i) => {
    const key = normalizeCreditCode(r.creditCode) || `name:${r.name.trim()}`;
    const seen = latest.get(key);
    if (!seen || (r.publishedOn ?? 0) >= (seen.row.publishedOn ?? 0))
      latest.set(key, { row: r, status: statuses[i]! });
  });
  const absent: AbsentEnterprise[] = [...latest.values()]
    .filter(({ row, status }) => !named.has(row) && status && !CLOSED_STAGES.includes(status.stage))
    .map(({ row, status }) => ({
      registerRow: row.row,
      name: row.name,
      creditCode: row.creditCode,
      stage: status.stage,
    }))
    .sort((a, b) => a.registerRow - b.registerRow);

  return { added, matched, absent, unknownHeaders: list.unknownHeaders, otherDistricts, issues };
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
