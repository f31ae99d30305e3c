// An Open Packaging Conventions package (the .xlsx zip) as parts: each part is read only when asked for,
// changed parts are replaced, and every other part is written back exactly as its compressed bytes were.

import type { Document, Element } from "@xmldom/xmldom";
import { PackageError } from "./errors";
import { childrenNamed, NS, parseXml, serializeXml } from "./xml";
import {
  inflateEntry,
  inflatePart,
  readZip,
  streamEntry,
  writeZip,
  type DeflatedPart,
  type ZipEntry,
  type ZipPart,
} from "./zip";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const CONTENT_TYPES = "[Content_Types].xml";

const key = (name: string) => name.replace(/^\/+/, "").toLowerCase();

/** A part's folder ("xl/" for "xl/workbook.xml"). */
export const folderOf = (part: string) => part.slice(0, part.lastIndexOf("/") + 1);

/** The part holding the relationships of `part`. */
export const relsPartOf = (part: string) =>
  `${folderOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** The part a relationship target of `source` names: relative to the source's folder, or absolute. */
export function resolveTarget(source: string, target: string): string {
  // A backslash, as some Windows tools write targets, separates folders as a slash does.
  const raw = target.trim().replace(/\\/g, "/").split("#")[0]!;
  const path = raw.startsWith("/") ? raw.slice(1) : folderOf(source) + raw;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return decodeURIComponentSafe(out.join("/"));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A target for `part` written relative to `source`'s folder, as Excel writes them. */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Text of a part's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark. */
export function decodePart(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder("utf-8").decode(bytes.subarray(start));
}

/** A part's text, its XML declaration (if it names another encoding) saying UTF-8. */
export const declaredUtf8 = (text: string) =>
  text.replace(/^(<\?xml[^>]*encoding=["'])[^"']*(["'])/, "$1UTF-8$2");

/** A decoder for a part whose first bytes are `head`: UTF-16 where its byte-order mark says so, else UTF-8. */
export const decoderFor = (head: Uint8Array) =>
  new TextDecoder(
    head[0] === 0xff && head[1] === 0xfe
      ? "utf-16le"
      : head[0] === 0xfe && head[1] === 0xff
        ? "utf-16be"
        : "utf-8",
    { ignoreBOM: false },
  );

/** UTF-8 bytes of a part's text; an XML declaration naming another encoding is corrected. */
export function encodePart(text: string): Uint8Array {
  return new TextEncoder().encode(declaredUtf8(text));
}

export class Package {
  private readonly entries = new Map<string, ZipEntry>();
  /** Part names in the zip's order, then added parts. */
  private readonly order: string[] = [];
  private readonly replaced = new Map<string, Uint8Array | DeflatedPart>();
  private readonly removed = new Set<string>();
  private types: Document | undefined;

  constructor(readonly source: Uint8Array) {
    for (const e of readZip(source)) {
      // Some Windows tools write part names with backslashes; the package's names use slashes.
      e.name = e.name.replace(/\\/g, "/");
      if (e.name.endsWith("/")) continue;
      if (this.entries.has(key(e.name)))
        throw new PackageError("corrupt", `文件已损坏（部件 ${e.name} 重复出现）`);
      this.entries.set(key(e.name), e);
      this.order.push(e.name);
    }
    if (!this.has(CONTENT_TYPES))
      throw new PackageError("corrupt", "不是 Excel 工作簿（缺少 [Content_Types].xml）");
  }

  /** Every part with its declared uncompressed size. */
  listParts(): { name: string; size: number; entry?: ZipEntry }[] {
    return this.order
      .filter((n) => !this.removed.has(key(n)))
      .map((name) => {
        const entry = this.entries.get(key(name));
        const data = this.replaced.get(key(name));
        if (!data) return { name, size: entry!.size, entry };
        return { name, size: data instanceof Uint8Array ? data.length : data.size };
      });
  }

  has(name: string): boolean {
    const k = key(name);
    return !this.removed.has(k) && (this.replaced.has(k) || this.entries.has(k));
  }

  /** The part's name as the zip spells it. */
  nameOf(name: string): string {
    return this.order.find((n) => key(n) === key(name)) ?? name;
  }

  entry(name: string): ZipEntry | undefined {
    const k = key(name);
    return this.replaced.has(k) || this.removed.has(k) ? undefined : this.entries.get(k);
  }

  bytes(name: string): Uint8Array {
    const k = key(name);
    if (this.removed.has(k)) throw new Error(`part ${name} was removed`);
    const data = this.replaced.get(k);
    if (data) return data instanceof Uint8Array ? data : inflatePart(data);
    const e = this.entries.get(k);
    if (!e) throw new PackageError("corrupt", `文件已损坏（缺少部件 ${name}）`);
    return inflateEntry(this.source, e);
  }

  /** Hands the part's bytes to `sink` chunk by chunk, as they inflate: a large part is never whole. */
  stream(name: string, sink: (chunk: Uint8Array) => void): void {
    const k = key(name);
    const data = this.replaced.get(k);
    if (!data && !this.removed.has(k) && this.entries.has(k))
      streamEntry(this.source, this.entries.get(k)!, sink);
    else sink(this.bytes(name));
  }

  text(name: string): string {
    return decodePart(this.bytes(name));
  }

  xml(name: string): Document {
    return parseXml(this.text(name), name);
  }

  setBytes(name: string, data: Uint8Array | DeflatedPart): void {
    const k = key(name);
    this.removed.delete(k);
    this.replaced.set(k, data);
    if (!this.order.some((n) => key(n) === k)) this.order.push(name.replace(/^\/+/, ""));
  }

  setText(name: string, text: string): void {
    this.setBytes(name, encodePart(text));
  }

  remove(name: string): void {
    this.removed.add(key(name));
    this.replaced.delete(key(name));
  }

  /** The relationships of `part` (none when it has no .rels part). */
  rels(part: string): Relationship[] {
    const relsPart = relsPartOf(part);
    if (!this.has(relsPart)) return [];
    const root = this.xml(relsPart).documentElement!;
    return childrenNamed(root, NS.pkgRel, "Relationship").map((r) => ({
      id: r.getAttribute("Id") ?? "",
      type: r.getAttribute("Type") ?? "",
      target: r.getAttribute("Target") ?? "",
      external: r.getAttribute("TargetMode") === "External",
    }));
  }

  /** The internal parts `part` points to, with their relationships. */
  related(part: string): (Relationship & { part: string })[] {
    return this.rels(part)
      .filter((r) => !r.external)
      .map((r) => ({ ...r, part: resolveTarget(part, r.target) }));
  }

  /** Edits the relationships part of `part` through its DOM. */
  editRels(part: string, edit: (doc: Document, root: Element) => void): void {
    const relsPart = relsPartOf(part);
    const doc = this.has(relsPart)
      ? this.xml(relsPart)
      : parseXml(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"/>`,
          relsPart,
        );
    edit(doc, doc.documentElement!);
    this.setText(this.has(relsPart) ? this.nameOf(relsPart) : relsPart, serializeXml(doc));
  }

  /** Adds a relationship from `part` to `target` (a part name) and returns its new id. */
  addRel(part: string, type: string, target: string): string {
    const taken = new Set(this.rels(part).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.editRels(part, (doc, root) => {
      const r = doc.createElementNS(NS.pkgRel, root.prefix ? `${root.prefix}:Relationship` : "Relationship");
      r.setAttribute("Id", id);
      r.setAttribute("Type", type);
      r.setAttribute("Target", relativeTarget(part, target));
      root.appendChild(r);
    });
    return id;
  }

  /** Removes the relationships of `part` that `drop` selects. */
  removeRels(part: string, drop: (r: Relationship) => boolean): void {
    this.editRels(part, (_doc, root) => {
      for (const el of childrenNamed(root, NS.pkgRel, "Relationship")) {
        const r = {
          id: el.getAttribute("Id") ?? "",
          type: el.getAttribute("Type") ?? "",
          target: el.getAttribute("Target") ?? "",
          external: el.getAttribute("TargetMode") === "External",
        };
        if (drop(r)) root.removeChild(el);
      }
    });
  }

  private contentTypes(): Document {
    this.types ??= this.xml(CONTENT_TYPES);
    return this.types;
  }

  /** The content type of a part: its override, else the default for its extension. */
  contentType(part: string): string | undefined {
    const root = this.contentTypes().documentElement!;
    const name = `/${key(part)}`;
    const override = childrenNamed(root, NS.types, "Override").find(
      (o) => (o.getAttribute("PartName") ?? "").toLowerCase() === name,
    );
    if (override) return override.getAttribute("ContentType") ?? undefined;
    const ext = name.slice(name.lastIndexOf(".") + 1);
    return (
      childrenNamed(root, NS.types, "Default")
        .find((d) => (d.getAttribute("Extension") ?? "").toLowerCase() === ext)
        ?.getAttribute("ContentType") ?? undefined
    );
  }

  setContentType(part: string, type: string | undefined): void {
    const doc = this.contentTypes();
    const root = doc.documentElement!;
    const name = `/${key(part)}`;
    for (const o of childrenNamed(root, NS.types, "Override"))
      if ((o.getAttribute("PartName") ?? "").toLowerCase() === name) root.removeChild(o);
    if (type !== undefined) {
      const o = doc.createElementNS(NS.types, root.prefix ? `${root.prefix}:Override` : "Override");
      o.setAttribute("PartName", `/${part.replace(/^\/+/, "")}`);
      o.setAttribute("ContentType", type);
      root.appendChild(o);
    }
    this.setText(this.nameOf(CONTENT_TYPES), serializeXml(doc));
  }

  /** A new part name `${stem}${n}${ext}` not yet taken (case-insensitively). */
  freeName(stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${ext}`;
      if (!this.has(name) && !this.entries.has(key(name))) return name;
    }
  }

  /** The zip: unchanged parts copied compressed as they were, changed and new parts deflated. */
  toBytes(): Uint8Array {
    const parts: ZipPart[] = [];
    for (const name of this.order) {
      const k = key(name);
      if (this.removed.has(k)) continue;
      const data = this.replaced.get(k);
      const e = this.entries.get(k);
      if (data instanceof Uint8Array) parts.push({ name, data, like: e });
      else if (data) parts.push({ name, deflated: data, like: e });
      else parts.push({ name, copy: e!, source: this.source });
    }
    return writeZip(parts);
  }
}
