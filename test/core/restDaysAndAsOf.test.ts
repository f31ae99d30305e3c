// SPEC 3 as decided: a stamp dated after the as-of date meets no 季度报送; rest days come from the package and
// from 强审设置's 休息日调整 table, move the bureau's own deadlines too, and a year neither knows is warned about
// once; Guangxi's candidates for the next list are the rounds with no act recorded.

import { bureauDeadlineText, bureauStatus, type Submission } from "../../src/core/bureau";
import { formatIsoDate } from "../../src/core/dates";
import type { Grid } from "../../src/core/grid";
import type { Profile } from "../../src/core/profiles";
import { readSettings } from "../../src/core/settings";
import { registerStatus } from "../../src/core/status";
import { validateRegister } from "../../src/core/validate";
import { loadWorkbook, workbookAnalysis, workbookIssues } from "../../src/core/workbook";
import { d, guangxi, row, shanghai } from "./fixtures";

const withProfile = (base: Profile, over: Partial<Profile>): Profile => ({ ...base, ...over });

const quarterly = (asOf: string, submission: Submission | null, profile = shanghai) => {
  const b = bureauStatus(profile, d(asOf), [], [], submission).deadlines[0]!;
  return { period: b.period, due: formatIsoDate(b.due), state: b.state, doneOn: b.doneOn };
};

describe("a submission stamp dated after the as-of date", () => {
  it("does not yet meet the quarter's report (as of 10-05, stamped 10-09)", () => {
    expect(quarterly("2026-10-05", { quarter: "2026Q3", on: d("2026-10-09") })).toEqual({
      period: "2026Q3",
      due: "2026-10-10",
      state: "open",
      doneOn: null,
    });
  });

  it("leaves the report overdue, not late, as of 10-20 when stamped on 12-06", () => {
    expect(quarterly("2026-10-20", { quarter: "2026Q3", on: d("2026-12-06") })).toMatchObject({
      state: "overdue",
      doneOn: null,
    });
    expect(quarterly("2026-12-06", { quarter: "2026Q3", on: d("2026-12-06") })).toMatchObject({
      state: "late",
      doneOn: d("2026-12-06"),
    });
  });
});

const SETTINGS_HEADER = ["设置项", "值", "说明"];

/** A 强审设置 sheet with its settings and, beside them in E:G, a 休息日调整 table. */
function settingsGrid(settings: [string, string][], restDays: (string | number)[][] = []): Grid {
  const rows: (string | number | null)[][] = [
    [...SETTINGS_HEADER, null, "休息日调整"],
    [...(settings[0] ?? ["", ""]), "", null, "日期", "类型", "依据"],
  ];
  settings.slice(1).forEach((s, i) => (rows[i + 2] = [...s, "", null]));
  restDays.forEach((r, i) => {
    const at = i + 2;
    rows[at] = [...(rows[at] ?? ["", "", "", null]).slice(0, 4), ...r];
  });
  return { sheet: "强审设置", rows: rows.map((r) => r ?? []) };
}

const registerGrid = (published: string): Grid => ({
  sheet: "企业名单台账",
  rows: [
    ["序号", "企业名称", "统一社会信用代码", "名单公布时间"],
    [1, "上海测试化工有限公司", "91310000132149237G", published],
  ],
});

const load = (settings: Grid, published = "2025-10-03") => {
  const sheets = new Map<string, Grid>([
    ["企业名单台账", registerGrid(published)],
    ["强审设置", settings],
  ]);
  return loadWorkbook({ sheet: (name) => sheets.get(name) });
};

const restful: [string, string][] = [
  ["地区配置", "上海市"],
  ["期限遇休息日顺延", "是"],
];

describe("the 休息日调整 table in 强审设置", () => {
  it("is read beside the settings, and its days move deadlines the package does not know", () => {
    // 2030-06-01 + 1 year = 2031-06-01, a Sunday in a year chinese-days does not carry.
    const plain = load(settingsGrid(restful), "2030-06-01");
    expect(plain.readIssues).toEqual([]);
    const before = workbookAnalysis(plain, d("2030-06-02")).statuses[0]!;
    expect(formatIsoDate(before.deadlines.evaluation!)).toBe("2031-06-01");

    const notice = settingsGrid(restful, [
      ["2031-06-02", "休息日", "国办发明电〔2030〕1号 端午节"],
      ["2031-06-03", "上班日", ""],
    ]);
    const known = load(notice, "2030-06-01");
    expect(known.readIssues).toEqual([]);
    expect(known.settings.restDayAdjustments.map((a) => [formatIsoDate(a.date), a.kind, a.basis])).toEqual([
      ["2031-06-02", "休息日", "国办发明电〔2030〕1号 端午节"],
      ["2031-06-03", "上班日", ""],
    ]);
    const after = workbookAnalysis(known, d("2030-06-02"));
    // Sunday 06-01, the entered rest day 06-02, then 06-03 a working day.
    expect(formatIsoDate(after.statuses[0]!.deadlines.evaluation!)).toBe("2031-06-03");
    // 2031 is known now; the disclosure (2030) and acceptance (2032) years still are not.
    const years = after.issues
      .filter((i) => i.code === "restDays.unknownYear")
      .map((i) => i.message.slice(0, 4));
    expect(years).toEqual(["2030", "2032"]);
  });

  it("overrides the package: a day it calls a working day can be entered as a rest day", () => {
    // 2026-10-08 is a working Thursday in chinese-days.
    const s = load(settingsGrid(restful, [["2026-10-08", "休息日", "本地假日"]]));
    expect(formatIsoDate(workbookAnalysis(s, d("2025-10-04")).statuses[0]!.deadlines.evaluation!)).toBe(
      "2026-10-09",
    );
  });

  it("names a bad type, a missing date and a day entered as both kinds", () => {
    const grid = settingsGrid(restful, [
      ["2031-01-01", "假日", ""],
      ["", "休息日", "元旦"],
      ["2031-01-02", "休息日", ""],
      ["2031-01-02", "上班日", ""],
    ]);
    const { issues } = readSettings(grid, "shanghai");
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      ["F3", "cell.kind"],
      ["E4", "restDays.incomplete"],
      ["E6", "restDays.conflict"],
    ]);
    expect(issues[2]!.message).toContain("E5");
  });

  it("is absent from an older settings sheet without an issue", () => {
    const grid: Grid = { sheet: "强审设置", rows: [["设置项", "值"], ...restful] };
    expect(readSettings(grid, "shanghai")).toMatchObject({
      issues: [],
      settings: { restDayAdjustments: [] },
    });
  });
});

describe("a year no calendar knows, with extension on", () => {
  it("leaves its deadlines where they fall and warns once per year, naming the year and the remedy", () => {
    const sheets = new Map<string, Grid>([
      [
        "企业名单台账",
        {
          sheet: "企业名单台账",
          rows: [
            ["序号", "企业名称", "统一社会信用代码", "名单公布时间"],
            [1, "甲公司", "91310000132149237G", "2030-06-01"],
            [2, "乙公司", "91310115MA1H7GDX3Q", "2030-06-02"],
            [3, "丙公司", "91310000MA1FL3LXXR", "2031-07-01"],
          ],
        },
      ],
      ["强审设置", settingsGrid(restful)],
    ]);
    const wb = loadWorkbook({ sheet: (name) => sheets.get(name) });
    const warnings = workbookIssues(wb, d("2031-07-02")).filter((i) => i.code === "restDays.unknownYear");
    // Three rows' deadlines and the bureau's own fall in 2030–2033: one warning a year, not one a deadline.
    expect(warnings.map((w) => w.severity)).toEqual(["warning", "warning", "warning", "warning"]);
    expect(warnings.map((w) => w.message.slice(0, 6))).toEqual(["2030 年", "2031 年", "2032 年", "2033 年"]);
    expect(warnings[0]!.message).toContain("休息日调整");
    expect(warnings[0]!.sheet).toBe("强审设置");
  });

  it("says nothing with extension off", () => {
    const wb = load(settingsGrid([["地区配置", "上海市"]]), "2030-06-01");
    expect(workbookIssues(wb, d("2030-06-02")).filter((i) => i.code === "restDays.unknownYear")).toEqual([]);
  });
});

describe("the bureau's fixed-date deadlines with extension on", () => {
  const restfulShanghai = withProfile(shanghai, { extendOnRestDay: true });

  it("move 2025Q4's report from Saturday 2026-01-10 to Monday 01-12, and say so", () => {
    const [q4] = bureauStatus(restfulShanghai, d("2026-01-05"), [], [], null).deadlines;
    expect(formatIsoDate(q4!.due)).toBe("2026-01-12");
    expect(bureauDeadlineText(q4!)).toBe(
      "2026-01-12 季度报送（2025Q4）（2026-01-10 为休息日，顺延至其后第一个工作日）：未报送，尚未到期",
    );
    // Stamped on the Monday: on time.
    const met = bureauStatus(restfulShanghai, d("2026-01-12"), [], [], {
      quarter: "2025Q4",
      on: d("2026-01-12"),
    });
    expect(met.deadlines[0]).toMatchObject({ state: "met" });
    // Without extension the Saturday stands.
    expect(formatIsoDate(bureauStatus(shanghai, d("2026-01-05"), [], [], null).deadlines[0]!.due)).toBe(
      "2026-01-10",
    );
  });

  it("keep a deadline on a 调休上班日 (2026Q3's report, Saturday 2026-10-10)", () => {
    const [q3] = bureauStatus(restfulShanghai, d("2026-10-05"), [], [], null).deadlines;
    expect(formatIsoDate(q3!.due)).toBe("2026-10-10");
    expect(q3!.movedFrom).toBeUndefined();
  });

  it("move the annual summary, and mark one in an unknown year unmoved", () => {
    // 2026's summary is due Sunday 2027-02-28: 2027 is not in the package.
    const summary = bureauStatus(restfulShanghai, d("2026-03-01"), [], [], null).deadlines.at(-1)!;
    expect(summary).toMatchObject({ code: "annual_summary", calendarUnknown: true });
    expect(formatIsoDate(summary.due)).toBe("2027-02-28");
    const notice = withProfile(shanghai, { extendOnRestDay: true, restDays: ["2027-01-01"] });
    const known = bureauStatus(notice, d("2026-03-01"), [], [], null).deadlines.at(-1)!;
    expect(formatIsoDate(known.due)).toBe("2027-03-01");
    expect(known.movedFrom).toBe(d("2027-02-28"));
  });
});

describe("Guangxi's candidates for the next list (SPEC 3 Decision)", () => {
  const candidates = (rows: ReturnType<typeof row>[], asOf: string) => {
    const statuses = registerStatus(rows, [], { profile: guangxi, asOf: d(asOf) });
    return bureauStatus(guangxi, d(asOf), rows, statuses, null).rollOver.map((c) => c.name);
  };

  it("are only rounds with no 审核启动时间, 评估时间 or 验收时间", () => {
    const none = row({ name: "甲", publishedOn: "2025-03-15", disclosedOn: "2025-04-01" });
    const evaluated = row({
      name: "乙",
      creditCode: "91450100MA5KXXXX0A",
      publishedOn: "2025-03-15",
      evaluatedOn: "2025-09-01",
      evaluationScore: 80,
    });
    const accepted = row({
      name: "丙",
      creditCode: "91450100MA5KYYYY0A",
      publishedOn: "2025-03-15",
      acceptedOn: "2025-09-01",
      acceptanceScore: 80,
    });
    expect(candidates([none, evaluated, accepted], "2025-10-01")).toEqual(["甲"]);
  });

  it("call a round evaluated without 审核启动时间 a validate warning on that cell", () => {
    const evaluated = row({
      name: "乙",
      publishedOn: "2025-03-15",
      evaluatedOn: "2025-09-01",
      evaluationScore: 80,
      cells: { startedOn: "J2" },
    });
    const found = validateRegister([evaluated], [], guangxi, d("2025-10-01")).filter(
      (i) => i.code === "start.missing",
    );
    expect(found).toMatchObject([{ severity: "warning", cell: "J2" }]);
    expect(found[0]!.message).toContain("审核启动时间");
  });
});
