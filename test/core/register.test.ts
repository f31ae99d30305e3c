import fc from "fast-check";
import type { CellInput, Grid } from "../../src/core/grid";
import { readRegister, registerRowSchema, REGISTER_INPUT_LABELS } from "../../src/core/register";
import { readAdjustmentLog } from "../../src/core/adjustments";
import { d, guangxi, shanghai } from "./fixtures";

const grid = (rows: CellInput[][]): Grid => ({ sheet: "企业名单台账", rows });

describe("reading the register", () => {
  it("finds columns by label in any order, under a title row, and skips blank rows", () => {
    const g = grid([
      ["浦东新区强审企业名单"],
      ["名单公布时间", "自定义列", "统一社会信用代码", "企业名称", "评估得分"],
      [46086, "保留", "91310000132149237G", "上海甲化工有限公司", "82.5"],
      [null, null, null, null, null],
      ["2026/3/5", null, "91310000132149237G", "上海乙化工有限公司", null],
    ]);
    const r = readRegister(g, shanghai);
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.name, x.publishedOn, x.evaluationScore])).toEqual([
      [3, "上海甲化工有限公司", 46086, 82.5],
      [5, "上海乙化工有限公司", 46086, null],
    ]);
    expect(r.rows[0]!.cells.publishedOn).toBe("A3");
    expect(r.rows[0]!.auditMethod).toBe("完整程序");
    for (const row of r.rows) expect(registerRowSchema.safeParse(row).success).toBe(true);
  });

  it("answers every bad cell with an issue naming its sheet and address", () => {
    const g = grid([
      [
        "企业名称",
        "统一社会信用代码",
        "名单公布时间",
        "评估得分",
        "验收得分",
        "审核类型",
        "评估结果",
        "审核方式",
      ],
      ["甲", "91310000132149237G", "2026-02-30", 100.5, -1, "双高", "优秀", "快速程序"],
      ["乙", "91310000132149237G", "2026-03-05", "abc", 82.55, "双超、高耗能", "通过", "简化程序"],
    ]);
    const r = readRegister(g, guangxi);
    expect(r.issues.map((i) => [i.cell, i.code])).toEqual([
      ["C2", "cell.publishedOn"],
      ["D2", "cell.evaluationScore"],
      ["E2", "cell.acceptanceScore"],
      ["F2", "cell.auditTypes"],
      ["G2", "cell.evaluationResult"],
      ["H2", "cell.auditMethod"],
      ["D3", "cell.evaluationScore"],
      ["E3", "cell.acceptanceScore"],
    ]);
    expect(
      r.issues.every(
        (i) => i.sheet === "企业名单台账" && i.severity === "error" && /[\u4e00-\u9fa5]/.test(i.message),
      ),
    ).toBe(true);
    expect(r.rows[1]!.auditTypes).toEqual(["双超", "高耗能"]);
  });

  it("gives one sheet-level issue when a required header is missing", () => {
    const r = readRegister(
      grid([
        ["企业名称", "名单公布时间"],
        ["甲", 46086],
      ]),
      shanghai,
    );
    expect(r.rows).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ code: "sheet.headers", cell: "A1" })]);
    expect(r.issues[0]!.message).toContain("统一社会信用代码");
  });

  it("never throws, whatever the cells hold", () => {
    const cell: fc.Arbitrary<CellInput> = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.date(),
      fc.record({ formula: fc.string(), result: fc.anything() }),
      fc.record({ error: fc.constantFrom("#REF!", "#N/A", "#VALUE!") }),
      fc.constantFrom(...REGISTER_INPUT_LABELS),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 25 }), { maxLength: 12 }), (rows) => {
        const header = [...REGISTER_INPUT_LABELS] as CellInput[];
        readRegister(grid([header, ...rows]), shanghai);
        readRegister(grid(rows), guangxi);
        readAdjustmentLog(
          { sheet: "名单调整记录", rows: [["企业名称", "变化日期", "变化情况", "调整结果"], ...rows] },
          guangxi,
        );
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe("reading the adjustment log", () => {
  it("takes the profile's options, tolerating a (1) numbering", () => {
    const log = readAdjustmentLog(
      {
        sheet: "名单调整记录",
        rows: [
          ["企业名称", "变化日期", "变化情况", "调整结果", "恢复日期"],
          ["甲", "2026-01-10", "（4）企业涉及产污工序停产、其他", "审核暂缓", "2026-03-01"],
          ["乙", "2026-01-10", "其他", "其他", null],
        ],
      },
      shanghai,
    );
    expect(log.entries[0]).toMatchObject({ result: "suspend", resumedOn: d("2026-03-01") });
    expect(log.issues.map((i) => i.cell)).toEqual(["C3", "D3"]);
  });
});
