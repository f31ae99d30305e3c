// A worksheet part read as text in pieces, as it inflates: the part before sheetData, the rows in blocks of
// whole rows, and the part after. A register of 100,000 rows is never one string: a command that rewrites
// some of its rows holds one block at a time, and what it writes goes to the deflater block by block.

import { PackageError } from "./errors";
import { decoderFor, type Package } from "./opc";

/** Rows are handed over in blocks of about this many characters (whole rows, so a block may be longer). */
const BLOCK = 1 << 20;

export interface SheetHead {
  /** The namespace prefix of the worksheet's elements, with its colon ("" for the default namespace). */
  p: string;
  /** Everything before the sheetData element. */
  head: string;
  /** The sheetData element's start tag. */
  open: string;
  /** The sheetData element is empty (`<sheetData/>`). */
  selfClosed: boolean;
}

export interface SheetVisitor {
  /** Called once, before any rows. */
  head?(head: SheetHead): void;
  /** Each block of whole rows (and what lies between them), in order. */
  rows?(block: string): void;
}

/** The text of a part handed over in byte chunks, decoded as decoderFor says from its first bytes. */
function textChunks(sink: (text: string) => void): { push(chunk: Uint8Array): void; end(): void } {
  let decoder: TextDecoder | undefined;
  let first = new Uint8Array(0);
  const start = (bytes: Uint8Array) => {
    decoder = decoderFor(bytes);
    sink(decoder.decode(bytes, { stream: true }));
  };
  return {
    push(chunk) {
      if (decoder) sink(decoder.decode(chunk, { stream: true }));
      else if (first.length + chunk.length < 2) first = new Uint8Array([...first, ...chunk]);
      else start(first.length === 0 ? chunk : new Uint8Array([...first, ...chunk]));
    },
    end() {
      if (!decoder) start(first);
      sink(decoder!.decode());
    },
  };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");

/**
 * Reads the worksheet `part` of `pkg` as it inflates, handing its head and its rows to `visit`; returns the
 * text after the sheetData element (its tail). A part without a worksheet or sheetData element is damaged.
 */
export function streamSheet(pkg: Package, part: string, visit: SheetVisitor = {}): string {
  let pending = "";
  let state: "head" | "rows" | "tail" = "head";
  let p = "";
  let endTag = "";
  let rowEnd = "";
  let searched = 0;
  let openRe: RegExp | undefined;

  const inHead = () => {
    if (!openRe) {
      const root = /<([A-Za-z_][\w.-]*:)?worksheet[\s/>]/.exec(pending);
      if (!root) return;
      p = root[1] ?? "";
      openRe = new RegExp(`<${escapeRe(p)}sheetData(?=[\\s/>])`);
    }
    const open = openRe.exec(pending);
    if (!open) return;
    const close = pending.indexOf(">", open.index);
    if (close < 0) return;
    const selfClosed = pending[close - 1] === "/";
    visit.head?.({
      p,
      head: pending.slice(0, open.index),
      open: pending.slice(open.index, close + 1),
      selfClosed,
    });
    pending = pending.slice(close + 1);
    endTag = `</${p}sheetData>`;
    rowEnd = `</${p}row>`;
    searched = 0;
    state = selfClosed ? "tail" : "rows";
  };

  /** Hands over pending[0, upTo) in blocks of whole rows of about BLOCK characters; returns where it stopped. */
  const blocks = (upTo: number): number => {
    let at = 0;
    while (upTo - at >= BLOCK) {
      let cut = pending.lastIndexOf(rowEnd, at + BLOCK);
      if (cut < at) cut = pending.indexOf(rowEnd, at + BLOCK);
      if (cut < 0 || cut + rowEnd.length > upTo) break;
      visit.rows?.(pending.slice(at, cut + rowEnd.length));
      at = cut + rowEnd.length;
    }
    return at;
  };

  const inRows = () => {
    const end = pending.indexOf(endTag, searched);
    if (end >= 0) {
      const at = blocks(end);
      if (end > at) visit.rows?.(pending.slice(at, end));
      pending = pending.slice(end + endTag.length);
      state = "tail";
      return;
    }
    pending = pending.slice(blocks(pending.length));
    searched = Math.max(0, pending.length - endTag.length);
  };

  const text = textChunks((t) => {
    if (t === "") return;
    pending += t;
    if (state === "head") inHead();
    if (state === "rows") inRows();
  });
  pkg.stream(part, (chunk) => text.push(chunk));
  text.end();
  if (state === "head")
    throw new PackageError(
      "corrupt",
      openRe ? "文件已损坏（工作表部件没有 sheetData 元素）" : "文件已损坏（工作表部件没有 worksheet 元素）",
    );
  if (state === "rows") throw new PackageError("corrupt", "文件已损坏（工作表部件的 sheetData 元素不完整）");
  return pending;
}
