// Workbooks written part by part, as the smallest valid package a program might produce: for what our own
// writer never makes (a namespace prefix, ISO dates, rows without numbers, a register of 130,000 rows, a
// sheet that expands to millions of rows).

import { zipSync, type Zippable } from "fflate";
import { cellAddress } from "../../src/core/address";

/** A cell: text, a number, a formula written without its result (as scripts write them), or nothing. */
export type CraftCell = string | number | { formula: string } | null;

export interface CraftSheet {
  name: string;
  /** Rows of cells from A1: text as inline strings, numbers as numbers. */
  rows?: readonly (readonly CraftCell[])[];
  /** The sheetData content as written, instead of `rows`. */
  sheetData?: string;
  /** Elements after sheetData (mergeCells…), as written. */
  after?: string;
  /** Prefix of the spreadsheet namespace ("x" writes x:worksheet, x:row…). */
  prefix?: string;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Text as Excel stores it: characters XML cannot hold written as _xHHHH_. */
const xstring = (s: string) =>
  esc(s).replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );

/**
 * The sheetData rows of `rows`, with prefix `p` ("x:" or ""): text inline, or as indices into `shared` (the
 * shared strings, filled as text is met) when it is given.
 */
export function rowsXml(rows: readonly (readonly CraftCell[])[], p = "", shared?: string[]): string {
  const out: string[] = [];
  rows.forEach((row, r) => {
    const cells = row
      .map((v, c) => {
        const ref = cellAddress(r, c);
        if (v === null) return "";
        if (typeof v === "number") return `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`;
        if (typeof v === "object")
          return `<${p}c r="${ref}" t="str"><${p}f>${esc(v.formula)}</${p}f></${p}c>`;
        if (shared) return `<${p}c r="${ref}" t="s"><${p}v>${shared.push(v) - 1}</${p}v></${p}c>`;
        return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${xstring(v)}</${p}t></${p}is></${p}c>`;
      })
      .join("");
    out.push(`<${p}row r="${r + 1}">${cells}</${p}row>`);
  });
  return out.join("");
}

export interface CraftOptions {
  /** Store the parts instead of deflating them. */
  store?: boolean;
  /** Text in a shared-strings part, as Excel writes it, instead of inline. */
  sharedStrings?: boolean;
}

/** An .xlsx package holding `sheets`, with a bare styles part. */
export function craftWorkbook(sheets: readonly CraftSheet[], options: CraftOptions = {}): Uint8Array {
  const enc = new TextEncoder();
  const shared: string[] | undefined = options.sharedStrings ? [] : undefined;
  const files: Zippable = {};
  const put = (name: string, text: string) => (files[name] = enc.encode(text));
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("")}</Types>`,
  );
  put(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  put(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  sheets.forEach((s, i) => {
    const p = s.prefix ? `${s.prefix}:` : "";
    const ns = s.prefix ? `xmlns:${s.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
    put(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetData>${s.sheetData ?? rowsXml(s.rows ?? [], p, shared)}</${p}sheetData>${s.after ?? ""}</${p}worksheet>`,
    );
  });
  if (shared) {
    put(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${shared.length}">${shared.map((t) => `<si><t>${xstring(t)}</t></si>`).join("")}</sst>`,
    );
    files["xl/_rels/workbook.xml.rels"] = enc.encode(
      new TextDecoder()
        .decode(files["xl/_rels/workbook.xml.rels"] as Uint8Array)
        .replace(
          "</Relationships>",
          `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        ),
    );
  }
  return zipSync(files, { level: options.store ? 0 : 6 });
}
