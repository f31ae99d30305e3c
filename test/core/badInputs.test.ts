import type { Grid } from "../../src/core/grid";
import { loadWorkbook, workbookIssues } from "../../src/core/workbook";
import { BAD_INPUTS } from "../fixtures/badInputs";
import { d } from "./fixtures";

describe("the bad-input corpus", () => {
  it("holds at least 25 entries", () => expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25));

  it.each(BAD_INPUTS.map((b) => [b.name, b] as const))("answers %s with a cell-addressed issue", (_, bad) => {
    const grids = {
      sheet: (name: string): Grid | undefined =>
        bad.sheets[name] ? { sheet: name, rows: bad.sheets[name]! } : undefined,
    };
    const loaded = loadWorkbook(grids, { profileId: "shanghai" });
    const issues = workbookIssues(loaded, d("2026-11-24"));
    expect(issues).toContainEqual(expect.objectContaining(bad.expect));
    const found = issues.find((i) => i.code === bad.expect.code)!;
    expect(found.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
