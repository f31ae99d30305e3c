// A read-only view of one sheet of the open workbook, around the cell an issue names: the web page's stand-in
// for selecting the cell in Excel. Only a window of rows is drawn, so a 10,000-row register stays quick.

import { Caption1, Field, Select } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { cellAddress, columnLetters, parseCellAddress } from "../core/address";
import { cellText } from "../core/cells";
import { cellValue, type Grid } from "../core/grid";
import type { WebStrings } from "./strings";

const WINDOW = 60;

export interface PreviewTarget {
  sheet: string;
  cell: string;
}

function shown(cell: Grid["rows"][number][number] | undefined): string {
  const v = cellValue(cell);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cellText(v);
}

export function Preview({
  w,
  sheets,
  grid,
  target,
  onSheet,
}: {
  w: WebStrings;
  sheets: readonly string[];
  grid: Grid | undefined;
  target: PreviewTarget | undefined;
  onSheet(name: string): void;
}) {
  const highlighted = useRef<HTMLTableCellElement>(null);
  const at = target && grid && target.sheet === grid.sheet ? parseCellAddress(target.cell) : undefined;
  useEffect(() => {
    highlighted.current?.scrollIntoView({ block: "center", inline: "center" });
  }, [target, grid]);
  if (!grid) return null;
  const total = grid.rows.length;
  const first = at ? Math.max(0, at.row - WINDOW / 2) : 0;
  const last = Math.min(total, first + WINDOW);
  const width = grid.rows.slice(first, last).reduce((m, r) => Math.max(m, r.length), at ? at.col + 1 : 1);
  const cols = Array.from({ length: width }, (_, c) => c);
  return (
    <section style={{ marginTop: 16 }} aria-label={w.preview} data-testid="preview">
      <Field label={w.sheet}>
        <Select value={grid.sheet} onChange={(_, d) => onSheet(d.value)}>
          {sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1 block>{w.rows(total === 0 ? 0 : first + 1, last, total)}</Caption1>
      <div style={{ overflow: "auto", maxHeight: 420, border: "1px solid #d1d1d1", marginTop: 4 }}>
        <table style={{ borderCollapse: "collapse", fontSize: 12 }}>
          <thead>
            <tr>
              <th />
              {cols.map((c) => (
                <th key={c} style={{ background: "#f3f3f3", padding: "2px 6px", fontWeight: 400 }}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.slice(first, last).map((row, i) => {
              const r = first + i;
              return (
                <tr key={r}>
                  <th style={{ background: "#f3f3f3", padding: "2px 6px", fontWeight: 400 }}>{r + 1}</th>
                  {cols.map((c) => {
                    const hit = at !== undefined && at.row === r && at.col === c;
                    return (
                      <td
                        key={c}
                        ref={hit ? highlighted : undefined}
                        data-cell={hit ? `${grid.sheet}!${cellAddress(r, c)}` : undefined}
                        style={{
                          border: "1px solid #e0e0e0",
                          padding: "2px 6px",
                          whiteSpace: "nowrap",
                          maxWidth: 240,
                          overflow: "hidden",
                          textOverflow: "ellipsis",
                          outline: hit ? "2px solid #c50f1f" : undefined,
                          background: hit ? "#fdf3f4" : undefined,
                        }}
                      >
                        {shown(row[c])}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
