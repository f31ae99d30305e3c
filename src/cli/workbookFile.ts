// The CLI's view of a register workbook on disk: open it, analyse it, and write results where asked —
// never into the input file unless --in-place was given. A command that writes records its changes on
// `opened.patch` (new sheets through placeLayout, cells, formats) and calls saveChanges: the file is patched,
// so everything in it the command did not change is kept as it was. Every command takes its output options
// (-o, --force, --in-place, --as-of, --profile) and prints its result (--json or text) through the helpers here.

import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import type { Issue } from "../core/issues";
import type { ProfileId } from "../core/profiles";
import { STAMP_SHEET } from "../core/stamp";
import { nodeReadLimits, readWorkbookFile, writeWorkbookBytes, type FileSnapshot } from "../xlsx/io";
import { WorkbookFileError } from "../xlsx/parse";
import {
  openWorkbookBytes,
  patchedBytes,
  requireRegister,
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

/** The options through which a command is told where to write (-o OUT, --force to write over a file). */
export const OUTPUT_OPTIONS = {
  output: { type: "string", short: "o" },
  force: { type: "boolean" },
} as const;

/** A command that may write into the workbook it read takes --in-place too. */
export const IN_PLACE_OPTIONS = { ...OUTPUT_OPTIONS, "in-place": { type: "boolean" } } as const;

/** The day a command counts at, and the profile that overrides the workbook's own. */
export const AS_OF_OPTION = { "as-of": { type: "string" } } as const;
export const PROFILE_OPTION = { profile: { type: "string" } } as const;

/**
 * The parsed options under the names the commands' argument schemas use: `o` (-o), `inPlace`, `asOf`
 * (checked by asOfArg), `force`, and every other option as parsed.
 */
export function optionValues<
  V extends { output?: string; force?: boolean; "in-place"?: boolean; "as-of"?: string },
>(values: V) {
  return {
    ...values,
    o: values.output,
    inPlace: values["in-place"],
    asOf: values["as-of"],
    force: values.force,
  };
}

/** A command's result on standard output: `value` as JSON with --json, else the text `text` gives. */
export function printResult(
  io: Io,
  json: boolean | undefined,
  value: unknown,
  text: () => string | readonly string[],
): void {
  if (json) {
    io.out(JSON.stringify(value, null, 2));
    return;
  }
  const said = text();
  for (const line of typeof said === "string" ? [said] : said) io.out(line);
}

/** What a JSON result adds when the command wrote a sheet into a file: the file and the sheet. */
export const written = (target: string | undefined, sheet: string) => (target ? { file: target, sheet } : {});

/**
 * What the workbook's checks noticed but the command would otherwise not say: unread columns, merged rows, a
 * year whose rest days no calendar knows.
 */
export function printReadWarnings(issues: readonly Issue[], io: Io): void {
  for (const i of issues)
    if (i.code === "sheet.nearHeader" || i.code === "sheet.mergedRows" || i.code === "restDays.unknownYear")
      io.err(`警告：${i.sheet}${i.cell ? `!${i.cell}` : ""} ${i.message}`);
}

/**
 * Opens the workbook a command reads and says (on standard error) what reading it noticed; a workbook without
 * the register is refused unless `register` is false.
 */
export async function openForCommand(
  file: string,
  io: Io,
  options: { profile?: ProfileId; register?: boolean } = {},
): Promise<OpenedWorkbook> {
  const opened = await openRegisterWorkbook(file, options.profile);
  if (options.register ?? true) requireRegister(opened);
  printReadWarnings(opened.loaded.readIssues, io);
  return opened;
}

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
