import { ARCHIVE_ITEMS, archiveRecord } from "../../src/core/archive";
import { d } from "./fixtures";

const filed = (numbers: number[], on: string) => new Map(numbers.map((n) => [n, d(on)] as const));

describe("附表2 档案材料清单", () => {
  it("lists the 22 items of the seed in order, 20 being the only optional one", () => {
    expect(ARCHIVE_ITEMS.map((i) => i.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(ARCHIVE_ITEMS.filter((i) => i.optional).map((i) => i.number)).toEqual([20]);
  });

  it("dates a group by its last required item, and leaves it open while one is missing", () => {
    const dates = new Map([
      ...filed([1, 2, 3, 4, 5, 6, 7, 8, 9], "2026-02-01"),
      ...filed([10], "2026-02-09"),
      ...filed([11], "2026-02-20"),
    ]);
    expect(archiveRecord(dates)).toEqual({
      evaluationArchivedOn: d("2026-02-09"),
      evaluationRevisedOn: d("2026-02-20"),
      acceptanceArchivedOn: null,
      acceptanceRevisedOn: null,
    });
    dates.delete(7);
    expect(archiveRecord(dates).evaluationArchivedOn).toBeNull();
  });

  it("does not wait for an optional item (项目财务审计报告（必要时）)", () => {
    const dates = filed([12, 13, 14, 15, 16, 17, 18, 19], "2026-11-01");
    expect(archiveRecord(dates).acceptanceArchivedOn).toBe(d("2026-11-01"));
  });
});
