// cpa scoresheet / cpa score: the experts' scoring sheets and their panel results.

import type { Grid } from "../core/grid";
import { z } from "zod";
import { countBySeverity } from "../core/issues";
import { planWriteBack, scorePanels, type PanelResult } from "../core/panels";
import { REGISTER_COLUMNS, REGISTER_SHEET, type RegisterField, type RegisterRow } from "../core/register";
import { readHeader } from "../core/table";
import {
  expertLabel,
  panelLayout,
  readPanelSheet,
  readScoreSheet,
  scoreSheetLayout,
} from "../forms/scoresheets";
import type { CellEdit, WorkbookPatch } from "../xlsx/package/patch";
import { check, parse, profileArg, UsageError, xlsxPath } from "./args";
import type { Command } from "./commands";
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
  return matches.reduce((a, b) => ((b.publishedOn ?? 0) > (a.publishedOn ?? 0) ? b : a));
}

/** A scoring sheet may be replaced only while nobody has typed a score into it. */
function hasTypedScores(grid: Grid): boolean {
  const read = readScoreSheet(grid);
  return (
    read !== undefined &&
    (read.scores.some((s) => s !== null) ||
      read.keys.some((k) => k !== null) ||
      read.issues.some((i) => i.code.startsWith("score.")))
  );
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
  const replaceable = (grid: Grid) => !hasTypedScores(grid);
  const sheets = Array.from({ length: a.experts }, (_, i) => {
    const expert = expertLabel(i);
    const { layout, cells } = scoreSheetLayout({ kind: a.kind, enterprise: row.name, expert });
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
  const experts = opened.wb.worksheets
    .map((ws) => readScoreSheet(grids.sheet(ws.name)!))
    .filter((x) => x !== undefined);
  const panelSheets = opened.wb.worksheets
    .map((ws) => readPanelSheet(grids.sheet(ws.name)!))
    .filter((x) => x !== undefined);
  const result = scorePanels(experts, panelSheets);
  const issues = experts.flatMap((e) => e.issues);
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
          panels: result.panels.map(({ enterprise, kind, experts: n, score: s, verdict, complete }) => ({
            enterprise,
            kind,
            experts: n,
            score: s,
            verdict,
            complete,
          })),
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
            { title: "专家组评分", align: "right" },
            { title: "结论" },
          ],
          result.panels.map((p) => [
            p.enterprise,
            p.kind === "evaluation" ? "评估" : "验收",
            String(p.experts),
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
