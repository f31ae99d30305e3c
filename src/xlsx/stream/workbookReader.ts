// An .xlsx package read for what the commands need, by streaming: the workbook's sheet list and date system,
// the styles' date formats, the shared strings, and each worksheet's cells only when a command asks for that
// sheet. No model of the whole workbook is built, so reading costs what the cells that exist cost. The
// package is checked against the documented limits first, and every part read is verified against its
// checksum as it is inflated.

import type { Element } from "@xmldom/xmldom";
import type { Grid } from "../../core/grid";
import type { WorkbookGrids } from "../../core/workbook";
import { DEFAULT_LIMITS, type ReadLimits } from "../package/limits";
import { checkedPackage } from "../package/readable";
import type { Package } from "../package/opc";
import { isDateFormatCode } from "../package/styles";
import { isDate1904, listSheets, workbookPart } from "../package/workbook";
import { childrenNamed, NS, REL } from "../package/xml";
import { streamEntry } from "../package/zip";
import { decodeXstring, readSheet, type SheetContext } from "./sheetReader";
import { withoutTableNotes, type SheetTable } from "./tableNotes";
import { streamXml } from "./xmlStream";

const HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

/** Excel's built-in number formats that show dates or times (ECMA-376 18.8.30, with the CJK ids). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

export interface StreamedWorkbook extends WorkbookGrids {
  names(): string[];
  /** The workbook counts dates from 1904 (Mac Excel, openpyxl's `epoch`). */
  readonly date1904: boolean;
}

/** Per cell style (xf): whether its number format shows a date. */
function dateStyles(pkg: Package, wbPart: string): boolean[] {
  const rel = pkg.related(wbPart).find((r) => r.type === REL.styles);
  if (!rel || !pkg.has(rel.part)) return [];
  const root = pkg.xml(rel.part).documentElement!;
  const custom = new Map<number, string>();
  for (const fmts of childrenNamed(root, NS.main, "numFmts"))
    for (const f of childrenNamed(fmts, NS.main, "numFmt"))
      custom.set(Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode") ?? "");
  const xfs = childrenNamed(root, NS.main, "cellXfs")[0];
  return (xfs ? childrenNamed(xfs, NS.main, "xf") : []).map((xf: Element) => {
    const id = Number(xf.getAttribute("numFmtId") ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** The shared strings, each as the cell shows it: rich text runs joined, phonetic guides left out. */
function sharedStrings(pkg: Package, wbPart: string): string[] {
  const rel = pkg.related(wbPart).find((r) => r.type === REL.sharedStrings);
  const entry = rel && pkg.entry(rel.part);
  if (!entry) return [];
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  streamXml(pkg.source, entry, {
    open(tag, _a, selfClosing) {
      if (tag === "si") current = "";
      else if (tag === "rPh") phonetic++;
      else if (tag === "t" && !selfClosing && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText) current += text;
    },
    close(tag) {
      if (tag === "si") strings.push(decodeXstring(current ?? ""));
      else if (tag === "rPh") phonetic--;
      else if (tag === "t") inText = false;
    },
  });
  return strings;
}

/** The tables of a worksheet part, as their parts declare them. */
function sheetTables(pkg: Package, part: string): SheetTable[] {
  return pkg
    .related(part)
    .filter((r) => r.type === REL.table && pkg.has(r.part))
    .map((r) => {
      const root = pkg.xml(r.part).documentElement!;
      return {
        ref: root.getAttribute("ref") ?? "",
        totalsRow: Number(root.getAttribute("totalsRowCount") ?? 0) > 0,
      };
    });
}

/** Reads the package of `bytes`; a workbook it cannot read is a PackageError, in Chinese. */
export function streamWorkbook(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): StreamedWorkbook {
  const pkg = checkedPackage(bytes, limits);
  const wbPart = workbookPart(pkg);
  const sheets = listSheets(pkg, wbPart).filter((s) => s.isWorksheet && s.part !== undefined);
  const worksheetParts = new Set(sheets.map((s) => s.part!.toLowerCase()));
  // Every other part is verified now; a worksheet when it is read.
  for (const p of pkg.listParts())
    if (p.entry && !worksheetParts.has(p.name.toLowerCase())) streamEntry(bytes, p.entry, () => undefined);
  const date1904 = isDate1904(pkg.text(wbPart));
  const base = {
    sharedStrings: sharedStrings(pkg, wbPart),
    dateStyles: dateStyles(pkg, wbPart),
    date1904,
    maxRows: limits.maxRows,
  };
  const cache = new Map<string, Grid | undefined>();
  return {
    date1904,
    names: () => sheets.map((s) => s.name),
    sheet(name) {
      if (!cache.has(name)) {
        const s = sheets.find((x) => x.name === name);
        const entry = s && pkg.entry(s.part!);
        const ctx: SheetContext | undefined = entry && {
          ...base,
          externalLinks: new Set(
            pkg
              .rels(s.part!)
              .filter((r) => r.type === HYPERLINK && r.external)
              .map((r) => r.id),
          ),
        };
        cache.set(
          name,
          entry && ctx
            ? withoutTableNotes(readSheet(bytes, entry, name, ctx), sheetTables(pkg, s.part!))
            : undefined,
        );
      }
      return cache.get(name);
    },
  };
}
