// cpa form KIND: one of the seeds' per-enterprise forms (广西 附件1, 附件4, 附件5, 附件9; 上海 附表1) for an
// enterprise, pre-filled from its latest register row, as a new sheet of a copy of the workbook (or in place).

import { z } from "zod";
import { PROFILES } from "../core/profiles";
import { ENTERPRISE_FORMS, enterpriseFormLabel } from "../forms/enterpriseForms";
import { addEnterpriseForm } from "../xlsx/workbookCommands";
import { check, parse, xlsxPath } from "./args";
import type { Command } from "./commands";
import { EXIT } from "./exit";
import {
  IN_PLACE_OPTIONS,
  openRegisterWorkbook,
  optionValues,
  printResult,
  requiredOutput,
  saveChanges,
} from "./workbookFile";

const args = z.object({
  kind: z.string({ message: "缺少表单类型（如 evaluation-application）" }).min(1),
  file: xlsxPath("台账工作簿文件"),
  enterprise: z.string({ message: "缺少 --enterprise（企业名称或统一社会信用代码）" }).min(1),
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
});

/** The usage line, naming each profile's kinds and the attachment each is. */
export const FORM_USAGE = `cpa form KIND FILE.xlsx --enterprise 名称 -o OUT.xlsx    生成表单，KIND：${Object.values(
  PROFILES,
)
  .map(
    (p) =>
      `${p.region} ${p.enterpriseForms.map((k) => `${k}（${ENTERPRISE_FORMS[k].attachment}）`).join("、")}`,
  )
  .join("；")}`;

export const form: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, { enterprise: { type: "string" }, ...IN_PLACE_OPTIONS });
  const a = check(args, { kind: positionals[0], file: positionals[1], ...optionValues(values) });
  const target = requiredOutput(a.file, a.o, a.inPlace, values.force);
  const opened = await openRegisterWorkbook(a.file);
  const { enterprise, sheet: name, kind } = addEnterpriseForm(opened, a.kind, a.enterprise);
  await saveChanges(opened, target, io);
  const label = enterpriseFormLabel(kind);
  printResult(
    io,
    values.json,
    { file: target, kind, form: label, enterprise, sheet: name },
    () => `已为“${enterprise}”生成${label}“${name}”，写入 ${target}`,
  );
  return EXIT.ok;
};
