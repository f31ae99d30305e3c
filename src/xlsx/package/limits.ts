// The documented limits of reading a workbook (README, "Real workbooks"): kept apart from the reader so the
// task pane knows them without loading it.

export interface ReadLimits {
  /** Excel's own: 1,048,576 rows per sheet. */
  maxRows: number;
  /** No part may expand beyond this: its text must fit in one string. */
  maxPartBytes: number;
  /** All parts together may expand to at most this, so reading fits in memory. */
  maxTotalBytes: number;
  /** Said after a refusal for size: how to give the reader more memory. */
  memoryHint?: string;
}

export const EXCEL_MAX_ROWS = 1_048_576;

/** Reading takes about 25 bytes of memory per byte of expanded XML (ExcelJS's cell objects). */
export const MEMORY_PER_EXPANDED_BYTE = 25;

export const DEFAULT_LIMITS: ReadLimits = {
  maxRows: EXCEL_MAX_ROWS,
  maxPartBytes: 500 * 2 ** 20,
  maxTotalBytes: 160 * 2 ** 20,
};
