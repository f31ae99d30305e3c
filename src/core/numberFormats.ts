// What a cell's number format says about its number: whether it shows a date, and how far the 1904 date
// system counts from the 1900 one. Shared by the file readers and writers and the WPS backend.

/** Days from 1899-12-30 to 1904-01-01: a date's serial in the 1904 date system is this much smaller. */
export const DATE1904_OFFSET = 1462;

/** Whether a format code shows a date: a y, m, d, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}
