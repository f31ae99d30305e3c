// The municipal centre in the task pane: the consolidation of the districts' workbooks, written into the
// open workbook as new sheets — 统计看板 with its two Excel charts first, then the verification of every
// file, the counts per district, and the city-wide 附表3 and 名单调整表. Existing sheets are never touched:
// a second run adds "(2)" sheets.

import type { Quarter } from "../core/dates";
import { cityLayouts } from "../forms/centreForms";
import type { Consolidation } from "../xlsx/city";
import { named, writeSheets, type Supports } from "./forms";
import { loadDateSystem } from "./dateSystem";
import { loadStructureProtection } from "./structure";

/** One sync to learn the sheet names, one to write everything; on failure the new sheets are removed. */
export async function writeCityReport(
  context: Excel.RequestContext,
  { city, profile }: Consolidation,
  quarter: Quarter,
  supports: Supports,
): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  // Loaded with the names, for writeSheets' refusal of a protected structure and the dates' serials.
  loadStructureProtection(context);
  loadDateSystem(context);
  await context.sync();
  const layouts = named(
    cityLayouts(city, quarter, profile),
    sheets.items.map((s) => s.name),
  );
  return writeSheets(context, layouts, supports);
}
