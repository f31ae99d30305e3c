// Plain-text tables for a terminal: CJK characters take two columns.

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w +=
      cp >= 0x1100 &&
      (cp <= 0x115f ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6))
        ? 2
        : 1;
  }
  return w;
}

function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

export interface TextColumn {
  title: string;
  align?: "left" | "right";
  /** Longer cells are cut with "…" (display columns). */
  max?: number;
}

function clip(text: string, max: number | undefined): string {
  if (max === undefined || displayWidth(text) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function textTable(columns: readonly TextColumn[], rows: readonly string[][]): string {
  // A line break inside a cell would break the table's lines: it is shown as \n.
  const cells = rows.map((r) => columns.map((c, i) => clip((r[i] ?? "").replace(/\r?\n/g, "\\n"), c.max)));
  const widths = columns.map((c, i) =>
    cells.reduce((m, r) => Math.max(m, displayWidth(r[i]!)), displayWidth(c.title)),
  );
  const line = (r: string[]) =>
    r
      .map((t, i) => pad(t, widths[i]!, columns[i]!.align ?? "left"))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(columns.map((c) => c.title)), rule, ...cells.map(line)].join("\n");
}
