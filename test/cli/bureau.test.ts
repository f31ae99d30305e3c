// `cpa status` shows the district's own deadlines (SPEC 3 "Bureau deadlines"): after the table in text, and
// with --bureau as their own JSON object, so that --json keeps SPEC 6's array of rows unchanged.

import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli as run, stampedWorkbook } from "./runCli";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-bureau-"));

describe("cpa status and the bureau's deadlines", () => {
  const demo = path.join(dir, "demo.xlsx");
  beforeAll(async () => {
    expect((await run("demo", "-o", demo, "--seed", "5")).code).toBe(0);
  });

  it("prints the quarterly report and the annual summary under the table, met or not", async () => {
    const r = await run("status", demo, "--as-of", "2026-11-24");
    expect(r.out).toContain("报送期限：");
    expect(r.out).toContain("2026-10-10 季度报送（2026Q3）：未报送，已逾期");
    expect(r.out).toContain("2027-01-10 季度报送（2026Q4）：未报送，尚未到期");
    expect(r.out).toContain("2027-02-28 年度总结（2026年度）：台账不记录此项，请自行核对");
  });

  it("keeps --json the array of SPEC 6", async () => {
    const rows = JSON.parse((await run("status", demo, "--as-of", "2026-11-24", "--json")).out);
    expect(Array.isArray(rows)).toBe(true);
  });

  it("prints them as one object with --bureau --json", async () => {
    const r = await run("status", demo, "--as-of", "2026-11-24", "--bureau", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      asOf: "2026-11-24",
      profile: "上海市",
      deadlines: [
        {
          code: "quarterly_report",
          label: "季度报送",
          period: "2026Q3",
          due: "2026-10-10",
          state: "overdue",
          doneOn: null,
        },
        {
          code: "quarterly_report",
          label: "季度报送",
          period: "2026Q4",
          due: "2027-01-10",
          state: "open",
          doneOn: null,
        },
        {
          code: "annual_summary",
          label: "年度总结",
          period: "2026",
          due: "2027-02-28",
          state: "unrecorded",
          doneOn: null,
        },
      ],
      rollOver: [],
    });
  });

  it.each([
    ["2026-10-09T16:00:00+08:00", "met", "2026-10-09"],
    ["2026-10-10T23:59:00+08:00", "met", "2026-10-10"],
    ["2026-10-12T09:00:00+08:00", "late", "2026-10-12"],
  ])("reads a 2026Q3 stamp made at %s as %s", async (at, state, on) => {
    const file = await stampedWorkbook(dir, `stamped-${state}-${on}`, "浦东新区生态环境局", at);
    const r = await run("status", file, "--as-of", "2026-11-24", "--bureau", "--json");
    expect(JSON.parse(r.out).deadlines[0]).toMatchObject({ period: "2026Q3", state, doneOn: on });
  });

  it("lists Guangxi's roll-over candidates: the rows not started past their start deadline", async () => {
    const gx = path.join(dir, "gx.xlsx");
    await run("init", gx, "--profile", "guangxi", "--district", "南宁市生态环境局");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(gx);
    const ws = wb.getWorksheet("企业名单台账")!;
    const col = (label: string) => (ws.getRow(1).values as unknown[]).indexOf(label);
    const rows: [string, string, string, string | null][] = [
      ["广西甲化工有限公司", "91310000132149237G", "2026-03-15", null],
      ["广西乙造纸有限公司", "91310115MA1H7Q3K0X", "2026-03-15", "2026-04-01"],
    ];
    rows.forEach(([name, code, published, started], i) => {
      const r = ws.getRow(i + 2);
      r.getCell(col("企业名称")).value = name;
      r.getCell(col("统一社会信用代码")).value = code;
      r.getCell(col("名单公布时间")).value = published;
      if (started) r.getCell(col("审核启动时间")).value = started;
    });
    await wb.xlsx.writeFile(gx);
    const bureau = JSON.parse((await run("status", gx, "--as-of", "2026-06-01", "--bureau", "--json")).out);
    expect(bureau).toMatchObject({ profile: "广西壮族自治区", deadlines: [] });
    expect(bureau.rollOver).toEqual([
      {
        row: 2,
        name: "广西甲化工有限公司",
        creditCode: "91310000132149237G",
        startDeadline: "2026-05-15",
        overdueDays: 17,
      },
    ]);
    const text = (await run("status", gx, "--as-of", "2026-06-01")).out;
    expect(text).toContain("逾期未启动审核、可滚动纳入下一轮审核名单的企业 1 家：");
    expect(text).toContain("第 2 行 广西甲化工有限公司（审核启动期限 2026-05-15，已逾期 17 天）");
    expect(text).not.toContain("报送期限");
  });
});
