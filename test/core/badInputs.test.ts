// Every entry of the bad-input corpus, read as a workbook: it must raise its issue at its sheet and cell,
// with a Chinese message, and reading must not throw.

import { parseIsoDate } from "../../src/core/dates";
import type { Grid } from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";
import { loadWorkbook, workbookIssues } from "../../src/core/workbook";
import { BAD_INPUTS, type BadInput } from "../fixtures/badInputs";

const ASOF = parseIsoDate("2026-11-24")!;

function issuesOf(bad: BadInput): Issue[] {
  const sheets = new Map<string, Grid>([bad.grid, ...(bad.alongside ?? [])].map((g) => [g.sheet, g]));
  const loaded = loadWorkbook(
    { sheet: (name) => sheets.get(name) },
    { profileId: bad.profile ?? "shanghai" },
  );
  return workbookIssues(loaded, ASOF);
}

describe("the bad-input corpus", () => {
  it("holds at least 25 entries with distinct names", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(BAD_INPUTS.map((b) => b.name)).size).toBe(BAD_INPUTS.length);
  });

  it.each(BAD_INPUTS.map((b) => [b.name, b] as const))(
    "answers %s with its cell-addressed issue",
    (_, bad) => {
      let issues: Issue[] = [];
      expect(() => {
        issues = issuesOf(bad);
      }).not.toThrow();
      expect(issues).toContainEqual(expect.objectContaining(bad.expect));
      const found = issues.find(
        (i) => i.sheet === bad.expect.sheet && i.cell === bad.expect.cell && i.code === bad.expect.code,
      )!;
      expect(found.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(["error", "warning"]).toContain(found.severity);
    },
  );

  it("addresses every issue it raises to a real cell, or to the sheet as a whole", () => {
    for (const bad of BAD_INPUTS) {
      let issues: Issue[];
      try {
        issues = issuesOf(bad);
      } catch {
        continue; // Reported by the entry's own test.
      }
      for (const i of issues) expect(i.cell).toMatch(/^([A-Z]{1,3}[1-9]\d*)?$/);
    }
  });
});
