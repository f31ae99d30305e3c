// The streaming reader yields the grid ExcelJS yields, for generated worksheets of every cell kind a program
// writes: shared, inline and rich text (with phonetic guides), numbers in date and other formats, both date
// systems, ISO dates, booleans, errors, formulas with and without results (shared ones too), merged areas,
// hyperlinks, rows and cells without numbers, a namespace prefix. Where ExcelJS misreads, the reader reads as
// Excel does, and each such case is a test of its own.

import fc from "fast-check";
import { unzipSync, zipSync, type Zippable } from "fflate";
import { cellAddress } from "../../src/core/address";
import type { Grid } from "../../src/core/grid";
import { parseXlsx, workbookGrids } from "../helpers/excelJsReference";
import { streamWorkbook } from "../../src/xlsx/stream/workbookReader";
import { craftWorkbook } from "../helpers/craft";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Cell styles (xf index): 0 default, 1 built-in date 14, 2 custom date, 3 Chinese custom date, 4 "0.00", 5 text. */
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="166" formatCode="#,##0.00&quot;元&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

type Kind =
  | { k: "shared"; text: string }
  | { k: "sharedRich"; runs: string[] }
  | { k: "sharedPhonetic"; text: string; guide: string }
  | { k: "inline"; text: string }
  | { k: "inlineRich"; runs: string[] }
  | { k: "str"; text: string }
  | { k: "number"; value: number; style: number }
  | { k: "iso"; iso: string; style: number }
  | { k: "bool"; value: boolean }
  | { k: "error"; text: string }
  | { k: "formula"; f: string; result: "none" | "num" | "str" | "bool" | "err"; value: number; style: number }
  | { k: "styledEmpty"; style: number }
  | { k: "bareEmpty" };

const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    "浦东新区",
    "上海某某化工有限公司",
    "2026-03-05",
    "2026年3月5日",
    " 前后空格 ",
    "a&b<c>",
    "=1+1",
    "'0123",
  ),
);
const style = fc.constantFrom(0, 1, 2, 3, 4, 5, 6);
const kind: fc.Arbitrary<Kind> = fc.oneof(
  text.map((t) => ({ k: "shared" as const, text: t })),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => ({ k: "sharedRich" as const, runs })),
  fc.tuple(text, text).map(([t, g]) => ({ k: "sharedPhonetic" as const, text: t, guide: g })),
  text.map((t) => ({ k: "inline" as const, text: t })),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => ({ k: "inlineRich" as const, runs })),
  text.map((t) => ({ k: "str" as const, text: t })),
  fc
    .tuple(
      fc.oneof(fc.integer({ min: 1, max: 60000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
      style,
    )
    .map(([value, s]) => ({ k: "number" as const, value, style: s })),
  fc
    .tuple(fc.date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }), style)
    .map(([d, s]) => ({ k: "iso" as const, iso: d.toISOString().slice(0, 10), style: s })),
  fc.boolean().map((value) => ({ k: "bool" as const, value })),
  fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!").map((t) => ({ k: "error" as const, text: t })),
  fc
    .tuple(
      fc.constantFrom("SUM(A1:A3)", 'IF(A1>0,"是","否")', "TODAY()", "A1&B1"),
      fc.constantFrom("none", "num", "str", "bool", "err"),
      fc.integer({ min: 0, max: 50000 }),
      style,
    )
    .map(([f, result, value, s]) => ({
      k: "formula" as const,
      f,
      result: result as "none" | "num" | "str" | "bool" | "err",
      value,
      // ExcelJS turns a formula's text, boolean or error result in a date format into an invalid date.
      style: result === "num" || result === "none" ? s : 0,
    })),
  style.filter((s) => s > 0).map((s) => ({ k: "styledEmpty" as const, style: s })),
  fc.constant({ k: "bareEmpty" as const }),
);

interface SheetSpec {
  rows: { skip: number; numbered: boolean; cells: { gap: number; numbered: boolean; kind: Kind }[] }[];
  merges: boolean;
  sharedFormula: boolean;
  link: boolean;
}

const sheetSpec: fc.Arbitrary<SheetSpec> = fc.record({
  rows: fc.array(
    fc.record({
      skip: fc.constantFrom(0, 0, 0, 1, 3),
      numbered: fc.constantFrom(true, true, true, false),
      cells: fc.array(
        fc.record({
          gap: fc.constantFrom(0, 0, 0, 1, 2),
          numbered: fc.constantFrom(true, true, false),
          kind,
        }),
        { maxLength: 6 },
      ),
    }),
    { maxLength: 12 },
  ),
  merges: fc.boolean(),
  sharedFormula: fc.boolean(),
  link: fc.boolean(),
});

/** A package of one worksheet built from `spec`, with every kind of cell as programs write them. */
function build(spec: SheetSpec, options: { prefix: boolean; date1904: boolean }): Uint8Array {
  const p = options.prefix ? "x:" : "";
  const shared: string[] = [];
  const out: string[] = [];
  let row = 0;
  for (const r of spec.rows) {
    // A row without its number follows the one before it.
    row += 1 + (r.numbered ? r.skip : 0);
    const cells: string[] = [];
    let col = -1;
    for (const c of r.cells) {
      col += 1 + c.gap;
      const ref = cellAddress(row - 1, col);
      // A cell without its number follows the one before it: only where no column was skipped.
      const at = c.numbered || c.gap > 0 || r.numbered ? ` r="${ref}"` : "";
      const k = c.kind;
      const sh = (xml: string) => shared.push(xml) - 1;
      switch (k.k) {
        case "shared":
          cells.push(`<${p}c${at} t="s"><${p}v>${sh(`<${p}t>${esc(k.text)}</${p}t>`)}</${p}v></${p}c>`);
          break;
        case "sharedRich":
          cells.push(
            `<${p}c${at} t="s"><${p}v>${sh(k.runs.map((t) => `<${p}r><${p}rPr><${p}b/></${p}rPr><${p}t xml:space="preserve">${esc(t)}</${p}t></${p}r>`).join(""))}</${p}v></${p}c>`,
          );
          break;
        case "sharedPhonetic":
          cells.push(
            `<${p}c${at} t="s"><${p}v>${sh(`<${p}t>${esc(k.text)}</${p}t><${p}rPh sb="0" eb="1"><${p}t>${esc(k.guide)}</${p}t></${p}rPh>`)}</${p}v></${p}c>`,
          );
          break;
        case "inline":
          cells.push(`<${p}c${at} t="inlineStr"><${p}is><${p}t>${esc(k.text)}</${p}t></${p}is></${p}c>`);
          break;
        case "inlineRich":
          cells.push(
            `<${p}c${at} t="inlineStr"><${p}is>${k.runs.map((t) => `<${p}r><${p}t>${esc(t)}</${p}t></${p}r>`).join("")}</${p}is></${p}c>`,
          );
          break;
        case "str":
          cells.push(`<${p}c${at} t="str"><${p}v>${esc(k.text)}</${p}v></${p}c>`);
          break;
        case "number":
          cells.push(`<${p}c${at} s="${k.style}"><${p}v>${k.value}</${p}v></${p}c>`);
          break;
        case "iso":
          cells.push(`<${p}c${at} s="${k.style}" t="d"><${p}v>${k.iso}</${p}v></${p}c>`);
          break;
        case "bool":
          cells.push(`<${p}c${at} t="b"><${p}v>${k.value ? 1 : 0}</${p}v></${p}c>`);
          break;
        case "error":
          cells.push(`<${p}c${at} t="e"><${p}v>${k.text}</${p}v></${p}c>`);
          break;
        case "formula": {
          const f = `<${p}f>${esc(k.f)}</${p}f>`;
          const v = {
            none: ["", ""],
            num: ["", `<${p}v>${k.value}</${p}v>`],
            str: [' t="str"', `<${p}v>结果${k.value}</${p}v>`],
            bool: [' t="b"', `<${p}v>${k.value % 2}</${p}v>`],
            err: [' t="e"', `<${p}v>#REF!</${p}v>`],
          }[k.result];
          cells.push(`<${p}c${at} s="${k.style}"${v[0]}>${f}${v[1]}</${p}c>`);
          break;
        }
        case "styledEmpty":
          cells.push(`<${p}c${at} s="${k.style}"/>`);
          break;
        case "bareEmpty":
          cells.push(`<${p}c${at}/>`);
          break;
      }
    }
    out.push(`<${p}row${r.numbered ? ` r="${row}"` : ""}>${cells.join("")}</${p}row>`);
  }
  if (spec.sharedFormula) {
    row += 1;
    out.push(
      `<${p}row r="${row}"><${p}c r="A${row}"><${p}f t="shared" ref="A${row}:C${row}" si="0">ROW()*2</${p}f><${p}v>${row * 2}</${p}v></${p}c><${p}c r="B${row}"><${p}f t="shared" si="0"/><${p}v>${row * 2}</${p}v></${p}c><${p}c r="C${row}"><${p}f t="shared" si="0"/></${p}c></${p}row>`,
    );
  }
  const after: string[] = [];
  if (spec.merges && row >= 2)
    after.push(
      `<${p}mergeCells count="2"><${p}mergeCell ref="A1:B2"/><${p}mergeCell ref="D${row}:D${row + 2}"/></${p}mergeCells>`,
    );
  if (spec.link) {
    row += 1;
    out.push(
      `<${p}row r="${row}"><${p}c r="A${row}" t="inlineStr"><${p}is><${p}t>网站</${p}t></${p}is></${p}c><${p}c r="B${row}"><${p}v>42</${p}v></${p}c><${p}c r="C${row}"><${p}f>1+1</${p}f><${p}v>2</${p}v></${p}c></${p}row>`,
    );
    after.push(
      `<${p}hyperlinks>${["A", "B", "C"].map((c) => `<${p}hyperlink ref="${c}${row}" r:id="rIdL"/>`).join("")}</${p}hyperlinks>`,
    );
  }
  const ns = options.prefix ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const enc = new TextEncoder();
  const files: Zippable = {
    "[Content_Types].xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    "_rels/.rels": enc.encode(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${REL}"><${p}workbookPr${options.date1904 ? ' date1904="1"' : ""}/><${p}sheets><${p}sheet name="台账" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": enc.encode(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    "xl/styles.xml": enc.encode(STYLES),
    "xl/sharedStrings.xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns} count="${shared.length}">${shared.map((s) => `<${p}si>${s}</${p}si>`).join("")}</${p}sst>`,
    ),
    "xl/worksheets/sheet1.xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetData>${out.join("")}</${p}sheetData>${after.join("")}</${p}worksheet>`,
    ),
    "xl/worksheets/_rels/sheet1.xml.rels": enc.encode(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rIdL" Type="${REL}/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`,
    ),
  };
  return zipSync(files);
}

async function excelJsGrid(bytes: Uint8Array, sheet: string): Promise<Grid | undefined> {
  return workbookGrids(await parseXlsx(bytes)).sheet(sheet);
}

describe("the streaming reader", () => {
  it("yields the grid ExcelJS yields for generated worksheets", async () => {
    await fc.assert(
      fc.asyncProperty(sheetSpec, fc.boolean(), fc.boolean(), async (spec, prefix, date1904) => {
        const bytes = build(spec, { prefix, date1904 });
        const streamed = streamWorkbook(bytes);
        expect(streamed.names()).toEqual(["台账"]);
        expect(streamed.sheet("台账")).toEqual(await excelJsGrid(bytes, "台账"));
      }),
      { numRuns: 150, seed: 20261206 },
    );
  });

  it("reads our own and other programs' registers as ExcelJS does", async () => {
    const bytes = craftWorkbook(
      [
        {
          name: "企业名单台账",
          rows: [
            ["序号", "企业名称"],
            [1, "某公司"],
            [2, { formula: "A2+1" }],
          ],
        },
        { name: "x", prefix: "x", rows: [["a", 1]] },
      ],
      { sharedStrings: true },
    );
    const streamed = streamWorkbook(bytes);
    for (const name of ["企业名单台账", "x"])
      expect(streamed.sheet(name)).toEqual(await excelJsGrid(bytes, name));
    expect(streamed.sheet("没有")).toBeUndefined();
  });

  it("reads zh-CN's built-in date formats as dates, which ExcelJS leaves as numbers", () => {
    const bytes = craftWorkbook([
      { name: "s", sheetData: `<row r="1"><c r="A1" s="1"><v>46086</v></c></row>` },
    ]);
    // craftWorkbook's style 1 is the built-in 14; the same cell in built-in 31 (yyyy"年"m"月"d"日") below.
    const cjk = withBuiltinFormat(bytes, 31);
    expect(streamWorkbook(bytes).sheet("s")!.rows[0]![0]).toEqual(new Date(Date.UTC(2026, 2, 5)));
    expect(streamWorkbook(cjk).sheet("s")!.rows[0]![0]).toEqual(new Date(Date.UTC(2026, 2, 5)));
  });

  it("counts dates from 1904 in a workbook that says so with true", () => {
    const bytes = build(
      {
        rows: [
          {
            skip: 0,
            numbered: true,
            cells: [{ gap: 0, numbered: true, kind: { k: "number", value: 44624, style: 1 } }],
          },
        ],
        merges: false,
        sharedFormula: false,
        link: false,
      },
      { prefix: false, date1904: true },
    );
    expect(streamWorkbook(bytes).sheet("台账")!.rows[0]![0]).toEqual(new Date(Date.UTC(2026, 2, 5)));
  });

  it("keeps a stray cell at Excel's last row from costing a row object per empty row", () => {
    const bytes = craftWorkbook([
      {
        name: "s",
        sheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>`,
      },
    ]);
    const grid = streamWorkbook(bytes).sheet("s")!;
    expect(grid.rows).toHaveLength(1_048_576);
    expect(grid.rows[1_048_575]).toEqual([1]);
    expect(new Set(grid.rows.slice(1, -1)).size).toBe(1);
  });

  it("refuses a sheet beyond Excel's last row, naming it", () => {
    const bytes = craftWorkbook([
      { name: "大表", sheetData: `<row r="1048577"><c r="A1048577"><v>1</v></c></row>` },
    ]);
    const sheet = () => streamWorkbook(bytes).sheet("大表");
    expect(sheet).toThrow(/工作表“大表”超过 Excel 的行数上限 1,048,576 行/);
  });

  it("names damaged XML as a damaged part", () => {
    const bytes = craftWorkbook([{ name: "s", sheetData: `<row r="1"><c r="A1"><v>1</v></row>` }]);
    expect(() => streamWorkbook(bytes).sheet("s")).toThrow(/部件 xl\/worksheets\/sheet1.xml 的 XML 内容无效/);
  });
});

/** `bytes` with craftWorkbook's date style (xf 1) given the built-in number format `id` instead of 14. */
function withBuiltinFormat(bytes: Uint8Array, id: number): Uint8Array {
  const files = unzipSync(bytes);
  const styles = new TextDecoder().decode(files["xl/styles.xml"]);
  files["xl/styles.xml"] = new TextEncoder().encode(styles.replace('numFmtId="14"', `numFmtId="${id}"`));
  return zipSync(files);
}
