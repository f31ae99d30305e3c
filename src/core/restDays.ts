// China's rest days (weekends and statutory holidays, minus the 调休上班日), from the maintained
// `chinese-days` calendar, which carries each year's State Council notice, plus the days a district enters
// itself in 强审设置's 休息日调整 table (the profile's restDays / workDays) before the package has them.

import calendar from "chinese-days/dist/chinese-days.json";
import { formatIsoDate, isoWeekday, partsFromSerial, type DateSerial } from "./dates";
import { issue, type Issue } from "./issues";
import type { Profile } from "./profiles";

const HOLIDAYS = new Set(Object.keys(calendar.holidays));
const WORKDAYS = new Set(Object.keys(calendar.workdays));
const yearOf = (iso: string) => Number(iso.slice(0, 4));
/** Years for which the calendar carries a notice; other years cannot be judged. */
const PACKAGE_YEARS = new Set([...HOLIDAYS].map(yearOf));
/** The years the package knows, for the message that asks for another. */
const PACKAGE_SPAN = `${Math.min(...PACKAGE_YEARS)}–${Math.max(...PACKAGE_YEARS)}`;

export interface RestDayCalendar {
  isRestDay(serial: DateSerial): boolean;
  covers(serial: DateSerial): boolean;
}

/**
 * The package's calendar with extra rest days and working days (YYYY-MM-DD) laid over it; a year any extra
 * day falls in counts as known, since a district enters a year's notice whole.
 */
export function restDayCalendar(
  extraRestDays: readonly string[] = [],
  extraWorkDays: readonly string[] = [],
): RestDayCalendar {
  const rest = new Set(extraRestDays);
  const work = new Set(extraWorkDays);
  const years = new Set([...PACKAGE_YEARS, ...[...rest, ...work].map(yearOf)]);
  return {
    isRestDay(serial) {
      const iso = formatIsoDate(serial);
      if (work.has(iso)) return false;
      if (rest.has(iso)) return true;
      if (WORKDAYS.has(iso)) return false;
      if (HOLIDAYS.has(iso)) return true;
      return isoWeekday(serial) >= 6;
    },
    covers(serial) {
      return years.has(partsFromSerial(serial).year);
    },
  };
}

/** The calendar a profile's deadlines move by: the package's with the profile's own days. */
export function profileCalendar(profile: Pick<Profile, "restDays" | "workDays">): RestDayCalendar {
  return restDayCalendar(profile.restDays, profile.workDays);
}

export type RestDayShift =
  | { moved: false; date: DateSerial; uncovered: boolean }
  | { moved: true; date: DateSerial; from: DateSerial };

/** A period whose last day is a rest day ends on the next working day (民法典 第二百零三条). */
export function extendPastRestDays(deadline: DateSerial, cal: RestDayCalendar): RestDayShift {
  let day = deadline;
  while (cal.isRestDay(day)) {
    if (!cal.covers(day)) return { moved: false, date: deadline, uncovered: true };
    day++;
  }
  if (day === deadline) return { moved: false, date: deadline, uncovered: !cal.covers(deadline) };
  return { moved: true, date: day, from: deadline };
}

export const REST_DAY_TABLE = "休息日调整";

/**
 * One warning per year in which a deadline was left where it fell because no calendar knows the year's rest
 * days, naming the year and what to do about it.
 */
export function unknownYearWarnings(sheet: string, years: Iterable<number>): Issue[] {
  return [...new Set(years)]
    .sort((a, b) => a - b)
    .map((year) =>
      issue(
        sheet,
        "",
        "warning",
        "restDays.unknownYear",
        `${year} 年的法定节假日和调休安排尚未收录（内置日历收录 ${PACKAGE_SPAN} 年），该年遇休息日的期限未作顺延；国务院公布该年安排后，请在“${sheet}”的“${REST_DAY_TABLE}”表中逐日填写（日期、类型 休息日/上班日、依据）`,
      ),
    );
}
