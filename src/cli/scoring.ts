// cpa rubric / cpa scoresheet / cpa score: the workbook's 评分细则, the experts' scoring sheets made from it,
// and their panel results.

import type { Grid } from "../core/grid";
import { z } from "zod";
import { countBySeverity } from "../core/issues";
import { planWriteBack, scorePanels, type PanelResult } from "../core/panels";
import {
  latestRound,
  REGISTER_COLUMNS,
  REGISTER_SHEET,
  type RegisterField,
  type RegisterRow,
} from "../core/register";
import { RUBRIC_SHEET, RUBRIC_TABLE_LABELS, workbookRubrics } from "../core/rubricSheet";
import { readHeader } from "../core/table";
import { DEFAULT_RUBRICS, rubricItems, SCORING_KINDS, type Rubric, type RubricSet } from "../core/rubrics";
import type { WorkbookGrids } from "../core/workbook";
import { rubricSheetLayout } from "../forms/rubricSheet";
import {
  expertLabel,
  panelLayout,
  readPanelSheet,
  readScoreSheet,
  scoreSheetLayout,
} from "../forms/scoresheets";
import type { CellEdit, WorkbookPatch } from "../xlsx/package/patch";
import { check, parse, profileArg, UsageError, xlsxPath } from "./args";
import type { Command, Io } from "./commands";
import { printIssues } from "./commands";
import { EXIT } from "./exit";
import { textTable } from "./format";
import {
  openRegisterWorkbook,
  outputTarget,
  placeLayout,
  requiredOutput,
  requireRegister,
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

/** The register row an expert panel is for: by exact name or code, else by a unique part of the name. */
export function findEnterprise(rows: readonly RegisterRow[], query: string): RegisterRow {
  const q = query.trim();
  const exact = rows.filter((r) => r.name === q || r.creditCode.toUpperCase() === q.toUpperCase());
  const matches = exact.length > 0 ? exact : rows.filter((r) => r.name.includes(q));
  const names = [...new Set(matches.map((r) => r.name))];
  if (names.length === 0) throw new UsageError(`台账中找不到企业“${q}”`);
  if (names.length > 1) throw new UsageError(`“${q}”对应多家企业：${names.slice(0, 5).join("、")}，请写全称`);
  // Several rounds of one enterprise: the latest.
  return latestRound(matches)!;
}

/** A scoring sheet may be replaced only while nobody has typed a score or key indicator into it. */
function hasTypedScores(grid: Grid, rubrics: RubricSet): boolean {
  const read = readScoreSheet(grid, rubrics);
  return read !== undefined && [...read.scores, ...read.keys].some((c) => !c.ok || c.value !== null);
}

/** The workbook's rubrics; a 评分细则 with an error stops the command, its issues listed. */
function rubricsOf(grids: WorkbookGrids, io: Io): RubricSet | undefined {
  const { rubrics, issues } = workbookRubrics((n) => grids.sheet(n));
  if (!rubrics)
    io.err(
      [
        `“${RUBRIC_SHEET}”有错误，请先修正（cpa rubric 可检查）：`,
        ...issues.filter((i) => i.severity === "error").map((i) => `${i.sheet}!${i.cell} ${i.message}`),
      ].join("\n"),
    );
  return rubrics;
}

export const scoresheet: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    kind: { type: "string" },
    enterprise: { type: "string" },
    experts: { type: "string" },
    output: { type: "string", short: "o" },
    "in-place": { type: "boolean" },
    replace: { type: "boolean" },
    profile: { type: "string" },
  });
  const a = check(sheetArgs, {
    file: positionals[0],
    ...values,
    o: values.output,
    inPlace: values["in-place"],
  });
  const target = requiredOutput(a.file, a.o, a.inPlace);
  const opened = await openRegisterWorkbook(a.file, a.profile);
  requireRegister(opened);
  const row = findEnterprise(opened.loaded.rows, a.enterprise);
  const rubrics = rubricsOf(opened.grids, io);
  if (!rubrics) return EXIT.invalid;
  const rubric = rubrics[a.kind];
  const profile = opened.loaded.profile.id;
  const replaceable = (grid: Grid) => !hasTypedScores(grid, rubrics);
  const sheets = Array.from({ length: a.experts }, (_, i) => {
    const expert = expertLabel(i);
    const { layout, cells } = scoreSheetLayout({
      kind: a.kind,
      enterprise: row.name,
      expert,
      rubric,
      profile,
    });
    return { name: placeLayout(opened, layout, a.replace ?? false, replaceable), expert, cells };
  });
  const panel = placeLayout(
    opened,
    panelLayout({ kind: a.kind, enterprise: row.name, sheets }),
    a.replace ?? false,
    () => true,
  );
  await saveChanges(opened, target, io);
  const names = [...sheets.map((s) => s.name), panel];
  if (values.json)
    io.out(JSON.stringify({ file: target, enterprise: row.name, kind: a.kind, sheets: names }, null, 2));
  else
    io.out(
      `已为“${row.name}”生成 ${a.experts} 份${a.kind === "evaluation" ? "评估" : "验收"}评分表和汇总表：${names.join("、")}，写入 ${target}`,
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

/** Records the write-back plan on the register sheet's patch: scores as numbers, verdicts as text. */
function writeBack(
  patch: WorkbookPatch,
  rows: readonly RegisterRow[],
  columns: Partial<Record<RegisterField, number>>,
  panels: readonly PanelResult[],
) {
  const plan = planWriteBack(rows, columns, panels);
  patch.setCells(
    REGISTER_SHEET,
    plan.writes.map((w): CellEdit => ({
      row: w.row - 1,
      col: w.col,
      value: typeof w.value === "number" ? { t: "number", v: w.value } : { t: "text", v: w.value },
    })),
  );
  return { written: plan.writes.length, issues: plan.issues };
}

export const score: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    "write-back": { type: "boolean" },
    output: { type: "string", short: "o" },
    "in-place": { type: "boolean" },
    profile: { type: "string" },
  });
  const a = check(scoreArgs, {
    file: positionals[0],
    writeBack: values["write-back"],
    o: values.output,
    inPlace: values["in-place"],
    profile: values.profile,
  });
  const target = outputTarget(a.file, a.o, a.inPlace);
  if (a.writeBack && !target)
    throw new UsageError("回填评分结果需要 -o 指定输出文件（或 --in-place 写入原文件）");
  const opened = await openRegisterWorkbook(a.file, a.profile);
  const grids = opened.grids;
  const rubrics = rubricsOf(grids, io);
  if (!rubrics) return EXIT.invalid;
  const experts = opened.wb.worksheets
    .map((ws) => readScoreSheet(grids.sheet(ws.name)!, rubrics))
    .filter((x) => x !== undefined);
  const panelSheets = opened.wb.worksheets
    .map((ws) => readPanelSheet(grids.sheet(ws.name)!, rubrics))
    .filter((x) => x !== undefined);
  const result = scorePanels(experts, panelSheets);
  const issues = [...result.issues];
  if (a.writeBack && target) {
    const grid = requireRegister(opened);
    const back = writeBack(
      opened.patch,
      opened.loaded.rows,
      readHeader(grid, REGISTER_COLUMNS).columns,
      result.panels,
    );
    for (const i of back.issues) issues.push(i);
    await saveChanges(opened, target, io);
    if (!values.json) io.out(`已回填 ${back.written} 个单元格，写入 ${target}`);
  }
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          sheets: result.sheets,
          panels: result.panels.map(
            ({ enterprise, kind, experts: n, completed, score: s, verdict, complete }) => ({
              enterprise,
              kind,
              experts: n,
              completed,
              score: s,
              verdict,
              complete,
            }),
          ),
        },
        null,
        2,
      ),
    );
    if (issues.length > 0) io.err(issues.map((i) => `${i.sheet}!${i.cell} ${i.message}`).join("\n"));
  } else {
    if (result.sheets.length === 0) io.out("工作簿中没有评分表。");
    else {
      io.out(
        textTable(
          [{ title: "评分表" }, { title: "专家" }, { title: "总分", align: "right" }, { title: "结论" }],
          result.sheets.map((s) => [s.sheet, s.expert, s.total === null ? "" : String(s.total), s.verdict]),
        ),
      );
      io.out("");
      io.out(
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
      );
    }
    if (issues.length > 0) printIssues(issues, io);
  }
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
  const { values, positionals } = parse(argv, {
    output: { type: "string", short: "o" },
    "in-place": { type: "boolean" },
  });
  const a = check(rubricArgs, { file: positionals[0], o: values.output, inPlace: values["in-place"] });
  const target = outputTarget(a.file, a.o, a.inPlace);
  const opened = await openRegisterWorkbook(a.file);
  let now = opened.grids;
  if (target) {
    if (opened.grids.sheet(RUBRIC_SHEET))
      throw new UsageError(`工作簿已有“${RUBRIC_SHEET}”工作表，未覆盖；不加 -o 运行可检查它`);
    placeLayout(opened, rubricSheetLayout(DEFAULT_RUBRICS), false, () => false);
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
  if (values.json) {
    io.out(JSON.stringify({ file: target ?? a.file, ...countBySeverity(issues), tables, issues }, null, 2));
  } else {
    if (target)
      io.out(
        `已将默认评分细则写入“${RUBRIC_SHEET}”工作表：${target}。修改后，新生成的评分表和 cpa score 都按它评分。`,
      );
    if (tables.length > 0)
      io.out(
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
      );
    if (!target) printIssues(issues, io);
  }
  return countBySeverity(issues).errors > 0 ? EXIT.invalid : EXIT.ok;
};
