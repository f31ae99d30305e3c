// The submission stamp (报送信息): a SHA-256 over a canonical serialisation of the submitted sheets, so the
// municipal centre can tell a workbook is unchanged since the district validated it.

import { cellText } from "./cells";
import {
  CHINA_OFFSET_MINUTES,
  chinaDateSerial,
  formatIsoDate,
  parseIsoDate,
  serialFromUtcDate,
  type DateSerial,
} from "./dates";
import type { CellInput, Grid } from "./grid";

export const STAMP_SHEET = "报送信息";

/**
 * One cell in canonical form. Dates are serials (ExcelJS gives Dates, Office.js gives numbers); a formula
 * is its text, not its last result (which a reader may or may not have); blanks are null.
 */
export function canonicalCell(cell: CellInput | undefined): string | number | boolean | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return serialFromUtcDate(cell);
  if (typeof cell === "object") {
    if ("formula" in cell) return `=${cell.formula.replace(/^=/, "")}`;
    return `#${cell.error}`;
  }
  if (typeof cell === "string") {
    // Office.js reads a formula cell's `formulas` as "=…"; ExcelJS as {formula}. Both end up as "=…".
    return cell === "" ? null : cell;
  }
  return cell;
}

/** A sheet's cells as rows with trailing blanks and trailing empty rows removed. */
export function canonicalRows(grid: Grid): (string | number | boolean | null)[][] {
  const rows = grid.rows.map((r) => {
    const out = r.map(canonicalCell);
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

export function canonicalSheet(grid: Grid): string {
  return JSON.stringify({ sheet: grid.sheet, rows: canonicalRows(grid) });
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export interface SheetDigest {
  sheet: string;
  rows: number;
  sha256: string;
}

export async function digestSheets(grids: readonly Grid[]): Promise<SheetDigest[]> {
  const sheets: SheetDigest[] = [];
  for (const g of grids)
    sheets.push({
      sheet: g.sheet,
      rows: canonicalRows(g).length,
      sha256: await sha256Hex(canonicalSheet(g)),
    });
  return sheets;
}

/** The stamp's own hash: its particulars and every sheet's digest, so neither can be edited unnoticed. */
export function stampDigest(s: Omit<Stamp, "sha256">): Promise<string> {
  return sha256Hex(
    JSON.stringify([
      s.district,
      s.preparer,
      s.quarter,
      s.stampedAt,
      s.profile,
      s.counts,
      s.sheets.map((d) => [d.sheet, d.rows, d.sha256]),
    ]),
  );
}

export interface Stamp {
  district: string;
  preparer: string;
  quarter: string;
  /** ISO date-time of stamping, China time with its offset: 2026-10-09T15:04:05+08:00. */
  stampedAt: string;
  profile: string;
  counts: { sheet: string; rows: number; label: string }[];
  sheets: SheetDigest[];
  sha256: string;
}

const LABELS = {
  district: "填报单位",
  preparer: "填报人",
  quarter: "季度",
  stampedAt: "报送时间",
  profile: "地区配置",
  sha256: "校验值（SHA-256）",
} as const;

/** The 报送信息 sheet as rows of [项目, 内容, 说明]. */
export function stampRows(s: Stamp): string[][] {
  return [
    ["项目", "内容", "说明"],
    [LABELS.district, s.district, ""],
    [LABELS.preparer, s.preparer, ""],
    [LABELS.quarter, s.quarter, ""],
    [LABELS.stampedAt, s.stampedAt, ""],
    [LABELS.profile, s.profile, ""],
    ...s.counts.map((c) => [`${c.label}行数`, String(c.rows), c.sheet]),
    [LABELS.sha256, s.sha256, "对下列各表内容计算；任何单元格改动都会使其变化"],
    ...s.sheets.map((d) => [`表：${d.sheet}`, d.sha256, `${d.rows} 行`]),
  ];
}

/** Reads a stamp back from the 报送信息 sheet; undefined when the sheet holds none. */
export function readStamp(grid: Grid): Stamp | undefined {
  const map = new Map<string, [string, string]>();
  for (const r of grid.rows) {
    const key = cellText(r[0] ?? null);
    if (key !== "") map.set(key, [cellText(r[1] ?? null), cellText(r[2] ?? null)]);
  }
  const get = (k: string) => map.get(k)?.[0] ?? "";
  const sha256 = get(LABELS.sha256);
  if (!/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  const sheets: SheetDigest[] = [];
  const counts: Stamp["counts"] = [];
  for (const [key, [value, note]] of map) {
    if (key.startsWith("表："))
      sheets.push({ sheet: key.slice(2), sha256: value, rows: Number.parseInt(note, 10) || 0 });
    else if (key.endsWith("行数")) counts.push({ label: key.slice(0, -2), rows: Number(value), sheet: note });
  }
  return {
    district: get(LABELS.district),
    preparer: get(LABELS.preparer),
    quarter: get(LABELS.quarter),
    stampedAt: get(LABELS.stampedAt),
    profile: get(LABELS.profile),
    counts,
    sheets,
    sha256,
  };
}

/** 2026-10-09T15:04:05+08:00: the instant in China time, whatever the machine's time zone. */
export function chinaTimestamp(d: Date): string {
  const china = new Date(d.getTime() + CHINA_OFFSET_MINUTES * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}:${pad(china.getUTCSeconds())}`;
  return `${formatIsoDate(chinaDateSerial(d))}T${time}+08:00`;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The China date of a stamp's 报送时间: an instant with an offset is dated where it falls in China time (a
 * stamp at 23:00 UTC on 10-10 was made on 10-11 in Beijing); a time without one is taken as China time.
 */
export function stampDay(stampedAt: string): DateSerial | undefined {
  const m = TIMESTAMP.exec(stampedAt.trim());
  const day = m ? parseIsoDate(m[1]!) : undefined;
  if (!m || day === undefined || m[5] === undefined) return day;
  const [hours, minutes, seconds] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const zone = m[5];
  const offset =
    zone === "Z"
      ? 0
      : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const utcMinutes = hours * 60 + minutes - offset;
  return day + Math.floor((utcMinutes + CHINA_OFFSET_MINUTES) / 1440);
}

export type VerifyState = "unchanged" | "changed" | "unstamped";

export interface Verification {
  state: VerifyState;
  changedSheets: string[];
  stamp?: Stamp;
}

/** The workbook's 报送信息 stamp, if it has one, and whether the sheets it covers still read as stamped. */
export async function verifyWorkbookStamp(
  sheet: (name: string) => Grid | undefined,
): Promise<{ stamp: Stamp | undefined; verification: Verification }> {
  const grid = sheet(STAMP_SHEET);
  const stamp = grid ? readStamp(grid) : undefined;
  return { stamp, verification: await verifyStamp(stamp, sheet) };
}

/** Recomputes the digests of the stamped sheets and compares. */
export async function verifyStamp(
  stamp: Stamp | undefined,
  sheet: (name: string) => Grid | undefined,
): Promise<Verification> {
  if (!stamp) return { state: "unstamped", changedSheets: [] };
  const changed: string[] = [];
  for (const d of stamp.sheets) {
    const g = sheet(d.sheet);
    if (!g) {
      changed.push(d.sheet);
      continue;
    }
    if ((await sha256Hex(canonicalSheet(g))) !== d.sha256) changed.push(d.sheet);
  }
  if ((await stampDigest(stamp)) !== stamp.sha256) changed.push(STAMP_SHEET);
  return { state: changed.length === 0 ? "unchanged" : "changed", changedSheets: changed, stamp };
}
