// cpa todo: 督办清单 — the open acts overdue or due soon, printed, as JSON, or as a printable sheet.

import { z } from "zod";
import { formatIsoDate } from "../core/dates";
import { workbookWorklist } from "../core/workbook";
import { dueText, type Worklist } from "../core/worklist";
import { worklistLayout } from "../forms/worklistSheet";
import { asOfArg, check, parse, profileArg, xlsxPath } from "./args";
import type { Command } from "./commands";
import { EXIT } from "./exit";
import { textTable } from "./format";
import {
  AS_OF_OPTION,
  openForCommand,
  optionValues,
  OUTPUT_OPTIONS,
  outputTarget,
  placeLayout,
  printResult,
  PROFILE_OPTION,
  saveChanges,
} from "./workbookFile";

/** A number of days given on the command line (--within, --remind). */
export const daysArg = (option: string) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const n = Number(text);
      if (!/^\d+$/.test(text.trim()) || n > 3660) {
        ctx.addIssue({ code: "custom", message: `${option} 应为 0 到 3660 之间的整数天数，实际为“${text}”` });
        return z.NEVER;
      }
      return n;
    });

const args = z.object({
  file: xlsxPath("台账工作簿文件"),
  asOf: asOfArg,
  within: daysArg("--within"),
  profile: profileArg.optional(),
  o: z.string().optional(),
});

/** What an empty worklist says, on every surface. */
export const NOTHING_TO_URGE = "无需督办";

export function worklistJson(list: Worklist) {
  return {
    asOf: formatIsoDate(list.asOf),
    within: list.within,
    items: list.items.map((i) => ({
      row: i.row,
      name: i.name,
      creditCode: i.creditCode,
      listYear: i.listYear,
      act: i.act,
      label: i.label,
      deadline: formatIsoDate(i.deadline),
      overdueDays: i.overdueDays,
      daysLeft: i.daysLeft,
      contact: i.contact,
      phone: i.phone,
      basis: i.basis,
    })),
  };
}

export const todo: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    ...AS_OF_OPTION,
    within: { type: "string" },
    ...PROFILE_OPTION,
    ...OUTPUT_OPTIONS,
  });
  const a = check(args, { file: positionals[0], ...optionValues(values) });
  const target = outputTarget(a.file, a.o, false, values.force);
  const opened = await openForCommand(a.file, io, { profile: a.profile });
  const list = workbookWorklist(opened.loaded, a.asOf, a.within);
  let sheet: string | undefined;
  if (target && list.items.length > 0) {
    sheet = placeLayout(opened, worklistLayout(list, opened.loaded.settings.district), false, () => false);
    await saveChanges(opened, target, io);
  }
  const head = `统计日 ${formatIsoDate(list.asOf)} · 已逾期及 ${list.within} 日内到期的事项`;
  printResult(io, values.json, worklistJson(list), () =>
    list.items.length === 0
      ? `${head}：${NOTHING_TO_URGE}${target ? `，未写入 ${target}` : ""}`
      : [
          `${head} ${list.items.length} 项`,
          textTable(
            [
              { title: "行", align: "right" },
              { title: "企业名称", max: 34 },
              { title: "事项" },
              { title: "期限" },
              { title: "逾期或剩余" },
              { title: "联系人" },
              { title: "联系电话" },
            ],
            list.items.map((i) => [
              String(i.row),
              i.name,
              i.label,
              formatIsoDate(i.deadline),
              dueText(i),
              i.contact,
              i.phone,
            ]),
          ),
          ...(sheet ? [`已将“${sheet}”写入 ${target}`] : []),
        ],
  );
  if (values.json && target && !sheet) io.err(`${NOTHING_TO_URGE}，未写入 ${target}`);
  return EXIT.ok;
};

export const TODO_USAGE =
  "cpa todo FILE.xlsx [--as-of YYYY-MM-DD] [--within N] [--json] [-o OUT.xlsx]    督办清单：已逾期和 N 日内到期的事项";
