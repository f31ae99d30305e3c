// The package patcher, part by part: the zip it copies, the worksheet text it splices, the style book it
// appends to, and the patch every writing command goes through.

import { strFromU8, unzipSync, zipSync } from "fflate";
import { emptyLayout, formula, num, put, text } from "../../src/forms/layout";
import { WorkbookPatch } from "../../src/xlsx/package/patch";
import { checkedPackage } from "../../src/xlsx/package/readable";
import {
  coverRows,
  editCells,
  insertElement,
  joinSheet,
  splitSheet,
  widenDimension,
} from "../../src/xlsx/package/sheetXml";
import { isDateFormatCode, StyleBook } from "../../src/xlsx/package/styles";
import { compressedBytes, crc32, inflateEntry, readZip, writeZip } from "../../src/xlsx/package/zip";
import { readWorkbook } from "../../src/xlsx/parse";
import { craftWorkbook } from "../helpers/craft";

const parts = (bytes: Uint8Array) => unzipSync(bytes);
const textOf = (bytes: Uint8Array, name: string) => strFromU8(parts(bytes)[name]!);

async function grid(bytes: Uint8Array, sheet: string) {
  return (await readWorkbook(bytes, "test.xlsx")).sheet(sheet)!;
}

describe("zip", () => {
  it("computes CRC-32 as zip does", () => {
    expect(crc32(new TextEncoder().encode("123456789")).toString(16)).toBe("cbf43926");
  });

  it("copies the compressed bytes of parts it is not given anew", () => {
    const source = craftWorkbook([{ name: "a", rows: [["x", 1]] }]);
    const entries = readZip(source);
    const out = writeZip(
      entries.map((e) =>
        e.name === "xl/workbook.xml"
          ? { name: e.name, data: new TextEncoder().encode("<changed/>") }
          : { name: e.name, copy: e, source },
      ),
    );
    const again = readZip(out);
    for (const e of entries) {
      const copy = again.find((x) => x.name === e.name)!;
      if (e.name === "xl/workbook.xml") expect(strFromU8(parts(out)[e.name]!)).toBe("<changed/>");
      else expect(Buffer.compare(compressedBytes(out, copy), compressedBytes(source, e))).toBe(0);
    }
  });

  it("refuses a part that inflates beyond the size its directory declares", () => {
    const bytes = zipSync({ "big.xml": new Uint8Array(100_000) });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    for (let at = 0; at < bytes.length - 4; at++)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 10, true);
    const e = readZip(bytes)[0]!;
    expect(e.size).toBe(10);
    expect(() => inflateEntry(bytes, e)).toThrow(/比目录记载的 10 字节更大/);
  });

  it("says an encrypted workbook is one", () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => checkedPackage(ole)).toThrow(/加密/);
  });
});

describe("worksheet text", () => {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const sheet = (body: string, p = "") =>
    `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="${MAIN}"><${p}dimension ref="A1:B2"/>${body}</${p}worksheet>`;

  it("sets cells in existing, new and unnumbered rows, in column order, with the sheet's prefix", () => {
    const s = splitSheet(
      sheet(
        '<x:sheetData><x:row r="1" spans="1:2"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="C1"><x:v>3</x:v></x:c></x:row><x:row><x:c><x:v>9</x:v></x:c></x:row><x:row r="5"/></x:sheetData>',
        "x:",
      ),
    );
    const edits = new Map([
      [0, new Map([[1, "b"]])],
      [2, new Map([[0, "new"]])],
      [6, new Map([[3, "last"]])],
    ]);
    const bounds = editCells(s, edits, (v, place) => `<x:c r="${place.ref}"><x:v>${v}</x:v></x:c>`);
    expect(bounds).toEqual({ top: 0, left: 0, bottom: 6, right: 3 });
    widenDimension(s, bounds!);
    expect(joinSheet(s)).toContain(
      '<x:dimension ref="A1:D7"/><x:sheetData><x:row r="1" spans="1:3"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:v>b</x:v></x:c><x:c r="C1"><x:v>3</x:v></x:c></x:row>' +
        '<x:row r="2"><x:c><x:v>9</x:v></x:c></x:row><x:row r="3"><x:c r="A3"><x:v>new</x:v></x:c></x:row><x:row r="5"/><x:row r="7"><x:c r="D7"><x:v>last</x:v></x:c></x:row></x:sheetData>',
    );
  });

  it("places new elements where CT_Worksheet orders them", () => {
    const s = splitSheet(
      sheet(
        '<sheetData/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><dataValidations count="0"/><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"/>',
      ),
    );
    insertElement(s, "conditionalFormatting", "<conditionalFormatting/>");
    insertElement(s, "sheetProtection", '<sheetProtection sheet="1"/>');
    insertElement(s, "drawing", '<drawing r:id="x"/>');
    expect(joinSheet(s)).toMatch(
      /<sheetData\/><sheetProtection sheet="1"\/><mergeCells.*<\/mergeCells><conditionalFormatting\/><dataValidations count="0"\/><pageMargins[^>]*\/><drawing r:id="x"\/><mc:AlternateContent/,
    );
  });
});

/** Where two long texts first differ, with a little of each around it; undefined when they are equal. */
function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${a.slice(i - 60, i + 60)} ≠ ${b.slice(i - 60, i + 60)}`;
}

describe("a large sheet patched as it streams", () => {
  // Rows numbered N hold N in column A; every seventh row is written without numbers (its cell too), as
  // some tools write them. 60,000 rows are a few MB of text: the sheet passes in several blocks.
  const ROWS = 60_000;
  const row = (n: number) =>
    n % 7 === 0
      ? `<x:row><x:c><x:v>${n}</x:v></x:c></x:row>`
      : `<x:row r="${n}"><x:c r="A${n}"><x:v>${n}</x:v></x:c></x:row>`;
  const rows = Array.from({ length: ROWS }, (_, i) => row(i + 1));
  const tail = '<x:pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>';
  const book = (store: boolean) =>
    craftWorkbook([{ name: "大表", prefix: "x", sheetData: rows.join(""), after: tail }], { store });

  it.each([false, true])(
    "rewrites only the edited rows, in every block, the rest byte for byte (stored part: %s)",
    async (store) => {
      const edited = [1, 2, 7, 20_000, 29_999, 30_001, 44_100, 59_999, 60_000];
      const patch = new WorkbookPatch(book(store));
      patch.setCells(
        "大表",
        [...edited, 60_005].map((n) => ({ row: n - 1, col: 1, value: { t: "number", v: -n } })),
      );
      patch.protectSheet("大表");
      const xml = textOf(await patch.apply(), "xl/worksheets/sheet1.xml");
      const want = rows.map((r, i) => {
        const n = i + 1;
        const numbered = n % 7 === 0 ? r.replace("<x:row>", `<x:row r="${n}">`) : r;
        if (!edited.includes(n)) return numbered;
        // A changed row's cells all get their numbers.
        return `<x:row r="${n}"><x:c r="A${n}"><x:v>${n}</x:v></x:c><x:c r="B${n}"><x:v>${-n}</x:v></x:c></x:row>`;
      });
      want.push('<x:row r="60005"><x:c r="B60005"><x:v>-60005</x:v></x:c></x:row>');
      expect(
        firstDifference(
          xml.slice(xml.indexOf("<x:sheetData>"), xml.indexOf("</x:sheetData>")),
          `<x:sheetData>${want.join("")}`,
        ),
      ).toBeUndefined();
      expect(xml.slice(xml.indexOf("</x:sheetData>"))).toBe(
        `</x:sheetData><x:sheetProtection sheet="1"/>${tail}</x:worksheet>`,
      );
    },
  );

  it("finds filled rows and protection across blocks", () => {
    const patch = new WorkbookPatch(book(false));
    expect(patch.filledRows("大表", 29_990, 30_010)).toEqual(
      Array.from({ length: 21 }, (_, i) => 29_990 + i),
    );
    expect(patch.filledRows("大表", 59_990, 70_000)).toHaveLength(10);
    expect(patch.isProtected("大表")).toBe(false);
  });

  it("refuses an edit inside an array formula met in a later block", async () => {
    const withArray = craftWorkbook([
      {
        name: "大表",
        sheetData:
          rows.join("").replace(/x:/g, "") +
          '<row r="60001"><c r="A60001"><f t="array" ref="A60001:B60003">1</f><v>1</v></c></row>',
      },
    ]);
    const patch = new WorkbookPatch(withArray);
    patch.setCells("大表", [
      { row: 5, col: 1, value: { t: "number", v: 1 } },
      { row: 60_001, col: 1, value: { t: "number", v: 1 } },
    ]);
    await expect(patch.apply()).rejects.toThrow(/数组公式/);
  });
});

describe("the style book", () => {
  const styles = craftWorkbook([{ name: "a", rows: [] }]);
  const book = () => new StyleBook(textOf(styles, "xl/styles.xml"), "xl/styles.xml");

  it("derives a style by appending, so the indices in use keep their meaning", () => {
    const b = book();
    const red = b.derive(1, { fill: "#FFC7CE", font: { color: "#9C0006" } });
    expect(red).toBe(2);
    expect(b.derive(1, { fill: "#FFC7CE", font: { color: "#9C0006" } })).toBe(red);
    const xml = b.text();
    expect(xml).toContain('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    expect(xml).toMatch(
      /<xf numFmtId="14" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1" applyFont="1"\/>/,
    );
    expect(xml).toContain('<cellXfs count="3">');
    expect(b.isDateStyle(red)).toBe(true);
  });

  it("tells date formats from others", () => {
    expect(isDateFormatCode("yyyy-mm-dd")).toBe(true);
    expect(isDateFormatCode('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormatCode("0.00")).toBe(false);
    expect(isDateFormatCode('"days"0')).toBe(false);
    expect(isDateFormatCode("[Red]0.0")).toBe(false);
  });
});

describe("a patch", () => {
  const layout = (name: string) => {
    const l = emptyLayout(name, { orientation: "portrait", fitToWidth: true, titleRows: [2, 2] });
    put(l, 0, 0, text("=1+1 stays text"), "title");
    put(l, 1, 0, num(7), "cell");
    put(l, 2, 0, formula("A2*2"), "total");
    return l;
  };

  it("adds a sheet from a layout: part, relationship, content type, print titles, recalculation", async () => {
    const base = craftWorkbook([
      { name: "首页", rows: [["a"]] },
      { name: "次页", rows: [["b"]] },
    ]);
    const patch = new WorkbookPatch(base);
    patch.addSheet(layout("新表"));
    expect(patch.sheetNames()).toEqual(["首页", "次页", "新表"]);
    const out = await patch.apply();
    const wb = textOf(out, "xl/workbook.xml");
    expect(wb).toMatch(/<sheet name="新表" sheetId="3" [^>]*r:id="rId\d+"\/>/);
    expect(wb).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'新表\'!$2:$2</definedName>',
    );
    expect(wb).toContain('fullCalcOnLoad="1"');
    expect(textOf(out, "[Content_Types].xml")).toContain('PartName="/xl/worksheets/sheet3.xml"');
    const sheet = textOf(out, "xl/worksheets/sheet3.xml");
    expect(sheet).toContain('t="inlineStr"><is><t>=1+1 stays text</t></is>');
    expect(sheet).toContain("<f>A2*2</f>");
    expect(sheet).not.toContain('t="s"');
    const g = await grid(out, "新表");
    expect(g.rows[0]![0]).toBe("=1+1 stays text");
    expect(g.rows[2]![0]).toEqual({ formula: "A2*2" });
    for (const name of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "_rels/.rels"])
      expect(strFromU8(parts(out)[name]!)).toBe(strFromU8(parts(base)[name]!));
  });

  it("renames a sheet with the defined names that refer to it, and adds a new one under the old name", async () => {
    const first = new WorkbookPatch(
      craftWorkbook([
        { name: "Sheet1", rows: [["a"]] },
        { name: "MySheet1", rows: [] },
      ]),
    );
    first.addSheet(layout("附表3 2026Q3"));
    const base = await first.apply();
    const patch = new WorkbookPatch(base);
    expect(() => patch.renameSheet("附表3 2026Q3", "sheet1")).toThrow(/taken/);
    patch.renameSheet("附表3 2026Q3", "附表3 2026Q3 旧");
    patch.renameSheet("Sheet1", "首 页");
    patch.addSheet(layout("附表3 2026Q3"));
    expect(patch.sheetNames()).toEqual(["首 页", "MySheet1", "附表3 2026Q3 旧", "附表3 2026Q3"]);
    const wb = textOf(await patch.apply(), "xl/workbook.xml");
    expect(wb).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'附表3 2026Q3 旧\'!$2:$2</definedName>',
    );
    expect(wb).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="3">\'附表3 2026Q3\'!$2:$2</definedName>',
    );
    expect(wb).toMatch(/<sheet name="首 页" sheetId="1"/);
    expect(wb).toMatch(/<sheet name="MySheet1" sheetId="2"/);
  });

  it("replaces a sheet in its place and part, naming what another program attached to it", async () => {
    const base = await new WorkbookPatch(craftWorkbook([{ name: "a", rows: [["x"]] }])).apply();
    const first = new WorkbookPatch(base);
    first.addSheet(layout("表"));
    const withSheet = await first.apply();
    const again = new WorkbookPatch(withSheet);
    again.replaceSheet({
      ...layout("表"),
      blocks: [{ row: 0, col: 0, values: [[text("new")]], style: "cell" }],
    });
    const out = await again.apply();
    expect(textOf(out, "xl/workbook.xml").match(/<sheet /g)).toHaveLength(2);
    expect(textOf(out, "xl/worksheets/sheet2.xml")).toContain("<t>new</t>");
    expect(textOf(out, "xl/workbook.xml").match(/_xlnm.Print_Titles/g)).toHaveLength(1);

    const files = parts(withSheet);
    files["xl/worksheets/_rels/sheet2.xml.rels"] = new TextEncoder().encode(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
    );
    files["xl/drawings/drawing1.xml"] = new TextEncoder().encode("<xdr:wsDr/>");
    const drawn = new WorkbookPatch(zipSync(files));
    drawn.replaceSheet(layout("表"));
    expect(drawn.losses()).toEqual([{ sheet: "表", parts: ["xl/drawings/drawing1.xml"] }]);
    const dropped = parts(await drawn.apply());
    expect(dropped["xl/drawings/drawing1.xml"]).toBeUndefined();
    expect(dropped["xl/worksheets/_rels/sheet2.xml.rels"]).toBeUndefined();
  });

  it("sets cells: text inline (never a formula), dates with a date format, and drops calcChain", async () => {
    const files = parts(craftWorkbook([{ name: "表", rows: [["a", 1]] }]));
    files["xl/calcChain.xml"] = new TextEncoder().encode('<calcChain><c r="B1" i="1"/></calcChain>');
    files["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(
      strFromU8(files["xl/_rels/workbook.xml.rels"]!).replace(
        "</Relationships>",
        '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    files["[Content_Types].xml"] = new TextEncoder().encode(
      strFromU8(files["[Content_Types].xml"]!).replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
    const patch = new WorkbookPatch(zipSync(files));
    patch.setCells("表", [
      { row: 0, col: 0, value: text('=HYPERLINK("x")') },
      { row: 0, col: 2, value: { t: "date", v: 46000 }, style: { fill: "#F2F2F2" } },
      { row: 3, col: 1, value: num(2.5) },
      { row: 0, col: 1, value: null },
    ]);
    const out = await patch.apply();
    const sheet = textOf(out, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<c r="A1" t="inlineStr"><is><t>=HYPERLINK("x")</t></is></c><c r="B1"/>');
    expect(sheet).not.toContain("<f>");
    expect(parts(out)["xl/calcChain.xml"]).toBeUndefined();
    expect(textOf(out, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(textOf(out, "[Content_Types].xml")).not.toContain("calcChain");
    const g = await grid(out, "表");
    expect(g.rows[0]).toEqual(['=HYPERLINK("x")', null, new Date(Date.UTC(2025, 11, 9))]);
    expect(g.rows[3]![1]).toBe(2.5);
  });

  it("refuses to overwrite the first cell of a shared formula, which the others depend on", async () => {
    const sheetData =
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">ROW()</f><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>2</v></c></row>';
    const patch = new WorkbookPatch(craftWorkbook([{ name: "表", sheetData }]));
    patch.setCells("表", [{ row: 0, col: 0, value: num(5) }]);
    await expect(patch.apply()).rejects.toThrow(/A1 是共享公式/);
  });

  it("refuses to write into cells an array formula that starts in another column spills over, naming it", async () => {
    const sheetData =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="array" ref="B1:D2">A1:C2*2</f><v>2</v></c></row>' +
      '<row r="2"><c r="B2"><v>2</v></c><c r="C2"><v>2</v></c><c r="D2"><v>2</v></c></row>';
    const inside = new WorkbookPatch(craftWorkbook([{ name: "表", sheetData }]));
    inside.setCells("表", [{ row: 1, col: 3, value: num(5) }]);
    await expect(inside.apply()).rejects.toThrow(/D2 在从 B1 开始的数组公式（B1:D2）之内/);
    const beside = new WorkbookPatch(craftWorkbook([{ name: "表", sheetData }]));
    beside.setCells("表", [{ row: 1, col: 4, value: num(5) }]);
    await expect(beside.apply()).resolves.toBeInstanceOf(Uint8Array);
  });

  it("quotes a sheet name holding an apostrophe in its print titles as formulas do, doubling it", async () => {
    const patch = new WorkbookPatch(craftWorkbook([{ name: "首页", rows: [["a"]] }]));
    patch.addSheet(layout("评估评分 '港城'博源"));
    const wb = textOf(await patch.apply(), "xl/workbook.xml");
    expect(wb).toContain(
      "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'评估评分 ''港城''博源'!$2:$2</definedName>",
    );
  });

  it("writes dates as serials of the workbook's own date system (1904 in Mac Excel's)", async () => {
    const files = parts(craftWorkbook([{ name: "表", rows: [["a"]] }]));
    files["xl/workbook.xml"] = new TextEncoder().encode(
      strFromU8(files["xl/workbook.xml"]!).replace("<sheets>", '<workbookPr date1904="1"/><sheets>'),
    );
    const base = zipSync(files);
    const patch = new WorkbookPatch(base);
    patch.setCells("表", [{ row: 0, col: 1, value: { t: "date", v: 46466 } }]);
    const l = emptyLayout("新表", { orientation: "portrait", fitToWidth: true });
    put(l, 0, 0, { t: "date", v: 46466 }, "cell");
    patch.addSheet(l);
    const out = await patch.apply();
    expect(textOf(out, "xl/worksheets/sheet1.xml")).toContain(`<v>${46466 - 1462}</v>`);
    expect(textOf(out, "xl/worksheets/sheet2.xml")).toContain(`<v>${46466 - 1462}</v>`);
    const march20 = new Date(Date.UTC(2027, 2, 20));
    expect((await grid(out, "表")).rows[0]![1]).toEqual(march20);
    expect((await grid(out, "新表")).rows[0]![0]).toEqual(march20);
  });

  it("keeps a protection the sheet has (and its password), and adds one where it has none", async () => {
    const files = parts(
      craftWorkbook([
        { name: "有", rows: [["a"]], after: '<sheetProtection password="CC1A" sheet="1"/>' },
        { name: "无", rows: [["b"]] },
      ]),
    );
    const patch = new WorkbookPatch(zipSync(files));
    patch.protectSheet("有");
    patch.protectSheet("无");
    const out = await patch.apply();
    expect(textOf(out, "xl/worksheets/sheet1.xml")).toContain('<sheetProtection password="CC1A" sheet="1"/>');
    expect(textOf(out, "xl/worksheets/sheet2.xml")).toContain('</sheetData><sheetProtection sheet="1"/>');
  });

  it("renames a table's column with its header cell, and grows the table over appended rows", async () => {
    const files = parts(
      craftWorkbook([
        {
          name: "表",
          rows: [
            ["名称", "列2"],
            ["甲", null],
          ],
        },
      ]),
    );
    files["xl/worksheets/sheet1.xml"] = new TextEncoder().encode(
      strFromU8(files["xl/worksheets/sheet1.xml"]!).replace(
        "</worksheet>",
        '<tableParts count="1"><tablePart r:id="rIdT"/></tableParts></worksheet>',
      ),
    );
    files["xl/worksheets/_rels/sheet1.xml.rels"] = new TextEncoder().encode(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>',
    );
    files["xl/tables/table1.xml"] = new TextEncoder().encode(
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" displayName="T" ref="A1:B2"><autoFilter ref="A1:B2"/><tableColumns count="2"><tableColumn id="1" name="名称"/><tableColumn id="2" name="列2"/></tableColumns></table>',
    );
    const patch = new WorkbookPatch(zipSync(files));
    patch.setCells("表", [
      { row: 0, col: 1, value: text("当前阶段") },
      { row: 2, col: 0, value: text("乙") },
    ]);
    patch.extendTable("表", 0, 2);
    const table = textOf(await patch.apply(), "xl/tables/table1.xml");
    expect(table).toContain('ref="A1:B3"');
    expect(table).toContain('<autoFilter ref="A1:B3"/>');
    expect(table).toContain('<tableColumn id="2" name="当前阶段"/>');
  });
});

describe("reading what other programs write", () => {
  it("reads a workbook whose spreadsheet elements carry a namespace prefix", async () => {
    const bytes = craftWorkbook([{ name: "表", rows: [["甲", 1]], prefix: "x" }]);
    expect((await grid(bytes, "表")).rows).toEqual([["甲", 1]]);
    const patch = new WorkbookPatch(bytes);
    patch.setCells("表", [{ row: 0, col: 2, value: text("乙") }]);
    const out = await patch.apply();
    expect(textOf(out, "xl/worksheets/sheet1.xml")).toContain(
      '<x:c r="C1" t="inlineStr"><x:is><x:t>乙</x:t></x:is></x:c>',
    );
    expect((await grid(out, "表")).rows).toEqual([["甲", 1, "乙"]]);
  });

  it('reads ISO dates (t="d") as dates, and rows and cells written without numbers where they stand', async () => {
    const sheetData =
      '<row><c t="d"><v>2026-03-05T00:00:00</v></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c></row>';
    const g = await grid(craftWorkbook([{ name: "表", sheetData }]), "表");
    expect(g.rows[0]).toEqual([46086, 2]);
    expect(g.rows[2]).toEqual([null, 3]);
  });

  it("places a cell written without its number after the cell before it, in a numbered row, as LibreOffice does", async () => {
    const sheetData =
      '<row r="1"><c r="B1"><v>1</v></c><c><v>2</v></c><c t="inlineStr"><is><t>丙</t></is></c></row>' +
      '<row r="2"><c><v>4</v></c></row>';
    const g = await grid(craftWorkbook([{ name: "表", sheetData }]), "表");
    expect(g.rows).toEqual([[null, 1, 2, "丙"], [4]]);
  });

  it("follows relationship targets written with backslashes", async () => {
    const files = parts(craftWorkbook([{ name: "表", rows: [["甲", 1]] }]));
    files["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(
      strFromU8(files["xl/_rels/workbook.xml.rels"]!).replace('Target="worksheets/', 'Target="worksheets\\'),
    );
    const bytes = zipSync(files);
    expect((await grid(bytes, "表")).rows).toEqual([["甲", 1]]);
  });

  it("reads a workbook whose part names use backslashes, or whose sheet is in UTF-16", async () => {
    const files = parts(craftWorkbook([{ name: "表", rows: [["甲", 1]] }]));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!).replace(
      'encoding="UTF-8"',
      'encoding="UTF-16"',
    );
    const utf16 = new Uint8Array(2 + sheet.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < sheet.length; i++)
      new DataView(utf16.buffer).setUint16(2 + i * 2, sheet.charCodeAt(i), true);
    files["xl/worksheets/sheet1.xml"] = utf16;
    const windows = Object.fromEntries(Object.entries(files).map(([n, d]) => [n.replace(/\//g, "\\"), d]));
    const bytes = zipSync(windows);
    expect((await grid(bytes, "表")).rows).toEqual([["甲", 1]]);
    const patch = new WorkbookPatch(bytes);
    patch.setCells("表", [{ row: 0, col: 2, value: text("乙") }]);
    const out = await patch.apply();
    expect(textOf(out, "xl/worksheets/sheet1.xml")).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect((await grid(out, "表")).rows).toEqual([["甲", 1, "乙"]]);
  });

  it("reads a workbook without a styles part", async () => {
    const files = parts(craftWorkbook([{ name: "表", rows: [["甲"]] }]));
    delete files["xl/styles.xml"];
    files["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(
      strFromU8(files["xl/_rels/workbook.xml.rels"]!).replace(/<Relationship Id="rIdS"[^>]*\/>/, ""),
    );
    const bytes = zipSync(files);
    expect((await grid(bytes, "表")).rows).toEqual([["甲"]]);
    const patch = new WorkbookPatch(bytes);
    patch.setCells("表", [{ row: 0, col: 1, value: text("乙"), style: { font: { bold: true } } }]);
    const out = await patch.apply();
    expect(textOf(out, "xl/_rels/workbook.xml.rels")).toContain("styles.xml");
    expect((await grid(out, "表")).rows).toEqual([["甲", "乙"]]);
  });
});

describe("appending rows", () => {
  it("styles an appended row's cells like the given row's, column by column, before its own change", async () => {
    const sheetData =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row>' +
      '<row r="2"><c r="A2" s="1" t="inlineStr"><is><t>甲</t></is></c><c r="B2" s="2"/></row>';
    const patch = new WorkbookPatch(craftWorkbook([{ name: "表", sheetData }]));
    patch.setCells("表", [
      { row: 2, col: 0, value: text("乙"), likeRow: 1 },
      { row: 2, col: 1, likeRow: 1 },
      { row: 2, col: 2, value: text("丙"), likeRow: 1, style: { numFmt: "@" } },
    ]);
    const sheet = textOf(await patch.apply(), "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<c r="A3" s="1" t="inlineStr"><is><t>乙</t></is></c><c r="B3" s="2"/>');
    expect(sheet).toMatch(/<c r="C3" s="(\d+)" t="inlineStr"><is><t>丙<\/t><\/is><\/c>/);
  });

  it("grows the conditional formats and data validations that reach the last row, leaving the others", () => {
    const sheet = splitSheet(
      '<worksheet xmlns="m" xmlns:xm="x"><sheetData/>' +
        '<conditionalFormatting sqref="A2:F5 H1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>' +
        '<dataValidations count="2"><dataValidation type="list" sqref="C2:C5"/><dataValidation type="list" sqref="D2:D900"/><dataValidation type="list" sqref="E7"/></dataValidations>' +
        "<extLst><ext><x14:dataValidations><x14:dataValidation><xm:sqref>G2:G5</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>",
    );
    coverRows(sheet, 4, 9);
    const xml = joinSheet(sheet);
    expect(xml).toContain('sqref="A2:F10 H1"');
    expect(xml).toContain('sqref="C2:C10"');
    expect(xml).toContain('sqref="D2:D900"');
    expect(xml).toContain('sqref="E7"');
    expect(xml).toContain("<xm:sqref>G2:G10</xm:sqref>");
  });
});
