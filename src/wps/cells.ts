// Addresses and the shapes of Value2: what WPS gives for a range is a 2-D array of rows, for one cell the
// value itself.

import { rangeAddress } from "../core/address";

/** The A1 address of the block at zero-based (row, col), `rows` × `cols`. */
export function address(row: number, col: number, rows = 1, cols = 1): string {
  return rangeAddress(row, col, row + rows - 1, col + cols - 1);
}

/** Value2 (or Formula) of a range as rows: a single cell's scalar becomes [[value]]. */
export function rows2d(value: unknown): unknown[][] {
  if (Array.isArray(value)) return value.map((r) => (Array.isArray(r) ? r : [r]));
  return [[value]];
}
