import { createApplication } from ".";
import * as engine from "./evaluate";

/** Value2 of a formula typed into Z1 of a sheet holding `grid` from A1. */
const calc = (formula: string, grid: (string | number | boolean | undefined)[][] = []) => {
  const app = createApplication({ workbook: { S: grid, "S 2": [[10]] }, today: 46_086 });
  const ws = app.ActiveSheet!;
  ws.Range("Z1").Formula = formula;
  return ws.Range("Z1").Value2;
};

const DIV0 = 2007 - 2146828288;
const NAME = 2029 - 2146828288;
const VALUE = 2015 - 2146828288;

describe("the in-memory WPS 表格 computes formulas as Excel does", () => {
  it.each([
    ["=1+2*3", 7],
    ["=(1+2)*3", 9],
    ["=2^3", 8],
    ["=-2^2", 4],
    ["=10%", 0.1],
    ['="a"&1&TRUE', "a1TRUE"],
    ["=1/0", DIV0],
    ['=1+"x"', VALUE],
    ['="2"+1', 3],
    ["=NOSUCH(1)", NAME],
    ["=1+", NAME],
    ['="a"="A"', true],
    ['=1<"a"', true],
    ['="a"<TRUE', true],
  ])("%s is %j", (formula, value) => {
    expect(calc(formula)).toBe(value);
  });

  it.each([
    ["=A1+A2", 3],
    ["=A3+1", 1],
    ['=A3=""', true],
    ["=A3=0", true],
    ["=SUM(A1:A3)", 3],
    ["=SUM(A1:B3)", 3],
    ["=COUNT(A1:B3)", 2],
    ["=COUNTA(A1:B3)", 5],
    ['=COUNTIF(B1:B3,"是")', 1],
    ['=COUNTIF(A1:A3,">1")', 1],
    ['=COUNTIF(A1:B2,"<>")', 4],
    ['=SUMPRODUCT((B1:B3="是")*A1:A3)', 1],
    ["=SUMPRODUCT(ISNUMBER(A1:A3)*1)", 2],
    ["=SUMPRODUCT(MAX(ISNUMBER(A1:A3)*(10-ROW(A1:A3))))", 9],
    ["=ISBLANK(A3)", true],
    ["=ISBLANK(B3)", false],
    ["=N(B1)+N(A2)", 2],
    ['=IF(A1>0,"正","负")', "正"],
    ["=IF(A3,1)", false],
    ['=AND(A1=1,B1="是")', true],
    ["=OR(A1=2,A2=2)", true],
    ["=INDEX(A1:A3,2)", 2],
    ["=INDEX(A1:B3,1,2)", "是"],
    ["=LEFT(B2,1)&LEN(B2)", "否2"],
    ["='S 2'!A1*2", 20],
    ["=ISNUMBER(1/_xlfn.ISFORMULA(A1))", false],
    ["=ISNUMBER(1/ISFORMULA(Z1))", true],
  ])("%s over the cells is %j", (formula, value) => {
    expect(
      calc(formula, [
        [1, "是"],
        [2, "否否"],
        [undefined, '=""'],
      ]),
    ).toBe(value);
  });

  it.each([
    ["=ROUND(2.5,0)", 3],
    ["=ROUND(-2.5,0)", -3],
    ["=ROUND(1.005,2)", 1.01],
    ["=MOD(-3,2)", 1],
    ["=ABS(-2)", 2],
    ["=MAX(1,5,3)", 5],
    ["=AVERAGE(1,2,3)", 2],
    ["=TODAY()", 46_086],
    ["=DATE(2026,3,5)", 46_086],
    ["=DATE(2026,14,1)", 46_419],
    ['=YEAR(46086)&"-"&MONTH(46086)&"-"&DAY(46086)', "2026-3-5"],
    ["=EDATE(46081,1)", 46_112 - 3],
    ['=TRIM("  a   b ")', "a b"],
    ['=IFERROR(1/0,"无")', "无"],
  ])("%s is %j", (formula, value) => {
    expect(calc(formula)).toBe(value);
  });

  it("gives a circular reference 0", () => {
    expect(calc("=Z1+1")).toBe(0);
  });

  it("computes each formula of a bulk read once, and follows later changes", () => {
    const app = createApplication({ workbook: { S: [[1]] } });
    const ws = app.ActiveSheet!;
    ws.Range("B1:B200").Formula = "=A1*2";
    ws.Range("C1:C200").Formula = "=SUM(B$1:B1)";
    const computed = jest.spyOn(engine, "evaluateFormula");
    expect((ws.Range("C1:C200").Value2 as number[][])[199]).toEqual([2]);
    expect(computed).toHaveBeenCalledTimes(400);
    computed.mockRestore();
    ws.Range("A1").Value2 = 5;
    expect(ws.Range("C200").Value2).toBe(10);
  });
});
