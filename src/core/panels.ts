// Gathers read scoring sheets into sheet and panel results (cpa score, the task pane's write-back).

import { cellAddress } from "./address";
import { issue, type Issue } from "./issues";
import { REGISTER_COLUMNS, REGISTER_SHEET, type RegisterField, type RegisterRow } from "./register";
import type { ScoringKind } from "./rubrics";
import { scorePanel, scoreSheet, type PanelScore, type Verdict } from "./scoring";

export interface ExpertSheet {
  sheet: string;
  kind: ScoringKind;
  enterprise: string;
  expert: string;
  scores: (number | null)[];
  keys: (boolean | null)[];
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
}

/**
 * Sheet results, and panel results: a panel is the set of sheets a panel summary names, or else all the
 * sheets of one enterprise and kind. A sheet with a bad score is incomplete.
 */
export function scorePanels(
  experts: readonly ExpertSheet[],
  panels: readonly { kind: ScoringKind; enterprise: string; sheets: string[] }[],
) {
  const sheets: SheetResult[] = experts.map((e) => {
    const s = scoreSheet(e.kind, e.scores, e.keys);
    const complete = s.complete && e.issues.every((i) => i.severity !== "error");
    return {
      sheet: e.sheet,
      kind: e.kind,
      enterprise: e.enterprise,
      expert: e.expert,
      total: s.total,
      verdict: complete ? s.verdict : "未完成评分",
      complete,
    };
  });
  const byName = new Map(sheets.map((s, i) => [s.sheet, { result: s, keys: experts[i]!.keys }]));
  const groups = panels.map((p) => ({ ...p, sheets: p.sheets.filter((n) => byName.has(n)), summary: true }));
  const grouped = new Set(groups.flatMap((g) => g.sheets));
  for (const s of sheets) {
    if (grouped.has(s.sheet)) continue;
    const g = groups.find((x) => !x.summary && x.kind === s.kind && x.enterprise === s.enterprise);
    if (g) g.sheets.push(s.sheet);
    else groups.push({ kind: s.kind, enterprise: s.enterprise, sheets: [s.sheet], summary: false });
  }
  const results: PanelResult[] = groups
    .filter((g) => g.sheets.length > 0)
    .map((g) => {
      const members = g.sheets.map((n) => byName.get(n)!);
      const p = scorePanel(
        g.kind,
        members.map((m) => ({ total: m.result.total, complete: m.result.complete, keys: m.keys })),
      );
      return { ...p, enterprise: g.enterprise, kind: g.kind, sheets: g.sheets };
    });
  return { sheets, panels: results };
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
