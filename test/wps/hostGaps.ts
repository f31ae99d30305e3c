// Members of WPS's object model the backend uses that the in-memory host does not model yet: each is added
// here only while the host lacks it, recording into the host's own data, so the tests run either way.

import { STANDARD } from "../wpshost/model";
import { WpsRange, WpsWorkbook } from "../wpshost";
import { Chart } from "../wpshost/charts";
import { ListObject } from "../wpshost/tables";
import { overlaps } from "../wpshost/model";

function define(proto: object, name: string, get: (this: never) => unknown): void {
  if (name in proto) return;
  Object.defineProperty(proto, name, { get, configurable: true });
}

/** Points of a column width in characters (Excel: 7 pixels a character and 5 of padding, at 96 dpi). */
const points = (chars: number) => ((chars * 7 + 5) * 3) / 4;

/** Where a range is on its sheet, in points, from its rows' heights and its columns' widths. */
function extent(r: WpsRange) {
  const sheet = r.Worksheet.data;
  const width = (c: number) => points(sheet.columnWidths.get(c) ?? STANDARD.columnWidth);
  const height = (row: number) => sheet.rowHeights.get(row) ?? STANDARD.rowHeight;
  const sum = (from: number, to: number, size: (i: number) => number) => {
    let s = 0;
    for (let i = from; i < to; i++) s += size(i);
    return s;
  };
  const { Row: row, Column: col } = r;
  return {
    left: sum(1, col, width),
    top: sum(1, row, height),
    width: sum(col, col + r.Columns.Count, width),
    height: sum(row, row + r.Rows.Count, height),
  };
}

export function fillHostGaps(): void {
  // Range.Left/Top/Width/Height (learn.microsoft.com/office/vba/api/excel.range.left), where a chart goes.
  define(WpsRange.prototype, "Left", function (this: WpsRange) {
    return extent(this).left;
  } as never);
  define(WpsRange.prototype, "Top", function (this: WpsRange) {
    return extent(this).top;
  } as never);
  define(WpsRange.prototype, "Width", function (this: WpsRange) {
    return extent(this).width;
  } as never);
  define(WpsRange.prototype, "Height", function (this: WpsRange) {
    return extent(this).height;
  } as never);
  // Workbook.Date1904, read from the workbook's data (false unless a test sets `date1904` there).
  define(WpsWorkbook.prototype, "Date1904", function (this: WpsWorkbook) {
    return (this.data as { date1904?: boolean }).date1904 ?? false;
  } as never);
  // Chart.Legend (learn.microsoft.com/office/vba/api/excel.chart.legend): its Position, recorded on the chart.
  define(Chart.prototype, "Legend", function (this: Chart) {
    const data = (this as unknown as { data: { legendPosition?: number } }).data;
    return {
      set Position(v: number) {
        data.legendPosition = v;
      },
    };
  } as never);
  // ListObject.Resize refuses a range overlapping a table on another sheet (it compares the rectangles of every
  // table in the workbook): only the sheet's own tables count, as in Excel.
  const resize = ListObject.prototype.Resize;
  ListObject.prototype.Resize = function (this: ListObject, range: WpsRange) {
    const others = this.ws.Parent.data.sheets.filter((s) => s !== this.ws.data);
    const away = others.map((s) => [s, s.tables] as const);
    for (const [s] of away) s.tables = s.tables.filter((t) => !overlaps(t.rect, range.rect));
    try {
      resize.call(this, range);
    } finally {
      for (const [s, tables] of away) s.tables = tables;
    }
  };
}
