// cpa rubric / cpa scoresheet / cpa score: the workbook's 评分细则, the experts' scoring sheets made from it,
// and their panel results.

import { z } from "zod";
import { countBySeverity } from "../core/issues";
import { RUBRIC_SHEET, RUBRIC_TABLE_LABELS, workbookRubrics } from "../core/rubricSheet";
import { rubricItems, SCORING_KINDS, type Rubric } from "../core/rubrics";
import { addDefaultRubric, addScoreSheets, recordWriteBack, scoreWorkbook } from "../xlsx/workbookCommands";
import { check, parse, profileArg, UsageError, xlsxPath } from "./args";
import type { Command } from "./commands";
import { issuesText } from "./commands";
import { EXIT } from "./exit";
import { textTable } from "./format";
import {
  IN_PLACE_OPTIONS,
  openRegisterWorkbook,
  optionValues,
  outputTarget,
  printResult,
  PROFILE_OPTION,
  requiredOutput,
  saveChanges,
} from "./workbookFile";

/** 选取3—5名…专家组成现场评估专家组 */
export const MIN_EXPERTS = 3;
export const MAX_EXPERTS = 5;

const sheetArgs = z.object({
  file: xlsxPath("台账工作簿文件"),
  kind: z.enum(["evaluation", "acceptance"], {
    message: "--kind 应为 evaluation（评估）或 acceptance（验收）",
  }),
  enterprise: z.string({ message: "缺少 --enterprise（企业名称或统一社会信用代码）" }).min(1),
  experts: z.coerce
    .number({ message: "--experts 应为专家人数" })
    .int({ message: "--experts 应为整数" })
    .min(MIN_EXPERTS, { message: `专家组应为 ${MIN_EXPERTS}—${MAX_EXPERTS} 名专家` })
    .max(MAX_EXPERTS, { message: `专家组应为 ${MIN_EXPERTS}—${MAX_EXPERTS} 名专家` }),
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
  replace: z.boolean().optional(),
  profile: profileArg.optional(),
});

export const scoresheet: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    kind: { type: "string" },
    enterprise: { type: "string" },
    experts: { type: "string" },
    ...IN_PLACE_OPTIONS,
    replace: { type: "boolean" },
    ...PROFILE_OPTION,
  });
  const a = check(sheetArgs, { file: positionals[0], ...optionValues(values) });
  const target = requiredOutput(a.file, a.o, a.inPlace, values.force);
  const opened = await openRegisterWorkbook(a.file, a.profile);
  const { enterprise, sheets: names } = addScoreSheets(opened, { ...a, replace: a.replace ?? false });
  await saveChanges(opened, target, io);
  printResult(
    io,
    values.json,
    { file: target, enterprise, kind: a.kind, sheets: names },
    () =>
      `已为“${enterprise}”生成 ${a.experts} 份${a.kind === "evaluation" ? "评估" : "验收"}评分表和汇总表：${names.join("、")}，写入 ${target}`,
  );
  return EXIT.ok;
};

const scoreArgs = z.object({
  file: xlsxPath("工作簿文件"),
  writeBack: z.boolean().optional(),
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
  profile: profileArg.optional(),
});

export const score: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    "write-back": { type: "boolean" },
    ...IN_PLACE_OPTIONS,
    ...PROFILE_OPTION,
  });
  const a = check(scoreArgs, {
    file: positionals[0],
    ...optionValues(values),
    writeBack: values["write-back"],
  });
  const target = outputTarget(a.file, a.o, a.inPlace, values.force);
  if (a.writeBack && !target)
    throw new UsageError("回填评分结果需要 -o 指定输出文件（或 --in-place 写入原文件）");
  const opened = await openRegisterWorkbook(a.file, a.profile);
  const result = scoreWorkbook(opened);
  const issues = [...result.issues];
  if (a.writeBack && target) {
    const back = recordWriteBack(opened, result);
    for (const i of back.issues) issues.push(i);
    await saveChanges(opened, target, io);
    if (!values.json) io.out(`已回填 ${back.written} 个单元格，写入 ${target}`);
  }
  const panels = result.panels.map(
    ({ enterprise, kind, experts: n, completed, score: s, verdict, complete }) => ({
      enterprise,
      kind,
      experts: n,
      completed,
      score: s,
      verdict,
      complete,
    }),
  );
  printResult(io, values.json, { sheets: result.sheets, panels }, () => [
    ...(result.sheets.length === 0
      ? ["工作簿中没有评分表。"]
      : [
          textTable(
            [{ title: "评分表" }, { title: "专家" }, { title: "总分", align: "right" }, { title: "结论" }],
            result.sheets.map((s) => [s.sheet, s.expert, s.total === null ? "" : String(s.total), s.verdict]),
          ),
          "",
          textTable(
            [
              { title: "企业" },
              { title: "类型" },
              { title: "专家数", align: "right" },
              { title: "已完成", align: "right" },
              { title: "专家组评分", align: "right" },
              { title: "结论" },
            ],
            result.panels.map((p) => [
              p.enterprise,
              p.kind === "evaluation" ? "评估" : "验收",
              String(p.experts),
              `${p.completed}/${p.experts}`,
              p.score === null ? "" : p.score.toFixed(1),
              p.verdict,
            ]),
          ),
        ]),
    ...(issues.length > 0 ? issuesText(issues) : []),
  ]);
  if (values.json && issues.length > 0)
    io.err(issues.map((i) => `${i.sheet}!${i.cell} ${i.message}`).join("\n"));
  return countBySeverity(issues).errors > 0 ? EXIT.invalid : EXIT.ok;
};

// ---- rubric ----

const rubricArgs = z.object({
  file: xlsxPath("工作簿文件"),
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
});

/** Where a rubric comes from, in a line. */
function sourceText(rubric: Rubric): string {
  const s = rubric.source;
  return s.from === "workbook" ? `本区评分细则（“${s.sheet}”工作表）` : `《${s.document}》${s.attachment}`;
}

/**
 * cpa rubric FILE: checks the workbook's 评分细则 and shows which rubric each scoring table uses.
 * cpa rubric FILE -o OUT: writes the default rubric into a new 评分细则 sheet, for the district to edit.
 */
export const rubric: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, IN_PLACE_OPTIONS);
  const a = check(rubricArgs, { file: positionals[0], ...optionValues(values) });
  const target = outputTarget(a.file, a.o, a.inPlace, values.force);
  const opened = await openRegisterWorkbook(a.file);
  let now = opened.grids;
  if (target) {
    addDefaultRubric(opened);
    await saveChanges(opened, target, io);
    // What the workbook scores by now: the file as written, with its own 评分细则.
    now = (await openRegisterWorkbook(target)).grids;
  }
  const { rubrics, issues } = workbookRubrics((n) => now.sheet(n));
  const tables = rubrics
    ? SCORING_KINDS.map((kind) => ({
        kind,
        source: sourceText(rubrics[kind]),
        items: rubricItems(rubrics[kind]).length,
        keyIndicators: rubrics[kind].keyIndicators.length,
        total: rubrics[kind].total,
      }))
    : [];
  printResult(io, values.json, { file: target ?? a.file, ...countBySeverity(issues), tables, issues }, () => [
    ...(target
      ? [
          `已将默认评分细则写入“${RUBRIC_SHEET}”工作表：${target}。修改后，新生成的评分表和 cpa score 都按它评分。`,
        ]
      : []),
    ...(tables.length > 0
      ? [
          textTable(
            [
              { title: "评分表" },
              { title: "来源" },
              { title: "条目", align: "right" },
              { title: "关键指标", align: "right" },
              { title: "分值合计", align: "right" },
            ],
            tables.map((t) => [
              `${RUBRIC_TABLE_LABELS[t.kind]}评分表`,
              t.source,
              String(t.items),
              String(t.keyIndicators),
              String(t.total),
            ]),
          ),
        ]
      : []),
    ...(target ? [] : issuesText(issues)),
  ]);
  return countBySeverity(issues).errors > 0 ? EXIT.invalid : EXIT.ok;
};
