// cpa calendar: every open deadline as an all-day event of an .ics file, with a reminder N days ahead.

import { z } from "zod";
import { workbookBureau, workbookStatus } from "../core/workbook";
import { calendarEvents, calendarFile, DEFAULT_REMIND_DAYS } from "../forms/calendar";
import { writeWorkbookBytes } from "../xlsx/io";
import { asOfArg, check, parse, profileArg, xlsxPath } from "./args";
import { printReadWarnings, type Command } from "./commands";
import { EXIT } from "./exit";
import { openRegisterWorkbook, requireRegister } from "./workbookFile";
import { daysArg } from "./worklist";

const args = z.object({
  file: xlsxPath("台账工作簿文件"),
  asOf: asOfArg,
  remind: daysArg("--remind"),
  profile: profileArg.optional(),
  o: z
    .string({ message: "请用 -o 指定输出的日历文件（如 强审期限.ics）" })
    .refine((p) => p.toLowerCase().endsWith(".ics"), { message: "输出文件应为 .ics 日历文件" }),
});

/** The calendar's name in the calendar program. */
export const calendarName = (district: string) => `强审期限${district === "" ? "" : ` · ${district}`}`;

export const calendar: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    "as-of": { type: "string" },
    remind: { type: "string" },
    profile: { type: "string" },
    output: { type: "string", short: "o" },
  });
  const a = check(args, {
    file: positionals[0],
    asOf: values["as-of"],
    remind: values.remind,
    profile: values.profile,
    o: values.output,
  });
  const opened = await openRegisterWorkbook(a.file, a.profile);
  requireRegister(opened);
  const { loaded } = opened;
  printReadWarnings(loaded.readIssues, io);
  const statuses = workbookStatus(loaded, a.asOf);
  const events = calendarEvents({
    rows: loaded.rows,
    statuses,
    bureau: workbookBureau(loaded, a.asOf, statuses).deadlines,
    profile: loaded.profile,
    district: loaded.settings.district,
    asOf: a.asOf,
  });
  const remindDays = a.remind ?? DEFAULT_REMIND_DAYS;
  if (events.length > 0) {
    const text = calendarFile(events, {
      name: calendarName(loaded.settings.district),
      asOf: a.asOf,
      remindDays,
    });
    await writeWorkbookBytes(a.o, new TextEncoder().encode(text));
  }
  if (values.json)
    io.out(
      JSON.stringify({ file: events.length > 0 ? a.o : null, events: events.length, remindDays }, null, 2),
    );
  else if (events.length === 0) io.out(`没有未完成的期限，无需督办，未写入 ${a.o}`);
  else io.out(`已将 ${events.length} 个期限写入日历文件 ${a.o}（提前 ${remindDays} 天提醒）`);
  return EXIT.ok;
};

export const CALENDAR_USAGE =
  "cpa calendar FILE.xlsx [--as-of YYYY-MM-DD] [--remind N] -o OUT.ics    未完成期限导出为日历（提前 N 天提醒，默认 7）";
