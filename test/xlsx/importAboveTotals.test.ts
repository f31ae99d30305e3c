// Importing a list into a register whose table has a totals row: the new rows go inside the table, the totals
// row moving down under them as Excel moves it (its SUBTOTAL formulas follow the table), the sheet's drop-downs
// and formats growing over them; a note under it moves down with it. What cannot move correctly is refused,
// naming it.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withCheckChar } from "../../src/core/creditCode";
import { demoData } from "../../src/core/demo";
import { getProfile } from "../../src/core/profiles";
import { REGISTER_SHEET } from "../../src/core/register";
import { saveWorkbook } from "../../src/xlsx/io";
import { readWorkbook } from "../../src/xlsx/parse";
import { newRegisterWorkbook } from "../../src/xlsx/registerWorkbook";
import { runCli } from "../cli/runCli";
import { craftWorkbook } from "../helpers/craft";
import { openExcelJs } from "../helpers/excelJsReference";
import { recalculate } from "../helpers/libreoffice";
import { registerVariant } from "../helpers/openpyxl";
import { partsOf } from "../helpers/parts";

jest.setTimeout(300_000);

const dir = mkdtempSync(path.join(tmpdir(), "import-totals-"));
const file = (name: string) => path.join(dir, name);
const ROWS = 6;
const NEW = ["上海新列入甲化工有限公司", "上海新列入乙电镀有限公司"];
let totals = "";
let list = "";

beforeAll(async () => {
  const data = demoData({
    profile: getProfile("shanghai"),
    district: "浦东新区生态环境局",
    seed: 5,
    today: 46350,
    count: ROWS,
  });
  const plain = file("plain.xlsx");
  await saveWorkbook(newRegisterWorkbook("shanghai", "浦东新区生态环境局", data), plain);
  totals = file("totals.xlsx");
  registerVariant(plain, totals, "totals", REGISTER_SHEET);
  list = file("list.xlsx");
  writeFileSync(
    list,
    craftWorkbook([
      {
        name: "名单",
        rows: [
          ["序号", "企业名称", "统一社会信用代码", "所属区", "名单公布时间"],
          [1, NEW[0]!, withCheckChar("91310115MA1K2Q7X0"), "浦东新区", 46466],
          [2, NEW[1]!, withCheckChar("91310115MA1K2Q8X0"), "浦东新区", 46466],
        ],
      },
    ]),
  );
});

/** A copy of `src` changed by one line of openpyxl on its workbook `wb` (ExcelJS cannot load a totals row). */
function edit(src: string, out: string, line: string): void {
  const script = `import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n${line}\nwb.save(sys.argv[2])`;
  execFileSync("/usr/bin/python3", ["-c", script, src, out], { stdio: "pipe", timeout: 120_000 });
}

const tableXml = (xlsx: string) =>
  [...partsOf(xlsx)]
    .filter(([n]) => /tables\/table\d+\.xml$/.test(n))
    .map(([, b]) => Buffer.from(b).toString("utf8"))
    .find((x) => x.includes('totalsRowCount="1"'))!;

it("inserts the new rows inside the table, the totals row moving down under them", async () => {
  const out = file("imported.xlsx");
  const r = await runCli("import", list, "--into", totals, "-o", out);
  expect([r.code, r.err]).toEqual([0, expect.any(String)]);
  const header = ROWS + 1;
  // The table now ends with the moved totals row; its filter covers the data rows.
  const table = tableXml(out);
  expect(table).toMatch(new RegExp(`\\sref="A1:[A-Z]+${header + 3}"`));
  expect(table).toMatch(new RegExp(`<autoFilter ref="A1:[A-Z]+${header + 2}"`));

  const ws = (await openExcelJs(out)).getWorksheet(REGISTER_SHEET)!;
  expect([ws.getCell(`B${header + 1}`).value, ws.getCell(`B${header + 2}`).value]).toEqual(NEW);
  expect(ws.getCell(`A${header + 3}`).value).toBe("合计");
  expect(ws.getCell(`B${header + 3}`).formula).toMatch(/^SUBTOTAL\(103,\w+\[企业名称\]\)$/);
  // The drop-downs cover the new rows as they covered the old.
  expect(ws.getCell(`N${header + 2}`).dataValidation).toEqual(ws.getCell(`N${header}`).dataValidation);

  // Every command reads the new enterprises, not the totals row.
  const grids = await readWorkbook(readFileSync(out), out);
  const names = grids.sheet(REGISTER_SHEET)!.rows.map((row) => row[1]);
  expect(names.slice(-2)).toEqual(NEW);
  expect(names).not.toContain("合计");

  // LibreOffice opens it and counts the enterprises through the moved totals row.
  const [again] = recalculate([out]);
  const cell = (await openExcelJs(again!)).getWorksheet(REGISTER_SHEET)!.getCell(`B${header + 3}`);
  expect((cell.value as { result?: unknown }).result ?? cell.value).toBe(ROWS + 2);
});

it("refuses, naming why, when a formula elsewhere points at the totals row", async () => {
  const pointed = file("pointed.xlsx");
  edit(totals, pointed, `wb.create_sheet("汇总")["A1"] = "='${REGISTER_SHEET}'!B${ROWS + 2}"`);
  const a = await runCli("import", list, "--into", pointed, "-o", file("pointed-out.xlsx"));
  expect([a.code, a.err]).toEqual([
    2,
    expect.stringMatching(/工作表“汇总”中的公式引用了需下移的单元格.*未写入/),
  ]);
  expect(existsSync(file("pointed-out.xlsx"))).toBe(false);
});

it("moves a note under the totals row down with it", async () => {
  const noted = file("noted.xlsx");
  edit(totals, noted, `wb["${REGISTER_SHEET}"]["A${ROWS + 4}"] = "制表人：张三"`);
  const out = file("noted-out.xlsx");
  const b = await runCli("import", list, "--into", noted, "-o", out);
  expect([b.code, b.err]).toEqual([0, expect.any(String)]);
  const ws = (await openExcelJs(out)).getWorksheet(REGISTER_SHEET)!;
  // Two rows imported: the totals row and the note each two rows lower, nothing where the note was left over.
  expect(ws.getCell(`A${ROWS + 6}`).value).toBe("制表人：张三");
  expect(ws.getCell(`A${ROWS + 4}`).value).not.toBe("制表人：张三");
});
