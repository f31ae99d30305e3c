// cpa calendar: the .ics parses with an independent iCalendar library, its UIDs are stable across runs, and a
// name with markup or control characters stays one readable event.

import ExcelJS from "exceljs";
import ICAL from "ical.js";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REGISTER_SHEET } from "../../src/core/register";
import { foldLine, icsText } from "../../src/forms/calendar";
import { runCli as run } from "./runCli";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-ics-"));

function events(file: string) {
  const text = readFileSync(file, "utf8");
  const component = new ICAL.Component(ICAL.parse(text));
  return {
    text,
    calendar: component,
    events: component.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)),
  };
}

async function demo(name: string, ...extra: string[]): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  const r = await run("demo", "-o", file, "--district", "浦东新区生态环境局", ...extra);
  expect(r.code).toBe(0);
  return file;
}

it("writes every open deadline as an all-day event with a reminder, the bureau's own deadlines included", async () => {
  const file = await demo("open");
  const ics = path.join(dir, "open.ics");
  const r = await run("calendar", file, "--as-of", "2026-12-06", "--remind", "10", "-o", ics);
  expect(r.code).toBe(0);
  const { text, events: evs } = events(ics);
  const status = JSON.parse((await run("status", file, "--as-of", "2026-12-06", "--json")).out) as {
    name: string;
    stage: string;
    deadlines: Record<string, string | null>;
  }[];
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(text.split("\r\n").every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
  const summaries = evs.map((e) => e.summary);
  // Every event of an enterprise is one of its deadlines as status shows it, on that day.
  for (const e of evs.filter((x) => !x.summary.startsWith("浦东新区生态环境局"))) {
    const [name, label] = e.summary.split(" · ");
    const s = status.find((x) => x.name === name)!;
    expect(s).toBeDefined();
    expect(Object.values(s.deadlines)).toContain(e.startDate.toString());
    expect(e.startDate.isDate).toBe(true);
    expect(label).toMatch(/^(信息公开|审核启动|审核评估|审核验收|报告修改|档案归档|下一轮审核)$/);
  }
  expect(summaries.some((s) => /^浦东新区生态环境局 · (季度报送|年度总结)/.test(s))).toBe(true);
  const alarm = evs[0]!.component.getFirstSubcomponent("valarm")!;
  expect(alarm.getFirstPropertyValue("action")).toBe("DISPLAY");
  expect(alarm.getFirstPropertyValue("trigger")!.toString()).toBe("-P10D");
  expect(text).toContain("DTSTART;VALUE=DATE:");
});

it("gives the same UIDs on every run, so a newer file updates the events it already holds", async () => {
  const file = await demo("stable");
  const a = path.join(dir, "a.ics");
  const b = path.join(dir, "b.ics");
  await run("calendar", file, "--as-of", "2026-12-06", "-o", a);
  await run("calendar", file, "--as-of", "2026-12-20", "-o", b);
  const uidsA = events(a).events.map((e) => e.uid);
  const uidsB = new Set(events(b).events.map((e) => e.uid));
  expect(new Set(uidsA).size).toBe(uidsA.length);
  // Acts still open two weeks later keep their UID.
  const still = events(b).events.filter((e) => e.startDate.toString() > "2026-12-20");
  for (const e of still) if (uidsA.includes(e.uid)) expect(uidsB.has(e.uid)).toBe(true);
  expect(uidsA.filter((u) => uidsB.has(u)).length).toBeGreaterThan(0);
  await run("calendar", file, "--as-of", "2026-12-06", "-o", b, "--force");
  expect(readFileSync(b, "utf8")).toBe(readFileSync(a, "utf8"));
});

it("keeps a name with markup, separators and control characters as one event whose text reads back", async () => {
  const file = await demo("markup");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(REGISTER_SHEET)!;
  const nameCol = (ws.getRow(1).values as unknown[]).indexOf("企业名称");
  const odd = '<b>甲&乙</b>;逗号,反斜杠\\ "引号"\u001b[31m\r\nEND:VCALENDAR';
  ws.getRow(2).getCell(nameCol).value = odd;
  await wb.xlsx.writeFile(file);
  const ics = path.join(dir, "markup.ics");
  expect((await run("calendar", file, "--as-of", "2026-12-06", "-o", ics)).code).toBe(0);
  const { text, events: evs } = events(ics);
  expect(text.match(/^END:VCALENDAR/gm)).toHaveLength(1);
  expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  const mine = evs.filter((e) => e.summary.startsWith("<b>甲&乙</b>"));
  expect(mine.length).toBeGreaterThan(0);
  // The workbook itself cannot keep the escape character; everything else reads back as typed.
  expect(mine[0]!.summary).toMatch(/^<b>甲&乙<\/b>;逗号,反斜杠\\ "引号"(\\u001b)?\[31m\nEND:VCALENDAR · /);
});

it("writes no file when no deadline is open, and refuses an output that is not .ics", async () => {
  const file = path.join(dir, "empty.xlsx");
  await run("init", file, "--profile", "guangxi", "--district", "南宁市生态环境局");
  const ics = path.join(dir, "empty.ics");
  const r = await run("calendar", file, "-o", ics);
  expect(r.code).toBe(0);
  expect(r.out).toContain("无需督办");
  expect(existsSync(ics)).toBe(false);
  const bad = await run("calendar", file, "-o", path.join(dir, "x.xlsx"));
  expect(bad.code).toBe(2);
  expect(bad.err).toContain("输出文件应为 .ics 日历文件");
});

describe("iCalendar text", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(icsText("a\\b;c,d\r\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("shows a control character the format forbids as \\u001b", () => {
    const text = icsText("甲\u001b[31m\u0000乙");
    expect(text).toBe("甲\\\\u001b[31m\\\\u0000乙");
    const parsed = new ICAL.Component(
      ICAL.parse(`BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:${text}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`),
    );
    expect(parsed.getFirstSubcomponent("vevent")!.getFirstPropertyValue("summary")).toBe(
      "甲\\u001b[31m\\u0000乙",
    );
  });

  it("folds at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"强".repeat(60)}`;
    const folded = foldLine(line).split("\r\n ");
    expect(folded.join("")).toBe(line);
    for (const part of folded) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });
});
