// Calendar dates as Excel serial numbers (1900 date system), and the date arithmetic the deadlines need.
//
// A whole day is kept as its Excel serial everywhere in the core: it is what Excel stores in a date cell,
// it compares and subtracts as a number, and it never depends on the machine's time zone.

import { UTCDate } from "@date-fns/utc";
import { addMonths, addYears } from "date-fns";

/** An Excel serial day number in the 1900 date system (1 = 1900-01-01, 46086 = 2026-03-05). */
export type DateSerial = number;

export interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const MS_PER_DAY = 86_400_000;
/** Serial 0 of the 1900 system is 1899-12-30 once Excel's phantom 1900-02-29 (serial 60) is passed. */
const EPOCH_UTC = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last day Excel can show. */
export const MAX_SERIAL = 2_958_465;
/** 1900-03-01: below it Excel's serials count its phantom 1900-02-29; the core does not accept them. */
export const MIN_SERIAL = 61;

export function serialFromParts(year: number, month: number, day: number): DateSerial {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_UTC) / MS_PER_DAY);
}

export function partsFromSerial(serial: DateSerial): CalendarDate {
  const d = new Date(EPOCH_UTC + serial * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 46086 → "2026-03-05". */
export function formatIsoDate(serial: DateSerial): string {
  const { year, month, day } = partsFromSerial(serial);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** "2026-03-05" → 46086; undefined for anything else. */
export function parseIsoDate(text: string): DateSerial | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCalendarDate(y, mo, d) ? serialFromParts(y, mo, d) : undefined;
}

/** A JS Date → the calendar day it shows in UTC (how ExcelJS hands over date cells). */
export function serialFromUtcDate(date: Date): DateSerial {
  return Math.floor((date.getTime() - EPOCH_UTC) / MS_PER_DAY);
}

/** China Standard Time, UTC+8 all year (SPEC 3 "China time"). */
export const CHINA_OFFSET_MINUTES = 480;

/** The calendar day an instant falls on in China (Asia/Shanghai), whatever the machine's time zone. */
export function chinaDateSerial(instant: Date): DateSerial {
  return Math.floor((instant.getTime() + CHINA_OFFSET_MINUTES * 60_000 - EPOCH_UTC) / MS_PER_DAY);
}

/** "Today": the day it is in China now, on a machine in any time zone. */
export function chinaToday(): DateSerial {
  return chinaDateSerial(new Date());
}

export function utcDateFromSerial(serial: DateSerial): Date {
  return new Date(EPOCH_UTC + serial * MS_PER_DAY);
}

/** Full-width digits and punctuation to their ASCII forms ("２０２６／３／５" → "2026/3/5"). */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

const DATE_TEXT_FORMATS: readonly RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/, // 2026-03-05
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, // 2026/3/5
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, // 2026.3.5
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/, // 2026年3月5日
];

export type DateParse =
  { ok: true; value: DateSerial | null } | { ok: false; reason: "format" | "calendar" | "range" | "type" };

/**
 * A cell's value → a date (SPEC 2.1): an Excel serial, a Date (ExcelJS), or text in one of the accepted
 * formats. Blank → null. Never throws.
 */
export function parseDateInput(value: unknown): DateParse {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, reason: "type" };
    const serial = Math.floor(value);
    if (serial < MIN_SERIAL || serial > MAX_SERIAL) return { ok: false, reason: "range" };
    return { ok: true, value: serial };
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: "type" };
    const serial = serialFromUtcDate(value);
    if (serial < MIN_SERIAL || serial > MAX_SERIAL) return { ok: false, reason: "range" };
    return { ok: true, value: serial };
  }
  if (typeof value !== "string") return { ok: false, reason: "type" };
  const text = toHalfWidth(value).trim();
  if (text === "") return { ok: true, value: null };
  for (const format of DATE_TEXT_FORMATS) {
    const m = format.exec(text);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isValidCalendarDate(y, mo, d)) return { ok: false, reason: "calendar" };
    const serial = serialFromParts(y, mo, d);
    if (serial < MIN_SERIAL || serial > MAX_SERIAL) return { ok: false, reason: "range" };
    return { ok: true, value: serial };
  }
  return { ok: false, reason: "format" };
}

/**
 * Calendar arithmetic in UTC: the machine's time zone must not matter (a zone that skipped a day, as Samoa
 * did on 2011-12-30, has no local midnight for it).
 */
function viaCalendar(serial: DateSerial, shift: (d: UTCDate) => Date): DateSerial {
  const { year, month, day } = partsFromSerial(serial);
  const shifted = shift(new UTCDate(year, month - 1, day));
  return serialFromParts(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/**
 * Shifts are memoised: a register's rows share a few publication dates (one per list), so most of the
 * thousands of deadline computations of a status run repeat one another.
 */
const shiftMemo = new Map<number, DateSerial>();
const MEMO_LIMIT = 200_000;

function memoShift(serial: DateSerial, months: number, compute: () => DateSerial): DateSerial {
  const key = serial * 4096 + months + 2048;
  const hit = shiftMemo.get(key);
  if (hit !== undefined) return hit;
  if (shiftMemo.size >= MEMO_LIMIT) shiftMemo.clear();
  const value = compute();
  shiftMemo.set(key, value);
  return value;
}

/** "N个月内": the same day-of-month N months later, clamped to the month's last day (1月31日 + 1 → 2月28/29日). */
export function addMonthsClamped(serial: DateSerial, months: number): DateSerial {
  return memoShift(serial, months, () => viaCalendar(serial, (d) => addMonths(d, months)));
}

/** "N年内": the same day N years later, 29 Feb clamped to 28 Feb. */
export function addYearsClamped(serial: DateSerial, years: number): DateSerial {
  return memoShift(serial, years * 12, () => viaCalendar(serial, (d) => addYears(d, years)));
}

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(serial: DateSerial): number {
  // 2026-03-02 (serial 46083) was a Monday.
  return ((((serial - 46083) % 7) + 7) % 7) + 1;
}

// ---- quarters ----

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const QUARTER_FORMATS: readonly RegExp[] = [/^(\d{4})\s*-?\s*Q([1-4])$/i, /^(\d{4})年第([1-4一二三四])季度$/];
const CHINESE_QUARTER: Record<string, 1 | 2 | 3 | 4> = {
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
};

/** "2026Q3", "2026-Q3", "2026年第3季度", "2026年第三季度" → { year: 2026, quarter: 3 }. */
export function parseQuarter(text: string): Quarter | undefined {
  const t = toHalfWidth(text).trim();
  for (const format of QUARTER_FORMATS) {
    const m = format.exec(t);
    if (m) return { year: Number(m[1]), quarter: CHINESE_QUARTER[m[2]!.toUpperCase()]! };
  }
  return undefined;
}

export function quarterCode(q: Quarter): string {
  return `${q.year}Q${q.quarter}`;
}

/** (2026年第3季度) as on the forms. */
export function quarterLabel(q: Quarter): string {
  return `${q.year}年第${q.quarter}季度`;
}

export function quarterOf(serial: DateSerial): Quarter {
  const { year, month } = partsFromSerial(serial);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter["quarter"] };
}

export function quarterFirstDay(q: Quarter): DateSerial {
  return serialFromParts(q.year, (q.quarter - 1) * 3 + 1, 1);
}

export function quarterLastDay(q: Quarter): DateSerial {
  const month = q.quarter * 3;
  return serialFromParts(q.year, month, daysInMonth(q.year, month));
}

export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4
    ? { year: q.year + 1, quarter: 1 }
    : { year: q.year, quarter: (q.quarter + 1) as Quarter["quarter"] };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1
    ? { year: q.year - 1, quarter: 4 }
    : { year: q.year, quarter: (q.quarter - 1) as Quarter["quarter"] };
}

/**
 * An ISO time with its offset (2026-11-25T11:19:21+00:00) as a clerk reads it, in China time (UTC+8):
 * "2026-11-25 19:19". Text that is not such a time is returned as it is.
 */
export function chinaTimeText(iso: string): string {
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)
    ? Date.parse(iso)
    : NaN;
  if (Number.isNaN(at)) return iso;
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}
