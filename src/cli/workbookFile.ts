// The CLI's view of a register workbook on disk: open it, analyse it, and write results where asked —
// never into the input file unless --in-place was given. A command that writes records its changes on
// `opened.patch` (new sheets through placeLayout, cells, formats) and calls saveChanges: the file is patched,
// so everything in it the command did not change is kept as it was.

import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import type { ProfileId } from "../core/profiles";
import { STAMP_SHEET } from "../core/stamp";
import { nodeReadLimits, readWorkbookFile, writeWorkbookBytes, type FileSnapshot } from "../xlsx/io";
import { WorkbookFileError } from "../xlsx/parse";
import {
  openWorkbookBytes,
  patchedBytes,
  type OpenedWorkbook as OpenedBytes,
} from "../xlsx/workbookCommands";
import { UsageError } from "./args";
import type { Io } from "./commands";

export {
  InvalidWorkbookError,
  patchedBytes,
  patchStatus,
  placeLayout,
  requireRegister,
} from "../xlsx/workbookCommands";

/** A workbook file read from disk, with what an in-place write checks it against. */
export type OpenedWorkbook = OpenedBytes<FileSnapshot>;

/** Opens `source` (a file as read, or bytes about to become one). */
export function openSnapshot(source: FileSnapshot, profileId?: ProfileId): Promise<OpenedWorkbook> {
  return openWorkbookBytes(source, { profileId, limits: nodeReadLimits() });
}

export async function openRegisterWorkbook(file: string, profileId?: ProfileId): Promise<OpenedWorkbook> {
  return openSnapshot(await readWorkbookFile(file), profileId);
}

const samePath = (a: string, b: string) => {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
};

/** A file the command would write over is kept unless --force says otherwise. */
export function refuseExisting(file: string, force: boolean | undefined): void {
  if (!force && existsSync(file)) throw new UsageError(`文件 ${file} 已存在，未覆盖（确需覆盖请加 --force）`);
}

/**
 * Where a command that changes the workbook writes: -o OUT (an existing file only with `force`), or the
 * input itself with --in-place.
 */
export function outputTarget(
  input: string,
  output: string | undefined,
  inPlace: boolean | undefined,
  force?: boolean,
): string | undefined {
  if (output !== undefined && inPlace) throw new UsageError("-o 与 --in-place 不能同时使用");
  if (output !== undefined) {
    if (samePath(output, input)) {
      throw new UsageError("输出文件与输入文件相同：如确需修改原文件，请使用 --in-place");
    }
    if (!output.toLowerCase().endsWith(".xlsx")) throw new UsageError("输出文件应为 .xlsx 文件");
    refuseExisting(output, force);
    return output;
  }
  return inPlace ? input : undefined;
}

/** The output of a command that always writes: -o OUT or --in-place is required. */
export function requiredOutput(
  input: string,
  output: string | undefined,
  inPlace: boolean | undefined,
  force?: boolean,
): string {
  const target = outputTarget(input, output, inPlace, force);
  if (!target) throw new UsageError("请用 -o 指定输出文件（或用 --in-place 写入原文件）");
  return target;
}

/**
 * Writes the patched workbook to `target`; in place, only when the file is still as `read` (the file as
 * the command read it) was. A replaced sheet's attachments (a picture someone put on a generated form) are
 * never dropped from the file itself: in place the write is refused, naming them; into another file they
 * are left out with a notice, the original keeping them.
 */
export async function saveChanges(
  opened: OpenedWorkbook,
  target: string,
  io: Io,
  read: FileSnapshot = opened.source,
): Promise<void> {
  const inPlace = samePath(target, read.file);
  const losses = opened.patch.losses();
  if (losses.length > 0) {
    const what = losses
      .map((l) => `工作表“${l.sheet}”中本工具之外添加的内容（${l.parts.join("、")}）`)
      .join("；");
    if (inPlace)
      throw new WorkbookFileError(
        `未写入 ${target}：--replace 会丢失${what}。请去掉 --replace 另建新表，或用 -o 写入新文件（新文件中不含这些内容，原文件保持不变）`,
      );
    io.err(`注意：--replace 替换后，${what}没有写入 ${target}；原文件 ${read.file} 中仍保留`);
  }
  const bytes = await patchedBytes(opened, target);
  await writeWorkbookBytes(target, bytes, { unchangedSince: inPlace ? read : undefined });
}

/** A stamped workbook written into no longer verifies: said after writing, as a notice. */
export function warnIfStamped(opened: OpenedWorkbook, target: string, what: string, io: Io): void {
  if (opened.grids.sheet(STAMP_SHEET))
    io.err(
      `注意：该工作簿已报送盖章；${target} 中写入了${what}，其“${STAMP_SHEET}”不再核验通过，不宜作为报送文件。`,
    );
}
