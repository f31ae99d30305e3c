// Reading sheets of the open workbook into Grids. One sync learns which sheets exist (skipped when the caller
// knows), one how large each used range is and whether each sheet is protected, then the cells are read in
// blocks that stay under Excel's limits: 5 million cells a read, and 5 MB a response on the web. A block
// Excel still refuses as too large is read again in halves.

import type { CellInput, Grid } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook";
import { withoutTableNotes } from "../xlsx/stream/tableNotes";
import { CommandError } from "./errors";
import { dateShift, gridIn1900, loadDateSystem } from "./dateSystem";
import { loadStructureProtection } from "./structure";

/**
 * Cells read in one sync: far under the 5,000,000-cell limit, and, at the 7–10 bytes a register's cell takes
 * in a response, about 3 MB: under the web's 5 MB.
 */
export const READ_CELLS = 300_000;

/**
 * Used-range values → a Grid addressed from A1, whatever corner the used range starts at. With the
 * formulas, a formula cell becomes { formula, result } as the ExcelJS reader gives it.
 */
export function gridFromRange(
  sheet: string,
  values: unknown[][],
  rowIndex: number,
  columnIndex: number,
  formulas?: unknown[][],
): Grid {
  const rows: Grid["rows"] = [];
  for (let r = 0; r < rowIndex; r++) rows.push([]);
  const lead: null[] = new Array(columnIndex).fill(null);
  values.forEach((row, r) => {
    rows.push([
      ...lead,
      ...row.map((v, c): CellInput => {
        const f = formulas?.[r]?.[c];
        if (typeof f === "string" && f.startsWith("="))
          return { formula: f.slice(1), result: v === "" ? null : v };
        return v === "" || v === undefined ? null : (v as string | number | boolean);
      }),
    ]);
  });
  return { sheet, rows };
}

/** Rows [top, top + rows) of a sheet's used range, all its columns. */
interface Block {
  sheet: string;
  /** Read with its formulas. */
  formulas: boolean;
  /** Read with its number formats (a 1904 workbook's, to tell its dates). */
  numberFormats: boolean;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface BlockCells {
  values: unknown[][];
  formulas?: unknown[][];
  numberFormats?: string[][];
}

/**
 * With its formulas a cell comes back twice, and the forms' long texts with it: it counts as three cells
 * against a sync's READ_CELLS.
 */
const FORMULA_WEIGHT = 3;

const weight = (b: Block) => b.rows * b.cols * (b.formulas ? FORMULA_WEIGHT : 1);

/** A sheet's used range cut into blocks of at most `cells` weighted cells (whole rows, at least one each). */
function blocksOf(
  sheet: string,
  used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number },
  cells: number,
  formulas: boolean,
  numberFormats: boolean,
): Block[] {
  const perCell = formulas ? FORMULA_WEIGHT : 1;
  const step = Math.max(1, Math.floor(cells / perCell / used.columnCount));
  const out: Block[] = [];
  for (let r = 0; r < used.rowCount; r += step)
    out.push({
      sheet,
      formulas,
      numberFormats,
      top: used.rowIndex + r,
      left: used.columnIndex,
      rows: Math.min(step, used.rowCount - r),
      cols: used.columnCount,
    });
  return out;
}

/** Consecutive blocks grouped so that each group reads at most `cells` weighted cells. */
function batches(blocks: readonly Block[], cells: number): Block[][] {
  const out: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  for (const b of blocks) {
    if (current.length > 0 && size + weight(b) > cells) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(b);
    size += weight(b);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A group split in two: its blocks in two groups, or a single block in two halves by rows. */
function halves(batch: readonly Block[]): Block[][] | undefined {
  if (batch.length > 1) {
    const mid = Math.ceil(batch.length / 2);
    return [batch.slice(0, mid), batch.slice(mid)];
  }
  const b = batch[0]!;
  if (b.rows < 2) return undefined;
  const upper = Math.ceil(b.rows / 2);
  return [[{ ...b, rows: upper }], [{ ...b, top: b.top + upper, rows: b.rows - upper }]];
}

const TOO_LARGE = new Set(["ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]);

/** Reads every block, one group per sync; a group Excel refuses as too large is read again in halves. */
async function readBlocks(
  context: Excel.RequestContext,
  blocks: readonly Block[],
): Promise<{ block: Block; cells: BlockCells }[]> {
  const sheets = context.workbook.worksheets;
  const out: { block: Block; cells: BlockCells }[] = [];
  const queue = batches(blocks, READ_CELLS);
  while (queue.length > 0) {
    const batch = queue.shift()!;
    const ranges = batch.map((b) =>
      sheets
        .getItem(b.sheet)
        .getRangeByIndexes(b.top, b.left, b.rows, b.cols)
        .load(
          ["values", ...(b.formulas ? ["formulas"] : []), ...(b.numberFormats ? ["numberFormat"] : [])].join(
            ",",
          ),
        ),
    );
    let tooLarge = false;
    try {
      await context.sync();
      // Excel may answer a read over its cell limit with null values instead of an error.
      tooLarge = ranges.some((r) => r.values === null);
    } catch (err) {
      if (!TOO_LARGE.has((err as { code?: string }).code ?? "")) throw err;
      tooLarge = true;
    }
    if (tooLarge) {
      const split = halves(batch);
      if (!split) {
        const b = batch[0]!;
        throw new CommandError(
          `工作表“${b.sheet}”第 ${b.top + 1} 行的内容超过 Excel 单次读取的上限，无法读取。请缩短该行单元格中的文字后重试。`,
        );
      }
      queue.unshift(...split);
      continue;
    }
    batch.forEach((block, i) =>
      out.push({
        block,
        cells: {
          values: ranges[i]!.values,
          formulas: block.formulas ? ranges[i]!.formulas : undefined,
          numberFormats: block.numberFormats ? ranges[i]!.numberFormat : undefined,
        },
      }),
    );
  }
  return out;
}

/**
 * The 0-based rows of the tables' totals rows, by sheet: one more sync, only when some table shows one
 * (Table.showTotals, Table.getTotalRowRange: ExcelApi 1.1).
 */
async function tablesTotalsRows(
  context: Excel.RequestContext,
  sizes: readonly { name: string; tables: Excel.TableCollection }[],
): Promise<Map<string, number[]>> {
  const ranges = sizes.flatMap(({ name, tables }) =>
    tables.items
      .filter((t) => t.showTotals)
      .map((t) => ({ name, range: t.getTotalRowRange().load("rowIndex") })),
  );
  const out = new Map<string, number[]>();
  if (ranges.length === 0) return out;
  await context.sync();
  for (const { name, range } of ranges) out.set(name, [...(out.get(name) ?? []), range.rowIndex]);
  return out;
}

export async function readSheets(
  context: Excel.RequestContext,
  names: readonly string[] | ((name: string) => boolean),
  options: { formulas?: boolean | ((name: string) => boolean); existing?: readonly string[] } = {},
): Promise<{ grids: WorkbookGrids; existing: string[]; read: string[]; protectedSheets: string[] }> {
  const sheets = context.workbook.worksheets;
  let existing = options.existing ? [...options.existing] : undefined;
  if (!existing) {
    sheets.load("items/name");
    loadStructureProtection(context);
    loadDateSystem(context);
    await context.sync();
    existing = sheets.items.map((s) => s.name);
  }
  const known = existing;
  const wanted = typeof names === "function" ? known.filter(names) : names.filter((n) => known.includes(n));
  const sizes = wanted.map((name) => {
    const ws = sheets.getItem(name);
    ws.protection.load("protected");
    ws.tables.load("items/name,items/showTotals");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { name, protection: ws.protection, tables: ws.tables, used };
  });
  if (sizes.length > 0) await context.sync();
  const totalsRows = await tablesTotalsRows(context, sizes);
  const shift = await dateShift(context);
  // Only a 1904 workbook's dates need telling from numbers: the format test is fetched for it alone.
  const isDate = shift > 0 ? (await import("../xlsx/package/styles")).isDateFormatCode : undefined;
  const withFormulas = (name: string) =>
    typeof options.formulas === "function" ? options.formulas(name) : (options.formulas ?? false);
  const blocks = sizes.flatMap(({ name, used }) =>
    used.isNullObject ? [] : blocksOf(name, used, READ_CELLS, withFormulas(name), shift > 0),
  );
  const read = await readBlocks(context, blocks);

  const grids = new Map<string, Grid>();
  for (const { name, used } of sizes) {
    const parts = read.filter((p) => p.block.sheet === name).sort((a, b) => a.block.top - b.block.top);
    const raw = used.isNullObject
      ? { sheet: name, rows: [] }
      : gridFromRange(
          name,
          parts.flatMap((p) => p.cells.values),
          used.rowIndex,
          used.columnIndex,
          withFormulas(name) ? parts.flatMap((p) => p.cells.formulas!) : undefined,
        );
    const grid =
      isDate && !used.isNullObject
        ? gridIn1900(
            raw,
            parts.flatMap((p) => p.cells.numberFormats!),
            used.rowIndex,
            used.columnIndex,
            shift,
            isDate,
          )
        : raw;
    // A table's totals row is no data, nor a note under it (注：…, 制表人), as the file reader has it.
    const totals = totalsRows.get(name) ?? [];
    grids.set(
      name,
      withoutTableNotes(
        grid,
        totals.map((row) => ({ ref: `A${row + 1}`, totalsRow: true })),
      ),
    );
  }
  return {
    grids: { sheet: (name) => grids.get(name), names: () => wanted },
    existing,
    read: wanted,
    protectedSheets: sizes.filter((s) => s.protection.protected).map((s) => s.name),
  };
}
