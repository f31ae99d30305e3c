// SPEC 7: workbooks that come back from other programs. Our own register (with experts' scoring sheets) is
// re-saved by LibreOffice and by Python's openpyxl, and a copy gets a chart and a picture (openpyxl, then
// LibreOffice again); every command that writes runs on each as on the original, gives the same results,
// and keeps every part it does not change byte for byte. Registers a district or another program changed
// (the 1904 date system, a totals row, a note under the table, a stray value in the last row, a sheet of the
// user's own named like a form) go through every writing command the same way.

import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { convert } from "../helpers/libreoffice";
import { withCheckChar } from "../../src/core/creditCode";
import { readWorkbook } from "../../src/xlsx/parse";
import { parseXlsx } from "../helpers/excelJsReference";
import { craftWorkbook } from "../helpers/craft";
import {
  openpyxlResave,
  registerVariant,
  withChartAndPicture,
  type RegisterVariant,
} from "../helpers/openpyxl";
import { partsOf, sameBytes, sheetPartsOf } from "../helpers/parts";
import { runCli as run } from "./runCli";

jest.setTimeout(600_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-real-"));
const file = (name: string) => path.join(dir, name);
const AS_OF = "2026-11-24";
const REGISTER = "企业名单台账";
const LOG = "名单调整记录";

interface Writer {
  name: string;
  argv: (input: string, output: string) => string[];
  inPlace?: boolean;
  /** Sheets whose part the command may change (besides the workbook, its relationships, content types and styles). */
  edits: string[];
}

let enterprise = "";
let scored = "";
/** Every output the writing commands made. */
const written: string[] = [];

const WRITERS: Writer[] = [
  { name: "status -o", argv: (i, o) => ["status", i, "--as-of", AS_OF, "-o", o], edits: [REGISTER] },
  {
    name: "status --in-place",
    argv: (i) => ["status", i, "--as-of", AS_OF, "--in-place"],
    inPlace: true,
    edits: [REGISTER],
  },
  {
    name: "quarterly",
    argv: (i, o) => ["quarterly", i, "--quarter", "2026Q3", "-o", o, "--json"],
    edits: [],
  },
  {
    name: "scoresheet",
    argv: (i, o) => [
      "scoresheet",
      i,
      "--kind",
      "acceptance",
      "--enterprise",
      enterprise,
      "--experts",
      "3",
      "-o",
      o,
    ],
    edits: [],
  },
  { name: "score --write-back", argv: (i, o) => ["score", i, "--write-back", "-o", o], edits: [REGISTER] },
  {
    name: "archive",
    argv: (i, o) => ["archive", i, "--enterprise", enterprise, "-o", o, "--json"],
    edits: [],
  },
  { name: "performance", argv: (i, o) => ["performance", i, "--enterprise", enterprise, "-o", o], edits: [] },
  { name: "rubric", argv: (i, o) => ["rubric", i, "-o", o], edits: [] },
  { name: "form", argv: (i, o) => ["form", "consultant", i, "--enterprise", enterprise, "-o", o], edits: [] },
  {
    name: "submit",
    argv: (i, o) => [
      "submit",
      i,
      "--quarter",
      "2026Q3",
      "--preparer",
      "张三",
      "-o",
      o,
      "--at",
      "2026-10-09T10:00+08:00",
    ],
    edits: [REGISTER, LOG, "附表3 2026Q3", "附表4 2026Q3"],
  },
];

/** Parts a writer may change: the workbook's own, and the sheets it writes into. */
function changeable(input: string, w: Writer): Set<string> {
  const { workbook, sheets } = sheetPartsOf(input);
  const folder = workbook.slice(0, workbook.lastIndexOf("/") + 1);
  return new Set([
    "[Content_Types].xml",
    workbook,
    `${folder}_rels/${workbook.slice(folder.length)}.rels`,
    ...[...partsOf(input).keys()].filter((p) => /styles\.xml$|calcChain\.xml$/.test(p)),
    ...w.edits.map((s) => sheets.get(s)!).filter(Boolean),
  ]);
}

/** A cell's text; LibreOffice writes Chinese beside Latin letters as rich text in runs of fonts. */
const plain = (v: ExcelJS.CellValue) =>
  v !== null && typeof v === "object" && "richText" in v ? v.richText.map((r) => r.text).join("") : v;

/** What a command's output says, to compare across the copies of one workbook. */
async function outcome(output: string): Promise<unknown> {
  const status = JSON.parse((await run("status", output, "--as-of", AS_OF, "--json")).out) as unknown[];
  const validate = JSON.parse((await run("validate", output, "--as-of", AS_OF, "--json")).out) as {
    errors: number;
  };
  const score = JSON.parse((await run("score", output, "--json")).out) as unknown;
  const verify = JSON.parse((await run("verify", output, "--json")).out) as { files: { state: string }[] };
  return { status, errors: validate.errors, score, stamp: verify.files[0]!.state };
}

beforeAll(async () => {
  const demo = file("demo.xlsx");
  expect((await run("demo", "-o", demo, "--seed", "5")).code).toBe(0);
  const rows = JSON.parse((await run("status", demo, "--json")).out) as { name: string; stage: string }[];
  enterprise = rows.find((r) => r.stage === "evaluated")!.name;
  // Three experts score the evaluation of one enterprise, so that `score --write-back` has a result to write.
  scored = file("ours.xlsx");
  const made = JSON.parse(
    (
      await run(
        "scoresheet",
        demo,
        "--kind",
        "evaluation",
        "--enterprise",
        rows.find((r) => r.stage === "auditing")!.name,
        "--experts",
        "3",
        "-o",
        scored,
        "--json",
      )
    ).out,
  ) as { sheets: string[] };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(scored);
  for (const name of made.sheets.slice(0, 3))
    wb.getWorksheet(name)!.eachRow((row) => {
      const max = row.getCell(4).value;
      if (typeof max === "number" && row.getCell(5).value === null && row.getCell(3).value)
        row.getCell(5).value = max;
    });
  await wb.xlsx.writeFile(scored);
});

describe("workbooks saved by other programs", () => {
  const sources: Record<string, string> = {};

  beforeAll(() => {
    sources.ours = scored;
    sources.libreoffice = convert([scored], "xlsx")[0]!;
    sources.openpyxl = file("openpyxl.xlsx");
    openpyxlResave(scored, sources.openpyxl);
    sources.chart = file("chart.xlsx");
    withChartAndPicture(scored, sources.chart, REGISTER);
    sources.chartLibreoffice = convert([sources.chart], "xlsx")[0]!;
  });

  it("are read as our own: the same status, issues and scores", async () => {
    const ours = await outcome(sources.ours!);
    for (const name of ["libreoffice", "openpyxl", "chart", "chartLibreoffice"])
      expect([name, await outcome(sources[name]!)]).toEqual([name, ours]);
  });

  it.each(WRITERS.map((w) => [w.name, w] as const))(
    "%s writes each of them as it writes ours, keeping every part it does not change",
    async (_name, w) => {
      const results: Record<string, unknown> = {};
      for (const [name, source] of Object.entries(sources)) {
        const input = file(`${name}-${w.name.replace(/\W+/g, "_")}-in.xlsx`);
        copyFileSync(source, input);
        const output = w.inPlace ? input : file(`${name}-${w.name.replace(/\W+/g, "_")}-out.xlsx`);
        const r = await run(...w.argv(input, output));
        expect([name, r.code, r.err]).toEqual([name, 0, expect.any(String)]);
        const before = partsOf(source);
        const after = partsOf(output);
        const may = changeable(source, w);
        const lost = [...before.keys()].filter((p) => !may.has(p) && !sameBytes(before.get(p), after.get(p)));
        expect([name, lost]).toEqual([name, []]);
        results[name] = await outcome(output);
        written.push(output);
      }
      for (const name of Object.keys(sources)) expect([name, results[name]]).toEqual([name, results.ours]);
    },
  );

  it("give outputs LibreOffice opens, and reads the status columns of as we wrote them", async () => {
    expect(written).toHaveLength(WRITERS.length * Object.keys(sources).length);
    const converted = convert(written, "xlsx");
    for (const c of converted) expect(existsSync(c)).toBe(true);
    for (const name of Object.keys(sources)) {
      const ours = written.indexOf(file(`${name}-status_o-out.xlsx`));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(converted[ours]!);
      const ws = wb.getWorksheet(REGISTER)!;
      const header = (ws.getRow(1).values as unknown[]).map(String);
      const status = JSON.parse((await run("status", written[ours]!, "--as-of", AS_OF, "--json")).out) as {
        row: number;
        stage: string;
        deadlines: Record<string, string | null>;
      }[];
      const labels = { listed: "已列入", auditing: "审核中", evaluated: "已评估·方案实施中" } as Record<
        string,
        string
      >;
      for (const s of status.filter((x) => labels[x.stage])) {
        expect([name, s.row, plain(ws.getCell(s.row, header.indexOf("当前阶段")).value)]).toEqual([
          name,
          s.row,
          labels[s.stage],
        ]);
      }
      const deadlines = status.map((s) => ws.getCell(s.row, header.indexOf("下一期限")).value);
      expect(deadlines.every((d) => d === null || d instanceof Date)).toBe(true);
      expect(deadlines.some((d) => d instanceof Date)).toBe(true);
    }
  });

  it("keep their chart and picture, byte for byte, through every writing command", () => {
    for (const source of [sources.chart!, sources.chartLibreoffice!]) {
      const kept = [...partsOf(source).keys()].filter((p) => /chart|drawing|media/.test(p));
      expect(kept).toEqual(expect.arrayContaining([expect.stringMatching(/charts\/chart\d+\.xml$/)]));
      expect(kept).toEqual(expect.arrayContaining([expect.stringMatching(/media\/image\d+\.png$/)]));
      for (const w of WRITERS) {
        const name = Object.keys(sources).find((n) => sources[n] === source)!;
        const output = file(`${name}-${w.name.replace(/\W+/g, "_")}-${w.inPlace ? "in" : "out"}.xlsx`);
        const after = partsOf(output);
        for (const p of kept)
          expect([w.name, p, sameBytes(partsOf(source).get(p), after.get(p))]).toEqual([w.name, p, true]);
      }
    }
  });
});

describe("a change that would lose something", () => {
  it("is refused in place, naming it and pointing to -o, and left out of another file with a notice", async () => {
    const forms = file("forms.xlsx");
    expect((await run("quarterly", scored, "--quarter", "2026Q3", "-o", forms)).code).toBe(0);
    const pictured = file("forms-pictured.xlsx");
    withChartAndPicture(forms, pictured, "附表3 2026Q3");
    const before = readFileSync(pictured);
    const refused = await run("quarterly", pictured, "--quarter", "2026Q3", "--in-place", "--replace");
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/附表3 2026Q3.*xl\/drawings\/drawing\d+\.xml.*-o/);
    expect(Buffer.compare(readFileSync(pictured), before)).toBe(0);
    // Without --replace the new forms are added beside it, and the picture stays.
    const beside = await run("quarterly", pictured, "--quarter", "2026Q3", "--in-place", "--json");
    expect(JSON.parse(beside.out).sheets).toEqual(["附表3 2026Q3 (2)", "附表4 2026Q3 (2)"]);
    expect([...partsOf(pictured).keys()].some((p) => /drawings\/drawing\d+\.xml$/.test(p))).toBe(true);
    // Into another file, --replace leaves the picture out and says so; the original keeps it.
    const out = file("forms-replaced.xlsx");
    const replaced = await run("quarterly", pictured, "--quarter", "2026Q3", "--replace", "-o", out);
    expect(replaced.code).toBe(0);
    expect(replaced.err).toMatch(/注意：.*xl\/drawings\/drawing\d+\.xml.*没有写入/);
    expect([...partsOf(out).keys()].some((p) => /drawings|charts|media/.test(p))).toBe(false);
    expect((await run("status", out, "--json")).code).toBe(0);
  });
});

describe("registers a district or another program changed", () => {
  const VARIANTS: RegisterVariant[] = ["1904", "totals", "note", "stray", "named"];
  const variants = {} as Record<RegisterVariant, string>;
  let plain = "";
  let list = "";
  const IMPORT: Writer = {
    name: "import",
    argv: (i, o) => ["import", list, "--into", i, "-o", o],
    edits: [REGISTER],
  };
  const REPLACE: Writer = {
    name: "quarterly --replace --in-place",
    argv: (i) => ["quarterly", i, "--quarter", "2026Q3", "--replace", "--in-place"],
    inPlace: true,
    edits: [],
  };
  /** Outputs by writer and by variant ("plain" for the register as openpyxl saves it unchanged). */
  const outputs: Record<string, Record<string, string>> = {};

  beforeAll(() => {
    plain = file("variant-plain.xlsx");
    openpyxlResave(scored, plain);
    for (const v of VARIANTS) {
      variants[v] = file(`variant-${v}.xlsx`);
      registerVariant(scored, variants[v], v, REGISTER);
    }
    // A published list with one new enterprise, published 2027-03-20 (serial 46466).
    list = file("variant-list.xlsx");
    writeFileSync(
      list,
      craftWorkbook([
        {
          name: "名单",
          rows: [
            ["序号", "企业名称", "统一社会信用代码", "所属区", "名单公布时间"],
            [1, "上海新列入测试化工有限公司", withCheckChar("91310115MA1K2Q7X0"), "浦东新区", 46466],
          ],
        },
      ]),
    );
  });

  async function write(w: Writer, source: string, tag: string) {
    const input = file(`variant-${tag}-${w.name.replace(/\W+/g, "_")}-in.xlsx`);
    copyFileSync(source, input);
    const output = w.inPlace ? input : file(`variant-${tag}-${w.name.replace(/\W+/g, "_")}-out.xlsx`);
    const r = await run(...w.argv(input, output));
    (outputs[w.name] ??= {})[tag] = output;
    return { r, input, output };
  }

  const grid = async (output: string, sheet: string) =>
    (await readWorkbook(readFileSync(output), output)).sheet(sheet);
  const worksheet = async (output: string, sheet: string) =>
    (await parseXlsx(readFileSync(output))).getWorksheet(sheet)!;

  it("are read as the register they hold: the same enterprises, dates, issues and scores", async () => {
    const want = await outcome(plain);
    for (const v of VARIANTS) expect([v, await outcome(variants[v])]).toEqual([v, want]);
  });

  it.each([...WRITERS, IMPORT, REPLACE].map((w) => [w.name, w] as const))(
    "%s writes each as it writes the register unchanged, or refuses saying why",
    async (_name, w) => {
      const base = await write(w, plain, "plain");
      expect([base.r.code, base.r.err]).toEqual([0, expect.any(String)]);
      const want = await outcome(base.output);
      for (const v of VARIANTS) {
        const { r, input, output } = await write(w, variants[v], v);
        if (w.name === "submit" && v === "named") {
          // Somebody's own sheet under the form's name stops the stamp, naming it.
          expect([v, r.code, `${r.out}${r.err}`]).toEqual([
            v,
            1,
            expect.stringMatching(/附表3 2026Q3.*改名/),
          ]);
          expect(Buffer.compare(readFileSync(input), readFileSync(variants[v]))).toBe(0);
          continue;
        }
        expect([v, r.code, r.err]).toEqual([v, 0, expect.any(String)]);
        expect([v, await outcome(output)]).toEqual([v, want]);
      }
    },
  );

  it("writes dates in the workbook's own date system: 下一期限, the forms, the stamp and imported dates", async () => {
    const sheets: Record<string, string[]> = {
      "status -o": [REGISTER],
      "status --in-place": [REGISTER],
      quarterly: ["附表3 2026Q3", "附表4 2026Q3"],
      import: [REGISTER],
      submit: [REGISTER, "附表3 2026Q3", "附表4 2026Q3"],
    };
    for (const [name, names] of Object.entries(sheets))
      for (const sheet of names) {
        const want = await grid(outputs[name]!.plain!, sheet);
        const got = await grid(outputs[name]!["1904"]!, sheet);
        expect([name, sheet, got?.rows]).toEqual([name, sheet, want?.rows]);
      }
    const ws = await worksheet(outputs["status -o"]!["1904"]!, REGISTER);
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const deadlines = [...Array(ws.rowCount).keys()].map(
      (r) => ws.getCell(r + 1, header.indexOf("下一期限")).value,
    );
    expect(deadlines.filter((d) => d instanceof Date).length).toBeGreaterThan(10);
    const added = (await worksheet(outputs.import!["1904"]!, REGISTER)).getCell(
      42,
      header.indexOf("名单公布时间"),
    );
    expect(added.value).toEqual(new Date(Date.UTC(2027, 2, 20)));
  });

  it("import moves the note under the table down, under the new rows", async () => {
    const ws = await worksheet(outputs[IMPORT.name]!.note!, REGISTER);
    const note = "注：本表由区生态环境局按季度更新。";
    const rows = [...Array(ws.rowCount).keys()].map((r) => ws.getRow(r + 1).getCell(1).value);
    expect(rows.filter((v) => v === note)).toHaveLength(1);
    expect(rows.indexOf(note) + 1).toBeGreaterThan(42);
    expect(ws.getRow(42).getCell(1).value).not.toBe(note);
  });

  it("leave the totals row and the notes under the table as they were", async () => {
    for (const [v, first] of [
      ["totals", "合计"],
      ["note", "注：本表由区生态环境局按季度更新。"],
    ] as const)
      for (const w of ["status -o", "status --in-place"]) {
        const ws = await worksheet(outputs[w]![v]!, REGISTER);
        const row = ws.getRow(42);
        expect([v, w, row.getCell(1).value]).toEqual([v, w, first]);
        expect([v, w, [22, 23, 24, 25].map((c) => row.getCell(c).value)]).toEqual([
          v,
          w,
          [null, null, null, null],
        ]);
      }
  });

  it("keep the user's own sheet named like a form, adding the form beside it", async () => {
    for (const w of ["quarterly", "quarterly --replace --in-place"]) {
      const ws = await worksheet(outputs[w]!.named!, "附表3 2026Q3");
      expect([w, ws.getCell("A1").value, ws.getCell("B2").value]).toEqual([w, "我自己的统计", 42]);
      expect(await grid(outputs[w]!.named!, "附表3 2026Q3 (2)")).toBeDefined();
    }
  });
});
