// The 报送信息 stamp sheet a district's submission carries, and the plain titled table it and the centre's
// sheets are laid out as.

import type { Stamp } from "../core/stamp";
import { stampRows, STAMP_SHEET } from "../core/stamp";
import { emptyLayout, num, put, text, type LayoutValue, type SheetLayout } from "./layout";

export const tableCell = (v: string | number | null | undefined): LayoutValue =>
  v === null || v === undefined || v === "" ? null : typeof v === "number" ? num(v) : text(v);

/** A titled table: title, a subtitle line, one header row, the rows; landscape, header repeated. */
export function tableLayout(
  name: string,
  title: string,
  subtitle: string,
  headers: readonly string[],
  rows: LayoutValue[][],
  widths: number[],
): SheetLayout {
  const layout = emptyLayout(name, { orientation: "landscape", fitToWidth: true, titleRows: [3, 3] });
  layout.columnWidths = widths;
  put(layout, 0, 0, text(title), "title", headers.length);
  put(layout, 1, 0, text(subtitle), "subtitle", headers.length);
  layout.blocks.push({ row: 2, col: 0, values: [headers.map((h) => text(h))], style: "header" });
  layout.rowHeights[0] = 28;
  if (rows.length > 0) layout.blocks.push({ row: 3, col: 0, values: rows, style: "cell" });
  else put(layout, 3, 0, text("（无）"), "cellCenter", headers.length);
  layout.freezeRows = 3;
  return layout;
}

/** 报送信息: the stamp, as [项目, 内容, 说明] rows. */
export function stampLayout(stamp: Stamp): SheetLayout {
  const [head, ...rows] = stampRows(stamp);
  return tableLayout(
    STAMP_SHEET,
    "强制性清洁生产审核报送信息",
    `（${stamp.quarter}）`,
    head!,
    rows.map((r) => r.map((v) => tableCell(v))),
    [20, 70, 40],
  );
}
