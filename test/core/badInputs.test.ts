// Every entry of the bad-input corpus, read as a workbook: it must raise its issue at its sheet and cell,
// with a Chinese message, and reading must not throw.

import fc from "fast-check";
import { MAX_SERIAL, parseIsoDate } from "../../src/core/dates";
import type { CellInput, Grid } from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";
import { loadWorkbook, workbookIssues, workbookStatus } from "../../src/core/workbook";
import { LOG_HEAD, REGISTER_HEAD } from "../fixtures/bad-input/build";
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

describe("whole workbooks of arbitrary cells", () => {
  const cell: fc.Arbitrary<CellInput> = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.constantFrom(
      "2025-03-15",
      "2026/2/29",
      "企业名称变更",
      "审核暂缓",
      "91310000132149237G",
      "代码已核实",
    ),
    fc.double(),
    fc.integer({ min: -10, max: MAX_SERIAL + 10 }),
    fc.boolean(),
    fc.date(),
    fc.record({ error: fc.constantFrom("#REF!", "#N/A") }),
    fc.anything().map((result): CellInput => ({ formula: "A1", result })),
  );
  const sheet = (name: string, head: readonly string[]) =>
    fc
      .tuple(
        fc.shuffledSubarray([...head]),
        fc.array(fc.array(cell, { maxLength: head.length + 2 }), { maxLength: 6 }),
      )
      .map(([labels, rows]): Grid => ({ sheet: name, rows: [labels, ...rows] }));

  it("never make loading, validation or status throw, whatever the profile and as-of date", () => {
    fc.assert(
      fc.property(
        sheet("企业名单台账", REGISTER_HEAD),
        sheet("名单调整记录", LOG_HEAD),
        fc.option(sheet("强审设置", ["设置项", "值"])),
        fc.constantFrom("shanghai" as const, "guangxi" as const, undefined),
        fc.integer({ min: 61, max: MAX_SERIAL }),
        (register, log, settings, profileId, asOf) => {
          const sheets = new Map([register, log, ...(settings ? [settings] : [])].map((g) => [g.sheet, g]));
          const loaded = loadWorkbook({ sheet: (name) => sheets.get(name) }, { profileId });
          const issues = workbookIssues(loaded, asOf);
          const status = workbookStatus(loaded, asOf);
          return issues.every((i) => typeof i.message === "string") && status.length === loaded.rows.length;
        },
      ),
      { numRuns: 300 },
    );
  });
});
