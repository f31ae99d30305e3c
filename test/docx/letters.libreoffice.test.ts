// cpa letter: LibreOffice opens the .docx and prints one page per letter, each with its enterprise's name and
// dates. The pictures of a notice and a reminder in docs/ are made by `UPDATE_DOCS=1 npx jest test/docx`.

import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REGISTER_SHEET } from "../../src/core/register";
import { SETTINGS_SHEET } from "../../src/core/settings";
import { convert } from "../helpers/libreoffice";
import { runCli as run } from "../cli/runCli";

jest.setTimeout(300_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-letter-"));
const AS_OF = "2026-12-06";

const pages = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
const pageText = (pdf: string, n: number) =>
  execFileSync("pdftotext", ["-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" }).replace(
    /\s+/g,
    "",
  );
const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

interface Item {
  row: number;
  name: string;
  deadline: string;
  label: string;
}

let demo: string;
beforeAll(async () => {
  demo = path.join(dir, "demo.xlsx");
  await run("demo", "-o", demo, "--district", "浦东新区生态环境局", "--seed", "2");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(demo);
  wb.getWorksheet(SETTINGS_SHEET)!.eachRow((r) => {
    if (r.getCell(1).value === "填报人") r.getCell(2).value = "张三";
    if (r.getCell(1).value === "联系电话") r.getCell(2).value = "021-58880000";
  });
  await wb.xlsx.writeFile(demo);
});

it("prints one reminder per page for every enterprise of the worklist, each with its name, acts and dates", async () => {
  const docx = path.join(dir, "reminders.docx");
  const r = await run("letter", "reminder", demo, "--all", "--as-of", AS_OF, "-o", docx, "--json");
  expect(r.code).toBe(0);
  const { count: letters, enterprises } = JSON.parse(r.out) as { count: number; enterprises: string[] };
  const items = (JSON.parse((await run("todo", demo, "--as-of", AS_OF, "--json")).out) as { items: Item[] })
    .items;
  expect(enterprises).toEqual([...new Set(items.map((i) => i.name))]);
  const [pdf] = convert([docx], "pdf");
  expect(pages(pdf!)).toBe(letters);
  enterprises.forEach((name, k) => {
    const text = pageText(pdf!, k + 1);
    expect(text).toContain(`${name}：`);
    expect(text).toContain("关于督促开展强制性清洁生产审核的通知");
    for (const i of items.filter((x) => x.name === name))
      expect(text).toContain(`${i.label}：期限为${chineseDate(i.deadline)}`);
    expect(text).toContain("浦东新区生态环境局");
    expect(text).toContain(chineseDate(AS_OF));
    expect(text).toContain("（联系人：张三，联系电话：021-58880000）");
  });
  if (process.env.UPDATE_DOCS) picture(docx, "letter-reminder");
});

it("prints the notice of one enterprise with its four deadlines from the register", async () => {
  const status = JSON.parse((await run("status", demo, "--as-of", AS_OF, "--json")).out) as {
    name: string;
    stage: string;
    deadlines: Record<string, string | null>;
  }[];
  // The most recently listed enterprise not yet started, as a bureau would write to it.
  const one = status
    .filter((s) => s.stage === "listed")
    .sort((a, b) => b.deadlines.start!.localeCompare(a.deadlines.start!))[0]!;
  const docx = path.join(dir, "notice.docx");
  expect(
    (await run("letter", "notice", demo, "--enterprise", one.name, "--as-of", AS_OF, "-o", docx)).code,
  ).toBe(0);
  const [pdf] = convert([docx], "pdf");
  expect(pages(pdf!)).toBe(1);
  const text = pageText(pdf!, 1);
  expect(text).toContain(`${one.name}：`);
  for (const code of ["disclosure", "start", "evaluation", "acceptance"])
    expect(text).toContain(`于${chineseDate(one.deadlines[code]!)}前`);
  if (process.env.UPDATE_DOCS) picture(docx, "letter-notice");
});

it("prints the latest list year's notices with --all, one page each", async () => {
  const docx = path.join(dir, "notices.docx");
  const r = await run("letter", "notice", demo, "--all", "--as-of", AS_OF, "-o", docx, "--json");
  const { count: letters, enterprises } = JSON.parse(r.out) as { count: number; enterprises: string[] };
  expect(letters).toBeGreaterThan(1);
  const [pdf] = convert([docx], "pdf");
  expect(pages(pdf!)).toBe(letters);
  expect(pageText(pdf!, letters)).toContain(enterprises[letters - 1]!);
});

it("keeps a name with markup and control characters as text, and a district's template with its facts", async () => {
  const file = path.join(dir, "odd.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(demo);
  const ws = wb.getWorksheet(REGISTER_SHEET)!;
  const col = (ws.getRow(1).values as unknown[]).indexOf("企业名称");
  const odd = '<w:p>甲&乙</w:p>"]]>\u0001公司';
  ws.getRow(2).getCell(col).value = odd;
  wb.getWorksheet(SETTINGS_SHEET)!.eachRow((r) => {
    if (r.getCell(1).value === "书面通知模板")
      r.getCell(2).value =
        "{企业名称}列入{名单年度}年度名单，请按期办理：\n{期限列表}\n{发文机关}联系：{未知}";
  });
  await wb.xlsx.writeFile(file);
  const docx = path.join(dir, "odd.docx");
  const r = await run("letter", "notice", file, "--enterprise", "<w:p>甲&乙", "--as-of", AS_OF, "-o", docx);
  expect(r.code).toBe(0);
  expect(r.err).toContain("占位符 {未知} 无法识别");
  const [pdf] = convert([docx], "pdf");
  const text = pageText(pdf!, 1);
  expect(text).toContain('<w:p>甲&乙</w:p>"]]>');
  expect(text).toContain("年度名单，请按期办理：");
  expect(text).toMatch(/一、于\d{4}年\d+月\d+日前公布企业相关信息/);
  expect(text).toContain("浦东新区生态环境局联系：{未知}");
});

it("refuses an enterprise not in the register, and writes nothing when there is nothing to urge", async () => {
  const missing = await run(
    "letter",
    "reminder",
    demo,
    "--enterprise",
    "不存在的公司",
    "-o",
    path.join(dir, "x.docx"),
  );
  expect(missing.code).toBe(2);
  expect(missing.err).toContain("台账中找不到企业“不存在的公司”");
  const status = JSON.parse((await run("status", demo, "--as-of", AS_OF, "--json")).out) as {
    name: string;
  }[];
  const items = (JSON.parse((await run("todo", demo, "--as-of", AS_OF, "--json")).out) as { items: Item[] })
    .items;
  const calm = status.find((s) => !items.some((i) => i.name === s.name))!;
  const out = path.join(dir, "calm.docx");
  const r = await run("letter", "reminder", demo, "--enterprise", calm.name, "--as-of", AS_OF, "-o", out);
  expect(r.code).toBe(0);
  expect(r.out).toContain("无需督办");
  expect(existsSync(out)).toBe(false);
  const both = await run("letter", "notice", demo, "--all", "--enterprise", calm.name, "-o", out);
  expect(both.code).toBe(2);
});

function picture(docx: string, name: string): void {
  const [pdf] = convert([docx], "pdf");
  const base = path.join(dir, name);
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf!, base]);
  expect(statSync(`${base}.png`).size).toBeGreaterThan(10_000);
  copyFileSync(`${base}.png`, path.resolve(__dirname, "../../docs", `${name}.png`));
}
