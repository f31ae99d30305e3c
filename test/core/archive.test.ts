import { ARCHIVE_ITEMS, archiveRecord } from "../../src/core/archive";
import { d } from "./fixtures";

const filed = (numbers: number[], on: string) => new Map(numbers.map((n) => [n, d(on)] as const));

describe("附表2 档案材料清单", () => {
  it("lists the 22 items of the seed in order, 20 being the only optional one", () => {
    expect(ARCHIVE_ITEMS.map((i) => i.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(ARCHIVE_ITEMS.filter((i) => i.optional).map((i) => i.number)).toEqual([20]);
  });

  it("keeps the seed's groups: 12、验收申请表 under 评估后修改, within a month of the on-site evaluation", () => {
    const grouping = (numbers: number[]) =>
      numbers.map((n) => ARCHIVE_ITEMS[n - 1]!).map((i) => `${i.stage} ${i.project}`);
    expect(new Set(grouping([1, 2, 3, 4]))).toEqual(new Set(["现场评估后一个月内 项目启动证明"]));
    expect(new Set(grouping([5, 6, 7, 8, 9, 10]))).toEqual(new Set(["现场评估后一个月内 评估"]));
    expect(new Set(grouping([11, 12]))).toEqual(new Set(["现场评估后一个月内 评估后修改"]));
    expect(new Set(grouping([13, 14, 15, 16, 17, 18, 19, 20]))).toEqual(new Set(["现场验收后一个月内 验收"]));
    expect(new Set(grouping([21, 22]))).toEqual(new Set(["现场验收后一个月内 验收后修改"]));
  });

  it("dates a group by its last required item, and leaves it open while one is missing", () => {
    const dates = new Map([
      ...filed([1, 2, 3, 4, 5, 6, 7, 8, 9, 12], "2026-02-01"),
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

  it("holds the evaluation's archive open until 12、验收申请表 is filed, not the acceptance's", () => {
    const dates = new Map([
      ...filed([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], "2026-02-01"),
      ...filed([13, 14, 15, 16, 17, 18, 19], "2026-11-01"),
    ]);
    expect(archiveRecord(dates)).toMatchObject({
      evaluationArchivedOn: null,
      evaluationRevisedOn: d("2026-02-01"),
      acceptanceArchivedOn: d("2026-11-01"),
    });
  });

  it("does not wait for an optional item (项目财务审计报告（必要时）)", () => {
    const dates = filed([13, 14, 15, 16, 17, 18, 19], "2026-11-01");
    expect(archiveRecord(dates).acceptanceArchivedOn).toBe(d("2026-11-01"));
  });
});
