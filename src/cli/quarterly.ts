// cpa quarterly: 附表3 and 附表4 / 附件11 for a quarter, written into a copy of the workbook (or in place).

import { z } from "zod";
import { quarterCode, quarterLabel, chinaToday } from "../core/dates";
import { addQuarterForms } from "../xlsx/workbookCommands";
import { check, parse, profileArg, quarterArg, xlsxPath } from "./args";
import type { Command } from "./commands";
import { EXIT } from "./exit";
import {
  IN_PLACE_OPTIONS,
  openForCommand,
  optionValues,
  printResult,
  PROFILE_OPTION,
  requiredOutput,
  saveChanges,
} from "./workbookFile";

const args = z.object({
  file: xlsxPath("台账工作簿文件"),
  quarter: quarterArg,
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
  replace: z.boolean().optional(),
  preparer: z.string().optional(),
  profile: profileArg.optional(),
});

export const quarterly: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    quarter: { type: "string" },
    ...IN_PLACE_OPTIONS,
    replace: { type: "boolean" },
    preparer: { type: "string" },
    ...PROFILE_OPTION,
  });
  const a = check(args, { file: positionals[0], ...optionValues(values) });
  const target = requiredOutput(a.file, a.o, a.inPlace, values.force);
  const opened = await openForCommand(a.file, io, { profile: a.profile, register: false });
  const { loaded } = opened;
  const party = {
    district: loaded.settings.district,
    preparer: a.preparer ?? loaded.settings.preparer,
    preparedOn: chinaToday(),
  };
  const added = addQuarterForms(opened, a.quarter, party, a.replace ?? false);
  const names = added.sheets;
  await saveChanges(opened, target, io);
  for (const f of added.kept)
    io.err(
      `注意：“${f.sheet}”与台账不一致（${f.difference}），已按台账重新生成；原表改名为“${f.keptAs}”保留`,
    );
  for (const f of added.foreign)
    io.err(
      `注意：工作表“${f.sheet}”不是本工具生成的${quarterCode(a.quarter)}报表，--replace 不替换它；新表写入“${f.placedAs}”`,
    );
  printResult(
    io,
    values.json,
    {
      file: target,
      quarter: quarterCode(a.quarter),
      sheets: names,
      kept: added.kept,
      implementationRows: added.implementationRows,
      adjustmentRows: added.adjustmentRows,
    },
    () =>
      `已生成 ${quarterLabel(a.quarter)}：“${names[0]}”（${added.implementationRows} 家企业）、“${names[1]}”（${added.adjustmentRows} 条调整），写入 ${target}`,
  );
  return EXIT.ok;
};
