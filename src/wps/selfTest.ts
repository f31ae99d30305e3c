// What 自检 asks of WPS 表格 besides the pane's commands: which WPS this is, the workbook's sheet names, and
// deleting the sheets 自检 added. Sheets are listed by name only; none of the user's is read or changed.
// WPS's object model follows Excel's COM one (Microsoft's VBA reference), which the comments cite.

import type { HostInfo, SelfTestHost } from "../taskpane/backend";
import type { EtApp } from "./et";

function activeBook(app: EtApp) {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error("WPS 中没有打开的工作簿。");
  return wb;
}

export function wpsSelfTestHost(app: EtApp): SelfTestHost {
  return {
    // Application.Version and Application.Build: learn.microsoft.com/office/vba/api/excel.application.version,
    // …/excel.application.build. WPS has no requirement sets like Office's: its version is the API's level.
    info: async (): Promise<HostInfo> => ({
      host: "WPS 表格",
      version: [app.Version, app.Build].filter((v) => v !== undefined && v !== "").join(" build "),
      platform: typeof navigator === "undefined" ? "" : navigator.platform,
      apiSets: [],
      runtime: typeof navigator === "undefined" ? undefined : navigator.userAgent,
    }),
    // Workbook.Worksheets, Worksheets.Count and Item(index): learn.microsoft.com/office/vba/api/excel.worksheets
    sheetNames: async () => {
      const sheets = activeBook(app).Worksheets;
      return Array.from({ length: sheets.Count }, (_, i) => sheets.Item(i + 1).Name);
    },
    // Worksheet.Delete asks the user to confirm unless Application.DisplayAlerts is False:
    // learn.microsoft.com/office/vba/api/excel.worksheet.delete. Each sheet is tried even when one is refused;
    // the first refusal is thrown after.
    deleteSheets: async (names) => {
      const sheets = activeBook(app).Worksheets;
      const alerts = app.DisplayAlerts;
      app.DisplayAlerts = false;
      let refused: unknown;
      try {
        for (const name of names) {
          try {
            sheets.Item(name).Delete();
          } catch (err) {
            refused ??= err;
          }
        }
      } finally {
        app.DisplayAlerts = alerts;
      }
      if (refused !== undefined) throw refused;
    },
  };
}
