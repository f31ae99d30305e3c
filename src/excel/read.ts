// Reading sheets of the open workbook into Grids: two syncs whatever the row count — one to learn which
// sheets exist, one to load their used ranges and whether each is protected.

import type { CellInput, Grid } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook";

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

export async function readSheets(
  context: Excel.RequestContext,
  names: readonly string[] | ((name: string) => boolean),
  options: { formulas?: boolean } = {},
): Promise<{ grids: WorkbookGrids; existing: string[]; read: string[]; protectedSheets: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const existing = sheets.items.map((s) => s.name);
  const wanted =
    typeof names === "function" ? existing.filter(names) : names.filter((n) => existing.includes(n));
  const protections = wanted.map((name) => {
    const p = sheets.getItem(name).protection;
    p.load("protected");
    return [name, p] as const;
  });
  const ranges = wanted.map((name) => {
    const range = sheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load(options.formulas ? "values,formulas,rowIndex,columnIndex" : "values,rowIndex,columnIndex");
    return [name, range] as const;
  });
  await context.sync();
  const grids = new Map<string, Grid>();
  for (const [name, range] of ranges) {
    grids.set(
      name,
      range.isNullObject
        ? { sheet: name, rows: [] }
        : gridFromRange(
            name,
            range.values,
            range.rowIndex,
            range.columnIndex,
            options.formulas ? range.formulas : undefined,
          ),
    );
  }
  return {
    grids: { sheet: (name) => grids.get(name), names: () => wanted },
    existing,
    read: wanted,
    protectedSheets: protections.filter(([, p]) => p.protected).map(([n]) => n),
  };
}
