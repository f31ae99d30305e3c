// Opening and saving .xlsx files with ExcelJS: a missing or unreadable file is a clear error, and a save
// never leaves a half-written file behind (it writes beside the target, then renames).

import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseXlsx, WorkbookFileError, workbookGrids } from "./parse";

export { WorkbookFileError, workbookGrids };

/** The file's bytes; a missing or unreadable file is a WorkbookFileError naming it. */
export async function readFileBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new WorkbookFileError(
      code === "ENOENT" ? `找不到文件：${file}` : `无法读取文件 ${file}（${code ?? String(err)}）`,
    );
  }
}

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  return parseXlsx(await readFileBytes(file), file);
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
