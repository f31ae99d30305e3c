// Installs the host as the globals office.js would provide: Excel.run, Office.onReady, requirements and
// the display language. Works under jest and bundled into a browser page.

import { ExcelHost, type RequestContext } from "./host";

export interface HostOptions {
  /** The highest ExcelApi requirement set the simulated Excel supports. */
  excelApi?: string;
  displayLanguage?: string;
}

export function installOfficeHost(
  target: Record<string, unknown>,
  host = new ExcelHost(),
  options: HostOptions = {},
): ExcelHost {
  const max = options.excelApi ?? "1.12";
  const cmp = (a: string, b: string) => {
    const [x1, y1] = a.split(".").map(Number) as [number, number];
    const [x2, y2] = b.split(".").map(Number) as [number, number];
    return x1 !== x2 ? x1 - x2 : y1 - y2;
  };
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
        isSetSupported: (name: string, version = "1.1") => name === "ExcelApi" && cmp(version, max) <= 0,
      },
    },
    HostType: { Excel: "Excel" },
  };
  return host;
}
