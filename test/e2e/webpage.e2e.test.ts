// 强审助手 网页版 in Debian's Chromium, opened from file:// with nothing reachable beyond the page's folder: a
// district's register is opened, every command of the pane runs on it, the result is downloaded, and cpa's
// verify / score / status on the download agree with the same commands run by the CLI on the same input;
// a published list is imported as `cpa import` imports it.
// The centre's consolidation runs in a fresh page and yields a new workbook. README's picture of the page is
// taken only with UPDATE_DOCS=1.

import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writePublishedList } from "./publishedList";
import type { Page } from "playwright-core";
import { formatIsoDate, chinaToday } from "../../src/core/dates";
import { REGISTER_SHEET } from "../../src/core/register";
import { Package } from "../../src/xlsx/package/opc";
import { stampedWorkbook } from "../cli/runCli";
import { scoreSheets } from "../helpers/scoring";
import {
  cli,
  cliJson as json,
  openWorkbook,
  pageOptions,
  readBook,
  root,
  runCommand,
  sheetValues,
  webPageSuite,
} from "./webPage";

jest.setTimeout(600_000);

const today = formatIsoDate(chinaToday());
const SIZE_BUDGET = 700 * 1024;

/** A deterministic stream of numbers in [0, 1) (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Waits until no command runs: no progress line, no spinner. */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector("[data-testid=confirm]") !== null ||
      (!document.querySelector("[data-testid=progress]") && !document.querySelector("[role=progressbar]")),
    undefined,
    { timeout: 300_000 },
  );
}

/** Buttons that open the computer's file chooser: the monkey does not pick files. */
const PICKERS = /打开工作簿|导入名单|选择各区/;
const TEXTS = ["", "2026-07-01", "2026Q3", "2026Q5", "张三", "=1+1", "浦东新区生态环境局", "  ", "abc"];

/** `steps` random actions on the page: tabs, buttons, inputs, selects, and the answers to its questions. */
async function monkey(page: Page, seed: number, steps: number): Promise<void> {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  for (let i = 0; i < steps; i++) {
    await idle(page);
    const confirm = page.getByTestId("confirm");
    if ((await confirm.count()) > 0) {
      // A dialog just answered may still be fading out, and go before the click.
      await confirm
        .getByRole("button", { name: pick(["继续", "取消"]) })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      continue;
    }
    const kind = random();
    if (kind < 0.15) {
      // By place, not by name: the monkey may have switched the page to English.
      await page
        .getByRole("tab")
        .nth(Math.floor(random() * 4))
        .click();
    } else if (kind < 0.35) {
      const inputs = page.locator("input:not([type=file]):visible");
      const n = await inputs.count();
      if (n > 0) {
        const el = inputs.nth(Math.floor(random() * n));
        const type = await el.getAttribute("type");
        await el.fill(type === "date" ? pick(["2026-07-01", "2027-01-15", ""]) : pick(TEXTS));
      }
    } else if (kind < 0.5) {
      const selects = page.locator("select:visible");
      const n = await selects.count();
      if (n > 0) {
        const el = selects.nth(Math.floor(random() * n));
        await el.focus();
        const options = await el
          .locator("option")
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        if (options.length > 0) await el.selectOption(pick(options));
      }
    } else {
      const buttons = page.locator("button:visible:enabled");
      const labels = (await buttons.allInnerTexts()).map((t, k) => [t, k] as const);
      const usable = labels.filter(([t]) => !PICKERS.test(t) && !/^下载/.test(t));
      if (usable.length > 0) await buttons.nth(pick(usable)[1]).click();
    }
  }
  await idle(page);
  // A question left open at the last step hides the page behind it: the user would answer it.
  const open = page.getByTestId("confirm");
  if ((await open.count()) > 0) {
    await open.getByRole("button", { name: /^(取消|Cancel)$/ }).click();
    await open.waitFor({ state: "detached" });
  }
  await idle(page);
}

/** A score JSON without what differs by construction: the sheets' names carry no randomness, so all of it. */
const scoreOf = (file: string) => json("score", file);

describe("the web page in Chromium, from file://", () => {
  // Its own build folder: the add-in's e2e test builds dist/web at the same time.
  const suite = webPageSuite("page");
  const { out, dir, input, requests, errors } = suite;
  let page: Page;

  async function openPage(locale = "zh-CN"): Promise<Page> {
    const p = await suite.browser().newPage(pageOptions(locale));
    await suite.fence(p);
    // The longest time the page's main thread was blocked (printed; the bench measures a large register).
    await p.addInitScript(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await p.goto(suite.url());
    return p;
  }

  const message = () => page.getByTestId("message").innerText();
  const run = (name: string) => runCommand(page, name);

  async function download(name: string): Promise<string> {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    expect(d.suggestedFilename()).toBe(name);
    const file = path.join(dir, `web-${name}`);
    await d.saveAs(file);
    return file;
  }

  it("opens a register, runs every command, and downloads what the CLI would write", async () => {
    page = await openPage();
    await openWorkbook(page, input);
    // The preview shows the register.
    await page.getByTestId("preview").getByText("企业名称").first().waitFor();

    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByLabel("填报人").fill("张三");
    expect(await run("保存设置到工作簿")).toContain("已保存");

    await page.getByRole("tab", { name: "台账" }).click();
    expect(await run("刷新状态")).toMatch(/\d+/);
    expect(await run("校验")).toMatch(/错误|警告|问题|通过/);

    await page.getByRole("tab", { name: "评分" }).click();
    const enterprise = (
      await json("status", input, "--as-of", today).then((rows: { name: string; stage: string }[]) =>
        rows.filter((r) => r.stage === "auditing" || r.stage === "listed"),
      )
    )[0]!.name;
    await page.getByLabel("企业", { exact: true }).focus();
    await page.getByLabel("企业", { exact: true }).selectOption(enterprise);
    expect(await run("插入评分表")).toContain("已生成");
    expect(await run("回填评分结果")).toMatch(/\d/);
    expect(await run("评分细则")).toContain("评分细则");
    expect(await run("附表1 咨询服务机构基本情况表")).toContain("附表1");

    await page.getByRole("tab", { name: "报表" }).click();
    await page.getByLabel("季度").fill("2026Q3");
    expect(await run("生成季度报表")).toContain("2026Q3");
    expect(await run("报送盖章")).toContain("已报送盖章");
    expect(await run("核验报送")).toContain("未改动");
    expect(await page.getByTestId("file-name").innerText()).toContain("已修改");

    if (process.env.UPDATE_DOCS === "1") {
      mkdirSync(path.join(root, "docs"), { recursive: true });
      await page.screenshot({ path: path.join(root, "docs/web-page.png"), animations: "disabled" });
    }
    const downloaded = await download("浦东台账-已更新.xlsx");
    expect(await page.getByTestId("file-name").innerText()).not.toContain("已修改");

    // The same commands by the CLI, on the same input.
    const steps = path.join(dir, "cli");
    mkdirSync(steps);
    const at = (n: number) => path.join(steps, `${n}.xlsx`);
    await cli("status", input, "--as-of", today, "-o", at(1));
    await scoreSheets(at(1), at(2), enterprise);
    await cli("rubric", at(2), "-o", at(3));
    await cli("form", "consultant", at(3), "--enterprise", enterprise, "-o", at(4));
    await cli("quarterly", at(4), "--quarter", "2026Q3", "--preparer", "张三", "-o", at(5));
    await cli("submit", at(5), "--quarter", "2026Q3", "--preparer", "张三", "-o", at(6));

    expect(await json("status", downloaded, "--as-of", today)).toEqual(
      await json("status", at(6), "--as-of", today),
    );
    expect(await json("status", downloaded, "--as-of", today)).toEqual(
      await json("status", input, "--as-of", today),
    );
    expect(await scoreOf(downloaded)).toEqual(await scoreOf(at(6)));
    const verified = (await json("verify", downloaded)).files[0];
    expect(verified).toMatchObject({ district: "浦东新区生态环境局", quarter: "2026Q3", state: "unchanged" });
    expect((await json("verify", at(6))).files[0]).toMatchObject({ state: "unchanged" });

    // Same sheets, in the same order, with the same cells on every sheet the stamp covers.
    const [web, byCli] = [await readBook(downloaded), await readBook(at(6))];
    expect(web.worksheets.map((w) => w.name)).toEqual(byCli.worksheets.map((w) => w.name));
    const values = (wb: ExcelJS.Workbook, name: string) => sheetValues(wb.getWorksheet(name)!);
    for (const name of [REGISTER_SHEET, "附表3 2026Q3"])
      expect(values(web, name)).toEqual(values(byCli, name));
    // The register keeps the settings typed on the page.
    expect((await cli("validate", downloaded)).length).toBeGreaterThan(0);
  });

  it("shows an issue's cell in the preview", async () => {
    page = await openPage();
    const bad = path.join(dir, "有错误.xlsx");
    const wb = await readBook(input);
    wb.getWorksheet(REGISTER_SHEET)!.getCell("H6").value = "2026-02-30";
    await wb.xlsx.writeFile(bad);
    await openWorkbook(page, bad);
    await run("校验");
    await page.getByTestId("issues").getByRole("button").filter({ hasText: "H6" }).first().click();
    await page.locator(`[data-cell="${REGISTER_SHEET}!H6"]`).waitFor();
    expect(await page.locator(`[data-cell="${REGISTER_SHEET}!H6"]`).innerText()).toBe("2026-02-30");
  });

  it("imports a published list picked on the computer, as cpa import does", async () => {
    page = await openPage();
    const list = path.join(dir, "2027名单.xlsx");
    await writePublishedList(list);
    await openWorkbook(page, input);
    await page.getByLabel("名单公布时间（名单中没有该列时填写）").fill("2027-03-20");
    await page.getByTestId("pick-list").setInputFiles(list);
    await page.getByTestId("import-report").waitFor();
    expect(await message()).toContain("将新增 2 家");
    expect(await page.getByTestId("file-name").innerText()).not.toContain("已修改");
    expect(await run("确认导入")).toContain("已在台账末尾追加 2 行");
    const imported = await download("浦东台账-已更新.xlsx");
    const byCli = path.join(dir, "cli-imported.xlsx");
    await cli("import", list, "--into", input, "--published", "2027-03-20", "-o", byCli);
    expect(await json("status", imported, "--as-of", today)).toEqual(
      await json("status", byCli, "--as-of", today),
    );
    expect(await json("validate", imported)).toEqual(await json("validate", byCli));
    const rows = (await json("status", imported, "--as-of", today)) as { name: string }[];
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(["上海新列入化工有限公司", "=1+1"]));
  });

  it("consolidates the districts' workbooks into a new workbook to download", async () => {
    page = await openPage();
    const files = [
      await stampedWorkbook(dir, "黄浦", "黄浦区生态环境局", "2026-10-09T10:00+08:00", 1),
      await stampedWorkbook(dir, "闵行", "闵行区生态环境局", "2026-10-12T10:00+08:00", 2),
    ];
    await page.getByRole("tab", { name: "报表" }).click();
    await page.getByLabel("季度").fill("2026Q3");
    await page.getByTestId("pick-files").setInputFiles(files);
    expect(await run("汇总并生成统计看板")).toContain("已汇总 2 个区");
    const city = await download("全市汇总 2026Q3.xlsx");
    const byCli = path.join(dir, "cli-city.xlsx");
    await cli("consolidate", ...files, "--quarter", "2026Q3", "-o", byCli);
    const [web, cliBook] = [await readBook(city), await readBook(byCli)];
    expect(web.worksheets[0]!.name).toBe("统计看板");
    // The same two charts on 统计看板 as cpa consolidate draws.
    const charts = (file: string) => {
      const pkg = new Package(new Uint8Array(readFileSync(file)));
      return pkg
        .listParts()
        .filter((p) => /^xl\/charts\//.test(p.name))
        .map((p) => pkg.text(p.name));
    };
    expect(charts(city)).toHaveLength(2);
    expect(charts(city)).toEqual(charts(byCli));
    for (const ws of cliBook.worksheets) {
      const mine = web.getWorksheet(ws.name);
      expect(mine?.name).toBe(ws.name);
      expect(sheetValues(mine!)).toEqual(sheetValues(ws));
    }
  });

  it("writes 年度统计 and 验收结果名单 from the 报表 tab, as cpa annual and cpa acceptance-list do", async () => {
    page = await openPage();
    await openWorkbook(page, input);
    await page.getByRole("tab", { name: "报表" }).click();
    await page.getByLabel("年度", { exact: true }).fill("2025");
    expect(await run("生成年度统计")).toContain("已生成“年度统计 2025”");
    await page.getByLabel("验收时间自").fill("2024-01-01");
    await page.getByLabel("验收时间至").fill("2026-12-31");
    expect(await run("生成验收结果名单")).toContain("已生成“验收结果名单 20240101至20261231”");
    const web = await readBook(await download("浦东台账-已更新.xlsx"));
    const annual = path.join(dir, "cli-annual.xlsx");
    const list = path.join(dir, "cli-list.xlsx");
    await cli("annual", input, "--year", "2025", "-o", annual);
    await cli("acceptance-list", input, "--from", "2024-01-01", "--to", "2026-12-31", "-o", list);
    const values = (wb: ExcelJS.Workbook, name: string) => sheetValues(wb.getWorksheet(name)!);
    expect(values(web, "年度统计 2025")).toEqual(values(await readBook(annual), "年度统计 2025"));
    const listSheet = "验收结果名单 20240101至20261231";
    expect(values(web, listSheet)).toEqual(values(await readBook(list), listSheet));
  });

  it("creates a new register workbook when none is open", async () => {
    page = await openPage();
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByLabel("填报单位").fill("静安区生态环境局");
    await page.getByLabel("填报人").fill("李四");
    await page.getByRole("tab", { name: "台账" }).click();
    expect(await run("创建台账")).toContain("已创建台账");
    const made = await download("强审台账.xlsx");
    const settings = await json("validate", made);
    expect(settings).toMatchObject({ errors: 0 });
    const wb = await readBook(made);
    expect(wb.worksheets.map((w) => w.name)).toEqual([REGISTER_SHEET, "名单调整记录", "强审设置"]);
    const values = wb.getWorksheet("强审设置")!.getSheetValues().flat().map(String);
    expect(values).toEqual(expect.arrayContaining(["静安区生态环境局", "李四"]));
  });

  /** A workbook that fails validation in several cells, so the issue list has several entries. */
  async function faultyRegister(): Promise<string> {
    const bad = path.join(dir, "多处错误.xlsx");
    const wb = await readBook(input);
    const ws = wb.getWorksheet(REGISTER_SHEET)!;
    ws.getCell("H4").value = "2026-02-31";
    ws.getCell("H5").value = "2026-13-01";
    ws.getCell("H6").value = "2026-02-30";
    await wb.xlsx.writeFile(bad);
    return bad;
  }

  async function openFile(file: string) {
    await openWorkbook(page, file);
    await page.getByTestId("preview").waitFor();
  }

  it("shows one issue's cell after another, another sheet, and refreshes after a click", async () => {
    page = await openPage();
    const before = errors.length;
    await openFile(await faultyRegister());
    await run("校验");
    for (const cell of ["H4", "H5", "H6"]) {
      await page
        .getByTestId("issues")
        .getByRole("button")
        .filter({ hasText: `!${cell} ` })
        .first()
        .click();
      await page.locator(`[data-cell="${REGISTER_SHEET}!${cell}"]`).waitFor();
    }
    await page.getByTestId("preview").getByRole("combobox").selectOption("名单调整记录");
    await page.getByTestId("preview").getByText("变化情况").first().waitFor();
    await page.getByTestId("issues").getByRole("button").first().click();
    await page.locator(`[data-cell="${REGISTER_SHEET}!H4"]`).waitFor();
    // A refresh over errors says so, as a warning.
    const refreshed = await run("刷新状态");
    expect(refreshed).toMatch(/已刷新.*台账中有 \d+ 个错误/);
    expect(await page.getByTestId("message").getAttribute("data-intent")).toBe("warning");
    await page.getByTestId("issues").getByRole("button").first().click();
    await page.locator(`[data-cell="${REGISTER_SHEET}!H4"]`).waitFor();
    expect(errors.slice(before)).toEqual([]);
    await page.getByRole("heading", { name: "强审助手 网页版" }).waitFor();
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    console.log(`longest blocked frame while opening, validating and refreshing: ${longest.toFixed(0)} ms`);
    // The preview's scroll box is reached by the keyboard.
    const box = page.getByTestId("preview-box");
    expect(await box.getAttribute("tabindex")).toBe("0");
    expect(await box.getAttribute("aria-label")).toContain(REGISTER_SHEET);
  });

  it("clears the results of one workbook when another opens, asking first when changes are not downloaded", async () => {
    page = await openPage();
    await openFile(await faultyRegister());
    await run("刷新状态");
    await page.getByTestId("counts").waitFor();
    await page.getByTestId("issues").waitFor();
    // Declining keeps the workbook and what is shown of it.
    await page.getByTestId("open-file").setInputFiles(input);
    await page.getByTestId("confirm").getByText("尚未下载的修改").waitFor();
    await page.getByTestId("confirm").getByRole("button", { name: "取消" }).click();
    expect(await page.getByTestId("file-name").innerText()).toContain("多处错误.xlsx");
    expect(await page.getByTestId("counts").count()).toBe(1);
    await page.getByTestId("open-file").setInputFiles(input);
    await page.getByTestId("confirm").getByRole("button", { name: "继续" }).click();
    await page.getByTestId("file-name").filter({ hasText: "浦东台账.xlsx" }).waitFor();
    for (const id of ["message", "issues", "counts", "bureau"])
      expect(await page.getByTestId(id).count()).toBe(0);
    // Nothing changed since: another workbook opens without a question.
    await openFile(await faultyRegister());
    expect(await page.getByTestId("confirm").count()).toBe(0);
  });

  it("asks before the tab closes with changes not downloaded", async () => {
    page = await openPage();
    await openFile(input);
    await run("刷新状态");
    // The page's guard cancels the unload (the browser then asks); without changes it lets the tab go.
    const guarded = () =>
      page.evaluate(() => {
        const e = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
    expect(await guarded()).toBe(true);
    await download("浦东台账-已更新.xlsx");
    expect(await guarded()).toBe(false);
  });

  it("asks before creating a register over an open workbook, and keeps the workbook's own sheets", async () => {
    page = await openPage();
    const other = path.join(dir, "其他表格.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("统计").getCell("B2").value = "本单位自己的表";
    await wb.xlsx.writeFile(other);
    await openFile(other);
    await page.getByRole("button", { name: "创建台账", exact: true }).click();
    await page.getByTestId("confirm").getByText("没有台账工作表").waitFor();
    await page.getByTestId("confirm").getByRole("button", { name: "继续" }).click();
    await page.getByTestId("message").filter({ hasText: "已创建台账" }).waitFor();
    const made = await download("其他表格-已更新.xlsx");
    const book = await readBook(made);
    expect(book.worksheets.map((w) => w.name)).toEqual(["统计", REGISTER_SHEET, "名单调整记录", "强审设置"]);
    expect(book.getWorksheet("统计")!.getCell("B2").value).toBe("本单位自己的表");
    expect(await json("validate", made)).toMatchObject({ errors: 0 });
    // A workbook with a register: creating asks, and declining changes nothing.
    await openFile(input);
    await page.getByRole("button", { name: "创建台账", exact: true }).click();
    await page.getByTestId("confirm").getByText("已有台账").waitFor();
    await page.getByTestId("confirm").getByRole("button", { name: "取消" }).click();
    await page.getByTestId("message").filter({ hasText: "已取消" }).waitFor();
    expect(await page.getByTestId("file-name").innerText()).toBe("已打开 浦东台账.xlsx");
  });

  it("tells a clerk to save an .xls as .xlsx", async () => {
    page = await openPage();
    const xls = path.join(dir, "旧台账.xls");
    writeFileSync(xls, "not opened");
    await page.getByTestId("open-file").setInputFiles(xls);
    expect(await page.getByTestId("open-error").innerText()).toContain("另存为");
  });

  it("survives a few hundred random clicks and inputs on the Shanghai and the Guangxi demos", async () => {
    const before = errors.length;
    for (const [profile, seed] of [
      ["shanghai", 11],
      ["guangxi", 12],
    ] as const) {
      const demo = path.join(dir, `demo-${profile}.xlsx`);
      await cli("demo", "-o", demo, "--profile", profile, "--seed", String(seed), "--force");
      page = await openPage();
      page.on("dialog", (d) => void d.dismiss());
      await openFile(demo);
      await monkey(page, seed, 100);
      // The page is still there, in whichever language the monkey left it.
      // (Read as text: a question or panel the monkey left open may hide the rest from the accessibility tree.)
      expect(await page.locator("body").innerText()).toMatch(/强审助手 网页版|Audit Assistant \(web\)/);
      await page.close();
    }
    expect(errors.slice(before)).toEqual([]);
  });

  it("speaks English to an English browser", async () => {
    page = await openPage("en-US");
    await page.getByRole("heading", { name: "Audit Assistant (web)" }).waitFor();
    expect(await page.getByRole("tab").allInnerTexts()).toEqual(["Register", "Forms", "Scoring", "Settings"]);
    expect(await page.getByTestId("file-name").innerText()).toContain("No workbook open");
  });

  it("fetched nothing beyond its folder, kept its first load within the budget, and threw no error", () => {
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    expect(statSync(path.join(out, "web.js")).size).toBeLessThan(SIZE_BUDGET);
    const html = readFileSync(path.join(out, "index.html"), "utf8");
    expect(html).not.toMatch(/office\.js|https?:\/\//);
    expect(errors).toEqual([]);
  });
});
