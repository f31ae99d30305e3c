// SPEC 2.1: the register 企业名单台账 — columns found by label in any order, typed values, and every bad
// cell answered with an issue naming the sheet and the A1 address.

import fc from "fast-check";
import { readAdjustmentLog } from "../../src/core/adjustments";
import { parseIsoDate } from "../../src/core/dates";
import type { CellInput, Grid } from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";
import { getProfile } from "../../src/core/profiles";
import {
  readRegister,
  REGISTER_INPUT_LABELS,
  REGISTER_SHEET,
  registerRowSchema,
} from "../../src/core/register";
import { SPEC_LOG_LABELS, SPEC_REGISTER_LABELS } from "../fixtures/specLabels";

const shanghai = getProfile("shanghai");
const guangxi = getProfile("guangxi");
const d = (iso: string) => parseIsoDate(iso)!;
const grid = (rows: CellInput[][], sheet = REGISTER_SHEET): Grid => ({ sheet, rows });
const CODE = "91310000132149237G";

/** A complete, valid row keyed by label. */
const FULL_ROW: Record<string, CellInput> = {
  序号: 1,
  企业名称: "上海甲化工有限公司",
  统一社会信用代码: CODE,
  所属区: "浦东新区",
  审核类型: "双超、高耗能",
  审核方式: "完整程序",
  名单年度: 2025,
  名单公布时间: "2025-03-15",
  收文时间: "2025/3/20",
  信息公开时间: "2025.4.10",
  审核启动时间: "2025年5月6日",
  咨询机构名称: "上海某某环境咨询有限公司",
  评估时间: new Date(Date.UTC(2026, 0, 10)),
  评估得分: 82.5,
  评估结果: "补充完善",
  中高费方案完成时间: d("2026-06-30"),
  验收时间: "2026-10-10",
  验收得分: "75",
  验收结果: "合格",
  上轮验收时间: null,
  备注: "无",
};

const EXPECTED_VALUES = {
  seq: "1",
  name: "上海甲化工有限公司",
  creditCode: CODE,
  district: "浦东新区",
  auditTypes: ["双超", "高耗能"],
  auditMethod: "完整程序",
  listYear: 2025,
  publishedOn: d("2025-03-15"),
  receivedOn: d("2025-03-20"),
  disclosedOn: d("2025-04-10"),
  startedOn: d("2025-05-06"),
  consultant: "上海某某环境咨询有限公司",
  evaluatedOn: d("2026-01-10"),
  evaluationScore: 82.5,
  evaluationResult: "补充完善",
  highCostDoneOn: d("2026-06-30"),
  acceptedOn: d("2026-10-10"),
  acceptanceScore: 75,
  acceptanceResult: "合格",
  previousAcceptedOn: null,
  remarks: "无",
  contact: "",
  phone: "",
};

/** A header of `labels` and one row per record, each record's cells filled by label. */
const table = (labels: readonly string[], ...records: Record<string, CellInput>[]): CellInput[][] => [
  [...labels],
  ...records.map((r) => labels.map((l) => (l in r ? r[l]! : null))),
];

const cellsOf = (issues: Issue[]) => issues.map((i) => `${i.cell} ${i.code}`);

describe("the register's stable interface", () => {
  it("lays out every input column SPEC 2.1 names, plus the optional 收文时间", () => {
    for (const label of SPEC_REGISTER_LABELS) expect(REGISTER_INPUT_LABELS).toContain(label);
    expect(REGISTER_INPUT_LABELS).toContain("收文时间");
    expect(new Set(REGISTER_INPUT_LABELS).size).toBe(REGISTER_INPUT_LABELS.length);
  });

  it("is read from the sheet 企业名单台账", () => {
    expect(REGISTER_SHEET).toBe("企业名单台账");
  });
});

describe("finding columns and rows", () => {
  it("reads every column of a complete row into typed values", () => {
    const r = readRegister(grid(table([...SPEC_REGISTER_LABELS, "收文时间"], FULL_ROW)), shanghai);
    expect(r.issues).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ sheet: REGISTER_SHEET, row: 2, ...EXPECTED_VALUES });
    expect(registerRowSchema.safeParse(r.rows[0]).success).toBe(true);
  });

  it("reads the optional 联系人 and 联系电话 as text, a phone typed as a number included", () => {
    const labels = [...SPEC_REGISTER_LABELS, "联系人", "联系电话"];
    const r = readRegister(
      grid(table(labels, { ...FULL_ROW, 联系人: " 王伟 ", 联系电话: 13800138000 })),
      shanghai,
    );
    expect(r.issues).toEqual([]);
    expect(r.rows[0]).toMatchObject({ contact: "王伟", phone: "13800138000" });
    expect(REGISTER_INPUT_LABELS).toEqual(expect.arrayContaining(["联系人", "联系电话"]));
  });

  it("finds columns by label whatever their order", () => {
    const labels = [...SPEC_REGISTER_LABELS, "收文时间"];
    fc.assert(
      fc.property(fc.shuffledSubarray(labels, { minLength: labels.length }), (order) => {
        const r = readRegister(grid(table(order, FULL_ROW)), shanghai);
        const { sheet: _s, row: _r, cells, ...values } = r.rows[0]!;
        expect(r.issues).toEqual([]);
        expect(values).toEqual(EXPECTED_VALUES);
        expect(cells.publishedOn).toBe(`${String.fromCharCode(65 + order.indexOf("名单公布时间"))}2`);
        return true;
      }),
      { numRuns: 50 },
    );
  });

  it("finds the header under a title row and reports Excel's row numbers", () => {
    const rows: CellInput[][] = [
      ["浦东新区 2025 年强制性清洁生产审核企业名单"],
      [],
      ...table(["企业名称", "统一社会信用代码", "名单公布时间"], {
        企业名称: "甲",
        统一社会信用代码: CODE,
        名单公布时间: 46086,
      }),
    ];
    const r = readRegister(grid(rows), shanghai);
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.name, x.publishedOn])).toEqual([[4, "甲", 46086]]);
    expect(r.rows[0]!.cells).toMatchObject({ name: "A4", creditCode: "B4", publishedOn: "C4" });
  });

  it("skips blank rows, including rows of spaces and empty text", () => {
    const labels = ["企业名称", "统一社会信用代码", "名单公布时间"];
    const rows: CellInput[][] = [
      labels,
      ["甲", CODE, "2025-03-15"],
      [],
      [null, null, null],
      ["", "  ", "\u3000"],
      ["乙", CODE, "2025-03-15"],
    ];
    const r = readRegister(grid(rows), shanghai);
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.name])).toEqual([
      [2, "甲"],
      [6, "乙"],
    ]);
  });

  it("ignores columns it does not know, even when they hold something in a blank row", () => {
    const rows: CellInput[][] = [
      ["自定义", "企业名称", "经办人", "统一社会信用代码", "名单公布时间", "电话"],
      ["保留", "甲", "张三", CODE, "2025-03-15", 12345],
      ["只有自定义列", null, "李四", null, null, "x"],
    ];
    const r = readRegister(grid(rows), shanghai);
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => x.name)).toEqual(["甲"]);
  });

  it("reads a register whose columns run past Z, naming cells like AB3", () => {
    const filler = Array.from({ length: 26 }, (_, i) => `备用${i + 1}`);
    const labels = [...filler, "企业名称", "统一社会信用代码", "名单公布时间"];
    const r = readRegister(
      grid(table(labels, { 企业名称: "甲", 统一社会信用代码: CODE, 名单公布时间: "2025-02-30" })),
      shanghai,
    );
    expect(cellsOf(r.issues)).toEqual(["AC2 cell.publishedOn"]);
  });

  it("takes 收文时间 as absent when the column is missing or blank", () => {
    const labels = ["企业名称", "统一社会信用代码", "名单公布时间", "收文时间"];
    const r = readRegister(
      grid(table(labels, { 企业名称: "甲", 统一社会信用代码: CODE, 名单公布时间: "2025-03-15" })),
      shanghai,
    );
    expect(r.rows[0]!.receivedOn).toBeNull();
    const without = readRegister(
      grid(table(labels.slice(0, 3), { 企业名称: "甲", 名单公布时间: 46086 })),
      shanghai,
    );
    expect(without.rows[0]!.receivedOn).toBeNull();
    expect(without.rows[0]!.cells.receivedOn).toBeUndefined();
  });

  it("defaults a Shanghai row's 审核方式 to 完整程序", () => {
    const labels = ["企业名称", "统一社会信用代码", "名单公布时间", "审核方式"];
    const r = readRegister(
      grid(table(labels, { 企业名称: "甲", 统一社会信用代码: CODE, 名单公布时间: "2025-03-15" })),
      shanghai,
    );
    expect(r.rows[0]!.auditMethod).toBe("完整程序");
    const noColumn = readRegister(
      grid(table(labels.slice(0, 3), { 企业名称: "甲", 名单公布时间: 46086 })),
      shanghai,
    );
    expect(noColumn.rows[0]!.auditMethod).toBe("完整程序");
  });

  it("reads Guangxi's 简化程序", () => {
    const labels = ["企业名称", "统一社会信用代码", "名单公布时间", "审核方式"];
    const r = readRegister(
      grid(
        table(labels, { 企业名称: "甲", 统一社会信用代码: CODE, 名单公布时间: 46086, 审核方式: "简化程序" }),
      ),
      guangxi,
    );
    expect(r.issues).toEqual([]);
    expect(r.rows[0]!.auditMethod).toBe("简化程序");
  });
});

describe("typed values", () => {
  const labels = [
    "企业名称",
    "统一社会信用代码",
    "名单公布时间",
    "审核类型",
    "评估得分",
    "评估结果",
    "验收结果",
  ];
  const one = (cells: Record<string, CellInput>) => {
    const r = readRegister(
      grid(table(labels, { 企业名称: "甲", 统一社会信用代码: CODE, 名单公布时间: 46086, ...cells })),
      guangxi,
    );
    return { row: r.rows[0]!, issues: r.issues };
  };

  it.each<[CellInput, string[]]>([
    ["双超", ["双超"]],
    ["双超、高耗能", ["双超", "高耗能"]],
    ["双超、双有、高耗能、其他", ["双超", "双有", "高耗能", "其他"]],
    [null, []],
  ])("reads 审核类型 %p", (cell, types) => {
    const r = one({ 审核类型: cell });
    expect(r.issues).toEqual([]);
    expect(r.row.auditTypes).toEqual(types);
  });

  it.each<[CellInput, number | null]>([
    [0, 0],
    [70, 70],
    [100, 100],
    [82.5, 82.5],
    ["82.5", 82.5],
    ["８２.５", 82.5],
    [" 90 ", 90],
    [null, null],
    ["", null],
  ])("reads the score %p", (cell, score) => {
    const r = one({ 评估得分: cell });
    expect(r.issues).toEqual([]);
    expect(r.row.evaluationScore).toBe(score);
  });

  it.each(["通过", "补充完善", "不通过"])("reads the evaluation result %s", (result) => {
    expect(one({ 评估结果: result }).row.evaluationResult).toBe(result);
  });

  it.each(["合格", "不合格"])("reads the acceptance result %s", (result) => {
    expect(one({ 验收结果: result }).row.acceptanceResult).toBe(result);
  });

  it("reads a formula's cached result", () => {
    const r = one({ 名单公布时间: { formula: "DATE(2026,3,5)", result: new Date(Date.UTC(2026, 2, 5)) } });
    expect(r.issues).toEqual([]);
    expect(r.row.publishedOn).toBe(46086);
  });
});

describe("every bad cell is answered with an issue naming the sheet and the cell", () => {
  const labels = [...SPEC_REGISTER_LABELS, "收文时间"];
  const at = (label: string, row = 2) => `${String.fromCharCode(65 + labels.indexOf(label))}${row}`;
  const readBad = (label: string, value: CellInput, profile = shanghai) =>
    readRegister(grid(table(labels, { ...FULL_ROW, [label]: value })), profile).issues;

  it.each([
    ["名单公布时间", "publishedOn"],
    ["收文时间", "receivedOn"],
    ["信息公开时间", "disclosedOn"],
    ["审核启动时间", "startedOn"],
    ["评估时间", "evaluatedOn"],
    ["中高费方案完成时间", "highCostDoneOn"],
    ["验收时间", "acceptedOn"],
    ["上轮验收时间", "previousAcceptedOn"],
  ])("flags a bad date in %s", (label, field) => {
    for (const bad of ["2026-02-30", "2026.13.1", "3/5/2026", "下月初", -1, 1e308, true]) {
      const issues = readBad(label, bad);
      expect(issues).toEqual([
        expect.objectContaining({
          sheet: REGISTER_SHEET,
          cell: at(label),
          severity: "error",
          code: `cell.${field}`,
        }),
      ]);
      expect(issues[0]!.message).toContain(label);
    }
  });

  it.each<[string, CellInput]>([
    ["a score over 100", 100.5],
    ["a negative score", -1],
    ["text", "abc"],
    ["a formula typed as text", "=80+2"],
    ["two decimals (the panel score has one)", 82.55],
    ["a boolean", true],
    ["an error value", { error: "#VALUE!" }],
  ])("flags %s in 评估得分 and in 验收得分", (_, bad) => {
    expect(cellsOf(readBad("评估得分", bad))).toEqual([`${at("评估得分")} cell.evaluationScore`]);
    expect(cellsOf(readBad("验收得分", bad))).toEqual([`${at("验收得分")} cell.acceptanceScore`]);
  });

  it.each([
    ["审核类型", "双高", "auditTypes"],
    ["审核类型", "双超、双高", "auditTypes"],
    ["审核类型", "重点企业", "auditTypes"],
    ["审核方式", "快速程序", "auditMethod"],
    ["评估结果", "优秀", "evaluationResult"],
    ["评估结果", "合格", "evaluationResult"],
    ["验收结果", "基本合格", "acceptanceResult"],
    ["验收结果", "通过", "acceptanceResult"],
  ])("flags %s %p, which is not one of its options", (label, bad, field) => {
    const issues = readBad(label, bad, guangxi);
    expect(cellsOf(issues)).toEqual([`${at(label)} cell.${field}`]);
    expect(issues[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("flags a blank 企业名称 and a blank 名单公布时间", () => {
    expect(cellsOf(readBad("企业名称", "  "))).toEqual([`${at("企业名称")} cell.name`]);
    expect(cellsOf(readBad("名单公布时间", null))).toEqual([`${at("名单公布时间")} cell.publishedOn`]);
  });

  it("flags a formula that has no computed result yet", () => {
    expect(cellsOf(readBad("审核启动时间", { formula: "EDATE(H2,1)" }))).toEqual([
      `${at("审核启动时间")} cell.startedOn`,
    ]);
  });

  it("lists a row's problems left to right and keeps reading the rows below", () => {
    const rows = table(
      labels,
      { ...FULL_ROW, 验收得分: -1, 名单公布时间: "2026-02-30", 评估结果: "优秀" },
      { ...FULL_ROW, 企业名称: "乙" },
      { ...FULL_ROW, 企业名称: "丙", 审核类型: "双高" },
    );
    const r = readRegister(grid(rows), shanghai);
    expect(cellsOf(r.issues)).toEqual([
      `${at("名单公布时间")} cell.publishedOn`,
      `${at("评估结果")} cell.evaluationResult`,
      `${at("验收得分")} cell.acceptanceScore`,
      `${at("审核类型", 4)} cell.auditTypes`,
    ]);
    expect(r.rows.map((x) => x.name)).toEqual(["上海甲化工有限公司", "乙", "丙"]);
    expect(r.rows[0]).toMatchObject({ publishedOn: null, evaluationResult: null, acceptanceScore: null });
  });

  it("names the sheet it was given", () => {
    const r = readRegister(grid(table(labels, { ...FULL_ROW, 评估得分: "abc" }), "台账（2025）"), shanghai);
    expect(r.issues[0]!.sheet).toBe("台账（2025）");
  });
});

describe("a missing required header", () => {
  it.each(["企业名称", "统一社会信用代码", "名单公布时间"])(
    "without %s gives one sheet-level issue",
    (missing) => {
      const labels = SPEC_REGISTER_LABELS.filter((l) => l !== missing);
      const r = readRegister(grid(table(labels, FULL_ROW, FULL_ROW)), shanghai);
      expect(r.rows).toEqual([]);
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ sheet: REGISTER_SHEET, severity: "error", code: "sheet.headers" });
      expect(r.issues[0]!.message).toContain(missing);
    },
  );

  it("gives one sheet-level issue for an empty sheet", () => {
    const r = readRegister(grid([]), shanghai);
    expect(r.rows).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ sheet: REGISTER_SHEET, code: "sheet.headers" })]);
  });

  it("reads a header row without records as an empty register", () => {
    const r = readRegister(grid([[...SPEC_REGISTER_LABELS]]), shanghai);
    expect(r).toMatchObject({ rows: [], issues: [] });
  });
});

describe("reading the adjustment log 名单调整记录", () => {
  const header = SPEC_LOG_LABELS.slice(0, 8);

  it("takes the profile's options, tolerating the forms' (1) numbering", () => {
    const log = readAdjustmentLog(
      {
        sheet: "名单调整记录",
        rows: [
          header,
          [
            "甲",
            CODE,
            "2026-01-10",
            "（4）企业涉及产污工序停产、其他",
            "停产检修",
            "审核暂缓",
            "照片",
            "2026-03-01",
          ],
          ["乙", CODE, "2026-01-10", "(1)企业名称变更", null, "（1）名称变更", "营业执照", null],
        ],
      },
      shanghai,
    );
    expect(log.issues).toEqual([]);
    expect(log.entries[0]).toMatchObject({
      result: "suspend",
      resultLabel: "审核暂缓",
      resumedOn: d("2026-03-01"),
    });
    expect(log.entries[0]!.change?.kind).toContain("suspension");
    expect(log.entries[1]).toMatchObject({ result: "rename" });
  });

  it("keeps Guangxi's separate change 其他, which Shanghai's form joins to 停产; both take the result 其他", () => {
    const rows = [header, ["甲", CODE, "2026-01-10", "其他", "说明", "其他", "材料", null]];
    const gx = readAdjustmentLog({ sheet: "名单调整记录", rows }, guangxi);
    expect(gx.issues).toEqual([]);
    expect(gx.entries[0]).toMatchObject({ result: "other" });
    const sh = readAdjustmentLog({ sheet: "名单调整记录", rows }, shanghai);
    expect(cellsOf(sh.issues)).toEqual(["D2 cell.change"]);
    expect(sh.entries[0]).toMatchObject({ result: "other", resultLabel: "其他" });
  });

  it("flags a bad 变化日期 and 恢复日期 at their cells", () => {
    const rows = [header, ["甲", CODE, "2026-02-30", "企业搬迁", "迁往外省", "审核终止", "材料", "abc"]];
    const log = readAdjustmentLog({ sheet: "名单调整记录", rows }, guangxi);
    expect(cellsOf(log.issues)).toEqual(["C2 cell.changedOn", "H2 cell.resumedOn"]);
  });
});

/** The values ExcelJS and Office.js really hand over: text, numbers, booleans, dates, errors, formulas. */
const realisticCell: fc.Arbitrary<CellInput> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.double(),
  fc.integer({ min: -100, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
  fc.record({ error: fc.constantFrom("#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?") }),
  fc.record({
    formula: fc.string(),
    result: fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.date({ noInvalidDate: true }),
      fc.constant(undefined),
    ),
  }),
);

/** Whatever fc.anything() produces, turned into the CellInput union (a formula's result is `unknown`). */
const anyCell: fc.Arbitrary<CellInput> = fc
  .tuple(
    fc.anything({ withDate: true, withBigInt: true, withNullPrototype: true, withBoxedValues: true }),
    fc.nat(3),
  )
  .map(([v, shape]): CellInput => {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
    if (v instanceof Date) return v;
    if (shape === 0) return { error: "#REF!" };
    if (shape === 1) return { formula: "A1" };
    return { formula: "A1", result: v };
  });

const labelCell = fc.constantFrom<CellInput>(...REGISTER_INPUT_LABELS, "名单公布时间 ", "２０２６/3/5");

/** A random grid: a header of some of the labels at a random row, then random rows of random width. */
const registerGrid = (cell: fc.Arbitrary<CellInput>) =>
  fc
    .tuple(
      fc.nat(4),
      fc.shuffledSubarray([...REGISTER_INPUT_LABELS], { minLength: 3 }),
      fc.array(
        fc.array(fc.oneof({ weight: 4, arbitrary: cell }, { weight: 1, arbitrary: labelCell }), {
          maxLength: 25,
        }),
        {
          maxLength: 10,
        },
      ),
      fc.boolean(),
    )
    .map(([offset, header, rows, withHeader]) =>
      grid(withHeader ? [...Array.from({ length: offset }, (): CellInput[] => []), header, ...rows] : rows),
    );

function readsCleanly(g: Grid): boolean {
  for (const profile of [shanghai, guangxi]) {
    const r = readRegister(g, profile);
    for (const i of r.issues) {
      expect(i.sheet).toBe(REGISTER_SHEET);
      expect(i.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
      expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    for (const row of r.rows) {
      expect(row.row).toBeLessThanOrEqual(g.rows.length);
      expect(registerRowSchema.safeParse(row).success).toBe(true);
    }
  }
  return true;
}

describe("robustness: readRegister never throws on cell contents", () => {
  it("reads any grid of the values readers hand over, addressing every issue to a cell", () => {
    fc.assert(fc.property(registerGrid(realisticCell), readsCleanly), { numRuns: 400 });
  });

  it("reads any grid of arbitrary values (fc.anything) without throwing", () => {
    fc.assert(fc.property(registerGrid(anyCell), readsCleanly), { numRuns: 400 });
  });

  it.each<[string, CellInput]>([
    ["an invalid Date", new Date(Number.NaN)],
    ["a formula whose result is an invalid Date", { formula: "A1", result: new Date(Number.NaN) }],
    ["a formula whose result has no prototype", { formula: "A1", result: Object.create(null) }],
  ])("answers %s in a date cell with an issue instead of throwing", (_, bad) => {
    const rows = table(["企业名称", "统一社会信用代码", "名单公布时间"], {
      企业名称: "甲",
      统一社会信用代码: CODE,
      名单公布时间: bad,
    });
    let issues: Issue[] = [];
    expect(() => {
      issues = readRegister(grid(rows), shanghai).issues;
    }).not.toThrow();
    expect(cellsOf(issues)).toEqual(["C2 cell.publishedOn"]);
  });

  it("reads the adjustment log without throwing, whatever its cells hold", () => {
    const header = SPEC_LOG_LABELS.slice(0, 8);
    fc.assert(
      fc.property(fc.array(fc.array(realisticCell, { maxLength: 10 }), { maxLength: 8 }), (rows) => {
        for (const profile of [shanghai, guangxi]) {
          const log = readAdjustmentLog({ sheet: "名单调整记录", rows: [header, ...rows] }, profile);
          for (const i of log.issues) expect(i.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
