// cpa quarterly: 附表3 and 附表4 / 附件11 for a quarter, written into a copy of the workbook (or in place).

import { z } from "zod";
import { quarterCode, quarterLabel, serialFromLocalDate } from "../core/dates";
import { adjustmentRows, implementationRows } from "../core/quarterly";
import { rowContexts } from "../core/status";
import {
  adjustmentLayout,
  adjustmentSheetName,
  implementationLayout,
  implementationSheetName,
} from "../forms/quarterlyForms";
import { check, parse, profileArg, quarterArg, xlsxPath } from "./args";
import { printReadWarnings, type Command } from "./commands";
import { EXIT } from "./exit";
import {
  openRegisterWorkbook,
  placeLayout,
  requiredOutput,
  requireRegister,
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
    output: { type: "string", short: "o" },
    "in-place": { type: "boolean" },
    replace: { type: "boolean" },
    preparer: { type: "string" },
    profile: { type: "string" },
  });
  const a = check(args, { file: positionals[0], ...values, o: values.output, inPlace: values["in-place"] });
  const target = requiredOutput(a.file, a.o, a.inPlace);
  const opened = await openRegisterWorkbook(a.file, a.profile);
  requireRegister(opened);
  const { loaded } = opened;
  printReadWarnings(loaded.readIssues, io);
  const party = {
    district: loaded.settings.district,
    preparer: a.preparer ?? loaded.settings.preparer,
    preparedOn: serialFromLocalDate(new Date()),
  };
  const impl = implementationRows(
    loaded.rows,
    a.quarter,
    loaded.profile,
    rowContexts(loaded.rows, loaded.log),
  );
  const adj = adjustmentRows(loaded.log, a.quarter);
  // The generated forms hold no typed input, so they may always be replaced.
  const names = [
    placeLayout(
      opened,
      implementationLayout(
        impl,
        a.quarter,
        loaded.profile,
        party,
        implementationSheetName(a.quarter, loaded.profile),
      ),
      a.replace ?? false,
      () => true,
    ),
    placeLayout(
      opened,
      adjustmentLayout(adj, a.quarter, loaded.profile, party, adjustmentSheetName(a.quarter, loaded.profile)),
      a.replace ?? false,
      () => true,
    ),
  ];
  await saveChanges(opened, target, io);
  if (values.json)
    io.out(
      JSON.stringify(
        {
          file: target,
          quarter: quarterCode(a.quarter),
          sheets: names,
          implementationRows: impl.length,
          adjustmentRows: adj.length,
        },
        null,
        2,
      ),
    );
  else
    io.out(
      `已生成 ${quarterLabel(a.quarter)}：“${names[0]}”（${impl.length} 家企业）、“${names[1]}”（${adj.length} 条调整），写入 ${target}`,
    );
  return EXIT.ok;
};
