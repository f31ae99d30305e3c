// cpa todo: the worklist agrees with cpa status --json on generated registers, and writes its printable sheet.

import ExcelJS from "exceljs";
import fc from "fast-check";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatIsoDate, parseIsoDate, type DateSerial } from "../../src/core/dates";
import type { DemoData, DemoLogEntry, DemoRow } from "../../src/core/demo";
import { getProfile, type DeadlineCode, type ProfileId } from "../../src/core/profiles";
import { newRegisterWorkbook } from "../../src/xlsx/registerWorkbook";
import { runCli as run } from "./runCli";

jest.setTimeout(300_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-todo-"));
const AS_OF = parseIsoDate("2026-12-06")!;

interface Acts {
  published: number;
  disclosed: number | null;
  started: number | null;
  evaluated: number | null;
  evaluationScore: number | null;
  accepted: number | null;
  acceptanceScore: number | null;
  previousAccepted: number | null;
  contact: boolean;
  event: "none" | "suspended" | "resumed" | "revoked";
}

const offset = (lo: number, hi: number) => fc.option(fc.integer({ min: lo, max: hi }), { nil: null });
const actsArb: fc.Arbitrary<Acts> = fc.record({
  published: fc.integer({ min: -1100, max: 20 }),
  disclosed: offset(0, 60),
  started: offset(0, 120),
  evaluated: offset(100, 500),
  evaluationScore: offset(50, 99),
  accepted: offset(300, 900),
  acceptanceScore: offset(40, 99),
  previousAccepted: offset(-2100, -1500),
  contact: fc.boolean(),
  event: fc.constantFrom("none", "none", "none", "suspended", "resumed", "revoked"),
});

function data(profileId: ProfileId, acts: readonly Acts[]): DemoData {
  const profile = getProfile(profileId);
  const at = (p: number, d: number | null) => (d === null ? null : p + d);
  const rows = acts.map((a, i): DemoRow => {
    const p = AS_OF + a.published;
    return {
      seq: String(i + 1),
      name: `测试企业${i + 1}有限公司`,
      creditCode: `9131000013214${String(9000 + i)}X`,
      district: "",
      auditTypes: ["双有"],
      auditMethod: "完整程序",
      listYear: Math.floor(2026 + a.published / 365),
      publishedOn: p,
      receivedOn: null,
      disclosedOn: at(p, a.disclosed),
      startedOn: at(p, a.started),
      consultant: "",
      evaluatedOn: at(p, a.evaluated),
      evaluationScore: a.evaluated === null ? null : a.evaluationScore,
      evaluationResult: null,
      highCostDoneOn: null,
      acceptedOn: a.evaluated === null ? null : at(p, a.accepted),
      acceptanceScore: a.evaluated === null || a.accepted === null ? null : a.acceptanceScore,
      acceptanceResult: null,
      previousAcceptedOn: profileId === "guangxi" ? at(p, a.previousAccepted) : null,
      remarks: "",
      contact: a.contact ? `联系人${i + 1}` : "",
      phone: a.contact ? `021-6000${String(1000 + i)}` : "",
    };
  });
  const log = acts.flatMap((a, i): DemoLogEntry[] => {
    if (a.event === "none") return [];
    const r = rows[i]!;
    const from = Math.min(AS_OF, r.publishedOn! + 40);
    const revoke = a.event === "revoked";
    const change = profile.changeOptions.find((o) => o.kind.includes(revoke ? "closure" : "suspension"))!;
    return [
      {
        name: r.name,
        creditCode: r.creditCode,
        changedOn: from,
        changeLabel: change.label,
        detail: "主要产污工序停产",
        resultLabel: revoke ? "名单撤销" : "审核暂缓",
        evidence: "证明材料",
        resumedOn: a.event === "resumed" ? Math.min(AS_OF, from + 90) : null,
        remarks: "",
      },
    ];
  });
  return { rows, log };
}

interface StatusJson {
  row: number;
  stage: string;
  deadlines: Record<DeadlineCode, string | null>;
  overdue: DeadlineCode[];
}
interface TodoJson {
  asOf: string;
  within: number;
  items: {
    row: number;
    name: string;
    label: string;
    act: DeadlineCode;
    deadline: string;
    overdueDays: number | null;
    daysLeft: number | null;
    contact: string;
    phone: string;
    listYear: number | null;
  }[];
}

/** Whether the register records the act as done (and not failed) by the as-of date; 附表2 is never kept here. */
function met(row: DemoRow, code: DeadlineCode): boolean {
  const by = (d: DateSerial | null) => d !== null && d <= AS_OF;
  switch (code) {
    case "disclosure":
      return by(row.disclosedOn);
    case "start":
      return by(row.startedOn);
    case "evaluation":
      return by(row.evaluatedOn) && (row.evaluationScore === null || row.evaluationScore >= 70);
    case "acceptance":
      return by(row.acceptedOn) && (row.acceptanceScore === null || row.acceptanceScore >= 60);
    case "next_round":
      // After a passing acceptance the next round is due (none is in the register); else this round is the
      // next round of the previous acceptance, met by its start.
      return !met(row, "acceptance") && by(row.startedOn);
    default:
      return false;
  }
}

const QUIET = new Set(["suspended", "revoked", "terminated"]);

let n = 0;
it("lists an overdue line for every open overdue code and a due-soon line for every unmet deadline within N days, and nothing else", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom<ProfileId>("shanghai", "guangxi"),
      fc.array(actsArb, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 0, max: 120 }),
      async (profileId, acts, within) => {
        const file = path.join(dir, `gen-${n++}.xlsx`);
        const d = data(profileId, acts);
        await newRegisterWorkbook(profileId, "某区生态环境局", d).xlsx.writeFile(file);
        const asOf = formatIsoDate(AS_OF);
        const status = JSON.parse((await run("status", file, "--as-of", asOf, "--json")).out) as StatusJson[];
        const todo = await run("todo", file, "--as-of", asOf, "--within", String(within), "--json");
        expect(todo.code).toBe(0);
        const list = JSON.parse(todo.out) as TodoJson;
        expect(list.within).toBe(within);

        const expected: string[] = [];
        status.forEach((s, i) => {
          if (QUIET.has(s.stage)) return;
          const row = d.rows[i]!;
          for (const code of Object.keys(s.deadlines) as DeadlineCode[]) {
            const due = s.deadlines[code];
            if (due === null || met(row, code)) continue;
            const days = parseIsoDate(due)! - AS_OF;
            if (days < 0 && s.overdue.includes(code)) expected.push(`${s.row} ${code} ${due} 逾期${-days}`);
            if (days >= 0 && days <= within) expected.push(`${s.row} ${code} ${due} 剩余${days}`);
          }
        });
        const got = list.items.map(
          (i) =>
            `${i.row} ${i.act} ${i.deadline} ${i.overdueDays !== null ? `逾期${i.overdueDays}` : `剩余${i.daysLeft}`}`,
        );
        expect([...got].sort()).toEqual([...expected].sort());

        // Overdue first by days, then due soon by date.
        const keys = list.items.map((i) => (i.overdueDays !== null ? -1e6 - i.overdueDays : i.daysLeft!));
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
        for (const item of list.items) {
          const row = d.rows[item.row - 2]!;
          expect([item.contact, item.phone, item.listYear]).toEqual([row.contact, row.phone, row.listYear]);
          expect((item.overdueDays === null) !== (item.daysLeft === null)).toBe(true);
        }
      },
    ),
    { numRuns: 30 },
  );
});

it("says 无需督办 and writes no file when nothing is overdue or due soon", async () => {
  const file = path.join(dir, "quiet.xlsx");
  const acts: Acts = {
    published: -20,
    disclosed: 5,
    started: 10,
    evaluated: null,
    evaluationScore: null,
    accepted: null,
    acceptanceScore: null,
    previousAccepted: null,
    contact: false,
    event: "none",
  };
  await newRegisterWorkbook("shanghai", "某区生态环境局", data("shanghai", [acts])).xlsx.writeFile(file);
  const out = path.join(dir, "quiet-todo.xlsx");
  const r = await run("todo", file, "--as-of", "2026-12-06", "-o", out);
  expect(r.code).toBe(0);
  expect(r.out).toContain("无需督办");
  expect(existsSync(out)).toBe(false);
  const j = await run("todo", file, "--as-of", "2026-12-06", "--json", "-o", out);
  expect(JSON.parse(j.out).items).toEqual([]);
  expect(existsSync(out)).toBe(false);
});

it("takes 督办提前天数 from 强审设置 and refuses a --within that is not a number of days", async () => {
  const file = path.join(dir, "days.xlsx");
  await run("demo", "-o", file, "--seed", "3");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("强审设置")!;
  ws.eachRow((r) => {
    if (r.getCell(1).value === "督办提前天数") r.getCell(2).value = "7";
  });
  await wb.xlsx.writeFile(file);
  expect(JSON.parse((await run("todo", file, "--json")).out).within).toBe(7);
  const bad = await run("todo", file, "--within", "三十");
  expect(bad.code).toBe(2);
  expect(bad.err).toContain("--within 应为 0 到 3660 之间的整数天数");
});

it("writes 督办清单 YYYY-MM-DD as an A4 landscape sheet with print titles, the district and the date", async () => {
  const file = path.join(dir, "sheet.xlsx");
  await run("demo", "-o", file, "--district", "浦东新区生态环境局");
  const out = path.join(dir, "sheet-todo.xlsx");
  const r = await run("todo", file, "--as-of", "2026-12-06", "-o", out);
  expect(r.code).toBe(0);
  const list = JSON.parse((await run("todo", file, "--as-of", "2026-12-06", "--json")).out) as TodoJson;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("督办清单 2026-12-06")!;
  expect(ws).toBeDefined();
  expect(ws.pageSetup.orientation).toBe("landscape");
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.printTitlesRow).toBe("3:3");
  expect(String(ws.getCell("A2").value)).toContain("浦东新区生态环境局");
  expect(String(ws.getCell("A2").value)).toContain("2026年12月6日");
  expect(ws.getCell("J3").value).toBe("依据");
  expect(ws.rowCount).toBe(3 + list.items.length);
  expect(list.items.length).toBeGreaterThan(0);
  expect(ws.getCell("B4").value).toBe(list.items[0]!.name);
  expect(ws.getCell("E4").value).toBe(list.items[0]!.label);
  // The input keeps its sheets as they were.
  const input = new ExcelJS.Workbook();
  await input.xlsx.readFile(file);
  expect(input.getWorksheet("督办清单 2026-12-06")).toBeUndefined();
});
