// A layout's charts as package parts, for files written outside Excel (ExcelJS writes no charts): one
// DrawingML chart part per chart and one drawing part that anchors them over their cells. Series, names and
// categories refer to the sheet's cells, so Excel and LibreOffice draw them from the cells; each reference
// also caches the values the layout put there, for readers that show a chart without recalculating it.

import { cellAddress, parseCellAddress } from "../../core/address";
import { layoutCells, type ChartSpec, type LayoutValue, type SheetLayout } from "../../forms/layout";
import { escapeAttr, escapeText, NS, xstring } from "./xml";

/** The value a layout puts in a cell (zero-based), null where it puts nothing. */
export type ValueAt = (row: number, col: number) => LayoutValue;

export function layoutValues(layout: SheetLayout): ValueAt {
  const cells = layoutCells(layout);
  return (row, col) => cells.get(cellAddress(row, col)) ?? null;
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function area(range: string): Area {
  const [a, b] = range.split(":");
  const from = parseCellAddress(a ?? "");
  const to = parseCellAddress(b ?? a ?? "");
  if (!from || !to) throw new Error(`not a range: ${range}`);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const absolute = (row: number, col: number) => cellAddress(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

function reference(sheet: string, top: number, left: number, bottom: number, right: number): string {
  const from = absolute(top, left);
  const to = absolute(bottom, right);
  return `${quoted(sheet)}!${from === to ? from : `${from}:${to}`}`;
}

const shown = (v: LayoutValue): string =>
  v === null ? "" : v.t === "text" ? v.v : v.t === "number" || v.t === "date" ? String(v.v) : "";

function strRef(f: string, values: readonly LayoutValue[]): string {
  // c:v is an ST_Xstring: a district's name with a control character in it must not break the part.
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${xstring(shown(v))}</c:v></c:pt>`);
  return (
    `<c:strRef><c:f>${escapeText(f)}</c:f><c:strCache><c:ptCount val="${values.length}"/>` +
    `${points.join("")}</c:strCache></c:strRef>`
  );
}

function numRef(f: string, values: readonly LayoutValue[]): string {
  const points = values.flatMap((v, i) =>
    v?.t === "number" ? [`<c:pt idx="${i}"><c:v>${v.v}</c:v></c:pt>`] : [],
  );
  return (
    `<c:numRef><c:f>${escapeText(f)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${points.join("")}</c:numCache></c:numRef>`
  );
}

/**
 * A column chart of `spec.source` on `sheet`: its first row names the series and its first column holds
 * the categories (series by columns), or the other way round (series by rows).
 */
export function chartPartXml(spec: ChartSpec, sheet: string, valueAt: ValueAt): string {
  const a = area(spec.source);
  const byColumns = spec.seriesBy === "Columns";
  const firstSeries = byColumns ? a.left + 1 : a.top + 1;
  const lastSeries = byColumns ? a.right : a.bottom;
  const firstPoint = byColumns ? a.top + 1 : a.left + 1;
  const lastPoint = byColumns ? a.bottom : a.right;
  const points = Array.from({ length: lastPoint - firstPoint + 1 }, (_, i) => firstPoint + i);
  const at = (series: number, point: number) => (byColumns ? valueAt(point, series) : valueAt(series, point));
  const cats = byColumns
    ? reference(sheet, firstPoint, a.left, lastPoint, a.left)
    : reference(sheet, a.top, firstPoint, a.top, lastPoint);
  const categories = points.map((p) => (byColumns ? valueAt(p, a.left) : valueAt(a.top, p)));
  const series: string[] = [];
  for (let s = firstSeries; s <= lastSeries; s++) {
    const i = s - firstSeries;
    const name = byColumns ? reference(sheet, a.top, s, a.top, s) : reference(sheet, s, a.left, s, a.left);
    const values = byColumns
      ? reference(sheet, firstPoint, s, lastPoint, s)
      : reference(sheet, s, firstPoint, s, lastPoint);
    series.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx>${strRef(name, [byColumns ? valueAt(a.top, s) : valueAt(s, a.left)])}</c:tx>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat>${strRef(cats, categories)}</c:cat>` +
        `<c:val>${numRef(
          values,
          points.map((p) => at(s, p)),
        )}</c:val></c:ser>`,
    );
  }
  const stacked = spec.type === "ColumnStacked";
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" b="1"/><a:t>${escapeText(spec.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`;
  const axes =
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="1002"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `${HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/>` +
    `<c:varyColors val="0"/>${series.join("")}<c:gapWidth val="150"/>` +
    `${stacked ? '<c:overlap val="100"/>' : ""}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
    `${axes}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/**
 * The drawing part that places each chart (by the id of its relationship from the drawing) over the cells
 * from `spec.from` to `spec.to`, the last cell covered whole, as Excel's Chart.setPosition does.
 */
export function drawingPartXml(charts: readonly { spec: ChartSpec; relId: string }[]): string {
  const marker = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const anchors = charts.map(({ spec, relId }, i) => {
    const from = area(spec.from);
    const to = area(spec.to);
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", from.top, from.left)}` +
      `${marker("to", to.bottom + 1, to.right + 1)}<xdr:graphicFrame macro="">` +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(spec.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${relId}"/></a:graphicData>` +
      `</a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `${HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS.rel}">${anchors.join("")}</xdr:wsDr>`;
}
