// cpa calendar: every open deadline as an all-day event of an .ics file, with a reminder N days ahead.

import { z } from "zod";
import { urgingFile } from "../docx/urgingFiles";
import { DEFAULT_REMIND_DAYS } from "../forms/calendar";
import { asOfArg, check, parse, profileArg, xlsxPath } from "./args";
import type { Command } from "./commands";
import { writeUrgingFile } from "./letter";
import { daysArg } from "./worklist";
import { AS_OF_OPTION, optionValues, OUTPUT_OPTIONS, PROFILE_OPTION } from "./workbookFile";

const args = z.object({
  file: xlsxPath("台账工作簿文件"),
  asOf: asOfArg,
  remind: daysArg("--remind"),
  profile: profileArg.optional(),
  force: z.boolean().optional(),
  o: z
    .string({ message: "请用 -o 指定输出的日历文件（如 强审期限.ics）" })
    .refine((p) => p.toLowerCase().endsWith(".ics"), { message: "输出文件应为 .ics 日历文件" }),
});

export const calendar: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    ...AS_OF_OPTION,
    remind: { type: "string" },
    ...PROFILE_OPTION,
    ...OUTPUT_OPTIONS,
  });
  const a = check(args, { file: positionals[0], ...optionValues(values) });
  const remindDays = a.remind ?? DEFAULT_REMIND_DAYS;
  return writeUrgingFile(
    a,
    io,
    values.json,
    (wb) => urgingFile(wb, "calendar", a.asOf, { remindDays }),
    (n) => `已将 ${n} 个期限写入日历文件 ${a.o}（提前 ${remindDays} 天提醒）`,
  );
};

export const CALENDAR_USAGE =
  "cpa calendar FILE.xlsx [--as-of YYYY-MM-DD] [--remind N] -o OUT.ics    未完成期限导出为日历（提前 N 天提醒，默认 7）";
