// A worksheet part → the Grid the core reads, in one pass over its XML: each cell's value as Excel shows it
// (shared and inline strings, rich text joined, numbers in a date format as dates in the workbook's date
// system, formulas with their cached results, errors), merged areas holding their value in the top-left
// cell only. The grid is the one ExcelJS's model of the same sheet gives (readSheet.ts), which the property
// test checks on generated workbooks; where ExcelJS misreads a file, this reader reads as Excel does:
// zh-CN's built-in date formats (ids 27–36, 50–58), escaped letters in a format code (`0\d` is no date),
// `date1904="true"`, and phonetic runs (rPh) kept out of inline text.

import { cellAddress, parseCellAddress } from "../../core/address";
import type { CellInput, Grid } from "../../core/grid";
import { PackageError } from "../package/errors";
import { DATE1904_OFFSET } from "../package/workbook";
import type { ZipEntry } from "../package/zip";
import { streamXml } from "./xmlStream";

/** What a sheet's cells need from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per cell style (xf) index: whether its number format shows a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
  maxRows: number;
  /** Cells that hold an external hyperlink (their relationship's id), from the sheet's relationships. */
  externalLinks: ReadonlySet<string>;
}

/** No row has cells here: one shared, frozen empty row, so a stray cell at row 1,048,576 costs no memory. */
const NO_CELLS: CellInput[] = Object.freeze([]) as unknown as CellInput[];

const MS_PER_DAY = 86_400_000;

/** An Excel serial as the instant ExcelJS gives for it (UTC midnight of the day). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? DATE1904_OFFSET : 0)) * MS_PER_DAY));
}

/** An ISO 8601 date cell (t="d") as the serial number Excel stores for it; NaN when it is no date. */
function isoSerial(iso: string): number {
  const t = Date.parse(
    /Z|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso.length <= 10 ? `${iso}T00:00:00` : iso}Z`,
  );
  return t / MS_PER_DAY + 25569;
}

/** Entities a text already decoded by the XML parser may still hold, decoded once more as ExcelJS does for t="str". */
const decodeAgain = (text: string) =>
  text.replace(/&([a-z]*);/g, (c) =>
    c === "&lt;"
      ? "<"
      : c === "&gt;"
        ? ">"
        : c === "&amp;"
          ? "&"
          : c === "&apos;"
            ? "'"
            : c === "&quot;"
              ? '"'
              : c,
  );

/** Characters XML cannot hold, as Excel writes them in text: `_x001B_` (ECMA-376 22.9.2.19 ST_Xstring). */
export const decodeXstring = (text: string) =>
  text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

interface Cell {
  col: number;
  type: string;
  style: number | undefined;
  formula: string | undefined;
  sharedIndex: string | undefined;
  sharedMaster: boolean;
  /** An array or shared formula (`t` on <f>), a formula even without text. */
  formulaKind: boolean;
  value: string | undefined;
  runs: string[] | undefined;
}

export function readSheet(bytes: Uint8Array, entry: ZipEntry, name: string, ctx: SheetContext): Grid {
  const rows: CellInput[][] = [];
  const merges: string[] = [];
  const links: string[] = [];
  /** The rows with a value in a cell (or spanned by a merged area): the rows a sheet has. */
  const kept = new Set<number>();
  const masters = new Map<string, string>();
  let row = 0;
  let col = -1;
  let cells: CellInput[] | undefined;
  let cell: Cell | undefined;
  /** Where text goes: a cell's formula, value, inline text or a rich-text run; "" when nowhere. */
  let into: "" | "f" | "v" | "t" | "run" = "";
  let inRun = false;
  let phonetic = 0;
  let inData = false;

  const finishCell = (c: Cell) => {
    const value = cellInput(c, row);
    if (value !== undefined) {
      cells![c.col] = value;
      kept.add(row);
    }
  };

  const cellInput = (c: Cell, r: number): CellInput | undefined => {
    const dated = c.style !== undefined && ctx.dateStyles[c.style] === true;
    if (c.formula !== undefined) {
      let formula = c.formula;
      if (c.sharedIndex !== undefined) {
        if (c.sharedMaster) masters.set(c.sharedIndex, cellAddress(r - 1, c.col));
        // ExcelJS names a shared formula's dependent cell by its master's address.
        else if (formula === "") formula = masters.get(c.sharedIndex) ?? "";
      }
      if (formula === "" && !c.formulaKind) return plainInput(c, dated);
      const v = c.value;
      if (!v) return { formula };
      switch (c.type) {
        case "str":
          return { formula, result: decodeAgain(v) };
        case "b":
          return { formula, result: parseInt(v, 10) !== 0 };
        case "e":
          return { error: v };
        default: {
          const n = parseFloat(v);
          return { formula, result: dated ? serialToDate(n, ctx.date1904) : n };
        }
      }
    }
    return plainInput(c, dated);
  };

  const plainInput = (c: Cell, dated: boolean): CellInput | undefined => {
    if (c.runs)
      return c.runs.length > 0 || c.value ? decodeXstring((c.value ?? "") + c.runs.join("")) : undefined;
    const v = c.value;
    if (v === undefined || v === "") return undefined;
    switch (c.type) {
      case "s":
        return ctx.sharedStrings[parseInt(v, 10)] ?? null;
      case "str":
        return decodeAgain(v);
      case "inlineStr":
        return decodeXstring(v);
      case "b":
        return parseInt(v, 10) !== 0;
      case "e":
        return { error: v };
      case "d": {
        // An ISO date names its day whatever the workbook's date system; as a number, it is a serial of that system.
        const n = isoSerial(v);
        if (Number.isNaN(n)) return v;
        return dated ? serialToDate(n, false) : n - (ctx.date1904 ? DATE1904_OFFSET : 0);
      }
      default: {
        const n = parseFloat(v);
        return dated ? serialToDate(n, ctx.date1904) : n;
      }
    }
  };

  streamXml(bytes, entry, {
    open(tag, a, selfClosing) {
      switch (tag) {
        case "sheetData":
          inData = true;
          return;
        case "row": {
          if (!inData) return;
          const r = a.r !== undefined ? parseInt(a.r, 10) : NaN;
          row = Number.isFinite(r) && r > 0 ? r : row + 1;
          if (row > ctx.maxRows)
            throw new PackageError(
              "limit",
              `工作表“${name}”超过 Excel 的行数上限 ${ctx.maxRows.toLocaleString("en-US")} 行，无法读取`,
            );
          col = -1;
          cells = [];
          if (selfClosing) finishRow();
          return;
        }
        case "c": {
          if (!cells) return;
          const at = a.r !== undefined ? refColumn(a.r) : -1;
          col = at >= 0 ? at : col + 1;
          const s = a.s !== undefined ? parseInt(a.s, 10) : NaN;
          cell = {
            col,
            type: a.t ?? "n",
            // Style 0 is the default style: no number format of its own, as ExcelJS reads it.
            style: Number.isFinite(s) && s > 0 ? s : undefined,
            formula: undefined,
            sharedIndex: undefined,
            sharedMaster: false,
            formulaKind: false,
            value: undefined,
            runs: undefined,
          };
          if (selfClosing) {
            finishCell(cell);
            cell = undefined;
          }
          return;
        }
        case "f":
          if (!cell) return;
          cell.formula = "";
          cell.formulaKind = a.t !== undefined;
          if (a.t === "shared" && a.si !== undefined) {
            cell.sharedIndex = a.si;
            cell.sharedMaster = a.ref !== undefined;
          }
          into = selfClosing ? "" : "f";
          return;
        case "v":
          if (cell && !selfClosing) into = "v";
          return;
        case "r":
          if (cell) {
            inRun = true;
            cell.runs ??= [];
            cell.runs.push("");
          }
          return;
        case "rPh":
          phonetic++;
          return;
        case "t":
          if (cell && !selfClosing && phonetic === 0) into = inRun ? "run" : "t";
          return;
        case "mergeCell":
          if (a.ref) merges.push(a.ref);
          return;
        case "hyperlink":
          if (a.ref && Object.keys(a).some((k) => k.endsWith(":id") && ctx.externalLinks.has(a[k]!)))
            links.push(a.ref);
          return;
        default:
          return;
      }
    },
    text(text) {
      if (!cell || into === "") return;
      if (into === "f") cell.formula += text;
      else if (into === "run") cell.runs![cell.runs!.length - 1] += text;
      else cell.value = (cell.value ?? "") + text;
    },
    close(tag) {
      switch (tag) {
        case "sheetData":
          inData = false;
          return;
        case "row":
          if (cells) finishRow();
          return;
        case "c":
          if (cell) finishCell(cell);
          cell = undefined;
          into = "";
          return;
        case "f":
        case "v":
        case "t":
          into = "";
          return;
        case "r":
          inRun = false;
          return;
        case "rPh":
          phonetic--;
          return;
        default:
          return;
      }
    },
  });

  function finishRow() {
    if (kept.has(row)) {
      for (let i = 0; i < cells!.length; i++) if (cells![i] === undefined) cells![i] = null;
      rows[row - 1] = cells!;
    }
    cells = undefined;
  }

  for (const ref of links) {
    const at = /^[A-Z]+\d+$/.test(ref) ? parseCellAddress(ref) : undefined;
    const cellsOfRow = at && rows[at.row];
    const v = cellsOfRow?.[at!.col];
    if (cellsOfRow && v !== undefined && v !== null) cellsOfRow[at!.col] = linkText(v);
  }
  applyMerges(rows, merges, kept);
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = NO_CELLS;
  return merges.length > 0 ? { sheet: name, rows, merges } : { sheet: name, rows };
}

/** The column of a cell reference ("AB12" → 27), or -1 when it names none. */
function refColumn(ref: string): number {
  let col = 0;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  const start = i;
  for (; i < ref.length && i - start < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === start || i - start > 3 ? -1 : col - 1;
}

/** A hyperlinked cell shows its text: ExcelJS keeps a formula's result, or the value, as the link's text. */
function linkText(v: CellInput): CellInput {
  if (typeof v === "object" && v !== null && !(v instanceof Date)) {
    if ("formula" in v) return String(v.result ?? "");
    return v;
  }
  return String(v);
}

/**
 * A merged area's value stands in its top-left cell; the others read as empty, and every row the area spans is
 * a row of the sheet.
 */
function applyMerges(rows: CellInput[][], merges: readonly string[], kept: Set<number>): void {
  for (const ref of merges) {
    const [from, to = from] = ref.split(":");
    const a = parseCellAddress(from!);
    const b = parseCellAddress(to!);
    if (!a || !b) continue;
    for (let r = a.row; r <= b.row; r++) {
      const cells = rows[r] && rows[r] !== NO_CELLS ? rows[r]! : [];
      let touched = false;
      for (let c = a.col; c <= b.col; c++) {
        if (r === a.row && c === a.col) continue;
        if (c < cells.length) {
          cells[c] = null;
          touched = true;
        }
      }
      // A merged-over cell is no cell of the row: the row ends at its last cell with a value.
      if (touched) while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      if (!rows[r]) {
        rows[r] = cells;
        kept.add(r + 1);
      } else if (touched) rows[r] = cells;
    }
  }
}
