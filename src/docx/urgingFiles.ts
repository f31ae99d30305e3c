// The 督办 files a district downloads: 书面通知 or 督办通知 (.docx, one letter per page) and the deadlines'
// calendar (.ics). One function for the CLI, the pane and the web page; the pane fetches it (and the .docx
// library) only when a file is first asked for.

import { formatIsoDate, type DateSerial } from "../core/dates";
import { workbookBureau, workbookStatus, workbookWorklist, type LoadedWorkbook } from "../core/workbook";
import { calendarEvents, calendarFile, DEFAULT_REMIND_DAYS } from "../forms/calendar";
import { lettersFor, type LetterKind } from "../forms/letters";
import { lettersDocx } from "./letters";

export type UrgingKind = LetterKind | "calendar";

export interface UrgingFile {
  name: string;
  bytes: Uint8Array;
  type: string;
  /** Letters or events in the file. */
  count: number;
  /** The enterprises written to (letters). */
  enterprises: string[];
}

export type UrgingOutcome = { file: UrgingFile } | { nothing: string } | { problem: string };

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const ICS_TYPE = "text/calendar";

const TITLES: Record<UrgingKind, string> = {
  notice: "书面通知",
  reminder: "督办通知",
  calendar: "强审期限",
};

/** The calendar's name in the calendar program. */
export const calendarName = (district: string) => `强审期限${district === "" ? "" : ` · ${district}`}`;

/**
 * The file of `kind` as of `asOf`: letters to one enterprise (by name or code) or, without one, to every
 * enterprise concerned; or the calendar of every open deadline. Nothing to write and a name the register does
 * not hold are said, not thrown.
 */
export async function urgingFile(
  wb: LoadedWorkbook,
  kind: UrgingKind,
  asOf: DateSerial,
  options: { enterprise?: string; remindDays?: number } = {},
): Promise<UrgingOutcome> {
  const statuses = workbookStatus(wb, asOf);
  const name = `${TITLES[kind]} ${formatIsoDate(asOf)}`;
  if (kind === "calendar") {
    const events = calendarEvents({
      rows: wb.rows,
      statuses,
      bureau: workbookBureau(wb, asOf, statuses).deadlines,
      profile: wb.profile,
      district: wb.settings.district,
      asOf,
    });
    if (events.length === 0) return { nothing: "没有未完成的期限，无需督办" };
    const text = calendarFile(events, {
      name: calendarName(wb.settings.district),
      asOf,
      remindDays: options.remindDays ?? DEFAULT_REMIND_DAYS,
    });
    const bytes = new TextEncoder().encode(text);
    return { file: { name: `${name}.ics`, bytes, type: ICS_TYPE, count: events.length, enterprises: [] } };
  }
  const target =
    options.enterprise !== undefined ? { enterprise: options.enterprise } : ({ all: true } as const);
  const list = workbookWorklist(wb, asOf, undefined, statuses);
  const { letters, problem } = lettersFor(wb, kind, target, asOf, statuses, list);
  if (problem) return { problem };
  if (letters.length === 0) return { nothing: kind === "reminder" ? "无需督办" : "没有可通知的企业" };
  const bytes = await lettersDocx(letters, `强制性清洁生产审核${TITLES[kind]}`);
  return {
    file: {
      name: `${name}.docx`,
      bytes,
      type: DOCX_TYPE,
      count: letters.length,
      enterprises: letters.map((l) => l.enterprise),
    },
  };
}
