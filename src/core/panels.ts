// Gathers read scoring sheets into sheet and panel results (cpa score, the task pane's write-back).

import type { Issue } from "./issues";
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
