// How every command talks to WPS: the open workbook, the screen not redrawn and no prompt shown while a
// command runs (both put back after, also on failure), sheets read whole with one Value2 per used range, and
// WPS's errors turned into Chinese messages naming the sheet and cells being written.

import type { Grid } from "../core/grid";
import type { WorkbookGrids } from "../core/workbook";
import { CommandError } from "../excel/errors";
import { gridFromRange } from "../excel/read";
import { textSafeFormats, type CellWrite } from "../excel/cells";
import type { EtApp, EtRange, EtWorkbook, EtWorksheet } from "./et";
import { DATE1904_OFFSET } from "../xlsx/package/workbook";
import { isDateFormatCode } from "../xlsx/package/styles";
import { address, rows2d } from "./cells";

export class Book {
  /** The sheet and cells being worked on, for the message when WPS refuses. */
  private place: { sheet: string; cells: string } | undefined;

  constructor(
    readonly app: EtApp,
    readonly wb: EtWorkbook,
  ) {}

  /** The names of the workbook's worksheets, in order. */
  names(): string[] {
    const sheets = this.wb.Worksheets;
    return Array.from({ length: sheets.Count }, (_, i) => sheets.Item(i + 1).Name);
  }

  sheet(name: string): EtWorksheet {
    return this.wb.Worksheets.Item(name);
  }

  /** The range at zero-based (row, col), `rows` × `cols`, remembered as the place being worked on. */
  range(ws: EtWorksheet, row: number, col: number, rows = 1, cols = 1): EtRange {
    return this.at(ws, address(row, col, rows, cols));
  }

  /** The range at an A1 address, remembered as the place being worked on. */
  at(ws: EtWorksheet, a1: string): EtRange {
    this.place = { sheet: ws.Name, cells: a1 };
    return ws.Range(a1);
  }

  /** Protects the sheet, no password, its column widths and row heights still adjustable. */
  protect(ws: EtWorksheet): void {
    this.place = { sheet: ws.Name, cells: "" };
    ws.Protect(undefined, true, true, true, false, false, true, true);
  }

  /** Adds a worksheet named `name` after the last one. */
  add(name: string): EtWorksheet {
    this.place = { sheet: name, cells: "" };
    const sheets = this.wb.Worksheets;
    const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = name;
    return ws;
  }

  /** A date serial (1900 date system) as this workbook stores it. */
  dateSerial(serial: number): number {
    return this.wb.Date1904 ? serial - DATE1904_OFFSET : serial;
  }

  /**
   * Writes `rows` into the block at zero-based (row, col) in one Value2: the number formats first ("@" for
   * text, `columnFormats` for the rest), so WPS never runs text as a formula nor turns digits into a number.
   * `dates` marks the columns whose numbers are date serials.
   */
  write(
    ws: EtWorksheet,
    row: number,
    col: number,
    rows: readonly (readonly CellWrite[])[],
    columnFormats: readonly (string | undefined)[] = [],
    dates: readonly boolean[] = [],
  ): void {
    if (rows.length === 0) return;
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
    setFormats(this, ws, row, col, textSafeFormats(rows, columnFormats));
    this.range(ws, row, col, rows.length, width).Value2 = rows.map((r) =>
      Array.from({ length: width }, (_, c) => {
        const v = r[c] ?? "";
        return dates[c] && typeof v === "number" ? this.dateSerial(v) : v;
      }),
    );
  }

  /**
   * The values of `used` with the dates of a workbook counting from 1904 as the core counts them (from 1900):
   * a number whose cell is formatted as a date is moved by DATE1904_OFFSET. Each column's numbers are checked
   * with one NumberFormat over their span, halved where the span's formats differ.
   */
  private serials1900(ws: EtWorksheet, used: EtRange, values: unknown[][]): unknown[][] {
    if (!this.wb.Date1904) return values;
    const out = values.map((row) => [...row]);
    const visit = (c: number, rows: readonly number[]) => {
      const top = rows[0]!;
      const f = this.range(
        ws,
        used.Row - 1 + top,
        used.Column - 1 + c,
        rows.at(-1)! - top + 1,
        1,
      ).NumberFormat;
      if (typeof f !== "string") {
        const half = Math.ceil(rows.length / 2);
        visit(c, rows.slice(0, half));
        visit(c, rows.slice(half));
      } else if (isDateFormatCode(f))
        for (const r of rows) out[r]![c] = (out[r]![c] as number) + DATE1904_OFFSET;
    };
    for (let c = 0; c < (values[0]?.length ?? 0); c++) {
      const numbers = values.flatMap((row, r) => (typeof row[c] === "number" ? [r] : []));
      if (numbers.length > 0) visit(c, numbers);
    }
    return out;
  }

  /** WPS's refusal as a message naming the place it happened. */
  message(err: unknown): string {
    const text = err instanceof Error ? err.message : String(err ?? "");
    const where = this.place
      ? `工作表“${this.place.sheet}”${this.place.cells ? `的 ${this.place.cells} ` : ""}`
      : "工作簿";
    if (/workbook is protected|工作簿.*保护/i.test(text))
      return "工作簿的结构受保护，WPS 拒绝添加、删除或重命名工作表。请在“审阅 → 保护工作簿”中撤销保护后重试。";
    if (/protected|受保护/i.test(text))
      return `${where}受保护，WPS 拒绝了此操作。请在“审阅 → 撤销工作表保护”中撤销保护后重试。`;
    return `WPS 在处理${where}时出错：${text || "未知错误"}。`;
  }

  /**
   * Reads the worksheets `names` (those the workbook has) whole: one Value2 (and, where asked, one Formula)
   * per used range.
   */
  readSheets(
    names: readonly string[] | ((name: string) => boolean),
    options: { formulas?: (name: string) => boolean } = {},
  ): { grids: WorkbookGrids; existing: string[]; read: string[]; protectedSheets: string[] } {
    const existing = this.names();
    const wanted =
      typeof names === "function" ? existing.filter(names) : names.filter((n) => existing.includes(n));
    const grids = new Map<string, Grid>();
    const protectedSheets: string[] = [];
    for (const name of wanted) {
      const ws = this.sheet(name);
      this.place = { sheet: name, cells: "" };
      if (ws.ProtectContents) protectedSheets.push(name);
      const used = ws.UsedRange;
      const values = this.serials1900(ws, used, rows2d(used.Value2));
      const formulas = options.formulas?.(name) ? rows2d(used.Formula) : undefined;
      const empty = values.length === 1 && values[0]!.length === 1 && isBlank(values[0]![0]);
      grids.set(
        name,
        empty
          ? { sheet: name, rows: [] }
          : gridFromRange(name, values, used.Row - 1, used.Column - 1, formulas),
      );
    }
    return {
      grids: { sheet: (n) => grids.get(n), names: () => wanted },
      existing,
      read: wanted,
      protectedSheets,
    };
  }
}

const isBlank = (v: unknown) => v === null || v === undefined || v === "";

/**
 * Sets the number formats of the block at (row, col): one call per run of equal formats down a column
 * (null leaves a cell's format as it is).
 */
export function setFormats(
  book: Book,
  ws: EtWorksheet,
  row: number,
  col: number,
  formats: readonly (readonly (string | null)[])[],
): void {
  const width = formats.reduce((m, r) => Math.max(m, r.length), 0);
  for (let c = 0; c < width; c++) {
    for (let r = 0; r < formats.length;) {
      const f = formats[r]![c] ?? null;
      let n = 1;
      while (r + n < formats.length && (formats[r + n]![c] ?? null) === f) n++;
      if (f !== null) book.range(ws, row + r, col + c, n, 1).NumberFormat = f;
      r += n;
    }
  }
}

/**
 * Runs one command on the open workbook: the screen is not redrawn and WPS asks nothing while it runs, and
 * both are put back after. WPS's own errors come out as Chinese messages naming where they happened.
 */
export async function runWps<T>(app: EtApp, command: (book: Book) => T | Promise<T>): Promise<T> {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new CommandError("WPS 中没有打开的工作簿。请先打开或新建一个工作簿，再使用强审助手。");
  const book = new Book(app, wb);
  const screen = app.ScreenUpdating;
  const alerts = app.DisplayAlerts;
  app.ScreenUpdating = false;
  app.DisplayAlerts = false;
  try {
    return await command(book);
  } catch (err) {
    if (err instanceof CommandError) throw err;
    throw new CommandError(book.message(err));
  } finally {
    app.ScreenUpdating = screen;
    app.DisplayAlerts = alerts;
  }
}
