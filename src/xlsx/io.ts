// Workbook files on disk. Reading keeps what the file was (bytes, size, time, mode) so a write in place can
// tell that somebody else changed it meanwhile, and refuse. Writing goes to a temporary file beside the
// target, which takes the target's permissions, and is renamed over it (through a symlink, onto the file it
// points to); the temporary file is removed on failure, on Ctrl-C or kill, and by the next write when a
// killed process left one behind.

import type ExcelJS from "exceljs";
import { unlinkSync, type Stats } from "node:fs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { getHeapStatistics } from "node:v8";
import { DEFAULT_LIMITS, MEMORY_PER_EXPANDED_BYTE, type ReadLimits } from "./package/limits";
import { readWorkbook, WorkbookFileError, type ReadWorkbook } from "./parse";

export { WorkbookFileError };

/** A file as it was read. */
export interface FileSnapshot {
  file: string;
  bytes: Uint8Array;
  size: number;
  mtimeMs: number;
  ino: number;
}

const REASONS: Record<string, string> = {
  ENOENT: "文件或目录不存在",
  EACCES: "没有权限",
  EPERM: "操作不被允许",
  EISDIR: "这是一个目录",
  ENOTDIR: "路径中有一段不是目录",
  EEXIST: "路径中有一段是已有的文件，不是目录",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "磁盘配额已用完",
  EROFS: "文件系统是只读的",
  EBUSY: "文件正被其他程序占用",
  ETXTBSY: "文件正被其他程序占用",
  EMFILE: "打开的文件过多",
  ENAMETOOLONG: "文件名过长",
  ELOOP: "符号链接循环",
  EIO: "磁盘读写错误",
};

/** A file-system error in Chinese, without the temporary file's name or Node's English text. */
export function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code ? (REASONS[code] ?? `系统错误 ${code}`) : "系统错误";
}

/** The limits reading must stay within in this process: the size budget follows Node's heap. */
export function nodeReadLimits(): ReadLimits {
  return {
    ...DEFAULT_LIMITS,
    maxTotalBytes: Math.floor(getHeapStatistics().heap_size_limit / MEMORY_PER_EXPANDED_BYTE),
    memoryHint: "可设置环境变量 NODE_OPTIONS=--max-old-space-size=8192 给本工具更多内存后重试",
  };
}

/** The file's bytes and what it was; a missing or unreadable file is a WorkbookFileError naming it. */
export async function readWorkbookFile(file: string): Promise<FileSnapshot> {
  try {
    const handle = await fs.open(file, "r");
    try {
      const st = await handle.stat();
      if (st.isDirectory()) throw Object.assign(new Error("directory"), { code: "EISDIR" });
      const bytes = new Uint8Array(await handle.readFile());
      return { file, bytes, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new WorkbookFileError(
      code === "ENOENT" ? `找不到文件：${file}` : `无法读取文件 ${file}（${reason(err)}）`,
    );
  }
}

/** The file's bytes; a missing or unreadable file is a WorkbookFileError naming it. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  return (await readWorkbookFile(file)).bytes;
}

export async function openWorkbook(file: string): Promise<ReadWorkbook> {
  return readWorkbook((await readWorkbookFile(file)).bytes, file, nodeReadLimits());
}

// ---- writing ----

const liveTemps = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function removeTempsAndDie(signal: NodeJS.Signals): void {
  for (const t of liveTemps) {
    try {
      unlinkSync(t);
    } catch {
      // Already gone.
    }
  }
  liveTemps.clear();
  for (const s of SIGNALS) process.removeListener(s, removeTempsAndDie);
  process.kill(process.pid, signal);
}

/** Keeps `tmp` on the list of files removed if the process is interrupted; returns its release. */
function holdTemp(tmp: string): () => void {
  if (liveTemps.size === 0) for (const s of SIGNALS) process.on(s, removeTempsAndDie);
  liveTemps.add(tmp);
  return () => {
    liveTemps.delete(tmp);
    if (liveTemps.size === 0) for (const s of SIGNALS) process.removeListener(s, removeTempsAndDie);
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The temporary file a process writes `base` through. */
const tempName = (base: string, pid: number) => `.${base}.${pid}.tmp`;

/** Removes temporary files of `base` left in `dir` by processes that no longer run. */
async function sweepStaleTemps(dir: string, base: string): Promise<void> {
  const prefix = `.${base}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length, -".tmp".length));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid))
      await fs.rm(path.join(dir, name), { force: true });
  }
}

/** Where writing `file` really goes: through symlinks to the file they point to. */
async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    try {
      const link = await fs.readlink(file);
      return path.resolve(path.dirname(file), link);
    } catch {
      return path.resolve(file);
    }
  }
}

async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(file);
  } catch {
    return undefined;
  }
}

/** Whether the file on disk is still exactly what was read. */
async function unchanged(real: string, read: FileSnapshot): Promise<boolean> {
  const st = await statOrUndefined(real);
  if (!st || st.size !== read.size || st.mtimeMs !== read.mtimeMs || st.ino !== read.ino) return false;
  return Buffer.compare(await fs.readFile(real), read.bytes) === 0;
}

export interface WriteOptions {
  /** For a write in place: the file as it was read; refused when it has changed since. */
  unchangedSince?: FileSnapshot;
}

/**
 * Writes `bytes` to `file` through a temporary file renamed over it. An existing file keeps its permissions
 * (and owner, where allowed); a symlink keeps pointing at the file, which gets the new content.
 */
export async function writeWorkbookBytes(
  file: string,
  bytes: Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const real = await realTarget(file);
  const dir = path.dirname(real);
  const tmp = path.join(dir, tempName(path.basename(real), process.pid));
  let release: (() => void) | undefined;
  try {
    await fs.mkdir(dir, { recursive: true });
    await sweepStaleTemps(dir, path.basename(real));
    const before = await statOrUndefined(real);
    // Excel and WPS refuse to save over a read-only file; so does a write in place.
    if (options.unchangedSince && before && (before.mode & 0o222) === 0)
      throw new WorkbookFileError(
        `文件 ${file} 是只读的，未写入。如确需修改，请先取消它的只读属性（chmod u+w），或用 -o 写入新文件`,
      );
    release = holdTemp(tmp);
    const handle = await fs.open(tmp, "w");
    try {
      await handle.writeFile(bytes);
      if (before) {
        await handle.chmod(before.mode & 0o7777);
        await handle.chown(before.uid, before.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.unchangedSince && !(await unchanged(real, options.unchangedSince))) {
      throw new WorkbookFileError(
        `文件 ${file} 在本命令读取之后被修改过（可能有其他程序或命令同时在写它）；为免覆盖那次修改，未写入。请重新运行本命令`,
      );
    }
    await fs.rename(tmp, real);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof WorkbookFileError) throw err;
    throw new WorkbookFileError(`无法写入文件 ${file}（${reason(err)}）`);
  } finally {
    release?.();
  }
}

/** Saves a workbook made by ExcelJS (a new file: init, demo, consolidate). */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  await writeWorkbookBytes(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}
