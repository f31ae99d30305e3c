// cpa annual: 年度统计 of a year (the figures a year's summary needs); cpa acceptance-list: 验收结果名单 of a
// period (广西 三、(八)). Both print the figures (or JSON) and, with -o, add the printable sheet to a copy.

import { z } from "zod";
import type { AcceptedEnterprise } from "../core/acceptanceList";
import type { AnnualCounts, AnnualFigures } from "../core/annual";
import { annualAsOf } from "../core/annual";
import { chinaToday, formatIsoDate } from "../core/dates";
import { DEADLINE_LABELS, type DeadlineCode } from "../core/profiles";
import { addAcceptanceList, addAnnualReport } from "../xlsx/yearReports";
import { check, dateArg, parse, profileArg, xlsxPath } from "./args";
import type { Command } from "./commands";
import { EXIT } from "./exit";
import { textTable } from "./format";
import {
  IN_PLACE_OPTIONS,
  openForCommand,
  optionValues,
  outputTarget,
  printResult,
  PROFILE_OPTION,
  saveChanges,
  written,
} from "./workbookFile";

const common = {
  file: xlsxPath("台账工作簿文件"),
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
  preparer: z.string().optional(),
  profile: profileArg.optional(),
};

const OPTIONS = {
  ...IN_PLACE_OPTIONS,
  preparer: { type: "string" },
  ...PROFILE_OPTION,
} as const;

/** What the text result adds when the command wrote its sheet into a file. */
const writtenText = (target: string | undefined, sheet: string) =>
  target ? [`已写入“${sheet}”：${target}`] : [];

// ---- annual ----

const annualArgs = z.object({
  ...common,
  year: z
    .string({ message: "缺少 --year（如 2026）" })
    .regex(/^\d{4}$/, { message: "--year 应为四位年份，如 2026" })
    .transform(Number),
  asOf: dateArg("--as-of").optional(),
});

function countsJson(c: AnnualCounts) {
  return {
    listed: c.listed,
    started: c.started,
    evaluated: c.evaluated,
    accepted: c.accepted,
    open: c.open,
    overdueByAct: c.overdueByAct,
    adjustments: c.adjustments,
  };
}

/** SPEC 6's `{year, listed, started, evaluated, accepted, open, overdueByAct, adjustments}`, and the open rounds. */
export function annualJson(f: AnnualFigures) {
  return {
    year: f.year,
    asOf: formatIsoDate(f.asOf),
    ...countsJson(f),
    openRounds: countsJson(f.openRounds),
  };
}

function annualText(f: AnnualFigures): string {
  const rows: [string, (c: AnnualCounts) => number][] = [
    ["列入名单", (c) => c.listed.total],
    ...Object.keys(f.listed.byType).map((t): [string, (c: AnnualCounts) => number] => [
      `  其中${t}`,
      (c) => c.listed.byType[t as never],
    ]),
    ["已启动审核", (c) => c.started],
    ...Object.keys(f.evaluated).map((r): [string, (c: AnnualCounts) => number] => [
      `评估${r}`,
      (c) => c.evaluated[r as never],
    ]),
    ...Object.keys(f.accepted).map((r): [string, (c: AnnualCounts) => number] => [
      `验收${r}`,
      (c) => c.accepted[r as never],
    ]),
    ["尚未完成", (c) => c.open],
    ...Object.keys(f.overdueByAct).map((code): [string, (c: AnnualCounts) => number] => [
      `${DEADLINE_LABELS[code as DeadlineCode]}逾期`,
      (c) => c.overdueByAct[code as DeadlineCode] ?? 0,
    ]),
    ...Object.keys(f.adjustments).map((a): [string, (c: AnnualCounts) => number] => [
      `名单调整：${a}`,
      (c) => c.adjustments[a] ?? 0,
    ]),
  ];
  return textTable(
    [
      { title: "项目" },
      { title: `${f.year}年列入`, align: "right" },
      { title: "尚未完成的各轮", align: "right" },
    ],
    rows.map(([label, read]) => [label, String(read(f)), String(read(f.openRounds))]),
  );
}

export const annual: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    ...OPTIONS,
    year: { type: "string" },
    "as-of": { type: "string" },
  });
  const a = check(annualArgs, { file: positionals[0], ...optionValues(values) });
  const target = outputTarget(a.file, a.o, a.inPlace, values.force);
  const opened = await openForCommand(a.file, io, { profile: a.profile, register: false });
  const { loaded } = opened;
  const today = chinaToday();
  const party = {
    district: loaded.settings.district,
    preparer: a.preparer ?? loaded.settings.preparer,
    preparedOn: today,
  };
  const { sheet, figures } = addAnnualReport(opened, a.year, a.asOf ?? annualAsOf(a.year, today), party);
  if (target) await saveChanges(opened, target, io);
  printResult(io, values.json, { ...annualJson(figures), ...written(target, sheet) }, () => [
    `${loaded.settings.district || "本区"} ${a.year}年度统计（统计至 ${formatIsoDate(figures.asOf)}）`,
    annualText(figures),
    ...writtenText(target, sheet),
  ]);
  return EXIT.ok;
};

// ---- acceptance-list ----

const listArgs = z
  .object({ ...common, from: dateArg("--from"), to: dateArg("--to") })
  .refine((a) => a.from <= a.to, { message: "--from 不能晚于 --to" });

const entryJson = (e: AcceptedEnterprise) => ({
  name: e.name,
  creditCode: e.creditCode,
  district: e.district,
  acceptedOn: formatIsoDate(e.acceptedOn),
  score: e.score,
  result: e.result,
});

const entryRow = (e: AcceptedEnterprise, i: number) => [
  String(i + 1),
  e.name,
  e.creditCode,
  e.district,
  formatIsoDate(e.acceptedOn),
  e.score === null ? "" : String(e.score),
  e.result,
];

const LIST_COLUMNS = [
  { title: "序号", align: "right" as const },
  { title: "企业名称" },
  { title: "企业代码" },
  { title: "所属区" },
  { title: "验收时间" },
  { title: "验收得分", align: "right" as const },
  { title: "验收结果" },
];

export const acceptanceList: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    ...OPTIONS,
    from: { type: "string" },
    to: { type: "string" },
  });
  const a = check(listArgs, { file: positionals[0], ...optionValues(values) });
  const target = outputTarget(a.file, a.o, a.inPlace, values.force);
  const opened = await openForCommand(a.file, io, { profile: a.profile, register: false });
  const { loaded } = opened;
  const party = {
    district: loaded.settings.district,
    preparer: a.preparer ?? loaded.settings.preparer,
    preparedOn: chinaToday(),
  };
  const { sheet, list } = addAcceptanceList(opened, a.from, a.to, party);
  if (target) await saveChanges(opened, target, io);
  const listJson = {
    from: formatIsoDate(list.from),
    to: formatIsoDate(list.to),
    passed: list.passed.map(entryJson),
    failed: list.failed.map(entryJson),
    undecided: list.undecided,
    ...written(target, sheet),
  };
  printResult(io, values.json, listJson, () => {
    for (const u of list.undecided)
      io.err(
        `注意：${u.name}（企业名单台账第 ${u.row} 行）验收时间在期间内，但未填验收得分或验收结果，未列入`,
      );
    return [
      `验收结果名单（${formatIsoDate(list.from)} 至 ${formatIsoDate(list.to)}）`,
      `一、验收“合格”企业（${list.passed.length} 家）`,
      textTable(LIST_COLUMNS, list.passed.map(entryRow)),
      `二、验收“不合格”企业（${list.failed.length} 家）`,
      textTable(LIST_COLUMNS, list.failed.map(entryRow)),
      ...writtenText(target, sheet),
    ];
  });
  return EXIT.ok;
};
