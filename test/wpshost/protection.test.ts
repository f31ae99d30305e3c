import { createApplication, type WpsError } from ".";

const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as WpsError).number;
  }
  return "no error";
};

const sheet = () => createApplication({ workbook: { S: [[1, 2]] } }).ActiveSheet!;

describe("a protected sheet of the in-memory WPS 表格 refuses what WPS/Excel refuses", () => {
  it("refuses writes to locked cells and lets unlocked ones change", () => {
    const ws = sheet();
    ws.Range("B1:B5").Locked = false;
    ws.Protect("pw");
    expect(ws.ProtectContents).toBe(true);
    expect(error(() => (ws.Range("A1").Value2 = 5))).toBe(1004);
    expect(error(() => (ws.Range("A1:B1").Value2 = [[5, 6]]))).toBe(1004);
    expect(ws.Range("A1:B1").Value2).toEqual([[1, 2]]);
    expect(error(() => (ws.Range("C1").Formula = "=1"))).toBe(1004);
    expect(error(() => ws.Range("A1").ClearContents())).toBe(1004);
    ws.Range("B2:B3").Value2 = [[7], [8]];
    expect(ws.Range("B2:B3").Value2).toEqual([[7], [8]]);
  });

  it("refuses formats, merges, locking and data validation unless an Allow… option permits them", () => {
    const ws = sheet();
    ws.Protect("", true, true, true, false, false);
    expect(error(() => (ws.Range("A1").NumberFormat = "@"))).toBe(1004);
    expect(error(() => (ws.Range("A1").Font.Bold = true))).toBe(1004);
    expect(error(() => (ws.Range("A1").Interior.Color = 255))).toBe(1004);
    expect(error(() => (ws.Range("A1").RowHeight = 20))).toBe(1004);
    expect(error(() => (ws.Range("A1").ColumnWidth = 20))).toBe(1004);
    expect(error(() => ws.Range("A1:B1").Merge())).toBe(1004);
    expect(error(() => (ws.Range("A1").Locked = false))).toBe(1004);
    expect(error(() => ws.Range("C1").Validation.Add(3, 1, 1, "是,否"))).toBe(1004);
    expect(error(() => ws.Range("A1").EntireRow.Insert())).toBe(1004);
    expect(error(() => ws.Range("A1").EntireRow.Delete())).toBe(1004);
    ws.Unprotect("");
    ws.Protect("", true, true, true, false, true, true, true, false, true);
    ws.Range("A1").NumberFormat = "@";
    ws.Range("A1").RowHeight = 20;
    ws.Range("A1").ColumnWidth = 20;
    ws.Range("A5").EntireRow.Insert();
    expect(error(() => ws.Range("A1:B1").Merge())).toBe(1004);
    expect(ws.Protection).toMatchObject({
      AllowFormattingCells: true,
      AllowFormattingColumns: true,
      AllowFormattingRows: true,
      AllowInsertingColumns: false,
      AllowInsertingRows: true,
    });
  });

  it("lets code change everything when protected with UserInterfaceOnly", () => {
    const ws = sheet();
    ws.Protect("pw", true, true, true, true);
    expect(ws.ProtectionMode).toBe(true);
    ws.Range("A1").Value2 = 9;
    ws.Range("A1").NumberFormat = "0.0";
    expect(ws.Range("A1").Value2).toBe(9);
  });

  it("unprotects with the password only, and protects again only with the same one", () => {
    const ws = sheet();
    ws.Protect("pw");
    expect(error(() => ws.Unprotect("other"))).toBe(1004);
    expect(error(() => ws.Unprotect())).toBe(1004);
    expect(error(() => ws.Protect("other"))).toBe(1004);
    ws.Protect("pw", true, true, true, false, true);
    ws.Unprotect("pw");
    expect(ws.ProtectContents).toBe(false);
    ws.Range("A1").Value2 = 3;
  });

  it("with Contents False protects only drawing objects", () => {
    const ws = sheet();
    ws.Protect("", true, false);
    expect(ws.ProtectContents).toBe(false);
    expect(ws.ProtectDrawingObjects).toBe(true);
    ws.Range("A1").Value2 = 4;
    expect(ws.Range("A1").Value2).toBe(4);
  });
});
