// The one way the add-in writes values into cells: every text cell is formatted "@" in the same request,
// before its value, so Excel never runs text as a formula ("=…", "+…", "-…", "@…") nor turns digits into a
// number of 15 significant digits.

export type CellWrite = string | number | boolean;

/** Number formats for `rows`: "@" for text, the column's format for the rest, null (unchanged) without one. */
export function textSafeFormats(
  rows: readonly (readonly CellWrite[])[],
  columnFormats: readonly (string | undefined)[] = [],
): (string | null)[][] {
  return rows.map((r) =>
    r.map((v, c) => (typeof v === "string" && v !== "" ? "@" : (columnFormats[c] ?? null))),
  );
}

/** Writes `rows` into `range` ("" clears a cell): the formats first, then the values. */
export function writeValues(
  range: Excel.Range,
  rows: readonly (readonly CellWrite[])[],
  columnFormats?: readonly (string | undefined)[],
): void {
  range.numberFormat = textSafeFormats(rows, columnFormats);
  range.values = rows.map((r) => [...r]);
}
