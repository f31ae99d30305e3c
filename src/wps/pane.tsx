// The WPS pane's page (taskpane.html): the pane's screens over the workbook open in WPS 表格.

import "./compat";
import { wpsBackend } from "./backend";
import { startWpsPane } from "./start";

const root = document.getElementById("root");
const oldEngine = (window as { __qsOldEngine?: boolean }).__qsOldEngine === true;
if (root && !oldEngine)
  startWpsPane(root, (window as { Application?: Et.EtApplication }).Application, wpsBackend);
