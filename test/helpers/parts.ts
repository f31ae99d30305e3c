// A workbook's package parts as bytes, read with fflate alone, to compare what a command kept.

import { unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { Package } from "../../src/xlsx/package/opc";
import { listSheets, workbookPart } from "../../src/xlsx/package/workbook";

export function partsOf(file: string): Map<string, Uint8Array> {
  return new Map(
    Object.entries(unzipSync(new Uint8Array(readFileSync(file)))).filter(([n]) => !n.endsWith("/")),
  );
}

/** The workbook part, its relationships and each sheet's part, by sheet name. */
export function sheetPartsOf(file: string): { workbook: string; sheets: Map<string, string> } {
  const pkg = new Package(new Uint8Array(readFileSync(file)));
  const workbook = workbookPart(pkg);
  return {
    workbook,
    sheets: new Map(listSheets(pkg, workbook).map((s) => [s.name, s.part ?? ""])),
  };
}

export const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a !== undefined && b !== undefined && Buffer.compare(a, b) === 0;
