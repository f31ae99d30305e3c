// The WPS writer of sheet layouts (forms/layout.ts): each block written as one 2-D array of formulas after
// its number formats, styles set per block, never per cell. Text cells are formatted "@" before their
// contents are written, so WPS never runs user text as a formula.

import {
  fittedRowHeights,
  FONT_NAME,
  STYLES,
  type Block,
  type LayoutValue,
  type SheetLayout,
} from "../forms/layout";
import { content, formatOf } from "../excel/writeLayout";
import type { Book } from "./book";
import { setFormats } from "./book";
import { bgr, XL, type EtRange, type EtWorksheet } from "./et";
import { WpsRollback } from "./rollback";

/** A layout value as WPS takes it: dates as serials of the workbook's date system. */
const contentIn = (book: Book, v: LayoutValue) => (v?.t === "date" ? book.dateSerial(v.v) : content(v));

function styleRange(range: EtRange, block: Block, rows: number, cols: number): void {
  const s = STYLES[block.style];
  range.Font.Name = FONT_NAME;
  range.Font.Size = s.font.size;
  range.Font.Bold = s.font.bold ?? false;
  if (s.font.color) range.Font.Color = bgr(s.font.color);
  if (s.fill) range.Interior.Color = bgr(s.fill);
  range.HorizontalAlignment =
    s.horizontal === "left" ? XL.left : s.horizontal === "right" ? XL.right : XL.center;
  range.VerticalAlignment = s.vertical === "top" ? XL.top : XL.center;
  range.WrapText = s.wrap;
  if (!s.border) return;
  const edges: number[] = [XL.edgeTop, XL.edgeBottom, XL.edgeLeft, XL.edgeRight];
  if (rows > 1) edges.push(XL.insideHorizontal);
  if (cols > 1) edges.push(XL.insideVertical);
  for (const edge of edges) range.Borders.Item(edge).LineStyle = XL.continuous;
}

/** Writes the layout as a new sheet after the last one. */
export function writeLayout(book: Book, layout: SheetLayout): EtWorksheet {
  const ws = book.add(layout.name);
  layout.columnWidths.forEach((w, i) => (book.range(ws, 0, i).ColumnWidth = w));
  // Consecutive rows of one height are set in one call: a long table's body rows share a few heights.
  const heights = Object.entries(fittedRowHeights(layout)).map(([r, h]) => [Number(r), h] as const);
  for (let i = 0; i < heights.length;) {
    const [start, h] = heights[i]!;
    let n = 1;
    while (heights[i + n]?.[0] === start + n && heights[i + n]![1] === h) n++;
    book.range(ws, start, 0, n, 1).RowHeight = h;
    i += n;
  }
  for (const block of layout.blocks) {
    const cols = block.values.reduce((m, r) => Math.max(m, r.length), 0);
    if (cols === 0) continue;
    const rows = block.values.length;
    setFormats(
      book,
      ws,
      block.row,
      block.col,
      block.values.map((r) => Array.from({ length: cols }, (_, c) => formatOf(r[c] ?? null, block))),
    );
    const range = book.range(ws, block.row, block.col, rows, cols);
    range.Formula = block.values.map((r) =>
      Array.from({ length: cols }, (_, c) => contentIn(book, r[c] ?? null)),
    );
    styleRange(range, block, rows, cols);
  }
  for (const m of layout.merges) book.at(ws, m).Merge();
  for (const v of layout.validations) {
    const range = book.at(ws, v.range);
    if (v.rule.kind === "list")
      range.Validation.Add(XL.validateList, XL.alertStop, XL.between, v.rule.options.join(","));
    else
      range.Validation.Add(
        XL.validateCustom,
        XL.alertStop,
        XL.between,
        `=${v.rule.formula.replace(/^=/, "")}`,
      );
    if (v.prompt) {
      range.Validation.ShowInput = true;
      range.Validation.InputTitle = v.prompt.title;
      range.Validation.InputMessage = v.prompt.message;
    }
    range.Validation.ShowError = true;
    range.Validation.ErrorTitle = v.error.title;
    range.Validation.ErrorMessage = v.error.message;
  }
  for (const u of layout.unlocked) book.at(ws, u).Locked = false;
  const page = ws.PageSetup;
  page.Orientation = layout.print.orientation === "landscape" ? XL.landscape : XL.portrait;
  page.PaperSize = XL.paperA4;
  if (layout.print.fitToWidth) {
    page.Zoom = false;
    page.FitToPagesWide = 1;
    page.FitToPagesTall = layout.print.onePage ? 1 : false;
  }
  if (layout.print.titleRows)
    page.PrintTitleRows = `$${layout.print.titleRows[0]}:$${layout.print.titleRows[1]}`;
  for (const c of layout.charts ?? []) {
    const from = book.at(ws, c.from);
    const to = book.at(ws, c.to);
    const { Chart: chart } = ws
      .ChartObjects()
      .Add(from.Left, from.Top, to.Left + to.Width - from.Left, to.Top + to.Height - from.Top);
    chart.ChartType = c.type === "ColumnStacked" ? XL.columnStacked : XL.columnClustered;
    chart.SetSourceData(book.at(ws, c.source), c.seriesBy === "Rows" ? XL.rows : XL.columns);
    chart.HasTitle = true;
    chart.ChartTitle.Text = c.title;
    chart.HasLegend = true;
    chart.Legend.Position = XL.legendBottom;
  }
  if (layout.freezeRows) freezeRows(book, ws, layout.freezeRows);
  if (layout.protect) book.protect(ws);
  return ws;
}

/** Freezes the top `rows` rows: a window's setting, so the sheet is made the active one first. */
export function freezeRows(book: Book, ws: EtWorksheet, rows: number): void {
  ws.Activate();
  const win = book.app.ActiveWindow;
  win.FreezePanes = false;
  win.SplitColumn = 0;
  win.SplitRow = rows;
  win.FreezePanes = true;
}

/**
 * Writes new sheets after the last one and activates the first; if anything fails, the sheets written are
 * removed again.
 */
export function writeSheets(book: Book, layouts: readonly SheetLayout[]): string[] {
  const rollback = new WpsRollback();
  try {
    for (const l of layouts) {
      rollback.adding(l.name);
      writeLayout(book, l);
    }
    book.sheet(layouts[0]!.name).Activate();
  } catch (err) {
    throw rollback.undo(book, err);
  }
  return layouts.map((l) => l.name);
}
