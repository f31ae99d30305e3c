// .xlsx bytes → the Grids the core reads, with ExcelJS loaded only when first needed: the CLI reads files
// through it, and the task pane reads the workbooks a user picks without carrying ExcelJS in its main
// bundle. The package is checked against the documented limits and made readable first (package/readable).
// Nothing here touches the file system.

import type ExcelJS from "exceljs";
import type { Grid } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook";
import { loadExcelJs } from "./excelJs";
import { PackageError } from "./package/errors";
import { DEFAULT_LIMITS, type ReadLimits } from "./package/limits";
import { readGrid } from "./readSheet";

/** A file that cannot be read, written or is not an .xlsx workbook; its message names the file, in Chinese. */
export class WorkbookFileError extends Error {}

/** A package problem as the error of the file `file`. */
export function fileError(err: PackageError, file: string): WorkbookFileError {
  return new WorkbookFileError(
    err.problem === "corrupt"
      ? `文件 ${file} 不是有效的 .xlsx 工作簿：${err.message}`
      : `无法处理 ${file}：${err.message}`,
  );
}

/** Parses the bytes of an .xlsx file named `file`; bad bytes are a WorkbookFileError naming it. */
export async function parseXlsx(
  data: ArrayBuffer | Uint8Array,
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<ExcelJS.Workbook> {
  const { readablePackage } = await import(/* webpackChunkName: "exceljs" */ "./package/readable");
  let readable: Uint8Array;
  try {
    readable = readablePackage(data instanceof Uint8Array ? data : new Uint8Array(data), limits);
  } catch (err) {
    if (err instanceof PackageError) throw fileError(err, file);
    throw err;
  }
  const wb = new (await loadExcelJs()).Workbook();
  try {
    await wb.xlsx.load(readable as unknown as ArrayBuffer);
  } catch (err) {
    const reason =
      err instanceof RangeError
        ? "内容过大，超出本工具可处理的范围"
        : "无法解析其中的工作表内容，可在 Excel 或 WPS 中打开并另存为 .xlsx 后再试";
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
