import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openExcelJs } from "../helpers/excelJsReference";
import { runCli } from "../cli/runCli";
import { createApplication, diffDumps, dumpWorkbook } from ".";
import { comErrorCode, ErrorValue } from "./evaluate";
import { dumpFile, openWorkbook } from "./load";
import { serialOfDate } from "./rules";

const NAME_ERROR = comErrorCode(new ErrorValue("#NAME?"));
const ENTERPRISE = "上海临港博源电子材料实业有限公司";

let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "wpshost-"));
  const at = (name: string) => (files[name] = path.join(dir, `${name}.xlsx`));
  const runs = [
    ["demo", "-o", at("demo"), "--seed", "1"],
    ["status", files.demo!, "-o", at("status"), "--as-of", "2026-10-01"],
    [
      "scoresheet",
      files.demo!,
      "--kind",
      "evaluation",
      "--enterprise",
      ENTERPRISE,
      "--experts",
      "3",
      "-o",
      at("score"),
    ],
    ["archive", files.demo!, "--enterprise", ENTERPRISE, "-o", at("archive")],
    ["performance", files.demo!, "--enterprise", ENTERPRISE, "-o", at("performance")],
    ["quarterly", files.demo!, "--quarter", "2026Q3", "-o", at("quarterly")],
  ];
  for (const argv of runs) {
    const r = await runCli(...argv);
    if (r.code > 1) throw new Error(`cpa ${argv[0]}: ${r.out}${r.err}`);
  }
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const open = async (name: string) => {
  const app = createApplication({ today: 46_296 });
  const book = await openWorkbook(app, new Uint8Array(await readFile(files[name]!)));
  return { app, book };
};

describe("a workbook cpa wrote, opened in the in-memory WPS 表格", () => {
  it("gives every constant cell the value ExcelJS reads from the file, dates as serials", async () => {
    const { book } = await open("status");
    const reference = await openExcelJs(files.status!);
    const dump = dumpWorkbook(book);
    let compared = 0;
    for (const ws of reference.worksheets) {
      const sheet = dump.find((s) => s.name === ws.name)!;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.isMerged && cell.master !== cell) return;
          const v = cell.value;
          if (v === null || (typeof v === "object" && !(v instanceof Date))) return;
          const expected = v instanceof Date ? serialOfDate(v) : v;
          expect([ws.name, cell.address, sheet.cells[cell.address]?.value]).toEqual([
            ws.name,
            cell.address,
            expected,
          ]);
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThan(200);
  });

  it("keeps the sheets' number formats and merges", async () => {
    const { book } = await open("quarterly");
    const dump = dumpWorkbook(book);
    const reference = await openExcelJs(files.quarterly!);
    for (const ws of reference.worksheets) {
      const sheet = dump.find((s) => s.name === ws.name)!;
      const merges = Object.values(
        (ws as unknown as { _merges: Record<string, { range: string }> })._merges,
      ).map((m) => m.range);
      expect(sheet.merges.sort()).toEqual(merges.sort());
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.isMerged && cell.master !== cell) return;
          if (cell.numFmt && cell.value !== null)
            expect(sheet.cells[cell.address]?.numberFormat).toBe(cell.numFmt);
        }),
      );
    }
    expect(dump.some((s) => s.merges.length > 0)).toBe(true);
  });

  it.each(["status", "score", "archive", "performance", "quarterly"])(
    "computes every formula of the %s workbook with functions the engine knows",
    async (name) => {
      const { book } = await open(name);
      const dump = dumpWorkbook(book);
      const formulas = dump.flatMap((s) =>
        Object.entries(s.cells)
          .filter(([, c]) => c.formula !== undefined)
          .map(([at, c]) => ({ at: `${s.name}!${at}`, formula: c.formula, value: c.value })),
      );
      expect(formulas.filter((f) => f.value === NAME_ERROR)).toEqual([]);
      if (name === "score" || name === "performance") expect(formulas.length).toBeGreaterThan(0);
    },
  );

  it("compares the host's end state with a file cell by cell, formulas however they are spelled", async () => {
    const { book } = await open("performance");
    const file = await dumpFile(new Uint8Array(await readFile(files.performance!)));
    expect(diffDumps(file, dumpWorkbook(book), { numberFormats: true })).toEqual([]);
    const sheet = file.find((s) => Object.values(s.cells).some((c) => c.formula))!;
    const [at, cell] = Object.entries(sheet.cells).find(([, c]) => c.formula)!;
    const ws = book.Worksheets.Item(sheet.name);
    const name = ws.Name;
    expect(ws.ProtectContents).toBe(true);
    ws.Unprotect();
    ws.Range(at).Formula = `= ${cell.formula!.slice(1)}`;
    expect(ws.Range(at).Formula).not.toBe(cell.formula);
    ws.Range("Z99").Value2 = "多出";
    expect(diffDumps(file, dumpWorkbook(book))).toEqual([`${name}!Z99: value (empty) ≠ "多出"`]);
    expect(diffDumps(file, dumpWorkbook(book), { sheets: ["无此表"] })).toEqual(["无此表: sheet missing"]);
  });

  it("makes the opened workbook active with its first visible sheet", async () => {
    const { app, book } = await open("demo");
    expect(app.ActiveWorkbook).toBe(book);
    expect(app.ActiveSheet!.Index).toBe(1);
    expect(book.Worksheets.Count).toBeGreaterThan(1);
  });
});
