// Command-line arguments: parsed by node:util, checked by zod, with Chinese messages for mistakes.

import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import {
  parseIsoDate,
  parseQuarter,
  serialFromLocalDate,
  type DateSerial,
  type Quarter,
} from "../core/dates";
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
    const message = (err as Error).message
      .replace(/^Unknown option '(.*)'.*$/s, "未知选项 $1")
      .replace(/^Option '(.*)' argument missing.*$/s, "选项 $1 缺少取值");
    throw new UsageError(message);
  }
}

export const profileArg = z.enum(PROFILE_IDS, { message: "--profile 应为 shanghai 或 guangxi" });

export const asOfArg = z
  .string()
  .optional()
  .transform((text, ctx): DateSerial => {
    if (text === undefined) return serialFromLocalDate(new Date());
    const d = parseIsoDate(text);
    if (d === undefined) {
      ctx.addIssue({ code: "custom", message: `--as-of 应为 YYYY-MM-DD 格式的日期，实际为“${text}”` });
      return z.NEVER;
    }
    return d;
  });

export const quarterArg = z
  .string({ message: "缺少 --quarter（如 2026Q3）" })
  .transform((text, ctx): Quarter => {
    const q = parseQuarter(text);
    if (!q) {
      ctx.addIssue({ code: "custom", message: `--quarter 应为如 2026Q3 的季度，实际为“${text}”` });
      return z.NEVER;
    }
    return q;
  });

export const xlsxPath = (what: string) =>
  z
    .string({ message: `缺少${what}` })
    .min(1, { message: `缺少${what}` })
    .refine((p) => p.toLowerCase().endsWith(".xlsx"), { message: `${what}应为 .xlsx 文件` });

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
