import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  PERFORMANCE_CATEGORIES,
  performanceCells,
  performanceTotal,
  readPerformanceForm,
  type PerformanceFigures,
} from "../../src/core/performance";
import { performanceLayout } from "../../src/forms/performanceForm";
import { readGrid } from "../helpers/excelJsReference";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { recalculate } from "../helpers/libreoffice";

jest.setTimeout(120_000);

const indicators = PERFORMANCE_CATEGORIES[0]!.lines.filter((l) => "period" in l).length;

/** Random figures: some blank, some decimal, as enterprises fill them. */
const figures = fc.record({
  count: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  investment: fc.option(
    fc.double({ min: 0, max: 5000, noNaN: true }).map((x) => Math.abs(Math.round(x * 100) / 100)),
    { nil: null },
  ),
  periodBenefit: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
  annualBenefit: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
  period: fc.array(
    fc.option(
      fc.double({ min: 0, max: 1e4, noNaN: true }).map((x) => Math.abs(Math.round(x * 1000) / 1000)),
      { nil: null },
    ),
    { minLength: indicators, maxLength: indicators },
  ),
  annual: fc.array(fc.option(fc.integer({ min: 0, max: 1e5 }), { nil: null }), {
    minLength: indicators,
    maxLength: indicators,
  }),
});

describe("附件6 绩效表 recalculated by LibreOffice", () => {
  it("sums 无低费 + 中高费 into 本轮全部 exactly as the core does, on several random workbooks", async () => {
    const samples = fc.sample(fc.tuple(figures, figures), { numRuns: 6, seed: 20261124 });
    const dir = mkdtempSync(path.join(tmpdir(), "perf-"));
    const files: string[] = [];
    for (const [i, [low, high]] of samples.entries()) {
      const wb = new ExcelJS.Workbook();
      const ws = writeLayout(wb, performanceLayout("上海甲化工有限公司"));
      [low, high].forEach((f: PerformanceFigures, k) => {
        const c = performanceCells(k);
        [f.count, f.investment, f.periodBenefit, f.annualBenefit].forEach(
          (v, j) => (ws.getCell(c.figures[j]!).value = v),
        );
        f.period.forEach((v, j) => (ws.getCell(c.period[j]!).value = v));
        f.annual.forEach((v, j) => (ws.getCell(c.annual[j]!).value = v));
      });
      const file = path.join(dir, `perf-${i}.xlsx`);
      await wb.xlsx.writeFile(file);
      files.push(file);
    }
    const out = recalculate(files);
    for (const [i, [low, high]] of samples.entries()) {
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(out[i]!);
      const { figures: read, issues } = readPerformanceForm(readGrid(back.worksheets[0]!))!;
      expect(issues).toEqual([]);
      expect(read[0]).toEqual(low);
      expect(read[1]).toEqual(high);
      const core = performanceTotal(low, high);
      const lo = read[2]!;
      const close = (a: number | null, b: number | null) =>
        a === null || b === null ? expect(a).toBe(b) : expect(a).toBeCloseTo(b, 9);
      close(lo.count, core.count);
      close(lo.investment, core.investment);
      close(lo.periodBenefit, core.periodBenefit);
      close(lo.annualBenefit, core.annualBenefit);
      lo.period.forEach((v, j) => close(v, core.period[j]!));
      lo.annual.forEach((v, j) => close(v, core.annual[j]!));
    }
  });
});
