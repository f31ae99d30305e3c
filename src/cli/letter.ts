// cpa letter notice|reminder: the bureau's 书面通知 or 督办通知 to one enterprise or to all, as one .docx with
// one letter per page.

import { z } from "zod";
import { formatIsoDate, type DateSerial } from "../core/dates";
import type { LoadedWorkbook } from "../core/workbook";
import { urgingFile, type UrgingOutcome } from "../docx/urgingFiles";
import { unknownPlaceholders } from "../forms/letters";
import { writeWorkbookBytes } from "../xlsx/io";
import { asOfArg, check, parse, profileArg, UsageError, xlsxPath } from "./args";
import type { Command, Io } from "./commands";
import { EXIT } from "./exit";
import {
  AS_OF_OPTION,
  openForCommand,
  optionValues,
  OUTPUT_OPTIONS,
  printResult,
  PROFILE_OPTION,
  refuseExisting,
} from "./workbookFile";

const args = z.object({
  kind: z.enum(["notice", "reminder"], { message: "请指明 notice（书面通知）或 reminder（督办通知）" }),
  file: xlsxPath("台账工作簿文件"),
  enterprise: z.string().min(1, { message: "--enterprise 不能为空" }).optional(),
  all: z.boolean().optional(),
  asOf: asOfArg,
  profile: profileArg.optional(),
  force: z.boolean().optional(),
  o: z
    .string({ message: "请用 -o 指定输出的 Word 文件（如 督办通知.docx）" })
    .refine((p) => p.toLowerCase().endsWith(".docx"), { message: "输出文件应为 .docx 文件" }),
});

/**
 * Opens the register, makes the file and writes it to `-o`; nothing to write is said (exit 0, no file), an
 * enterprise the register does not hold is a usage error.
 */
export async function writeUrgingFile(
  a: { file: string; o: string; asOf: DateSerial; profile?: "shanghai" | "guangxi"; force?: boolean },
  io: Io,
  json: boolean | undefined,
  make: (wb: LoadedWorkbook) => Promise<UrgingOutcome>,
  done: (count: number) => string,
): Promise<number> {
  refuseExisting(a.o, a.force);
  const opened = await openForCommand(a.file, io, { profile: a.profile });
  const outcome = await make(opened.loaded);
  if ("problem" in outcome) throw new UsageError(outcome.problem);
  if ("nothing" in outcome) {
    const { nothing } = outcome;
    printResult(
      io,
      json,
      { file: null, count: 0, enterprises: [] },
      () => `截至 ${formatIsoDate(a.asOf)}${nothing}，未写入 ${a.o}`,
    );
    return EXIT.ok;
  }
  const { file } = outcome;
  await writeWorkbookBytes(a.o, file.bytes);
  printResult(io, json, { file: a.o, count: file.count, enterprises: file.enterprises }, () =>
    done(file.count),
  );
  return EXIT.ok;
}

export const letter: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    enterprise: { type: "string" },
    all: { type: "boolean" },
    ...AS_OF_OPTION,
    ...PROFILE_OPTION,
    ...OUTPUT_OPTIONS,
  });
  if (positionals.length > 2) throw new UsageError("多余的参数");
  const a = check(args, { kind: positionals[0], file: positionals[1], ...optionValues(values) });
  if ((a.enterprise === undefined) === !a.all)
    throw new UsageError("请用 --enterprise 指定一家企业，或用 --all 为全部企业生成（二者取一）");
  const what = a.kind === "notice" ? "书面通知" : "督办通知";
  return writeUrgingFile(
    a,
    io,
    values.json,
    (wb) => {
      const template = a.kind === "notice" ? wb.settings.noticeTemplate : wb.settings.reminderTemplate;
      for (const p of unknownPlaceholders(template))
        io.err(`警告：强审设置中${what}模板的占位符 ${p} 无法识别，按原样保留`);
      return urgingFile(wb, a.kind, a.asOf, { enterprise: a.enterprise });
    },
    (n) => `已生成${what} ${n} 份（每页一份），写入 ${a.o}`,
  );
};

export const LETTER_USAGE =
  "cpa letter notice|reminder FILE.xlsx (--enterprise 名称 | --all) [--as-of YYYY-MM-DD] -o OUT.docx    书面通知或督办通知（Word 文件，每页一份）";
