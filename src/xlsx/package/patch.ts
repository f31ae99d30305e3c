// Changes to an existing .xlsx written by patching its package: new sheets from layouts, cells set in existing
// sheets, a conditional format, sheet protection, a table grown over appended rows. Every part a change does
// not touch keeps its bytes, so charts, pictures, pivot tables, comments and anything else another program
// put in the workbook survive. Nothing here touches the file system: it runs in the CLI and in a browser.

import type { Document, Element } from "@xmldom/xmldom";
import { cellAddress, parseCellAddress, rangeAddress } from "../../core/address";
import { DATE_FORMAT, type ChartSpec, type LayoutValue, type SheetLayout } from "../../forms/layout";
import { loadExcelJs } from "../excelJs";
import { writeLayout } from "../writeLayout";
import { chartPartXml, drawingPartXml, layoutValues, type ValueAt } from "./charts";
import { PackageError } from "./errors";
import { declaredUtf8, Package, relsPartOf } from "./opc";
import { insertedRange, insertionProblem, insertRows, refersToSheetFrom } from "./insertRows";
import {
  arrayFormulasIn,
  coverRows,
  editBounds,
  elementsOf,
  filledRowsIn,
  inlineSharedStrings,
  insertElement,
  remapDxfs,
  remapStyles,
  rowEditor,
  rowStylesIn,
  unselect,
  widenDimension,
  type ArrayFormula,
  type CellPlace,
  type RowStyles,
  type SheetSplit,
} from "./sheetXml";
import { streamSheet } from "./sheetStream";
import { EMPTY_STYLESHEET, StyleBook, type Dxf, type StyleChange } from "./styles";
import {
  DATE1904_OFFSET,
  isDate1904,
  listSheets,
  sheetElements,
  WORKBOOK_ORDER,
  workbookPart,
  type SheetEntry,
} from "./workbook";
import {
  attr,
  childrenNamed,
  createLike,
  CONTENT_TYPE,
  escapeAttr,
  escapeText,
  insertInOrder,
  NS,
  REL,
  serializeXml,
  unescapeXml,
  xstring,
} from "./xml";
import { PartDeflater } from "./zip";

export type { StyleChange, Dxf };

/** One cell to set, zero-based. Without `value` only the style changes; null clears the value. */
export interface CellEdit {
  row: number;
  col: number;
  value?: LayoutValue;
  style?: StyleChange;
  /** A row (zero-based) whose cell in the same column gives this cell its style before `style`: an appended
   * row looks like the row above it. */
  likeRow?: number;
}

export interface ConditionalFormat {
  /** A1 range, e.g. "A2:Y541". */
  range: string;
  /** An expression for the range's top-left cell, without "=". */
  formula: string;
  format: Dxf;
  /** Skip it when the sheet already has a rule whose formula starts with this text. */
  unlessFormulaStartsWith?: string;
}

const PRINT_NAMES = new Set(["_xlnm.print_titles", "_xlnm.print_area"]);
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** Relationship types a replaced generated sheet may drop: Excel's printer settings, which it rewrites. */
const DROPPABLE_ON_REPLACE = new Set<string>([REL.printerSettings]);

interface NewSheet {
  layout: SheetLayout;
  replaces?: SheetEntry;
}

interface Rendered {
  xml: string;
  definedNames: { name: string; value: string }[];
}

export class WorkbookPatch {
  private readonly pkg: Package;
  private readonly wbPart: string;
  private readonly sheets: SheetEntry[];
  private readonly added: NewSheet[] = [];
  private readonly cells = new Map<string, CellEdit[]>();
  private readonly formats = new Map<string, ConditionalFormat[]>();
  private readonly protections = new Set<string>();
  private readonly tableGrowth = new Map<string, { headerRow: number; lastRow: number }[]>();
  private readonly coverage = new Map<string, { anchorRow: number; lastRow: number }[]>();
  private readonly charts = new Map<string, { charts: readonly ChartSpec[]; valueAt: ValueAt }>();
  private readonly renamed: { entry: SheetEntry; from: string }[] = [];
  private readonly insertions = new Map<string, { at: number; count: number }>();
  private applied = false;
  /** Whether the workbook counts dates from 1904: every date written is a serial of its own system. */
  readonly date1904: boolean;

  constructor(bytes: Uint8Array) {
    this.pkg = new Package(bytes);
    this.wbPart = workbookPart(this.pkg);
    this.sheets = listSheets(this.pkg, this.wbPart);
    this.date1904 = isDate1904(this.pkg.text(this.wbPart));
  }

  /** Every sheet's name, including sheets this patch adds. */
  sheetNames(): string[] {
    return [
      ...this.sheets.map((s) => s.name),
      ...this.added.filter((a) => !a.replaces).map((a) => a.layout.name),
    ];
  }

  private sheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private worksheet(name: string): SheetEntry & { part: string } {
    const s = this.sheet(name);
    if (!s?.part || !s.isWorksheet) throw new Error(`no worksheet named ${name}`);
    return s as SheetEntry & { part: string };
  }

  /**
   * Gives an existing sheet a new name, free in the workbook, and points the workbook's defined names that
   * refer to it (its print titles, say) at the new name. Formulas in cells keep the text they have.
   */
  renameSheet(from: string, to: string): void {
    const entry = this.sheet(from);
    if (!entry) throw new Error(`no sheet named ${from}`);
    if (this.sheetNames().some((n) => n.toLowerCase() === to.toLowerCase()))
      throw new Error(`sheet name ${to} is taken`);
    this.renamed.push({ entry, from: entry.name });
    entry.name = to;
  }

  /** Adds `layout` as a new sheet at the end; its name must be free. */
  addSheet(layout: SheetLayout): void {
    if (this.sheetNames().some((n) => n.toLowerCase() === layout.name.toLowerCase()))
      throw new Error(`sheet name ${layout.name} is taken`);
    this.added.push({ layout });
  }

  /**
   * Writes `layout` over the existing sheet of the same name, in its place and part. What another program
   * attached to that sheet (pictures, charts, comments…) goes with it: `losses` names it before `apply`.
   */
  replaceSheet(layout: SheetLayout): void {
    this.added.push({ layout, replaces: this.worksheet(layout.name) });
  }

  /** What applying the patch would drop: attachments of the sheets it replaces, by sheet. */
  losses(): { sheet: string; parts: string[] }[] {
    return this.added.flatMap(({ replaces }) => {
      if (!replaces) return [];
      const parts = [
        ...this.pkg
          .related(replaces.part!)
          .filter((r) => !DROPPABLE_ON_REPLACE.has(r.type))
          .map((r) => r.part),
        ...this.pkg
          .rels(replaces.part!)
          .filter((r) => r.external)
          .map((r) => r.target),
      ];
      return parts.length > 0 ? [{ sheet: replaces.name, parts }] : [];
    });
  }

  /** The rows (zero-based) from `from` to `to` of the sheet as it was read that hold a value or formula. */
  filledRows(sheet: string, from: number, to: number): number[] {
    const out: number[] = [];
    const counter = { next: 0 };
    let p = "";
    streamSheet(this.pkg, this.worksheet(sheet).part, {
      head: (h) => (p = h.p),
      rows: (block) => {
        if (counter.next <= to) filledRowsIn(p, block, counter, from, to, out);
      },
    });
    return out;
  }

  setCells(sheet: string, edits: readonly CellEdit[]): void {
    this.worksheet(sheet);
    const list = this.cells.get(sheet) ?? [];
    for (const e of edits) list.push(e);
    this.cells.set(sheet, list);
  }

  addConditionalFormat(sheet: string, format: ConditionalFormat): void {
    this.worksheet(sheet);
    this.formats.set(sheet, [...(this.formats.get(sheet) ?? []), format]);
  }

  /** Whether the worksheet is protected (its sheetProtection element says sheet="1"), as Excel would lock it. */
  isProtected(sheet: string): boolean {
    const tail = streamSheet(this.pkg, this.worksheet(sheet).part);
    const tag = /<(?:\w+:)?sheetProtection\b[^>]*>/.exec(tail)?.[0];
    return tag !== undefined && /\ssheet=["'](1|true)["']/.test(tag);
  }

  /** Protects the sheet without a password, unless it is protected already (a user's password is kept). */
  protectSheet(sheet: string): void {
    this.worksheet(sheet);
    this.protections.add(sheet);
  }

  /** Grows the table whose header is on `headerRow` (zero-based) down to `lastRow`, for appended rows. */
  extendTable(sheet: string, headerRow: number, lastRow: number): void {
    this.worksheet(sheet);
    this.tableGrowth.set(sheet, [...(this.tableGrowth.get(sheet) ?? []), { headerRow, lastRow }]);
  }

  /** The zero-based row of the totals row of the table whose header is on `headerRow`, if it has one. */
  totalsRow(sheet: string, headerRow: number): number | undefined {
    for (const t of this.tablesOf(this.worksheet(sheet))) {
      const table = t.doc.documentElement!;
      const range = tableRange(table.getAttribute("ref") ?? "");
      if (range?.top === headerRow && Number(table.getAttribute("totalsRowCount") ?? 0) > 0)
        return range.bottom;
    }
    return undefined;
  }

  /**
   * Inserts `count` rows at `at` (zero-based) as Excel does: the rows from `at` down move, with the sheet's
   * ranges and tables. What cannot move correctly (a formula here or elsewhere pointing at a moved cell, a
   * picture…) is refused, naming it, before anything is written.
   */
  insertRows(sheet: string, at: number, count: number): void {
    const entry = this.worksheet(sheet);
    const problem = insertionProblem(this.pkg.text(entry.part), at) ?? this.referredFrom(entry, at);
    if (problem) throw new PackageError("wouldLose", problem);
    this.insertions.set(sheet, { at, count });
  }

  /** A formula of another sheet or a defined name that points at row `at` or below of `entry`, named. */
  private referredFrom(entry: SheetEntry & { part: string }, at: number): string | undefined {
    const names = this.pkg
      .text(this.wbPart)
      .matchAll(/<(?:\w+:)?definedName\b[^>]*\sname="([^"]*)"[^>]*>([^<]*)</g);
    for (const m of names)
      if (refersToSheetFrom(unescapeXml(m[2]!), entry.name, at)) return `名称 ${m[1]} 引用了需下移的单元格`;
    for (const other of this.sheets) {
      if (other === entry || !other.part || !other.isWorksheet) continue;
      for (const m of this.pkg.text(other.part).matchAll(/<(?:\w+:)?f\b[^>]*>([^<]*)</g))
        if (refersToSheetFrom(unescapeXml(m[1]!), entry.name, at))
          return `工作表“${other.name}”中的公式引用了需下移的单元格`;
    }
    return undefined;
  }

  /**
   * Grows the sheet's data validations and conditional formats that cover `anchorRow` (zero-based, the last
   * row before appended ones) down to `lastRow`, so appended rows get the drop-downs and highlighting of the
   * rows above them.
   */
  coverRows(sheet: string, anchorRow: number, lastRow: number): void {
    this.worksheet(sheet);
    this.coverage.set(sheet, [...(this.coverage.get(sheet) ?? []), { anchorRow, lastRow }]);
  }

  /**
   * Draws `charts` on the sheet, their cached values from `valueAt`. The sheet must have no drawing yet:
   * charts go on sheets the tool writes. A sheet this patch adds gets its layout's charts by itself.
   */
  addCharts(sheet: string, charts: readonly ChartSpec[], valueAt: ValueAt): void {
    this.worksheet(sheet);
    if (charts.length > 0) this.charts.set(sheet, { charts, valueAt });
  }

  /** The patched package's bytes. A patch is applied once. */
  async apply(): Promise<Uint8Array> {
    if (this.applied) throw new Error("a patch is applied once");
    this.applied = true;
    const doc = this.pkg.xml(this.wbPart);
    const root = doc.documentElement!;
    const styles = this.styleBook();
    let recalc = false;
    let cellsChanged = false;
    // Renames first: the defined names of sheets added below already carry their own names.
    for (const { entry, from } of this.renamed) renameInWorkbook(root, entry, from);
    for (const [name, { at, count }] of this.insertions) this.moveRows(this.worksheet(name), at, count);
    if (this.added.length > 0) {
      const rendered = await renderLayouts(
        this.added.map((a) => a.layout),
        styles,
        this.date1904,
      );
      this.added.forEach((a, i) => {
        const r = rendered[i]!;
        recalc ||= /<f[\s>]/.test(r.xml);
        if (a.replaces) {
          this.writeOver(a.replaces, r.xml);
          cellsChanged = true;
        }
        const index = a.replaces ? a.replaces.index : this.appendSheet(doc, root, a.layout.name, r.xml);
        setDefinedNames(doc, root, index, r.definedNames);
        if (a.layout.charts?.length)
          this.charts.set(a.layout.name, { charts: a.layout.charts, valueAt: layoutValues(a.layout) });
      });
    }
    for (const name of new Set([
      ...this.cells.keys(),
      ...this.formats.keys(),
      ...this.protections,
      ...this.coverage.keys(),
      ...this.charts.keys(),
    ])) {
      const entry = this.worksheet(name);
      const edits = this.cells.get(name) ?? [];
      if (edits.length > 0) {
        cellsChanged = true;
        recalc ||= edits.some((e) => e.value?.t === "formula");
        this.syncTableHeaders(entry, edits);
      }
      this.editSheet(entry, edits, styles);
    }
    for (const [name, growth] of this.tableGrowth) this.growTables(this.worksheet(name), growth);
    if (cellsChanged) this.dropCalcChain();
    if (recalc || cellsChanged) setFullCalcOnLoad(doc, root);
    if (this.added.length > 0 || this.renamed.length > 0 || recalc || cellsChanged)
      this.pkg.setText(this.wbPart, serializeXml(doc));
    if (styles.book.changed) this.pkg.setText(styles.part, styles.book.text());
    return this.pkg.toBytes();
  }

  private styleBook(): { part: string; book: StyleBook } {
    const rel = this.pkg.related(this.wbPart).find((r) => r.type === REL.styles);
    if (rel && this.pkg.has(rel.part)) {
      const part = this.pkg.nameOf(rel.part);
      return { part, book: new StyleBook(this.pkg.text(part), part) };
    }
    const wanted = `${folder(this.wbPart)}styles.xml`;
    const part = this.pkg.has(wanted) ? this.pkg.freeName(`${folder(this.wbPart)}styles`, ".xml") : wanted;
    this.pkg.addRel(this.wbPart, REL.styles, part);
    this.pkg.setContentType(part, STYLES_TYPE);
    const book = new StyleBook(EMPTY_STYLESHEET, part);
    book.changed = true;
    return { part, book };
  }

  private appendSheet(doc: Document, root: Element, name: string, xml: string): number {
    const part = this.pkg.freeName(`${folder(this.wbPart)}worksheets/sheet`, ".xml");
    this.pkg.setText(part, xml);
    this.pkg.setContentType(part, CONTENT_TYPE.worksheet);
    const relId = this.pkg.addRel(this.wbPart, REL.worksheet, part);
    let holder = childrenNamed(root, NS.main, "sheets")[0];
    if (!holder) {
      holder = createLike(doc, root, "sheets");
      insertInOrder(root, holder, WORKBOOK_ORDER);
    }
    const existing = sheetElements(root);
    const sheetId = existing.reduce((m, s) => Math.max(m, Number(s.getAttribute("sheetId")) || 0), 0) + 1;
    const el = createLike(doc, holder, "sheet");
    el.setAttribute("name", name);
    el.setAttribute("sheetId", String(sheetId));
    el.setAttributeNS(NS.rel, "r:id", relId);
    holder.appendChild(el);
    this.sheets.push({ name, index: existing.length, relId, part, isWorksheet: true });
    return existing.length;
  }

  /** A drawing part holding the sheet's charts, each in its own chart part; the relationship id to it. */
  private attachCharts(
    entry: SheetEntry & { part: string },
    charts: readonly ChartSpec[],
    valueAt: ValueAt,
  ): string {
    const base = folder(this.wbPart);
    const drawing = this.pkg.freeName(`${base}drawings/drawing`, ".xml");
    const placed = charts.map((spec) => {
      const chart = this.pkg.freeName(`${base}charts/chart`, ".xml");
      this.pkg.setText(chart, chartPartXml(spec, entry.name, valueAt));
      this.pkg.setContentType(chart, CONTENT_TYPE.chart);
      return { spec, relId: this.pkg.addRel(drawing, REL.chart, chart) };
    });
    this.pkg.setText(drawing, drawingPartXml(placed));
    this.pkg.setContentType(drawing, CONTENT_TYPE.drawing);
    return this.pkg.addRel(entry.part, REL.drawing, drawing);
  }

  /** Parts reachable from `from` through relationships, not walking through `avoid`. */
  private reachable(from: string, avoid?: string): Set<string> {
    const seen = new Set<string>();
    const walk = (part: string) => {
      for (const r of this.pkg.related(part)) {
        const key = r.part.toLowerCase();
        if (seen.has(key) || key === avoid?.toLowerCase() || !this.pkg.has(r.part)) continue;
        seen.add(key);
        walk(r.part);
      }
    };
    walk(from);
    return seen;
  }

  /** A replaced sheet gets its new content; the parts only it led to go, with their relationships. */
  private writeOver(entry: SheetEntry, xml: string): void {
    const part = entry.part!;
    const elsewhere = this.reachable("", part);
    for (const owned of this.reachable(part)) {
      if (elsewhere.has(owned)) continue;
      const name = this.pkg.nameOf(owned);
      this.pkg.remove(name);
      if (this.pkg.has(relsPartOf(name))) this.pkg.remove(relsPartOf(name));
      this.pkg.setContentType(name, undefined);
    }
    if (this.pkg.has(relsPartOf(part))) this.pkg.remove(relsPartOf(part));
    this.pkg.setText(part, xml);
  }

  /**
   * Rewrites the worksheet as it inflates, block of rows by block of rows, into the deflater: the sheet's XML
   * is never whole, in either direction. A first pass over the rows finds what must be known before any row
   * is written (array formulas an edit would break, the styles of the rows appended rows look like).
   */
  private editSheet(
    entry: SheetEntry & { part: string },
    edits: readonly CellEdit[],
    styles: { book: StyleBook },
  ): void {
    const byRow = new Map<number, Map<number, CellEdit>>();
    for (const e of edits) {
      const row = byRow.get(e.row) ?? new Map<number, CellEdit>();
      const prev = row.get(e.col);
      row.set(e.col, prev ? { ...prev, ...e, style: { ...prev.style, ...e.style } } : e);
      byRow.set(e.row, row);
    }
    const templates = new Map<number, RowStyles>();
    if (edits.length > 0) {
      const likeRows = new Set(edits.flatMap((e) => (e.likeRow === undefined ? [] : [e.likeRow])));
      const arrays: ArrayFormula[] = [];
      const counter = { next: 0 };
      let p = "";
      streamSheet(this.pkg, entry.part, {
        head: (h) => (p = h.p),
        rows: (block) => {
          for (const a of arrayFormulasIn(p, block)) arrays.push(a);
          rowStylesIn(p, block, counter, likeRows, templates);
        },
      });
      refuseInsideArrays(arrays, edits, entry.name);
    }
    const out = new PartDeflater();
    const encoder = new TextEncoder();
    const write = (text: string) => out.push(encoder.encode(text));
    let editor: ReturnType<typeof rowEditor<CellEdit>> | undefined;
    let p = "";
    let dataOpen = true;
    const tail = streamSheet(this.pkg, entry.part, {
      head: (h) => {
        p = h.p;
        const head = { p, head: h.head };
        if (edits.length > 0) {
          const bounds = editBounds(byRow);
          if (bounds) widenDimension(head, bounds);
          editor = rowEditor(p, head.head, byRow, (edit, place) => {
            const like = edit.likeRow === undefined ? undefined : templates.get(edit.likeRow);
            const baseStyle = like
              ? (like.cells.get(place.col) ?? like.row ?? place.baseStyle)
              : place.baseStyle;
            return renderCell(edit, { ...place, baseStyle }, p, styles.book, entry.name, this.date1904);
          });
        }
        dataOpen = !h.selfClosed || editor !== undefined;
        write(declaredUtf8(head.head) + (dataOpen ? h.open.replace(/\/>$/, ">") : h.open));
      },
      rows: (block) => write(editor ? editor.block(block) : block),
    });
    if (dataOpen) write(`${editor?.end() ?? ""}</${p}sheetData>`);
    const sheet: SheetSplit = { p, head: "", data: "", tail };
    for (const c of this.coverage.get(entry.name) ?? []) coverRows(sheet, c.anchorRow, c.lastRow);
    for (const f of this.formats.get(entry.name) ?? []) addFormat(sheet, f, styles.book);
    const charts = this.charts.get(entry.name);
    if (charts) {
      if (elementsOf(sheet, "drawing").length > 0)
        throw new Error(`sheet ${entry.name} has a drawing already`);
      const relId = this.attachCharts(entry, charts.charts, charts.valueAt);
      insertElement(sheet, "drawing", `<${sheet.p}drawing xmlns:r="${NS.rel}" r:id="${relId}"/>`);
    }
    if (this.protections.has(entry.name) && elementsOf(sheet, "sheetProtection").length === 0)
      insertElement(sheet, "sheetProtection", `<${sheet.p}sheetProtection sheet="1"/>`);
    write(sheet.tail);
    this.pkg.setBytes(entry.part, out.finish());
  }

  /** Moves the rows from `at` down by `count`, with the sheet's tables (a totals row stays the table's last). */
  private moveRows(entry: SheetEntry & { part: string }, at: number, count: number): void {
    this.pkg.setText(entry.part, insertRows(this.pkg.text(entry.part), at, count));
    for (const t of this.tablesOf(entry)) {
      const table = t.doc.documentElement!;
      const range = tableRange(table.getAttribute("ref") ?? "");
      if (!range || range.bottom < at) continue;
      const ref = insertedRange(table.getAttribute("ref") ?? "", at, count);
      table.setAttribute("ref", ref);
      const totals = Number(table.getAttribute("totalsRowCount") ?? 0);
      const moved = tableRange(ref)!;
      for (const f of childrenNamed(table, NS.main, "autoFilter"))
        f.setAttribute("ref", rangeAddress(moved.top, moved.left, moved.bottom - totals, moved.right));
      this.pkg.setText(t.part, serializeXml(t.doc));
    }
  }

  private tablesOf(entry: SheetEntry & { part: string }): { part: string; doc: Document }[] {
    return this.pkg
      .related(entry.part)
      .filter((r) => r.type === REL.table && this.pkg.has(r.part))
      .map((r) => ({ part: this.pkg.nameOf(r.part), doc: this.pkg.xml(r.part) }));
  }

  /** Text written into a table's header cell renames the table's column, as Excel requires them to agree. */
  private syncTableHeaders(entry: SheetEntry & { part: string }, edits: readonly CellEdit[]): void {
    for (const t of this.tablesOf(entry)) {
      const table = t.doc.documentElement!;
      if (table.getAttribute("headerRowCount") === "0") continue;
      const range = tableRange(table.getAttribute("ref") ?? "");
      if (!range) continue;
      const columns = childrenNamed(
        childrenNamed(table, NS.main, "tableColumns")[0] ?? table,
        NS.main,
        "tableColumn",
      );
      let changed = false;
      for (const e of edits) {
        if (e.row !== range.top || e.col < range.left || e.col > range.right || e.value?.t !== "text")
          continue;
        const column = columns[e.col - range.left];
        if (column && column.getAttribute("name") !== e.value.v) {
          column.setAttribute("name", e.value.v);
          changed = true;
        }
      }
      if (changed) this.pkg.setText(t.part, serializeXml(t.doc));
    }
  }

  private growTables(
    entry: SheetEntry & { part: string },
    growth: readonly { headerRow: number; lastRow: number }[],
  ): void {
    for (const t of this.tablesOf(entry)) {
      const table = t.doc.documentElement!;
      const range = tableRange(table.getAttribute("ref") ?? "");
      const want = growth.find((g) => range && g.headerRow === range.top);
      if (!range || !want || want.lastRow <= range.bottom) continue;
      if (Number(table.getAttribute("totalsRowCount") ?? 0) > 0)
        throw new PackageError(
          "wouldLose",
          `“${entry.name}”中的表格 ${table.getAttribute("name") ?? ""} 带有汇总行，无法在其下追加行`,
        );
      const ref = `${cellAddress(range.top, range.left)}:${cellAddress(want.lastRow, range.right)}`;
      table.setAttribute("ref", ref);
      for (const f of childrenNamed(table, NS.main, "autoFilter")) f.setAttribute("ref", ref);
      this.pkg.setText(t.part, serializeXml(t.doc));
    }
  }

  /** calcChain.xml lists formula cells in calculation order; once cells change Excel rebuilds it, so it goes. */
  private dropCalcChain(): void {
    const chains = this.pkg.related(this.wbPart).filter((x) => x.type === REL.calcChain);
    if (chains.length === 0) return;
    for (const r of chains) {
      if (this.pkg.has(r.part)) this.pkg.remove(r.part);
      this.pkg.setContentType(r.part, undefined);
    }
    this.pkg.removeRels(this.wbPart, (r) => r.type === REL.calcChain);
  }
}

const folder = (part: string) => part.slice(0, part.lastIndexOf("/") + 1);

function tableRange(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b] = ref.split(":");
  const s = a ? parseCellAddress(a) : undefined;
  const e = b ? parseCellAddress(b) : s;
  return s && e ? { top: s.row, left: s.col, bottom: e.row, right: e.col } : undefined;
}

/** A cell an array formula spills into (from another cell) cannot be written without breaking the formula. */
function refuseInsideArrays(arrays: readonly ArrayFormula[], edits: readonly CellEdit[], name: string): void {
  if (arrays.length === 0) return;
  for (const e of edits) {
    if (e.value === undefined) continue;
    const ref = cellAddress(e.row, e.col);
    const hit = arrays.find(
      (a) =>
        a.from !== ref &&
        e.row >= a.bounds.top &&
        e.row <= a.bounds.bottom &&
        e.col >= a.bounds.left &&
        e.col <= a.bounds.right,
    );
    if (hit)
      throw new PackageError(
        "wouldLose",
        `工作表“${name}”的单元格 ${ref} 在从 ${hit.from} 开始的数组公式（${hit.ref}）之内，改写它会破坏该公式；未写入。请先在 Excel 中删除或移走该数组公式`,
      );
  }
}

function formulaKind(inner: string | undefined): "master" | undefined {
  const f = inner === undefined ? undefined : /<(?:[\w.-]+:)?f\b[^>]*>/.exec(inner)?.[0];
  if (!f) return undefined;
  const t = attr(f, "t");
  const ref = attr(f, "ref");
  return (t === "shared" || t === "array") && ref !== undefined && ref.includes(":") ? "master" : undefined;
}

/** A number as a cell's value: NaN and infinities have no place in a cell. */
function numberText(v: number, ref: string): string {
  if (!Number.isFinite(v)) throw new PackageError("corrupt", `单元格 ${ref} 的数值无效`);
  return String(v);
}

function renderCell(
  edit: CellEdit,
  place: CellPlace,
  p: string,
  book: StyleBook,
  sheet: string,
  date1904: boolean,
): string {
  if (formulaKind(place.existing?.inner) === "master")
    throw new PackageError(
      "wouldLose",
      `工作表“${sheet}”的单元格 ${place.ref} 是共享公式或数组公式的起点，改写它会破坏其他单元格的公式；未写入`,
    );
  let change = edit.style;
  if (edit.value?.t === "date" && change?.numFmt === undefined && !book.isDateStyle(place.baseStyle))
    change = { ...change, numFmt: DATE_FORMAT };
  const s = change ? book.derive(place.baseStyle, change) : place.baseStyle;
  const sAttr = s > 0 ? ` s="${s}"` : "";
  const open = `<${p}c r="${place.ref}"${sAttr}`;
  const v = edit.value;
  if (v === undefined) {
    if (!place.existing) return `${open}/>`;
    const tag = place.existing.tag.replace(/\ss="\d*"/, "").replace(/^<[^\s/>]+/, `$&${sAttr}`);
    return place.existing.inner === undefined ? tag : `${tag}${place.existing.inner}</${p}c>`;
  }
  if (v === null) return `${open}/>`;
  switch (v.t) {
    case "text": {
      const space = /^\s|\s$|[\n\t]/.test(v.v) ? ' xml:space="preserve"' : "";
      return `${open} t="inlineStr"><${p}is><${p}t${space}>${xstring(v.v)}</${p}t></${p}is></${p}c>`;
    }
    case "number":
      return `${open}><${p}v>${numberText(v.v, place.ref)}</${p}v></${p}c>`;
    case "date":
      return `${open}><${p}v>${numberText(date1904 ? v.v - DATE1904_OFFSET : v.v, place.ref)}</${p}v></${p}c>`;
    case "formula":
      return `${open}><${p}f>${escapeText(v.f)}</${p}f></${p}c>`;
  }
}

function addFormat(sheet: SheetSplit, f: ConditionalFormat, book: StyleBook): void {
  const { p } = sheet;
  const formulas = elementsOf(sheet, "conditionalFormatting").flatMap((cf) =>
    [...cf.matchAll(/<(?:[\w.-]+:)?formula>([\s\S]*?)<\/(?:[\w.-]+:)?formula>/g)].map((m) =>
      unescapeXml(m[1]!),
    ),
  );
  if (
    f.unlessFormulaStartsWith !== undefined &&
    formulas.some((x) => x.startsWith(f.unlessFormulaStartsWith!))
  )
    return;
  const priority = [...sheet.tail.matchAll(/<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority="(\d+)"/g)].reduce(
    (m, x) => Math.max(m, Number(x[1])),
    0,
  );
  const dxf = book.addDxf(f.format);
  insertElement(
    sheet,
    "conditionalFormatting",
    `<${p}conditionalFormatting sqref="${escapeAttr(f.range)}"><${p}cfRule type="expression" dxfId="${dxf}" priority="${priority + 1}">` +
      `<${p}formula>${escapeText(f.formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
  );
}

/** A sheet reference as a formula writes it: quoted unless the name is plain letters, digits and _. */
const sheetRef = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;

/**
 * A defined name's references to `sheet` as formulas write them: ExcelJS quotes a sheet name without
 * doubling the apostrophes in it ('评估评分 '港城'…'!$4:$4), which Excel cannot read.
 */
function quotedSheetRefs(value: string, sheet: string): string {
  if (!sheet.includes("'")) return value;
  return value.split(`'${sheet}'!`).join(sheetRef(sheet));
}

/** The sheet's element takes its new name, and every defined name's references to the old one follow. */
function renameInWorkbook(root: Element, entry: SheetEntry, from: string): void {
  const el = sheetElements(root).find((s) => s.getAttribute("name") === from);
  el?.setAttribute("name", entry.name);
  const holder = childrenNamed(root, NS.main, "definedNames")[0];
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quoted = new RegExp(`'${escaped.replace(/'/g, "''")}'!`, "g");
  const plain = new RegExp(`(^|[^A-Za-z0-9_.'])${escaped}!`, "g");
  for (const dn of holder ? childrenNamed(holder, NS.main, "definedName") : []) {
    const text = dn.textContent ?? "";
    const next = text
      .replace(quoted, () => sheetRef(entry.name))
      .replace(plain, (_m, lead: string) => `${lead}${sheetRef(entry.name)}`);
    if (next === text) continue;
    while (dn.firstChild) dn.removeChild(dn.firstChild);
    dn.appendChild(dn.ownerDocument!.createTextNode(next));
  }
}

function setDefinedNames(
  doc: Document,
  root: Element,
  index: number,
  names: readonly { name: string; value: string }[],
): void {
  let holder = childrenNamed(root, NS.main, "definedNames")[0];
  for (const dn of holder ? childrenNamed(holder, NS.main, "definedName") : [])
    if (
      dn.getAttribute("localSheetId") === String(index) &&
      PRINT_NAMES.has((dn.getAttribute("name") ?? "").toLowerCase())
    )
      holder!.removeChild(dn);
  if (names.length === 0) return;
  if (!holder) {
    holder = createLike(doc, root, "definedNames");
    insertInOrder(root, holder, WORKBOOK_ORDER);
  }
  for (const n of names) {
    const el = createLike(doc, holder, "definedName");
    el.setAttribute("name", n.name);
    el.setAttribute("localSheetId", String(index));
    el.appendChild(doc.createTextNode(n.value));
    holder.appendChild(el);
  }
}

function setFullCalcOnLoad(doc: Document, root: Element): void {
  let calc = childrenNamed(root, NS.main, "calcPr")[0];
  if (!calc) {
    calc = createLike(doc, root, "calcPr");
    insertInOrder(root, calc, WORKBOOK_ORDER);
  }
  calc.setAttribute("fullCalcOnLoad", "1");
}

/**
 * The layouts as ExcelJS writes them, each sheet's XML made ready for the target package: its styles
 * imported into `styles`, its shared strings inlined, its print names rewritten for its final position.
 */
async function renderLayouts(
  layouts: readonly SheetLayout[],
  styles: { book: StyleBook },
  date1904: boolean,
): Promise<Rendered[]> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  // ExcelJS writes a Date as a serial of the workbook's date system.
  wb.properties.date1904 = date1904;
  for (const layout of layouts) writeLayout(wb, layout);
  const made = new Package(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const wbPart = workbookPart(made);
  const sheets = listSheets(made, wbPart);
  const rels = made.related(wbPart);
  const sstPart = rels.find((r) => r.type === REL.sharedStrings)?.part;
  const strings =
    sstPart && made.has(sstPart)
      ? [...made.text(sstPart).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]!)
      : [];
  const stylesPart = rels.find((r) => r.type === REL.styles)!.part;
  const source = new StyleBook(made.text(stylesPart), stylesPart);
  const names = childrenNamed(
    childrenNamed(made.xml(wbPart).documentElement!, NS.main, "definedNames")[0] ??
      made.xml(wbPart).documentElement!,
    NS.main,
    "definedName",
  );
  return layouts.map((layout, i) => {
    const entry = sheets.find((s) => s.name === layout.name)!;
    if (made.rels(entry.part!).length > 0)
      throw new Error(`layout ${layout.name} needs parts the patch cannot carry`);
    let xml = inlineSharedStrings(made.text(entry.part!), strings);
    xml = remapStyles(xml, (s) => styles.book.importXf(source, s));
    xml = remapDxfs(xml, (d) => styles.book.importDxf(source, d));
    return {
      xml: unselect(xml),
      definedNames: names
        .filter((n) => n.getAttribute("localSheetId") === String(i))
        .map((n) => ({
          name: n.getAttribute("name") ?? "",
          value: quotedSheetRefs(n.textContent ?? "", layout.name),
        })),
    };
  });
}
