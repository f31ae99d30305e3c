// How a table's many cells are read: each column's plain function where its schema has one (the same value
// or the same message as zod gives), and each row's cell addresses worked out when asked for, yet read,
// listed and serialised as a plain object.

import fc from "fast-check";
import { cellReader, CellFailure } from "../../src/core/cells";
import type { CellInput, Grid } from "../../src/core/grid";
import { getProfile } from "../../src/core/profiles";
import { readRegister, REGISTER_COLUMNS, REGISTER_SHEET } from "../../src/core/register";

const viaZod = (schema: (typeof REGISTER_COLUMNS)[number]["schema"], raw: unknown) => {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { value: parsed.data } : { message: parsed.error.issues[0]?.message };
};

const viaReader = (schema: (typeof REGISTER_COLUMNS)[number]["schema"], raw: unknown) => {
  const v = cellReader(schema)!(raw);
  return v instanceof CellFailure ? { message: v.message } : { value: v };
};

const cell: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constantFrom(
    "",
    "  ",
    " 双超、高耗能企业 ",
    "双超,其他",
    "化工",
    "2026年",
    "２０２６",
    "2026-03-05",
    "2026年3月5日",
    "2026-02-30",
    "（1）通过",
    "合格",
    "完整程序",
    "88.25",
    "９０",
    "91310000132149237G",
  ),
  fc.string(),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ min: new Date("1899-01-01"), max: new Date("2200-01-01") }),
  fc.constantFrom<CellInput>({ error: "#N/A" }, { formula: "A1" }, { formula: "A1", result: 2026 }),
);

describe("a table's cells", () => {
  it("are read by each register column's plain function exactly as its schema reads them", () => {
    for (const c of REGISTER_COLUMNS) expect(cellReader(c.schema)).toBeDefined();
    fc.assert(
      fc.property(cell, (raw) => {
        for (const c of REGISTER_COLUMNS) expect(viaReader(c.schema, raw)).toEqual(viaZod(c.schema, raw));
      }),
      { numRuns: 400 },
    );
  });

  it("keep the values and messages of the composed columns", () => {
    const schema = (field: string) => REGISTER_COLUMNS.find((c) => c.field === field)!.schema;
    expect(viaReader(schema("listYear"), " 2026年")).toEqual({ value: 2026 });
    expect(viaReader(schema("listYear"), "二〇二六年")).toEqual({
      message: "名单年度须为数字（单元格内容：“二〇二六”）",
    });
    expect(viaReader(schema("auditTypes"), "双超、双超企业 ,其他")).toEqual({ value: ["双超", "其他"] });
    expect(viaReader(schema("auditTypes"), "化工、双超")).toEqual({
      message: "“化工”不是审核类型，应为 双超 / 双有 / 高耗能 / 其他（多个用“、”分隔）",
    });
    expect(viaReader(schema("name"), "  ")).toEqual({ message: "不能为空" });
    expect(viaReader(schema("evaluationResult"), { error: "#REF!" })).toEqual({
      message: "单元格为错误值 #REF!",
    });
    expect(viaReader(schema("publishedOn"), null)).toEqual({ message: "不能为空" });
  });

  it("give each row its cells' addresses, read, listed and serialised as a plain object", () => {
    const grid: Grid = {
      sheet: REGISTER_SHEET,
      rows: [
        ["说明"],
        ["统一社会信用代码", "企业名称", "名单公布时间", "备注"],
        ["91310000132149237G", "上海甲化工有限公司", "2026-03-05", ""],
        [],
        ["91310000132149237G", "上海乙有限公司", "2026-13-05", "x"],
      ],
    };
    const { rows } = readRegister(grid, getProfile("shanghai"));
    const want = { name: "B5", creditCode: "A5", publishedOn: "C5", remarks: "D5" };
    const cells = rows[1]!.cells;
    expect(cells).toEqual(want);
    expect(Object.keys(cells)).toEqual(["name", "creditCode", "publishedOn", "remarks"]);
    expect(JSON.parse(JSON.stringify(rows[1]))).toMatchObject({ row: 5, cells: want });
    expect({ ...cells }).toEqual(want);
    expect(cells.phone).toBeUndefined();
    expect("phone" in cells).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(cells, "name")).toBe(true);
    expect(rows[0]!.cells.publishedOn).toBe("C3");
    expect(() => {
      (cells as Record<string, string>).name = "Z9";
    }).toThrow(TypeError);
  });
});
