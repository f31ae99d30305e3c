// XML helpers for package parts: small parts are parsed as DOM (@xmldom/xmldom), large worksheets are edited
// as strings; both need the same escaping and the same namespace names.

import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { PackageError } from "./errors";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
} as const;

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  printerSettings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}

/** Text as an ST_Xstring: characters XML 1.0 cannot hold become _xHHHH_, and a literal _xHHHH_ is escaped. */
export function xstring(s: string): string {
  return escapeText(
    s
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${hex4(c)}_`),
  );
}

const hex4 = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");

/** Decodes the few entities an attribute or text of a part may hold. */
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e]!;
  });
}

/** The value of attribute `name` (without prefix) in a start tag's text, unescaped; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  const m = attrPattern(name).exec(tag);
  if (!m) return undefined;
  const v = m[2] ?? m[3] ?? "";
  return v.includes("&") ? unescapeXml(v) : v;
}

const attrPatterns = new Map<string, RegExp>();
function attrPattern(name: string): RegExp {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  return re;
}

/** The start tag with attribute `name` set to `value` (added before the tag's end), or removed when undefined. */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const re = attrPattern(name);
  if (value === undefined) return tag.replace(re, "");
  const text = ` ${name}="${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, text);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, end) + text + tag.slice(end);
}

export function parseXml(text: string, part: string): Document {
  const fail = (level: string) => {
    if (level !== "warning") throw new PackageError("corrupt", `文件已损坏（部件 ${part} 不是有效的 XML）`);
  };
  return new DOMParser({ onError: fail }).parseFromString(text, "application/xml");
}

export function serializeXml(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}

/** The element's children in namespace `ns` named `local`. */
export function childrenNamed(parent: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === ns)
      out.push(n as Element);
  return out;
}

/** A new element in the same namespace and with the same prefix as `like`. */
export function createLike(doc: Document, like: Element, local: string): Element {
  return doc.createElementNS(like.namespaceURI, like.prefix ? `${like.prefix}:${local}` : local);
}

/**
 * Inserts `child` under `parent` before the first existing child that comes after it in the schema's
 * `order` (a list of local names); at the end when none does.
 */
export function insertInOrder(parent: Element, child: Element, order: readonly string[]): void {
  const rank = order.indexOf(child.localName!);
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const r = order.indexOf((n as Element).localName!);
    if (r > rank) {
      parent.insertBefore(child, n);
      return;
    }
  }
  parent.appendChild(child);
}
