// The zip container of an .xlsx package: its directory read without inflating anything, a part inflated
// with its declared size as a hard cap (a lying header is a damaged file, not an out-of-memory crash), and
// a writer that copies the compressed bytes of every part it is not given anew.

import { Deflate, deflateSync, Inflate } from "fflate";
import { PackageError } from "./errors";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** The uncompressed size the directory declares. */
  size: number;
  localOffset: number;
  dosTime: number;
  dosDate: number;
  versionMadeBy: number;
  externalAttributes: number;
}

const SIG = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  locator64: 0x07064b50,
};
const STORED = 0;
const DEFLATED = 8;
const UTF8_NAME = 0x0800;
/** Level 3 deflates a 70 MB sheet in half the time of level 6, for a file about a tenth larger. */
const DEFLATE_LEVEL = 3;

const damaged = (why: string) => new PackageError("corrupt", `文件已损坏（${why}）`);

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 2 ** 32;
}

/** The zip's central directory: every part's name, declared sizes and where its data is. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === SIG.end) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged("找不到 zip 目录");
  let count = dv.getUint16(end + 10, true);
  let dirSize = dv.getUint32(end + 12, true);
  let dirOffset = dv.getUint32(end + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || dv.getUint32(locator, true) !== SIG.locator64) throw damaged("zip64 目录定位记录缺失");
    const end64 = u64(dv, locator + 8);
    if (end64 + 56 > bytes.length || dv.getUint32(end64, true) !== SIG.end64)
      throw damaged("zip64 目录记录缺失");
    count = u64(dv, end64 + 32);
    dirSize = u64(dv, end64 + 40);
    dirOffset = u64(dv, end64 + 48);
  }
  if (dirOffset + dirSize > bytes.length) throw damaged("zip 目录超出文件末尾");
  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder("utf-8");
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== SIG.central) throw damaged("zip 目录条目无效");
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const entry: ZipEntry = {
      versionMadeBy: dv.getUint16(p + 4, true),
      flags: dv.getUint16(p + 8, true),
      method: dv.getUint16(p + 10, true),
      dosTime: dv.getUint16(p + 12, true),
      dosDate: dv.getUint16(p + 14, true),
      crc: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      externalAttributes: dv.getUint32(p + 38, true),
      localOffset: dv.getUint32(p + 42, true),
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    readZip64Extra(dv, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets too large for 32 bits are in the zip64 extra field, in this order. */
function readZip64Extra(dv: DataView, start: number, length: number, e: ZipEntry): void {
  for (let q = start; q + 4 <= start + length;) {
    const id = dv.getUint16(q, true);
    const size = dv.getUint16(q + 2, true);
    if (id === 0x0001) {
      let at = q + 4;
      if (e.size === 0xffffffff) [e.size, at] = [u64(dv, at), at + 8];
      if (e.compressedSize === 0xffffffff) [e.compressedSize, at] = [u64(dv, at), at + 8];
      if (e.localOffset === 0xffffffff) e.localOffset = u64(dv, at);
    }
    q += 4 + size;
  }
}

/** The compressed bytes of an entry, found through its local header. */
export function compressedBytes(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const at = e.localOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== SIG.local) throw damaged(`${e.name} 的数据头无效`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.length) throw damaged(`${e.name} 的数据超出文件末尾`);
  return bytes.subarray(start, start + e.compressedSize);
}

/** CRC-32 tables for four bytes at a time (slicing-by-4): table k holds the CRC of a byte followed by k zeros. */
const CRC_TABLES = (() => {
  const t = new Int32Array(1024);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++)
    for (let k = 1; k < 4; k++)
      t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return t;
})();

/** CRC-32 of `data`, continuing from `crc` (0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  const t = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  for (const end = data.length - 3; i < end; i += 4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = t[768 + (c & 0xff)]! ^ t[512 + ((c >>> 8) & 0xff)]! ^ t[256 + ((c >>> 16) & 0xff)]! ^ t[c >>> 24]!;
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

function checkReadable(e: ZipEntry): void {
  if (e.flags & 1)
    throw new PackageError("unsupported", `部件 ${e.name} 已加密：请在 Excel 中取消密码后另存再试`);
  if (e.method !== STORED && e.method !== DEFLATED)
    throw new PackageError("unsupported", `部件 ${e.name} 使用了不支持的压缩方式（${e.method}）`);
}

/** Compressed input is fed in slices, so one step never yields more than about 16 MB of output. */
const FEED = 16 * 1024;

/**
 * Inflates an entry, handing its bytes to `sink` chunk by chunk; more bytes than the directory declares, fewer,
 * or a wrong checksum is a damaged file. Nothing larger than the declared size is ever produced.
 */
export function streamEntry(bytes: Uint8Array, e: ZipEntry, sink: (chunk: Uint8Array) => void): void {
  checkReadable(e);
  const data = compressedBytes(bytes, e);
  let total = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    total += chunk.length;
    if (total > e.size) throw damaged(`${e.name} 解压后比目录记载的 ${e.size} 字节更大`);
    crc = crc32(chunk, crc);
    sink(chunk);
  };
  if (e.method === STORED) take(data);
  else {
    const inflater = new Inflate(take);
    try {
      for (let at = 0; at < data.length; at += FEED)
        inflater.push(data.subarray(at, at + FEED), at + FEED >= data.length);
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof PackageError) throw err;
      throw damaged(`${e.name} 的压缩数据无效`);
    }
  }
  if (total !== e.size) throw damaged(`${e.name} 解压后为 ${total} 字节，目录记载为 ${e.size} 字节`);
  if (crc !== e.crc) throw damaged(`${e.name} 的校验值不符`);
}

/** An entry's uncompressed bytes (at most its declared size). */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const out = new Uint8Array(e.size);
  let at = 0;
  streamEntry(bytes, e, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out;
}

/** A part deflated as it was written: its compressed bytes, the checksum and size of what it holds. */
export interface DeflatedPart {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/**
 * Deflates a part handed over in chunks, so that a large rewritten sheet never exists whole: only its
 * compressed bytes are kept.
 */
export class PartDeflater {
  private readonly chunks: Uint8Array[] = [];
  private crc = 0;
  private size = 0;
  private readonly deflate = new Deflate({ level: DEFLATE_LEVEL }, (chunk) => {
    this.chunks.push(chunk);
  });

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.deflate.push(chunk);
  }

  finish(): DeflatedPart {
    this.deflate.push(new Uint8Array(0), true);
    const deflated = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      deflated.set(c, at);
      at += c.length;
    }
    this.chunks.length = 0;
    return { deflated, crc: this.crc, size: this.size };
  }
}

/** The bytes of a part deflated by PartDeflater. */
export function inflatePart(part: DeflatedPart): Uint8Array {
  const out = new Uint8Array(part.size);
  let at = 0;
  const inflater = new Inflate((chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  inflater.push(part.deflated, true);
  return out;
}

/**
 * A part of the zip to write: new bytes, a part deflated already, or an entry copied compressed from
 * `source`.
 */
export type ZipPart =
  | { name: string; data: Uint8Array; like?: ZipEntry }
  | { name: string; deflated: DeflatedPart; like?: ZipEntry }
  | { name: string; copy: ZipEntry; source: Uint8Array };

function dosNow(): { dosTime: number; dosDate: number } {
  const d = new Date();
  return {
    dosTime: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    dosDate: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** The fields a rewritten part keeps from the entry it replaces (its time, its attributes). */
function entryLike(like: ZipEntry | undefined, now: { dosTime: number; dosDate: number }) {
  return {
    flags: 0,
    localOffset: 0,
    dosTime: like?.dosTime ?? now.dosTime,
    dosDate: like?.dosDate ?? now.dosDate,
    versionMadeBy: like?.versionMadeBy ?? 20,
    externalAttributes: like?.externalAttributes ?? 0,
  };
}

/**
 * Writes a zip of `parts` in their order: copied parts keep their compressed bytes, new ones are deflated
 * (or stored, for a copy that is only read back at once).
 */
export function writeZip(parts: readonly ZipPart[], options: { store?: boolean } = {}): Uint8Array {
  const encoder = new TextEncoder();
  const now = dosNow();
  const records = parts.map((p) => {
    const name = encoder.encode(p.name);
    if ("copy" in p) {
      const e = p.copy;
      checkReadable(e);
      return { name, e, data: compressedBytes(p.source, e) };
    }
    if ("deflated" in p) {
      const { deflated, crc, size } = p.deflated;
      const e: ZipEntry = {
        ...entryLike(p.like, now),
        name: p.name,
        method: DEFLATED,
        crc,
        compressedSize: deflated.length,
        size,
      };
      return { name, e, data: deflated };
    }
    const deflated = options.store ? p.data : deflateSync(p.data, { level: DEFLATE_LEVEL });
    const stored = options.store === true || deflated.length >= p.data.length;
    const e: ZipEntry = {
      name: p.name,
      method: stored ? STORED : DEFLATED,
      crc: crc32(p.data),
      compressedSize: stored ? p.data.length : deflated.length,
      size: p.data.length,
      ...entryLike(p.like, now),
    };
    return { name, e, data: stored ? p.data : deflated };
  });
  let localSize = 0;
  let dirSize = 0;
  for (const r of records) {
    localSize += 30 + r.name.length + r.data.length;
    dirSize += 46 + r.name.length;
  }
  if (localSize + dirSize > 0xfffffff0 || records.length > 0xfffe)
    throw new PackageError("limit", "写出的工作簿超过 4 GB，无法保存");
  const out = new Uint8Array(localSize + dirSize + 22);
  const dv = view(out);
  let p = 0;
  const offsets: number[] = [];
  // The fields both headers share, from "version needed" to the name's length; sizes are always known here,
  // so no data descriptor follows the data.
  const shared = (at: number, e: ZipEntry, compressed: number, nameLength: number) => {
    dv.setUint16(at, 20, true);
    dv.setUint16(at + 2, (e.flags & ~0x0008) | UTF8_NAME, true);
    dv.setUint16(at + 4, e.method, true);
    dv.setUint16(at + 6, e.dosTime, true);
    dv.setUint16(at + 8, e.dosDate, true);
    dv.setUint32(at + 10, e.crc, true);
    dv.setUint32(at + 14, compressed, true);
    dv.setUint32(at + 18, e.size, true);
    dv.setUint16(at + 22, nameLength, true);
  };
  for (const { name, e, data } of records) {
    offsets.push(p);
    dv.setUint32(p, SIG.local, true);
    shared(p + 4, e, data.length, name.length);
    out.set(name, p + 30);
    out.set(data, p + 30 + name.length);
    p += 30 + name.length + data.length;
  }
  const dirStart = p;
  records.forEach(({ name, e, data }, i) => {
    dv.setUint32(p, SIG.central, true);
    dv.setUint16(p + 4, e.versionMadeBy, true);
    shared(p + 6, e, data.length, name.length);
    dv.setUint32(p + 38, e.externalAttributes, true);
    dv.setUint32(p + 42, offsets[i]!, true);
    out.set(name, p + 46);
    p += 46 + name.length;
  });
  dv.setUint32(p, SIG.end, true);
  dv.setUint16(p + 8, records.length, true);
  dv.setUint16(p + 10, records.length, true);
  dv.setUint32(p + 12, p - dirStart, true);
  dv.setUint32(p + 16, dirStart, true);
  return out;
}
