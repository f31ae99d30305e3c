// The `cpa` commands: each parses its arguments, calls the core, and prints Chinese tables or JSON.

import { z } from "zod";
import { LOG_SHEET } from "../core/adjustments";
import { formatIsoDate, chinaToday, type DateSerial } from "../core/dates";
import { demoData } from "../core/demo";
import { countBySeverity, type Issue } from "../core/issues";
import { DEADLINE_CODES, DEADLINE_LABELS, getProfile, type DeadlineCode } from "../core/profiles";
import { REGISTER_SHEET } from "../core/register";
import { SETTINGS_SHEET } from "../core/settings";
import { overdueText, STAGE_LABELS, STAGES, type RowStatus } from "../core/status";
import { workbookBureau, workbookIssues, workbookStatus } from "../core/workbook";
import { BUREAU_LABELS, bureauDeadlineText, type BureauStatus } from "../core/bureau";
import { saveWorkbook, writeWorkbookBytes } from "../xlsx/io";
import { newRegisterWorkbook } from "../xlsx/registerWorkbook";
import { asOfArg, check, parse, profileArg, seedArg, xlsxPath } from "./args";
import { EXIT } from "./exit";
import { textTable } from "./format";
import {
  AS_OF_OPTION,
  IN_PLACE_OPTIONS,
  openRegisterWorkbook,
  openSnapshot,
  optionValues,
  OUTPUT_OPTIONS,
  outputTarget,
  patchStatus,
  printReadWarnings,
  printResult,
  PROFILE_OPTION,
  refuseExisting,
  requireRegister,
  saveChanges,
  warnIfStamped,
} from "./workbookFile";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export type Command = (argv: string[], io: Io) => Promise<number>;

const iso = (d: DateSerial | null) => (d === null ? null : formatIsoDate(d));

// ---- init / demo ----

const initArgs = z.object({
  file: xlsxPath("要创建的工作簿文件名（如 台账.xlsx）"),
  profile: profileArg,
  district: z
    .string({ message: "缺少 --district（填报单位，如 浦东新区生态环境局）" })
    .min(1, { message: "--district 不能为空" }),
  force: z.boolean().optional(),
});

export const init: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    ...PROFILE_OPTION,
    district: { type: "string" },
    force: OUTPUT_OPTIONS.force,
  });
  const a = check(initArgs, { file: positionals[0], ...values });
  refuseExisting(a.file, a.force);
  await saveWorkbook(newRegisterWorkbook(a.profile, a.district), a.file);
  printResult(
    io,
    values.json,
    { file: a.file, profile: a.profile, district: a.district },
    () =>
      `已创建 ${a.file}：工作表“${REGISTER_SHEET}”“${LOG_SHEET}”“${SETTINGS_SHEET}”（${getProfile(a.profile).region}配置，${a.district}）`,
  );
  return EXIT.ok;
};

const demoArgs = z.object({
  o: xlsxPath("输出文件名").default("强审示例.xlsx"),
  profile: profileArg.default("shanghai"),
  district: z.string().optional(),
  seed: seedArg,
  force: z.boolean().optional(),
});

export const demo: Command = async (argv, io) => {
  const { values } = parse(argv, {
    ...OUTPUT_OPTIONS,
    ...PROFILE_OPTION,
    district: { type: "string" },
    seed: { type: "string" },
  });
  const a = check(demoArgs, optionValues(values));
  refuseExisting(a.o, a.force);
  const profile = getProfile(a.profile);
  const district = a.district ?? (a.profile === "shanghai" ? "浦东新区生态环境局" : "南宁市生态环境局");
  const today = chinaToday();
  const data = demoData({ profile, district, seed: a.seed, today });
  const wb = newRegisterWorkbook(a.profile, district, data);
  // Fill the status columns the way `status --in-place` would, from the cells just laid out.
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const opened = await openSnapshot({ file: a.o, bytes, size: bytes.length, mtimeMs: 0, ino: 0 });
  patchStatus(opened, today);
  await writeWorkbookBytes(a.o, await opened.patch.apply());
  printResult(
    io,
    values.json,
    { file: a.o, profile: a.profile, district, enterprises: data.rows.length, adjustments: data.log.length },
    () =>
      `已生成示例工作簿 ${a.o}：${data.rows.length} 家企业、${data.log.length} 条名单调整记录（${profile.region}配置，${district}，统计日 ${formatIsoDate(today)}）`,
  );
  return EXIT.ok;
};

// ---- status ----

const statusArgs = z.object({
  file: xlsxPath("台账工作簿文件"),
  asOf: asOfArg,
  profile: profileArg.optional(),
  o: z.string().optional(),
  inPlace: z.boolean().optional(),
});

export function statusJson(s: RowStatus) {
  return {
    row: s.row,
    name: s.name,
    creditCode: s.creditCode,
    stage: s.stage,
    deadlines: Object.fromEntries(DEADLINE_CODES.map((c) => [c, iso(s.deadlines[c])])) as Record<
      DeadlineCode,
      string | null
    >,
    overdue: s.overdue,
    overdueDays: s.overdueDays,
  };
}

/** `--bureau --json`: the district's own deadlines, beside (not inside) SPEC 6's array of rows. */
export function bureauJson(b: BureauStatus, asOf: DateSerial, region: string) {
  return {
    asOf: formatIsoDate(asOf),
    profile: region,
    deadlines: b.deadlines.map((d) => ({
      code: d.code,
      label: BUREAU_LABELS[d.code],
      period: d.period,
      due: formatIsoDate(d.due),
      state: d.state,
      doneOn: iso(d.doneOn),
    })),
    rollOver: b.rollOver.map((c) => ({
      row: c.row,
      name: c.name,
      creditCode: c.creditCode,
      startDeadline: formatIsoDate(c.startDeadline),
      overdueDays: c.overdueDays,
    })),
  };
}

/** The bureau's deadlines and Guangxi's roll-over candidates as lines of text (none when there are none). */
export function bureauText(b: BureauStatus): string[] {
  const out: string[] = [];
  if (b.deadlines.length > 0) out.push("报送期限：", ...b.deadlines.map((d) => `  ${bureauDeadlineText(d)}`));
  if (b.rollOver.length > 0) {
    out.push(`逾期未启动审核、可滚动纳入下一轮审核名单的企业 ${b.rollOver.length} 家：`);
    out.push(
      ...b.rollOver.map(
        (c) =>
          `  第 ${c.row} 行 ${c.name}（审核启动期限 ${formatIsoDate(c.startDeadline)}，已逾期 ${c.overdueDays} 天）`,
      ),
    );
  }
  return out;
}

function statusSummary(statuses: readonly RowStatus[]): string {
  const byStage = STAGES.map(
    (st) => [STAGE_LABELS[st], statuses.filter((s) => s.stage === st).length] as const,
  ).filter(([, n]) => n > 0);
  const byCode = DEADLINE_CODES.map(
    (c) => [DEADLINE_LABELS[c], statuses.filter((s) => s.overdue.includes(c)).length] as const,
  ).filter(([, n]) => n > 0);
  const overdueRows = statuses.filter((s) => s.overdue.length > 0).length;
  return [
    `按阶段：${byStage.map(([l, n]) => `${l} ${n}`).join("，")}`,
    `逾期企业 ${overdueRows} 家${byCode.length > 0 ? `：${byCode.map(([l, n]) => `${l}逾期 ${n}`).join("，")}` : ""}`,
  ].join("\n");
}

export const status: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {
    ...AS_OF_OPTION,
    ...PROFILE_OPTION,
    ...IN_PLACE_OPTIONS,
    bureau: { type: "boolean" },
  });
  const a = check(statusArgs, { file: positionals[0], ...optionValues(values) });
  const target = outputTarget(a.file, a.o, a.inPlace, values.force);
  const opened = await openRegisterWorkbook(a.file, a.profile);
  requireRegister(opened);
  const statuses = workbookStatus(opened.loaded, a.asOf);
  const issues = workbookIssues(opened.loaded, a.asOf, statuses);
  printReadWarnings(issues, io);
  const { errors } = countBySeverity(issues);
  if (target) {
    patchStatus(opened, a.asOf);
    await saveChanges(opened, target, io);
    warnIfStamped(opened, target, "状态列", io);
  }
  const bureau = workbookBureau(opened.loaded, a.asOf, statuses);
  const { region } = opened.loaded.profile;
  if (values.bureau)
    printResult(io, values.json, bureauJson(bureau, a.asOf, region), () => {
      const lines = bureauText(bureau);
      return lines.length > 0 ? lines.join("\n") : `${region}配置没有区局报送期限`;
    });
  else
    printResult(io, values.json, statuses.map(statusJson), () => {
      const moved = statuses.flatMap((s) =>
        s.moved.map(
          (m) =>
            `第 ${s.row} 行 ${DEADLINE_LABELS[m.code]}：${formatIsoDate(m.from)} → ${formatIsoDate(m.to)}（${m.reason}）`,
        ),
      );
      const bureauLines = bureauText(bureau);
      return [
        `${region}配置 · 统计日 ${formatIsoDate(a.asOf)} · ${statuses.length} 家企业`,
        textTable(
          [
            { title: "行", align: "right" },
            { title: "企业名称", max: 34 },
            { title: "当前阶段" },
            { title: "下一期限" },
            { title: "逾期情况", max: 40 },
            { title: "逾期天数", align: "right" },
          ],
          statuses.map((s) => [
            String(s.row),
            s.name,
            STAGE_LABELS[s.stage],
            s.nextDeadline
              ? `${formatIsoDate(s.nextDeadline.date)} ${DEADLINE_LABELS[s.nextDeadline.code]}`
              : "",
            overdueText(s.overdue),
            s.overdue.length > 0 ? String(s.overdueDays) : "",
          ]),
        ),
        statusSummary(statuses),
        ...(moved.length > 0 ? [`期限调整：\n${moved.join("\n")}`] : []),
        ...(bureauLines.length > 0 ? [bureauLines.join("\n")] : []),
        ...(errors > 0
          ? [`注意：工作簿有 ${errors} 个错误，相关行的状态可能不准确，请运行 cpa validate 查看。`]
          : []),
        ...(target ? [`已将状态列写入 ${target}`] : []),
      ];
    });
  return EXIT.ok;
};

// ---- validate ----

const validateArgs = z.object({
  file: xlsxPath("台账工作簿文件"),
  asOf: asOfArg,
  profile: profileArg.optional(),
});

/** A workbook's issues as lines of text: a table and the counts, or that there are none. */
export function issuesText(issues: readonly Issue[]): string[] {
  const { errors, warnings } = countBySeverity(issues);
  if (issues.length === 0) return ["检查通过：没有错误或警告。"];
  return [
    textTable(
      [{ title: "工作表" }, { title: "单元格" }, { title: "级别" }, { title: "说明" }],
      issues.map((i) => [i.sheet, i.cell, i.severity === "error" ? "错误" : "警告", i.message]),
    ),
    `共 ${errors} 个错误，${warnings} 个警告。`,
  ];
}

export function printIssues(issues: readonly Issue[], io: Io): void {
  for (const line of issuesText(issues)) io.out(line);
}

export const validate: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, { ...AS_OF_OPTION, ...PROFILE_OPTION });
  const a = check(validateArgs, { file: positionals[0], ...optionValues(values) });
  const opened = await openRegisterWorkbook(a.file, a.profile);
  const issues = workbookIssues(opened.loaded, a.asOf);
  const counts = countBySeverity(issues);
  printResult(io, values.json, { ...counts, issues }, () => issuesText(issues));
  return counts.errors > 0 ? EXIT.invalid : EXIT.ok;
};
