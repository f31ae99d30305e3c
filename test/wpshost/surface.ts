// The host's surface checked against wps-jsapi's description of WPS 表格's object model: every member a host
// object offers, other than the test's own hooks listed here, is one that Et.* declares, so code that runs on
// the host uses no member WPS lacks. (wps-jsapi's member types are generated from WPS's type library and
// give methods a `void` return with the result as a trailing RHS parameter, so only the names are compared.)

import type { WpsApplication, WpsSheets, WpsWorkbook, WpsWorkbooks, WpsWorksheet } from "./host";
import type { WpsRange } from "./range";
import type { FormatCondition, FormatConditions, Validation } from "./validation";

/** The members of T that U does not declare, less the host's own. */
type Extra<T, U, Own extends string = never> = Exclude<keyof T, keyof U | Own>;

/** Compiles only when nothing is extra. */
type None<T extends never> = T;

export type Checked = [
  None<
    Extra<
      WpsApplication,
      Et.EtApplication,
      "calls" | "screenUpdates" | "today" | "failOn" | "hook" | "batch" | "evaluate" | "books" | "active"
    >
  >,
  None<Extra<WpsWorkbooks, Et.EtWorkbooks, "open">>,
  None<Extra<WpsWorkbook, Et.EtWorkbook, "data" | "sheetObject">>,
  None<Extra<WpsSheets, Et.EtSheets>>,
  None<Extra<WpsWorksheet, Et.EtWorksheet, "data" | "shift">>,
  None<Extra<WpsRange, Et.EtRange, "rect" | "sheet" | "at" | "valueAt">>,
  None<Extra<Validation, Et.EtValidation>>,
  None<Extra<FormatConditions, Et.EtFormatConditions>>,
  None<Extra<FormatCondition, Et.EtFormatCondition, "data">>,
];
