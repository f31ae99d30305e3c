// 强审期限.ics: every open deadline as an all-day event of an iCalendar file (RFC 5545) with a reminder ahead,
// so a district's calendar program shows what falls due. Each event's UID names the enterprise's round and the
// act, so importing a newer file updates the events it already holds instead of adding them twice.

import { BUREAU_LABELS, type BureauDeadline } from "../core/bureau";
import { normalizeCreditCode } from "../core/creditCode";
import { formatIsoDate, type DateSerial } from "../core/dates";
import { DEADLINE_LABELS, type Profile } from "../core/profiles";
import type { RegisterRow } from "../core/register";
import type { RowStatus } from "../core/status";
import { actBasisText } from "../core/worklist";

/** VALARM's default: a reminder this many days before the deadline. */
export const DEFAULT_REMIND_DAYS = 7;

export interface CalendarEvent {
  uid: string;
  date: DateSerial;
  summary: string;
  description: string;
}

export interface CalendarInput {
  rows: readonly RegisterRow[];
  statuses: readonly RowStatus[];
  bureau: readonly BureauDeadline[];
  profile: Profile;
  district: string;
  asOf: DateSerial;
}

const UID_DOMAIN = "qiangshen.cpa";

/** FNV-1a over the text's UTF-16 units, as 8 hex digits: a short, stable stand-in for a name in a UID. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The enterprise in a UID: its credit code, else (no code yet) a hash of its name. */
function enterpriseId(row: Pick<RegisterRow, "creditCode" | "name">): string {
  const code = normalizeCreditCode(row.creditCode);
  return /^[0-9A-Z]{18}$/.test(code) ? code : `name-${hash(row.name.trim())}`;
}

/** One event per open deadline of each enterprise round (overdue ones too) and per open bureau deadline. */
export function calendarEvents(input: CalendarInput): CalendarEvent[] {
  const { rows, statuses, profile, asOf } = input;
  const events: CalendarEvent[] = [];
  statuses.forEach((s, i) => {
    const row = rows[i]!;
    const round = row.publishedOn === null ? `row${s.row}` : formatIsoDate(row.publishedOn).replace(/-/g, "");
    for (const act of s.open) {
      const due = s.deadlines[act];
      if (due === null) continue;
      const label = DEADLINE_LABELS[act];
      const contact = [row.contact, row.phone].filter((t) => t !== "").join(" ");
      events.push({
        uid: `${enterpriseId(row)}-${round}-${act}@${UID_DOMAIN}`,
        date: due,
        summary: `${s.name} · ${label}`,
        description: [
          `${label}期限：${formatIsoDate(due)}${due < asOf ? `（截至 ${formatIsoDate(asOf)} 已逾期 ${asOf - due} 天）` : ""}`,
          `统一社会信用代码：${s.creditCode}`,
          row.listYear === null ? "" : `名单年度：${row.listYear}`,
          contact === "" ? "" : `联系人：${contact}`,
          `依据：${actBasisText(profile, act)}`,
        ]
          .filter((l) => l !== "")
          .join("\n"),
      });
    }
  });
  const who = input.district === "" ? "bureau" : `bureau-${hash(input.district.trim())}`;
  for (const b of input.bureau) {
    if (b.state === "met" || b.state === "late") continue;
    const period = b.code === "quarterly_report" ? b.period : `${b.period}年度`;
    events.push({
      uid: `${who}-${b.code}-${b.period}@${UID_DOMAIN}`,
      date: b.due,
      summary: `${input.district || "区生态环境局"} · ${BUREAU_LABELS[b.code]}（${period}）`,
      description: `${BUREAU_LABELS[b.code]}期限：${formatIsoDate(b.due)}${b.due < asOf ? `（截至 ${formatIsoDate(asOf)} 已逾期）` : ""}`,
    });
  }
  return events.sort((a, b) => a.date - b.date || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; the control characters
 * the format forbids shown as \u001b, so a name holding one keeps the file readable.
 */
export function icsText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    )
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const icsDate = (d: DateSerial) => formatIsoDate(d).replace(/-/g, "");

/** The .ics file: all-day events, each with a display alarm `remindDays` before its day. */
export function calendarFile(
  events: readonly CalendarEvent[],
  options: { name: string; asOf: DateSerial; remindDays: number },
): string {
  // DTSTAMP: the as-of day, so the same register gives the same file and a later one supersedes it.
  const stamp = `${icsDate(options.asOf)}T000000Z`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//qiangshen-assistant//cpa calendar//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(options.name)}`,
  ];
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${icsText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      `DTEND;VALUE=DATE:${icsDate(e.date + 1)}`,
      `SUMMARY:${icsText(e.summary)}`,
      `DESCRIPTION:${icsText(e.description)}`,
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `TRIGGER:-P${options.remindDays}D`,
      `DESCRIPTION:${icsText(e.summary)}`,
      "END:VALARM",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
