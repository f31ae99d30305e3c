// Sheets of a workbook this tool wrote (with ExcelJS) appended to another workbook as they are: their tables,
// drop-downs, conditional formats and styles come along, and every part of the target stays as it was but
// the workbook list, its relationships, the content types and the appended style entries.

import { PackageError } from "./errors";
import { Package } from "./opc";
import { inlineSharedStrings, remapDxfs, remapStyles, unselect } from "./sheetXml";
import { EMPTY_STYLESHEET, StyleBook } from "./styles";
import { listSheets, sheetElements, workbookPart, WORKBOOK_ORDER } from "./workbook";
import { childrenNamed, createLike, CONTENT_TYPE, insertInOrder, NS, REL, serializeXml } from "./xml";

const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const folder = (part: string) => part.slice(0, part.lastIndexOf("/") + 1);

/** The styles of the target's workbook, created empty when it has none. */
function targetStyles(pkg: Package, wbPart: string): { part: string; book: StyleBook } {
  const rel = pkg.related(wbPart).find((r) => r.type === REL.styles);
  if (rel && pkg.has(rel.part)) {
    const part = pkg.nameOf(rel.part);
    return { part, book: new StyleBook(pkg.text(part), part) };
  }
  const part = pkg.freeName(`${folder(wbPart)}styles`, ".xml");
  pkg.addRel(wbPart, REL.styles, part);
  pkg.setContentType(part, STYLES_TYPE);
  return { part, book: new StyleBook(EMPTY_STYLESHEET, part) };
}

/** Table ids and names (with the workbook's defined names, which share their namespace) already used. */
function takenTableNames(pkg: Package, wbPart: string): { ids: Set<number>; names: Set<string> } {
  const ids = new Set<number>();
  const root = pkg.xml(wbPart).documentElement!;
  const defined = childrenNamed(
    childrenNamed(root, NS.main, "definedNames")[0] ?? root,
    NS.main,
    "definedName",
  );
  const names = new Set(defined.map((d) => (d.getAttribute("name") ?? "").toLowerCase()));
  for (const s of listSheets(pkg, wbPart)) {
    if (!s.part) continue;
    for (const r of pkg.related(s.part)) {
      if (r.type !== REL.table || !pkg.has(r.part)) continue;
      const table = pkg.xml(r.part).documentElement!;
      ids.add(Number(table.getAttribute("id")) || 0);
      for (const a of ["name", "displayName"]) names.add((table.getAttribute(a) ?? "").toLowerCase());
    }
  }
  return { ids, names };
}

/**
 * `target` with every sheet of `source` appended after its own, in order. The source must be a workbook whose
 * sheets hold cells, styles, validations, conditional formats and tables only; their names must be free in
 * the target, and so must the names of their tables (else a refusal naming the table).
 */
export function appendSheets(target: Uint8Array, source: Uint8Array): Uint8Array {
  const pkg = new Package(target);
  const wbPart = workbookPart(pkg);
  const doc = pkg.xml(wbPart);
  const root = doc.documentElement!;
  const made = new Package(source);
  const madeWb = workbookPart(made);
  const madeRoot = made.xml(madeWb).documentElement!;
  if (childrenNamed(madeRoot, NS.main, "definedNames").length > 0)
    throw new Error("the sheets to append carry defined names");
  const rels = made.related(madeWb);
  const sstPart = rels.find((r) => r.type === REL.sharedStrings)?.part;
  const strings =
    sstPart && made.has(sstPart)
      ? [...made.text(sstPart).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]!)
      : [];
  const madeStylesPart = rels.find((r) => r.type === REL.styles)!.part;
  const from = new StyleBook(made.text(madeStylesPart), madeStylesPart);
  const styles = targetStyles(pkg, wbPart);
  const taken = takenTableNames(pkg, wbPart);
  const existing = listSheets(pkg, wbPart).map((s) => s.name.toLowerCase());
  let holder = childrenNamed(root, NS.main, "sheets")[0];
  if (!holder) {
    holder = createLike(doc, root, "sheets");
    insertInOrder(root, holder, WORKBOOK_ORDER);
  }
  let sheetId = sheetElements(root).reduce((m, s) => Math.max(m, Number(s.getAttribute("sheetId")) || 0), 0);
  let tableId = Math.max(0, ...taken.ids);

  for (const sheet of listSheets(made, madeWb)) {
    if (existing.includes(sheet.name.toLowerCase())) throw new Error(`sheet name ${sheet.name} is taken`);
    const part = pkg.freeName(`${folder(wbPart)}worksheets/sheet`, ".xml");
    let xml = inlineSharedStrings(made.text(sheet.part!), strings);
    xml = remapStyles(xml, (s) => styles.book.importXf(from, s));
    xml = remapDxfs(xml, (d) => styles.book.importDxf(from, d));
    xml = unselect(xml);
    const ids = new Map<string, string>();
    for (const r of made.related(sheet.part!)) {
      if (r.type !== REL.table)
        throw new Error(`the sheet ${sheet.name} to append has parts other than tables`);
      const tableDoc = made.xml(r.part);
      const table = tableDoc.documentElement!;
      for (const a of ["name", "displayName"]) {
        const name = table.getAttribute(a) ?? "";
        if (taken.names.has(name.toLowerCase()))
          throw new PackageError(
            "wouldLose",
            `工作簿中已有名为“${name}”的表格或名称，无法添加工作表“${sheet.name}”：请在 WPS 或 Excel 中改名后重试`,
          );
      }
      table.setAttribute("id", String(++tableId));
      const tablePart = pkg.freeName(`${folder(wbPart)}tables/table`, ".xml");
      pkg.setText(tablePart, serializeXml(tableDoc));
      pkg.setContentType(tablePart, TABLE_TYPE);
      ids.set(r.id, pkg.addRel(part, REL.table, tablePart));
    }
    xml = xml.replace(
      /(<(?:\w+:)?tablePart\b[^>]*?\sr:id=")([^"]*)"/g,
      (_, head: string, id: string) => `${head}${ids.get(id) ?? id}"`,
    );
    pkg.setText(part, xml);
    pkg.setContentType(part, CONTENT_TYPE.worksheet);
    const el = createLike(doc, holder, "sheet");
    el.setAttribute("name", sheet.name);
    el.setAttribute("sheetId", String(++sheetId));
    el.setAttributeNS(NS.rel, "r:id", pkg.addRel(wbPart, REL.worksheet, part));
    holder.appendChild(el);
  }
  pkg.setText(wbPart, serializeXml(doc));
  if (styles.book.changed || !pkg.has(styles.part)) pkg.setText(styles.part, styles.book.text());
  return pkg.toBytes();
}
