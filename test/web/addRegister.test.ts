// 创建台账 on an open workbook that has no register: the register's sheets are added exactly as a new register
// has them (Excel tables, drop-downs, conditional formats, styles), the workbook's own sheets stay byte for
// byte, and LibreOffice opens the result with the tables and drop-downs there.

import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LOG_SHEET } from "../../src/core/adjustments";
import { REGISTER_SHEET } from "../../src/core/register";
import { defaultSettings, SETTINGS_SHEET } from "../../src/core/settings";
import { addRegister, newRegister } from "../../src/web/operations";
import { readWorkbook } from "../../src/xlsx/parse";
import { Package } from "../../src/xlsx/package/opc";
import { listSheets, workbookPart } from "../../src/xlsx/package/workbook";
import { convert } from "../helpers/libreoffice";

jest.setTimeout(300_000);

const settings = { ...defaultSettings("guangxi", "南宁市生态环境局"), preparer: "张三" };
const dir = mkdtempSync(path.join(tmpdir(), "add-register-"));

/** A district's own workbook: two sheets, one with an Excel table of its own and styled cells. */
async function ownWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("统计");
  ws.addTable({
    name: "Table1",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "项目" }, { name: "数量" }],
    rows: [
      ["企业", 12],
      ["专家", 5],
    ],
  });
  ws.getCell("D4").value = "本单位自己的表";
  ws.getCell("D4").font = { bold: true, color: { argb: "FFC00000" } };
  wb.addWorksheet("备忘").getCell("A1").value = "会议 2026-11-20";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const parts = (bytes: Uint8Array) =>
  new Map(Object.entries(unzipSync(bytes)).filter(([n]) => !n.endsWith("/")));

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
};

/** What a sheet of the register holds as a reader sees it: tables, drop-downs, formats, styles and values. */
function features(ws: ExcelJS.Worksheet) {
  const tables = (ws as unknown as { tables: Record<string, { table: { name: string; tableRef?: string } }> })
    .tables;
  const validations = (ws as unknown as { dataValidations: { model: Record<string, unknown> } })
    .dataValidations.model;
  const cells: unknown[] = [];
  for (let r = 1; r <= Math.max(3, ws.rowCount); r++)
    for (let c = 1; c <= Math.max(1, ws.columnCount); c++) {
      const cell = ws.getCell(r, c);
      cells.push([cell.address, cell.value, cell.style]);
    }
  return {
    tables: Object.values(tables).map((t) => t.table.name),
    validations,
    conditional: (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings,
    columns: (ws.columns ?? []).map((c) => [c.width, c.style]),
    views: ws.views,
    cells,
  };
}

describe("创建台账 on an open workbook without a register", () => {
  let own: Uint8Array;
  let added: Uint8Array;
  let fresh: Uint8Array;

  beforeAll(async () => {
    own = await ownWorkbook();
    added = (await addRegister({ file: "统计.xlsx", bytes: own }, settings)).bytes;
    fresh = (await newRegister(settings)).bytes;
  });

  it("adds the register's three sheets as a new register has them: tables, drop-downs, formats, styles", async () => {
    const [a, f] = [await load(added), await load(fresh)];
    expect(a.worksheets.map((w) => w.name)).toEqual([
      "统计",
      "备忘",
      REGISTER_SHEET,
      LOG_SHEET,
      SETTINGS_SHEET,
    ]);
    for (const name of [REGISTER_SHEET, LOG_SHEET, SETTINGS_SHEET])
      expect(features(a.getWorksheet(name)!)).toEqual(features(f.getWorksheet(name)!));
    expect(features(a.getWorksheet(REGISTER_SHEET)!).tables).toEqual(["RegisterTable"]);
    expect(Object.keys(features(a.getWorksheet(REGISTER_SHEET)!).validations).length).toBeGreaterThan(10);
    expect(features(a.getWorksheet(REGISTER_SHEET)!).conditional).toHaveLength(1);
    // Table ids are unique in the workbook.
    const ids = [...parts(added)]
      .filter(([n]) => /tables\/table\d+\.xml$/.test(n))
      .map(([, b]) => /\bid="(\d+)"/.exec(Buffer.from(b).toString("utf8"))![1]);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    // The page's own reader finds the register and its settings.
    const read = await readWorkbook(added, "统计.xlsx");
    expect(read.sheet(REGISTER_SHEET)).toBeDefined();
  });

  it("keeps the workbook's own sheets, their tables and styles byte for byte", () => {
    const before = parts(own);
    const after = parts(added);
    const pkg = new Package(own);
    const wbPart = workbookPart(pkg);
    const changed = new Set([wbPart, `xl/_rels/workbook.xml.rels`, "[Content_Types].xml", "xl/styles.xml"]);
    for (const [name, bytes] of before) {
      if (changed.has(name)) continue;
      expect([name, Buffer.compare(Buffer.from(after.get(name)!), Buffer.from(bytes))]).toEqual([name, 0]);
    }
    // The user's sheets are still the same parts.
    const theirs = listSheets(pkg, wbPart).map((s) => [s.name, s.part]);
    const kept = new Package(added);
    expect(
      listSheets(kept, workbookPart(kept))
        .slice(0, 2)
        .map((s) => [s.name, s.part]),
    ).toEqual(theirs);
    // Style entries are only appended: every index the user's cells use keeps its meaning.
    const styles = (p: Map<string, Uint8Array>) => Buffer.from(p.get("xl/styles.xml")!).toString("utf8");
    const cellXfs = (s: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1]!;
    expect(cellXfs(styles(after)).startsWith(cellXfs(styles(before)).replace(/<\/xf>$/, ""))).toBe(true);
  });

  it("opens in LibreOffice with the register's table and drop-downs", () => {
    const file = path.join(dir, "统计.xlsx");
    writeFileSync(file, added);
    const [fods] = convert([file], "fods");
    const xml = readFileSync(fods!, "utf8");
    for (const name of ["统计", "备忘", REGISTER_SHEET, LOG_SHEET, SETTINGS_SHEET])
      expect(xml).toContain(`table:name="${name}"`);
    expect(xml).toMatch(/table:database-range [^>]*table:name="RegisterTable"/);
    expect(xml).toMatch(/table:database-range [^>]*table:name="AdjustmentTable"/);
    expect(xml).toMatch(
      /table:content-validation [^>]*table:condition="of:cell-content-is-in-list\(&quot;双超/,
    );
    expect(xml).toContain("本单位自己的表");
  });
});
