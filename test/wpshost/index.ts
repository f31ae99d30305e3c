export { WpsApplication, WpsWorkbook, WpsWorksheet, type HostOptions } from "./host";
export { WpsRange } from "./range";
export { WpsError } from "./rules";
export { createApplication, installWpsHost, type AppOptions } from "./install";
export { dumpWorkbook, type SheetDump } from "./dump";
