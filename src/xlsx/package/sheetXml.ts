// A worksheet part edited as text: a register of 100,000 rows is never parsed into a DOM. Rows that change are
// cut out, rebuilt and spliced back; every other byte of the part stays as it was. Elements are placed in the
// order CT_Worksheet requires, and a namespace prefix on the root (`x:worksheet`) is carried everywhere.

import { cellAddress, columnIndex, parseCellAddress, rangeAddress } from "../../core/address";
import { PackageError } from "./errors";
import { attr, setAttr } from "./xml";

/** Order of the worksheet element's children (CT_Worksheet, ECMA-376 Part 1, 18.3.1.99). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

export type WorksheetElement = (typeof WORKSHEET_ORDER)[number];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");

/** The namespace prefix of the worksheet's elements, with its colon ("" for the default namespace). */
function worksheetPrefix(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*:)?worksheet[\s/>]/.exec(xml);
  if (!m) throw new PackageError("corrupt", "文件已损坏（工作表部件没有 worksheet 元素）");
  return m[1] ?? "";
}

interface Span {
  start: number;
  end: number;
}

/** The first element `local` at or after `from` (and starting before `to`): where it starts and ends. */
export function findElement(
  xml: string,
  p: string,
  local: string,
  from = 0,
  to = xml.length,
): Span | undefined {
  const re = new RegExp(`<${escapeRe(p)}${local}(?=[\\s/>])`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m || m.index >= to) return undefined;
  const close = xml.indexOf(">", m.index);
  if (close < 0) return undefined;
  if (xml[close - 1] === "/") return { start: m.index, end: close + 1 };
  const endTag = `</${p}${local}>`;
  const end = xml.indexOf(endTag, close);
  return end < 0 ? undefined : { start: m.index, end: end + endTag.length };
}

/**
 * A worksheet cut in three around its sheetData element, so that edits before it (the dimension) and after
 * it (formats, protection) work on short strings, and the rows are copied once when the part is joined.
 */
export interface SheetSplit {
  /** The namespace prefix of its elements, with its colon ("" for the default namespace). */
  p: string;
  head: string;
  /** The sheetData element. */
  data: string;
  tail: string;
}

export function splitSheet(xml: string): SheetSplit {
  const p = worksheetPrefix(xml);
  const open = new RegExp(`<${escapeRe(p)}sheetData(?=[\\s/>])`).exec(xml);
  if (!open) throw new PackageError("corrupt", "文件已损坏（工作表部件没有 sheetData 元素）");
  const close = xml.indexOf(">", open.index);
  let end = close + 1;
  if (xml[close - 1] !== "/") {
    const endTag = `</${p}sheetData>`;
    const at = xml.lastIndexOf(endTag);
    if (at < close) throw new PackageError("corrupt", "文件已损坏（工作表部件的 sheetData 元素不完整）");
    end = at + endTag.length;
  }
  return { p, head: xml.slice(0, open.index), data: xml.slice(open.index, end), tail: xml.slice(end) };
}

export const joinSheet = (s: SheetSplit) => s.head + s.data + s.tail;

const beforeData = (local: WorksheetElement) =>
  WORKSHEET_ORDER.indexOf(local) < WORKSHEET_ORDER.indexOf("sheetData");

/**
 * Inserts `element` (its XML) where CT_Worksheet wants a `local`: before the first later element the part
 * has, else at the end of its side of sheetData. An `mc:AlternateContent` block after sheetData (Excel wraps
 * oleObjects and controls in one) counts as oleObjects.
 */
export function insertElement(sheet: SheetSplit, local: WorksheetElement, element: string): void {
  const { p } = sheet;
  const before = beforeData(local);
  const text = before ? sheet.head : sheet.tail;
  let at = before ? text.length : text.lastIndexOf(`</${p}worksheet>`);
  if (at < 0) throw new PackageError("corrupt", "文件已损坏（工作表部件不完整）");
  for (const later of WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(local) + 1)) {
    if (later === "sheetData") break;
    const found = findElement(text, p, later);
    if (found && found.start < at) at = found.start;
  }
  if (!before && WORKSHEET_ORDER.indexOf(local) < WORKSHEET_ORDER.indexOf("oleObjects")) {
    const alt = text.search(/<mc:AlternateContent[\s>]/);
    if (alt >= 0 && alt < at) at = alt;
  }
  const edited = text.slice(0, at) + element + text.slice(at);
  if (before) sheet.head = edited;
  else sheet.tail = edited;
}

/** The outer XML of every top-level `local` element on its side of sheetData. */
export function elementsOf(sheet: SheetSplit, local: WorksheetElement): string[] {
  const text = beforeData(local) ? sheet.head : sheet.tail;
  const out: string[] = [];
  for (
    let found = findElement(text, sheet.p, local);
    found;
    found = findElement(text, sheet.p, local, found.end)
  )
    out.push(text.slice(found.start, found.end));
  return out;
}

// ---- cells ----

export interface ExistingCell {
  /** The cell's whole XML, its start tag, and what lies between its tags (undefined when self-closed). */
  xml: string;
  tag: string;
  inner: string | undefined;
}

export interface CellPlace {
  /** Zero-based row and column. */
  row: number;
  col: number;
  ref: string;
  existing: ExistingCell | undefined;
  /** The style a cell here has when nothing else is said: its own, else its row's, else its column's. */
  baseStyle: number;
}

export interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface ColumnStyle {
  min: number;
  max: number;
  style: number;
}

function columnStyles(sheet: SheetSplit): ColumnStyle[] {
  const cols = elementsOf(sheet, "cols")[0];
  if (!cols) return [];
  const out: ColumnStyle[] = [];
  for (const m of cols.matchAll(new RegExp(`<${escapeRe(sheet.p)}col\\b[^>]*>`, "g"))) {
    const style = attr(m[0], "style");
    if (style !== undefined)
      out.push({ min: Number(attr(m[0], "min")), max: Number(attr(m[0], "max")), style: Number(style) });
  }
  return out;
}

function startTagOf(element: string): string {
  return element.slice(0, element.indexOf(">") + 1);
}

/** The element with a row number `r` written on its start tag. */
const numbered = (element: string, r: string) => element.replace(/^<[^\s/>]+/, `$& r="${r}"`);

/** Counts rows across the blocks of one sheetData: a row without `r` is the one after the row before it. */
export interface RowCounter {
  next: number;
}

/**
 * Calls `visit` for every row element in `text` (a block of whole rows of one sheetData), with its zero-based
 * number and whether the row says it (its `r`).
 */
function eachRow(
  p: string,
  text: string,
  counter: RowCounter,
  visit: (row: number, m: RegExpExecArray, hasNumber: boolean) => boolean | void,
): void {
  const pe = escapeRe(p);
  const rowRe = new RegExp(`<${pe}row\\b[^>]*?(?:/>|>[\\s\\S]*?</${pe}row>)`, "g");
  for (let m = rowRe.exec(text); m; m = rowRe.exec(text)) {
    const r = attr(startTagOf(m[0]), "r");
    const row = r === undefined ? counter.next : Number(r) - 1;
    counter.next = row + 1;
    if (visit(row, m, r !== undefined) === false) return;
  }
}

/** The rectangle the edits (zero-based row → column → edit) cover. */
export function editBounds(edits: ReadonlyMap<number, ReadonlyMap<number, unknown>>): Bounds | undefined {
  let bounds: Bounds | undefined;
  for (const [row, cols] of edits)
    for (const col of cols.keys())
      bounds = bounds
        ? {
            top: Math.min(bounds.top, row),
            bottom: Math.max(bounds.bottom, row),
            left: Math.min(bounds.left, col),
            right: Math.max(bounds.right, col),
          }
        : { top: row, bottom: row, left: col, right: col };
  return bounds;
}

/**
 * Rewrites the cells named in `edits` (zero-based row → column → edit) through `render`, which returns a
 * cell's new XML, block by block of a sheetData's rows (`block` for each block of whole rows in order, then
 * `end` for the rows after the last). Untouched rows are copied as they are; rows the sheet lacks are
 * inserted in order; the cells of a changed row stay in column order; rows and cells without numbers get
 * them. `head` is the part before sheetData (its column styles).
 */
export function rowEditor<T>(
  p: string,
  head: string,
  edits: ReadonlyMap<number, ReadonlyMap<number, T>>,
  render: (edit: T, place: CellPlace) => string,
): { block(text: string): string; end(): string } {
  const colStyles = columnStyles({ p, head, data: "", tail: "" });
  const colStyle = (col: number) => colStyles.find((c) => col + 1 >= c.min && col + 1 <= c.max)?.style ?? 0;
  const wanted = [...edits.keys()].sort((a, b) => a - b);
  const pe = escapeRe(p);
  const cellRe = new RegExp(`<${pe}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${pe}c>)`, "g");
  const rowEnd = `</${p}row>`;
  const refRe = /\sr\s*=\s*["']([A-Za-z]{1,3})\d*["']/;

  const buildRow = (row: number, rowXml: string | undefined): string => {
    const rowEdits = edits.get(row)!;
    const tag = rowXml === undefined ? `<${p}row r="${row + 1}">` : startTagOf(rowXml);
    const inner = rowXml === undefined || tag.endsWith("/>") ? "" : rowXml.slice(tag.length, -rowEnd.length);
    const rowStyle = /^(1|true)$/.test(attr(tag, "customFormat") ?? "")
      ? Number(attr(tag, "s") ?? 0)
      : undefined;
    const place = (col: number, edit: T, existing: ExistingCell | undefined) => {
      const own = existing ? attr(existing.tag, "s") : undefined;
      const baseStyle = own !== undefined ? Number(own) : (rowStyle ?? colStyle(col));
      return render(edit, { row, col, ref: cellAddress(row, col), existing, baseStyle });
    };
    // Cells are looked at closely only where an edit falls; the others are copied as they are.
    const cells: { col: number; xml: string }[] = [];
    const done = new Set<number>();
    let rest = "";
    let last = 0;
    let implicitCol = 0;
    for (const m of inner.matchAll(cellRe)) {
      if (m.index > last) rest += inner.slice(last, m.index);
      last = m.index + m[0].length;
      const ref = refRe.exec(m[1]!);
      const col = ref ? columnIndex(ref[1]!) : implicitCol;
      implicitCol = col + 1;
      const edit = rowEdits.get(col);
      if (edit === undefined) cells.push({ col, xml: ref ? m[0] : numbered(m[0], cellAddress(row, col)) });
      else {
        cells.push({ col, xml: place(col, edit, { xml: m[0], tag: startTagOf(m[0]), inner: m[2] }) });
        done.add(col);
      }
    }
    rest += inner.slice(last);
    for (const [col, edit] of rowEdits)
      if (!done.has(col)) cells.push({ col, xml: place(col, edit, undefined) });
    if (cells.some((c, i) => i > 0 && c.col < cells[i - 1]!.col)) cells.sort((a, b) => a.col - b.col);
    let newTag = tag.replace(/\/>$/, ">");
    if (attr(newTag, "r") === undefined) newTag = setAttr(newTag, "r", String(row + 1));
    if (attr(newTag, "spans") !== undefined && cells.length > 0)
      newTag = setAttr(newTag, "spans", `${cells[0]!.col + 1}:${cells[cells.length - 1]!.col + 1}`);
    return `${newTag}${cells.map((c) => c.xml).join("")}${rest}${rowEnd}`;
  };

  let w = 0;
  const counter: RowCounter = { next: 0 };
  return {
    block(text) {
      const out: string[] = [];
      let last = 0;
      eachRow(p, text, counter, (row, m, hasNumber) => {
        if (hasNumber && !(w < wanted.length && wanted[w]! <= row)) return;
        out.push(text.slice(last, m.index));
        last = m.index + m[0].length;
        while (w < wanted.length && wanted[w]! < row) out.push(buildRow(wanted[w++]!, undefined));
        if (w < wanted.length && wanted[w] === row) {
          out.push(buildRow(row, m[0]));
          w++;
        } else out.push(hasNumber ? m[0] : numbered(m[0], String(row + 1)));
      });
      if (last === 0) return text;
      out.push(text.slice(last));
      return out.join("");
    },
    end() {
      const out: string[] = [];
      while (w < wanted.length) out.push(buildRow(wanted[w++]!, undefined));
      return out.join("");
    },
  };
}

/** The sheetData element's start tag and content: where its rows are in `data`. */
function dataContent(sheet: Pick<SheetSplit, "p" | "data">): { open: string; content: string } {
  const { p, data } = sheet;
  const openEnd = data.indexOf(">") + 1;
  const selfClosed = data[openEnd - 2] === "/";
  const contentEnd = selfClosed ? openEnd : data.length - `</${p}sheetData>`.length;
  return { open: data.slice(0, openEnd), content: data.slice(openEnd, contentEnd) };
}

/**
 * Rewrites the cells named in `edits` (zero-based row → column → edit) through `render`, as rowEditor does,
 * in the whole sheetData of `sheet`. Returns the rectangle the edits cover.
 */
export function editCells<T>(
  sheet: SheetSplit,
  edits: ReadonlyMap<number, ReadonlyMap<number, T>>,
  render: (edit: T, place: CellPlace) => string,
): Bounds | undefined {
  const { open, content } = dataContent(sheet);
  const editor = rowEditor(sheet.p, sheet.head, edits, render);
  const rows = editor.block(content);
  sheet.data = `${open.replace(/\/>$/, ">")}${rows}${editor.end()}</${sheet.p}sheetData>`;
  return editBounds(edits);
}

/**
 * The rows (zero-based) from `from` to `to` in a block of whole rows that hold a value or formula in some
 * cell; a row holding only styles is empty.
 */
export function filledRowsIn(
  p: string,
  text: string,
  counter: RowCounter,
  from: number,
  to: number,
  out: number[],
): void {
  const valueRe = new RegExp(`<${escapeRe(p)}(?:v|f|is)[\\s>]`);
  eachRow(p, text, counter, (row, m) => {
    if (row > to) return false;
    if (row >= from && valueRe.test(m[0])) out.push(row);
  });
}

/**
 * The rows (zero-based) from `from` to `to` that hold a value or formula in some cell; a row holding only
 * styles is empty.
 */
export function filledRows(sheet: SheetSplit, from: number, to: number): number[] {
  const out: number[] = [];
  filledRowsIn(sheet.p, dataContent(sheet).content, { next: 0 }, from, to, out);
  return out;
}

/** An array formula (or data table) the sheet has: the range it spills over and the cell it starts in. */
export interface ArrayFormula {
  ref: string;
  from: string;
  bounds: Bounds;
}

/** The ranges array formulas (and data tables) in `text` (a sheet's cells) spill over. */
export function arrayFormulasIn(p: string, text: string): ArrayFormula[] {
  const pe = escapeRe(p);
  const out: ArrayFormula[] = [];
  if (!/\st=["'](array|dataTable)["']/.test(text)) return out;
  const re = new RegExp(
    `<${pe}c\\b([^>]*?)(?<!/)>(?:(?!</${pe}c>|<${pe}c\\b)[\\s\\S])*?<${pe}f\\b([^>]*)>`,
    "g",
  );
  for (const m of text.matchAll(re)) {
    const f = m[2]!;
    const t = attr(f, "t");
    const ref = attr(f, "ref");
    if ((t !== "array" && t !== "dataTable") || ref === undefined || !ref.includes(":")) continue;
    const [a, b] = ref.split(":");
    const s = parseCellAddress(a!);
    const e = parseCellAddress(b!);
    if (!s || !e) continue;
    out.push({
      ref,
      from: attr(m[1]!, "r") ?? a!,
      bounds: { top: s.row, left: s.col, bottom: e.row, right: e.col },
    });
  }
  return out;
}

/** The ranges array formulas (and data tables) of the sheet spill over, each with the cell it starts in. */
export function arrayFormulaRanges(sheet: SheetSplit): ArrayFormula[] {
  return arrayFormulasIn(sheet.p, sheet.data);
}

/** Widens the sheet's dimension element to cover `bounds` (a part without one is left so). */
export function widenDimension(sheet: Pick<SheetSplit, "p" | "head">, bounds: Bounds): void {
  const found = findElement(sheet.head, sheet.p, "dimension");
  if (!found) return;
  const tag = sheet.head.slice(found.start, found.end);
  const [a, b] = (attr(tag, "ref") ?? "").split(":");
  const s = a ? parseCellAddress(a) : undefined;
  const e = b ? parseCellAddress(b) : s;
  const ref = rangeAddress(
    Math.min(bounds.top, s?.row ?? bounds.top),
    Math.min(bounds.left, s?.col ?? bounds.left),
    Math.max(bounds.bottom, e?.row ?? bounds.bottom),
    Math.max(bounds.right, e?.col ?? bounds.right),
  );
  sheet.head = sheet.head.slice(0, found.start) + setAttr(tag, "ref", ref) + sheet.head.slice(found.end);
}

/** The styles of a row's cells (by zero-based column) and the row's own style, where it sets one. */
export interface RowStyles {
  cells: Map<number, number>;
  row: number | undefined;
}

/** The styles of the given rows (zero-based) found in a block of whole rows, added to `out`. */
export function rowStylesIn(
  p: string,
  text: string,
  counter: RowCounter,
  rows: ReadonlySet<number>,
  out: Map<number, RowStyles>,
): void {
  if (rows.size === 0) return;
  const cellRe = new RegExp(`<${escapeRe(p)}c\\b[^>]*?(?:/>|>)`, "g");
  eachRow(p, text, counter, (row, m) => {
    if (!rows.has(row) || out.has(row)) return;
    const tag = startTagOf(m[0]);
    const cells = new Map<number, number>();
    let implicitCol = 0;
    for (const c of m[0].slice(tag.length).matchAll(cellRe)) {
      const ref = attr(c[0], "r");
      const col = ref === undefined ? implicitCol : columnIndex(ref.replace(/\d+$/, ""));
      implicitCol = col + 1;
      const style = attr(c[0], "s");
      if (style !== undefined) cells.set(col, Number(style));
    }
    const custom = /^(1|true)$/.test(attr(tag, "customFormat") ?? "");
    out.set(row, { cells, row: custom ? Number(attr(tag, "s") ?? 0) : undefined });
  });
}

/** The styles of the given rows (zero-based) as the sheet has them; a row the sheet lacks is left out. */
export function rowStyles(sheet: SheetSplit, rows: ReadonlySet<number>): Map<number, RowStyles> {
  const out = new Map<number, RowStyles>();
  rowStylesIn(sheet.p, dataContent(sheet).content, { next: 0 }, rows, out);
  return out;
}

/**
 * Grows every range of the sheet's conditional formats and data validations (also those Excel keeps in its
 * x14 extension) that covers `anchorRow` and ends above `lastRow` (zero-based) down to `lastRow`.
 */
export function coverRows(sheet: SheetSplit, anchorRow: number, lastRow: number): void {
  const grow = (sqref: string) =>
    sqref
      .split(/\s+/)
      .map((ref) => {
        const [a, b] = ref.split(":");
        const s = a ? parseCellAddress(a) : undefined;
        const e = b ? parseCellAddress(b) : s;
        if (!s || !e || s.row > anchorRow || e.row < anchorRow || e.row >= lastRow) return ref;
        return rangeAddress(s.row, s.col, lastRow, e.col);
      })
      .join(" ");
  sheet.tail = sheet.tail
    .replace(
      /(<(?:[\w.-]+:)?(?:conditionalFormatting|dataValidation)\b[^>]*?\ssqref=")([^"]*)"/g,
      (_, head: string, sqref: string) => `${head}${grow(sqref)}"`,
    )
    .replace(
      /(<(?:[\w.-]+:)?sqref>)([^<]*)(<\/(?:[\w.-]+:)?sqref>)/g,
      (_, open: string, sqref: string, close: string) => `${open}${grow(sqref)}${close}`,
    );
}

// ---- a sheet written by ExcelJS, made ready to live in another package ----

/** Replaces style indices: `s` on cells and rows, `style` on columns. */
export function remapStyles(xml: string, map: (s: number) => number): string {
  return xml
    .replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g, (_, head: string, s: string) => `${head}${map(Number(s))}"`)
    .replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, (_, head: string, s: string) => `${head}${map(Number(s))}"`);
}

/** Replaces differential-format indices of conditional formats. */
export function remapDxfs(xml: string, map: (d: number) => number): string {
  return xml.replace(
    /(<cfRule\b[^>]*?\sdxfId=")(\d+)"/g,
    (_, head: string, d: string) => `${head}${map(Number(d))}"`,
  );
}

/** Shared-string cells become inline-string cells holding the same rich text. */
export function inlineSharedStrings(xml: string, strings: readonly string[]): string {
  return xml.replace(
    /<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g,
    (_, before: string, after: string, n: string) =>
      `<c${before} t="inlineStr"${after}><is>${strings[Number(n)] ?? ""}</is></c>`,
  );
}

/** A sheet copied into a workbook must not come in selected, or two tabs would be grouped. */
export function unselect(xml: string): string {
  return xml.replace(/(<sheetView\b[^>]*?)\stabSelected="(1|true)"/g, "$1");
}
