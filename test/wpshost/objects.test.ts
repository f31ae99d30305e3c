import { createApplication, type WpsError } from ".";

const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as WpsError).number;
  }
  return "no error";
};

const xlSrcRange = 1;
const xlYes = 1;
const xlNo = 2;
const xlPie = 5;

const register = () =>
  createApplication({
    workbook: {
      台账: [
        ["企业", "区", 3],
        ["甲", "静安", 1],
        ["乙", "", 2],
      ],
    },
  }).ActiveSheet!;

describe("tables of the in-memory WPS 表格 behave like WPS/Excel", () => {
  it("makes a table over a range with headers, naming it 表1 and its columns", () => {
    const ws = register();
    const t = ws.ListObjects.Add(xlSrcRange, ws.Range("A1:C3"), undefined, xlYes);
    expect(t.Name).toBe("表1");
    expect(t.Range.Address()).toBe("$A$1:$C$3");
    expect(t.HeaderRowRange.Value2).toEqual([["企业", "区", "3"]]);
    expect(t.DataBodyRange.Address()).toBe("$A$2:$C$3");
    expect(t.ListRows.Count).toBe(2);
    expect(t.ListColumns.Item("区").Index).toBe(2);
    expect(ws.Range("B3").ListObject!.Name).toBe("表1");
    expect(ws.ListObjects.Item("表1").Range.Address()).toBe("$A$1:$C$3");
  });

  it("names blank and repeated headers 列N and X2", () => {
    const ws = createApplication({ workbook: { S: [["a", undefined, "A"]] } }).ActiveSheet!;
    const t = ws.ListObjects.Add(xlSrcRange, ws.Range("A1:C1"), undefined, xlYes);
    expect(t.HeaderRowRange.Value2).toEqual([["a", "列2", "A2"]]);
    expect(t.DataBodyRange.Address()).toBe("$A$2:$C$2");
  });

  it("refuses a table over another table, over merged cells, on a protected sheet, or without headers", () => {
    const ws = register();
    ws.ListObjects.Add(xlSrcRange, ws.Range("A1:C3"), undefined, xlYes);
    expect(error(() => ws.ListObjects.Add(xlSrcRange, ws.Range("C3:D5"), undefined, xlYes))).toBe(1004);
    ws.Range("F1:G1").Merge();
    expect(error(() => ws.ListObjects.Add(xlSrcRange, ws.Range("F1:G4"), undefined, xlYes))).toBe(1004);
    expect(error(() => ws.ListObjects.Add(xlSrcRange, ws.Range("I1:J4"), undefined, xlNo))).toBe(5);
    ws.Protect("");
    expect(error(() => ws.ListObjects.Add(xlSrcRange, ws.Range("I1:J4"), undefined, xlYes))).toBe(1004);
  });

  it("keeps table names unique in the workbook and valid", () => {
    const app = createApplication({ workbook: { A: [["h"]], B: [["h"]] } });
    const wb = app.ActiveWorkbook!;
    const a = wb.Worksheets.Item("A");
    const b = wb.Worksheets.Item("B");
    const t1 = a.ListObjects.Add(xlSrcRange, a.Range("A1:A2"), undefined, xlYes);
    const t2 = b.ListObjects.Add(xlSrcRange, b.Range("A1:A2"), undefined, xlYes);
    expect(t2.Name).toBe("表2");
    t1.Name = "企业名录";
    expect(error(() => (t2.Name = "企业名录"))).toBe(1004);
    expect(error(() => (t2.Name = "A1"))).toBe(1004);
    expect(error(() => (t2.Name = "has space"))).toBe(1004);
  });

  it("adds list rows at the end into an empty row, or shifting the cells below", () => {
    const ws = register();
    const t = ws.ListObjects.Add(xlSrcRange, ws.Range("A1:C3"), undefined, xlYes);
    const row = t.ListRows.Add();
    expect(row.Range.Address()).toBe("$A$4:$C$4");
    expect(t.Range.Address()).toBe("$A$1:$C$4");
    ws.Range("A6").Value2 = "下方";
    t.ListRows.Add(1);
    expect(t.Range.Address()).toBe("$A$1:$C$5");
    expect(ws.Range("A2:A3").Value2).toEqual([[undefined], ["甲"]]);
    expect(ws.Range("A7").Value2).toBe("下方");
  });

  it("resizes keeping the header row and shows a totals row where the row below is free", () => {
    const ws = register();
    const t = ws.ListObjects.Add(xlSrcRange, ws.Range("A1:C3"), undefined, xlYes);
    t.Resize(ws.Range("A1:D5"));
    expect(t.Range.Address()).toBe("$A$1:$D$5");
    expect(error(() => t.Resize(ws.Range("A2:D5")))).toBe(1004);
    t.ShowTotals = true;
    expect(t.TotalsRowRange!.Address()).toBe("$A$6:$D$6");
    expect(ws.Range("A6").Value2).toBe("汇总");
    expect(t.DataBodyRange.Address()).toBe("$A$2:$D$5");
    t.ShowTotals = false;
    expect(ws.Range("A6").Value2).toBeUndefined();
    ws.Range("B6").Value2 = 1;
    expect(error(() => (t.ShowTotals = true))).toBe(1004);
  });

  it("resizes over a range where another sheet has a table", () => {
    const app = createApplication({ workbook: { A: [["h"]], B: [["h"]] } });
    const [a, b] = [1, 2].map((i) => app.ActiveWorkbook!.Worksheets.Item(i));
    b!.ListObjects.Add(xlSrcRange, b!.Range("A1:A5"), undefined, xlYes);
    const t = a!.ListObjects.Add(xlSrcRange, a!.Range("A1:A2"), undefined, xlYes);
    t.Resize(a!.Range("A1:A5"));
    expect(t.Range.Address()).toBe("$A$1:$A$5");
  });

  it("refuses to merge cells inside a table", () => {
    const ws = register();
    ws.ListObjects.Add(xlSrcRange, ws.Range("A1:C3"), undefined, xlYes);
    expect(error(() => ws.Range("A2:B2").Merge())).toBe(1004);
  });
});

describe("charts of the in-memory WPS 表格 behave like WPS/Excel", () => {
  it("adds a chart by ChartObjects().Add with data and a title", () => {
    const ws = register();
    const co = ws.ChartObjects().Add(10, 20, 300, 200);
    co.Chart.SetSourceData(ws.Range("A1:C3"));
    expect(error(() => co.Chart.ChartTitle.Text)).toBe(1004);
    co.Chart.HasTitle = true;
    co.Chart.ChartTitle.Text = "各区企业数";
    expect(ws.ChartObjects().Count).toBe(1);
    expect(ws.ChartObjects(1).Chart.ChartTitle.Text).toBe("各区企业数");
    expect(ws.ChartObjects(co.Name).Left).toBe(10);
    expect(co.Chart.SeriesCollection().Count).toBe(2);
    expect(co.Name).toBe("图表 1");
  });

  it("places a chart over a range by its Left/Top/Width/Height, and sets the legend's position", () => {
    const ws = register();
    ws.Range("A:A").ColumnWidth = 10;
    ws.Range("1:1").RowHeight = 20;
    const r = ws.Range("B2:C3");
    expect([r.Left, r.Top, r.Height]).toEqual([56.25, 20, 27]);
    expect(r.Width).toBeCloseTo((2 * ((8.38 * 7 + 5) * 3)) / 4, 9);
    const co = ws.ChartObjects().Add(r.Left, r.Top, r.Width, r.Height);
    co.Chart.HasLegend = false;
    expect(error(() => co.Chart.Legend)).toBe(1004);
    co.Chart.HasLegend = true;
    co.Chart.Legend.Position = -4107;
    expect(co.Chart.Legend.Position).toBe(-4107);
  });

  it("adds a chart by Shapes.AddChart2 of the given type", () => {
    const ws = register();
    const shape = ws.Shapes.AddChart2(-1, xlPie, 0, 0, 300, 200);
    shape.Chart.SetSourceData(ws.Range("A1:B3"), 2);
    expect(shape.Chart.ChartType).toBe(xlPie);
    expect(ws.Shapes.Count).toBe(1);
    shape.Delete();
    expect(ws.ChartObjects().Count).toBe(0);
  });

  it("refuses charts on a sheet protected with DrawingObjects", () => {
    const ws = register();
    ws.Protect("", true);
    expect(error(() => ws.ChartObjects().Add(0, 0, 100, 100))).toBe(1004);
    ws.Unprotect("");
    ws.Protect("", false);
    ws.ChartObjects().Add(0, 0, 100, 100);
  });
});

describe("page setup of the in-memory WPS 表格 behaves like WPS/Excel", () => {
  it("sets orientation, paper, zoom or fit to pages, and print titles, refusing values Excel refuses", () => {
    const ps = register().PageSetup;
    ps.Orientation = 2;
    ps.PaperSize = 9;
    ps.Zoom = false;
    ps.FitToPagesWide = 1;
    ps.FitToPagesTall = false;
    ps.PrintTitleRows = "$1:$2";
    expect([
      ps.Orientation,
      ps.PaperSize,
      ps.Zoom,
      ps.FitToPagesWide,
      ps.FitToPagesTall,
      ps.PrintTitleRows,
    ]).toEqual([2, 9, false, 1, false, "$1:$2"]);
    expect(error(() => (ps.Zoom = 401))).toBe(1004);
    expect(error(() => (ps.Zoom = 9))).toBe(1004);
    expect(error(() => (ps.Orientation = 3))).toBe(1004);
    expect(error(() => (ps.PrintTitleRows = "A1:B2"))).toBe(1004);
    expect(error(() => (ps.FitToPagesWide = 0))).toBe(1004);
  });
});
