// The reference the streaming reader is held to: ExcelJS's model of a workbook, read from a plain copy of the
// package under the names and in the XML ExcelJS expects (openpyxl's absolute part names, a prefixed
// spreadsheet namespace, ISO dates and rows without numbers made plain first), and each worksheet turned into
// the Grid the core reads. Tests also read the in-memory workbooks the ExcelJS writer makes through it.

import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { cellAddress, columnIndex } from "../../src/core/address";
import { safeString } from "../../src/core/cells";
import type { CellInput, Grid } from "../../src/core/grid";
import type { WorkbookGrids } from "../../src/core/workbook";
import { PackageError } from "../../src/xlsx/package/errors";
import { DEFAULT_LIMITS, type ReadLimits } from "../../src/xlsx/package/limits";
import { decodePart, encodePart, Package, relativeTarget } from "../../src/xlsx/package/opc";
import { checkedPackage } from "../../src/xlsx/package/readable";
import { joinSheet, splitSheet } from "../../src/xlsx/package/sheetXml";
import { EMPTY_STYLESHEET } from "../../src/xlsx/package/styles";
import {
  DATE1904_OFFSET,
  isDate1904,
  listSheets,
  workbookPart,
  type SheetEntry,
} from "../../src/xlsx/package/workbook";
import { escapeAttr, NS, REL } from "../../src/xlsx/package/xml";
import { streamEntry, writeZip, type ZipPart } from "../../src/xlsx/package/zip";
import { withoutTableNotes, type SheetTable } from "../../src/xlsx/stream/tableNotes";
import { decoderFor } from "../../src/xlsx/stream/xmlStream";

const CANONICAL = {
  workbook: "xl/workbook.xml",
  styles: "xl/styles.xml",
  sharedStrings: "xl/sharedStrings.xml",
} as const;

const TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";
const HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

interface SheetScan {
  /** The part's bytes, kept for the copy. */
  bytes: Uint8Array;
  rows: number;
  isoDates: boolean;
  /** Rows or cells written without their number (r), which ExcelJS cannot place. */
  withoutRef: boolean;
}

/** Inflates a worksheet part, scanning it on the way: its highest row, and what ExcelJS would misread. */
function scanSheet(pkg: Package, sheet: SheetEntry & { part: string }, limits: ReadLimits): SheetScan {
  const entry = pkg.entry(sheet.part)!;
  const scan: SheetScan = {
    bytes: new Uint8Array(entry.size),
    rows: 0,
    isoDates: false,
    withoutRef: false,
  };
  let at = 0;
  let decoder: TextDecoder | undefined;
  let carry = "";
  const rowTag = /<(?:[\w.-]+:)?row(?=[\s/>])[^>]*>/g;
  const cellWithoutRef = /<(?:[\w.-]+:)?c(?=[\s/>])(?![^>]*\sr\s*=)[^>]*>/;
  streamEntry(pkg.source, entry, (chunk) => {
    scan.bytes.set(chunk, at);
    at += chunk.length;
    decoder ??= decoderFor(chunk);
    let text = carry + decoder.decode(chunk, { stream: true });
    const lt = text.lastIndexOf("<");
    if (lt >= 0 && text.indexOf(">", lt) < 0) [text, carry] = [text.slice(0, lt), text.slice(lt)];
    else carry = "";
    if (!scan.isoDates && /<(?:[\w.-]+:)?c\b[^>]*\st="d"/.test(text)) scan.isoDates = true;
    if (!scan.withoutRef && cellWithoutRef.test(text)) scan.withoutRef = true;
    for (const m of text.matchAll(rowTag)) {
      const r = /\sr="(\d+)"/.exec(m[0]);
      if (!r) scan.withoutRef = true;
      scan.rows = r ? Math.max(scan.rows, Number(r[1])) : scan.rows + 1;
      if (scan.rows > limits.maxRows)
        throw new PackageError(
          "limit",
          `工作表“${sheet.name}”超过 Excel 的行数上限 ${limits.maxRows.toLocaleString("en-US")} 行，无法读取`,
        );
    }
  });
  return scan;
}

/**
 * Checks `bytes` against the limits and verifies every part; returns a plain copy of what reading needs,
 * which ExcelJS reads as Excel would read the original. A package beyond a limit, damaged, encrypted or in
 * Strict Open XML is a PackageError, in Chinese.
 */
function readablePackage(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Uint8Array {
  const pkg = checkedPackage(bytes, limits);
  const parts = pkg.listParts();
  const wbPart = workbookPart(pkg);
  const sheets = listSheets(pkg, wbPart);
  const worksheets = sheets.filter(
    (s): s is SheetEntry & { part: string } => s.isWorksheet && s.part !== undefined,
  );
  const scans = new Map<string, SheetScan>();
  for (const s of worksheets) scans.set(s.part.toLowerCase(), scanSheet(pkg, s, limits));
  for (const p of parts)
    if (p.entry && !scans.has(p.name.toLowerCase())) streamEntry(bytes, p.entry, () => undefined);
  return plainCopy(pkg, wbPart, sheets, scans);
}

/** The main namespace's prefix made the default, so element names are plain. */
function unprefixed(xml: string): string {
  const head = xml.slice(0, 2000);
  const declaration = new RegExp(`\\sxmlns:([\\w.-]+)=["']${NS.main.replace(/[.]/g, "\\.")}["']`).exec(head);
  if (!declaration) return xml;
  const rootTag = head.slice(0, head.indexOf(">", declaration.index) + 1);
  const hasDefault = /\sxmlns=["']/.test(rootTag);
  return xml
    .replace(new RegExp(`<(/?)${declaration[1]!.replace(/[.-]/g, "\\$&")}:`, "g"), "<$1")
    .replace(declaration[0], hasDefault ? "" : ` xmlns="${NS.main}"`);
}

/** ISO 8601 date cells (t="d") as the serial numbers Excel stores. */
function serialDates(xml: string, date1904: boolean): string {
  return xml.replace(
    /(<c\b[^>]*?)\st="d"([^>]*>\s*<v>)([^<]*)(<\/v>)/g,
    (whole, head: string, mid: string, iso: string, tail: string) => {
      const t = Date.parse(
        /Z|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso.length <= 10 ? `${iso}T00:00:00` : iso}Z`,
      );
      if (Number.isNaN(t)) return whole;
      return `${head}${mid}${t / 86_400_000 + 25569 - (date1904 ? DATE1904_OFFSET : 0)}${tail}`;
    },
  );
}

/** Rows and cells without numbers get them, counted as Excel counts them. */
function numberedRows(xml: string): string {
  let row = 0;
  return xml.replace(
    /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g,
    (_all, attrs: string, end: string, inner?: string) => {
      const r = /\sr="(\d+)"/.exec(attrs);
      row = r ? Number(r[1]) : row + 1;
      const head = r ? `<row${attrs}` : `<row r="${row}"${attrs}`;
      if (inner === undefined) return `${head}${end}`;
      let col = -1;
      const cells = inner.replace(/<c\b([^>]*?)(\/>|>)/g, (_c, a: string, close: string) => {
        const ref = /\sr="([A-Z]+)\d+"/.exec(a);
        col = ref ? columnIndex(ref[1]!) : col + 1;
        return ref ? `<c${a}${close}` : `<c r="${cellAddress(row - 1, col)}"${a}${close}`;
      });
      return `${head}>${cells}</row>`;
    },
  );
}

/**
 * A worksheet without what reading does not need and ExcelJS would stumble on or expand cell by cell:
 * elements pointing into parts the copy leaves out (pictures, comments), and data validations.
 */
function forReading(xml: string): string {
  const sheet = splitSheet(xml);
  sheet.tail = sheet.tail.replace(
    /<(drawing|legacyDrawing|legacyDrawingHF|picture|dataValidations)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g,
    "",
  );
  return joinSheet(sheet);
}

const rels = (items: readonly { id: string; type: string; target: string; external?: boolean }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${items
    .map(
      (r) =>
        `<Relationship Id="${escapeAttr(r.id)}" Type="${r.type}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("")}</Relationships>`;

/**
 * A minimal package holding what reading needs, under the names ExcelJS expects: the workbook, its
 * worksheets with their tables and hyperlinks, styles and shared strings, in plain spreadsheet XML.
 */
function plainCopy(
  pkg: Package,
  wbPart: string,
  sheets: readonly SheetEntry[],
  scans: ReadonlyMap<string, SheetScan>,
): Uint8Array {
  const out: ZipPart[] = [];
  const put = (name: string, text: string) => out.push({ name, data: encodePart(text) });
  const overrides: string[] = [];
  const wbRels: { id: string; type: string; target: string }[] = [];
  const related = pkg.related(wbPart);
  let tables = 0;
  const workbookXml = unprefixed(pkg.text(wbPart));
  const date1904 = isDate1904(workbookXml);
  sheets.forEach((s, i) => {
    if (!s.isWorksheet || !s.part) return;
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const scan = scans.get(s.part.toLowerCase())!;
    let xml = forReading(unprefixed(decodePart(scan.bytes)));
    if (scan.isoDates) xml = serialDates(xml, date1904);
    if (scan.withoutRef) xml = numberedRows(xml);
    put(name, xml);
    overrides.push(name);
    wbRels.push({ id: s.relId, type: REL.worksheet, target: relativeTarget(CANONICAL.workbook, name) });
    const sheetRels: { id: string; type: string; target: string; external?: boolean }[] = [];
    for (const r of pkg.rels(s.part)) {
      if (r.type === HYPERLINK && r.external) sheetRels.push(r);
      const target = r.external ? undefined : pkg.related(s.part).find((x) => x.id === r.id)?.part;
      if (r.type === TABLE && target && pkg.has(target)) {
        const table = `xl/tables/table${++tables}.xml`;
        put(table, unprefixed(pkg.text(target)));
        sheetRels.push({ id: r.id, type: TABLE, target: relativeTarget(name, table) });
      }
    }
    if (sheetRels.length > 0) put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, rels(sheetRels));
  });
  const styles = related.find((r) => r.type === REL.styles);
  put(
    CANONICAL.styles,
    styles && pkg.has(styles.part) ? unprefixed(pkg.text(styles.part)) : EMPTY_STYLESHEET,
  );
  wbRels.push({ id: "rIdStyles", type: REL.styles, target: "styles.xml" });
  const sst = related.find((r) => r.type === REL.sharedStrings);
  if (sst && pkg.has(sst.part)) {
    put(CANONICAL.sharedStrings, unprefixed(pkg.text(sst.part)));
    wbRels.push({ id: "rIdStrings", type: REL.sharedStrings, target: "sharedStrings.xml" });
  }
  // ExcelJS knows the 1904 date system only as date1904="1".
  put(
    CANONICAL.workbook,
    date1904
      ? workbookXml.replace(/(<workbookPr\b[^>]*\sdate1904\s*=\s*)["']true["']/, '$1"1"')
      : workbookXml,
  );
  put("xl/_rels/workbook.xml.rels", rels(wbRels));
  put("_rels/.rels", rels([{ id: "rId1", type: REL.officeDocument, target: CANONICAL.workbook }]));
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.types}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides
      .map(
        (o) =>
          `<Override PartName="/${o}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("")}</Types>`,
  );
  return writeZip(out, { store: true });
}

/** `result`: the cell's own formula result — ExcelJS's `value` copy drops a result of 0. */
function toInput(value: ExcelJS.CellValue, result: unknown): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const v = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      // A formula whose last result is an error is an error cell: its text is not data.
      if (result !== null && typeof result === "object" && "error" in result) {
        return { error: String((result as { error: unknown }).error) };
      }
      // No result at all (not even an empty one): the file holds no computed value for the formula.
      const formula = v.formula ?? v.sharedFormula ?? "";
      return result === undefined ? { formula } : { formula, result };
    }
    if ("hyperlink" in value) return String((value as ExcelJS.CellHyperlinkValue).text ?? "");
    if ("error" in value) return { error: String((value as ExcelJS.CellErrorValue).error) };
  }
  return safeString(value);
}

/** An ExcelJS worksheet as the Grid the core reads. */
export function readGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: CellInput[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellInput[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged area holds its value once, in its top-left cell, as Excel and Office.js show it.
      if (cell.isMerged && cell.master !== cell) return;
      cells[col - 1] = toInput(cell.value, cell.result);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  // ExcelJS keeps merged areas by their top-left address, each with its range.
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map(
    (m) => m.range,
  );
  const grid = merges.length > 0 ? { sheet: ws.name, rows, merges } : { sheet: ws.name, rows };
  return withoutTableNotes(grid, excelJsTables(ws));
}

/** The sheet's tables as ExcelJS reads their parts. */
function excelJsTables(ws: ExcelJS.Worksheet): SheetTable[] {
  const tables = Object.values(
    (
      ws as unknown as {
        tables?: Record<string, { table?: { tableRef?: string; ref?: string; totalsRow?: boolean } }>;
      }
    ).tables ?? {},
  );
  return tables.map((t) => ({
    ref: t.table?.tableRef ?? t.table?.ref ?? "",
    totalsRow: t.table?.totalsRow === true,
  }));
}

/** A package's bytes as ExcelJS's model. */
export async function parseXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readablePackage(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** An ExcelJS workbook's sheets as Grids, read once each. */
export function workbookGrids(wb: ExcelJS.Workbook): WorkbookGrids & { names(): string[] } {
  const cache = new Map<string, Grid | undefined>();
  return {
    sheet(name) {
      if (!cache.has(name)) {
        const ws = wb.worksheets.find((w) => w.name === name);
        cache.set(name, ws ? readGrid(ws) : undefined);
      }
      return cache.get(name);
    },
    names: () => wb.worksheets.map((w) => w.name),
  };
}

/** A file on disk as ExcelJS's model, for tests that look at styles, widths or formulas. */
export async function openExcelJs(file: string): Promise<ExcelJS.Workbook> {
  return parseXlsx(new Uint8Array(await readFile(file)));
}
