import { createApplication, installWpsHost, WpsError } from ".";

const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as WpsError).number;
  }
  return "no error";
};

describe("the in-memory WPS 表格's application, workbooks and sheets behave like WPS/Excel", () => {
  it("has no active workbook until one is added, then a workbook of one sheet Sheet1", () => {
    const app = createApplication();
    expect(app.ActiveWorkbook).toBeNull();
    expect(app.ActiveSheet).toBeNull();
    expect(error(() => app.Worksheets)).toBe(1004);
    const wb = app.Workbooks.Add();
    expect(app.ActiveWorkbook).toBe(wb);
    expect(app.Workbooks.Count).toBe(1);
    expect(wb.Worksheets.Count).toBe(1);
    expect(wb.Worksheets.Item(1).Name).toBe("Sheet1");
    expect(app.ActiveSheet).toBe(wb.Worksheets.Item(1));
  });

  it("is window.Application and wps.EtApplication() once installed", () => {
    const target: Record<string, unknown> = {};
    const app = installWpsHost(target, createApplication({ workbook: true }));
    expect(target.Application).toBe(app);
    expect((target.wps as { EtApplication(): unknown }).EtApplication()).toBe(app);
  });

  it("adds sheets before the active one by default, or Before/After a sheet, and activates the new one", () => {
    const app = createApplication({ workbook: { A: [], B: [] } });
    const ws = app.ActiveWorkbook!.Worksheets;
    const names = () => Array.from({ length: ws.Count }, (_, i) => ws.Item(i + 1).Name);
    expect(names()).toEqual(["A", "B"]);
    const s = ws.Add();
    expect(names()).toEqual([s.Name, "A", "B"]);
    expect(app.ActiveSheet).toBe(s);
    const t = ws.Add(undefined, ws.Item("b"));
    expect(names()).toEqual([s.Name, "A", "B", t.Name]);
    expect(t.Index).toBe(4);
    const u = ws.Add(ws.Item("A"));
    expect(names().indexOf(u.Name)).toBe(1);
    expect(new Set(names()).size).toBe(5);
    expect(error(() => ws.Add(ws.Item(1), ws.Item(2)))).toBe(1004);
  });

  it("finds a sheet by 1-based index or by name whatever its case, else error 9", () => {
    const app = createApplication({ workbook: { 台账: [] } });
    const ws = app.ActiveWorkbook!.Worksheets;
    expect(ws.Item(1)).toBe(ws.Item("台账"));
    expect(error(() => ws.Item(0))).toBe(9);
    expect(error(() => ws.Item(2))).toBe(9);
    expect(error(() => ws.Item("none"))).toBe(9);
  });

  it.each([
    ["", "blank"],
    ["   ", "blank"],
    ["a".repeat(32), "over 31 characters"],
    ["a/b", "/"],
    ["a\\b", "\\"],
    ["a?b", "?"],
    ["a*b", "*"],
    ["a:b", ":"],
    ["a[b", "["],
    ["a]b", "]"],
    ["'ab", "a leading apostrophe"],
    ["ab'", "a trailing apostrophe"],
    ["History", "reserved"],
    ["history", "reserved whatever its case"],
    ["other", "taken by another sheet"],
    ["OTHER", "taken whatever its case"],
  ])("refuses the sheet name %j (%s)", (name) => {
    const app = createApplication({ workbook: { S: [], Other: [] } });
    const s = app.ActiveWorkbook!.Worksheets.Item("S");
    expect(error(() => (s.Name = name))).toBe(1004);
    expect(s.Name).toBe("S");
  });

  it("accepts a 31-character name, inner apostrophes and Chinese, and formulas follow a renamed sheet", () => {
    const app = createApplication({ workbook: { S: [[1]], T: [["=S!A1+1", "='S'!A1*2"]] } });
    const s = app.ActiveWorkbook!.Worksheets.Item("S");
    s.Name = "a".repeat(31);
    s.Name = "企业's 台账";
    expect(s.Name).toBe("企业's 台账");
    const t = app.ActiveWorkbook!.Worksheets.Item("T");
    expect(t.Range("A1:B1").Formula).toEqual([["='企业''s 台账'!A1+1", "='企业''s 台账'!A1*2"]]);
    expect(t.Range("A1:B1").Value2).toEqual([[2, 2]]);
  });

  it("refuses to delete or hide the last visible sheet, and activates the next sheet after a delete", () => {
    const app = createApplication({ workbook: { A: [], B: [], C: [] } });
    const ws = app.ActiveWorkbook!.Worksheets;
    ws.Item("A").Activate();
    ws.Item("A").Delete();
    expect(app.ActiveSheet!.Name).toBe("B");
    ws.Item("C").Visible = 0;
    expect(error(() => ws.Item("B").Delete())).toBe(1004);
    expect(error(() => (ws.Item("B").Visible = 0))).toBe(1004);
    expect(error(() => ws.Item("C").Activate())).toBe(1004);
    ws.Item("C").Delete();
    expect(ws.Count).toBe(1);
  });

  it("refuses adding, renaming, deleting and hiding sheets while the structure is protected", () => {
    const app = createApplication({ workbook: { A: [], B: [] } });
    const wb = app.ActiveWorkbook!;
    wb.Protect("pw");
    expect(wb.ProtectStructure).toBe(false);
    wb.Protect("pw", true);
    expect(wb.ProtectStructure).toBe(true);
    expect(error(() => wb.Worksheets.Add())).toBe(1004);
    expect(error(() => (wb.Worksheets.Item("A").Name = "X"))).toBe(1004);
    expect(error(() => wb.Worksheets.Item("B").Delete())).toBe(1004);
    expect(error(() => (wb.Worksheets.Item("B").Visible = 0))).toBe(1004);
    expect(error(() => wb.Unprotect("wrong"))).toBe(1004);
    wb.Unprotect("pw");
    expect(wb.ProtectStructure).toBe(false);
    wb.Worksheets.Add();
    expect(wb.Worksheets.Count).toBe(3);
  });

  it("records ScreenUpdating, gives Version and Build, and counts calls", () => {
    const app = createApplication({ workbook: true, version: "12.0", build: 16_120 });
    app.ScreenUpdating = false;
    app.ScreenUpdating = true;
    expect(app.screenUpdates).toEqual([false, true]);
    expect([app.Version, app.Build]).toEqual(["12.0", 16_120]);
    app.ActiveSheet!.Range("A1:B2").Value2 = [
      [1, 2],
      [3, 4],
    ];
    expect(app.calls.get("Range.Value2=")).toBe(1);
  });

  it("makes a chosen call fail, after letting a given number through", () => {
    const app = createApplication({ workbook: true });
    app.failOn("Worksheets.Add", { after: 1 });
    const ws = app.ActiveWorkbook!.Worksheets;
    ws.Add();
    expect(error(() => ws.Add())).toBe(1004);
    ws.Add();
    expect(ws.Count).toBe(3);
    app.failOn("Range.Value2=", { error: new WpsError(1004, "磁盘已满") });
    expect(() => (app.ActiveSheet!.Range("A1").Value2 = 1)).toThrow("磁盘已满");
  });
});
