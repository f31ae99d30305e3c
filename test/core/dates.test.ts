import fc from "fast-check";
import {
  addMonthsClamped,
  addYearsClamped,
  formatIsoDate,
  MAX_SERIAL,
  MIN_SERIAL,
  nextQuarter,
  parseDateInput,
  parseIsoDate,
  parseQuarter,
  partsFromSerial,
  previousQuarter,
  quarterFirstDay,
  quarterLastDay,
  quarterOf,
  daysInMonth,
} from "../../src/core/dates";

const d = (iso: string) => parseIsoDate(iso)!;

describe("Excel serials (1900 system)", () => {
  it("maps 2026-03-05 to 46086 and 1900-03-01 to 61", () => {
    expect(d("2026-03-05")).toBe(46086);
    expect(d("1900-03-01")).toBe(61);
    expect(formatIsoDate(46086)).toBe("2026-03-05");
  });

  it("round-trips every serial Excel can show", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }),
        (s) => parseIsoDate(formatIsoDate(s)) === s,
      ),
    );
  });
});

describe("date input formats of SPEC 2.1", () => {
  it.each([
    [46086, 46086],
    [46086.75, 46086],
    [new Date(Date.UTC(2026, 2, 5)), 46086],
    ["2026-03-05", 46086],
    ["2026/3/5", 46086],
    ["2026.3.5", 46086],
    ["2026年3月5日", 46086],
    ["２０２６／３／５", 46086],
    ["  2026-3-5 ", 46086],
  ])("reads %p", (input, serial) => {
    expect(parseDateInput(input)).toEqual({ ok: true, value: serial });
  });

  it.each([null, undefined, "", "   "])("reads %p as blank", (input) => {
    expect(parseDateInput(input)).toEqual({ ok: true, value: null });
  });

  it.each([
    ["2026-02-30", "calendar"],
    ["2026-13-01", "calendar"],
    ["abc", "format"],
    ["3/5/2026", "format"],
    ["2026-3", "format"],
    [Number.NaN, "type"],
    [true, "type"],
    [-5, "range"],
    [1e308, "range"],
  ])("rejects %p (%s)", (input, reason) => {
    expect(parseDateInput(input)).toEqual({ ok: false, reason });
  });

  it("never throws, whatever a cell holds", () => {
    fc.assert(fc.property(fc.anything(), (v) => typeof parseDateInput(v).ok === "boolean"));
  });
});

describe("month and year arithmetic with end-of-month clamping", () => {
  it("clamps 1月31日 + 1 month to 2月28日, or 29日 in a leap year", () => {
    expect(formatIsoDate(addMonthsClamped(d("2026-01-31"), 1))).toBe("2026-02-28");
    expect(formatIsoDate(addMonthsClamped(d("2028-01-31"), 1))).toBe("2028-02-29");
    expect(formatIsoDate(addMonthsClamped(d("2026-08-31"), 1))).toBe("2026-09-30");
    expect(formatIsoDate(addMonthsClamped(d("2026-11-30"), 2))).toBe("2027-01-30");
  });

  it("takes 29 Feb + 1 year to 28 Feb, + 4 years to 29 Feb", () => {
    expect(formatIsoDate(addYearsClamped(d("2024-02-29"), 1))).toBe("2025-02-28");
    expect(formatIsoDate(addYearsClamped(d("2024-02-29"), 4))).toBe("2028-02-29");
    expect(formatIsoDate(addYearsClamped(d("2024-02-29"), -4))).toBe("2020-02-29");
  });

  it("lands in the right month, never past its end", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: d("1990-01-01"), max: d("2090-12-31") }),
        fc.integer({ min: -60, max: 60 }),
        (s, n) => {
          const from = partsFromSerial(s);
          const to = partsFromSerial(addMonthsClamped(s, n));
          const months = from.year * 12 + from.month - 1 + n;
          return (
            to.year === Math.floor(months / 12) &&
            to.month === (months % 12) + 1 &&
            to.day === Math.min(from.day, daysInMonth(to.year, to.month))
          );
        },
      ),
    );
  });
});

describe("quarters", () => {
  it.each(["2026Q3", "2026-q3", "2026年第3季度", "2026年第三季度"])("parses %s", (t) => {
    expect(parseQuarter(t)).toEqual({ year: 2026, quarter: 3 });
  });

  it("rejects 2026Q5 and prose", () => {
    expect(parseQuarter("2026Q5")).toBeUndefined();
    expect(parseQuarter("third quarter")).toBeUndefined();
  });

  it("knows first and last days and crosses years", () => {
    expect(formatIsoDate(quarterFirstDay({ year: 2026, quarter: 3 }))).toBe("2026-07-01");
    expect(formatIsoDate(quarterLastDay({ year: 2026, quarter: 3 }))).toBe("2026-09-30");
    expect(formatIsoDate(quarterLastDay({ year: 2028, quarter: 1 }))).toBe("2028-03-31");
    expect(nextQuarter({ year: 2026, quarter: 4 })).toEqual({ year: 2027, quarter: 1 });
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(quarterOf(d("2026-12-31"))).toEqual({ year: 2026, quarter: 4 });
  });
});
