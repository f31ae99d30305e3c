// The year's reports: 年度统计 against a count made here from the register's cells and `cpa status`, and the
// 验收结果名单 against the register's acceptance columns; both as printable sheets.

import ExcelJS from "exceljs";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli as run } from "./runCli";

jest.setTimeout(300_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-year-"));
const file = (name: string) => path.join(dir, name);

async function ok(...argv: string[]) {
  const r = await run(...argv);
  if (r.code !== 0) throw new Error(`cpa ${argv[0]}: ${r.out}${r.err}`);
  return r;
}

const iso = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : null);

/** A sheet's rows under its header row 1, as objects keyed by header label. */
async function records(
  xlsx: string,
  sheet: string,
): Promise<{ row: number; v: Record<string, ExcelJS.CellValue> }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet(sheet)!;
  const labels = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ""));
  const out: { row: number; v: Record<string, ExcelJS.CellValue> }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v: Record<string, ExcelJS.CellValue> = {};
    labels.forEach((label, c) => label && (v[label] = row.getCell(c).value));
    if (v["企业名称"]) out.push({ row: n, v });
  });
  return out;
}

/** 评估结果 and 验收结果 as the seeds decide them: a score decides, a typed 不合格 stands (附件8 注). */
function evaluationOf(v: Record<string, ExcelJS.CellValue>): string | null {
  const s = v["评估得分"];
  if (typeof s === "number") return s < 70 ? "不通过" : s <= 90 ? "补充完善" : "通过";
  return (v["评估结果"] as string) || null;
}
function acceptanceOf(v: Record<string, ExcelJS.CellValue>): string | null {
  const s = v["验收得分"];
  if (v["验收结果"] === "不合格") return "不合格";
  if (typeof s === "number") return s >= 60 ? "合格" : "不合格";
  return (v["验收结果"] as string) || null;
}

const count = <T>(items: readonly T[], keys: readonly string[], key: (t: T) => string | string[] | null) => {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
  for (const t of items) for (const k of [key(t)].flat()) if (k !== null && k in out) out[k]!++;
  return out;
};

const ADJUSTMENTS = ["名称变更", "名单撤销", "审核暂缓", "审核终止", "调整管理区域", "继续审核", "其他"];

/** The figures of `year` as of `asOf`, counted from the cells and from `cpa status --json`. */
async function independentCount(xlsx: string, year: number, asOf: string, codes: readonly string[]) {
  const rows = await records(xlsx, "企业名单台账");
  const log = await records(xlsx, "名单调整记录");
  const status = JSON.parse((await ok("status", xlsx, "--as-of", asOf, "--json")).out) as {
    row: number;
    stage: string;
    overdue: string[];
  }[];
  const byRow = new Map(status.map((s) => [s.row, s]));
  const done = (v: ExcelJS.CellValue) => iso(v) !== null && iso(v)! <= asOf;
  const isOpen = (r: { row: number }) =>
    !["accepted", "revoked", "terminated"].includes(byRow.get(r.row)!.stage);
  const figures = (set: typeof rows, entries: typeof log) => ({
    listed: {
      total: set.length,
      byType: count(set, ["双超", "双有", "高耗能", "其他"], (r) =>
        String(r.v["审核类型"] ?? "").split("、"),
      ),
    },
    started: set.filter((r) => done(r.v["审核启动时间"]) || done(r.v["评估时间"]) || done(r.v["验收时间"]))
      .length,
    evaluated: count(set, ["通过", "补充完善", "不通过"], (r) =>
      done(r.v["评估时间"]) ? evaluationOf(r.v) : null,
    ),
    accepted: count(set, ["合格", "不合格"], (r) => (done(r.v["验收时间"]) ? acceptanceOf(r.v) : null)),
    open: set.filter(isOpen).length,
    overdueByAct: count(set, codes, (r) => byRow.get(r.row)!.overdue),
    adjustments: count(entries, ADJUSTMENTS, (e) => String(e.v["调整结果"])),
  });
  const ofYear = rows.filter((r) => r.v["名单年度"] === year);
  const yearLog = log.filter((e) => {
    const d = iso(e.v["变化日期"]);
    return d !== null && d >= `${year}-01-01` && d <= asOf;
  });
  const open = rows.filter((r) => done(r.v["名单公布时间"]) && isOpen(r));
  const since = new Map<string, string>();
  for (const r of open) {
    const code = String(r.v["统一社会信用代码"]);
    const d = iso(r.v["名单公布时间"])!;
    if (!since.has(code) || d < since.get(code)!) since.set(code, d);
  }
  const openLog = log.filter((e) => {
    const d = iso(e.v["变化日期"]);
    const from = since.get(String(e.v["统一社会信用代码"]));
    return d !== null && from !== undefined && d >= from && d <= asOf;
  });
  return { year, asOf, ...figures(ofYear, yearLog), openRounds: figures(open, openLog) };
}

describe("cpa annual", () => {
  const registers: [string, string, number][] = [
    ["shanghai", "浦东新区生态环境局", 1],
    ["shanghai", "闵行区生态环境局", 5],
    ["guangxi", "南宁市生态环境局", 3],
  ];
  const codes = {
    shanghai: ["disclosure", "start", "evaluation", "acceptance", "revision", "archive"],
    guangxi: ["disclosure", "start", "evaluation", "acceptance", "revision", "next_round"],
  } as Record<string, string[]>;

  it.each(registers)(
    "gives the figures a count from the register's cells gives (%s, %s, seed %i)",
    async (profile, district, seed) => {
      const xlsx = file(`${profile}-${seed}.xlsx`);
      await ok("demo", "-o", xlsx, "--profile", profile, "--district", district, "--seed", String(seed));
      for (const [year, asOf] of [
        [2024, "2024-12-31"],
        [2025, "2025-12-31"],
        [2026, "2026-06-30"],
      ] as const) {
        const r = await ok("annual", xlsx, "--year", String(year), "--as-of", asOf, "--json");
        expect(JSON.parse(r.out)).toEqual(await independentCount(xlsx, year, asOf, codes[profile]!));
      }
    },
  );

  it("writes 年度统计 2025 as a printable A4 sheet with the district, 填报人 and 填报时间", async () => {
    const xlsx = file("pd.xlsx");
    await ok("demo", "-o", xlsx, "--seed", "1");
    const out = file("pd-annual.xlsx");
    const r = await ok("annual", xlsx, "--year", "2025", "-o", out, "--preparer", "李四", "--json");
    const figures = JSON.parse(r.out);
    expect(figures).toMatchObject({ file: out, sheet: "年度统计 2025", asOf: "2025-12-31" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("年度统计 2025")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait" });
    expect(ws.getCell("A1").text).toBe("强制性清洁生产审核年度统计");
    expect(ws.getCell("A2").text).toBe("（2025年度，统计至2025年12月31日）");
    expect(ws.getCell("A3").text).toBe("填报单位：浦东新区生态环境局");
    const lines = new Map<string, [number, number]>();
    ws.eachRow((row, n) => {
      if (n > 4 && typeof row.getCell(3).value === "number")
        lines.set(row.getCell(2).text, [row.getCell(3).value as number, row.getCell(4).value as number]);
    });
    expect(lines.get("合计")).toEqual([figures.listed.total, figures.openRounds.listed.total]);
    expect(lines.get("评估补充完善")).toEqual([
      figures.evaluated["补充完善"],
      figures.openRounds.evaluated["补充完善"],
    ]);
    expect(lines.get("审核启动逾期")).toEqual([
      figures.overdueByAct.start,
      figures.openRounds.overdueByAct.start,
    ]);
    expect(lines.get("名称变更")).toEqual([
      figures.adjustments["名称变更"],
      figures.openRounds.adjustments["名称变更"],
    ]);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(texts).toContain("浦东新区生态环境局（盖章）");
    expect(texts).toContain("填报人：李四");
    expect(texts.some((t) => /^填报时间：\d{4}年\d{1,2}月\d{1,2}日$/.test(t))).toBe(true);
  });

  it("refuses a year that is not one", async () => {
    const r = await run("annual", file("pd.xlsx"), "--year", "26");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--year 应为四位年份");
  });
});

describe("cpa acceptance-list", () => {
  let xlsx = "";
  beforeAll(async () => {
    const raw = file("gx-raw.xlsx");
    await ok("demo", "-o", raw, "--profile", "guangxi", "--district", "南宁市生态环境局", "--seed", "3");
    // Three accepted rows made 不合格 (by score, and typed despite a passing score) and one left without a result.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(raw);
    const ws = wb.getWorksheet("企业名单台账")!;
    const accepted: number[] = [];
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(17).value instanceof Date) accepted.push(n);
    });
    expect(accepted.length).toBeGreaterThan(4);
    ws.getCell(accepted[0]!, 18).value = 55;
    ws.getCell(accepted[0]!, 19).value = "不合格";
    ws.getCell(accepted[1]!, 19).value = "不合格";
    ws.getCell(accepted[2]!, 18).value = null;
    ws.getCell(accepted[2]!, 19).value = null;
    xlsx = file("gx.xlsx");
    await wb.xlsx.writeFile(xlsx);
  });

  it("lists the period's 合格 and 不合格 enterprises as the register's acceptance columns give them", async () => {
    const from = "2024-01-01";
    const to = "2026-06-30";
    const r = await ok("acceptance-list", xlsx, "--from", from, "--to", to, "--json");
    const got = JSON.parse(r.out);
    const rows = (await records(xlsx, "企业名单台账"))
      .filter((x) => {
        const d = iso(x.v["验收时间"]);
        return d !== null && d >= from && d <= to;
      })
      .sort((a, b) => iso(a.v["验收时间"])!.localeCompare(iso(b.v["验收时间"])!) || a.row - b.row);
    const entry = (x: (typeof rows)[number]) => ({
      name: x.v["企业名称"],
      creditCode: x.v["统一社会信用代码"],
      district: x.v["所属区"],
      acceptedOn: iso(x.v["验收时间"]),
      score: typeof x.v["验收得分"] === "number" ? x.v["验收得分"] : null,
      result: acceptanceOf(x.v),
    });
    const passed = rows.filter((x) => acceptanceOf(x.v) === "合格").map(entry);
    const failed = rows.filter((x) => acceptanceOf(x.v) === "不合格").map(entry);
    expect(failed).toHaveLength(2);
    expect(got).toEqual({
      from,
      to,
      passed,
      failed,
      undecided: rows
        .filter((x) => acceptanceOf(x.v) === null)
        .map((x) => ({ row: x.row, name: x.v["企业名称"] })),
    });
    expect(got.undecided).toHaveLength(1);
  });

  it("writes the list as the seed's tables: title, 填报单位, 合格 and 不合格 tables, the footer lines", async () => {
    const out = file("gx-list.xlsx");
    const r = await ok(
      "acceptance-list",
      xlsx,
      "--from",
      "2024-01-01",
      "--to",
      "2026-12-31",
      "-o",
      out,
      "--preparer",
      "王五",
    );
    expect(r.out).toContain("已写入“验收结果名单 20240101至20261231”");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("验收结果名单 20240101至20261231")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
    const col = (c: number) => {
      const out: string[] = [];
      ws.eachRow((row) => out.push(row.getCell(c).text));
      return out;
    };
    const first = col(1);
    expect(first.slice(0, 3)).toEqual([
      "清洁生产审核验收结果名单",
      "（2024年1月1日至2026年12月31日）",
      "填报单位：南宁市生态环境局",
    ]);
    const passedAt = first.findIndex((t) => t.startsWith("一、验收“合格”企业名单"));
    const failedAt = first.findIndex((t) => t === "二、验收“不合格”企业名单（2家）");
    expect(passedAt).toBeGreaterThan(0);
    expect(failedAt).toBeGreaterThan(passedAt);
    const header = ["序号", "企业名称", "企业代码", "所属区", "验收时间", "验收得分", "验收结果"];
    const rowAt = (i: number) => header.map((_, c) => col(c + 1)[i]);
    expect(rowAt(passedAt + 1)).toEqual(header);
    expect(rowAt(failedAt + 1)).toEqual(header);
    expect(rowAt(failedAt + 2)[6]).toBe("不合格");
    expect(rowAt(failedAt + 3)[6]).toBe("不合格");
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(texts).toEqual(expect.arrayContaining(["职能部门（盖章）：", "填报人：王五"]));
    expect(
      texts.some((t) => t.startsWith("注：下列企业验收时间在本期间内，但台账未填验收得分或验收结果")),
    ).toBe(true);
  });

  it("refuses a period that ends before it starts, and writes nothing", async () => {
    const out = file("never.xlsx");
    const r = await run("acceptance-list", xlsx, "--from", "2026-02-01", "--to", "2026-01-01", "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--from 不能晚于 --to");
    expect(existsSync(out)).toBe(false);
  });
});
