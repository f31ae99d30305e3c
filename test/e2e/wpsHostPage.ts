// The in-memory WPS 表格 for the WPS pane's browser test: test/wpshost's page bundle, with the members the
// backend's tests add while the host lacks them (test/wps/hostGaps.ts).

import { fillHostGaps } from "../wps/hostGaps";
import "../wpshost/browser";

fillHostGaps();
