// cpa quarterly: 附表3 and 附表4 / 附件11 for a quarter, written into a copy of the workbook (or in place).

import type ExcelJS from "exceljs";
import { z } from "zod";
import { quarterCode, quarterLabel, serialFromLocalDate } from "../core/dates";
import { adjustmentRows, implementationRows } from "../core/quarterly";
import { rowContexts } from "../core/status";
import type { SheetLayout } from "../forms/layout";
import { uniqueSheetName } from "../forms/layout";
import {
  adjustmentLayout,
  adjustmentSheetName,
  implementationLayout,
  implementationSheetName,
} from "../forms/quarterlyForms";
import { saveWorkbook } from "../xlsx/io";
import { writeLayout } from "../xlsx/writeLayout";
import { check, parse, profileArg, quarterArg, UsageError, xlsxPath } from "./args";
import type { Command } from "./commands";
import { EXIT } from "./exit";
import { openRegisterWorkbook, requiredOutput } from "./workbookFile";

const args = z.object({
  file: xlsxPath("台账工作簿文件"),
  quarter: quarterArg,
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
  replace: z.boolean().optional(),
  preparer: z.string().optional(),
  profile: profileArg.optional(),
});

/**
 * Adds `layout` as a new sheet. A sheet of the same name is replaced only when asked and only when
 * `replaceable` says it holds nothing typed; otherwise the new sheet gets the next free numbered name.
 */
export function placeLayout(
  wb: ExcelJS.Workbook,
  layout: SheetLayout,
  replace: boolean,
  replaceable: (ws: ExcelJS.Worksheet) => boolean,
): string {
  const existing = wb.getWorksheet(layout.name);
  if (existing && replace) {
    if (!replaceable(existing))
      throw new UsageError(`工作表“${layout.name}”中有手工录入的内容，不能替换；请去掉 --replace 另建新表`);
    wb.removeWorksheet(existing.id);
  }
  const name = uniqueSheetName(
    layout.name,
    wb.worksheets.map((w) => w.name),
  );
  writeLayout(wb, { ...layout, name });
  return name;
}

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
  const { loaded } = opened;
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
      opened.wb,
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
      opened.wb,
      adjustmentLayout(adj, a.quarter, loaded.profile, party, adjustmentSheetName(a.quarter, loaded.profile)),
      a.replace ?? false,
      () => true,
    ),
  ];
  await saveWorkbook(opened.wb, target);
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
