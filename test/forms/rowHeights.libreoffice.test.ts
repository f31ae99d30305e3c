// Nothing clipped on paper (SPEC 2.3), checked with LibreOffice's own text layout, the engine that prints the
// PDF: each printed form is written by our writer and opened by LibreOffice (saved as .fods, its flat XML, to
// read back the column widths and row heights it lays out); then every text of the form is set, in its font,
// into a probe sheet whose column is as wide as the text's cell (merged columns added up) and whose rows
// LibreOffice sizes itself (use-optimal-row-height). A form's row is tall enough when it is at least as tall as
// LibreOffice's optimal height for each of its texts. Fit-to-width printing scales rows and text alike.

import { DOMParser, type Element } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseQuarter } from "../../src/core/dates";
import { demoData } from "../../src/core/demo";
import { adjustmentRows, implementationRows } from "../../src/core/quarterly";
import { rowContexts } from "../../src/core/status";
import { archiveLayout } from "../../src/forms/archiveForm";
import { mergeSpans, STYLES, type SheetLayout } from "../../src/forms/layout";
import { performanceLayout } from "../../src/forms/performanceForm";
import { adjustmentLayout, implementationLayout } from "../../src/forms/quarterlyForms";
import { panelLayout, scoreSheetLayout } from "../../src/forms/scoresheets";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { d, guangxi, logEntry, shanghai } from "../core/fixtures";
import { convert } from "../helpers/libreoffice";

jest.setTimeout(300_000);

const q = parseQuarter("2026Q3")!;
const party = { district: "浦东新区生态环境局", preparer: "张三", preparedOn: d("2026-10-08") };
const LONG = "（含主要产污工序酸洗线、电镀线及配套废水处理设施，Plating Line No.2 and WWTP upgrade）";

/** The printed forms, with long texts where a district's own words go. */
function forms(): SheetLayout[] {
  const demo = demoData({ profile: shanghai, district: party.district, seed: 3, today: d("2026-09-30") });
  const rows = demo.rows.map((r, i) => ({
    ...r,
    row: i + 2,
    sheet: "企业名单台账",
    cells: {},
    ...(i % 5 === 0 ? { name: `${r.name}${LONG}`, consultant: `上海环境科技咨询服务有限公司${LONG}` } : {}),
  }));
  const enterprise = (i: number) => ({ name: rows[i]!.name, creditCode: rows[i]!.creditCode });
  const shLog = [
    logEntry(shanghai, {
      ...enterprise(3),
      on: "2026-07-15",
      change: "rename",
      result: "rename",
      evidence: "营业执照变更通知书及市场监督管理局准予变更登记通知书",
    }),
    logEntry(shanghai, {
      ...enterprise(8),
      on: "2026-09-02",
      change: "suspension",
      result: "suspend",
      detail: "主要产污工序（酸洗线）停产检修",
      evidence: "停产说明",
    }),
  ];
  const gxLog = [
    logEntry(guangxi, {
      ...enterprise(4),
      on: "2026-08-10",
      change: "suspension",
      result: "suspend",
      detail: "主要产污工序（酸洗线）停产检修",
      evidence: "企业停产说明、现场确认照片",
    }),
    logEntry(guangxi, {
      ...enterprise(5),
      on: "2026-08-20",
      change: "other",
      result: "other",
      detail: `建议调整为下一年度审核名单${LONG}`,
      evidence: "企业出具证明材料",
    }),
  ];
  const evaluation = scoreSheetLayout({ kind: "evaluation", enterprise: rows[10]!.name, expert: "专家1" });
  const acceptance = scoreSheetLayout({ kind: "acceptance", enterprise: rows[10]!.name, expert: "专家1" });
  return [
    implementationLayout(implementationRows(rows, q, shanghai, rowContexts(rows, shLog)), q, shanghai, party),
    adjustmentLayout(adjustmentRows(shLog, q), q, shanghai, party),
    adjustmentLayout(adjustmentRows(gxLog, q), q, guangxi, { ...party, district: "南宁市生态环境局" }),
    archiveLayout(
      rows.find((r) => r.acceptedOn !== null)!,
      shanghai,
    ),
    performanceLayout(rows[2]!.name),
    evaluation.layout,
    acceptance.layout,
    panelLayout({
      kind: "evaluation",
      enterprise: rows[10]!.name,
      sheets: [1, 2, 3].map((k) => ({
        name: `评估评分 专家${k}`,
        expert: `专家${k}`,
        cells: evaluation.cells,
      })),
    }),
  ];
}

// ---- LibreOffice's view of a sheet ----

const NS = {
  table: "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
  style: "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
};
const POINTS: Record<string, number> = { in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pt: 1 };

function points(length: string | null): number {
  const m = /^([\d.]+)(in|cm|mm|pt)$/.exec(length ?? "");
  if (!m) throw new Error(`unexpected length ${length}`);
  return Number(m[1]) * POINTS[m[2]!]!;
}

/** The first sheet's column widths and row heights (points) as LibreOffice lays them out. */
function sheetGeometry(fods: string): { columns: number[]; rows: number[] } {
  const doc = new DOMParser().parseFromString(fods, "text/xml");
  const sizes = new Map<string, number>();
  for (const s of Array.from(doc.getElementsByTagNameNS(NS.style, "style"))) {
    const col = s.getElementsByTagNameNS(NS.style, "table-column-properties")[0];
    const row = s.getElementsByTagNameNS(NS.style, "table-row-properties")[0];
    const name = s.getAttributeNS(NS.style, "name")!;
    if (col) sizes.set(name, points(col.getAttributeNS(NS.style, "column-width")));
    if (row) sizes.set(name, points(row.getAttributeNS(NS.style, "row-height")));
  }
  const sheet = doc.getElementsByTagNameNS(NS.table, "table")[0]!;
  const expand = (tag: string, repeat: string) =>
    Array.from(sheet.getElementsByTagNameNS(NS.table, tag)).flatMap((e: Element) => {
      const n = Math.min(Number(e.getAttributeNS(NS.table, repeat) || 1), 200);
      return new Array<number>(n).fill(sizes.get(e.getAttributeNS(NS.table, "style-name")!)!);
    });
  return {
    columns: expand("table-column", "number-columns-repeated"),
    rows: expand("table-row", "number-rows-repeated"),
  };
}

// ---- the probe ----

interface Probe {
  form: number;
  row: number;
  rowSpan: number;
  /** Width in points, the text's cell with the columns merged into it. */
  width: number;
  text: string;
  size: number;
  bold: boolean;
  wrap: boolean;
}

const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function probes(form: number, layout: SheetLayout, columns: number[]): Probe[] {
  const spans = mergeSpans(layout);
  return layout.blocks.flatMap((block) => {
    const style = STYLES[block.style];
    return block.values.flatMap((values, r) =>
      values.flatMap((v, c) => {
        if (v?.t !== "text" || v.v === "") return [];
        const row = block.row + r;
        const col = block.col + c;
        const span = spans.get(`${row},${col}`) ?? { cols: 1, rows: 1 };
        const width = columns.slice(col, col + span.cols).reduce((a, b) => a + b, 0);
        return [
          {
            form,
            row,
            rowSpan: span.rows,
            width,
            text: v.v,
            size: style.font.size,
            bold: !!style.font.bold,
            wrap: style.wrap,
          },
        ];
      }),
    );
  });
}

/** A flat ODF sheet holding each probe in a row of its own, in a column of its width, rows sized by LibreOffice. */
function probeSheet(list: readonly Probe[]): string {
  const widths = [...new Set(list.map((p) => p.width.toFixed(2)))];
  const cellStyle = (p: Probe) => `c${p.size * 10}${p.bold ? "b" : ""}${p.wrap ? "w" : ""}`;
  const cellStyles = [...new Map(list.map((p) => [cellStyle(p), p])).entries()].map(
    ([name, p]) =>
      `<style:style style:name="${name}" style:family="table-cell"><style:table-cell-properties fo:wrap-option="${p.wrap ? "wrap" : "no-wrap"}"/>` +
      `<style:text-properties fo:font-family="宋体" style:font-family-asian="宋体" fo:font-size="${p.size}pt" style:font-size-asian="${p.size}pt"` +
      (p.bold ? ` fo:font-weight="bold" style:font-weight-asian="bold"` : "") +
      `/></style:style>`,
  );
  const rows = list.map((p) => {
    const col = widths.indexOf(p.width.toFixed(2));
    const before = col > 0 ? `<table:table-cell table:number-columns-repeated="${col}"/>` : "";
    const paragraphs = p.text
      .split("\n")
      .map((t) => `<text:p>${escape(t)}</text:p>`)
      .join("");
    return `<table:table-row table:style-name="ro">${before}<table:table-cell table:style-name="${cellStyle(p)}" office:value-type="string">${paragraphs}</table:table-cell></table:table-row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
${widths.map((w, i) => `<style:style style:name="co${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}pt"/></style:style>`).join("\n")}
<style:style style:name="ro" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>
${cellStyles.join("\n")}
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="probe">
${widths.map((_, i) => `<table:table-column table:style-name="co${i}"/>`).join("")}
${rows.join("\n")}
</table:table></office:spreadsheet></office:body></office:document>`;
}

/** The row heights LibreOffice gave the probe sheet, read from the .xlsx it saved. */
function probeHeights(xlsx: string): number[] {
  const sheet = strFromU8(unzipSync(readFileSync(xlsx))["xl/worksheets/sheet1.xml"]!);
  return [...sheet.matchAll(/<row r="(\d+)"[^>]*?\bht="([\d.]+)"/g)].map((m) => Number(m[2]));
}

/** Rounding of a row height through the file formats (twips, hundredths of a millimetre). */
const TOLERANCE = 0.5;

/** "form row: text" for every text LibreOffice needs more height for than its row(s) have. */
async function clipped(workbooks: ExcelJS.Workbook[], layouts: SheetLayout[]): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "row-heights-"));
  const files = await Promise.all(
    workbooks.map(async (wb, i) => {
      const file = path.join(dir, `form${i}.xlsx`);
      await wb.xlsx.writeFile(file);
      return file;
    }),
  );
  const geometry = convert(files, "fods").map((f) => sheetGeometry(readFileSync(f, "utf8")));
  const list = layouts.flatMap((l, i) => probes(i, l, geometry[i]!.columns));
  const probeFile = path.join(dir, "probe.fods");
  writeFileSync(probeFile, probeSheet(list));
  const needed = probeHeights(convert([probeFile], "xlsx")[0]!);
  expect(needed).toHaveLength(list.length);
  return list.flatMap((p, k) => {
    const rows = geometry[p.form]!.rows;
    const has = rows.slice(p.row, p.row + p.rowSpan).reduce((a, b) => a + b, 0);
    return has + TOLERANCE >= needed[k]!
      ? []
      : [`${layouts[p.form]!.name} row ${p.row + 1} (${has} < ${needed[k]} pt): ${p.text}`];
  });
}

describe("printed rows hold their wrapped text, by LibreOffice's own optimal row heights", () => {
  it("leaves no text of any form clipped", async () => {
    const layouts = forms();
    const workbooks = layouts.map((layout) => {
      const wb = new ExcelJS.Workbook();
      writeLayout(wb, layout);
      return wb;
    });
    expect(await clipped(workbooks, layouts)).toEqual([]);
  });

  it("would catch 附件11's clipped row as written before rows were sized", async () => {
    const rows = adjustmentRows(
      [
        logEntry(guangxi, {
          on: "2026-08-10",
          change: "suspension",
          result: "suspend",
          detail: "主要产污工序（酸洗线）停产检修",
        }),
      ],
      q,
    );
    const layout = adjustmentLayout(rows, q, guangxi, party);
    const wb = new ExcelJS.Workbook();
    writeLayout(wb, layout);
    // The height a row had when only its default was given.
    wb.worksheets[0]!.getRow(5).height = 15;
    expect(await clipped([wb], [layout])).toEqual([
      expect.stringContaining("企业涉及产污工序停产（主要产污工序（酸洗线）停产检修）"),
    ]);
  });
});
