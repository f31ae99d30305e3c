// The boxed grid of the seeds' one-page forms (附件1, 附件4, 附件5, 附件9, 附表1): each row a run of label and
// value boxes across the form's columns. Every cell a merged box covers carries its style, so each edge of
// the box prints in Excel and LibreOffice alike.

import { rangeAddress } from "../core/address";
import { emptyLayout, text, type LayoutValue, type SheetLayout, type StyleName } from "./layout";

/** The form's empty box, and the same box ticked from the register. */
export const BOX = "□";
export const TICKED = "☑";

export interface Part {
  value: LayoutValue;
  span: number;
  down: number;
  style: StyleName;
}

/** Columns a box merged down from a row above already covers. */
export interface Skip {
  skip: number;
}

/** A printed label of the form. */
export const label = (t: string, span = 1, down = 1): Part => ({
  value: text(t),
  span,
  down,
  style: "cellCenter",
});

/** A box to fill in: blank, or what the register knows (blank where the register's cell is). */
export const field = (value: LayoutValue, span = 1, down = 1): Part => ({
  value: value?.t === "text" && value.v.trim() === "" ? null : value,
  span,
  down,
  style: "cell",
});

/** Printed text of the form in a left-aligned box: a question, an option list, a numbered line. */
export const printed = (t: string, span = 1): Part => field(text(t), span);

/** A box whose stamp or signature and date stand at its right. */
export const signature = (t: string, span: number): Part => ({
  value: text(t),
  span,
  down: 1,
  style: "signature",
});

export const skip = (span: number): Skip => ({ skip: span });

/** An A4 portrait sheet printed on one page, with the form's column widths (characters). */
export function formLayout(name: string, widths: readonly number[]): SheetLayout {
  const layout = emptyLayout(name, { orientation: "portrait", fitToWidth: true, onePage: true });
  layout.columnWidths = [...widths];
  return layout;
}

/** Places one box at (row, col); its whole area is styled and, when wider or taller than a cell, merged. */
export function box(layout: SheetLayout, row: number, col: number, part: Part): void {
  layout.blocks.push({
    row,
    col,
    style: part.style,
    values: Array.from({ length: part.down }, (_, r) =>
      Array.from({ length: part.span }, (_, c) => (r === 0 && c === 0 ? part.value : null)),
    ),
  });
  if (part.span > 1 || part.down > 1)
    layout.merges.push(rangeAddress(row, col, row + part.down - 1, col + part.span - 1));
}

/** Lays `parts` left to right from column A on `row`, which is `height` points tall. */
export function boxRow(layout: SheetLayout, row: number, height: number, ...parts: (Part | Skip)[]): void {
  let col = 0;
  for (const p of parts) {
    if ("skip" in p) {
      col += p.skip;
      continue;
    }
    box(layout, row, col, p);
    col += p.span;
  }
  layout.rowHeights[row] = height;
}

/** Text outside the table (the attachment number, a date line, a note) across `span` columns from `col`. */
export function line(
  layout: SheetLayout,
  row: number,
  col: number,
  value: string,
  span: number,
  height: number,
  style: StyleName = "footer",
): void {
  box(layout, row, col, { value: text(value), span, down: 1, style });
  layout.rowHeights[row] = height;
}

/** The attachment number and the title, as the seed prints them above each form; returns the next row. */
export function formHead(layout: SheetLayout, attachment: string, title: string): number {
  const width = layout.columnWidths.length;
  line(layout, 0, 0, attachment, 2, 20);
  line(layout, 1, 0, title, width, 36, "title");
  return 2;
}

/** "是 ☑ 否 □": a question's two boxes, the one the register answers ticked (neither when it cannot). */
export function yesNo(answer: boolean | null): string {
  return `是 ${answer === true ? TICKED : BOX} 否 ${answer === false ? TICKED : BOX}`;
}

/** "双超企业 ☑  双有企业 □ …": each option followed by its box, ticked where `ticked` says so. */
export function boxes(options: readonly string[], ticked: (option: string) => boolean): string {
  return options.map((o) => `${o} ${ticked(o) ? TICKED : BOX}`).join("  ");
}
