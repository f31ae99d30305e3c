// The CLI's view of a register workbook on disk: open it, analyse it, and write results where asked —
// never into the input file unless --in-place was given. A command that writes records its changes on
// `opened.patch` (new sheets through placeLayout, cells, formats) and calls saveChanges: the file is patched,
// so everything in it the command did not change is kept as it was.

import type ExcelJS from "exceljs";
import { realpathSync } from "node:fs";
import path from "node:path";
import type { DateSerial } from "../core/dates";
import type { Grid } from "../core/grid";
import type { Issue } from "../core/issues";
import type { ProfileId } from "../core/profiles";
import { REGISTER_COLUMNS, REGISTER_SHEET } from "../core/register";
import { readHeader } from "../core/table";
import { loadWorkbook, workbookStatus, type LoadedWorkbook, type WorkbookGrids } from "../core/workbook";
import { uniqueSheetName, type SheetLayout } from "../forms/layout";
import { nodeReadLimits, readWorkbookFile, writeWorkbookBytes, type FileSnapshot } from "../xlsx/io";
import { PackageError } from "../xlsx/package/errors";
import { WorkbookPatch } from "../xlsx/package/patch";
import { fileError, parseXlsx, workbookGrids, WorkbookFileError } from "../xlsx/parse";
import { patchStatusColumns } from "../xlsx/statusColumns";
import { UsageError } from "./args";
import type { Io } from "./commands";

export interface OpenedWorkbook {
  file: string;
  /** The file as read: its bytes are what the patch starts from. */
  source: FileSnapshot;
  wb: ExcelJS.Workbook;
  loaded: LoadedWorkbook;
  grids: WorkbookGrids;
  /** The changes the command makes, written by saveChanges. */
  readonly patch: WorkbookPatch;
}

/** A register the command cannot work without: it names its problems, and the command exits 1. */
export class InvalidWorkbookError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map((i) => i.message).join("；"));
  }
}

/** Opens `source` (a file as read, or bytes about to become one). */
export async function openSnapshot(source: FileSnapshot, profileId?: ProfileId): Promise<OpenedWorkbook> {
  const wb = await parseXlsx(source.bytes, source.file, nodeReadLimits());
  const grids = workbookGrids(wb);
  let patch: WorkbookPatch | undefined;
  return {
    file: source.file,
    source,
    wb,
    grids,
    loaded: loadWorkbook(grids, { profileId }),
    get patch() {
      if (!patch) {
        try {
          patch = new WorkbookPatch(source.bytes);
        } catch (err) {
          throw err instanceof PackageError ? fileError(err, source.file) : err;
        }
      }
      return patch;
    },
  };
}

export async function openRegisterWorkbook(file: string, profileId?: ProfileId): Promise<OpenedWorkbook> {
  return openSnapshot(await readWorkbookFile(file), profileId);
}

/**
 * The register must be there with its required columns for commands that work on it: a workbook without
 * is refused (exit 2 without the sheet, exit 1 naming the missing columns) rather than read as empty.
 */
export function requireRegister(opened: OpenedWorkbook): Grid {
  const grid = opened.grids.sheet(REGISTER_SHEET);
  if (!grid) throw new UsageError(`工作簿 ${opened.file} 中没有“${REGISTER_SHEET}”工作表`);
  const headers = opened.loaded.readIssues.filter(
    (i) => i.sheet === REGISTER_SHEET && i.code === "sheet.headers",
  );
  if (headers.length > 0) throw new InvalidWorkbookError(headers);
  return grid;
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

/** Where a command that changes the workbook writes: -o OUT, or the input itself with --in-place. */
export function outputTarget(
  input: string,
  output: string | undefined,
  inPlace: boolean | undefined,
): string | undefined {
  if (output !== undefined && inPlace) throw new UsageError("-o 与 --in-place 不能同时使用");
  if (output !== undefined) {
    if (samePath(output, input)) {
      throw new UsageError("输出文件与输入文件相同：如确需修改原文件，请使用 --in-place");
    }
    if (!output.toLowerCase().endsWith(".xlsx")) throw new UsageError("输出文件应为 .xlsx 文件");
    return output;
  }
  return inPlace ? input : undefined;
}

/** The output of a command that always writes: -o OUT or --in-place is required. */
export function requiredOutput(
  input: string,
  output: string | undefined,
  inPlace: boolean | undefined,
): string {
  const target = outputTarget(input, output, inPlace);
  if (!target) throw new UsageError("请用 -o 指定输出文件（或用 --in-place 写入原文件）");
  return target;
}

/**
 * Adds `layout` as a new sheet. A sheet of the same name is replaced (in its place) only when asked and only
 * when `replaceable` says it holds nothing typed; otherwise the new sheet gets the next free numbered name.
 */
export function placeLayout(
  opened: OpenedWorkbook,
  layout: SheetLayout,
  replace: boolean,
  replaceable: (grid: Grid) => boolean,
): string {
  const patch = opened.patch;
  if (replace && patch.sheetNames().includes(layout.name)) {
    const grid = opened.grids.sheet(layout.name);
    if (!grid || !replaceable(grid))
      throw new UsageError(`工作表“${layout.name}”中有手工录入的内容，不能替换；请去掉 --replace 另建新表`);
    patch.replaceSheet(layout);
    return layout.name;
  }
  const name = uniqueSheetName(layout.name, patch.sheetNames());
  patch.addSheet({ ...layout, name });
  return name;
}

/** The patched workbook's bytes; a change that would lose something is refused, naming it. */
export async function patchedBytes(opened: OpenedWorkbook, target: string): Promise<Uint8Array> {
  try {
    return await opened.patch.apply();
  } catch (err) {
    throw err instanceof PackageError ? new WorkbookFileError(`未写入 ${target}：${err.message}`) : err;
  }
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

/** Records the computed status columns of the register on the patch. */
export function patchStatus(opened: OpenedWorkbook, asOf: DateSerial): void {
  const grid = requireRegister(opened);
  const { headerRow } = readHeader(grid, REGISTER_COLUMNS);
  patchStatusColumns(opened.patch, grid, headerRow, workbookStatus(opened.loaded, asOf));
}
