import { createApplication, type WpsError } from ".";

const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as WpsError).number;
  }
  return "no error";
};

const sheet = (grid: (string | number | boolean | undefined)[][] = []) =>
  createApplication({ workbook: { S: grid } }).ActiveSheet!;

describe("the in-memory WPS 表格's ranges behave like WPS/Excel", () => {
  it("gives Value2 as a scalar for one cell and an array of rows for more, undefined for empty cells", () => {
    const ws = sheet([
      ["a", 1],
      [undefined, true],
    ]);
    expect(ws.Range("A1").Value2).toBe("a");
    expect(ws.Range("A2").Value2).toBeUndefined();
    expect(ws.Range("A1:B2").Value2).toEqual([
      ["a", 1],
      [undefined, true],
    ]);
    expect(ws.Range("A1:A2").Value2).toEqual([["a"], [undefined]]);
    expect(ws.Range("A1:B1").Value2).toEqual([["a", 1]]);
    expect(ws.Cells.Item(2, 2).Value2).toBe(true);
    expect(ws.Range("A1", "B2").Address()).toBe("$A$1:$B$2");
  });

  it("writes a 2-D array over its range, a scalar into every cell, and #N/A beyond a smaller array", () => {
    const ws = sheet();
    ws.Range("A1:B2").Value2 = [
      [1, "x"],
      [2, "y"],
    ];
    expect(ws.Range("A1:B2").Value2).toEqual([
      [1, "x"],
      [2, "y"],
    ]);
    ws.Range("C1:C2").Value2 = 7;
    expect(ws.Range("C1:C2").Value2).toEqual([[7], [7]]);
    ws.Range("D1:E2").Value2 = [[5]];
    expect(ws.Range("D1:E2").Value2).toEqual([
      [5, -2146826246],
      [-2146826246, -2146826246],
    ]);
    expect(ws.Range("E1").Text).toBe("#N/A");
    ws.Range("F1:H1").Value2 = [1, 2, 3];
    expect(ws.Range("F1:H1").Value2).toEqual([[1, 2, 3]]);
    ws.Range("A1:B2").Value2 = [
      [null, ""],
      [undefined, 0],
    ];
    expect(ws.Range("A1:B2").Value2).toEqual([
      [undefined, undefined],
      [undefined, 0],
    ]);
  });

  it.each([
    ["2026/3/5", 46086, "yyyy/m/d"],
    ["2026-3-5", 46086, "yyyy/m/d"],
    ["2026年3月5日", 46086, 'yyyy"年"m"月"d"日"'],
    ["TRUE", true, "General"],
    ["false", false, "General"],
    ["50%", 0.5, "0%"],
    ["12.5%", 0.125, "0.00%"],
    ["1,234", 1234, "#,##0"],
    ["1.5E+3", 1500, "0.00E+00"],
    ["007", 7, "General"],
    ["110101199003071234", 110101199003071000, "General"],
    ["2026/2/30", "2026/2/30", "General"],
    ["'0012", "0012", "General"],
    ["abc", "abc", "General"],
  ])("reads %j written to a General cell as %j with the format %j, as typing does", (text, value, format) => {
    const ws = sheet();
    ws.Range("A1").Value2 = text;
    expect(ws.Range("A1").Value2).toBe(value);
    expect(ws.Range("A1").NumberFormat).toBe(format);
  });

  it("keeps text as typed in a cell formatted @, formulas and dates too", () => {
    const ws = sheet();
    ws.Range("A1:A3").NumberFormat = "@";
    ws.Range("A1:A3").Value2 = [["=1+1"], ["2026/3/5"], ["0012"]];
    expect(ws.Range("A1:A3").Value2).toEqual([["=1+1"], ["2026/3/5"], ["0012"]]);
    expect(ws.Range("A1").HasFormula).toBe(false);
  });

  it("stores a text starting with = + - or @ as a formula in a General cell", () => {
    const ws = sheet();
    ws.Range("A1:D1").Value2 = [["=1+1", "+2*3", "-a", "@x"]];
    expect(ws.Range("A1:D1").Formula).toEqual([["=1+1", "=+2*3", "=-a", "=x"]]);
    expect(ws.Range("A1:B1").Value2).toEqual([[2, 6]]);
    expect(ws.Range("C1").Text).toBe("#NAME?");
  });

  it("gives Formula as constants' text, formulas with =, and '' for empty cells; FormulaR1C1 relative", () => {
    const ws = sheet([[1, true, "t"]]);
    ws.Range("B2").Formula = "=A1*2";
    expect(ws.Range("A1:C2").Formula).toEqual([
      ["1", "TRUE", "t"],
      ["", "=A1*2", ""],
    ]);
    expect(ws.Range("B2").FormulaR1C1).toBe("=R[-1]C[-1]*2");
    ws.Range("C3").FormulaR1C1 = "=R1C1+R[-1]C[-1]";
    expect(ws.Range("C3").Formula).toBe("=$A$1+B2");
    expect(ws.Range("C3").Value2).toBe(3);
  });

  it("moves relative references when one formula is set on several cells", () => {
    const ws = sheet([[1], [2], [3]]);
    ws.Range("B1:B3").Formula = "=A1*10+$A$1";
    expect(ws.Range("B1:B3").Formula).toEqual([["=A1*10+$A$1"], ["=A2*10+$A$1"], ["=A3*10+$A$1"]]);
    expect(ws.Range("B1:B3").Value2).toEqual([[11], [21], [31]]);
  });

  it("refuses a text over 32,767 characters", () => {
    const ws = sheet();
    ws.Range("A1").Value2 = "字".repeat(32_767);
    expect(error(() => (ws.Range("A2").Value2 = "字".repeat(32_768)))).toBe(1004);
    expect(ws.Range("A2").Value2).toBeUndefined();
  });

  it("gives one NumberFormat for the range, null when its cells differ", () => {
    const ws = sheet();
    ws.Range("A1:B2").NumberFormat = "0.00";
    expect(ws.Range("A1:B2").NumberFormat).toBe("0.00");
    ws.Range("A1").NumberFormat = "@";
    expect(ws.Range("A1:B2").NumberFormat).toBeNull();
    expect(ws.Range("C1").NumberFormat).toBe("General");
  });

  it("keeps a date written as a Date as its serial", () => {
    const ws = sheet();
    ws.Range("A1").Value2 = new Date(Date.UTC(2026, 2, 5));
    expect(ws.Range("A1").Value2).toBe(46086);
  });

  it("resizes and offsets, counts rows and columns, and refuses to leave the sheet", () => {
    const ws = sheet();
    const r = ws.Range("B2").Resize(3, 4);
    expect(r.Address()).toBe("$B$2:$E$4");
    expect(r.Address(false, false)).toBe("B2:E4");
    expect([r.Row, r.Column, r.Rows.Count, r.Columns.Count, r.Count]).toEqual([2, 2, 3, 4, 12]);
    expect(r.Offset(1, -1).Address()).toBe("$A$3:$D$5");
    expect(r.Rows.Item(2).Address()).toBe("$B$3:$E$3");
    expect(r.Columns.Item(2).Address()).toBe("$C$2:$C$4");
    expect(r.Cells.Item(2, 3).Address()).toBe("$D$3");
    expect(r.EntireRow.Address()).toBe("$2:$4");
    expect(r.EntireColumn.Address()).toBe("$B:$E");
    expect(error(() => r.Offset(-2, 0))).toBe(1004);
    expect(ws.Cells.Item(1_048_576, 16_384).Address()).toBe("$XFD$1048576");
    expect(error(() => ws.Cells.Item(1_048_577, 1))).toBe(1004);
    expect(error(() => ws.Range("XFE1"))).toBe(1004);
    expect(ws.Rows.Count).toBe(1_048_576);
    expect(ws.Columns.Count).toBe(16_384);
  });

  it("gives UsedRange as the rectangle of every cell with content or format", () => {
    const ws = sheet();
    expect(ws.UsedRange.Address()).toBe("$A$1");
    ws.Range("B2").Value2 = 1;
    ws.Range("D5").NumberFormat = "@";
    expect(ws.UsedRange.Address()).toBe("$B$2:$D$5");
  });

  it("merges keeping the top-left value, reports MergeArea and MergeCells, and unmerges", () => {
    const ws = sheet([
      [1, 2],
      [3, 4],
    ]);
    ws.Range("A1:B2").Merge();
    expect(ws.Range("A1:B2").Value2).toEqual([
      [1, undefined],
      [undefined, undefined],
    ]);
    expect(ws.Range("B2").MergeArea.Address()).toBe("$A$1:$B$2");
    expect(ws.Range("B2").MergeCells).toBe(true);
    expect(ws.Range("B2:C2").MergeCells).toBeNull();
    expect(ws.Range("C3").MergeArea.Address()).toBe("$C$3");
    expect(error(() => ws.Range("B1:B3").ClearContents())).toBe(1004);
    ws.Range("A1:B2").ClearContents();
    ws.Range("A1").UnMerge();
    expect(ws.Range("A1:B2").MergeCells).toBe(false);
    ws.Range("A5:C6").Merge(true);
    expect(ws.Range("A6").MergeArea.Address()).toBe("$A$6:$C$6");
  });

  it("sets fonts, fills, alignment, wrap and borders for the range, null where cells differ", () => {
    const ws = sheet();
    const r = ws.Range("A1:B2");
    r.Font.Bold = true;
    r.Font.Name = "仿宋";
    r.Font.Size = 12;
    r.Font.Color = 255;
    r.Interior.Color = 0x00ffff;
    r.HorizontalAlignment = -4108;
    r.VerticalAlignment = -4160;
    r.WrapText = true;
    r.Borders.LineStyle = 1;
    expect([r.Font.Bold, r.Font.Name, r.Font.Size, r.Font.Color]).toEqual([true, "仿宋", 12, 255]);
    expect([r.Interior.Color, r.HorizontalAlignment, r.VerticalAlignment, r.WrapText]).toEqual([
      0x00ffff,
      -4108,
      -4160,
      true,
    ]);
    expect(r.Borders.Item(9).LineStyle).toBe(1);
    ws.Range("A1").Font.Bold = false;
    expect(r.Font.Bold).toBeNull();
    expect(ws.Range("C1").Interior.Color).toBe(16_777_215);
  });

  it("sets row heights up to 409 points and column widths up to 255 characters", () => {
    const ws = sheet();
    ws.Range("A1:A2").EntireRow.RowHeight = 409;
    expect(ws.Range("A2").RowHeight).toBe(409);
    expect(error(() => (ws.Range("A3").RowHeight = 409.5))).toBe(1004);
    ws.Range("B1").ColumnWidth = 30;
    expect(ws.Range("B:B").ColumnWidth).toBe(30);
    expect(error(() => (ws.Range("C1").ColumnWidth = 256))).toBe(1004);
  });

  it("selects only on the active sheet, and records the selection", () => {
    const app = createApplication({ workbook: { A: [], B: [] } });
    const b = app.ActiveWorkbook!.Worksheets.Item("B");
    expect(error(() => b.Range("C3").Select())).toBe(1004);
    b.Activate();
    b.Range("C3:D4").Select();
    expect(app.Selection!.Address()).toBe("$C$3:$D$4");
    expect(app.Selection!.Worksheet).toBe(b);
  });

  it("deletes and inserts entire rows, moving cells, merges and the references to them", () => {
    const ws = sheet([[1], [2], [3], [4]]);
    ws.Range("C6").Formula = "=SUM(A1:A4)";
    ws.Range("C7").Formula = "=A3";
    ws.Range("D7").Formula = "=A2";
    ws.Range("A4:B4").Merge();
    ws.Range("A2").EntireRow.Delete();
    expect(ws.Range("A1:A3").Value2).toEqual([[1], [3], [4]]);
    expect(ws.Range("C5:D6").Formula).toEqual([
      ["=SUM(A1:A3)", ""],
      ["=A2", "=#REF!"],
    ]);
    expect(ws.Range("C5").Value2).toBe(8);
    expect(ws.Range("A3").MergeArea.Address()).toBe("$A$3:$B$3");
    ws.Range("A1").EntireRow.Delete();
    expect(ws.Range("C4:C5").Value2).toEqual([[7], [3]]);
    ws.Range("A1:A2").EntireRow.Insert();
    expect(ws.Range("A3:A4").Value2).toEqual([[3], [4]]);
    expect(ws.Range("C6").Formula).toBe("=SUM(A3:A4)");
    expect(ws.Range("A4").MergeArea.Address()).toBe("$A$4:$B$4");
  });

  it("refuses to push nonblank cells off the sheet", () => {
    const ws = sheet();
    ws.Range("A1048576").Value2 = 1;
    expect(error(() => ws.Range("A1").EntireRow.Insert())).toBe(1004);
  });
});
