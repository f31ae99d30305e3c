export { WpsApplication, WpsWorkbook, WpsWorksheet, type HostOptions } from "./host";
export { WpsRange } from "./range";
export { WpsError } from "./rules";
export { createApplication, installWpsHost, type AppOptions } from "./install";
export { diffDumps, dumpWorkbook, type DiffOptions, type SheetDump } from "./dump";
