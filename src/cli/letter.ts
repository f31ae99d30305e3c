// cpa letter notice|reminder: the bureau's 书面通知 or 督办通知 to one enterprise or to all, as one .docx with
// one letter per page.

import { z } from "zod";
import { formatIsoDate } from "../core/dates";
import { workbookStatus, workbookWorklist } from "../core/workbook";
import { lettersDocx } from "../docx/letters";
import { lettersFor, unknownPlaceholders, type LetterKind, type LetterTarget } from "../forms/letters";
import { writeWorkbookBytes } from "../xlsx/io";
import { asOfArg, check, parse, profileArg, UsageError, xlsxPath } from "./args";
import { printReadWarnings, type Command } from "./commands";
import { EXIT } from "./exit";
import { openRegisterWorkbook, requireRegister } from "./workbookFile";
import { NOTHING_TO_URGE } from "./worklist";

const args = z.object({
  kind: z.enum(["notice", "reminder"], { message: "请指明 notice（书面通知）或 reminder（督办通知）" }),
  file: xlsxPath("台账工作簿文件"),
  enterprise: z.string().min(1, { message: "--enterprise 不能为空" }).optional(),
  all: z.boolean().optional(),
  asOf: asOfArg,
  profile: profileArg.optional(),
  o: z
    .string({ message: "请用 -o 指定输出的 Word 文件（如 督办通知.docx）" })
    .refine((p) => p.toLowerCase().endsWith(".docx"), { message: "输出文件应为 .docx 文件" }),
});

export const letter: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    enterprise: { type: "string" },
    all: { type: "boolean" },
    "as-of": { type: "string" },
    profile: { type: "string" },
    output: { type: "string", short: "o" },
  });
  if (positionals.length > 2) throw new UsageError("多余的参数");
  const a = check(args, {
    kind: positionals[0],
    file: positionals[1],
    enterprise: values.enterprise,
    all: values.all,
    asOf: values["as-of"],
    profile: values.profile,
    o: values.output,
  });
  if ((a.enterprise === undefined) === !a.all)
    throw new UsageError("请用 --enterprise 指定一家企业，或用 --all 为全部企业生成（二者取一）");
  const opened = await openRegisterWorkbook(a.file, a.profile);
  requireRegister(opened);
  const { loaded } = opened;
  printReadWarnings(loaded.readIssues, io);
  const kind: LetterKind = a.kind;
  const template = kind === "notice" ? loaded.settings.noticeTemplate : loaded.settings.reminderTemplate;
  for (const p of unknownPlaceholders(template))
    io.err(
      `警告：强审设置中${kind === "notice" ? "书面通知" : "督办通知"}模板的占位符 ${p} 无法识别，按原样保留`,
    );
  const statuses = workbookStatus(loaded, a.asOf);
  const target: LetterTarget = a.all ? { all: true } : { enterprise: a.enterprise! };
  const { letters, problem } = lettersFor(
    loaded,
    kind,
    target,
    a.asOf,
    statuses,
    workbookWorklist(loaded, a.asOf, undefined, statuses),
  );
  if (problem) throw new UsageError(problem);
  if (letters.length === 0) {
    const why = kind === "reminder" ? NOTHING_TO_URGE : "没有可通知的企业";
    if (values.json) io.out(JSON.stringify({ file: null, letters: 0, enterprises: [] }, null, 2));
    else io.out(`截至 ${formatIsoDate(a.asOf)}${why}，未写入 ${a.o}`);
    return EXIT.ok;
  }
  const title = kind === "notice" ? "强制性清洁生产审核书面通知" : "强制性清洁生产审核督办通知";
  await writeWorkbookBytes(a.o, await lettersDocx(letters, title));
  if (values.json)
    io.out(
      JSON.stringify(
        { file: a.o, letters: letters.length, enterprises: letters.map((l) => l.enterprise) },
        null,
        2,
      ),
    );
  else
    io.out(
      `已生成${kind === "notice" ? "书面通知" : "督办通知"} ${letters.length} 份（每页一份），写入 ${a.o}`,
    );
  return EXIT.ok;
};

export const LETTER_USAGE =
  "cpa letter notice|reminder FILE.xlsx (--enterprise 名称 | --all) [--as-of YYYY-MM-DD] -o OUT.docx    书面通知或督办通知（Word 文件，每页一份）";
