// cpa submit / verify / consolidate: the district stamps its workbook for the quarter; the municipal
// centre verifies the stamps and consolidates every district into one city-wide workbook and report.

import { promises as fs } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { annualAsOf } from "../core/annual";
import { EXCLUSION_LABELS, stampIsLate, submissionLabel } from "../core/consolidate";
import { chinaToday } from "../core/dates";
import { countBySeverity } from "../core/issues";
import { chinaTimestamp, verifyWorkbookStamp, type Verification } from "../core/stamp";
import { loadWorkbook } from "../core/workbook";
import { cityLayouts } from "../forms/centreForms";
import { cityReportHtml } from "../forms/report";
import { consolidateFiles } from "../xlsx/city";
import {
  nodeReadLimits,
  openWorkbook,
  readFileBytes,
  writeWorkbookBytes,
  WorkbookFileError,
} from "../xlsx/io";
import type { ReadWorkbook } from "../xlsx/parse";
import { stampSubmission } from "../xlsx/workbookCommands";
import { layoutWorkbookBytes } from "../xlsx/layoutWorkbook";
import { check, parse, quarterArg, UsageError, xlsxPath } from "./args";
import type { Command } from "./commands";
import { issuesText } from "./commands";
import { EXIT } from "./exit";
import { annualJson } from "./yearReports";
import { textTable } from "./format";
import {
  IN_PLACE_OPTIONS,
  openRegisterWorkbook,
  optionValues,
  OUTPUT_OPTIONS,
  printResult,
  PROFILE_OPTION,
  refuseExisting,
  requiredOutput,
  saveChanges,
} from "./workbookFile";

const submitArgs = z.object({
  file: xlsxPath("台账工作簿文件"),
  quarter: quarterArg,
  preparer: z.string({ message: "缺少 --preparer（填报人）" }).min(1, { message: "--preparer 不能为空" }),
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
  at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2})?$/, {
      message: "--at 应为如 2026-10-09T15:30+08:00 的时间",
    })
    .optional(),
});

export const submit: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    quarter: { type: "string" },
    preparer: { type: "string" },
    ...IN_PLACE_OPTIONS,
    at: { type: "string" },
  });
  const a = check(submitArgs, { file: positionals[0], ...optionValues(values) });
  const target = requiredOutput(a.file, a.o, a.inPlace, values.force);
  const opened = await openRegisterWorkbook(a.file);
  const today = chinaToday();
  const r = await stampSubmission(opened, {
    quarter: a.quarter,
    preparer: a.preparer,
    today,
    stampedAt: a.at ?? chinaTimestamp(new Date()),
    limits: nodeReadLimits(),
  });
  if (!r.stamped) {
    const { issues } = r;
    printResult(io, values.json, { ...countBySeverity(issues), issues }, () => [
      "工作簿仍有错误，未报送：",
      ...issuesText(issues),
    ]);
    return EXIT.invalid;
  }
  const { stamp, sheets: names, regenerated } = r;
  await saveChanges(r.stamped, target, io, opened.source);
  printResult(io, values.json, { file: target, ...stamp, regenerated }, () => [
    ...regenerated.map(
      (f) => `“${f.sheet}”与台账不一致（${f.difference}），已按台账重新生成；原表改名为“${f.keptAs}”保留`,
    ),
    `已报送盖章：${names.join("、")}（SHA-256 ${stamp.sha256.slice(0, 16)}…，${stamp.stampedAt}），写入 ${target}`,
  ]);
  return EXIT.ok;
};

// ---- verify ----

export interface FileVerification {
  file: string;
  district: string;
  quarter: string;
  stampedAt: string;
  state: Verification["state"];
  changedSheets: string[];
  late: boolean;
}

async function verifyFile(file: string): Promise<{
  result: FileVerification;
  verification: Verification;
  grids: ReadWorkbook;
}> {
  const grids = await openWorkbook(file);
  const { stamp, verification } = await verifyWorkbookStamp((n) => grids.sheet(n));
  const loaded = loadWorkbook(grids);
  return {
    verification,
    grids,
    result: {
      file,
      district: stamp?.district ?? loaded.settings.district,
      quarter: stamp?.quarter ?? "",
      stampedAt: stamp?.stampedAt ?? "",
      state: verification.state,
      changedSheets: verification.changedSheets,
      late: stamp !== undefined && stampIsLate(stamp),
    },
  };
}

const STATE_TEXT = { unchanged: "未改动", changed: "已改动", unstamped: "未报送盖章" } as const;

export const verify: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {});
  if (positionals.length === 0) throw new UsageError("缺少要核验的工作簿文件");
  const files: FileVerification[] = [];
  const unreadable: { file: string; error: string }[] = [];
  for (const file of positionals) {
    try {
      files.push((await verifyFile(file)).result);
    } catch (err) {
      if (!(err instanceof WorkbookFileError)) throw err;
      unreadable.push({ file, error: err.message });
    }
  }
  printResult(io, values.json, unreadable.length ? { files, unreadable } : { files }, () => {
    for (const u of unreadable) io.err(`无法读取 ${u.file}：${u.error}`);
    return textTable(
      [
        { title: "文件" },
        { title: "填报单位" },
        { title: "季度" },
        { title: "报送时间" },
        { title: "核验" },
        { title: "改动的工作表" },
        { title: "逾期" },
      ],
      files.map((f) => [
        f.file,
        f.district,
        f.quarter,
        f.stampedAt,
        STATE_TEXT[f.state],
        f.changedSheets.join("、"),
        f.late ? "逾期" : "",
      ]),
    );
  });
  if (unreadable.length > 0) return EXIT.usage;
  return files.every((f) => f.state === "unchanged") ? EXIT.ok : EXIT.invalid;
};

// ---- consolidate ----

const consolidateArgs = z.object({
  files: z.array(z.string()).min(1, { message: "缺少要汇总的工作簿文件" }),
  quarter: quarterArg,
  o: xlsxPath("输出文件（-o）"),
  html: z.string().optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, { message: "--year 应为四位年份，如 2026" })
    .transform(Number)
    .optional(),
});

/** Each file under its own name, or under the path given where two files of one name come from two folders. */
function districtFiles(files: readonly string[]) {
  const sources = files.map((f) => path.resolve(f));
  return files.map((file, i) => {
    const name = path.basename(file);
    const clash = files.some((g, j) => path.basename(g) === name && sources[j] !== sources[i]);
    return { name: clash ? file : name, source: sources[i], read: () => readFileBytes(file) };
  });
}

export const consolidate: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    quarter: { type: "string" },
    ...OUTPUT_OPTIONS,
    html: { type: "string" },
    ...PROFILE_OPTION,
    year: { type: "string" },
  });
  if (values.profile !== undefined)
    throw new UsageError("汇总按各区报送盖章中的地区配置进行，不能用 --profile 指定");
  const a = check(consolidateArgs, { files: positionals, ...optionValues(values) });
  if (positionals.some((f) => path.resolve(f) === path.resolve(a.o)))
    throw new UsageError("输出文件不能是输入文件之一");
  refuseExisting(a.o, values.force);
  const today = chinaToday();
  const annual =
    a.year === undefined ? undefined : { year: a.year, asOf: annualAsOf(a.year, today), preparedOn: today };
  const { city, profile } = await consolidateFiles(districtFiles(positionals), a.quarter, undefined, annual);
  const { bytes } = await layoutWorkbookBytes(cityLayouts(city, a.quarter, profile));
  await writeWorkbookBytes(a.o, bytes);
  if (a.html)
    await fs.writeFile(
      a.html,
      cityReportHtml(city, `${profile.region}强制性清洁生产审核${city.quarter}汇总`),
      "utf8",
    );
  const summary = {
    file: a.o,
    quarter: city.quarter,
    profile: profile.id,
    districts: city.districts.map((d) => ({
      district: d.district,
      file: d.file,
      state: d.verification.state,
      stampedAt: d.verification.stamp?.stampedAt ?? null,
      late: d.late,
      submission: submissionLabel(d),
      implementationRows: d.implementation.length,
      adjustmentRows: d.adjustments.length,
    })),
    excluded: city.excluded.map((x) => ({
      file: x.report.file,
      district: x.report.district,
      status: EXCLUSION_LABELS[x.exclusion],
      reason: x.reason,
      countedFile: x.countedFile ?? null,
    })),
    failed: city.failed,
    missing: city.missing,
    late: city.late,
    ...(city.annual ? { annual: annualJson(city.annual.figures) } : {}),
  };
  printResult(io, values.json, summary, () => [
    `已汇总 ${city.districts.length} 个区（${profile.region}，${city.quarter}），写入 ${a.o}${a.html ? `，报告 ${a.html}` : ""}`,
    textTable(
      [{ title: "区" }, { title: "计入的文件" }, { title: "报送时间" }, { title: "核验" }, { title: "报送" }],
      city.districts.map((d) => [
        d.district,
        d.file,
        d.verification.stamp?.stampedAt ?? "",
        `${STATE_TEXT[d.verification.state]}${d.verification.changedSheets.length ? `（${d.verification.changedSheets.join("、")}）` : ""}`,
        submissionLabel(d),
      ]),
    ),
    ...city.excluded.map(
      (x) => `${EXCLUSION_LABELS[x.exclusion]}：${x.report.file}（${x.report.district}）${x.reason}`,
    ),
    ...(city.missing.length ? [`未报送：${city.missing.join("、")}`] : []),
    ...(city.late.length ? [`逾期报送：${city.late.join("、")}`] : []),
    ...city.failed.map((f) => `无法读取：${f.file}（${f.reason}）`),
  ]);
  return EXIT.ok;
};
