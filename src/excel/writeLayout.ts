// The Office.js writer of sheet layouts (forms/layout.ts): each block written as one 2-D array of formulas
// and one of number formats, styles set per block, never per cell. Text cells are formatted "@" before
// their contents are written, so Excel never runs user text as a formula.

import {
  DATE_FORMAT,
  fittedRowHeights,
  FONT_NAME,
  STYLES,
  type Block,
  type LayoutValue,
  type SheetLayout,
} from "../forms/layout";
import { dateShift, workbookSerial } from "./dateSystem";
import { CALL_BYTES, payloadSize, PAYLOAD_LIMIT, RequestBudget } from "./run";

/** Excel's column width unit in Office.js is points; a character of the default font is about 7 points. */
export const POINTS_PER_CHAR = 7;
/** Rows per piece when a block is too large for one request. */
const MIN_PIECE = 50;
/** Calls a piece of a block makes: its formats, its formulas and its style (font, fill, alignment, borders). */
const CALLS_PER_PIECE = 16;

/** A cell's contents to write; a date as the workbook's own serial (`shift`: dateSystem.ts). */
export function content(v: LayoutValue, shift: number): string | number {
  if (v === null) return "";
  switch (v.t) {
    case "text":
      return v.v;
    case "number":
      return v.v;
    case "date":
      return workbookSerial(v.v, shift);
    case "formula":
      // Office.js takes a formula as typed: a newer function without the file format's _xlfn. prefix.
      return `=${v.f.replace(/_xlfn\.(?=[A-Z])/g, "")}`;
  }
}

/** The number format a layout value gets in its block. */
export function formatOf(v: LayoutValue, block: Block): string {
  if (v !== null && v.t === "text") return "@";
  if (v !== null && v.t === "date") return DATE_FORMAT;
  return block.numberFormat ?? "General";
}

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

function styleRange(range: Excel.Range, block: Block): void {
  const s = STYLES[block.style];
  range.format.font.name = FONT_NAME;
  range.format.font.size = s.font.size;
  range.format.font.bold = s.font.bold ?? false;
  if (s.font.color) range.format.font.color = s.font.color;
  if (s.fill) range.format.fill.color = s.fill;
  range.format.horizontalAlignment = (
    s.horizontal === "left" ? "Left" : s.horizontal === "right" ? "Right" : "Center"
  ) as Excel.HorizontalAlignment;
  range.format.verticalAlignment = (s.vertical === "top" ? "Top" : "Center") as Excel.VerticalAlignment;
  range.format.wrapText = s.wrap;
  if (s.border)
    for (const edge of EDGES)
      range.format.borders.getItem(edge as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
}

/**
 * Queues the layout as a new sheet. Returns after any syncs that keeping the batch under the request limit
 * needed (none for ordinary forms; layouts queued into one batch share its budget); the caller makes the
 * final sync.
 */
export async function queueLayout(
  context: Excel.RequestContext,
  layout: SheetLayout,
  supports: (version: string) => boolean,
  budget = new RequestBudget(context),
): Promise<number> {
  const shift = await dateShift(context);
  const ws = context.workbook.worksheets.add(layout.name);
  await budget.add(CALL_BYTES * (layout.columnWidths.length + Object.keys(layout.rowHeights).length + 1));
  layout.columnWidths.forEach(
    (w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHAR),
  );
  // Consecutive rows of one height are set in one call: a long table's body rows share a few heights.
  const heights = Object.entries(fittedRowHeights(layout)).map(([r, h]) => [Number(r), h] as const);
  for (let i = 0; i < heights.length;) {
    const [start, h] = heights[i]!;
    let n = 1;
    while (heights[i + n]?.[0] === start + n && heights[i + n]![1] === h) n++;
    ws.getRangeByIndexes(start, 0, n, 1).format.rowHeight = h;
    i += n;
  }
  for (const block of layout.blocks) {
    const cols = block.values.reduce((m, r) => Math.max(m, r.length), 0);
    const formats = block.values.map((r) =>
      Array.from({ length: cols }, (_, c) => formatOf(r[c] ?? null, block)),
    );
    const values = block.values.map((r) =>
      Array.from({ length: cols }, (_, c) => content(r[c] ?? null, shift)),
    );
    // A block too large for one request goes in pieces.
    const size = payloadSize(values) + payloadSize(formats);
    const pieces = Math.max(1, Math.ceil(size / (PAYLOAD_LIMIT / 2)));
    const step = Math.max(MIN_PIECE, Math.ceil(values.length / pieces));
    for (let start = 0; start < values.length; start += step) {
      const v = values.slice(start, start + step);
      const f = formats.slice(start, start + step);
      await budget.add(payloadSize(v) + payloadSize(f) + CALL_BYTES * CALLS_PER_PIECE);
      const range = ws.getRangeByIndexes(block.row + start, block.col, v.length, cols);
      range.numberFormat = f;
      range.formulas = v;
      styleRange(range, block);
    }
  }
  await budget.add(
    CALL_BYTES * (layout.merges.length + 3 * layout.validations.length + layout.unlocked.length + 12),
  );
  for (const m of layout.merges) ws.getRange(m).merge(false);
  for (const v of layout.validations) {
    const range = ws.getRange(v.range);
    range.dataValidation.rule =
      v.rule.kind === "list"
        ? { list: { inCellDropDown: true, source: v.rule.options.join(",") } }
        : { custom: { formula: `=${v.rule.formula.replace(/^=/, "")}` } };
    if (v.prompt)
      range.dataValidation.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: "Stop" as Excel.DataValidationAlertStyle,
      title: v.error.title,
      message: v.error.message,
    };
  }
  for (const u of layout.unlocked) ws.getRange(u).format.protection.locked = false;
  if (layout.freezeRows) ws.freezePanes.freezeRows(layout.freezeRows);
  if (supports("1.9")) {
    ws.pageLayout.orientation = (
      layout.print.orientation === "landscape" ? "Landscape" : "Portrait"
    ) as Excel.PageOrientation;
    ws.pageLayout.paperSize = "A4" as Excel.PaperType;
    if (layout.print.fitToWidth)
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: layout.print.onePage ? 1 : 0 };
    if (layout.print.titleRows)
      ws.pageLayout.setPrintTitleRows(`$${layout.print.titleRows[0]}:$${layout.print.titleRows[1]}`);
  }
  for (const c of layout.charts ?? []) {
    const chart = ws.charts.add(
      c.type as Excel.ChartType,
      ws.getRange(c.source),
      c.seriesBy as Excel.ChartSeriesBy,
    );
    chart.title.text = c.title;
    chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
    chart.setPosition(c.from, c.to);
  }
  if (layout.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  return budget.syncs;
}
