// Application.ActiveWindow of the in-memory WPS 表格 (Et.EtWindow): the split and frozen panes of the active
// sheet. After Excel's Window.FreezePanes (learn.microsoft.com/office/vba/api/excel.window.freezepanes) and
// Window.SplitRow/SplitColumn (…/excel.window.splitrow): FreezePanes = True freezes the rows above SplitRow and
// the columns left of SplitColumn, or, with no split, those above and left of the active cell.

import type { WpsApplication, WpsWorksheet } from "./host";

export class WpsWindow {
  constructor(
    readonly Application: WpsApplication,
    private sheet: () => WpsWorksheet,
  ) {}

  private get panes() {
    return this.sheet().data.panes;
  }

  get ActiveSheet(): WpsWorksheet {
    return this.sheet();
  }

  get SplitRow(): number {
    return this.panes.splitRow;
  }
  set SplitRow(v: number) {
    this.panes.splitRow = Math.max(0, Math.floor(v));
  }

  get SplitColumn(): number {
    return this.panes.splitColumn;
  }
  set SplitColumn(v: number) {
    this.panes.splitColumn = Math.max(0, Math.floor(v));
  }

  get FreezePanes(): boolean {
    return this.panes.frozen;
  }
  set FreezePanes(v: boolean) {
    this.Application.hook("Window.FreezePanes=");
    const p = this.panes;
    if (v && p.splitRow === 0 && p.splitColumn === 0) {
      const sel = this.sheet().Parent.data.selection;
      const at = sel && sel.sheet === this.sheet().data ? sel.rect : { top: 1, left: 1 };
      p.splitRow = at.top - 1;
      p.splitColumn = at.left - 1;
    }
    p.frozen = v && (p.splitRow > 0 || p.splitColumn > 0);
  }
}
