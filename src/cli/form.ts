// cpa form KIND: one of the seeds' per-enterprise forms (广西 附件1, 附件4, 附件5, 附件9; 上海 附表1) for an
// enterprise, pre-filled from its latest register row, as a new sheet of a copy of the workbook (or in place).

import { z } from "zod";
import { PROFILES } from "../core/profiles";
import {
  describeForms,
  ENTERPRISE_FORMS,
  enterpriseFormLabel,
  enterpriseFormLayout,
  profileHasForm,
} from "../forms/enterpriseForms";
import { check, parse, UsageError, xlsxPath } from "./args";
import type { Command } from "./commands";
import { EXIT } from "./exit";
import { findEnterprise } from "./scoring";
import {
  openRegisterWorkbook,
  placeLayout,
  requiredOutput,
  requireRegister,
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
  const { values, positionals } = parse(argv, {
    enterprise: { type: "string" },
    output: { type: "string", short: "o" },
    "in-place": { type: "boolean" },
  });
  const a = check(args, {
    kind: positionals[0],
    file: positionals[1],
    ...values,
    o: values.output,
    inPlace: values["in-place"],
  });
  const target = requiredOutput(a.file, a.o, a.inPlace);
  const opened = await openRegisterWorkbook(a.file);
  requireRegister(opened);
  const { profile, settings } = opened.loaded;
  if (!profileHasForm(profile, a.kind))
    throw new UsageError(
      `${profile.region}配置的工作簿没有表单“${a.kind}”；可生成：${describeForms(profile)}`,
    );
  const row = findEnterprise(opened.loaded.rows, a.enterprise);
  // A form may already hold what someone filled in: a second one gets a numbered sheet, never a replacement.
  const name = placeLayout(opened, enterpriseFormLayout(a.kind, row, settings.district), false, () => false);
  await saveChanges(opened, target, io);
  const label = enterpriseFormLabel(a.kind);
  if (values.json)
    io.out(
      JSON.stringify({ file: target, kind: a.kind, form: label, enterprise: row.name, sheet: name }, null, 2),
    );
  else io.out(`已为“${row.name}”生成${label}“${name}”，写入 ${target}`);
  return EXIT.ok;
};
