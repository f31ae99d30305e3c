// 设置 → 自检: every command of the pane, run once on a register of its own in the open workbook, each step
// reported with ✓ or the host's own error, and every sheet it added deleted again — the one test that only a
// user's own Excel (or WPS) can run. Written over WorkbookBackend and SelfTestHost, so each host runs it.
//
// Its sheets carry the commands' own names (企业名单台账, 强审设置, 附表3 …), not a “自检 ” prefix: the commands
// find the register and one another's sheets by those fixed names, and the forms' formulas refer to them, so a
// prefix would test other code than the user runs. Hence it runs only in a workbook holding none of the pane's
// sheets, and tells the user to open a blank one.

import { annualAsOf } from "../core/annual";
import {
  chinaTimeText,
  formatIsoDate,
  previousQuarter,
  quarterOf,
  serialFromParts,
  type DateSerial,
} from "../core/dates";
import { demoData } from "../core/demo";
import { getProfile, type Profile, type ProfileId } from "../core/profiles";
import { LOG_SHEET } from "../core/adjustments";
import { issue } from "../core/issues";
import { REGISTER_COLUMNS, REGISTER_SHEET } from "../core/register";
import { RUBRIC_SHEET } from "../core/rubricSheet";
import { defaultSettings, settingsRows, SETTINGS_SHEET, type WorkbookSettings } from "../core/settings";
import { chinaTimestamp, STAMP_SHEET } from "../core/stamp";
import { ENTERPRISE_SHEET_KINDS, profileHasForm } from "../forms/enterpriseFormTitles";
import { consolidateFiles } from "../xlsx/city";
import { gridWorkbookBytes } from "../xlsx/gridFile";
import type { HostInfo, SelfTestHost, WorkbookBackend } from "./backend";
import type { Strings } from "./strings";

/** The pane's commands in the order 自检 runs them. */
export const SELF_TEST_STEPS = [
  "createRegister",
  "saveSettings",
  "importList",
  "refreshStatus",
  "validate",
  "quarterly",
  "scoreSheets",
  "writeBack",
  "rubric",
  "enterpriseForm",
  "submit",
  "verify",
  "consolidate",
  "annual",
  "acceptanceList",
  "worklist",
  "letters",
] as const;
export type SelfTestStep = (typeof SELF_TEST_STEPS)[number];

/** An error as the host threw it: its code, message and the call it names, and what the pane said of it. */
export interface HostError {
  code?: string;
  message: string;
  /** The object and member that failed (Office's debugInfo.errorLocation), where the host says. */
  location?: string;
  /** The pane's own words for it, where they differ from the host's message. */
  shown?: string;
}

export interface StepResult {
  step: SelfTestStep;
  /** ok: ✓; failed: ✗ with the error; skipped: not run, a step it needs having failed. */
  outcome: "ok" | "failed" | "skipped";
  /** What the step made or found (sheet names, counts), in the pane's words. */
  detail?: string;
  error?: HostError;
}

export interface SelfTestReport {
  /** When it ran, in China time. */
  at: string;
  profile: ProfileId;
  info?: HostInfo;
  infoError?: HostError;
  /** The pane's own sheets found in the workbook: it did not run, nothing was changed. */
  refused?: string[];
  steps: StepResult[];
  /** The workbook's sheets before it ran: those it keeps. */
  before: string[];
  /** The sheets it added, and those of them it could not delete (with why); undefined when not known. */
  added: string[];
  left: string[] | undefined;
  cleanupError?: HostError;
}

/** Sheets the pane's commands make or read by name: a workbook holding one is not a place for 自检. */
const PANE_SHEET = new RegExp(
  `^(${[REGISTER_SHEET, LOG_SHEET, SETTINGS_SHEET, STAMP_SHEET, RUBRIC_SHEET, "统计看板", "报送核验", "各区统计"].join("|")}` +
    "|督办清单|年度统计|附表|附件|评估|验收)",
);

export function isPaneSheet(name: string): boolean {
  return PANE_SHEET.test(name);
}

/** The error's own code, message and location: from the error, or from the host's error it wraps. */
export function hostError(err: unknown): HostError {
  const shown = err instanceof Error ? err.message : String(err);
  const cause = (err as { cause?: unknown } | undefined)?.cause ?? err;
  const e = (cause ?? {}) as {
    code?: unknown;
    number?: unknown;
    message?: unknown;
    debugInfo?: { errorLocation?: unknown };
  };
  const message = typeof e.message === "string" ? e.message : shown;
  // Office's errors carry a code; WPS's, as COM's, a number (1004 …).
  const code =
    typeof e.code === "string" ? e.code : typeof e.number === "number" ? String(e.number) : undefined;
  const location = e.debugInfo?.errorLocation;
  return {
    code,
    message,
    location: typeof location === "string" && location !== "" ? location : undefined,
    shown: shown !== message ? shown : undefined,
  };
}

/** A check of 自检's own that a command's result fails: reported as the step's error. */
class CheckFailed extends Error {}

const SELF_TEST_SEED = 20261;
const ENTERPRISES = 6;

/** The register's district and the generated list of its enterprises, as a published list's .xlsx. */
function generatedInputs(profile: Profile, today: DateSerial) {
  const district = `${profile.districts[0]}生态环境局`;
  const data = demoData({ profile, district, seed: SELF_TEST_SEED, today, count: ENTERPRISES });
  const listRows = data.rows.map((r, i) => [
    String(i + 1),
    r.name,
    r.creditCode,
    r.district,
    r.auditTypes.join("、"),
    formatIsoDate(r.publishedOn!),
    r.listYear ?? null,
  ]);
  const list = gridWorkbookBytes([
    {
      name: "名单",
      rows: [
        ["序号", "企业名称", "统一社会信用代码", "所属区", "审核类型", "名单公布时间", "名单年度"],
        ...listRows,
      ],
    },
  ]);
  return { district, list };
}

/**
 * Another district's workbook as it would reach the centre: its settings and register, unstamped. The backend
 * gives no bytes of the open workbook (Office.js hands a document's file out only through Document.getFileAsync,
 * in slices), so the stamped workbook itself cannot be the file consolidated.
 */
function districtFile(profile: Profile, today: DateSerial): Uint8Array {
  const district = `${profile.districts[1] ?? profile.districts[0]}生态环境局`;
  const data = demoData({ profile, district, seed: SELF_TEST_SEED + 1, today, count: ENTERPRISES });
  const cell = (v: unknown) =>
    v === null || v === undefined ? null : Array.isArray(v) ? v.join("、") : (v as string | number);
  return gridWorkbookBytes([
    {
      name: SETTINGS_SHEET,
      rows: [["设置项", "值", "说明"], ...settingsRows(defaultSettings(profile.id, district))],
    },
    {
      name: REGISTER_SHEET,
      rows: [
        REGISTER_COLUMNS.map((c) => c.label),
        ...data.rows.map((r) => REGISTER_COLUMNS.map((c) => cell((r as Record<string, unknown>)[c.field]))),
      ],
    },
  ]);
}

export interface SelfTestOptions {
  profileId: ProfileId;
  now: Date;
  today: DateSerial;
  /** Called as each step ends, with the steps done so far. */
  onStep?(done: number, total: number): void;
}

/**
 * Runs 自检: refuses (touching nothing) where the workbook holds a sheet of the pane's; else runs each command
 * in turn on a generated register, then deletes every sheet that was not there before — also after a step
 * failed or threw — and says which it could not.
 */
export async function runSelfTest(
  backend: WorkbookBackend,
  host: SelfTestHost,
  t: Strings,
  options: SelfTestOptions,
): Promise<SelfTestReport> {
  const { profileId, now, today } = options;
  const report: SelfTestReport = {
    at: chinaTimestamp(now),
    profile: profileId,
    before: [],
    steps: [],
    added: [],
    left: [],
  };
  try {
    report.info = await host.info();
  } catch (err) {
    report.infoError = hostError(err);
  }
  const before = await host.sheetNames();
  report.before = before;
  const ours = before.filter(isPaneSheet);
  if (ours.length > 0) return { ...report, refused: ours };

  const profile = getProfile(profileId);
  const { district, list } = generatedInputs(profile, today);
  const settings: WorkbookSettings = defaultSettings(profileId, district, t.selfTestPreparer);
  const quarter = previousQuarter(quarterOf(today));
  const year = quarter.year;
  let enterprise = "";
  const check = (ok: boolean, message: string) => {
    if (!ok) throw new CheckFailed(message);
  };
  const named = (names: readonly string[]) => names.join("、");

  const work: Record<SelfTestStep, () => Promise<string | undefined>> = {
    createRegister: async () => {
      await backend.createRegister(settings);
      return undefined;
    },
    saveSettings: async () => {
      await backend.saveSettings(settings);
      const read = await backend.loadSettings();
      check(read?.district === district, t.selfTestSettingsNotRead);
      return undefined;
    },
    importList: async () => {
      const r = await backend.importList("自检名单.xlsx", list, { apply: true });
      check(
        r.written && r.added.length === ENTERPRISES,
        t.selfTestNotImported(
          r.added.length,
          ENTERPRISES,
          r.issues.map((i) => i.message),
        ),
      );
      return t.selfTestRows(r.added.length);
    },
    refreshStatus: async () => {
      const r = await backend.refreshStatus(today);
      check(r.statuses.length === ENTERPRISES, t.selfTestRowsRead(r.statuses.length, ENTERPRISES));
      return t.selfTestRows(r.statuses.length);
    },
    validate: async () => {
      const r = await backend.validate(today);
      // A clean register has no issue to show: then its first enterprise's name is shown, as an issue's cell is.
      const shown =
        r.issues.find((i) => i.cell !== "") ?? issue(REGISTER_SHEET, "B2", "warning", "selfTest", "");
      await backend.selectIssue(shown);
      return t.selfTestIssues(r.issues.length);
    },
    quarterly: async () => named(await backend.generateQuarterly(quarter, today)),
    scoreSheets: async () => {
      enterprise = (await backend.listEnterprises())[0] ?? "";
      check(enterprise !== "", t.selfTestNoEnterprise);
      return named(await backend.insertScoreSheets("evaluation", enterprise, 3));
    },
    writeBack: async () => {
      const r = await backend.writeBackScores();
      return t.selfTestPanels(r.panels.length);
    },
    rubric: async () => {
      const r = await backend.writeOrCheckRubric();
      return t.selfTestIssues(r.issues.length);
    },
    enterpriseForm: async () => {
      const kind = ENTERPRISE_SHEET_KINDS.find((k) => profileHasForm(profile, k))!;
      return backend.insertEnterpriseForm(kind, enterprise);
    },
    submit: async () => {
      const r = await backend.prepareSubmission(quarter, t.selfTestPreparer, today, chinaTimestamp(now));
      const errors = r.issues.filter((i) => i.severity === "error");
      check(
        r.stamp !== undefined,
        t.selfTestNotStamped(errors.map((i) => `${i.sheet}!${i.cell} ${i.message}`)),
      );
      return r.stamp?.sha256.slice(0, 16);
    },
    verify: async () => {
      const v = await backend.verifySubmission();
      check(v.state === "unchanged", t.selfTestNotVerified(v.state, v.changedSheets));
      return v.state;
    },
    consolidate: async () => {
      const file = districtFile(profile, today);
      const result = await consolidateFiles([{ name: "自检报送.xlsx", read: async () => file }], quarter);
      return named(await backend.writeCityReport(result, quarter));
    },
    annual: async () => (await backend.annualReport(year, annualAsOf(year, today), today)).sheet,
    acceptanceList: async () =>
      (await backend.acceptanceList(serialFromParts(year, 1, 1), serialFromParts(year, 12, 31), today)).sheet,
    worklist: async () => (await backend.writeWorklist(today)) ?? t.selfTestNothingDue,
    letters: async () => {
      const r = await backend.urgingFile("calendar", today);
      if ("problem" in r) throw new CheckFailed(r.problem);
      return "file" in r ? `${r.file.name}（${r.file.bytes.length} B）` : r.nothing;
    },
  };
  /** Without a register every later command only says there is none. */
  const needed: readonly SelfTestStep[] = ["createRegister", "importList"];

  try {
    let stopped = false;
    for (const step of SELF_TEST_STEPS) {
      if (stopped) {
        report.steps.push({ step, outcome: "skipped" });
        continue;
      }
      try {
        const detail = await work[step]();
        report.steps.push({ step, outcome: "ok", detail });
      } catch (err) {
        const error = err instanceof CheckFailed ? { message: err.message } : hostError(err);
        report.steps.push({ step, outcome: "failed", error });
        stopped = needed.includes(step);
      }
      options.onStep?.(report.steps.length, SELF_TEST_STEPS.length);
    }
  } finally {
    await cleanUp(host, before, report);
  }
  return report;
}

/**
 * Deletes every sheet not there before, and records which it added and which are left; where the sheets
 * cannot even be listed, which are left is not known (`left` undefined).
 */
async function cleanUp(host: SelfTestHost, before: readonly string[], report: SelfTestReport): Promise<void> {
  const added = (names: readonly string[]) => names.filter((n) => !before.includes(n));
  try {
    report.added = added(await host.sheetNames());
    await host.deleteSheets(report.added);
  } catch (err) {
    report.cleanupError = hostError(err);
  }
  try {
    report.left = added(await host.sheetNames());
  } catch (err) {
    report.left = undefined;
    report.cleanupError ??= hostError(err);
  }
}

function errorText(e: HostError, t: Strings): string {
  const what = [e.code, e.message].filter((x) => x).join(": ");
  const where = e.location ? t.selfTestCall(e.location) : "";
  return what + where + (e.shown ? t.selfTestShown(e.shown) : "");
}

const MARKS = { ok: "✓", failed: "✗", skipped: "–" } as const;

/** The report as plain text, to copy into a support request. */
export function selfTestText(report: SelfTestReport, t: Strings): string {
  const lines = [t.selfTestTitle, t.selfTestAt(chinaTimeText(report.at))];
  const info = report.info;
  if (info) {
    lines.push(t.selfTestHost(info.host, info.version, info.platform));
    if (info.apiSets.length > 0) {
      const names = (supported: boolean) =>
        info.apiSets.filter((s) => s.supported === supported).map((s) => s.name);
      lines.push(t.selfTestSupported(names(true)), t.selfTestUnsupported(names(false)));
    }
    if (info.runtime) lines.push(t.selfTestRuntime(info.runtime));
  }
  if (report.infoError) lines.push(t.selfTestNoInfo(errorText(report.infoError, t)));
  lines.push(t.selfTestProfile(report.profile === "guangxi" ? t.guangxi : t.shanghai));
  if (report.refused)
    return [...lines, t.selfTestRefused, t.selfTestRefusedSheets(report.refused)].join("\n");
  for (const s of report.steps) {
    const label = t.selfTestSteps[s.step];
    const detail = s.outcome === "skipped" ? t.selfTestSkipped : (s.detail ?? "");
    lines.push(`${MARKS[s.outcome]} ${label}${detail ? `：${detail}` : ""}`);
    if (s.error) lines.push(`    ${errorText(s.error, t)}`);
  }
  const left = report.left;
  if (!left) lines.push(t.selfTestUnlisted(report.before));
  else lines.push(left.length > 0 ? t.selfTestLeft(left) : t.selfTestRemoved(report.added.length));
  if (report.cleanupError) lines.push(`    ${errorText(report.cleanupError, t)}`);
  const count = (o: StepResult["outcome"]) => report.steps.filter((s) => s.outcome === o).length;
  lines.push(t.selfTestSummary(count("ok"), count("failed"), count("skipped")));
  return lines.join("\n");
}
