// The status engine's reproductions, end to end through `cpa status` and `cpa validate` on a workbook made by
// `cpa init` and typed into as a district would.

import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LOG_SHEET } from "../../src/core/adjustments";
import { REGISTER_SHEET } from "../../src/core/register";
import { runCli as run } from "./runCli";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-rules-"));
type Cells = Record<string, string | number>;

/** A workbook of `profile` whose register (and log) hold these rows, by header label. */
async function workbook(name: string, profile: string, rows: Cells[], log: Cells[] = []): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  await run("init", file, "--profile", profile, "--district", "某区生态环境局");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const [sheet, records] of [
    [REGISTER_SHEET, rows],
    [LOG_SHEET, log],
  ] as const) {
    const ws = wb.getWorksheet(sheet)!;
    const labels = ws.getRow(1).values as unknown[];
    records.forEach((record, i) => {
      for (const [label, value] of Object.entries(record))
        ws.getRow(i + 2).getCell(labels.indexOf(label)).value = value;
    });
  }
  await wb.xlsx.writeFile(file);
  return file;
}

const ENTERPRISE = { 企业名称: "上海测试化工有限公司", 统一社会信用代码: "91310000132149237G" };

it("gives 下一期限 and the JSON deadline the same date when 修改 occurs twice", async () => {
  const file = await workbook("twice", "shanghai", [
    {
      ...ENTERPRISE,
      名单公布时间: "2025-02-28",
      信息公开时间: "2025-03-10",
      审核启动时间: "2025-04-01",
      评估时间: "2026-02-20",
      评估得分: 92,
      验收时间: "2026-02-25",
      验收得分: 80,
    },
  ]);
  const [json] = JSON.parse((await run("status", file, "--as-of", "2026-02-28", "--json")).out);
  expect(json.deadlines.revision).toBe("2026-03-20");
  const out = path.join(dir, "twice-status.xlsx");
  expect((await run("status", file, "--as-of", "2026-02-28", "-o", out)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet(REGISTER_SHEET)!;
  const next = (ws.getRow(1).values as unknown[]).indexOf("下一期限");
  expect((ws.getRow(2).getCell(next).value as Date).toISOString().slice(0, 10)).toBe("2026-03-20");
});

it("flags the missing 评估时间 of an accepted row past its deadline, as validate errs on it", async () => {
  const file = await workbook("no-evaluation", "shanghai", [
    {
      ...ENTERPRISE,
      名单公布时间: "2024-01-10",
      信息公开时间: "2024-02-01",
      审核启动时间: "2024-03-01",
      中高费方案完成时间: "2024-08-01",
      验收时间: "2024-12-01",
      验收得分: 80,
    },
  ]);
  const [json] = JSON.parse((await run("status", file, "--as-of", "2025-03-01", "--json")).out);
  expect(json).toMatchObject({ stage: "accepted", overdue: ["evaluation"], overdueDays: 50 });
  const validated = await run("validate", file, "--as-of", "2025-03-01", "--json");
  expect(validated.code).toBe(1);
  expect(JSON.parse(validated.out).issues).toContainEqual(
    expect.objectContaining({ code: "acceptance.noEvaluation", severity: "error" }),
  );
});

it("leaves a Guangxi 简化程序 row without an evaluation deadline, and valid when accepted without one", async () => {
  const file = await workbook("simplified", "guangxi", [
    {
      ...ENTERPRISE,
      审核方式: "简化程序",
      名单公布时间: "2025-03-15",
      信息公开时间: "2025-04-01",
      审核启动时间: "2025-04-01",
      中高费方案完成时间: "2026-05-31",
      验收时间: "2026-06-15",
      验收得分: 75,
    },
  ]);
  const [json] = JSON.parse((await run("status", file, "--as-of", "2026-07-01", "--json")).out);
  expect(json).toMatchObject({ stage: "accepted", overdue: [], overdueDays: 0 });
  expect(json.deadlines.evaluation).toBeNull();
  expect((await run("validate", file, "--as-of", "2026-07-01")).code).toBe(0);
});

it("accepts 调整结果 其他 in a Shanghai log, and wants its 具体说明", async () => {
  const row = {
    ...ENTERPRISE,
    名单公布时间: "2025-03-15",
    信息公开时间: "2025-04-01",
    审核启动时间: "2025-04-01",
  };
  const entry = {
    ...ENTERPRISE,
    变化日期: "2026-08-10",
    变化情况: "企业涉及产污工序停产、其他",
    调整结果: "其他",
    证明材料: "说明",
  };
  const missing = await workbook("other-missing", "shanghai", [row], [entry]);
  const r = await run("validate", missing, "--as-of", "2026-09-01", "--json");
  expect(JSON.parse(r.out).issues.map((i: { cell: string; code: string }) => `${i.cell} ${i.code}`)).toEqual([
    "E2 log.noDetail",
  ]);
  const told = await workbook(
    "other-told",
    "shanghai",
    [row],
    [{ ...entry, 具体说明: "建议调整为下一年度名单" }],
  );
  expect((await run("validate", told, "--as-of", "2026-09-01")).code).toBe(0);
});

it("prints 2026Q3's 附件11 with what happened in the quarter only, its rows sized and its footer as the form's", async () => {
  const file = await workbook(
    "gx-quarter",
    "guangxi",
    [{ ...ENTERPRISE, 名单公布时间: "2025-03-15", 信息公开时间: "2025-04-01", 审核启动时间: "2025-04-01" }],
    [
      {
        ...ENTERPRISE,
        变化日期: "2026-08-10",
        变化情况: "企业涉及产污工序停产",
        具体说明: "主要产污工序（酸洗线）停产检修",
        调整结果: "审核暂缓",
        证明材料: "企业停产说明",
        恢复日期: "2026-11-24",
      },
    ],
  );
  const out = path.join(dir, "gx-quarter-forms.xlsx");
  expect((await run("quarterly", file, "--quarter", "2026Q3", "-o", out)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("附件11 2026Q3")!;
  const texts: string[] = [];
  ws.eachRow((r) => r.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
  expect(texts).toContain("企业涉及产污工序停产（主要产污工序（酸洗线）停产检修）");
  expect(texts.some((t) => t.includes("恢复日期"))).toBe(false);
  expect(texts).toContain("职能部门（盖章）：");
  expect(ws.getRow(5).height).toBeGreaterThan(30);
});

it("warns once per year, in status and validate, of deadlines a rest-day calendar does not cover yet", async () => {
  const file = await workbook("restdays", "shanghai", [{ ...ENTERPRISE, 名单公布时间: "2030-06-01" }]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const settings = wb.getWorksheet("强审设置")!;
  settings.eachRow((row) => {
    if (row.getCell(1).value === "期限遇休息日顺延") row.getCell(2).value = "是";
  });
  await wb.xlsx.writeFile(file);

  const status = await run("status", file, "--as-of", "2030-06-02");
  expect(status.code).toBe(0);
  const warned = status.err.split("\n").filter((l) => l.includes("休息日调整"));
  expect(warned.map((l) => /(\d{4}) 年/.exec(l)![1])).toEqual(["2030", "2031", "2032"]);
  const validate = await run("validate", file, "--as-of", "2030-06-02", "--json");
  const issues = JSON.parse(validate.out).issues as { code: string; message: string }[];
  expect(issues.filter((i) => i.code === "restDays.unknownYear")).toHaveLength(3);

  // Entering 2031's days in 休息日调整 makes that year known: its Sunday deadline (2031-06-01) moves.
  settings.getCell("E3").value = new Date(Date.UTC(2031, 0, 1));
  settings.getCell("F3").value = "休息日";
  await wb.xlsx.writeFile(file);
  const after = await run("status", file, "--as-of", "2030-06-02", "--json");
  expect(JSON.parse(after.out)[0].deadlines.evaluation).toBe("2031-06-02");
  expect(after.err).not.toContain("2031 年");
});
