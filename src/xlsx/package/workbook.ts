// The workbook part of a package: where it is, which sheets it lists (in order, with their parts), and the
// few elements a patch changes (sheets, defined names, calculation properties).

import type { Element } from "@xmldom/xmldom";
import { PackageError } from "./errors";
import type { Package } from "./opc";
import { childrenNamed, NS, REL } from "./xml";

export interface SheetEntry {
  name: string;
  /** Position in the workbook's sheet list (a defined name's localSheetId). */
  index: number;
  relId: string;
  /** The sheet's part, when the relationship resolves to one in the package. */
  part: string | undefined;
  /** A worksheet (cells), or a chart sheet, dialog sheet… */
  isWorksheet: boolean;
}

const STRICT_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

/** The workbook part, found through the package's relationships as every reader must. */
export function workbookPart(pkg: Package): string {
  const rels = pkg.related("");
  const doc = rels.find((r) => r.type === REL.officeDocument);
  if (!doc) {
    if (rels.some((r) => r.type === STRICT_DOCUMENT))
      throw new PackageError(
        "unsupported",
        "工作簿为 Strict Open XML 格式，本工具不支持：请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再试",
      );
    throw new PackageError("corrupt", "不是 Excel 工作簿（找不到工作簿部件）");
  }
  if (!pkg.has(doc.part)) throw new PackageError("corrupt", `文件已损坏（缺少工作簿部件 ${doc.part}）`);
  return pkg.nameOf(doc.part);
}

export function sheetElements(workbook: Element): Element[] {
  const sheets = childrenNamed(workbook, NS.main, "sheets")[0];
  return sheets ? childrenNamed(sheets, NS.main, "sheet") : [];
}

/** The workbook's sheets in order. */
export function listSheets(pkg: Package, wbPart: string): SheetEntry[] {
  const root = pkg.xml(wbPart).documentElement!;
  if (root.namespaceURI !== NS.main)
    throw new PackageError(
      "unsupported",
      root.namespaceURI === NS.strictMain
        ? "工作簿为 Strict Open XML 格式，本工具不支持：请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再试"
        : "不是 Excel 工作簿（工作簿部件的命名空间不对）",
    );
  const rels = new Map(pkg.related(wbPart).map((r) => [r.id, r]));
  return sheetElements(root).map((el, index) => {
    const relId = el.getAttributeNS(NS.rel, "id") ?? "";
    const rel = rels.get(relId);
    const part = rel && pkg.has(rel.part) ? pkg.nameOf(rel.part) : undefined;
    return {
      name: el.getAttribute("name") ?? "",
      index,
      relId,
      part,
      isWorksheet: rel?.type === REL.worksheet,
    };
  });
}

/** Order of the workbook element's children (CT_Workbook). */
export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
] as const;

export { DATE1904_OFFSET } from "../../core/numberFormats";

/** Whether the workbook counts its dates from 1904 (workbookPr date1904, Mac Excel's and openpyxl's option). */
export function isDate1904(workbookXml: string): boolean {
  const tag = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0];
  return tag !== undefined && /\sdate1904\s*=\s*["'](1|true)["']/.test(tag);
}
