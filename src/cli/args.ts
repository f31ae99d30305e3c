// Command-line arguments: parsed by node:util, checked by zod, with Chinese messages for mistakes.

import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { parseIsoDate, parseQuarter, chinaToday, type DateSerial, type Quarter } from "../core/dates";
import { PROFILE_IDS } from "../core/profiles";

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

export const COMMON_OPTIONS = {
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

export function parse<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(argumentProblem(err as Error & { code?: string }));
  }
}

/** node:util's English message about an argument, said in Chinese. */
function argumentProblem(err: Error & { code?: string }): string {
  const option = /'(-[^',\s]*)/.exec(err.message)?.[1] ?? "";
  if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return `未知选项 ${option}（以“-”开头的文件名请写在 -- 之后，如 -- ${option}）`;
  if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/argument missing/.test(err.message)) return `选项 ${option} 缺少取值`;
    if (/does not take an argument/.test(err.message)) return `选项 ${option} 不带取值`;
    if (/ambiguous/.test(err.message)) {
      const long = /use '(--[\w-]+)=/.exec(err.message)?.[1] ?? option;
      return `选项 ${option} 后面是以“-”开头的内容：如它就是取值，请写成 ${long}=取值`;
    }
    return `选项 ${option} 的取值无效`;
  }
  if (err.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return "多余的参数";
  return "参数有误";
}

export const profileArg = z.enum(PROFILE_IDS, { message: "--profile 应为 shanghai 或 guangxi" });

/** A date option written YYYY-MM-DD (--from, --to, --published, --as-of). */
export const dateArg = (option: string) =>
  z.string({ message: `缺少 ${option}（如 2026-01-01）` }).transform((text, ctx): DateSerial => {
    const d = parseIsoDate(text);
    if (d === undefined) {
      ctx.addIssue({ code: "custom", message: `${option} 应为 YYYY-MM-DD 格式的日期，实际为“${text}”` });
      return z.NEVER;
    }
    return d;
  });

/** --as-of: the day a command counts at, today in China unless given. */
export const asOfArg = dateArg("--as-of")
  .optional()
  .transform((d): DateSerial => d ?? chinaToday());

export const quarterArg = z
  .string({ message: "缺少 --quarter（如 2026Q3）" })
  .transform((text, ctx): Quarter => {
    const q = parseQuarter(text);
    if (!q) {
      ctx.addIssue({ code: "custom", message: `--quarter 应为如 2026Q3 的季度，实际为“${text}”` });
      return z.NEVER;
    }
    if (q.year < 2000 || q.year > 2100) {
      ctx.addIssue({ code: "custom", message: `--quarter 的年份应在 2000 至 2100 年之间，实际为“${text}”` });
      return z.NEVER;
    }
    return q;
  });

/** Spreadsheets of other formats, which Excel or WPS saves as .xlsx. */
const OTHER_SPREADSHEETS = /\.(xls|xlsm|xlsb|xltx|xltm|ods|fods|csv|txt|et|ett|numbers)$/i;

export const xlsxPath = (what: string) =>
  z
    .string({ message: `缺少${what}` })
    .min(1, { message: `缺少${what}` })
    .superRefine((p, ctx) => {
      if (p.toLowerCase().endsWith(".xlsx")) return;
      const other = OTHER_SPREADSHEETS.exec(p)?.[1];
      ctx.addIssue({
        code: "custom",
        message: other
          ? `${what}应为 .xlsx 文件，不能是 .${other.toLowerCase()} 文件：请在 Excel 或 WPS 中打开它，“另存为” Excel 工作簿 (*.xlsx) 后再试`
          : `${what}应为 .xlsx 文件`,
      });
    });

export const seedArg = z
  .string()
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return 1;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) {
      ctx.addIssue({ code: "custom", message: `--seed 应为非负整数，实际为“${text}”` });
      return z.NEVER;
    }
    return n;
  });

/** Runs a zod schema over the parsed arguments; the first problem becomes a usage error. */
export function check<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(r.error.issues[0]?.message ?? "参数无效");
  return r.data;
}
