// cpa archive: 附表2 档案材料清单 for an enterprise (Shanghai), whose filing dates then feed the revision and
// archive deadlines of `cpa status`. cpa performance: 附件6 绩效表 for an enterprise.

import { z } from "zod";
import { check, parse, UsageError, xlsxPath } from "./args";
import type { Command } from "./commands";
import { EXIT } from "./exit";
import { enterpriseSheetsOf } from "../forms/enterpriseFormTitles";
import { addArchiveChecklist, addPerformanceForm } from "../xlsx/workbookCommands";
import {
  IN_PLACE_OPTIONS,
  openRegisterWorkbook,
  optionValues,
  printResult,
  requiredOutput,
  requireRegister,
  saveChanges,
} from "./workbookFile";

const args = z.object({
  file: xlsxPath("台账工作簿文件"),
  enterprise: z.string({ message: "缺少 --enterprise（企业名称或统一社会信用代码）" }).min(1),
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
  replace: z.boolean().optional(),
});

export const archive: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    enterprise: { type: "string" },
    ...IN_PLACE_OPTIONS,
    replace: { type: "boolean" },
  });
  const a = check(args, { file: positionals[0], ...optionValues(values) });
  const target = requiredOutput(a.file, a.o, a.inPlace, values.force);
  const opened = await openRegisterWorkbook(a.file);
  requireRegister(opened);
  const { profile } = opened.loaded;
  if (!enterpriseSheetsOf(profile).includes("archive"))
    throw new UsageError(`附表2 档案材料清单属于上海市配置，工作簿为${profile.region}配置`);
  const { enterprise, sheet: name } = addArchiveChecklist(opened, a.enterprise, a.replace ?? false);
  await saveChanges(opened, target, io);
  printResult(
    io,
    values.json,
    { file: target, enterprise, sheet: name },
    () =>
      `已为“${enterprise}”生成档案材料清单“${name}”，写入 ${target}；填写归档日期后，cpa status 据此判断修改和归档是否逾期`,
  );
  return EXIT.ok;
};

const performanceArgs = z.object({
  file: xlsxPath("台账工作簿文件"),
  enterprise: z.string({ message: "缺少 --enterprise（企业名称或统一社会信用代码）" }).min(1),
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
});

export const performance: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, { enterprise: { type: "string" }, ...IN_PLACE_OPTIONS });
  const a = check(performanceArgs, { file: positionals[0], ...optionValues(values) });
  const target = requiredOutput(a.file, a.o, a.inPlace, values.force);
  const opened = await openRegisterWorkbook(a.file);
  requireRegister(opened);
  const { enterprise, sheet: name } = addPerformanceForm(opened, a.enterprise);
  await saveChanges(opened, target, io);
  printResult(
    io,
    values.json,
    { file: target, enterprise, sheet: name },
    () =>
      `已为“${enterprise}”生成绩效表“${name}”（本轮全部方案 = 无低费方案 + 中高费方案，由公式计算），写入 ${target}`,
  );
  return EXIT.ok;
};
