import { withCheckChar } from "../../src/core/creditCode";
import type { CellInput, Grid } from "../../src/core/grid";
import { planImport, readPublishedList, type ListRead } from "../../src/core/importList";
import type { RegisterRow } from "../../src/core/register";
import { registerStatus } from "../../src/core/status";
import { d, row, shanghai } from "./fixtures";

const code = (n: number) => withCheckChar(`91310115${String(n).padStart(9, "0")}`);
const list = (rows: CellInput[][], sheet = "名单"): ListRead => readPublishedList({ sheet, rows } as Grid);
const statusOf = (rows: RegisterRow[]) =>
  registerStatus(rows, [], { profile: shanghai, asOf: d("2026-11-25") });
const plan = (l: ListRead, rows: RegisterRow[], options = {}) =>
  planImport(l, rows, statusOf(rows), { published: d("2026-03-20"), ...options });

describe("reading a published list", () => {
  it("finds the header under a merged title, by the publisher's own labels, and reports the columns it cannot place", () => {
    const l = list([
      ["2026年上海市重点行业强制性清洁生产审核企业名单", null, null, null, null, null],
      [null, null, null, null, null, null],
      ["序号", "单位名称", "社会信用代码", "县（市、区）", "类别", "所属行业", "联系人"],
      [
        "1",
        "上海甲化工有限公司",
        ` ${code(1).slice(0, 6)} ${code(1).slice(6)} `,
        "浦东新区",
        "双有",
        "化工",
        "张三",
      ],
      [
        "２",
        "上海乙电镀有限公司",
        code(2).replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
        "浦东新区",
        "双超、双有",
        "电镀",
        "李四",
      ],
      ["注：名单按行政区排列。", null, null, null, null, null, null],
    ]);
    expect(l.headerRow).toBe(2);
    expect(l.issues).toEqual([]);
    expect(l.unknownHeaders).toEqual(["联系人"]);
    expect(l.entries.map((e) => [e.row, e.name, e.creditCode, e.district, e.auditTypes])).toEqual([
      [4, "上海甲化工有限公司", code(1), "浦东新区", ["双有"]],
      [5, "上海乙电镀有限公司", code(2), "浦东新区", ["双超", "双有"]],
    ]);
    expect(l.entries[0]!.industry).toBe("化工");
  });

  it("names the list's cell of a row without a name and of a code that fails its check", () => {
    const bad = code(3).slice(0, 17) + (code(3).endsWith("0") ? "1" : "0");
    const l = list([
      ["企业名称", "统一社会信用代码", "备注"],
      [null, code(4), null],
      ["上海丙钢铁有限公司", bad, null],
      ["上海丁钢铁有限公司", bad.replace("000000003", "000000005"), "代码已核实"],
    ]);
    expect(l.issues.map((i) => [i.cell, i.severity, i.code])).toEqual([
      ["A2", "error", "list.name"],
      ["B3", "error", "list.creditCode"],
      ["B4", "warning", "list.creditCode"],
    ]);
    expect(l.issues[1]!.message).toContain("如确认无误，请在备注中注明“代码已核实”");
    expect(l.entries.map((e) => e.invalid)).toEqual([true, false]);
  });

  it("refuses a sheet without a header row it can recognise", () => {
    const l = list([["名单"], ["甲", "乙"]]);
    expect(l.headerRow).toBe(-1);
    expect(l.issues[0]).toMatchObject({ cell: "A1", severity: "error", code: "list.headers" });
  });
});

describe("matching a list to the register", () => {
  const header = ["序号", "企业名称", "统一社会信用代码", "所属区", "审核类型", "文号"];

  it("adds new enterprises with 名单年度 and 名单公布时间, and matches those of the same round", () => {
    const register = [
      row({ row: 2, name: "上海甲化工有限公司", creditCode: code(1), publishedOn: "2026-03-20" }),
    ];
    const p = plan(
      list([
        header,
        ["1", "上海甲化工有限公司", code(1), "浦东新区", "双有", "沪环气〔2026〕12号"],
        ["2", "上海乙电镀有限公司", code(2), "浦东新区", "双超", "沪环气〔2026〕12号"],
      ]),
      register,
    );
    expect(p.matched).toEqual([
      { listRow: 2, name: "上海甲化工有限公司", creditCode: code(1), registerRow: 2, by: "code" },
    ]);
    expect(p.added).toHaveLength(1);
    expect(p.added[0]).toMatchObject({ kind: "new", listYear: 2026, publishedOn: d("2026-03-20") });
    expect(p.added[0]!.values).toEqual({
      序号: "1",
      企业名称: "上海乙电镀有限公司",
      统一社会信用代码: code(2),
      名单年度: 2026,
      名单公布时间: { date: d("2026-03-20") },
      所属区: "浦东新区",
      审核类型: "双超",
      备注: "文号：沪环气〔2026〕12号",
    });
  });

  it("gives an enterprise of an earlier round a new round row with 上轮验收时间 from its last acceptance", () => {
    const register = [
      row({
        row: 2,
        name: "上海甲化工有限公司",
        creditCode: code(1),
        publishedOn: "2020-04-01",
        listYear: 2020,
        acceptedOn: "2021-12-10",
        acceptanceResult: "合格",
      }),
    ];
    const p = plan(
      list([header, ["1", "上海甲化工（集团）有限公司", code(1), "浦东新区", "双有", ""]]),
      register,
    );
    expect(p.matched).toEqual([]);
    expect(p.added[0]).toMatchObject({ kind: "round", previousAcceptedOn: d("2021-12-10") });
    expect(p.added[0]!.values.上轮验收时间).toEqual({ date: d("2021-12-10") });
  });

  it("adds nothing the second time the same list is imported", () => {
    const l = list([header, ["1", "上海乙电镀有限公司", code(2), "浦东新区", "双超", ""]]);
    const first = plan(l, []);
    const register = [
      row({
        row: 2,
        name: "上海乙电镀有限公司",
        creditCode: code(2),
        publishedOn: "2026-03-20",
        listYear: 2026,
      }),
    ];
    expect(first.added).toHaveLength(1);
    const second = plan(l, register);
    expect(second.added).toEqual([]);
    expect(second.matched.map((m) => m.registerRow)).toEqual([2]);
  });

  it("matches by exact name with a warning when the code differs, and reports duplicate codes in the list", () => {
    const register = [
      row({ row: 5, name: "上海甲化工有限公司", creditCode: code(9), publishedOn: "2026-03-20" }),
    ];
    const p = plan(
      list([
        header,
        ["1", "上海甲化工有限公司", code(1), "", "", ""],
        ["2", "上海乙电镀有限公司", code(2), "", "", ""],
        ["3", "上海乙电镀股份有限公司", code(2), "", "", ""],
      ]),
      register,
    );
    expect(p.matched).toEqual([
      { listRow: 2, name: "上海甲化工有限公司", creditCode: code(1), registerRow: 5, by: "name" },
    ]);
    expect(p.issues.map((i) => [i.cell, i.severity, i.code])).toEqual([
      ["B2", "warning", "list.nameMatch"],
      ["C4", "error", "list.duplicate"],
    ]);
    expect(p.issues[1]!.message).toContain("与第 3 行统一社会信用代码相同");
  });

  it("lists the district's open enterprises the new list does not name, not the closed ones", () => {
    const register = [
      row({ row: 2, name: "上海甲化工有限公司", creditCode: code(1), publishedOn: "2025-03-20" }),
      row({ row: 3, name: "上海丙印染有限公司", creditCode: code(3), publishedOn: "2025-03-20" }),
      row({
        row: 4,
        name: "上海丁钢铁有限公司",
        creditCode: code(4),
        publishedOn: "2023-03-20",
        disclosedOn: "2023-04-01",
        startedOn: "2023-04-10",
        evaluatedOn: "2023-12-01",
        evaluationScore: 92,
        evaluationResult: "通过",
        acceptedOn: "2024-12-01",
        acceptanceScore: 80,
        acceptanceResult: "合格",
      }),
    ];
    const p = plan(list([header, ["1", "上海甲化工有限公司", code(1), "", "", ""]]), register);
    expect(p.absent).toEqual([
      { registerRow: 3, name: "上海丙印染有限公司", creditCode: code(3), stage: "listed" },
    ]);
  });

  it("keeps a city-wide list's rows of the workbook's district only", () => {
    const p = plan(
      list([
        ["企业名称", "统一社会信用代码", "所属区"],
        ["上海甲化工有限公司", code(1), "浦东新区"],
        ["上海乙电镀有限公司", code(2), "闵行区"],
      ]),
      [],
      { district: "浦东新区生态环境局" },
    );
    expect(p.added.map((a) => a.name)).toEqual(["上海甲化工有限公司"]);
    expect(p.otherDistricts).toBe(1);
  });

  it("takes each row's publication date from the list, or asks for --published", () => {
    const dated = list([
      ["企业名称", "统一社会信用代码", "名单发布日期"],
      ["上海甲化工有限公司", code(1), "2026年3月5日"],
    ]);
    expect(planImport(dated, [], [], {}).added[0]).toMatchObject({
      publishedOn: d("2026-03-05"),
      listYear: 2026,
    });
    const undated = list([
      ["企业名称", "统一社会信用代码"],
      ["上海甲化工有限公司", code(1)],
    ]);
    const p = planImport(undated, [], [], {});
    expect(p.added).toEqual([]);
    expect(p.issues[0]).toMatchObject({ severity: "error", code: "list.publishedOn" });
    expect(p.issues[0]!.message).toContain("--published");
  });

  it("never adds a row that has an error", () => {
    const p = plan(
      list([
        ["企业名称", "统一社会信用代码"],
        ["上海甲化工有限公司", "91310115MA1H00000"],
        ["上海乙电镀有限公司", code(2)],
      ]),
      [],
    );
    expect(p.added.map((a) => a.name)).toEqual(["上海乙电镀有限公司"]);
    expect(p.issues.filter((i) => i.severity === "error").map((i) => i.cell)).toEqual(["B2"]);
  });
});
