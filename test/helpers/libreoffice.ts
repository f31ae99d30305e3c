// LibreOffice Calc as the independent spreadsheet engine: it opens the workbooks we write, recalculates
// every formula (ours carry no cached results), and saves them so the computed values can be read back.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

function soffice(): string {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"])
    if (existsSync(p)) return p;
  throw new Error(
    "LibreOffice (soffice) is not installed: run scripts/setup-system.sh (apt-get install libreoffice-calc)",
  );
}

/**
 * Converts files with a private profile; soffice exits 0 even when it could not load a file, so check. "fods" is
 * LibreOffice's own flat XML: its column widths and row heights as LibreOffice laid the sheet out.
 */
export function convert(files: readonly string[], format: "xlsx" | "pdf" | "fods"): string[] {
  const out = mkdtempSync(path.join(tmpdir(), "lo-out-"));
  const profile = mkdtempSync(path.join(tmpdir(), "lo-profile-"));
  execFileSync(
    soffice(),
    [
      "--headless",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      format,
      "--outdir",
      out,
      ...files,
    ],
    {
      stdio: "pipe",
      timeout: 180_000,
    },
  );
  return files.map((f) => {
    const result = path.join(out, `${path.basename(f, path.extname(f))}.${format}`);
    if (!existsSync(result)) throw new Error(`LibreOffice could not convert ${f}`);
    return result;
  });
}

/** Re-saves workbooks through LibreOffice, which recalculates their formulas; returns the new files. */
export function recalculate(files: readonly string[]): string[] {
  return convert(files, "xlsx");
}

/** Page 1 of a workbook (its first sheet) as a PNG. */
export function firstPagePng(xlsx: string, png: string, dpi = 80): void {
  const [pdf] = convert([xlsx], "pdf");
  const base = png.replace(/\.png$/, "");
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", pdf!, base], {
    stdio: "pipe",
  });
}
