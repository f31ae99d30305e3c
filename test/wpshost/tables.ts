// Tables (Et.EtListObjects, Et.EtListObject) of the in-memory WPS 表格: made from a range with headers, named
// uniquely in the workbook, grown by ListRows.Add and Resize, with a totals row; after Excel's ListObjects.Add
// (learn.microsoft.com/office/vba/api/excel.listobjects.add) and ListObject (…/excel.listobject).

import type { WpsWorksheet } from "./host";
import { cellAt, isEmpty, overlaps, peek, type Rect, type TableData } from "./model";
import { refuseOnProtected } from "./protection";
import type { WpsRange } from "./range";
import { SHEET_SIZE, wpsError, XL } from "./rules";

const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[CcRr])$/;

/**
 * A table name starts with a letter, "_" or "\", has no spaces, is no cell reference, has at most 255
 * characters and is unique in the workbook whatever its case ("Rename an Excel table":
 * support.microsoft.com/office/fbf49a4f-82a3-43eb-8ba2-44d21233b114); else 1004.
 */
function checkTableName(name: string, others: string[]): void {
  if (name.length > 255 || !TABLE_NAME.test(name) || CELL_LIKE.test(name))
    throw wpsError(1004, `Application-defined or object-defined error (the table name '${name}')`);
  if (others.some((o) => o.toLowerCase() === name.toLowerCase()))
    throw wpsError(1004, `A table named '${name}' already exists.`);
}

function tablesOf(ws: WpsWorksheet): TableData[] {
  return ws.Parent.data.sheets.flatMap((s) => s.tables);
}

export class ListRow {
  constructor(
    private table: ListObject,
    readonly Index: number,
  ) {}
  get Range(): WpsRange {
    return this.table.DataBodyRange.Rows.Item(this.Index);
  }
}

export class ListRows {
  constructor(private table: ListObject) {}

  get Count(): number {
    return this.table.data.rect.rows - 1 - (this.table.data.showTotals ? 1 : 0);
  }

  Item(Index: number): ListRow {
    if (!(Index >= 1 && Index <= this.Count)) throw wpsError(9, "Subscript out of range");
    return new ListRow(this.table, Index);
  }

  /**
   * Add(Position, AlwaysInsert): a row at Position (the end when omitted). At the end with the row below the
   * table empty and AlwaysInsert not True, the table takes that row; otherwise the cells below, in the table's
   * columns, shift down (learn.microsoft.com/office/vba/api/excel.listrows.add).
   */
  Add(Position?: number, AlwaysInsert = false): ListRow {
    const t = this.table;
    t.ws.Application.hook("ListRows.Add");
    refuseOnProtected(t.ws, "never", "ListRows.Add");
    const count = this.Count;
    const at = Position ?? count + 1;
    if (!(at >= 1 && at <= count + 1)) throw wpsError(9, "Subscript out of range");
    const rect = t.data.rect;
    const row = rect.top + at;
    const below = rect.top + rect.rows;
    const belowEmpty =
      below <= SHEET_SIZE.rows &&
      Array.from({ length: rect.cols }, (_, j) => peek(t.ws.data, below, rect.left + j)).every(isEmpty);
    if (at === count + 1 && !t.data.showTotals && belowEmpty && !AlwaysInsert)
      t.data.rect = { ...rect, rows: rect.rows + 1 };
    else {
      const before = { ...rect };
      t.ws.shift({ top: row, left: rect.left, rows: 1, cols: rect.cols }, "rows", 1);
      // The table takes the new row, wherever the shift left its bottom.
      t.data.rect = { ...before, rows: before.rows + 1 };
    }
    return new ListRow(t, at);
  }
}

export class ListColumn {
  constructor(
    private table: ListObject,
    readonly Index: number,
  ) {}
  get Name(): string {
    return String(this.Range.Item(1).Value2 ?? "");
  }
  get Range(): WpsRange {
    return this.table.Range.Columns.Item(this.Index);
  }
  get DataBodyRange(): WpsRange {
    return this.table.DataBodyRange.Columns.Item(this.Index);
  }
}

export class ListColumns {
  constructor(private table: ListObject) {}
  get Count(): number {
    return this.table.data.rect.cols;
  }
  Item(Index: number | string): ListColumn {
    const names = Array.from({ length: this.Count }, (_, i) => new ListColumn(this.table, i + 1).Name);
    const i =
      typeof Index === "number" ? Index : names.findIndex((n) => n.toLowerCase() === Index.toLowerCase()) + 1;
    if (!(i >= 1 && i <= this.Count)) throw wpsError(9, "Subscript out of range");
    return new ListColumn(this.table, i);
  }
}

export class ListObject {
  readonly ListRows: ListRows;
  readonly ListColumns: ListColumns;

  constructor(
    readonly ws: WpsWorksheet,
    readonly data: TableData,
  ) {
    this.ListRows = new ListRows(this);
    this.ListColumns = new ListColumns(this);
  }

  get Parent(): WpsWorksheet {
    return this.ws;
  }

  get Name(): string {
    return this.data.name;
  }
  set Name(v: string) {
    checkTableName(
      v,
      tablesOf(this.ws)
        .filter((t) => t !== this.data)
        .map((t) => t.name),
    );
    this.data.name = v;
  }

  get DisplayName(): string {
    return this.Name;
  }

  get TableStyle(): string {
    return this.data.style ?? "TableStyleMedium2";
  }
  set TableStyle(v: string) {
    this.data.style = v;
  }

  private range(rect: Rect): WpsRange {
    return this.ws.Cells.at(rect);
  }

  get Range(): WpsRange {
    return this.range(this.data.rect);
  }

  get HeaderRowRange(): WpsRange {
    return this.range({ ...this.data.rect, rows: 1 });
  }

  /** DataBodyRange: the rows between the header and the totals row. */
  get DataBodyRange(): WpsRange {
    const r = this.data.rect;
    return this.range({ ...r, top: r.top + 1, rows: r.rows - 1 - (this.data.showTotals ? 1 : 0) });
  }

  /** TotalsRowRange: null when the totals row is off. */
  get TotalsRowRange(): WpsRange | null {
    const r = this.data.rect;
    return this.data.showTotals ? this.range({ ...r, top: r.top + r.rows - 1, rows: 1 }) : null;
  }

  get ShowTotals(): boolean {
    return this.data.showTotals;
  }

  /**
   * ShowTotals = True adds a totals row under the data, labelled 汇总 in its first cell as zh-CN Excel/WPS label
   * it; the row must be free (1004 otherwise); False removes it.
   */
  set ShowTotals(v: boolean) {
    this.ws.Application.hook("ListObject.ShowTotals=");
    if (v === this.data.showTotals) return;
    refuseOnProtected(this.ws, "never", "ShowTotals");
    const r = this.data.rect;
    if (v) {
      const row = r.top + r.rows;
      const free =
        row <= SHEET_SIZE.rows &&
        Array.from({ length: r.cols }, (_, j) => peek(this.ws.data, row, r.left + j)).every(isEmpty) &&
        !this.ws.data.tables.some((t) => t !== this.data && overlaps(t.rect, { ...r, top: row, rows: 1 }));
      if (!free)
        throw wpsError(
          1004,
          "Application-defined or object-defined error (the row under the table is not empty)",
        );
      this.data.rect = { ...r, rows: r.rows + 1 };
      this.data.showTotals = true;
      cellAt(this.ws.data, row, r.left).value = "汇总";
    } else {
      const row = r.top + r.rows - 1;
      this.range({ ...r, top: row, rows: 1 }).ClearContents();
      this.data.rect = { ...r, rows: r.rows - 1 };
      this.data.showTotals = false;
    }
  }

  /**
   * Resize(Range): the header stays in its row and the new range overlaps the old
   * (learn.microsoft.com/office/vba/api/excel.listobject.resize); it may not overlap another table.
   */
  Resize(Range: WpsRange): void {
    this.ws.Application.hook("ListObject.Resize");
    refuseOnProtected(this.ws, "never", "ListObject.Resize");
    const next = Range.rect;
    if (
      Range.Worksheet !== this.ws ||
      next.top !== this.data.rect.top ||
      !overlaps(next, this.data.rect) ||
      next.rows < 2
    )
      throw wpsError(1004, "Method 'Resize' of object 'ListObject' failed");
    if (this.ws.data.tables.some((t) => t !== this.data && overlaps(t.rect, next)))
      throw wpsError(1004, "A table cannot overlap another table.");
    this.data.rect = { ...next };
  }

  /** Unlist: the cells stay, the table goes. */
  Unlist(): void {
    this.ws.Application.hook("ListObject.Unlist");
    const list = this.ws.data.tables;
    list.splice(list.indexOf(this.data), 1);
  }

  /** Delete: the table and its cells' contents go. */
  Delete(): void {
    this.ws.Application.hook("ListObject.Delete");
    refuseOnProtected(this.ws, "never", "ListObject.Delete");
    this.Range.ClearContents();
    this.Unlist();
  }
}

export class ListObjects {
  constructor(readonly Parent: WpsWorksheet) {}

  get Count(): number {
    return this.Parent.data.tables.length;
  }

  Item(Index: number | string): ListObject {
    const tables = this.Parent.data.tables;
    const t =
      typeof Index === "number"
        ? tables[Index - 1]
        : tables.find((x) => x.name.toLowerCase() === Index.toLowerCase());
    if (!t) throw wpsError(9, "Subscript out of range");
    return new ListObject(this.Parent, t);
  }

  /** The table holding a rectangle's top-left cell (Range.ListObject), or null. */
  at(rect: Rect): ListObject | null {
    const t = this.Parent.data.tables.find((x) => overlaps(x.rect, { ...rect, rows: 1, cols: 1 }));
    return t ? new ListObject(this.Parent, t) : null;
  }

  /**
   * Add(xlSrcRange, Source, , xlYes): a table over Source whose first row holds the headers, made text and
   * unique (blank ones 列1, 列2 … and repeats numbered, as zh-CN Excel/WPS name them); a header row alone gets
   * one empty data row. A table may not overlap another table or merged cells, nor be made on a protected sheet
   * (1004). The host models range sources with a header row only (xlSrcRange with xlYes or xlGuess).
   */
  Add(
    SourceType: number = XL.srcRange,
    Source?: WpsRange,
    _link?: unknown,
    HasHeaders: number = XL.guess,
  ): ListObject {
    const ws = this.Parent;
    ws.Application.hook("ListObjects.Add");
    if (SourceType !== XL.srcRange || !Source || Source.Worksheet !== ws)
      throw wpsError(
        5,
        "Invalid procedure call or argument (the host models tables over a range of the sheet)",
      );
    if (HasHeaders === XL.no)
      throw wpsError(5, "Invalid procedure call or argument (the host models tables with a header row)");
    refuseOnProtected(ws, "never", "ListObjects.Add");
    let rect = { ...Source.rect };
    if (ws.data.tables.some((t) => overlaps(t.rect, rect)))
      throw wpsError(1004, "A table cannot overlap another table.");
    if (ws.data.merges.some((m) => overlaps(m, rect)))
      throw wpsError(1004, "A table cannot overlap a range that contains merged cells.");
    if (rect.rows === 1) rect = { ...rect, rows: 2 };
    const seen = new Set<string>();
    for (let j = 0; j < rect.cols; j++) {
      const cell = cellAt(ws.data, rect.top, rect.left + j);
      const raw = Source.valueAt(rect.top, rect.left + j);
      let name = raw === undefined || raw === "" ? `列${j + 1}` : String(raw);
      const base = name;
      for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
      seen.add(name.toLowerCase());
      Object.assign(cell, { value: name, formula: undefined, error: undefined });
    }
    const book = ws.Parent.data;
    const taken = tablesOf(ws).map((t) => t.name.toLowerCase());
    let name: string;
    do name = `表${++book.counters.table}`;
    while (taken.includes(name.toLowerCase()));
    const data: TableData = { name, rect, showHeaders: true, showTotals: false };
    ws.data.tables.push(data);
    return new ListObject(ws, data);
  }
}
