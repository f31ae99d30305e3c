// The experts' part of a scoring test: the scoring sheets `cpa scoresheet` makes for an enterprise still being
// audited, and scores typed into them as the experts would, before the panel's result is written back.

import ExcelJS from "exceljs";
import { workbookRubrics } from "../../src/core/rubricSheet";
import { rubricItems, type ScoringKind } from "../../src/core/rubrics";
import { readScoreSheet } from "../../src/forms/scoresheets";
import { runCli } from "../cli/runCli";
import { readGrid, workbookGrids } from "./excelJsReference";

/** The first enterprise `cpa status` finds at stage `auditing` (审核中) in the register `file`. */
export async function auditingEnterprise(file: string, asOf?: string): Promise<string> {
  const r = await runCli("status", file, "--json", ...(asOf === undefined ? [] : ["--as-of", asOf]));
  const rows = JSON.parse(r.out) as { name: string; stage: string }[];
  return rows.find((row) => row.stage === "auditing")!.name;
}

/**
 * `cpa scoresheet` writes a panel of `experts` scoring sheets of `kind` for `enterprise` from `input` into `out`:
 * the sheets' names, the experts' first and the panel's summary last.
 */
export async function scoreSheets(
  input: string,
  out: string,
  enterprise: string,
  kind: ScoringKind = "evaluation",
  experts = 3,
): Promise<string[]> {
  const argv = [
    "scoresheet",
    input,
    "--kind",
    kind,
    "--enterprise",
    enterprise,
    "--experts",
    String(experts),
  ];
  const r = await runCli(...argv, "-o", out, "--json");
  if (r.code !== 0) throw new Error(`cpa ${argv.join(" ")}: ${r.out}${r.err}`);
  return JSON.parse(r.out).sheets as string[];
}

/**
 * Types each expert's scores into `file`: every item of sheet k at its maximum, less `drop[k]` points taken from
 * the last items, and every key indicator 是; a null `drop[k]` leaves that sheet blank. The rubrics scored by.
 */
export async function fillScores(
  file: string,
  sheets: readonly string[],
  drop: readonly (number | null)[],
): Promise<NonNullable<ReturnType<typeof workbookRubrics>["rubrics"]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rubrics = workbookRubrics(workbookGrids(wb).sheet).rubrics!;
  sheets.forEach((name, k) => {
    const ws = wb.getWorksheet(name)!;
    const read = readScoreSheet(readGrid(ws), rubrics)!;
    if (drop[k] === null) return;
    let left = drop[k]!;
    const items = rubricItems(rubrics[read.kind]);
    for (let i = items.length - 1; i >= 0; i--) {
      const cut = Math.min(items[i]!.max, left);
      left -= cut;
      ws.getCell(read.cells.scores[i]!).value = items[i]!.max - cut;
    }
    read.cells.keys?.yes.forEach((c) => (ws.getCell(c).value = "√"));
  });
  await wb.xlsx.writeFile(file);
  return rubrics;
}
