// The form commands of the task pane: the quarter's 附表3 and 名单调整表, the experts' scoring sheets, and
// writing panel results back into the register. Four syncs each, whatever the row count (more only when
// a request must be split).

import type { DateSerial, Quarter } from "../core/dates";
import type { Issue } from "../core/issues";
import { planWriteBack, scorePanels, type PanelResult } from "../core/panels";
import { adjustmentRows, implementationRows } from "../core/quarterly";
import { enterprisesOf, REGISTER_COLUMNS, REGISTER_SHEET } from "../core/register";
import { RUBRIC_SHEET, workbookRubrics } from "../core/rubricSheet";
import { DEFAULT_RUBRICS, type RubricSet, type ScoringKind } from "../core/rubrics";
import { rowContexts } from "../core/status";
import { readTable } from "../core/table";
import { loadWorkbook, type WorkbookGrids } from "../core/workbook";
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
  KIND_LABEL,
  panelLayout,
  readPanelSheet,
  readScoreSheet,
  scoreSheetLayout,
} from "../forms/scoresheets";
import { writeValues } from "./cells";
import { CommandError } from "./errors";
import { readSheets } from "./read";
import { REGISTER_SHEETS, refuseProtectedRegister } from "./register";
import { Rollback } from "./rollback";
import { refuseProtectedStructure } from "./structure";
import { RequestBudget, suspendCalculation } from "./run";
import { queueLayout } from "./writeLayout";

export type Supports = (version: string) => boolean;

/**
 * Writes new sheets in one batch, refusing first when the workbook's structure is protected; if anything fails,
 * the sheets this command added are removed again.
 */
export async function writeSheets(
  context: Excel.RequestContext,
  layouts: SheetLayout[],
  supports: Supports,
): Promise<string[]> {
  await refuseProtectedStructure(context);
  const rollback = new Rollback();
  const budget = new RequestBudget(context);
  suspendCalculation(context);
  try {
    for (const l of layouts) {
      rollback.adding(l.name);
      await queueLayout(context, l, supports, budget);
    }
    context.workbook.worksheets.getItem(layouts[0]!.name).activate();
    await context.sync();
  } catch (err) {
    throw await rollback.undo(context, err);
  }
  return layouts.map((l) => l.name);
}

/** Names for new sheets that clash with nothing already there (a second run gets "(2)"). */
export function named(layouts: SheetLayout[], existing: readonly string[]): SheetLayout[] {
  const taken = [...existing];
  return layouts.map((l) => {
    const name = uniqueSheetName(l.name, taken);
    taken.push(name);
    return { ...l, name };
  });
}

/** The quarter's 附表3 and 名单调整表 of the register read into `grids`, named beside the `existing` sheets. */
export function quarterlyLayouts(
  grids: WorkbookGrids,
  existing: readonly string[],
  quarter: Quarter,
  preparedOn: DateSerial,
): SheetLayout[] {
  const wb = loadWorkbook(grids);
  if (!grids.sheet(REGISTER_SHEET))
    throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);
  const party = { district: wb.settings.district, preparer: wb.settings.preparer, preparedOn };
  const impl = implementationRows(wb.rows, quarter, wb.profile, rowContexts(wb.rows, wb.log));
  return named(
    [
      implementationLayout(impl, quarter, wb.profile, party, implementationSheetName(quarter, wb.profile)),
      adjustmentLayout(
        adjustmentRows(wb.log, quarter),
        quarter,
        wb.profile,
        party,
        adjustmentSheetName(quarter, wb.profile),
      ),
    ],
    existing,
  );
}

export async function generateQuarterly(
  context: Excel.RequestContext,
  quarter: Quarter,
  preparedOn: DateSerial,
  supports: Supports,
): Promise<string[]> {
  const { grids, existing } = await readSheets(context, REGISTER_SHEETS);
  return writeSheets(context, quarterlyLayouts(grids, existing, quarter, preparedOn), supports);
}

export async function listEnterprises(context: Excel.RequestContext): Promise<string[]> {
  const { grids } = await readSheets(context, REGISTER_SHEETS);
  return enterprisesOf(loadWorkbook(grids).rows);
}

/** The scoring sheets RUBRIC_SHEET and REGISTER_SHEETS read into `grids` call for, and their panel's sheet. */
export function scoreSheetLayouts(
  grids: WorkbookGrids,
  existing: readonly string[],
  kind: ScoringKind,
  enterprise: string,
  experts: number,
): SheetLayout[] {
  const wb = loadWorkbook(grids);
  if (!wb.rows.some((r) => r.name === enterprise))
    throw new CommandError(`台账中找不到企业“${enterprise}”。`);
  const rubric = checkedRubrics(grids)[kind];
  const taken = [...existing];
  const sheets = Array.from({ length: experts }, (_, i) => {
    const expert = expertLabel(i);
    const { layout, cells } = scoreSheetLayout({ kind, enterprise, expert, rubric, profile: wb.profile.id });
    const name = uniqueSheetName(layout.name, taken);
    taken.push(name);
    return { layout: { ...layout, name }, name, expert, cells };
  });
  const panel = panelLayout({ kind, enterprise, sheets });
  return [...sheets.map((s) => s.layout), { ...panel, name: uniqueSheetName(panel.name, taken) }];
}

/** The sheets the scoring sheets are made from. */
export const SCORING_SOURCES = [...REGISTER_SHEETS, RUBRIC_SHEET];

export function checkExperts(experts: number): void {
  if (!Number.isInteger(experts) || experts < 3 || experts > 5)
    throw new CommandError("专家组应为 3—5 名专家。");
}

export async function insertScoreSheets(
  context: Excel.RequestContext,
  kind: ScoringKind,
  enterprise: string,
  experts: number,
  supports: Supports,
): Promise<string[]> {
  checkExperts(experts);
  const { grids, existing } = await readSheets(context, SCORING_SOURCES);
  return writeSheets(context, scoreSheetLayouts(grids, existing, kind, enterprise, experts), supports);
}

/** The workbook's rubrics; a 评分细则 with an error stops the command, naming its first problems. */
function checkedRubrics(grids: WorkbookGrids): RubricSet {
  const { rubrics, issues } = workbookRubrics((n) => grids.sheet(n));
  if (rubrics) return rubrics;
  const errors = issues.filter((i) => i.severity === "error");
  const first = errors.slice(0, 3).map((i) => `${i.cell} ${i.message}`);
  throw new CommandError(`“${RUBRIC_SHEET}”有 ${errors.length} 个错误，请先修正：${first.join("；")}`);
}

export const isScoringSheet = (name: string) =>
  Object.values(KIND_LABEL).some((k) => name.startsWith(`${k.sheet} `) || name.startsWith(`${k.panel} `)) ||
  REGISTER_SHEETS.includes(name as never) ||
  name === RUBRIC_SHEET;

export interface WriteBack {
  panels: PanelResult[];
  written: number;
  issues: Issue[];
}

/**
 * Reads every scoring sheet with its formulas, and writes each complete panel's score and verdict into empty
 * register cells — never a panel whose sheets hold an error or a formula typed over.
 */
/** Read the scoring sheets with their formulas (a formula typed over is refused); the register's values suffice. */
export const writeBackFormulas = (n: string) => !REGISTER_SHEETS.includes(n as never);

/**
 * The panels of the scoring sheets `read` into `grids`, and the register cells to write their results into;
 * refuses a register without its sheet or protected.
 */
export function planScores(
  grids: WorkbookGrids,
  read: readonly string[],
  protectedSheets: readonly string[],
) {
  const rubrics = checkedRubrics(grids);
  const experts = read.map((n) => readScoreSheet(grids.sheet(n)!, rubrics)).filter((x) => x !== undefined);
  const panels = read.map((n) => readPanelSheet(grids.sheet(n)!, rubrics)).filter((x) => x !== undefined);
  const result = scorePanels(experts, panels);
  const grid = grids.sheet(REGISTER_SHEET);
  if (!grid) throw new CommandError(`工作簿中没有“${REGISTER_SHEET}”工作表。`);
  refuseProtectedRegister(protectedSheets);
  const { columns } = readTable(grid, REGISTER_COLUMNS);
  const plan = planWriteBack(loadWorkbook(grids).rows, columns, result.panels);
  return { panels: result.panels, writes: plan.writes, issues: [...result.issues, ...plan.issues] };
}

/**
 * Reads every scoring sheet with its formulas, and writes each complete panel's score and verdict into empty
 * register cells — never a panel whose sheets hold an error or a formula typed over.
 */
export async function writeBackScores(context: Excel.RequestContext): Promise<WriteBack> {
  const { grids, read, protectedSheets } = await readSheets(context, isScoringSheet, {
    formulas: writeBackFormulas,
  });
  const { panels, writes, issues } = planScores(grids, read, protectedSheets);
  const ws = context.workbook.worksheets.getItem(REGISTER_SHEET);
  for (const w of writes) writeValues(ws.getRangeByIndexes(w.row - 1, w.col, 1, 1), [[w.value]]);
  await context.sync();
  return { panels, written: writes.length, issues };
}

/**
 * 评分细则: writes the default rubric into a new sheet for the district to edit, or, where the workbook has one,
 * checks it.
 */
export async function writeOrCheckRubric(
  context: Excel.RequestContext,
  supports: Supports,
): Promise<{ written: boolean; issues: Issue[] }> {
  const { grids } = await readSheets(context, [RUBRIC_SHEET]);
  if (grids.sheet(RUBRIC_SHEET))
    return { written: false, issues: workbookRubrics((n) => grids.sheet(n)).issues };
  await writeSheets(context, [rubricSheetLayout(DEFAULT_RUBRICS)], supports);
  return { written: true, issues: [] };
}
