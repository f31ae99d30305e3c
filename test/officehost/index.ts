export { ExcelHost, OfficeError, RequestContext } from "./host";
export { installOfficeHost } from "./install";
