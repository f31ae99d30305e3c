import { stampIsLate } from "../../src/core/consolidate";
import type { Stamp } from "../../src/core/stamp";

const stamp = (profile: string, stampedAt: string, quarter = "2026Q3"): Stamp => ({
  district: "",
  preparer: "张三",
  quarter,
  stampedAt,
  profile,
  counts: [],
  sheets: [],
  sha256: "0".repeat(64),
});

describe("a stamp's lateness, under the profile the stamp names", () => {
  it("calls a Shanghai stamp after the 10th of the next quarter's first month late, and one on the 10th not", () => {
    expect(stampIsLate(stamp("上海市", "2026-10-11T00:01+08:00"))).toBe(true);
    expect(stampIsLate(stamp("上海市", "2026-10-10T23:59+08:00"))).toBe(false);
  });

  it("never calls a Guangxi stamp late: Guangxi sets no quarterly report day", () => {
    expect(stampIsLate(stamp("广西壮族自治区", "2026-10-11T09:00+08:00"))).toBe(false);
    expect(stampIsLate(stamp("广西壮族自治区", "2027-03-01T09:00+08:00"))).toBe(false);
  });

  it("calls no stamp late whose profile or quarter cannot be read", () => {
    expect(stampIsLate(stamp("", "2026-12-01T09:00+08:00"))).toBe(false);
    expect(stampIsLate(stamp("上海市", "2026-12-01T09:00+08:00", "第三季度"))).toBe(false);
  });
});
