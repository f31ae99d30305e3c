// Gathers read scoring sheets into sheet and panel results (cpa score, the task pane's write-back).

import { cellAddress } from "./address";
import { issue, type Issue } from "./issues";
import { REGISTER_COLUMNS, REGISTER_SHEET, type RegisterField, type RegisterRow } from "./register";
import type { ScoringKind } from "./rubrics";
import {
  scorePanel,
  scoreSheet,
  type KeyCheck,
  type PanelScore,
  type ScoreCheck,
  type Verdict,
} from "./scoring";

/** One expert's sheet as read: every score and key indicator checked, in rubric order. */
export interface ExpertSheet {
  sheet: string;
  kind: ScoringKind;
  enterprise: string;
  expert: string;
  scores: ScoreCheck[];
  keys: KeyCheck[];
  /** Invalid cells (in sheet order), formulas typed over, cells that differ from the rubric. */
  issues: Issue[];
}

/** A panel summary as read: the sheets it gathers, and its own formulas typed over. */
export interface PanelSheetRead {
  sheet: string;
  kind: ScoringKind;
  enterprise: string;
  sheets: string[];
  issues: Issue[];
}

export interface SheetResult {
  sheet: string;
  kind: ScoringKind;
  enterprise: string;
  expert: string;
  total: number | null;
  verdict: Verdict;
  complete: boolean;
}

export interface PanelResult extends Omit<PanelScore, "kind"> {
  enterprise: string;
  kind: ScoringKind;
  sheets: string[];
  /** An error on one of its sheets or on its summary: the result is shown, never written back. */
  hasErrors: boolean;
}

const hasError = (issues: readonly Issue[]) => issues.some((i) => i.severity === "error");

/**
 * Sheet results, and panel results: a panel is the set of sheets a panel summary names, or else all the
 * sheets of one enterprise and kind. The core computes every total and verdict from the typed cells alone.
 */
export function scorePanels(experts: readonly ExpertSheet[], panels: readonly PanelSheetRead[]) {
  const issues: Issue[] = [...experts.flatMap((e) => e.issues), ...panels.flatMap((p) => p.issues)];
  const scored = experts.map((e) => ({ e, s: scoreSheet(e.kind, e.scores, e.keys) }));
  const sheets: SheetResult[] = scored.map(({ e, s }) => ({
    sheet: e.sheet,
    kind: e.kind,
    enterprise: e.enterprise,
    expert: e.expert,
    total: s.total,
    verdict: s.verdict,
    complete: s.complete,
  }));
  const byName = new Map(scored.map((x) => [x.e.sheet, x]));
  const groups = panels.map((p) => {
    for (const name of p.sheets.filter((n) => !byName.has(n)))
      issues.push(
        issue(p.sheet, "", "error", "score.panelSheetMissing", `汇总表列出的评分表“${name}”不在工作簿中`),
      );
    return { ...p, sheets: p.sheets.filter((n) => byName.has(n)), summary: true };
  });
  const grouped = new Set(groups.flatMap((g) => g.sheets));
  for (const { e } of scored) {
    if (grouped.has(e.sheet)) continue;
    const g = groups.find((x) => !x.summary && x.kind === e.kind && x.enterprise === e.enterprise);
    if (g) g.sheets.push(e.sheet);
    else
      groups.push({
        sheet: e.sheet,
        kind: e.kind,
        enterprise: e.enterprise,
        sheets: [e.sheet],
        summary: false,
        issues: [],
      });
  }
  const results: PanelResult[] = groups
    .filter((g) => g.sheets.length > 0)
    .map((g) => {
      const members = g.sheets.map((n) => byName.get(n)!);
      const p = scorePanel(
        g.kind,
        members.map((m) => m.s),
      );
      const hasErrors =
        hasError(g.issues) ||
        members.some((m) => hasError(m.e.issues)) ||
        issues.some((i) => i.sheet === g.sheet && i.code === "score.panelSheetMissing");
      return { ...p, enterprise: g.enterprise, kind: g.kind, sheets: g.sheets, hasErrors };
    });
  return { sheets, panels: results, issues };
}

const WRITE_BACK_FIELDS = {
  evaluation: { score: "evaluationScore", result: "evaluationResult", date: "evaluatedOn" },
  acceptance: { score: "acceptanceScore", result: "acceptanceResult", date: "acceptedOn" },
} as const;

export interface CellWrite {
  /** Excel row (1-based) and zero-based column. */
  row: number;
  col: number;
  value: string | number;
}

/**
 * Where each complete panel's score and verdict go in the register: the latest round of its enterprise.
 * A cell that already holds a different value is kept and reported — a typed value is never overwritten.
 */
export function planWriteBack(
  rows: readonly RegisterRow[],
  columns: Partial<Record<RegisterField, number>>,
  panels: readonly PanelResult[],
): { writes: CellWrite[]; issues: Issue[] } {
  const writes: CellWrite[] = [];
  const issues: Issue[] = [];
  for (const p of panels) {
    if (!p.complete || p.score === null) continue;
    if (p.hasErrors) {
      issues.push(
        issue(
          p.sheets[0] ?? REGISTER_SHEET,
          "",
          "warning",
          "score.notWrittenBack",
          `“${p.enterprise}”的${p.kind === "evaluation" ? "评估" : "验收"}评分表或汇总表有错误，专家组结果未回填`,
        ),
      );
      continue;
    }
    const row = rows
      .filter((r) => r.name === p.enterprise)
      .reduce<RegisterRow | undefined>(
        (a, b) => (!a || (b.publishedOn ?? 0) > (a.publishedOn ?? 0) ? b : a),
        undefined,
      );
    if (!row) {
      issues.push(
        issue(
          REGISTER_SHEET,
          "",
          "warning",
          "score.noRegisterRow",
          `台账中找不到“${p.enterprise}”，专家组结果未回填`,
        ),
      );
      continue;
    }
    const f = WRITE_BACK_FIELDS[p.kind];
    for (const [field, value] of [
      [f.score, p.score],
      [f.result, p.verdict],
    ] as const) {
      const label = REGISTER_COLUMNS.find((c) => c.field === field)!.label;
      const col = columns[field];
      if (col === undefined) {
        issues.push(issue(REGISTER_SHEET, "", "warning", "score.noColumn", `台账没有“${label}”列，未回填`));
        continue;
      }
      const at = cellAddress(row.row - 1, col);
      const current = row[field];
      if (current !== null && current !== value) {
        issues.push(
          issue(
            REGISTER_SHEET,
            at,
            "warning",
            "score.keptTyped",
            `${at} 已填写“${current}”，与专家组结果“${value}”不同，未覆盖`,
          ),
        );
      } else if (current !== value) writes.push({ row: row.row, col, value });
    }
    if (row[f.date] === null) {
      const label = REGISTER_COLUMNS.find((c) => c.field === f.date)!.label;
      const col = columns[f.date];
      const at = col === undefined ? "" : cellAddress(row.row - 1, col);
      issues.push(
        issue(
          REGISTER_SHEET,
          at,
          "warning",
          "score.noDate",
          `已回填“${row.name}”的专家组结果，请在 ${at || label} 填写${label}`,
        ),
      );
    }
  }
  return { writes, issues };
}
