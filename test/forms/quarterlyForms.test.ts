// 附表3 and 附表4 / 附件11 as the seeds print them (SPEC 2.3): the footers' lines, a quarter showing only what
// happened in it, and rows tall enough for their wrapped text.

import { parseQuarter } from "../../src/core/dates";
import { adjustmentRows } from "../../src/core/quarterly";
import {
  fittedRowHeights,
  linesHeight,
  MAX_ROW_HEIGHT,
  textLines,
  type SheetLayout,
} from "../../src/forms/layout";
import { adjustmentLayout, implementationLayout } from "../../src/forms/quarterlyForms";
import { d, guangxi, logEntry, shanghai } from "../core/fixtures";

const q3 = parseQuarter("2026Q3")!;
const party = { district: "南宁市生态环境局", preparer: "李四", preparedOn: d("2026-10-08") };

/** Each text of the layout with its zero-based row. */
const textsByRow = (layout: SheetLayout) =>
  layout.blocks
    .flatMap((b) =>
      b.values.flatMap((r, i) => r.map((v) => (v?.t === "text" ? ([b.row + i, v.v] as const) : undefined))),
    )
    .filter((x) => x !== undefined);
const rowOf = (layout: SheetLayout, prefix: string) =>
  textsByRow(layout).find(([, t]) => t.startsWith(prefix))?.[0];

describe("footers", () => {
  it("prints 附件11's seal line as the form has it: 职能部门（盖章）：, not the district's name", () => {
    const texts = textsByRow(adjustmentLayout([], q3, guangxi, party)).map(([, t]) => t);
    expect(texts).toContain("职能部门（盖章）：");
    expect(texts.some((t) => t.includes("南宁市生态环境局"))).toBe(false);
  });

  it("names the district before Shanghai's 区生态环境局（盖章）", () => {
    const texts = textsByRow(
      adjustmentLayout([], q3, shanghai, { ...party, district: "浦东新区生态环境局" }),
    );
    expect(texts.map(([, t]) => t)).toContain("浦东新区生态环境局（盖章）");
    expect(
      textsByRow(adjustmentLayout([], q3, shanghai, { ...party, district: "" })).map(([, t]) => t),
    ).toContain("区生态环境局（盖章）");
  });

  it.each([
    ["附表4", adjustmentLayout([], q3, shanghai, party)],
    ["附件11", adjustmentLayout([], q3, guangxi, party)],
    ["附表3", implementationLayout([], q3, shanghai, party)],
  ])("puts the seal, 填报人 and 填报时间 of %s on three lines, one under another", (_, layout) => {
    const seal = textsByRow(layout).find(([, t]) => t.includes("（盖章）"))![0];
    expect(rowOf(layout, "填报人：")).toBe(seal + 1);
    expect(rowOf(layout, "填报时间：")).toBe(seal + 2);
    expect(textsByRow(layout).find(([, t]) => t.startsWith("填报时间："))![1]).toBe(
      "填报时间：2026年10月8日",
    );
  });
});

describe("a quarter's 名单调整表 shows what happened in the quarter", () => {
  const suspension = (on: string, resumedOn: string) =>
    logEntry(guangxi, {
      on,
      change: "suspension",
      result: "suspend",
      detail: "主要产污工序（酸洗线）停产检修",
      resumedOn,
    });

  it("does not print a 恢复日期 after the quarter's last day (2026Q3, resumed 2026-11-24)", () => {
    const [row] = adjustmentRows([suspension("2026-08-10", "2026-11-24")], q3);
    expect(row!.remarks).toBe("");
  });

  it("prints a 恢复日期 within the quarter, up to its last day", () => {
    expect(adjustmentRows([suspension("2026-08-10", "2026-09-30")], q3)[0]!.remarks).toBe(
      "恢复日期 2026-09-30",
    );
  });

  it("leaves out the events dated before or after the quarter", () => {
    const log = [suspension("2026-06-30", "2026-07-15"), suspension("2026-10-01", "2026-10-20")];
    expect(adjustmentRows(log, q3)).toEqual([]);
  });
});

describe("row heights for wrapped text", () => {
  it("counts a CJK character as two width units and a Latin letter as 1.2", () => {
    // 10.5 pt: a CJK character is 14 px, two of Excel's 7-pixel width units; a column 15 units wide leaves
    // 14 units (98 px) for text.
    expect(textLines("企".repeat(7), 15, 10.5)).toBe(1);
    expect(textLines("企".repeat(8), 15, 10.5)).toBe(2);
    expect(textLines("A".repeat(8), 11, 10.5)).toBe(1);
    expect(textLines("A".repeat(9), 11, 10.5)).toBe(2);
  });

  it("keeps a Latin word whole and closing punctuation with the character before it", () => {
    expect(textLines("企企企企企", 13, 10.5)).toBe(1);
    expect(textLines("企企企企企 ABCDE", 13, 10.5)).toBe(2);
    // Four characters a line: "）" may not start the second, so "企）" moves down together.
    expect(textLines("企企企企企企企企", 9, 10.5)).toBe(2);
    expect(textLines("企企企企）企企企", 9, 10.5)).toBe(3);
  });

  it("starts a new line at each line break", () => {
    expect(textLines("甲\n乙\n丙", 30, 10.5)).toBe(3);
  });

  it("makes 附件11's row tall enough for 企业涉及产污工序停产（主要产污工序（酸洗线）停产检修）", () => {
    const log = [
      logEntry(guangxi, {
        on: "2026-08-10",
        change: "suspension",
        result: "suspend",
        detail: "主要产污工序（酸洗线）停产检修",
      }),
    ];
    const rows = adjustmentRows(log, q3);
    expect(rows[0]!.change).toBe("企业涉及产污工序停产（主要产污工序（酸洗线）停产检修）");
    const layout = adjustmentLayout(rows, q3, guangxi, party);
    const width = layout.columnWidths[3]!;
    const lines = textLines(rows[0]!.change, width, 10.5);
    expect(lines).toBeGreaterThan(1);
    expect(fittedRowHeights(layout)[4]).toBeGreaterThanOrEqual(linesHeight(lines, 10.5));
  });

  it("never makes a row taller than Excel's 409 points, however long its 具体说明", () => {
    for (const profile of [shanghai, guangxi]) {
      const log = [
        logEntry(profile, {
          on: "2026-08-10",
          change: "suspension",
          result: "suspend",
          detail: "说明".repeat(250),
        }),
      ];
      const heights = Object.values(
        fittedRowHeights(adjustmentLayout(adjustmentRows(log, q3), q3, profile, party)),
      );
      expect(Math.max(...heights)).toBe(MAX_ROW_HEIGHT);
    }
  });

  it("sizes a note merged across the table by the table's width, and keeps a taller height the layout gives", () => {
    const layout = adjustmentLayout([], q3, guangxi, party);
    const heights = fittedRowHeights(layout);
    expect(heights[1]).toBe(28);
    const longest = guangxi.adjustmentForm.notes.reduce((a, b) => (a.length >= b.length ? a : b));
    const total = layout.columnWidths.reduce((a, b) => a + b, 0);
    expect(heights[rowOf(layout, longest)!]).toBe(linesHeight(textLines(longest, total, 10), 10));
  });
});
