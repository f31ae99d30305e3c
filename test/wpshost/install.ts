// Makes the host the globals a WPS 加载项 page finds: `window.Application`, the ET application, and
// `wps.EtApplication()` returning it (wps-jsapi's index.d.ts). Works under jest and bundled into a page.

import { WpsApplication, type HostOptions } from "./host";
import { cellAt, type Scalar } from "./model";
import { typedInput } from "./rules";

export interface AppOptions extends HostOptions {
  /** Open a new workbook (工作簿1 with Sheet1), or one with these sheets and their values by rows from A1. */
  workbook?: boolean | Record<string, Scalar[][]>;
}

/** An application with no workbook, a new one, or one of the given sheets filled from A1 as if typed. */
export function createApplication(options: AppOptions = {}): WpsApplication {
  const app = new WpsApplication(options);
  const spec = options.workbook;
  if (!spec) return app;
  const book = app.Workbooks.Add();
  app.calls.clear();
  if (spec === true) return app;
  Object.entries(spec).forEach(([name, rows], i) => {
    const ws = i === 0 ? book.Worksheets.Item(1) : book.Worksheets.Add(undefined, book.Worksheets.Item(i));
    ws.Name = name;
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === undefined) return;
        const cell = cellAt(ws.data, r + 1, c + 1);
        const typed = typedInput(v, false);
        cell.value = typed.value;
        cell.formula = typed.formula;
        if (typed.numberFormat) cell.format.numberFormat = typed.numberFormat;
      }),
    );
  });
  book.Worksheets.Item(1).Activate();
  app.calls.clear();
  return app;
}

export function installWpsHost(target: Record<string, unknown>, app = createApplication()): WpsApplication {
  target.Application = app;
  target.wps = { EtApplication: () => app };
  return app;
}
