// The year's reports from the task pane and the web page: the same figures and the same sheets as `cpa annual`
// and `cpa acceptance-list` give for the same register.

import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseIsoDate } from "../../src/core/dates";
import { annualJson } from "../../src/cli/yearReports";
import { writeAcceptanceList, writeAnnualReport } from "../../src/excel/yearReports";
import { acceptanceList, annualReport } from "../../src/web/operations";
import { runCli } from "../cli/runCli";
import { exportWorkbook } from "../officehost/toXlsx";
import { cellsOf, fileCells } from "../helpers/sheetCells";
import { filledHost, run, TODAY } from "./hostWorkbook";
import type { ExcelHost } from "../officehost";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "pane-year-"));
const d = (iso: string) => parseIsoDate(iso)!;

async function cli(...argv: string[]) {
  const r = await runCli(...argv);
  if (r.code !== 0) throw new Error(r.out + r.err);
  return r.out;
}

function hostCells(host: ExcelHost, sheet: string) {
  const s = host.sheets.find((x) => x.name === sheet)!;
  return cellsOf(
    [...s.cells].map(([k, c]) => {
      const [r, col] = k.split(",").map(Number) as [number, number];
      return [new ExcelJS.Workbook().addWorksheet("x").getCell(r + 1, col + 1).address, c.value];
    }),
  );
}

describe("the year's reports on the pane's two surfaces", () => {
  let host: ExcelHost;
  let file = "";
  beforeAll(async () => {
    host = await filledHost(40, "guangxi", 9);
    file = path.join(dir, "gx.xlsx");
    writeFileSync(file, await exportWorkbook(host));
  });

  it("writes 年度统计 in the pane with the CLI's figures and cells, in four syncs", async () => {
    const out = path.join(dir, "gx-annual.xlsx");
    const byCli = JSON.parse(await cli("annual", file, "--year", "2025", "-o", out, "--json"));
    host.syncCount = 0;
    const r = await run(host, (ctx) => writeAnnualReport(ctx, 2025, d("2025-12-31"), TODAY, host.supports));
    expect(host.syncCount).toBe(4);
    expect(r.sheet).toBe("年度统计 2025");
    expect({ ...annualJson(r.figures), file: out, sheet: r.sheet }).toEqual(byCli);
    expect(r.figures.listed.total).toBeGreaterThan(0);
    expect(hostCells(host, "年度统计 2025")).toEqual(await fileCells(out, "年度统计 2025"));

    const page = await annualReport(
      { file: "gx.xlsx", bytes: new Uint8Array(readFileSync(file)) },
      2025,
      d("2025-12-31"),
      TODAY,
    );
    expect(page.figures).toEqual(r.figures);
    const pageFile = path.join(dir, "gx-page.xlsx");
    writeFileSync(pageFile, page.bytes);
    expect(await fileCells(pageFile, "年度统计 2025")).toEqual(await fileCells(out, "年度统计 2025"));
  });

  it("writes 验收结果名单 in the pane and on the page as the CLI does", async () => {
    const out = path.join(dir, "gx-list.xlsx");
    const byCli = JSON.parse(
      await cli("acceptance-list", file, "--from", "2024-01-01", "--to", "2026-12-31", "-o", out, "--json"),
    );
    const r = await run(host, (ctx) =>
      writeAcceptanceList(ctx, d("2024-01-01"), d("2026-12-31"), TODAY, host.supports),
    );
    expect(r.sheet).toBe(byCli.sheet);
    expect(r.list.passed.map((e) => e.name)).toEqual(byCli.passed.map((e: { name: string }) => e.name));
    expect(r.list.passed.length).toBeGreaterThan(0);
    expect(hostCells(host, r.sheet)).toEqual(await fileCells(out, r.sheet));

    const page = await acceptanceList(
      { file: "gx.xlsx", bytes: new Uint8Array(readFileSync(file)) },
      d("2024-01-01"),
      d("2026-12-31"),
      TODAY,
    );
    expect(page.list).toEqual(r.list);
  });
});
