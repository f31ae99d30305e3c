// SPEC 2.1 (dates as Excel serials, 1900 system; the accepted input forms) and SPEC 3 Decision (month
// and year arithmetic clamped to the month's last day), plus quarters as the forms name them.

import fc from "fast-check";
import {
  addMonthsClamped,
  addYearsClamped,
  daysInMonth,
  formatIsoDate,
  isoWeekday,
  MAX_SERIAL,
  MIN_SERIAL,
  nextQuarter,
  parseDateInput,
  parseIsoDate,
  parseQuarter,
  partsFromSerial,
  previousQuarter,
  quarterCode,
  quarterFirstDay,
  quarterLabel,
  quarterLastDay,
  quarterOf,
  serialFromParts,
  serialFromUtcDate,
  toHalfWidth,
  utcDateFromSerial,
  type Quarter,
} from "../../src/core/dates";

/** An independent oracle: Excel's serial for a day from 1900-03-01 on is its distance from 1899-12-30. */
const serialOf = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
};
/** Gregorian month lengths, written out rather than asked of Date. */
const monthLength = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
const shiftMonths = (iso: string, n: number) => formatIsoDate(addMonthsClamped(serialOf(iso), n));
const shiftYears = (iso: string, n: number) => formatIsoDate(addYearsClamped(serialOf(iso), n));

describe("Excel serials in the 1900 date system", () => {
  it.each([
    ["1900-03-01", 61],
    ["1970-01-01", 25569],
    ["2000-01-01", 36526],
    ["2026-03-05", 46086],
    ["9999-12-31", 2958465],
  ])("maps %s to serial %d and back", (iso, serial) => {
    expect(parseIsoDate(iso)).toBe(serial);
    expect(formatIsoDate(serial)).toBe(iso);
    expect(serialFromParts(...(iso.split("-").map(Number) as [number, number, number]))).toBe(serial);
  });

  it("accepts no serial below 1900-03-01, where Excel counts its phantom 29 February 1900", () => {
    expect(MIN_SERIAL).toBe(61);
    expect(MAX_SERIAL).toBe(2958465);
    expect(parseDateInput(60)).toEqual({ ok: false, reason: "range" });
    expect(parseDateInput(61)).toEqual({ ok: true, value: 61 });
  });

  it("round-trips serial → ISO → serial for every serial from 61 to 2958465", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }), (s) => {
        const iso = formatIsoDate(s);
        return /^\d{4}-\d{2}-\d{2}$/.test(iso) && parseIsoDate(iso) === s && serialOf(iso) === s;
      }),
      { numRuns: 2000 },
    );
  });

  it("maps each of the 2,958,405 serials to the next calendar day in turn, and back", () => {
    let [year, month, day] = [1900, 3, 1];
    let lastDay = monthLength(year, month);
    let failures = 0;
    for (let s = MIN_SERIAL; s <= MAX_SERIAL; s++) {
      const p = partsFromSerial(s);
      if (p.year !== year || p.month !== month || p.day !== day || serialFromParts(year, month, day) !== s)
        failures++;
      if (day < lastDay) day++;
      else {
        [year, month, day] = month < 12 ? [year, month + 1, 1] : [year + 1, 1, 1];
        lastDay = monthLength(year, month);
      }
    }
    expect(failures).toBe(0);
    expect([year, month, day]).toEqual([10000, 1, 1]);
  });

  it("knows the length of every month", () => {
    for (let y = 1900; y <= 2400; y++)
      for (let m = 1; m <= 12; m++) expect(daysInMonth(y, m)).toBe(monthLength(y, m));
  });

  it("takes consecutive serials to consecutive calendar days", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL - 1 }), (s) => {
        const a = partsFromSerial(s);
        const b = partsFromSerial(s + 1);
        if (a.day < daysInMonth(a.year, a.month))
          return b.year === a.year && b.month === a.month && b.day === a.day + 1;
        if (a.month < 12) return b.year === a.year && b.month === a.month + 1 && b.day === 1;
        return b.year === a.year + 1 && b.month === 1 && b.day === 1;
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the weekday of a serial (2026-03-05 is a Thursday, 2026-03-15 a Sunday)", () => {
    expect(isoWeekday(serialOf("2026-03-05"))).toBe(4);
    expect(isoWeekday(serialOf("2026-03-15"))).toBe(7);
    expect(isoWeekday(serialOf("1900-03-01"))).toBe(4);
  });

  it("turns a serial into the UTC midnight ExcelJS writes, and back", () => {
    expect(utcDateFromSerial(46086).toISOString()).toBe("2026-03-05T00:00:00.000Z");
    expect(serialFromUtcDate(new Date("2026-03-05T23:59:59.999Z"))).toBe(46086);
  });

  it("rejects ISO text that is not a calendar day", () => {
    expect(parseIsoDate("2026-02-29")).toBeUndefined();
    expect(parseIsoDate("2028-02-29")).toBe(serialOf("2028-02-29"));
    expect(parseIsoDate("2026-3-5")).toBeUndefined();
  });
});

describe("date input of SPEC 2.1: serials, ISO, 2026/3/5, 2026.3.5, 2026年3月5日", () => {
  it.each<[string, unknown]>([
    ["a whole serial", 46086],
    ["a serial with a time of day", 46086.75],
    ["a Date at UTC midnight, as ExcelJS gives a date cell", new Date(Date.UTC(2026, 2, 5))],
    ["a Date late in the UTC day", new Date(Date.UTC(2026, 2, 5, 23, 59, 59))],
    ["ISO text", "2026-03-05"],
    ["slashes", "2026/3/5"],
    ["slashes with leading zeros", "2026/03/05"],
    ["dots", "2026.3.5"],
    ["Chinese 年月日", "2026年3月5日"],
    ["Chinese 年月日 with leading zeros", "2026年03月05日"],
    ["full-width digits and slashes", "２０２６／３／５"],
    ["full-width digits in 年月日", "２０２６年３月５日"],
    ["full-width ISO", "２０２６－０３－０５"],
    ["text with spaces around it", "  2026-03-05 "],
    ["text with an ideographic space around it", "\u30002026.3.5\u3000"],
  ])("reads %s as 2026-03-05", (_, input) => {
    expect(parseDateInput(input)).toEqual({ ok: true, value: 46086 });
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["undefined", undefined],
    ["empty text", ""],
    ["spaces", "   "],
    ["an ideographic space", "\u3000"],
  ])("reads %s as blank", (_, input) => {
    expect(parseDateInput(input)).toEqual({ ok: true, value: null });
  });

  it.each<[string, unknown, string]>([
    ["30 February", "2026-02-30", "calendar"],
    ["29 February in a common year", "2026/2/29", "calendar"],
    ["month 13", "2026-13-01", "calendar"],
    ["month 13 with dots", "2026.13.1", "calendar"],
    ["day 0", "2026年3月0日", "calendar"],
    ["day 32", "2026-01-32", "calendar"],
    ["prose", "abc", "format"],
    ["an American date", "3/5/2026", "format"],
    ["a two-digit year", "26/3/5", "format"],
    ["a date with a time", "2026-03-05T08:00", "format"],
    ["a year and month only", "2026-3", "format"],
    ["digits without separators", "20260305", "format"],
    ["mixed separators", "2026-3/5", "format"],
    ["a serial typed as text", "46086", "format"],
    ["a formula typed as text", "=TODAY()", "format"],
    ["NaN", Number.NaN, "type"],
    ["Infinity", Number.POSITIVE_INFINITY, "type"],
    ["true", true, "type"],
    ["false", false, "type"],
    ["an invalid Date", new Date(Number.NaN), "type"],
    ["an object", { a: 1 }, "type"],
    ["an array", [2026, 3, 5], "type"],
    ["a bigint", BigInt(46086), "type"],
    ["a negative serial", -3, "range"],
    ["serial 0", 0, "range"],
    ["1e308", 1e308, "range"],
    ["a serial past 9999-12-31", MAX_SERIAL + 1, "range"],
    ["a Date before 1900-03-01", new Date(Date.UTC(1899, 0, 1)), "range"],
  ])("rejects %s (%p) as %s", (_, input, reason) => {
    expect(parseDateInput(input)).toEqual({ ok: false, reason });
  });

  it("never throws, whatever a cell holds", () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withBigInt: true, withMap: true, withSet: true }), (v) => {
        const r = parseDateInput(v);
        return r.ok ? r.value === null || Number.isInteger(r.value) : typeof r.reason === "string";
      }),
      { numRuns: 2000 },
    );
  });

  it("reads every date it accepts as a serial Excel can show", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string(), fc.date()), (v) => {
        const r = parseDateInput(v);
        return !r.ok || r.value === null || (r.value >= MIN_SERIAL && r.value <= MAX_SERIAL);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads every calendar day in each of the four text forms", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }), (s) => {
        const { year, month, day } = partsFromSerial(s);
        return [
          formatIsoDate(s),
          `${year}/${month}/${day}`,
          `${year}.${month}.${day}`,
          `${year}年${month}月${day}日`,
        ].every((t) => {
          const r = parseDateInput(t);
          return r.ok && r.value === s;
        });
      }),
      { numRuns: 500 },
    );
  });

  it("converts full-width characters to half-width", () => {
    expect(toHalfWidth("２０２６／３／５")).toBe("2026/3/5");
    expect(toHalfWidth("ＡＢＣ\u3000１")).toBe("ABC 1");
  });
});

describe("N个月内: the same day-of-month N months later, clamped to the month's last day", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2026-08-31", 1, "2026-09-30"],
    ["2026-03-31", 1, "2026-04-30"],
    ["2026-03-15", 1, "2026-04-15"],
    ["2026-03-15", 2, "2026-05-15"],
    ["2025-12-31", 2, "2026-02-28"],
    ["2023-12-31", 2, "2024-02-29"],
    ["2026-11-30", 2, "2027-01-30"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-05-31", 3, "2026-08-31"],
    ["2026-03-05", 0, "2026-03-05"],
  ])("%s + %d months → %s", (from, n, to) => {
    expect(shiftMonths(from, n)).toBe(to);
  });

  it("lands in the right month and never past its end", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: serialOf("1901-01-01"), max: serialOf("9000-12-31") }),
        fc.integer({ min: -240, max: 240 }),
        (s, n) => {
          const from = partsFromSerial(s);
          const to = partsFromSerial(addMonthsClamped(s, n));
          const months = from.year * 12 + (from.month - 1) + n;
          return (
            to.year === Math.floor(months / 12) &&
            to.month === (months % 12) + 1 &&
            to.day === Math.min(from.day, daysInMonth(to.year, to.month))
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("never moves a later day to an earlier deadline", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: serialOf("1990-01-01"), max: serialOf("2090-12-31") }),
        fc.integer({ min: 0, max: 31 }),
        fc.integer({ min: 0, max: 60 }),
        (s, k, n) => addMonthsClamped(s, n) <= addMonthsClamped(s + k, n),
      ),
    );
  });
});

describe("N年内: the same day N years later, 29 February clamped to 28 February", () => {
  it.each([
    ["2024-02-29", 1, "2025-02-28"],
    ["2024-02-29", 2, "2026-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2024-02-29", -4, "2020-02-29"],
    ["2000-02-29", 100, "2100-02-28"],
    ["2025-03-15", 1, "2026-03-15"],
    ["2025-03-15", 2, "2027-03-15"],
    ["2026-12-31", 5, "2031-12-31"],
  ])("%s + %d years → %s", (from, n, to) => {
    expect(shiftYears(from, n)).toBe(to);
  });

  it("is N × 12 months", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: serialOf("1901-01-01"), max: serialOf("9000-12-31") }),
        fc.integer({ min: -20, max: 20 }),
        (s, n) => addYearsClamped(s, n) === addMonthsClamped(s, 12 * n),
      ),
      { numRuns: 2000 },
    );
  });
});

describe("quarters", () => {
  it.each(["2026Q3", "2026q3", "2026-Q3", "2026年第3季度", "2026年第三季度", "２０２６Ｑ３", " 2026Q3 "])(
    "parses %p as the third quarter of 2026",
    (text) => {
      expect(parseQuarter(text)).toEqual({ year: 2026, quarter: 3 });
    },
  );

  it.each([
    ["2026年第一季度", 1],
    ["2026年第二季度", 2],
    ["2026年第四季度", 4],
    ["2026Q1", 1],
    ["2026Q4", 4],
  ])("parses %s as quarter %d", (text, quarter) => {
    expect(parseQuarter(text)).toEqual({ year: 2026, quarter });
  });

  it.each(["2026Q0", "2026Q5", "2026年第五季度", "Q3 2026", "third quarter", "", "2026"])(
    "rejects %p",
    (text) => {
      expect(parseQuarter(text)).toBeUndefined();
    },
  );

  it.each<[Quarter, string, string]>([
    [{ year: 2026, quarter: 1 }, "2026-01-01", "2026-03-31"],
    [{ year: 2026, quarter: 2 }, "2026-04-01", "2026-06-30"],
    [{ year: 2026, quarter: 3 }, "2026-07-01", "2026-09-30"],
    [{ year: 2026, quarter: 4 }, "2026-10-01", "2026-12-31"],
    [{ year: 2028, quarter: 1 }, "2028-01-01", "2028-03-31"],
  ])("knows the first and last day of %o", (q, first, last) => {
    expect(formatIsoDate(quarterFirstDay(q))).toBe(first);
    expect(formatIsoDate(quarterLastDay(q))).toBe(last);
    expect(quarterOf(quarterFirstDay(q))).toEqual(q);
    expect(quarterOf(quarterLastDay(q))).toEqual(q);
  });

  it("steps to the next and previous quarter across years", () => {
    expect(nextQuarter({ year: 2026, quarter: 3 })).toEqual({ year: 2026, quarter: 4 });
    expect(nextQuarter({ year: 2026, quarter: 4 })).toEqual({ year: 2027, quarter: 1 });
    expect(previousQuarter({ year: 2026, quarter: 2 })).toEqual({ year: 2026, quarter: 1 });
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
  });

  it("names quarters as the CLI and the forms do", () => {
    expect(quarterCode({ year: 2026, quarter: 3 })).toBe("2026Q3");
    expect(quarterLabel({ year: 2026, quarter: 3 })).toBe("2026年第3季度");
  });

  it("tiles the calendar: the day after a quarter's last is the next quarter's first", () => {
    const quarter = fc.record({
      year: fc.integer({ min: 1901, max: 9998 }),
      quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    });
    fc.assert(
      fc.property(quarter, (q) => {
        const next = nextQuarter(q);
        return (
          quarterLastDay(q) + 1 === quarterFirstDay(next) &&
          JSON.stringify(previousQuarter(next)) === JSON.stringify(q) &&
          JSON.stringify(parseQuarter(quarterCode(q))) === JSON.stringify(q) &&
          JSON.stringify(parseQuarter(quarterLabel(q))) === JSON.stringify(q)
        );
      }),
    );
  });
});
