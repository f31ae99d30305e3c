// Opening and saving .xlsx files with ExcelJS: a missing or unreadable file is a clear error, and a save
// never leaves a half-written file behind (it writes beside the target, then renames).

import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Grid } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook";
import { readGrid } from "./readSheet";

export class WorkbookFileError extends Error {}

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new WorkbookFileError(
      code === "ENOENT" ? `找不到文件：${file}` : `无法读取文件 ${file}（${code ?? String(err)}）`,
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    const reason = /zip|central directory/i.test((err as Error).message)
      ? "文件已损坏，或不是 Excel 工作簿"
      : (err as Error).message;
    throw new WorkbookFileError(`文件 ${file} 不是有效的 .xlsx 工作簿（${reason}）`);
  }
  return wb;
}

/** Grids of the workbook's sheets, read once each on first use. */
export function workbookGrids(wb: ExcelJS.Workbook): WorkbookGrids {
  const cache = new Map<string, Grid | undefined>();
  return {
    sheet(name) {
      if (!cache.has(name)) {
        const ws = wb.worksheets.find((w) => w.name === name);
        cache.set(name, ws ? readGrid(ws) : undefined);
      }
      return cache.get(name);
    },
    names: () => wb.worksheets.map((w) => w.name),
  };
}

export async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    const buffer = await wb.xlsx.writeBuffer();
    await fs.writeFile(tmp, Buffer.from(buffer as ArrayBuffer));
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw new WorkbookFileError(`无法写入文件 ${file}（${(err as Error).message}）`);
  }
}
