// The commands that change a workbook file, on its bytes: the CLI runs them on files on disk and the web page
// on a file the user opened in the browser. Each records its changes on `opened.patch` (new sheets through
// placeLayout, cells, protection) and the caller takes `patchedBytes`: the file's own package is patched, so
// everything in it a command does not change is kept as it was (SPEC 7). Nothing here touches the file system.

import { LOG_SHEET } from "../core/adjustments";
import { cellText } from "../core/cells";
import { quarterCode, type DateSerial, type Quarter } from "../core/dates";
import { cellValue, type Grid } from "../core/grid";
import { countBySeverity, type Issue } from "../core/issues";
import { planWriteBack, scorePanels, type PanelResult, type SheetResult } from "../core/panels";
import type { EnterpriseFormKind, Profile, ProfileId } from "../core/profiles";
import { adjustmentRows, implementationRows } from "../core/quarterly";
import {
  matchEnterprise,
  REGISTER_COLUMNS,
  REGISTER_SHEET,
  STAMPED_REGISTER_REFUSAL,
  type RegisterRow,
} from "../core/register";
import { RUBRIC_SHEET, workbookRubrics } from "../core/rubricSheet";
import { DEFAULT_RUBRICS, type RubricSet, type ScoringKind } from "../core/rubrics";
import { settingsRows, SETTINGS_SHEET, type WorkbookSettings } from "../core/settings";
import { digestSheets, stampDigest, type Stamp } from "../core/stamp";
import { rowContexts } from "../core/status";
import { readHeader } from "../core/table";
import {
  loadWorkbook,
  sheetNameHint,
  workbookIssues,
  workbookStatus,
  type LoadedWorkbook,
  type WorkbookGrids,
} from "../core/workbook";
import { stampLayout } from "../forms/stampSheet";
import { readArchiveForm } from "../core/archive";
import { archiveLayout } from "../forms/archiveForm";
import {
  describeForms,
  enterpriseFormLabel,
  enterpriseFormLayout,
  enterpriseSheetsOf,
  profileHasForm,
  type EnterpriseSheetKind,
} from "../forms/enterpriseForms";
import { performanceLayout } from "../forms/performanceForm";
import { uniqueSheetName, type SheetLayout } from "../forms/layout";
import {
  adjustmentLayout,
  adjustmentSheetName,
  implementationLayout,
  implementationSheetName,
} from "../forms/quarterlyForms";
import { rubricSheetLayout } from "../forms/rubricSheet";
import {
  expertLabel,
  panelLayout,
  readPanelSheet,
  readScoreSheet,
  scoreSheetLayout,
  type ScoreSheetCells,
} from "../forms/scoresheets";
import { regeneratedForms, submissionForms, type RegeneratedForm } from "../forms/submissionForms";
import { PackageError } from "./package/errors";
import { DEFAULT_LIMITS, type ReadLimits } from "./package/limits";
import { WorkbookPatch, type CellEdit } from "./package/patch";
import { fileError, readWorkbook, WorkbookFileError, type ReadWorkbook } from "./parse";
import { patchStatusColumns } from "./statusColumns";

/** A workbook file's bytes, named as the user knows the file. */
export interface WorkbookSource {
  file: string;
  bytes: Uint8Array;
}

export interface OpenedWorkbook<S extends WorkbookSource = WorkbookSource> {
  file: string;
  /** The file as read: its bytes are what the patch starts from. */
  source: S;
  loaded: LoadedWorkbook;
  grids: ReadWorkbook;
  /** The changes the command makes. */
  readonly patch: WorkbookPatch;
}

/** A command that cannot be carried out as asked; the message says why, in Chinese. */
export class CommandRefusal extends Error {}

/** A register the command cannot work without: it names its problems. */
export class InvalidWorkbookError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map((i) => `${i.sheet}${i.cell ? `!${i.cell}` : ""} ${i.message}`).join("；"));
  }
}

/** Opens `source`; `parsed` is its reading where the caller has one already (the web page's preview). */
export async function openWorkbookBytes<S extends WorkbookSource>(
  source: S,
  options: { profileId?: ProfileId; limits?: ReadLimits; parsed?: ReadWorkbook } = {},
): Promise<OpenedWorkbook<S>> {
  const grids =
    options.parsed ?? (await readWorkbook(source.bytes, source.file, options.limits ?? DEFAULT_LIMITS));
  let patch: WorkbookPatch | undefined;
  return {
    file: source.file,
    source,
    grids,
    loaded: loadWorkbook(grids, { profileId: options.profileId }),
    get patch() {
      if (!patch) {
        try {
          patch = new WorkbookPatch(source.bytes);
        } catch (err) {
          throw err instanceof PackageError ? fileError(err, source.file) : err;
        }
      }
      return patch;
    },
  };
}

/**
 * The register must be there with its required columns for commands that work on it: a workbook without is
 * refused rather than read as empty.
 */
export function requireRegister(opened: OpenedWorkbook): Grid {
  const grid = opened.grids.sheet(REGISTER_SHEET);
  if (!grid)
    throw new CommandRefusal(
      `工作簿 ${opened.file} 中没有“${REGISTER_SHEET}”工作表${sheetNameHint(opened.grids.names?.() ?? [], REGISTER_SHEET)}`,
    );
  const headers = opened.loaded.readIssues.filter(
    (i) => i.sheet === REGISTER_SHEET && i.code === "sheet.headers",
  );
  if (headers.length > 0) throw new InvalidWorkbookError(headers);
  return grid;
}

/**
 * A submitted register is protected: the page refuses to write into it, as the task pane (where Excel
 * enforces the protection) does.
 */
export function refuseProtectedRegister(opened: OpenedWorkbook): void {
  requireRegister(opened);
  if (opened.patch.isProtected(REGISTER_SHEET)) throw new CommandRefusal(STAMPED_REGISTER_REFUSAL);
}

/**
 * Adds `layout` as a new sheet. A sheet of the same name is replaced (in its place) only when asked and only
 * when `replaceable` says it holds nothing typed; otherwise the new sheet gets the next free numbered name.
 */
export function placeLayout(
  opened: OpenedWorkbook,
  layout: SheetLayout,
  replace: boolean,
  replaceable: (grid: Grid) => boolean,
): string {
  const patch = opened.patch;
  if (replace && patch.sheetNames().includes(layout.name)) {
    const grid = opened.grids.sheet(layout.name);
    if (!grid || !replaceable(grid))
      throw new CommandRefusal(
        `工作表“${layout.name}”中有手工录入的内容，不能替换；请去掉 --replace 另建新表`,
      );
    patch.replaceSheet(layout);
    return layout.name;
  }
  const name = uniqueSheetName(layout.name, patch.sheetNames());
  patch.addSheet({ ...layout, name });
  return name;
}

/** The patched workbook's bytes, to be written as `target`; a change that would lose something is refused. */
export async function patchedBytes(opened: OpenedWorkbook, target: string): Promise<Uint8Array> {
  try {
    return await opened.patch.apply();
  } catch (err) {
    throw err instanceof PackageError ? new WorkbookFileError(`未写入 ${target}：${err.message}`) : err;
  }
}

// ---- status ----

/** Records the computed status columns of the register. */
export function patchStatus(opened: OpenedWorkbook, asOf: DateSerial): void {
  const grid = requireRegister(opened);
  const { headerRow } = readHeader(grid, REGISTER_COLUMNS);
  patchStatusColumns(opened.patch, grid, headerRow, workbookStatus(opened.loaded, asOf));
}

// ---- settings ----

/** Writes each setting's value into column 值 of its row of 强审设置, as text; rows it lacks are appended. */
export function patchSettings(opened: OpenedWorkbook, settings: WorkbookSettings): void {
  const grid = opened.grids.sheet(SETTINGS_SHEET);
  if (!grid) throw new CommandRefusal(`工作簿中没有“${SETTINGS_SHEET}”工作表，请先创建台账。`);
  const keys = grid.rows.map((r) => cellText(cellValue(r[0])));
  let next = grid.rows.length;
  const edits: CellEdit[] = [];
  const text = (row: number, col: number, v: string): CellEdit => ({
    row,
    col,
    value: v === "" ? null : { t: "text", v },
    style: { numFmt: "@" },
  });
  for (const [key, value, note] of settingsRows(settings)) {
    const at = keys.indexOf(key);
    if (at > 0) edits.push(text(at, 1, value));
    else {
      edits.push(text(next, 0, key), text(next, 1, value), text(next, 2, note));
      next++;
    }
  }
  opened.patch.setCells(SETTINGS_SHEET, edits);
}

// ---- the quarter's forms and the submission stamp ----

export interface Party {
  district: string;
  preparer: string;
  preparedOn: DateSerial;
}

/**
 * Adds 附表3 and 附表4 (附件11) for the quarter. With `replace`, a sheet of the form's name is replaced only
 * when it is that quarter's form and still agrees with the register; one that differs (what differs may be
 * someone's typing) is kept renamed, as at submission; a sheet that is not our form (somebody's own, under
 * that name) is never replaced: the new form gets the next free name beside it.
 */
export function addQuarterForms(opened: OpenedWorkbook, quarter: Quarter, party: Party, replace: boolean) {
  requireRegister(opened);
  const { loaded } = opened;
  const impl = implementationRows(loaded.rows, quarter, loaded.profile, rowContexts(loaded.rows, loaded.log));
  const adj = adjustmentRows(loaded.log, quarter);
  const plan = replace
    ? submissionForms(loaded, quarter, party, (n) => opened.grids.sheet(n), opened.patch.sheetNames()).forms
    : [];
  const kept: RegeneratedForm[] = [];
  const foreign: { sheet: string; placedAs: string }[] = [];
  const place = (layout: SheetLayout): string => {
    if (!replace || !opened.grids.sheet(layout.name)) return placeLayout(opened, layout, false, () => false);
    const form = plan.find((f) => f.layout.name === layout.name);
    if (!form) {
      const placedAs = placeLayout(opened, layout, false, () => false);
      foreign.push({ sheet: layout.name, placedAs });
      return placedAs;
    }
    if (form.action !== "replace") return placeLayout(opened, layout, true, () => true);
    opened.patch.renameSheet(layout.name, form.regenerated.keptAs);
    kept.push(form.regenerated);
    return placeLayout(opened, layout, false, () => false);
  };
  const sheets = [
    place(
      implementationLayout(
        impl,
        quarter,
        loaded.profile,
        party,
        implementationSheetName(quarter, loaded.profile),
      ),
    ),
    place(
      adjustmentLayout(adj, quarter, loaded.profile, party, adjustmentSheetName(quarter, loaded.profile)),
    ),
  ];
  return { sheets, implementationRows: impl.length, adjustmentRows: adj.length, kept, foreign };
}

/** The sheets a submission covers: the register, the log, and the quarter's two forms. */
function submittedSheets(grids: WorkbookGrids, q: Quarter, profile: Profile): string[] {
  return [
    REGISTER_SHEET,
    LOG_SHEET,
    implementationSheetName(q, profile),
    adjustmentSheetName(q, profile),
  ].filter((n) => grids.sheet(n));
}

export type StampResult<S extends WorkbookSource> =
  | {
      stamped: OpenedWorkbook<S>;
      stamp: Stamp;
      sheets: string[];
      regenerated: RegeneratedForm[];
      issues: Issue[];
    }
  | { stamped: undefined; stamp: undefined; sheets: []; regenerated: []; issues: Issue[] };

/**
 * 报送盖章: a workbook without errors gets the quarter's forms where it lacks them, and laid out again where
 * they no longer agree with the register (the old form kept, renamed); then a 报送信息 sheet with the digests
 * of the submitted sheets as they read back from the file, and those sheets protected. The result is a second
 * opened workbook (the forms added) whose patch holds the stamp; a workbook with errors is left as it is and
 * its issues returned.
 */
export async function stampSubmission<S extends WorkbookSource>(
  opened: OpenedWorkbook<S>,
  options: { quarter: Quarter; preparer: string; today: DateSerial; stampedAt: string; limits?: ReadLimits },
): Promise<StampResult<S>> {
  requireRegister(opened);
  const { loaded } = opened;
  const refused = (issues: Issue[]): StampResult<S> => ({
    stamped: undefined,
    stamp: undefined,
    sheets: [],
    regenerated: [],
    issues,
  });
  const issues = workbookIssues(loaded, options.today);
  if (countBySeverity(issues).errors > 0) return refused(issues);
  const { quarter, preparer } = options;
  const profile = loaded.profile;
  const party = { district: loaded.settings.district, preparer, preparedOn: options.today };
  const plan = submissionForms(
    loaded,
    quarter,
    party,
    (n) => opened.grids.sheet(n),
    opened.patch.sheetNames(),
  );
  if (plan.issues.length > 0) return refused([...issues, ...plan.issues]);
  for (const form of plan.forms) {
    if (form.action === "keep") continue;
    if (form.action === "replace") opened.patch.renameSheet(form.layout.name, form.regenerated.keptAs);
    placeLayout(opened, form.layout, false, () => true);
  }
  // Digest the sheets as they will be read back from the saved file.
  const staged = await openWorkbookBytes(
    { ...opened.source, bytes: await patchedBytes(opened, opened.file) },
    { limits: options.limits },
  );
  const sheets = submittedSheets(staged.grids, quarter, profile);
  const partial: Omit<Stamp, "sha256"> = {
    district: loaded.settings.district,
    preparer,
    quarter: quarterCode(quarter),
    stampedAt: options.stampedAt,
    profile: profile.region,
    counts: [
      { label: "企业名单台账", rows: loaded.rows.length, sheet: REGISTER_SHEET },
      { label: "名单调整记录", rows: loaded.log.length, sheet: LOG_SHEET },
    ],
    sheets: await digestSheets(sheets.map((n) => staged.grids.sheet(n)!)),
  };
  const stamp: Stamp = { ...partial, sha256: await stampDigest(partial) };
  // A previous stamp is replaced where it stands.
  placeLayout(staged, { ...stampLayout(stamp), protect: true }, true, () => true);
  for (const n of sheets) staged.patch.protectSheet(n);
  return { stamped: staged, stamp, sheets, regenerated: regeneratedForms(plan.forms), issues };
}

// ---- scoring ----

/** The register row a panel or form is for: by exact name or code, else by a unique part of the name. */
export function findEnterprise(rows: readonly RegisterRow[], query: string): RegisterRow {
  const found = matchEnterprise(rows, query);
  if ("problem" in found) throw new CommandRefusal(found.problem);
  return found.row;
}

/** A 评分细则 with errors, refused with its first errors named. */
export class RubricError extends InvalidWorkbookError {}

function rubricsOrRefuse(grids: WorkbookGrids): RubricSet {
  const { rubrics, issues } = workbookRubrics((n) => grids.sheet(n));
  if (!rubrics) throw new RubricError(issues.filter((i) => i.severity === "error"));
  return rubrics;
}

/** A scoring sheet may be replaced only while nobody has typed a score or key indicator into it. */
function hasTypedScores(grid: Grid, rubrics: RubricSet): boolean {
  const read = readScoreSheet(grid, rubrics);
  return read !== undefined && [...read.scores, ...read.keys].some((c) => !c.ok || c.value !== null);
}

/** One scoring sheet per expert and the panel's summary sheet, from the workbook's rubric. */
export function addScoreSheets(
  opened: OpenedWorkbook,
  options: { kind: ScoringKind; enterprise: string; experts: number; replace?: boolean },
): { enterprise: string; sheets: string[] } {
  requireRegister(opened);
  const row = findEnterprise(opened.loaded.rows, options.enterprise);
  const rubrics = rubricsOrRefuse(opened.grids);
  const profile = opened.loaded.profile.id;
  const replace = options.replace ?? false;
  const sheets: { name: string; expert: string; cells: ScoreSheetCells }[] = [];
  for (let i = 0; i < options.experts; i++) {
    const expert = expertLabel(i);
    const { layout, cells } = scoreSheetLayout({
      kind: options.kind,
      enterprise: row.name,
      expert,
      rubric: rubrics[options.kind],
      profile,
    });
    sheets.push({
      name: placeLayout(opened, layout, replace, (g) => !hasTypedScores(g, rubrics)),
      expert,
      cells,
    });
  }
  const panel = placeLayout(
    opened,
    panelLayout({ kind: options.kind, enterprise: row.name, sheets }),
    replace,
    () => true,
  );
  return { enterprise: row.name, sheets: [...sheets.map((s) => s.name), panel] };
}

export interface ScoreResult {
  sheets: SheetResult[];
  panels: PanelResult[];
  issues: Issue[];
}

/** Every scoring sheet and panel of the workbook, scored by its rubric. */
export function scoreWorkbook(opened: OpenedWorkbook): ScoreResult {
  const rubrics = rubricsOrRefuse(opened.grids);
  const names = opened.grids.names();
  const experts = names
    .map((n) => readScoreSheet(opened.grids.sheet(n)!, rubrics))
    .filter((x) => x !== undefined);
  const panelSheets = names
    .map((n) => readPanelSheet(opened.grids.sheet(n)!, rubrics))
    .filter((x) => x !== undefined);
  const result = scorePanels(experts, panelSheets);
  return { sheets: result.sheets, panels: result.panels, issues: [...result.issues] };
}

/**
 * Records each complete panel's score and verdict in the register's empty cells (scores as numbers, verdicts
 * as text); never a panel whose sheets hold an error or a formula typed over.
 */
export function recordWriteBack(
  opened: OpenedWorkbook,
  score: ScoreResult,
  options: { waitForDate?: boolean } = {},
): { written: number; issues: Issue[] } {
  const grid = requireRegister(opened);
  const plan = planWriteBack(opened.loaded.rows, readHeader(grid, REGISTER_COLUMNS).columns, score.panels);
  // With `waitForDate` (where the user cannot type the date meanwhile), a row whose 评估/验收时间 is empty
  // gets nothing: a result without its date would be an error of the register.
  const undated = new Set(
    plan.issues.filter((i) => i.code === "score.noDate" && i.cell !== "").map((i) => /\d+$/.exec(i.cell)![0]),
  );
  const writes = options.waitForDate ? plan.writes.filter((w) => !undated.has(String(w.row))) : plan.writes;
  opened.patch.setCells(
    REGISTER_SHEET,
    writes.map((w): CellEdit => ({
      row: w.row - 1,
      col: w.col,
      value: typeof w.value === "number" ? { t: "number", v: w.value } : { t: "text", v: w.value },
    })),
  );
  return { written: writes.length, issues: plan.issues };
}

/** Adds the default rubric as a 评分细则 sheet for the district to edit; a workbook that has one is refused. */
export function addDefaultRubric(opened: OpenedWorkbook): string {
  if (opened.grids.sheet(RUBRIC_SHEET))
    throw new CommandRefusal(`工作簿已有“${RUBRIC_SHEET}”工作表，未覆盖；不加 -o 运行可检查它`);
  return placeLayout(opened, rubricSheetLayout(DEFAULT_RUBRICS), false, () => false);
}

// ---- the seeds' per-enterprise forms ----

/** One of the profile's per-enterprise forms, pre-filled from the enterprise's latest register row. */
export function addEnterpriseForm(
  opened: OpenedWorkbook,
  kind: string,
  enterprise: string,
): { enterprise: string; sheet: string; kind: EnterpriseFormKind } {
  requireRegister(opened);
  const { profile, settings } = opened.loaded;
  if (!profileHasForm(profile, kind))
    throw new CommandRefusal(
      `${profile.region}配置的工作簿没有表单“${kind}”；可生成：${describeForms(profile)}`,
    );
  const row = findEnterprise(opened.loaded.rows, enterprise);
  // A form may already hold what someone filled in: a second one gets a numbered sheet, never a replacement.
  const sheet = placeLayout(
    opened,
    enterpriseFormLayout(kind, row, { district: settings.district, profile }),
    false,
    () => false,
  );
  return { enterprise: row.name, sheet, kind };
}

/** A checklist with any filing date typed in is somebody's work: it is never replaced. */
function hasTypedDates(grid: Grid): boolean {
  const form = readArchiveForm(grid);
  return form !== undefined && ([...form.dates.values()].some((d) => d !== null) || form.issues.length > 0);
}

/** 附表2 档案材料清单 of an enterprise, its deadlines from the register row; replaced only while nothing is typed. */
export function addArchiveChecklist(
  opened: OpenedWorkbook,
  enterprise: string,
  replace: boolean,
): { enterprise: string; sheet: string } {
  requireRegister(opened);
  const row = findEnterprise(opened.loaded.rows, enterprise);
  const layout = archiveLayout(row, opened.loaded.profile);
  return {
    enterprise: row.name,
    sheet: placeLayout(opened, layout, replace, (grid) => !hasTypedDates(grid)),
  };
}

/** 附件6 绩效表 of an enterprise; a second one gets a numbered sheet: one with figures typed in is never replaced. */
export function addPerformanceForm(
  opened: OpenedWorkbook,
  enterprise: string,
): { enterprise: string; sheet: string } {
  requireRegister(opened);
  const row = findEnterprise(opened.loaded.rows, enterprise);
  return {
    enterprise: row.name,
    sheet: placeLayout(opened, performanceLayout(row.name), false, () => false),
  };
}

/** Any sheet the pane adds for one enterprise, as `cpa form`, `cpa archive` or `cpa performance` adds it. */
export function addEnterpriseSheet(
  opened: OpenedWorkbook,
  kind: EnterpriseSheetKind,
  enterprise: string,
): string {
  requireRegister(opened);
  const { profile } = opened.loaded;
  const offered = enterpriseSheetsOf(profile);
  if (!offered.includes(kind))
    throw new CommandRefusal(
      `${profile.region}配置的工作簿没有${enterpriseFormLabel(kind)}；可生成：${offered.map(enterpriseFormLabel).join("、")}`,
    );
  if (kind === "archive") return addArchiveChecklist(opened, enterprise, false).sheet;
  if (kind === "performance") return addPerformanceForm(opened, enterprise).sheet;
  return addEnterpriseForm(opened, kind, enterprise).sheet;
}
