// China's rest days (weekends and statutory holidays, minus the 调休上班日), from the maintained
// `chinese-days` calendar, which carries each year's State Council notice.

import calendar from "chinese-days/dist/chinese-days.json";
import { formatIsoDate, isoWeekday, partsFromSerial, type DateSerial } from "./dates";

const HOLIDAYS = new Set(Object.keys(calendar.holidays));
const WORKDAYS = new Set(Object.keys(calendar.workdays));
/** Years for which the calendar carries a notice; other years cannot be judged. */
const COVERED_YEARS = new Set([...HOLIDAYS].map((d) => Number(d.slice(0, 4))));

export interface RestDayCalendar {
  isRestDay(serial: DateSerial): boolean;
  covers(serial: DateSerial): boolean;
}

export function restDayCalendar(
  extraRestDays: readonly string[] = [],
  extraWorkDays: readonly string[] = [],
): RestDayCalendar {
  const rest = new Set(extraRestDays);
  const work = new Set(extraWorkDays);
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
      return COVERED_YEARS.has(partsFromSerial(serial).year);
    },
  };
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
