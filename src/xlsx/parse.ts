// .xlsx bytes → the Grids the core reads. The package is checked against the documented limits, then read by
// streaming (src/xlsx/stream): each sheet only when a command asks for it, so reading costs what the cells a
// command needs cost. ExcelJS builds no model of a file being read; it only writes new workbooks. The reader
// is its own chunk in the task pane and the web page, fetched on the first read. Nothing here touches the file
// system.

import type { WorkbookGrids } from "../core/workbook";
import { PackageError } from "./package/errors";
import { DEFAULT_LIMITS, type ReadLimits } from "./package/limits";

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

/** A workbook as read: its sheets' names in order and each sheet's cells, read on first use. */
export interface ReadWorkbook extends WorkbookGrids {
  names(): string[];
  /** The workbook counts dates from 1904 (Mac Excel, openpyxl's `epoch`): what a date written must follow. */
  readonly date1904: boolean;
}

const failsAs = <T>(file: string, read: () => T): T => {
  try {
    return read();
  } catch (err) {
    if (err instanceof PackageError) throw fileError(err, file);
    if (err instanceof RangeError)
      throw new WorkbookFileError(`文件 ${file} 不是有效的 .xlsx 工作簿（内容过大，超出本工具可处理的范围）`);
    throw err;
  }
};

/** Reads the bytes of an .xlsx file named `file`; bad bytes are a WorkbookFileError naming it. */
export async function readWorkbook(
  data: ArrayBuffer | Uint8Array,
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<ReadWorkbook> {
  const { streamWorkbook } = await import(/* webpackChunkName: "reader" */ "./stream/workbookReader");
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const wb = failsAs(file, () => streamWorkbook(bytes, limits));
  return {
    date1904: wb.date1904,
    names: () => wb.names(),
    sheet: (name) => failsAs(file, () => wb.sheet(name)),
  };
}
