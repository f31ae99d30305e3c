import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { auditingEnterprise, fillScores, scoreSheets } from "../helpers/scoring";
import { runCli as run } from "./runCli";

const dir = mkdtempSync(path.join(tmpdir(), "cpa-cli-"));
const file = (name: string) => path.join(dir, name);

const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

describe("cpa demo", () => {
  const demo = file("demo.xlsx");

  beforeAll(async () => {
    const r = await run("demo", "-o", demo, "--seed", "7");
    expect(r.code).toBe(0);
  });

  it("makes a workbook that validates with no errors", async () => {
    const r = await run("validate", demo, "--json");
    const report = JSON.parse(r.out);
    expect(report.errors).toBe(0);
    expect(r.code).toBe(0);
  });

  it("holds about forty enterprises across stages, with valid credit codes", async () => {
    const r = await run("status", demo, "--json");
    const rows = JSON.parse(r.out) as { stage: string; creditCode: string; overdue: string[] }[];
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(rows.length).toBeLessThanOrEqual(45);
    const stages = new Set(rows.map((x) => x.stage));
    for (const s of ["auditing", "evaluated", "accepted", "suspended", "revoked"])
      expect(stages).toContain(s);
    expect(rows.some((x) => x.overdue.length > 0)).toBe(true);
  });

  it("refuses to overwrite an existing file without --force", async () => {
    const r = await run("demo", "-o", demo);
    expect(r.code).toBe(2);
    expect(r.err).toContain("已存在");
  });

  it("is the same for the same seed", async () => {
    const a = await run("status", demo, "--json", "--as-of", "2026-06-30");
    const again = file("demo-again.xlsx");
    await run("demo", "-o", again, "--seed", "7");
    const b = await run("status", again, "--json", "--as-of", "2026-06-30");
    expect(b.out).toBe(a.out);
  });

  it("makes a Guangxi sample too", async () => {
    const gx = file("gx.xlsx");
    expect((await run("demo", "-o", gx, "--profile", "guangxi", "--seed", "3")).code).toBe(0);
    const r = await run("validate", gx, "--json");
    expect(JSON.parse(r.out).errors).toBe(0);
  });
});

describe("cpa status", () => {
  const demo = file("status-demo.xlsx");
  beforeAll(async () => {
    await run("demo", "-o", demo, "--seed", "11");
  });

  it("prints the JSON of SPEC 6 with the register's row numbers and ISO dates", async () => {
    const r = await run("status", demo, "--as-of", "2026-11-24", "--json");
    const rows = JSON.parse(r.out);
    expect(Object.keys(rows[0]).sort()).toEqual([
      "creditCode",
      "deadlines",
      "name",
      "overdue",
      "overdueDays",
      "row",
      "stage",
    ]);
    expect(rows[0].row).toBe(2);
    expect(Object.keys(rows[0].deadlines)).toEqual([
      "disclosure",
      "start",
      "evaluation",
      "acceptance",
      "revision",
      "archive",
      "next_round",
    ]);
    expect(rows[0].deadlines.evaluation).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("prints a Chinese table and the counts by stage", async () => {
    const r = await run("status", demo, "--as-of", "2026-11-24");
    expect(r.out).toContain("企业名称");
    expect(r.out).toContain("按阶段：");
  });

  it("leaves the input untouched and writes the computed columns to -o", async () => {
    const before = sha(demo);
    const out = file("status-out.xlsx");
    const r = await run("status", demo, "--as-of", "2026-11-24", "-o", out);
    expect(r.code).toBe(0);
    expect(sha(demo)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("企业名单台账")!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const stageCol = header.indexOf("当前阶段");
    const overdueCol = header.indexOf("逾期情况");
    expect(stageCol).toBeGreaterThan(0);
    const status = JSON.parse((await run("status", demo, "--as-of", "2026-11-24", "--json")).out) as {
      row: number;
      overdue: string[];
    }[];
    const late = status.find((s) => s.overdue.length > 0)!;
    const cell = ws.getCell(late.row, overdueCol);
    expect(String(cell.value)).toContain("逾期");
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  });

  it("refuses -o naming the input itself", async () => {
    const r = await run("status", demo, "-o", demo);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--in-place");
  });

  it("rewrites the input with --in-place", async () => {
    const copy = file("inplace.xlsx");
    writeFileSync(copy, readFileSync(demo));
    const r = await run("status", copy, "--in-place", "--as-of", "2027-12-31");
    expect(r.code).toBe(0);
    expect(sha(copy)).not.toBe(sha(demo));
  });
});

describe("usage and unreadable files", () => {
  it("exits 2 with a Chinese message for a missing file", async () => {
    const r = await run("status", file("nope.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("找不到文件");
  });

  it("exits 2 for a file that is not a workbook", async () => {
    const bad = file("bad.xlsx");
    writeFileSync(bad, "not a zip");
    const r = await run("validate", bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain("不是有效的 .xlsx");
  });

  it("exits 2 for a bad --as-of", async () => {
    const r = await run("status", file("x.xlsx"), "--as-of", "2026-02-30");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--as-of");
  });

  it("exits 2 for an unknown command or option", async () => {
    expect((await run("frobnicate")).code).toBe(2);
    expect((await run("status", "a.xlsx", "--bogus")).code).toBe(2);
  });

  it("init makes an empty register that validates, and never overwrites", async () => {
    const f = file("init.xlsx");
    expect((await run("init", f, "--profile", "guangxi", "--district", "南宁市生态环境局")).code).toBe(0);
    const r = await run("validate", f, "--json");
    expect(JSON.parse(r.out)).toEqual({ errors: 0, warnings: 0, issues: [] });
    expect((await run("init", f, "--profile", "guangxi", "--district", "x")).code).toBe(2);
  });

  it("init requires a profile and a district", async () => {
    const r = await run("init", file("i2.xlsx"), "--district", "x");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--profile");
  });
});

describe("cpa validate", () => {
  it("exits 1 and names the cell of a bad date", async () => {
    const f = file("bad-date.xlsx");
    await run("init", f, "--profile", "shanghai", "--district", "浦东新区生态环境局");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.getWorksheet("企业名单台账")!;
    ws.getCell("B2").value = "上海测试化工有限公司";
    ws.getCell("C2").value = "91310000132149237G";
    ws.getCell("H2").value = "2026-02-30";
    await wb.xlsx.writeFile(f);
    const r = await run("validate", f, "--json");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.issues).toContainEqual(
      expect.objectContaining({ sheet: "企业名单台账", cell: "H2", severity: "error" }),
    );
  });
});

describe("cpa quarterly, scoresheet and score", () => {
  const base = file("forms-base.xlsx");
  let enterprise = "";
  beforeAll(async () => {
    await run("demo", "-o", base, "--seed", "5");
    enterprise = await auditingEnterprise(base);
  });

  it("writes 附表3 and 附表4 into a copy, and numbers a second run's sheets", async () => {
    const out = file("quarterly.xlsx");
    const before = sha(base);
    const r = await run("quarterly", base, "--quarter", "2026Q3", "-o", out, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).sheets).toEqual(["附表3 2026Q3", "附表4 2026Q3"]);
    expect(sha(base)).toBe(before);
    const again = await run("quarterly", out, "--quarter", "2026Q3", "--in-place", "--json");
    expect(JSON.parse(again.out).sheets).toEqual(["附表3 2026Q3 (2)", "附表4 2026Q3 (2)"]);
    const replaced = await run("quarterly", out, "--quarter", "2026Q3", "--in-place", "--replace", "--json");
    expect(JSON.parse(replaced.out).sheets).toEqual(["附表3 2026Q3", "附表4 2026Q3"]);
  });

  it("requires an output for quarterly", async () => {
    expect((await run("quarterly", base, "--quarter", "2026Q3")).code).toBe(2);
    expect((await run("quarterly", base, "--quarter", "2026Q9", "-o", file("q9.xlsx"))).code).toBe(2);
  });

  it("makes 3–5 experts' sheets and a panel, scores them, and writes the panel back without overwriting typed cells", async () => {
    const out = file("scores.xlsx");
    expect(
      (
        await run(
          "scoresheet",
          base,
          "--kind",
          "evaluation",
          "--enterprise",
          enterprise,
          "--experts",
          "2",
          "-o",
          out,
        )
      ).code,
    ).toBe(2);
    const sheets = await scoreSheets(base, out, enterprise);
    expect(sheets).toHaveLength(4);

    const blank = JSON.parse((await run("score", out, "--json")).out);
    expect(blank.panels).toEqual([
      {
        enterprise,
        kind: "evaluation",
        experts: 3,
        completed: 0,
        score: null,
        verdict: "未完成评分",
        complete: false,
      },
    ]);

    // The experts fill in their sheets: full marks less 0, 4.5 and 12 points, by 0.5 steps.
    await fillScores(out, sheets.slice(0, 3), [0, 4.5, 12]);
    const scored = JSON.parse((await run("score", out, "--json")).out);
    expect(scored.sheets.map((s: { total: number; verdict: string }) => [s.total, s.verdict])).toEqual([
      [100, "通过"],
      [95.5, "通过"],
      [88, "补充完善"],
    ]);
    expect(scored.panels[0]).toMatchObject({ score: 94.5, verdict: "通过", complete: true });

    const back = file("scores-back.xlsx");
    const wrote = await run("score", out, "--write-back", "-o", back);
    expect(wrote.code).toBe(0);
    expect(wrote.out).toContain("已回填 2 个单元格");
    expect(wrote.out).toContain("评估时间");
    const register = new ExcelJS.Workbook();
    await register.xlsx.readFile(back);
    const ws = register.getWorksheet("企业名单台账")!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    let target = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(header.indexOf("企业名称")).value === enterprise) target = n;
    });
    expect(ws.getCell(target, header.indexOf("评估得分")).value).toBe(94.5);
    expect(ws.getCell(target, header.indexOf("评估结果")).value).toBe("通过");
    // A second write-back where a different score was typed keeps the typed one.
    ws.getCell(target, header.indexOf("评估得分")).value = 93;
    await register.xlsx.writeFile(back);
    const kept = await run("score", back, "--write-back", "--in-place");
    expect(kept.out).toContain("未覆盖");
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(back);
    expect(reread.getWorksheet("企业名单台账")!.getCell(target, header.indexOf("评估得分")).value).toBe(93);

    // Regenerating with --replace refuses to replace sheets that hold typed scores.
    const refuse = await run(
      "scoresheet",
      out,
      "--kind",
      "evaluation",
      "--enterprise",
      enterprise,
      "--experts",
      "3",
      "--in-place",
      "--replace",
    );
    expect(refuse.code).toBe(2);
    expect(refuse.err).toContain("手工录入");
  });

  it("reports a bad score with its cell and exits 1", async () => {
    const out = file("bad-score.xlsx");
    const made = JSON.parse(
      (
        await run(
          "scoresheet",
          base,
          "--kind",
          "acceptance",
          "--enterprise",
          enterprise,
          "--experts",
          "3",
          "-o",
          out,
          "--json",
        )
      ).out,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.getWorksheet(made.sheets[0])!.getCell("D15").value = 0.3;
    await wb.xlsx.writeFile(out);
    const r = await run("score", out);
    expect(r.code).toBe(1);
    expect(r.out).toContain("D15");
    expect(r.out).toContain("0.5");
  });
});

describe("cpa archive (附表2)", () => {
  it("lays out the checklist, and its filing dates decide the revision and archive flags of status", async () => {
    const base = file("archive-base.xlsx");
    await run("demo", "-o", base, "--seed", "21");
    const rows = JSON.parse((await run("status", base, "--json", "--as-of", "2026-11-24")).out) as {
      name: string;
      stage: string;
      overdue: string[];
      deadlines: Record<string, string | null>;
    }[];
    const accepted = rows.find(
      (r) => r.stage === "accepted" && (r.deadlines.archive ?? "9999") < "2026-11-24",
    )!;
    const out = file("archive.xlsx");
    const made = await run("archive", base, "--enterprise", accepted.name, "-o", out, "--json");
    expect(made.code).toBe(0);
    const sheet = JSON.parse(made.out).sheet as string;
    // Without dates, the deadlines one month after evaluation and acceptance have passed unmet.
    const before = JSON.parse((await run("status", out, "--json", "--as-of", "2026-11-24")).out).find(
      (r: { name: string }) => r.name === accepted.name,
    );
    expect(before.overdue).toEqual(expect.arrayContaining(["revision", "archive"]));
    // The district files everything on time: a day after the on-site acceptance.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet(sheet)!;
    for (let r = 5; r <= 26; r++) {
      const due = ws.getCell(`E${r}`).value as Date | null;
      if (due) ws.getCell(`D${r}`).value = new Date(due.getTime() - 86_400_000);
    }
    await wb.xlsx.writeFile(out);
    const after = JSON.parse((await run("status", out, "--json", "--as-of", "2026-11-24")).out).find(
      (r: { name: string }) => r.name === accepted.name,
    );
    expect(after.overdue).not.toContain("archive");
    expect(after.overdue).not.toContain("revision");
    // A checklist with dates typed in is never replaced.
    const refused = await run("archive", out, "--enterprise", accepted.name, "--in-place", "--replace");
    expect(refused.code).toBe(2);
  });

  it("lays out 附件6 for an enterprise, numbered on a second run", async () => {
    const base = file("perf-base.xlsx");
    await run("demo", "-o", base, "--seed", "22");
    const name = (JSON.parse((await run("status", base, "--json")).out) as { name: string }[])[0]!.name;
    const out = file("perf.xlsx");
    const first = JSON.parse((await run("performance", base, "--enterprise", name, "-o", out, "--json")).out);
    const second = JSON.parse(
      (await run("performance", out, "--enterprise", name, "--in-place", "--json")).out,
    );
    expect(second.sheet).toBe(`${first.sheet} (2)`);
  });

  it("is Shanghai's only", async () => {
    const gx = file("archive-gx.xlsx");
    await run("demo", "-o", gx, "--profile", "guangxi");
    const r = await run("archive", gx, "--enterprise", "有限公司", "-o", file("archive-gx-out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("上海市");
  });
});
