// The host bundled for a browser page: stands in for office.js, and exposes the workbook to the test. The
// page's `?excelApi=1.8` sets the requirement set the simulated Excel supports; `?outsideOffice=1` makes it
// office.js in a page opened outside Office.

import { ExcelHost } from "./host";
import { installOfficeHost } from "./install";

const host = new ExcelHost();
const excelApi = new URLSearchParams(window.location.search).get("excelApi") ?? undefined;
const outsideOffice = new URLSearchParams(window.location.search).has("outsideOffice");
installOfficeHost(window as unknown as Record<string, unknown>, host, { excelApi, outsideOffice });
(window as unknown as { __excelHost: ExcelHost }).__excelHost = host;
