// Worksheet.PageSetup of the in-memory WPS 表格 (Et.EtPageSetup), after Excel's PageSetup
// (learn.microsoft.com/office/vba/api/excel.pagesetup).

import { parseRect, rectAddress } from "./address";
import type { WpsWorksheet } from "./host";
import { SHEET_SIZE, wpsError, XL } from "./rules";

const failed = (what: string) => wpsError(1004, `Unable to set the ${what} property of the PageSetup class`);

export class PageSetup {
  constructor(readonly Parent: WpsWorksheet) {}

  private get data() {
    return this.Parent.data.pageSetup;
  }

  /** XlPageOrientation: xlPortrait 1 or xlLandscape 2. */
  get Orientation(): number {
    return this.data.orientation;
  }
  set Orientation(v: number) {
    if (v !== XL.portrait && v !== XL.landscape) throw failed("Orientation");
    this.data.orientation = v;
  }

  /** XlPaperSize (xlPaperA4 9, xlPaperA3 8 …). */
  get PaperSize(): number {
    return this.data.paperSize;
  }
  set PaperSize(v: number) {
    if (!Number.isInteger(v) || v < 1) throw failed("PaperSize");
    this.data.paperSize = v;
  }

  /** Zoom: 10 to 400 per cent, or False to scale by FitToPagesWide/Tall (learn.microsoft.com/office/vba/api/excel.pagesetup.zoom). */
  get Zoom(): number | false {
    return this.data.zoom;
  }
  set Zoom(v: number | false) {
    if (v !== false && !(typeof v === "number" && v >= 10 && v <= 400)) throw failed("Zoom");
    this.data.zoom = v;
  }

  /** FitToPagesWide/Tall: pages, or False for as many as needed; used only when Zoom is False. */
  get FitToPagesWide(): number | false {
    return this.data.fitToPagesWide;
  }
  set FitToPagesWide(v: number | false) {
    if (v !== false && !(Number.isInteger(v) && v >= 1)) throw failed("FitToPagesWide");
    this.data.fitToPagesWide = v;
  }
  get FitToPagesTall(): number | false {
    return this.data.fitToPagesTall;
  }
  set FitToPagesTall(v: number | false) {
    if (v !== false && !(Number.isInteger(v) && v >= 1)) throw failed("FitToPagesTall");
    this.data.fitToPagesTall = v;
  }

  /** PrintTitleRows: whole rows ("$1:$3"), or "" for none (learn.microsoft.com/office/vba/api/excel.pagesetup.printtitlerows). */
  get PrintTitleRows(): string {
    return this.data.printTitleRows;
  }
  set PrintTitleRows(v: string) {
    if (v === "") {
      this.data.printTitleRows = "";
      return;
    }
    const rect = parseRect(v);
    if (!rect || rect.cols !== SHEET_SIZE.cols) throw failed("PrintTitleRows");
    this.data.printTitleRows = rectAddress(rect);
  }

  /** PrintArea: a range's address, or "" for the whole sheet. */
  get PrintArea(): string {
    return this.data.printArea;
  }
  set PrintArea(v: string) {
    if (v === "") {
      this.data.printArea = "";
      return;
    }
    const rect = parseRect(v);
    if (!rect) throw failed("PrintArea");
    this.data.printArea = rectAddress(rect);
  }
}
