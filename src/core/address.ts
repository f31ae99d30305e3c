// A1-style cell addresses ⇄ zero-based row/column indices.

const A = "A".charCodeAt(0);

/** Zero-based column index → letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(A + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letters → zero-based column index: "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - A + 1);
  return n - 1;
}

/** Zero-based row and column → "B7". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B7" → { row: 6, col: 1 }; undefined when the text is not an A1 address. */
export function parseCellAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/** A rectangular range from zero-based corners, e.g. rangeAddress(0,0,2,3) → "A1:D3". */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  const b = cellAddress(bottom, right);
  return a === b ? a : `${a}:${b}`;
}
