// One part of the package read as a stream of XML events: inflated chunk by chunk, decoded, and parsed with
// saxes, so a register of 100,000 rows is never held as one string or one DOM. Element names reach the
// handler without their namespace prefix (`x:row` → `row`), as some tools write the spreadsheet namespace
// under a prefix.

import { SaxesParser, type SaxesTagPlain } from "saxes";
import { PackageError } from "../package/errors";
import { decoderFor } from "../package/opc";
import { streamEntry, type ZipEntry } from "../package/zip";

export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>, selfClosing: boolean): void;
  text(text: string): void;
  close(name: string): void;
}

export { decoderFor };

const localNames = new Map<string, string>();

/** `x:row` → `row`; names are few, so each is worked out once. */
export function localName(name: string): string {
  let local = localNames.get(name);
  if (local === undefined) {
    const colon = name.indexOf(":");
    local = colon < 0 ? name : name.slice(colon + 1);
    localNames.set(name, local);
  }
  return local;
}

/** Streams the entry `entry` of the package `bytes` through `handler`; bad XML is a damaged part. */
export function streamXml(bytes: Uint8Array, entry: ZipEntry, handler: XmlHandler): void {
  const parser = new SaxesParser({ position: false, xmlns: false });
  let failure: Error | undefined;
  parser.on("opentag", (tag: SaxesTagPlain) =>
    handler.open(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing),
  );
  parser.on("text", (text) => handler.text(text));
  parser.on("cdata", (text) => handler.text(text));
  parser.on("closetag", (tag: SaxesTagPlain) => handler.close(localName(tag.name)));
  parser.on("error", (err) => {
    failure ??= err;
  });
  let decoder: TextDecoder | undefined;
  streamEntry(bytes, entry, (chunk) => {
    decoder ??= decoderFor(chunk);
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw damagedXml(entry);
  });
  parser.write((decoder ?? new TextDecoder()).decode());
  parser.close();
  if (failure) throw damagedXml(entry);
}

const damagedXml = (entry: ZipEntry) => new PackageError("corrupt", `部件 ${entry.name} 的 XML 内容无效`);
