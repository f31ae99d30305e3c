// The CLI's view of a register workbook on disk: open it, analyse it, and write results where asked —
// never into the input file unless --in-place was given.

import type ExcelJS from "exceljs";
import path from "node:path";
import type { DateSerial } from "../core/dates";
import type { ProfileId } from "../core/profiles";
import { REGISTER_SHEET } from "../core/register";
import { loadWorkbook, workbookStatus, type LoadedWorkbook } from "../core/workbook";
import { openWorkbook, saveWorkbook, workbookGrids } from "../xlsx/io";
import { writeStatusColumns } from "../xlsx/statusColumns";
import { readTable } from "../core/table";
import { REGISTER_COLUMNS } from "../core/register";
import { UsageError } from "./args";

export interface OpenedWorkbook {
  file: string;
  wb: ExcelJS.Workbook;
  loaded: LoadedWorkbook;
  grids: ReturnType<typeof workbookGrids>;
}

export async function openRegisterWorkbook(file: string, profileId?: ProfileId): Promise<OpenedWorkbook> {
  const wb = await openWorkbook(file);
  const grids = workbookGrids(wb);
  return { file, wb, grids, loaded: loadWorkbook(grids, { profileId }) };
}

/** Where a command that changes the workbook writes: -o OUT, or the input itself with --in-place. */
export function outputTarget(
  input: string,
  output: string | undefined,
  inPlace: boolean | undefined,
): string | undefined {
  if (output !== undefined && inPlace) throw new UsageError("-o 与 --in-place 不能同时使用");
  if (output !== undefined) {
    if (path.resolve(output) === path.resolve(input)) {
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

/** Writes the computed status columns into the register sheet and saves to `target`. */
export async function saveWithStatus(
  opened: OpenedWorkbook,
  asOf: DateSerial,
  target: string,
): Promise<void> {
  const ws = opened.wb.getWorksheet(REGISTER_SHEET);
  const grid = opened.grids.sheet(REGISTER_SHEET);
  if (!ws || !grid) throw new UsageError(`工作簿中没有“${REGISTER_SHEET}”工作表，无法写入状态列`);
  const { headerRow } = readTable(grid, REGISTER_COLUMNS);
  if (headerRow < 0) throw new UsageError(`“${REGISTER_SHEET}”缺少列标题，无法写入状态列`);
  writeStatusColumns(ws, grid, headerRow, workbookStatus(opened.loaded, asOf));
  await saveWorkbook(opened.wb, target);
}
