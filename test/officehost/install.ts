// Installs the host as the globals office.js would provide: Excel.run, Office.onReady, requirements and
// the display language. Works under jest and bundled into a browser page.

import { ExcelHost, type RequestContext } from "./host";

export interface HostOptions {
  /** The highest ExcelApi requirement set the simulated Excel supports (the host's own otherwise). */
  excelApi?: string;
  displayLanguage?: string;
  /** office.js loaded in a page opened outside Office: onReady reports no host. */
  outsideOffice?: boolean;
  /** Office.context.diagnostics: learn.microsoft.com/javascript/api/office/office.contextinformation */
  diagnostics?: { host: string; platform: string; version: string };
}

export function installOfficeHost(
  target: Record<string, unknown>,
  host = new ExcelHost(),
  options: HostOptions = {},
): ExcelHost {
  if (options.excelApi) host.excelApi = options.excelApi;
  target.Excel = {
    run: <T>(
      optionsOrFn: Excel.RunOptions | ((ctx: RequestContext) => Promise<T>),
      fn?: (ctx: RequestContext) => Promise<T>,
    ) => host.run(optionsOrFn, fn),
    ConditionalFormatType: { custom: "Custom" },
  };
  target.Office = {
    // onReady is asynchronous, resolving once the library has loaded; outside an Office application host
    // and platform are null: learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in
    onReady: (cb?: (info: { host: string | null; platform: string | null }) => void) => {
      const info = options.outsideOffice
        ? { host: null, platform: null }
        : { host: "Excel", platform: "OfficeOnline" };
      return new Promise((resolve) =>
        setTimeout(() => {
          cb?.(info);
          resolve(info);
        }, 0),
      );
    },
    context: {
      displayLanguage: options.displayLanguage ?? "zh-CN",
      diagnostics: options.diagnostics ?? { host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" },
      requirements: {
        isSetSupported: (name: string, version = "1.1") => name === "ExcelApi" && host.supports(version),
      },
    },
    HostType: { Excel: "Excel" },
  };
  return host;
}
