// Charts in files written outside Excel (the centre's 统计看板 from the CLI and the web page): each chart's
// series point at the sheet's cells and cache their values, LibreOffice reads the parts back as the charts they
// are, and a workbook that has charts of its own keeps them byte for byte beside ours.

import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { emptyLayout, num, text, type SheetLayout } from "../../src/forms/layout";
import { chartPartXml, layoutValues } from "../../src/xlsx/package/charts";
import { Package } from "../../src/xlsx/package/opc";
import { WorkbookPatch } from "../../src/xlsx/package/patch";
import { layoutWorkbookBytes } from "../../src/xlsx/layoutWorkbook";
import { convert } from "../helpers/libreoffice";
import { withChartAndPicture } from "../helpers/openpyxl";

jest.setTimeout(240_000);

const dir = mkdtempSync(path.join(tmpdir(), "charts-"));

/** Stages per district (stacked) and a count per overdue type (clustered), as 统计看板 lays them out. */
function board(name = "看板"): SheetLayout {
  const layout = emptyLayout(name, { orientation: "landscape", fitToWidth: true });
  layout.blocks.push({
    row: 3,
    col: 0,
    values: [[text("区"), text("审核中"), text("已验收")]],
    style: "header",
  });
  layout.blocks.push({
    row: 4,
    col: 0,
    values: [
      [text("黄浦区"), num(3), num(1)],
      [text("闵行区"), num(5), num(2)],
    ],
    style: "cell",
  });
  layout.blocks.push({ row: 8, col: 0, values: [[text("逾期类型"), text("企业数")]], style: "header" });
  layout.blocks.push({
    row: 9,
    col: 0,
    values: [
      [text("信息公开"), num(4)],
      [text("审核启动"), num(0)],
    ],
    style: "cell",
  });
  layout.charts = [
    {
      title: "各区企业阶段",
      type: "ColumnStacked",
      source: "A4:C6",
      seriesBy: "Columns",
      from: "E4",
      to: "L20",
    },
    {
      title: "各类逾期企业数",
      type: "ColumnClustered",
      source: "A9:B11",
      seriesBy: "Columns",
      from: "E22",
      to: "L38",
    },
  ];
  return layout;
}

const chartParts = (pkg: Package) =>
  pkg
    .listParts()
    .map((p) => p.name)
    .filter((n) => /charts\/chart\d+\.xml$/.test(n))
    .sort();
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);
/** The cell references of a chart part, quotes around sheet names dropped (writers differ there). */
const refs = (xml: string) => all(xml, /<c:f>([^<]*)<\/c:f>/g).map((f) => f!.replace(/'/g, ""));

describe("a chart part", () => {
  it("has a series per column, named by its header, over the label column, with the cells' values cached", () => {
    const layout = board();
    const xml = chartPartXml(layout.charts![0]!, layout.name, layoutValues(layout));
    expect(all(xml, /<c:grouping val="(\w+)"\/>/g)).toEqual(["stacked"]);
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(refs(xml)).toEqual([
      "看板!$B$4",
      "看板!$A$5:$A$6",
      "看板!$B$5:$B$6",
      "看板!$C$4",
      "看板!$A$5:$A$6",
      "看板!$C$5:$C$6",
    ]);
    expect(all(xml, /<c:v>([^<]*)<\/c:v>/g)).toEqual([
      "审核中",
      "黄浦区",
      "闵行区",
      "3",
      "5",
      "已验收",
      "黄浦区",
      "闵行区",
      "1",
      "2",
    ]);
    const clustered = chartPartXml(layout.charts![1]!, layout.name, layoutValues(layout));
    expect(all(clustered, /<c:grouping val="(\w+)"\/>/g)).toEqual(["clustered"]);
    expect(clustered).not.toContain("<c:overlap");
  });

  it("caches a name with a control character or markup as well-formed XML", () => {
    const layout = board();
    layout.blocks[1]!.values[0]![0] = text("黄浦\u0001区<甲>&");
    const xml = chartPartXml(layout.charts![0]!, layout.name, layoutValues(layout));
    expect(xml).toContain("<c:v>黄浦_x0001_区&lt;甲&gt;&amp;</c:v>");
    const doc = new DOMParser({
      onError: (level, msg) => {
        throw new Error(`${level}: ${msg}`);
      },
    }).parseFromString(xml, "text/xml");
    expect(doc.documentElement!.localName).toBe("chartSpace");
  });

  it("quotes a sheet name with an apostrophe as Excel's references do", () => {
    const layout = board("区's 看板");
    const xml = chartPartXml(layout.charts![1]!, layout.name, layoutValues(layout));
    expect(all(xml, /<c:f>([^<]*)<\/c:f>/g)[0]).toBe("'区''s 看板'!$B$9");
  });
});

describe("charts on a sheet the patch adds", () => {
  it("refer to the sheet's own name when a second run numbers it", async () => {
    const first = await layoutWorkbookBytes([board()]);
    const patch = new WorkbookPatch(first.bytes);
    patch.addSheet({ ...board(), name: "看板 (2)" });
    const pkg = new Package(await patch.apply());
    const added = chartParts(pkg)
      .slice(2)
      .map((n) => pkg.text(n));
    expect(added).toHaveLength(2);
    for (const xml of added)
      expect(all(xml, /<c:f>([^<]*)<\/c:f>/g).every((f) => f!.startsWith("'看板 (2)'!"))).toBe(true);
  });
});

describe("charts LibreOffice reads back", () => {
  it("keeps a new workbook's two charts, their kind and their ranges, when LibreOffice re-saves it", async () => {
    const file = path.join(dir, "board.xlsx");
    const { bytes, sheets } = await layoutWorkbookBytes([board()]);
    expect(sheets).toEqual(["看板"]);
    writeFileSync(file, bytes);
    const ours = new Package(bytes);
    const [resaved] = convert([file], "xlsx");
    const theirs = new Package(new Uint8Array(readFileSync(resaved!)));
    const [mine, lo] = [chartParts(ours), chartParts(theirs)];
    expect(lo).toHaveLength(2);
    for (let i = 0; i < 2; i++) {
      const [a, b] = [ours.text(mine[i]!), theirs.text(lo[i]!)];
      expect(all(b, /<c:grouping val="(\w+)"\/>/g)).toEqual(all(a, /<c:grouping val="(\w+)"\/>/g));
      expect(refs(b)).toEqual(refs(a));
      expect(b).toContain(i === 0 ? "各区企业阶段" : "各类逾期企业数");
    }
  });

  it("adds a charted sheet to a workbook that has a chart and a picture of its own, which stay as they were", async () => {
    const plain = path.join(dir, "plain.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    for (let r = 1; r <= 10; r++) ws.getRow(r).values = [`企业${r}`, 1, 2, 3, 4, 5, r];
    await wb.xlsx.writeFile(plain);
    const pictured = path.join(dir, "pictured.xlsx");
    withChartAndPicture(plain, pictured, "台账");
    const before = new Package(new Uint8Array(readFileSync(pictured)));
    const kept = before
      .listParts()
      .map((p) => p.name)
      .filter((n) => /^xl\/(charts|drawings|media)\//.test(n));
    expect(kept.length).toBeGreaterThanOrEqual(3);

    const patch = new WorkbookPatch(new Uint8Array(readFileSync(pictured)));
    patch.addSheet(board());
    const out = await patch.apply();
    const after = new Package(out);
    for (const part of kept) expect(after.bytes(part)).toEqual(before.bytes(part));
    expect(chartParts(after)).toHaveLength(chartParts(before).length + 2);

    const file = path.join(dir, "both.xlsx");
    writeFileSync(file, out);
    const [resaved] = convert([file], "xlsx");
    const theirs = new Package(new Uint8Array(readFileSync(resaved!)));
    const titles = chartParts(theirs).map((n) => theirs.text(n));
    expect(titles.filter((t) => t.includes("各区企业阶段") || t.includes("各类逾期企业数"))).toHaveLength(2);
    expect(chartParts(theirs)).toHaveLength(3);
  });
});
