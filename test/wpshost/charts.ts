// Charts of the in-memory WPS 表格: Worksheet.ChartObjects().Add (learn.microsoft.com/office/vba/api/excel.chartobjects.add)
// and Shapes.AddChart2 (learn.microsoft.com/office/vba/api/excel.shapes.addchart2), each with a Chart whose
// data comes from SetSourceData (learn.microsoft.com/office/vba/api/excel.chart.setsourcedata) and whose title
// is ChartTitle.Text once HasTitle is True.

import type { WpsWorksheet } from "./host";
import type { ChartData } from "./model";
import { refuseDrawing } from "./protection";
import type { WpsRange } from "./range";
import { wpsError, XL } from "./rules";

export class Chart {
  constructor(
    private ws: WpsWorksheet,
    readonly data: ChartData,
  ) {}

  get Parent(): WpsWorksheet {
    return this.ws;
  }

  /** XlChartType (xlColumnClustered 51, xlPie 5, xlLine 4 …). */
  get ChartType(): number {
    return this.data.chartType;
  }
  set ChartType(v: number) {
    this.data.chartType = v;
  }

  /** SetSourceData(Source, PlotBy): PlotBy xlColumns 2 or xlRows 1; by default the longer side holds the series' points. */
  SetSourceData(Source: WpsRange, PlotBy?: number): void {
    this.ws.Application.hook("Chart.SetSourceData");
    if (!Source || typeof Source !== "object" || !("rect" in Source))
      throw wpsError(1004, "Method 'SetSourceData' of object '_Chart' failed");
    const r = Source.rect;
    this.data.source = { sheet: Source.Worksheet.Name, rect: { ...r } };
    this.data.plotBy = PlotBy ?? (r.rows >= r.cols ? XL.columns : XL.rows);
  }

  /** SeriesCollection().Count: one series per column (PlotBy xlColumns) or row, less the label column/row. */
  SeriesCollection(): { Count: number } {
    const s = this.data.source;
    const count = !s ? 0 : this.data.plotBy === XL.rows ? s.rect.rows - 1 : s.rect.cols - 1;
    return { Count: Math.max(count, s ? 1 : 0) };
  }

  get HasTitle(): boolean {
    return this.data.hasTitle;
  }
  set HasTitle(v: boolean) {
    this.data.hasTitle = v;
  }

  get HasLegend(): boolean {
    return this.data.hasLegend;
  }
  set HasLegend(v: boolean) {
    this.data.hasLegend = v;
  }

  /**
   * Legend: its Position (XlLegendPosition); a chart without a legend has none (1004, as ChartTitle:
   * learn.microsoft.com/office/vba/api/excel.chart.legend).
   */
  get Legend(): { Position: number } {
    if (!this.data.hasLegend) throw wpsError(1004, "Method 'Legend' of object '_Chart' failed");
    const data = this.data;
    return {
      get Position() {
        return data.legendPosition ?? -4152;
      },
      set Position(v: number) {
        data.legendPosition = v;
      },
    };
  }

  /** ChartTitle: a chart without a title has none to give (1004, "Method 'ChartTitle' of object '_Chart' failed"). */
  get ChartTitle(): { Text: string; Caption: string } {
    if (!this.data.hasTitle) throw wpsError(1004, "Method 'ChartTitle' of object '_Chart' failed");
    const data = this.data;
    return {
      get Text() {
        return data.title;
      },
      set Text(v: string) {
        data.title = v;
      },
      get Caption() {
        return data.title;
      },
      set Caption(v: string) {
        data.title = v;
      },
    };
  }
}

/** A chart's frame on the sheet, as ChartObject and as Shape. */
export class ChartObject {
  readonly Chart: Chart;

  constructor(
    private ws: WpsWorksheet,
    readonly data: ChartData,
  ) {
    this.Chart = new Chart(ws, data);
  }

  get Parent(): WpsWorksheet {
    return this.ws;
  }

  get Name(): string {
    return this.data.name;
  }
  set Name(v: string) {
    this.data.name = v;
  }

  get Left(): number {
    return this.data.left;
  }
  set Left(v: number) {
    this.data.left = v;
  }
  get Top(): number {
    return this.data.top;
  }
  set Top(v: number) {
    this.data.top = v;
  }
  get Width(): number {
    return this.data.width;
  }
  set Width(v: number) {
    this.data.width = v;
  }
  get Height(): number {
    return this.data.height;
  }
  set Height(v: number) {
    this.data.height = v;
  }

  get Index(): number {
    return this.ws.data.charts.indexOf(this.data) + 1;
  }

  Delete(): void {
    this.ws.Application.hook("ChartObject.Delete");
    refuseDrawing(this.ws, "ChartObject.Delete");
    const list = this.ws.data.charts;
    list.splice(list.indexOf(this.data), 1);
  }
}

export class ChartObjects {
  constructor(readonly Parent: WpsWorksheet) {}

  get Count(): number {
    return this.Parent.data.charts.length;
  }

  Item(Index: number | string): ChartObject {
    const charts = this.Parent.data.charts;
    const c = typeof Index === "number" ? charts[Index - 1] : charts.find((x) => x.name === Index);
    if (!c) throw wpsError(1004, "Unable to get the ChartObjects property of the Worksheet class");
    return new ChartObject(this.Parent, c);
  }

  /**
   * A new chart named 图表 N (zh-CN Excel/WPS's name for charts), at Left/Top with Width/Height in points;
   * refused on a sheet protected with DrawingObjects.
   */
  create(chartType: number, left = 0, top = 0, width = 360, height = 216): ChartObject {
    const ws = this.Parent;
    refuseDrawing(ws, "a new chart");
    if (
      ![left, top, width, height].every((x) => typeof x === "number" && Number.isFinite(x)) ||
      width < 0 ||
      height < 0
    )
      throw wpsError(1004, "Method 'Add' of object 'ChartObjects' failed");
    const book = ws.Parent.data;
    const data: ChartData = {
      name: `图表 ${++book.counters.chart}`,
      chartType,
      left,
      top,
      width,
      height,
      hasTitle: false,
      title: "",
      hasLegend: true,
    };
    ws.data.charts.push(data);
    return new ChartObject(ws, data);
  }

  /** Add(Left, Top, Width, Height): an empty clustered-column chart. */
  Add(Left: number, Top: number, Width: number, Height: number): ChartObject {
    this.Parent.Application.hook("ChartObjects.Add");
    return this.create(XL.columnClustered, Left, Top, Width, Height);
  }

  Delete(): void {
    refuseDrawing(this.Parent, "ChartObjects.Delete");
    this.Parent.data.charts = [];
  }
}

/** Worksheet.Shapes, over the sheet's charts (the only shapes the host models). */
export class Shapes {
  constructor(private charts: ChartObjects) {}

  get Count(): number {
    return this.charts.Count;
  }

  Item(Index: number | string): ChartObject {
    return this.charts.Item(Index);
  }

  /** AddChart2(Style, XlChartType, Left, Top, Width, Height, NewLayout): a chart of the type, xlColumnClustered by default. */
  AddChart2(
    _style?: number,
    XlChartType?: number,
    Left?: number,
    Top?: number,
    Width?: number,
    Height?: number,
  ): ChartObject {
    this.charts.Parent.Application.hook("Shapes.AddChart2");
    return this.charts.create(XlChartType ?? XL.columnClustered, Left, Top, Width, Height);
  }
}
