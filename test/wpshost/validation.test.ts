import { createApplication, type WpsError } from ".";

const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as WpsError).number;
  }
  return "no error";
};

const sheet = () => createApplication({ workbook: { S: [] } }).ActiveSheet!;
const xlValidateList = 3;
const xlValidAlertStop = 1;
const xlExpression = 2;

describe("data validation and conditional formats of the in-memory WPS 表格 behave like WPS/Excel", () => {
  it("adds a list validation and reads it back", () => {
    const ws = sheet();
    const v = ws.Range("B2:B9").Validation;
    v.Add(xlValidateList, xlValidAlertStop, 1, "是,否");
    v.InputTitle = "请选择";
    v.ErrorMessage = "只能填是或否";
    expect([v.Type, v.AlertStyle, v.Formula1, v.InCellDropdown]).toEqual([xlValidateList, 1, "是,否", true]);
    expect(ws.Range("B3").Validation.InputTitle).toBe("请选择");
  });

  it("throws on Add where the range already has a validation, and adds after Delete", () => {
    const ws = sheet();
    ws.Range("B2:B9").Validation.Add(xlValidateList, 1, 1, "是,否");
    expect(error(() => ws.Range("B2:B9").Validation.Add(xlValidateList, 1, 1, "甲,乙"))).toBe(1004);
    expect(error(() => ws.Range("A5:C5").Validation.Add(xlValidateList, 1, 1, "甲,乙"))).toBe(1004);
    ws.Range("B2:B9").Validation.Delete();
    ws.Range("B2:B9").Validation.Add(xlValidateList, 1, 1, "甲,乙");
    expect(ws.Range("B2").Validation.Formula1).toBe("甲,乙");
  });

  it("deletes the validation of part of a range and keeps the rest", () => {
    const ws = sheet();
    ws.Range("A1:A10").Validation.Add(xlValidateList, 1, 1, "是,否");
    ws.Range("A4:A5").Validation.Delete();
    expect(ws.Range("A3").Validation.Formula1).toBe("是,否");
    expect(ws.Range("A6").Validation.Formula1).toBe("是,否");
    expect(error(() => ws.Range("A4").Validation.Type)).toBe(1004);
  });

  it("refuses a list typed out over 255 characters and a list with no source", () => {
    const ws = sheet();
    const long = Array.from({ length: 60 }, (_, i) => `选项${i}`).join(",");
    expect(long.length).toBeGreaterThan(255);
    expect(error(() => ws.Range("A1").Validation.Add(xlValidateList, 1, 1, long))).toBe(1004);
    expect(error(() => ws.Range("A1").Validation.Add(xlValidateList, 1, 1))).toBe(1004);
    ws.Range("A1").Validation.Add(xlValidateList, 1, 1, "=$Z$1:$Z$100");
    expect(error(() => (ws.Range("A1").Validation.InputTitle = "题".repeat(33)))).toBe(1004);
  });

  it("reading a property where there is no validation is 1004", () => {
    expect(error(() => sheet().Range("A1").Validation.Type)).toBe(1004);
  });

  it("adds expression conditional formats with a fill, counts and deletes them", () => {
    const ws = sheet();
    const fc = ws.Range("A2:D20").FormatConditions.Add(xlExpression, undefined, '=$D2="逾期"');
    fc.Interior.Color = 0x0000ff;
    expect(ws.Range("B5").FormatConditions.Count).toBe(1);
    expect(ws.Range("B5").FormatConditions.Item(1).Interior.Color).toBe(0x0000ff);
    expect(ws.Range("B5").FormatConditions.Item(1).Formula1).toBe('=$D2="逾期"');
    expect(ws.Range("F1").FormatConditions.Count).toBe(0);
    expect(error(() => ws.Range("A1").FormatConditions.Add(xlExpression))).toBe(5);
    ws.Range("A2:D20").FormatConditions.Delete();
    expect(ws.Range("B5").FormatConditions.Count).toBe(0);
  });

  it("refuses conditional formats on a protected sheet unless formatting cells is allowed", () => {
    const ws = sheet();
    ws.Protect("");
    expect(error(() => ws.Range("A1").FormatConditions.Add(xlExpression, undefined, "=1"))).toBe(1004);
    ws.Unprotect("");
    ws.Protect("", true, true, true, false, true);
    ws.Range("A1").FormatConditions.Add(xlExpression, undefined, "=1");
  });
});
