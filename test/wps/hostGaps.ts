// Members of WPS's object model the backend uses that the in-memory host does not model yet: each is added
// here only while the host lacks it, recording into the host's own data, so the tests run either way.

import { rangeAddress } from "../../src/core/address";
import type { Rect } from "../wpshost/model";
import { WpsApplication, WpsRange, WpsWorkbook, WpsWorksheet } from "../wpshost";

function define(proto: object, name: string, get: (this: never) => unknown, method = false): void {
  if (name in proto) return;
  Object.defineProperty(proto, name, method ? { value: get } : { get });
}

const rectOf = (r: WpsRange): Rect => ({
  top: r.Row,
  left: r.Column,
  rows: r.Rows.Count,
  cols: r.Columns.Count,
});

export function fillHostGaps(): void {
  define(WpsWorksheet.prototype, "ListObjects", function (this: WpsWorksheet) {
    const range = this.Range.bind(this);
    const tables = this.data.tables;
    const object = (t: (typeof tables)[number]) => ({
      get Name() {
        return t.name;
      },
      set Name(v: string) {
        t.name = v;
      },
      set TableStyle(v: string) {
        t.style = v;
      },
      get Range() {
        const { top, left, rows, cols } = t.rect;
        return range(rangeAddress(top - 1, left - 1, top + rows - 2, left + cols - 2));
      },
      Resize(range: WpsRange) {
        t.rect = rectOf(range);
      },
    });
    return {
      get Count() {
        return tables.length;
      },
      Item: (i: number) => object(tables[i - 1]!),
      Add: (_type: number, source: WpsRange) => {
        const t = {
          name: `表${tables.length + 1}`,
          rect: rectOf(source),
          showHeaders: true,
          showTotals: false,
        };
        tables.push(t);
        return object(t);
      },
    };
  } as never);
  define(
    WpsWorksheet.prototype,
    "ChartObjects",
    function (this: WpsWorksheet) {
      const charts = this.data.charts;
      const sheet = this.data.name;
      return {
        Add: (left: number, top: number, width: number, height: number) => {
          const c = {
            name: `图表 ${charts.length + 1}`,
            chartType: 0,
            left,
            top,
            width,
            height,
            hasTitle: false,
            title: "",
            hasLegend: false,
          } as (typeof charts)[number];
          charts.push(c);
          return {
            Chart: {
              SetSourceData: (source: WpsRange, plotBy: number) => {
                c.source = { sheet, rect: rectOf(source) };
                c.plotBy = plotBy;
              },
              set ChartType(v: number) {
                c.chartType = v;
              },
              set HasTitle(v: boolean) {
                c.hasTitle = v;
              },
              ChartTitle: {
                set Text(v: string) {
                  c.title = v;
                },
              },
              set HasLegend(v: boolean) {
                c.hasLegend = v;
              },
              Legend: { Position: 0 },
            },
          };
        },
      };
    } as never,
    true,
  );
  define(WpsWorksheet.prototype, "PageSetup", function (this: WpsWorksheet) {
    const p = this.data.pageSetup;
    return {
      get Orientation() {
        return p.orientation;
      },
      set Orientation(v: number) {
        p.orientation = v;
      },
      set PaperSize(v: number) {
        p.paperSize = v;
      },
      set Zoom(v: number | false) {
        p.zoom = v;
      },
      set FitToPagesWide(v: number | false) {
        p.fitToPagesWide = v;
      },
      set FitToPagesTall(v: number | false) {
        p.fitToPagesTall = v;
      },
      set PrintTitleRows(v: string) {
        p.printTitleRows = v;
      },
    };
  } as never);
  define(WpsApplication.prototype, "ActiveWindow", function () {
    return { SplitRow: 0, SplitColumn: 0, FreezePanes: false };
  } as never);
  // Workbook.Date1904, read from the workbook's data (false unless a test sets `date1904` there).
  define(WpsWorkbook.prototype, "Date1904", function (this: WpsWorkbook) {
    return (this.data as { date1904?: boolean }).date1904 ?? false;
  } as never);
}
