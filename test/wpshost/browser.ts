// The host bundled for a browser page: stands in for WPS 表格's `window.Application` and exposes it to the
// test as `__wpsHost`. The page's `?noWorkbook=1` starts WPS with no workbook open.

import { createApplication, installWpsHost } from "./install";

const noWorkbook = new URLSearchParams(window.location.search).has("noWorkbook");
const app = installWpsHost(
  window as unknown as Record<string, unknown>,
  createApplication({ workbook: !noWorkbook }),
);
(window as unknown as { __wpsHost: typeof app }).__wpsHost = app;
