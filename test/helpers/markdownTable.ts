// README's tables that are written from the code: the text between two markers, and its table as cells.

import { readFileSync } from "node:fs";
import path from "node:path";

export const README = path.resolve(__dirname, "../../README.md");

/** README's text between the markers `start` and `end` (empty when either is missing). */
export function readmeBetween(start: string, end: string): string {
  const text = readFileSync(README, "utf8");
  const at = text.indexOf(start);
  const to = text.indexOf(end);
  return at < 0 || to < at ? "" : text.slice(at + start.length, to);
}

/** A Markdown table's rows as cells, the header first, whatever widths Prettier padded them to. */
export function tableRows(table: string): string[][] {
  return table
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|[\s|:-]+\|$/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split("|")
        .map((c) => c.trim()),
    );
}
