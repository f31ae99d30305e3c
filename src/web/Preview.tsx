// A read-only view of one sheet of the open workbook, around the cell an issue names: the web page's stand-in
// for selecting the cell in Excel. Only a window of rows is drawn (sheetWindow.ts), so a large register stays
// quick. The scroll box takes the keyboard's focus, so its columns can be reached without a mouse.

import { Caption1, Field, Select } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { cellAddress, columnLetters } from "../core/address";
import type { SheetWindow } from "./sheetWindow";
import type { WebStrings } from "./strings";

export function Preview({
  w,
  view,
  onSheet,
}: {
  w: WebStrings;
  view: SheetWindow | undefined;
  onSheet(name: string): void;
}) {
  const highlighted = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    highlighted.current?.scrollIntoView({ block: "center", inline: "center" });
  }, [view]);
  if (!view) return null;
  const { first, total, at } = view;
  const last = first + view.rows.length;
  const cols = Array.from({ length: view.width }, (_, c) => c);
  return (
    <section style={{ marginTop: 16 }} aria-label={w.preview} data-testid="preview">
      <Field label={w.sheet}>
        <Select value={view.sheet} onChange={(_, d) => onSheet(d.value)}>
          {view.names.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1 block>{w.rows(total === 0 ? 0 : first + 1, last, total)}</Caption1>
      <div
        tabIndex={0}
        role="region"
        aria-label={w.previewBox(view.sheet)}
        data-testid="preview-box"
        style={{ overflow: "auto", maxHeight: 420, border: "1px solid #d1d1d1", marginTop: 4 }}
      >
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
            {view.rows.map((row, i) => {
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
                        data-cell={hit ? `${view.sheet}!${cellAddress(r, c)}` : undefined}
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
                        {row[c]}
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
