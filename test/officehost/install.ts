// Installs the host as the globals office.js would provide: Excel.run, Office.onReady, requirements and
// the display language. Works under jest and bundled into a browser page.

import { ExcelHost, type RequestContext } from "./host";

export interface HostOptions {
  /** The highest ExcelApi requirement set the simulated Excel supports (the host's own otherwise). */
  excelApi?: string;
  displayLanguage?: string;
}

export function installOfficeHost(
  target: Record<string, unknown>,
  host = new ExcelHost(),
  options: HostOptions = {},
): ExcelHost {
  if (options.excelApi) host.excelApi = options.excelApi;
  target.Excel = {
    run: <T>(fn: (ctx: RequestContext) => Promise<T>) => host.run(fn),
    ConditionalFormatType: { custom: "Custom" },
  };
  target.Office = {
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage ?? "zh-CN",
      requirements: {
        isSetSupported: (name: string, version = "1.1") => name === "ExcelApi" && host.supports(version),
      },
    },
    HostType: { Excel: "Excel" },
  };
  return host;
}
