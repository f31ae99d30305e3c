import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli, stampedWorkbook } from "../cli/runCli";
import { cityReport } from "../../src/core/consolidate";
import { parseQuarter } from "../../src/core/dates";
import { getProfile } from "../../src/core/profiles";
import { writeCityReport } from "../../src/excel/consolidate";
import { dashboardLayout } from "../../src/forms/centreForms";
import { consolidateFiles, type DistrictFile } from "../../src/xlsx/city";
import { readGrid } from "../helpers/excelJsReference";
import { ExcelHost } from "../officehost";
import { run } from "./hostWorkbook";

jest.setTimeout(180_000);

const q3 = parseQuarter("2026Q3")!;
const dir = mkdtempSync(path.join(tmpdir(), "pane-city-"));
const file = (name: string) => path.join(dir, name);

/** A district's stamped workbook, as `cpa submit` writes it. */
const stamped = (district: string, at: string, seed: number) =>
  stampedWorkbook(dir, district, `${district}生态环境局`, at, seed);

async function cli(...argv: string[]) {
  const r = await runCli(...argv);
  if (r.code !== 0) throw new Error(r.out + r.err);
}

/** The files as the task pane gets them from the file picker: a name and bytes. */
const picked = (files: string[]): DistrictFile[] =>
  files.map((f) => ({ name: path.basename(f), read: async () => new Uint8Array(readFileSync(f)) }));

/** The used cells of a host sheet as text rows, for comparison with the same sheet written by the CLI. */
function hostRows(host: ExcelHost, sheet: string, rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const v = host.sheets.find((s) => s.name === sheet)!.cells.get(`${r},${c}`)?.value;
      return v === null || v === undefined ? "" : String(v);
    }),
  );
}

describe("consolidation in the task pane", () => {
  let files: string[] = [];

  beforeAll(async () => {
    const ok = await stamped("浦东新区", "2026-10-09T09:00+08:00", 3);
    const late = await stamped("青浦区", "2026-10-12T09:00+08:00", 4);
    const edited = await stamped("徐汇区", "2026-10-08T09:00+08:00", 5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(edited);
    wb.getWorksheet("企业名单台账")!.getCell("B3").value = "报送后改过的名称";
    await wb.xlsx.writeFile(edited);
    const broken = file("金山区.xlsx");
    writeFileSync(broken, "这不是工作簿");
    files = [ok, late, edited, broken];
  });

  it("writes the dashboard with two charts and the city's tables; the CLI computes the same counts", async () => {
    const host = new ExcelHost();
    host.seed("中心备注", [["请勿改动本页"]]);
    const progress: string[] = [];
    const result = await consolidateFiles(picked(files), q3, (d, n) => progress.push(`${d}/${n}`));
    expect(progress).toEqual(["1/4", "2/4", "3/4", "4/4"]);
    const { city } = result;
    expect(city.districts.map((d) => d.district)).toEqual(["徐汇区", "浦东新区", "青浦区"]);
    expect(city.failed).toEqual([expect.objectContaining({ file: "金山区.xlsx" })]);
    expect(city.late).toEqual(["青浦区"]);
    expect(city.districts.find((d) => d.district === "徐汇区")!.verification).toMatchObject({
      state: "changed",
      changedSheets: ["企业名单台账"],
    });

    host.syncCount = 0;
    const names = await run(host, (ctx) => writeCityReport(ctx, result, q3, host.supports));
    expect(names).toEqual(["统计看板", "报送核验", "各区统计", "附表3 全市 2026Q3", "附表4 全市 2026Q3"]);
    expect(host.syncCount).toBe(2);
    expect(host.activeSheet).toBe("统计看板");
    expect(host.value("中心备注", "A1")).toBe("请勿改动本页");

    const board = host.sheet("统计看板")!;
    expect(board.charts).toEqual([
      expect.objectContaining({
        type: "ColumnStacked",
        title: "各区企业阶段",
        source: { top: 3, left: 0, rows: 4, cols: 10 },
        seriesBy: "Columns",
      }),
      expect.objectContaining({ type: "ColumnClustered", title: "各类逾期企业数" }),
    ]);
    expect(host.value("统计看板", "A5")).toBe("徐汇区");
    const registered = Object.values(city.districts[0]!.stages).reduce((a, n) => a + n, 0);
    const stageCells = hostRows(host, "统计看板", 5, 10)[4]!.slice(1).map(Number);
    expect(stageCells.reduce((a, n) => a + n, 0)).toBe(registered);

    const verification = hostRows(host, "报送核验", 10, 9).map((r) => r.join("|"));
    expect(verification).toContainEqual(expect.stringMatching(/^金山区\.xlsx\|\|\|\|无法读取/));
    expect(verification).toContainEqual(
      expect.stringMatching(/^徐汇区\.xlsx\|徐汇区\|2026Q3\|.*\|已改动\|企业名单台账\|按时\|计入\|$/),
    );
    expect(verification).toContainEqual(expect.stringMatching(/^青浦区\.xlsx\|青浦区\|.*\|逾期\|计入\|$/));

    // The same files through `cpa consolidate`: the same 各区统计, cell for cell.
    const cityFile = file("city.xlsx");
    await cli("consolidate", ...files, "--quarter", "2026Q3", "-o", cityFile);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(cityFile);
    const counts = readGrid(out.getWorksheet("各区统计")!);
    const width = counts.rows[2]!.length;
    const fromCli = counts.rows
      .slice(0, 7)
      .map((r) =>
        Array.from({ length: width }, (_, c) => (r[c] === null || r[c] === undefined ? "" : String(r[c]))),
      );
    expect(hostRows(host, "各区统计", 7, width)).toEqual(fromCli);
  });

  it("adds (2) sheets on a second run and leaves the first run's sheets as they were", async () => {
    const host = new ExcelHost();
    const result = await consolidateFiles(picked(files.slice(0, 1)), q3);
    await run(host, (ctx) => writeCityReport(ctx, result, q3, host.supports));
    host.seed("统计看板", [["区（已核对）"]], 3, 0);
    const again = await run(host, (ctx) => writeCityReport(ctx, result, q3, host.supports));
    expect(again[0]).toBe("统计看板 (2)");
    expect(host.value("统计看板", "A4")).toBe("区（已核对）");
    expect(host.sheets).toHaveLength(10);
  });

  it("leaves no half-written sheet behind when Excel fails in the middle of the write", async () => {
    const host = new ExcelHost();
    host.seed("中心备注", [["保留"]]);
    const result = await consolidateFiles(picked(files), q3);
    host.failAfterOps = 60;
    await expect(run(host, (ctx) => writeCityReport(ctx, result, q3, host.supports))).rejects.toMatchObject({
      code: "GeneralException",
    });
    expect(host.sheets.map((s) => s.name)).toEqual(["中心备注"]);
  });
});

describe("the dashboard layout", () => {
  it("draws no chart when no workbook could be read, and says so", async () => {
    const city = cityReport(q3, getProfile("guangxi"), [], [{ file: "坏.xlsx", reason: "不是工作簿" }]);
    const layout = dashboardLayout(city);
    expect(layout.charts).toBeUndefined();
    expect(JSON.stringify(layout.blocks)).toContain("（无可读取的报送）");
  });
});
