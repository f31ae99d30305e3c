// Before ExcelJS reads a package: its declared sizes and every sheet's row count are checked against the
// documented limits (before anything large is expanded), every part is verified against its checksum, and
// what reading needs is copied into a plain package under the names and in the XML ExcelJS expects — so a
// workbook written by openpyxl (absolute part names), by tools that prefix the spreadsheet namespace, or
// without a styles part reads as Excel's own would. Data validations stay out of the copy: ExcelJS expands
// them cell by cell, which costs a large register more time and memory than its cells. The copy is for
// reading only and is never written anywhere.

import { cellAddress, columnIndex } from "../../core/address";
import { PackageError, mb } from "./errors";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import { decodePart, encodePart, Package, relativeTarget } from "./opc";
import { joinSheet, splitSheet } from "./sheetXml";
import { EMPTY_STYLESHEET } from "./styles";
import { listSheets, workbookPart, type SheetEntry } from "./workbook";
import { escapeAttr, NS, REL } from "./xml";
import { streamEntry, writeZip, type ZipPart } from "./zip";

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
  rowsWithoutRef: boolean;
}

const decoderFor = (head: Uint8Array) =>
  new TextDecoder(
    head[0] === 0xff && head[1] === 0xfe
      ? "utf-16le"
      : head[0] === 0xfe && head[1] === 0xff
        ? "utf-16be"
        : "utf-8",
  );

/** Inflates a worksheet part, scanning it on the way: its highest row, and what ExcelJS would misread. */
function scanSheet(pkg: Package, sheet: SheetEntry & { part: string }, limits: ReadLimits): SheetScan {
  const entry = pkg.entry(sheet.part)!;
  const scan: SheetScan = {
    bytes: new Uint8Array(entry.size),
    rows: 0,
    isoDates: false,
    rowsWithoutRef: false,
  };
  let at = 0;
  let decoder: TextDecoder | undefined;
  let carry = "";
  const rowTag = /<(?:[\w.-]+:)?row(?=[\s/>])[^>]*>/g;
  streamEntry(pkg.source, entry, (chunk) => {
    scan.bytes.set(chunk, at);
    at += chunk.length;
    decoder ??= decoderFor(chunk);
    let text = carry + decoder.decode(chunk, { stream: true });
    const lt = text.lastIndexOf("<");
    if (lt >= 0 && text.indexOf(">", lt) < 0) [text, carry] = [text.slice(0, lt), text.slice(lt)];
    else carry = "";
    if (!scan.isoDates && /<(?:[\w.-]+:)?c\b[^>]*\st="d"/.test(text)) scan.isoDates = true;
    for (const m of text.matchAll(rowTag)) {
      const r = /\sr="(\d+)"/.exec(m[0]);
      if (!r) scan.rowsWithoutRef = true;
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
 * The package of `bytes`, once its signature and the declared sizes of its parts are within the limits: an
 * encrypted workbook or an old .xls, a damaged file, a part or a whole beyond its limit is a PackageError, in
 * Chinese, before anything is expanded.
 */
export function checkedPackage(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Package {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw new PackageError(
      "unsupported",
      "这是设置了打开密码的（加密的）工作簿，或旧的 .xls 文件：请在 Excel 中取消密码并另存为 .xlsx 后再试",
    );
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new PackageError("corrupt", "文件已损坏，或不是 Excel 工作簿");
  const pkg = new Package(bytes);
  const parts = pkg.listParts();
  let total = 0;
  for (const p of parts) {
    total += p.size;
    if (p.size > limits.maxPartBytes)
      throw new PackageError(
        "limit",
        `部件 ${p.name} 解压后为 ${mb(p.size)}，超过本工具可处理的单个部件上限 ${mb(limits.maxPartBytes)}`,
      );
  }
  if (total > limits.maxTotalBytes)
    throw new PackageError(
      "limit",
      `工作簿解压后共 ${mb(total)}，超过本工具在当前可用内存下可处理的上限 ${mb(limits.maxTotalBytes)}${limits.memoryHint ? `（${limits.memoryHint}）` : ""}`,
    );
  return pkg;
}

/**
 * Checks `bytes` against the limits and verifies every part; returns a plain copy of what reading needs,
 * which ExcelJS reads as Excel would read the original. A package beyond a limit, damaged, encrypted or in
 * Strict Open XML is a PackageError, in Chinese.
 */
export function readablePackage(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Uint8Array {
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
function serialDates(xml: string): string {
  return xml.replace(
    /(<c\b[^>]*?)\st="d"([^>]*>\s*<v>)([^<]*)(<\/v>)/g,
    (whole, head: string, mid: string, iso: string, tail: string) => {
      const t = Date.parse(
        /Z|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso.length <= 10 ? `${iso}T00:00:00` : iso}Z`,
      );
      if (Number.isNaN(t)) return whole;
      return `${head}${mid}${t / 86_400_000 + 25569}${tail}`;
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
  sheets.forEach((s, i) => {
    if (!s.isWorksheet || !s.part) return;
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const scan = scans.get(s.part.toLowerCase())!;
    let xml = forReading(unprefixed(decodePart(scan.bytes)));
    if (scan.isoDates) xml = serialDates(xml);
    if (scan.rowsWithoutRef) xml = numberedRows(xml);
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
  put(CANONICAL.workbook, unprefixed(pkg.text(wbPart)));
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
