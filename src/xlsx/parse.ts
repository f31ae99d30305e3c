// .xlsx bytes → the Grids the core reads, with ExcelJS loaded only when first needed: the CLI reads files
// through it, and the task pane reads the workbooks a user picks without carrying ExcelJS in its main
// bundle. Nothing here touches the file system.

import type ExcelJS from "exceljs";
import type { Grid } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook";
import { readGrid } from "./readSheet";

/** A file that cannot be read or is not an .xlsx workbook; its message names the file, in Chinese. */
export class WorkbookFileError extends Error {}

async function excelJs(): Promise<typeof ExcelJS> {
  const m = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as {
    default?: typeof ExcelJS;
  } & typeof ExcelJS;
  return m.default ?? m;
}

/** Parses the bytes of an .xlsx file named `file`; bad bytes are a WorkbookFileError naming it. */
export async function parseXlsx(data: ArrayBuffer | Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  const wb = new (await excelJs()).Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (err) {
    const reason = /zip|central directory|signature/i.test((err as Error).message)
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
