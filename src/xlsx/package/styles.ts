// styles.xml as a style book: a cell's style index (an xf) can be derived with another fill, font colour or
// number format, and an xf of another workbook can be imported. Entries are only ever appended, so every
// index the existing sheets use keeps its meaning.

import type { Document, Element } from "@xmldom/xmldom";
import { isDateFormatCode } from "../../core/numberFormats";
import { childrenNamed, createLike, insertInOrder, NS, parseXml, serializeXml } from "./xml";

/** Order of the stylesheet's children (CT_Stylesheet). */
const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;

export const EMPTY_STYLESHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Excel's built-in number formats that show dates or times (ECMA-376 18.8.30, and the CJK ids). */
const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

export { isDateFormatCode };

export interface StyleChange {
  /** A solid fill "#RRGGBB", or null for no fill. */
  fill?: string | null;
  font?: { bold?: boolean; color?: string | null };
  numFmt?: string;
}

/** A differential format (conditional formatting): font colour and solid background. */
export interface Dxf {
  fontColor?: string;
  fill?: string;
}

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

export class StyleBook {
  private readonly doc: Document;
  private readonly root: Element;
  private readonly derived = new Map<string, number>();
  private readonly known = new Map<string, Map<string, number>>();
  changed = false;

  constructor(text: string, part: string) {
    this.doc = parseXml(text, part);
    this.root = this.doc.documentElement!;
  }

  private list(local: string, item: string): Element[] {
    const holder = childrenNamed(this.root, NS.main, local)[0];
    return holder ? childrenNamed(holder, NS.main, item) : [];
  }

  private holder(local: string): Element {
    const found = childrenNamed(this.root, NS.main, local)[0];
    if (found) return found;
    const made = createLike(this.doc, this.root, local);
    insertInOrder(this.root, made, STYLESHEET_ORDER);
    return made;
  }

  /** The index of an element equal to `el` in the collection, appending it when none is. */
  private findOrAdd(local: string, el: Element): number {
    const text = serializeXml(el);
    let index = this.known.get(local);
    if (!index) {
      index = new Map();
      const item = el.localName!;
      this.list(local, item).forEach((e, i) => {
        const t = serializeXml(e);
        if (!index!.has(t)) index!.set(t, i);
      });
      this.known.set(local, index);
    }
    const at = index.get(text);
    if (at !== undefined) return at;
    const holder = this.holder(local);
    holder.appendChild(el);
    const n = childrenNamed(holder, NS.main, el.localName!).length;
    holder.setAttribute("count", String(n));
    index.set(text, n - 1);
    this.changed = true;
    return n - 1;
  }

  private el(local: string, attrs: Record<string, string> = {}, children: Element[] = []): Element {
    const e = createLike(this.doc, this.root, local);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.appendChild(c);
    return e;
  }

  private xf(index: number): Element {
    const xfs = this.list("cellXfs", "xf");
    return xfs[index] ?? xfs[0] ?? this.el("xf", { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0" });
  }

  /** The format code of a style's number format ("General" when none). */
  numFmtOf(xf: number): { id: number; code: string } {
    const id = Number(this.xf(xf).getAttribute("numFmtId") ?? 0);
    const custom = this.list("numFmts", "numFmt").find((n) => Number(n.getAttribute("numFmtId")) === id);
    return { id, code: custom?.getAttribute("formatCode") ?? (id === 0 ? "General" : "") };
  }

  isDateStyle(xf: number): boolean {
    const { id, code } = this.numFmtOf(xf);
    return BUILTIN_DATE_IDS.has(id) || (code !== "" && isDateFormatCode(code));
  }

  private numFmtId(code: string): number {
    if (code === "General") return 0;
    if (code === "@") return 49;
    const existing = this.list("numFmts", "numFmt");
    const found = existing.find((n) => n.getAttribute("formatCode") === code);
    if (found) return Number(found.getAttribute("numFmtId"));
    const id = existing.reduce((m, n) => Math.max(m, Number(n.getAttribute("numFmtId")) || 0), 163) + 1;
    this.findOrAdd("numFmts", this.el("numFmt", { numFmtId: String(id), formatCode: code }));
    return id;
  }

  private solidFill(hex: string | null): Element {
    if (hex === null) return this.el("fill", {}, [this.el("patternFill", { patternType: "none" })]);
    return this.el("fill", {}, [
      this.el("patternFill", { patternType: "solid" }, [
        this.el("fgColor", { rgb: argb(hex) }),
        this.el("bgColor", { indexed: "64" }),
      ]),
    ]);
  }

  /** A style like `xf` with the given changes; the same request gives the same index. */
  derive(xf: number, change: StyleChange): number {
    const cacheKey = `${xf}|${JSON.stringify(change)}`;
    const cached = this.derived.get(cacheKey);
    if (cached !== undefined) return cached;
    const next = this.xf(xf).cloneNode(true) as Element;
    if (change.fill !== undefined) {
      next.setAttribute("fillId", String(this.findOrAdd("fills", this.solidFill(change.fill))));
      next.setAttribute("applyFill", "1");
    }
    if (change.font) {
      const fonts = this.list("fonts", "font");
      const font = (fonts[Number(next.getAttribute("fontId") ?? 0)] ?? fonts[0])?.cloneNode(true) as
        Element | undefined;
      const f = font ?? this.el("font");
      if (change.font.bold !== undefined) {
        for (const b of childrenNamed(f, NS.main, "b")) f.removeChild(b);
        if (change.font.bold) f.insertBefore(this.el("b"), f.firstChild);
      }
      if (change.font.color !== undefined) {
        for (const c of childrenNamed(f, NS.main, "color")) f.removeChild(c);
        if (change.font.color !== null) {
          const before = childrenNamed(f, NS.main, "name")[0] ?? null;
          f.insertBefore(this.el("color", { rgb: argb(change.font.color) }), before);
        }
      }
      next.setAttribute("fontId", String(this.findOrAdd("fonts", f)));
      next.setAttribute("applyFont", "1");
    }
    if (change.numFmt !== undefined) {
      next.setAttribute("numFmtId", String(this.numFmtId(change.numFmt)));
      next.setAttribute("applyNumberFormat", "1");
    }
    const index = this.findOrAdd("cellXfs", next);
    this.derived.set(cacheKey, index);
    return index;
  }

  /** The index here of `other`'s style `xf`: its font, fill, border and number format copied over. */
  importXf(other: StyleBook, xf: number): number {
    const cacheKey = `import|${xf}`;
    const cached = this.derived.get(cacheKey);
    if (cached !== undefined) return cached;
    const src = other.xf(xf);
    const next = this.doc.importNode(src, true) as Element;
    for (const [attribute, local, item] of [
      ["fontId", "fonts", "font"],
      ["fillId", "fills", "fill"],
      ["borderId", "borders", "border"],
    ] as const) {
      const from = other.list(local, item)[Number(src.getAttribute(attribute) ?? 0)];
      if (from)
        next.setAttribute(
          attribute,
          String(this.findOrAdd(local, this.doc.importNode(from, true) as Element)),
        );
    }
    const { id, code } = other.numFmtOf(xf);
    if (id >= 164) next.setAttribute("numFmtId", String(this.numFmtId(code)));
    if (this.list("cellStyleXfs", "xf").length > 0) next.setAttribute("xfId", "0");
    else next.removeAttribute("xfId");
    const index = this.findOrAdd("cellXfs", next);
    this.derived.set(cacheKey, index);
    return index;
  }

  /** The index here of `other`'s differential format `dxf`. */
  importDxf(other: StyleBook, dxf: number): number {
    const from = other.list("dxfs", "dxf")[dxf];
    return from ? this.findOrAdd("dxfs", this.doc.importNode(from, true) as Element) : dxf;
  }

  addDxf(d: Dxf): number {
    const children: Element[] = [];
    if (d.fontColor) children.push(this.el("font", {}, [this.el("color", { rgb: argb(d.fontColor) })]));
    if (d.fill)
      children.push(
        this.el("fill", {}, [
          this.el("patternFill", { patternType: "solid" }, [this.el("bgColor", { rgb: argb(d.fill) })]),
        ]),
      );
    return this.findOrAdd("dxfs", this.el("dxf", {}, children));
  }

  text(): string {
    return serializeXml(this.doc);
  }
}
