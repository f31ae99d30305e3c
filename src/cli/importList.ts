// cpa import: a published list appended to the register (xlsx/importRows.ts plans and records the rows);
// here only the arguments, the files and the report.

import { z } from "zod";
import { formatIsoDate, type DateSerial } from "../core/dates";
import { countBySeverity } from "../core/issues";
import { STAGE_LABELS } from "../core/status";
import type { ImportReport } from "../forms/listImport";
import { importListRows } from "../xlsx/importRows";
import { nodeReadLimits, readWorkbookFile } from "../xlsx/io";
import { readWorkbook } from "../xlsx/parse";
import { asOfArg, check, dateArg, parse, profileArg, UsageError, xlsxPath } from "./args";
import type { Command } from "./commands";
import { EXIT } from "./exit";
import { textTable } from "./format";
import {
  AS_OF_OPTION,
  IN_PLACE_OPTIONS,
  openRegisterWorkbook,
  optionValues,
  outputTarget,
  printResult,
  PROFILE_OPTION,
  requireRegister,
  saveChanges,
  warnIfStamped,
} from "./workbookFile";

export const IMPORT_USAGE =
  "cpa import 名单.xlsx --into 台账.xlsx (-o OUT.xlsx | --in-place) [--published YYYY-MM-DD] [--year YYYY] [--dry-run] [--skip-invalid] [--sheet 工作表]    导入公布的名单";

const yearArg = z
  .string()
  .optional()
  .transform((text, ctx): number | undefined => {
    if (text === undefined) return undefined;
    if (!/^\d{4}$/.test(text)) {
      ctx.addIssue({ code: "custom", message: `--year 应为四位年份，实际为“${text}”` });
      return z.NEVER;
    }
    return Number(text);
  });

const importArgs = z.object({
  list: xlsxPath("名单文件"),
  into: xlsxPath("台账工作簿（--into）"),
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
  published: dateArg("--published").optional(),
  year: yearArg,
  asOf: asOfArg,
  dryRun: z.boolean().optional(),
  skipInvalid: z.boolean().optional(),
  sheet: z.string().optional(),
  profile: profileArg.optional(),
});

const iso = (d: DateSerial | null) => (d === null ? null : formatIsoDate(d));
const KIND_LABELS = { new: "新列入", round: "新一轮" } as const;

/** The report as `--json` prints it: `{added, matched, absent, unknownHeaders, issues}` and what was written. */
export function importJson(report: ImportReport, file: string | null) {
  return {
    file,
    listSheet: report.listSheet,
    written: report.written,
    added: report.added.map((a) => ({
      listRow: a.listRow,
      registerRow: a.registerRow,
      name: a.name,
      creditCode: a.creditCode,
      kind: a.kind,
      listYear: a.listYear,
      publishedOn: iso(a.publishedOn),
      previousAcceptedOn: iso(a.previousAcceptedOn),
    })),
    matched: report.matched,
    absent: report.absent,
    unknownHeaders: report.unknownHeaders,
    otherDistricts: report.otherDistricts,
    issues: report.issues,
  };
}

/** The import report as lines of text. */
function reportText(report: ImportReport): string[] {
  const lines: string[] = [];
  const rounds = report.added.filter((a) => a.kind === "round").length;
  lines.push(
    `名单（工作表“${report.listSheet}”）：新增 ${report.added.length} 家（新列入 ${report.added.length - rounds}，新一轮 ${rounds}），已在台账 ${report.matched.length} 家，台账中仍在审核而新名单未列的 ${report.absent.length} 家` +
      (report.otherDistricts > 0 ? `；其他区的 ${report.otherDistricts} 行未导入` : ""),
  );
  if (report.added.length > 0)
    lines.push(
      `\n新增：\n${textTable(
        [
          { title: "名单行", align: "right" },
          { title: "台账行", align: "right" },
          { title: "企业名称", max: 34 },
          { title: "统一社会信用代码" },
          { title: "类型" },
          { title: "名单年度" },
          { title: "名单公布时间" },
          { title: "上轮验收时间" },
        ],
        report.added.map((a) => [
          String(a.listRow),
          String(a.registerRow),
          a.name,
          a.creditCode,
          KIND_LABELS[a.kind],
          String(a.listYear),
          formatIsoDate(a.publishedOn),
          iso(a.previousAcceptedOn) ?? "",
        ]),
      )}`,
    );
  if (report.matched.length > 0)
    lines.push(
      `\n已在台账：\n${textTable(
        [
          { title: "名单行", align: "right" },
          { title: "台账行", align: "right" },
          { title: "企业名称", max: 34 },
          { title: "匹配方式" },
        ],
        report.matched.map((m) => [
          String(m.listRow),
          String(m.registerRow),
          m.name,
          m.by === "code" ? "统一社会信用代码" : "企业名称",
        ]),
      )}`,
    );
  if (report.absent.length > 0)
    lines.push(
      `\n台账中仍在审核、新名单未列的企业：\n${textTable(
        [
          { title: "台账行", align: "right" },
          { title: "企业名称", max: 34 },
          { title: "统一社会信用代码" },
          { title: "当前阶段" },
        ],
        report.absent.map((a) => [String(a.registerRow), a.name, a.creditCode, STAGE_LABELS[a.stage]]),
      )}`,
    );
  if (report.unknownHeaders.length > 0)
    lines.push(`\n无法识别的列（未导入）：${report.unknownHeaders.map((h) => `“${h}”`).join("、")}`);
  if (report.issues.length > 0) {
    const { errors, warnings } = countBySeverity(report.issues);
    lines.push(
      `\n${textTable(
        [{ title: "工作表" }, { title: "单元格" }, { title: "级别" }, { title: "说明" }],
        report.issues.map((i) => [i.sheet, i.cell, i.severity === "error" ? "错误" : "警告", i.message]),
      )}\n共 ${errors} 个错误，${warnings} 个警告。`,
    );
  }
  return lines;
}

export const importList: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    into: { type: "string" },
    ...IN_PLACE_OPTIONS,
    published: { type: "string" },
    year: { type: "string" },
    ...AS_OF_OPTION,
    "dry-run": { type: "boolean" },
    "skip-invalid": { type: "boolean" },
    sheet: { type: "string" },
    ...PROFILE_OPTION,
  });
  if (positionals.length > 1) throw new UsageError("多余的参数");
  const a = check(importArgs, {
    list: positionals[0],
    ...optionValues(values),
    dryRun: values["dry-run"],
    skipInvalid: values["skip-invalid"],
  });
  const target = outputTarget(a.into, a.o, a.inPlace, values.force);
  if (!a.dryRun && !target)
    throw new UsageError("请用 -o 指定输出文件（或用 --in-place 写入台账文件；只查看结果请加 --dry-run）");
  const listFile = await readWorkbookFile(a.list);
  const list = await readWorkbook(listFile.bytes, a.list, nodeReadLimits());
  const opened = await openRegisterWorkbook(a.into, a.profile);
  requireRegister(opened);
  const report = importListRows(opened, list, {
    sheet: a.sheet,
    published: a.published,
    year: a.year,
    asOf: a.asOf,
    skipInvalid: a.skipInvalid,
    apply: !a.dryRun,
  });
  const blocked = countBySeverity(report.issues).errors > 0 && !report.written;
  // -o always gets the workbook (unchanged when the list adds nothing); in place only a change is written.
  const written = !a.dryRun && !blocked && target && (report.written || !a.inPlace) ? target : null;
  if (written) {
    await saveChanges(opened, written, io);
    if (report.written) warnIfStamped(opened, written, "新增的企业", io);
  }
  printResult(io, values.json, importJson(report, written), () => [
    ...reportText(report),
    a.dryRun
      ? "\n试运行：未写入任何文件"
      : blocked
        ? "\n名单中有错误，未写入任何内容（可修改名单后重试，或加 --skip-invalid 跳过有误的行）"
        : report.written
          ? `\n已在“企业名单台账”末尾追加 ${report.added.length} 行，写入 ${target}`
          : `\n没有需要新增的企业${written ? `，${written} 与台账相同` : "，未写入"}`,
  ]);
  return blocked ? EXIT.invalid : EXIT.ok;
};
