// The centre counts each district once: of several files of a district, the latest valid stamp for the quarter;
// the others listed with why; the profile comes from the stamps, and a mixed set is refused.

import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli as run } from "./runCli";
import { getProfile } from "../../src/core/profiles";

jest.setTimeout(300_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-once-"));
const file = (name: string) => path.join(dir, name);

async function ok(...argv: string[]) {
  const r = await run(...argv);
  if (r.code !== 0) throw new Error(`cpa ${argv[0]}: ${r.out}${r.err}`);
  return r;
}

/** A demo register of `reporter`, stamped for `quarter` at `at`. */
async function stamped(
  name: string,
  reporter: string,
  at: string,
  seed: number,
  { quarter = "2026Q3", profile = "shanghai" } = {},
): Promise<string> {
  const raw = file(`${name}-raw.xlsx`);
  const out = file(`${name}.xlsx`);
  await ok("demo", "-o", raw, "--profile", profile, "--district", reporter, "--seed", String(seed));
  await ok("submit", raw, "--quarter", quarter, "--preparer", "张三", "-o", out, "--at", at);
  return out;
}

interface Summary {
  profile: string;
  districts: {
    district: string;
    file: string;
    state: string;
    late: boolean;
    submission: string;
    implementationRows: number;
    adjustmentRows: number;
  }[];
  excluded: { file: string; district: string; status: string; reason: string; countedFile: string | null }[];
  missing: string[];
  late: string[];
}

async function consolidate(...files: string[]): Promise<{ summary: Summary; city: ExcelJS.Workbook }> {
  const out = file(`city-${Math.random().toString(36).slice(2)}.xlsx`);
  const r = await ok("consolidate", ...files, "--quarter", "2026Q3", "-o", out, "--json");
  const city = new ExcelJS.Workbook();
  await city.xlsx.readFile(out);
  return { summary: JSON.parse(r.out) as Summary, city };
}

/** Body rows (numbered) of a city-wide table. */
function bodyRows(city: ExcelJS.Workbook, sheet: string): number {
  let rows = 0;
  city.getWorksheet(sheet)!.eachRow((row, n) => {
    if (n > 3 && typeof row.getCell(1).value === "number") rows++;
  });
  return rows;
}

/** The 全市合计 row of 各区统计, as numbers. */
function cityTotals(city: ExcelJS.Workbook): number[] {
  const sheet = city.getWorksheet("各区统计")!;
  let totals: number[] = [];
  sheet.eachRow((row) => {
    if (row.getCell(1).text === "全市合计")
      totals = (row.values as ExcelJS.CellValue[]).slice(2).filter((v) => typeof v === "number") as number[];
  });
  return totals;
}

/** The 报送核验 rows as text joined by |. */
function verificationRows(city: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  city.getWorksheet("报送核验")!.eachRow((row, n) => {
    if (n > 3) out.push(Array.from({ length: 9 }, (_, c) => row.getCell(c + 1).text).join("|"));
  });
  return out;
}

let pd = "";
let pdCopy = "";
let pdLater = "";
let pdTampered = "";
let pdUnstamped = "";
let pdQ2 = "";
let mh = "";
let gx = "";

beforeAll(async () => {
  pd = await stamped("pd", "浦东新区生态环境局", "2026-10-11T09:00+08:00", 1);
  pdCopy = file("pd-copy.xlsx");
  copyFileSync(pd, pdCopy);
  pdLater = await stamped("pd-later", "浦东新区生态环境局", "2026-10-12T10:00+08:00", 7);
  const tampered = await stamped("pd-t", "浦东新区生态环境局", "2026-10-13T10:00+08:00", 8);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(tampered);
  wb.getWorksheet("企业名单台账")!.getCell("B3").value = "报送后改过的名称";
  pdTampered = file("pd-tampered.xlsx");
  await wb.xlsx.writeFile(pdTampered);
  pdUnstamped = file("pd-t-raw.xlsx");
  pdQ2 = await stamped("pd-q2", "浦东新区生态环境局", "2026-10-09T09:00+08:00", 9, { quarter: "2026Q2" });
  mh = await stamped("mh", "闵行区生态环境局", "2026-10-12T09:00+08:00", 2);
  gx = await stamped("gx", "南宁市生态环境局", "2026-10-20T09:00+08:00", 3, { profile: "guangxi" });
});

describe("one district, one file", () => {
  const alone: Record<string, Summary["districts"][number]> = {};
  const aloneTotals: Record<string, number[]> = {};
  beforeAll(async () => {
    for (const f of [pd, pdLater, mh]) {
      const { summary, city } = await consolidate(f);
      alone[f] = summary.districts[0]!;
      aloneTotals[f] = cityTotals(city);
    }
  });
  const sum = (a: number[], b: number[]) => a.map((n, i) => n + b[i]!);

  it("counts a copy once: two districts, each late once, the city's totals those of pd and mh", async () => {
    const html = file("c1.html");
    const r = await run(
      "consolidate",
      pd,
      pdCopy,
      mh,
      "--quarter",
      "2026Q3",
      "-o",
      file("c1.xlsx"),
      "--html",
      html,
    );
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/<td>浦东新区<\/td><td>pd\.xlsx<\/td>/);
    expect(page).toContain("<h2>未计入的文件</h2>");
    expect(page).toMatch(
      /<td>pd-copy\.xlsx<\/td><td>[^<]*<\/td><td>重复报送（未计入）<\/td><td>与“pd\.xlsx”是同一次盖章的副本<\/td>/,
    );
    expect(r.out).toContain("已汇总 2 个区");
    expect(r.out).toMatch(/^逾期报送：闵行区、浦东新区$/m);
    expect(r.out).toContain("重复报送（未计入）：pd-copy.xlsx（浦东新区）与“pd.xlsx”是同一次盖章的副本");
    const { summary, city } = await consolidate(pd, pdCopy, mh);
    expect(summary.districts.map((d) => [d.district, d.file])).toEqual([
      ["闵行区", "mh.xlsx"],
      ["浦东新区", "pd.xlsx"],
    ]);
    expect(summary.excluded).toEqual([
      {
        file: "pd-copy.xlsx",
        district: "浦东新区",
        status: "重复报送（未计入）",
        reason: "与“pd.xlsx”是同一次盖章的副本",
        countedFile: "pd.xlsx",
      },
    ]);
    expect(cityTotals(city)).toEqual(sum(aloneTotals[pd]!, aloneTotals[mh]!));
    expect(bodyRows(city, "附表3 全市 2026Q3")).toBe(
      alone[pd]!.implementationRows + alone[mh]!.implementationRows,
    );
    expect(verificationRows(city)).toContainEqual(
      expect.stringMatching(
        /^pd-copy\.xlsx\|浦东新区\|2026Q3\|.*\|重复报送（未计入）\|与“pd\.xlsx”是同一次盖章的副本$/,
      ),
    );
  });

  it("reads the same path given twice once, and says so", async () => {
    const { summary, city } = await consolidate(pd, mh, pd);
    expect(summary.districts.map((d) => d.file)).toEqual(["mh.xlsx", "pd.xlsx"]);
    expect(summary.excluded).toEqual([
      expect.objectContaining({ file: "pd.xlsx", reason: "与“pd.xlsx”是同一文件，重复给出" }),
    ]);
    expect(cityTotals(city)).toEqual(sum(aloneTotals[pd]!, aloneTotals[mh]!));
  });

  it.each([
    ["older first", () => [pd, pdLater]],
    ["newer first", () => [pdLater, pd]],
  ])("counts the newer of two valid stamps (%s)", async (_, files) => {
    const { summary, city } = await consolidate(...files(), mh);
    expect(summary.districts.find((d) => d.district === "浦东新区")!.file).toBe("pd-later.xlsx");
    expect(summary.excluded).toEqual([
      expect.objectContaining({
        file: "pd.xlsx",
        status: "重复报送（未计入）",
        reason: "盖章时间 2026-10-11T09:00+08:00 早于“pd-later.xlsx”的 2026-10-12T10:00+08:00",
      }),
    ]);
    expect(cityTotals(city)).toEqual(sum(aloneTotals[pdLater]!, aloneTotals[mh]!));
    expect(bodyRows(city, "附表3 全市 2026Q3")).toBe(
      alone[pdLater]!.implementationRows + alone[mh]!.implementationRows,
    );
  });

  it("counts a valid stamp before a later one that was tampered with", async () => {
    const { summary, city } = await consolidate(pdTampered, pd);
    expect(summary.districts).toEqual([expect.objectContaining({ file: "pd.xlsx", state: "unchanged" })]);
    expect(summary.excluded).toEqual([
      expect.objectContaining({ file: "pd-tampered.xlsx", reason: "盖章后已改动（企业名单台账）" }),
    ]);
    expect(cityTotals(city)).toEqual(aloneTotals[pd]);
  });

  it("counts a stamped file before an unstamped one, and calls an unstamped file 未盖章, never 按时", async () => {
    const both = await consolidate(pdUnstamped, pd);
    expect(both.summary.districts.map((d) => d.file)).toEqual(["pd.xlsx"]);
    expect(both.summary.excluded).toEqual([
      expect.objectContaining({ file: "pd-t-raw.xlsx", reason: "未盖章", countedFile: "pd.xlsx" }),
    ]);
    expect(cityTotals(both.city)).toEqual(aloneTotals[pd]);

    const { summary, city } = await consolidate(pdUnstamped, mh);
    expect(summary.districts.find((d) => d.district === "浦东新区")).toMatchObject({
      file: "pd-t-raw.xlsx",
      state: "unstamped",
      late: false,
      submission: "未盖章",
    });
    expect(summary.late).toEqual(["闵行区"]);
    expect(verificationRows(city)).toContainEqual(
      expect.stringMatching(/^pd-t-raw\.xlsx\|浦东新区\|\|\|未报送盖章\|\|未盖章\|计入\|$/),
    );
  });

  it("does not count a stamp for another quarter: 季度不符, and the district is missing", async () => {
    const { summary, city } = await consolidate(pdQ2, mh);
    expect(summary.districts.map((d) => d.district)).toEqual(["闵行区"]);
    expect(summary.excluded).toEqual([
      {
        file: "pd-q2.xlsx",
        district: "浦东新区",
        status: "季度不符（未计入）",
        reason: "盖章季度为 2026Q2，不是 2026Q3",
        countedFile: null,
      },
    ]);
    expect(summary.missing).toContain("浦东新区");
    expect(summary.late).toEqual(["闵行区"]);
    expect(cityTotals(city)).toEqual(aloneTotals[mh]);
  });

  it("counts one file of the district in a mixed run of path, copy, tampered, unstamped and wrong quarter", async () => {
    const { summary, city } = await consolidate(pd, pd, pdCopy, pdTampered, pdUnstamped, pdQ2, pdLater, mh);
    expect(summary.districts.map((d) => [d.district, d.file])).toEqual([
      ["闵行区", "mh.xlsx"],
      ["浦东新区", "pd-later.xlsx"],
    ]);
    expect(summary.excluded.map((x) => [x.file, x.status])).toEqual([
      ["pd.xlsx", "重复报送（未计入）"],
      ["pd.xlsx", "重复报送（未计入）"],
      ["pd-copy.xlsx", "重复报送（未计入）"],
      ["pd-tampered.xlsx", "重复报送（未计入）"],
      ["pd-t-raw.xlsx", "重复报送（未计入）"],
      ["pd-q2.xlsx", "季度不符（未计入）"],
    ]);
    expect(summary.late).toEqual(["闵行区", "浦东新区"]);
    expect(cityTotals(city)).toEqual(sum(aloneTotals[pdLater]!, aloneTotals[mh]!));
  });

  it("names two files of one name from two folders by their paths", async () => {
    const other = path.join(dir, "copy");
    mkdirSync(other, { recursive: true });
    const twin = path.join(other, "pd.xlsx");
    copyFileSync(pd, twin);
    const { summary } = await consolidate(pd, twin);
    expect(summary.districts.map((d) => d.file)).toEqual([pd]);
    expect(summary.excluded).toEqual([
      expect.objectContaining({ file: twin, reason: `与“${pd}”是同一次盖章的副本` }),
    ]);
  });
});

/** Two figures objects added leaf by leaf (numbers summed, the rest taken from the first). */
function addFigures(a: unknown, b: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") return a + b;
  if (a && typeof a === "object" && b && typeof b === "object")
    return Object.fromEntries(
      Object.entries(a).map(([k, v]) => [k, addFigures(v, (b as Record<string, unknown>)[k])]),
    );
  return a;
}

describe("the city's 年度统计", () => {
  it("sums the counted districts' figures, each district once", async () => {
    const out = file("city-year.xlsx");
    const r = await ok(
      "consolidate",
      pd,
      pdCopy,
      pdLater,
      mh,
      "--quarter",
      "2026Q3",
      "-o",
      out,
      "--year",
      "2025",
      "--json",
    );
    const summary = JSON.parse(r.out);
    const [later, minhang] = await Promise.all(
      [pdLater, mh].map(async (f) => JSON.parse((await ok("annual", f, "--year", "2025", "--json")).out)),
    );
    expect(summary.annual).toEqual({ ...(addFigures(later, minhang) as object), year: 2025 });
    expect(summary.annual.listed.total).toBeGreaterThan(later.listed.total);
    const city = new ExcelJS.Workbook();
    await city.xlsx.readFile(out);
    const ws = city.getWorksheet("年度统计 全市 2025")!;
    expect(ws.getCell("A3").text).toBe("填报单位：上海市");
    expect(ws.getCell("C5").value).toBe(summary.annual.listed.total);
    expect(ws.getCell("D5").value).toBe(summary.annual.openRounds.listed.total);
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(texts).toContain("汇总 2 个区，每区计入一个文件：闵行区（mh.xlsx）、浦东新区（pd-later.xlsx）");
  });
});

describe("the profile comes from the stamps", () => {
  it("refuses a set of Shanghai and Guangxi files, naming them, and writes nothing", async () => {
    const out = file("mixed.xlsx");
    const r = await run("consolidate", pd, gx, mh, "--quarter", "2026Q3", "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "报送工作簿的地区配置不一致，不能一起汇总（上海市：pd.xlsx、mh.xlsx；广西壮族自治区：gx.xlsx）",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("refuses --profile: the stamps decide", async () => {
    const r = await run(
      "consolidate",
      gx,
      "--quarter",
      "2026Q3",
      "-o",
      file("p.xlsx"),
      "--profile",
      "shanghai",
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("不能用 --profile 指定");
  });

  it("consolidates Guangxi files as Guangxi, and a Guangxi stamp after the 10th is not late", async () => {
    const { summary, city } = await consolidate(gx);
    expect(summary.profile).toBe("guangxi");
    expect(summary.districts).toEqual([
      expect.objectContaining({ district: "南宁市", late: false, submission: "按时" }),
    ]);
    expect(summary.late).toEqual([]);
    expect(summary.missing).toEqual(getProfile("guangxi").districts.filter((d) => d !== "南宁市"));
    expect(city.worksheets.map((w) => w.name)).toContain("附件11 全市 2026Q3");
    const v = await ok("verify", gx, "--json");
    expect(JSON.parse(v.out).files[0].late).toBe(false);
  });
});
