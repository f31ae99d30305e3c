// The host bundled for a browser page: stands in for office.js, and exposes the workbook to the test.

import { ExcelHost } from "./host";
import { installOfficeHost } from "./install";

const host = new ExcelHost();
installOfficeHost(window as unknown as Record<string, unknown>, host);
(window as unknown as { __excelHost: ExcelHost }).__excelHost = host;
