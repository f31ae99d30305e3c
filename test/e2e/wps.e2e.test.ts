// The WPS 加载项 as `npm run build` writes it (dist/wps), for a bureau's own address (ADDIN_URL): every script
// parses as the ECMAScript edition of the Chromium WPS embeds; ribbon.xml, manifest.xml and jsplugins.xml are as WPS
// reads them; and in Debian's Chromium, with nothing reachable beyond the add-in's folder and the functions of
// Chromiums newer than WPS's removed, the ribbon's callbacks open the pane once; the pane, with no workbook open
// or outside WPS, says what to do; and over the in-memory WPS 表格 (test/wpshost) every command of the pane runs,
// the status columns, 附表3, 附表4 and 年度统计 cell for cell as `cpa` writes them for the same register.

import { DOMParser } from "@xmldom/xmldom";
import * as acorn from "acorn";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import type http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { version } from "../../package.json";
import { WPS_ES_YEAR } from "../../scripts/wps-target";
import { cellAddress, columnLetters, rangeAddress } from "../../src/core/address";
import { LOG_SHEET } from "../../src/core/adjustments";
import { serialFromUtcDate } from "../../src/core/dates";
import { cellValue } from "../../src/core/grid";
import { COMPUTED_COLUMNS, REGISTER_COLUMNS, REGISTER_SHEET } from "../../src/core/register";
import { readWorkbook } from "../../src/xlsx/parse";
import { runCli, stampedWorkbook } from "../cli/runCli";
import { cellsOf, fileCells } from "../helpers/sheetCells";
import { writePublishedList } from "./publishedList";
import { serveFolder } from "./serveFolder";

jest.setTimeout(900_000);

const root = path.resolve(__dirname, "../..");
/** Its own build folder: the add-in's e2e test builds dist/ at the same time. */
const out = path.join(root, "dist/e2e/wps");
const ADDIN_URL = "https://qs.example.org/addin/";
const PREFIX = "/addin/wps/";

/**
 * Removes what Chromium added after the version WPS embeds (87), before any script of the page runs: the pane
 * must start without them, as src/wps/compat.ts provides for those it uses.
 */
const OLDER_CHROMIUM = `(() => {
  const drop = (o, names) => { for (const n of names) if (o && n in o) delete o[n]; };
  drop(Array.prototype, ["at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "with"]);
  drop(String.prototype, ["at", "isWellFormed", "toWellFormed"]);
  drop(Object.getPrototypeOf(Int8Array.prototype), ["at", "findLast", "findLastIndex", "toSorted", "toReversed", "with"]);
  drop(Object, ["hasOwn", "groupBy"]);
  drop(Map, ["groupBy"]);
  drop(Promise, ["withResolvers"]);
  drop(Array, ["fromAsync"]);
  drop(globalThis, ["structuredClone"]);
  if (globalThis.crypto) drop(Object.getPrototypeOf(globalThis.crypto), ["randomUUID"]);
})();`;

/** WPS's add-in object as the main page sees it, recording what the ribbon's callbacks ask of it. */
const FAKE_WPS = `(() => {
  const panes = new Map();
  const store = new Map();
  const calls = [];
  window.__wps = { panes, calls };
  window.wps = {
    Enum: { msoCTPDockPositionRight: 2 },
    CreateTaskPane(url, title) {
      calls.push(["CreateTaskPane", url, title]);
      const pane = { ID: panes.size + 101, url, title, Visible: false, DockPosition: 0 };
      panes.set(pane.ID, pane);
      return pane;
    },
    GetTaskPane(id) {
      calls.push(["GetTaskPane", id]);
      const pane = panes.get(id);
      if (!pane) throw new Error("no such task pane");
      return pane;
    },
    PluginStorage: {
      setItem(k, v) { store.set(k, String(v)); },
      getItem(k) { return store.has(k) ? store.get(k) : ""; },
    },
  };
})();`;

function build(): void {
  const webpack = path.join(root, "node_modules/.bin/webpack");
  execFileSync(webpack, ["--mode", "production", "--config-name", "wps", "--output-path", out], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, ADDIN_URL },
  });
  execFileSync(webpack, ["--config", "test/e2e/webpack.wpshost.config.js"], { cwd: root, stdio: "pipe" });
}

const AS_OF = "2026-11-24";
const dir = mkdtempSync(path.join(tmpdir(), "e2e-wps-"));

async function cli(...argv: string[]): Promise<string> {
  const r = await runCli(...argv);
  if (r.code !== 0 && r.code !== 1) throw new Error(`cpa ${argv.join(" ")}: ${r.out}${r.err}`);
  return r.out;
}

const labels: string[] = [...REGISTER_COLUMNS.map((c) => c.label), ...COMPUTED_COLUMNS];
/** The status columns the pane's 刷新状态 writes, by letter. */
const statusLetters = COMPUTED_COLUMNS.map((l) => columnLetters(labels.indexOf(l)));

/** Only the cells of `columns` (letters) below the header row. */
const columnsOf = (cells: Record<string, string>, columns: readonly string[]) =>
  Object.fromEntries(
    Object.entries(cells).filter(([a]) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      return columns.includes(m[1]!) && Number(m[2]) > 1;
    }),
  );

/** A sheet of the in-memory WPS's open workbook, as cellsOf gives a file's. */
async function hostCells(page: Page, sheet: string): Promise<Record<string, string>> {
  const cells = await page.evaluate((name) => {
    const host = (
      window as unknown as {
        __wpsHost: {
          ActiveWorkbook: {
            data: { sheets: { name: string; cells: Map<string, { value: unknown; formula?: string }> }[] };
          };
        };
      }
    ).__wpsHost;
    const data = host.ActiveWorkbook.data.sheets.find((s) => s.name === name);
    if (!data) throw new Error(`no sheet ${name}`);
    return [...data.cells].map(
      ([k, c]) => [k, c.formula !== undefined ? { formula: c.formula } : c.value] as const,
    );
  }, sheet);
  return cellsOf(
    cells.map(([k, v]) => {
      const [r, c] = k.split(",").map(Number) as [number, number];
      return [cellAddress(r - 1, c - 1), v];
    }),
  );
}

const sheetsOf = (page: Page) =>
  page.evaluate("window.__wpsHost.ActiveWorkbook.data.sheets.map(s => s.name)") as Promise<string[]>;

/**
 * A register made by `cpa demo`, and its register and log rows as a clerk types them into the sheets the pane
 * created (text as text, dates as serials).
 */
async function demoRegister(): Promise<{ file: string; rows: Record<string, unknown[][]> }> {
  const file = path.join(dir, "demo.xlsx");
  await cli("demo", "-o", file, "--profile", "shanghai", "--seed", "3", "--district", "浦东新区生态环境局");
  const grids = await readWorkbook(new Uint8Array(readFileSync(file)), "demo.xlsx");
  const rows: Record<string, unknown[][]> = {};
  for (const name of [REGISTER_SHEET, LOG_SHEET]) {
    const [header, ...body] = grids.sheet(name)!.rows;
    rows[name] = body.map((r) =>
      Array.from({ length: header!.length }, (_, c) => {
        const v = cellValue(r[c]);
        return v instanceof Date ? serialFromUtcDate(v) : (v ?? "");
      }),
    );
  }
  return { file, rows };
}

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? scripts(path.join(dir, e.name))
      : e.name.endsWith(".js")
        ? [path.join(dir, e.name)]
        : [],
  );
}

const xml = (file: string) =>
  new DOMParser().parseFromString(readFileSync(path.join(out, file), "utf8"), "text/xml");

describe("the WPS add-in", () => {
  let browser: Browser;
  let server: http.Server;
  let base = "";
  const outside: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    build();
    const served = await serveFolder(out, PREFIX);
    server = served.server;
    base = served.origin + PREFIX;
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** A page that reaches nothing but the add-in's folder (any other request fails, and is recorded). */
  async function open(file: string, init: string[]): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 380, height: 800 }, locale: "zh-CN" });
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    page.on("request", (r) => {
      if (!r.url().startsWith(base)) outside.push(r.url());
    });
    page.on("pageerror", (e) => errors.push(`${file}: ${e.message}`));
    for (const script of [OLDER_CHROMIUM, ...init]) await page.addInitScript(script);
    await page.goto(base + file);
    return page;
  }

  it(`is written in ES${WPS_ES_YEAR}, the syntax of the Chromium WPS embeds`, () => {
    const files = scripts(out);
    expect(files.map((f) => path.relative(out, f))).toEqual(
      expect.arrayContaining(["taskpane.js", "main.js", path.join("js", "ribbon.js")]),
    );
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      // A syntax error names the file: which module brought syntax newer than the target.
      expect(() =>
        acorn.parse(source, { ecmaVersion: WPS_ES_YEAR as acorn.ecmaVersion, sourceType: "script" }),
      ).not.toThrow();
    }
    // The check can fail: the bundle does use ES2021 syntax, which an ES2020 parser refuses.
    const pane = readFileSync(path.join(out, "taskpane.js"), "utf8");
    expect(() => acorn.parse(pane, { ecmaVersion: 2020, sourceType: "script" })).toThrow();
  });

  it("has the ribbon, the main page, the manifest, the icon and jsplugins.xml as WPS reads them", () => {
    const ribbon = readFileSync(path.join(out, "ribbon.xml"), "utf8");
    expect(ribbon.startsWith("<customUI")).toBe(true);
    const ui = xml("ribbon.xml").documentElement!;
    expect(ui.getAttribute("onLoad")).toBe("OnAddinLoad");
    const tab = ui.getElementsByTagName("tab")[0]!;
    expect(tab.getAttribute("label")).toBe("强审助手");
    const button = tab.getElementsByTagName("button")[0]!;
    expect([button.getAttribute("onAction"), button.getAttribute("getImage")]).toEqual([
      "OnAction",
      "GetImage",
    ]);

    expect(readFileSync(path.join(out, "index.html"), "utf8")).toMatch(/<script src="?main\.js"?>/);
    expect(xml("manifest.xml").getElementsByTagName("Name")[0]!.textContent).toBe("qiangshen");
    expect(existsSync(path.join(out, "images/icon-32.png"))).toBe(true);

    const plugins = xml("jsplugins.xml").documentElement!;
    expect(plugins.tagName).toBe("jsplugins");
    const entries = Array.from(plugins.getElementsByTagName("jspluginonline"));
    expect(
      entries.map((e) => [
        e.getAttribute("name"),
        e.getAttribute("type"),
        e.getAttribute("url"),
        e.getAttribute("version"),
      ]),
    ).toEqual([["qiangshen", "et", `${ADDIN_URL}wps/`, version]]);
    // No page of the add-in loads a script from elsewhere.
    for (const page of ["index.html", "taskpane.html"])
      expect(readFileSync(path.join(out, page), "utf8")).not.toMatch(/src=["']?(https?:)?\/\//);
  });

  it("opens the pane docked on the right from the ribbon, and shows the same pane on a second click", async () => {
    const page = await open("index.html", [FAKE_WPS]);
    const names = ["OnAddinLoad", "OnAction", "GetImage"];
    expect(await page.evaluate((n) => n.map((f) => typeof (window as never)[f]), names)).toEqual(
      names.map(() => "function"),
    );
    expect(await page.evaluate("OnAddinLoad({})")).toBe(true);
    const icon = await page.evaluate("GetImage({ Id: 'qsOpenPane' })");
    expect((await page.request.get(new URL(String(icon), base).href)).status()).toBe(200);

    await page.evaluate("OnAction({ Id: 'qsOpenPane' })");
    const panes = () =>
      page.evaluate("[...window.__wps.panes.values()]") as Promise<Record<string, unknown>[]>;
    expect(await panes()).toEqual([
      { ID: 101, url: `${base}taskpane.html`, title: "强审助手", Visible: true, DockPosition: 2 },
    ]);
    // The clerk closes the pane; the button shows it again, the same one.
    await page.evaluate("window.__wps.panes.get(101).Visible = false");
    await page.evaluate("OnAction({ Id: 'qsOpenPane' })");
    expect(await panes()).toEqual([
      { ID: 101, url: `${base}taskpane.html`, title: "强审助手", Visible: true, DockPosition: 2 },
    ]);
    expect(await page.evaluate("window.__wps.calls.map(c => c[0])")).toEqual([
      "CreateTaskPane",
      "GetTaskPane",
    ]);
    await page.close();
  });

  it("says what to do when no workbook is open, and when opened outside WPS", async () => {
    const page = await open("taskpane.html", ["window.Application = { ActiveWorkbook: null };"]);
    const notice = page.getByTestId("wps-notice");
    await notice.waitFor();
    expect(await notice.innerText()).toContain("请先打开或新建一个工作簿");
    expect(await notice.innerText()).toContain("重新检测");
    await page.close();

    const outsideWps = await open("taskpane.html", []);
    await outsideWps.getByTestId("wps-notice").waitFor();
    expect(await outsideWps.getByTestId("wps-notice").innerText()).toContain("请在 WPS 表格中打开");
    await outsideWps.close();
  });

  it("tells a WPS whose engine is older than the bundle's to upgrade, instead of a blank pane", async () => {
    const page = await open("taskpane.html", [
      "delete Promise.any; window.Application = { ActiveWorkbook: null };",
    ]);
    await page.getByTestId("old-engine").waitFor();
    expect(await page.getByTestId("old-engine").innerText()).toContain("此版本的 WPS 无法运行强审助手");
    expect(await page.getByTestId("wps-notice").count()).toBe(0);
    await page.close();
  });

  it("runs every command of the pane over the in-memory WPS 表格, with the results `cpa` gives the same register", async () => {
    const { file, rows } = await demoRegister();
    const page = await open("taskpane.html", [readFileSync(path.join(root, "dist/e2e/wps-host.js"), "utf8")]);
    const message = () => page.getByTestId("message").innerText();
    /** Clicks a command and waits for its new message. */
    const run = async (name: string | RegExp, done: string | RegExp) => {
      await page.getByRole("button", { name, exact: typeof name === "string" }).click();
      await page.getByTestId("message").filter({ hasText: done }).waitFor();
      return message();
    };

    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByLabel("填报单位").fill("浦东新区生态环境局");
    await page.getByLabel("填报人").fill("张三");
    await page.getByRole("tab", { name: "台账" }).click();
    expect(await run("创建台账", "已创建台账工作表")).toContain("已创建台账工作表");
    expect(await sheetsOf(page)).toEqual(["Sheet1", REGISTER_SHEET, LOG_SHEET, "强审设置"]);
    // The clerk types the district's enterprises in.
    await page.evaluate(
      (typed) => {
        const host = (
          window as unknown as {
            __wpsHost: {
              ActiveWorkbook: { Worksheets: { Item(n: string): { Range(a: string): { Value2: unknown } } } };
            };
          }
        ).__wpsHost;
        for (const [name, { address, values }] of Object.entries(typed))
          host.ActiveWorkbook.Worksheets.Item(name).Range(address).Value2 = values;
      },
      Object.fromEntries(
        Object.entries(rows)
          .filter(([, v]) => v.length > 0)
          .map(([name, v]) => [name, { address: rangeAddress(1, 0, v.length, v[0]!.length - 1), values: v }]),
      ),
    );

    // 刷新状态: the four status columns cell for cell as `cpa status` writes them.
    await page.getByLabel("统计日").fill(AS_OF);
    expect(await run("刷新状态", "已刷新")).toMatch(/已刷新 \d+ 家企业的状态/);
    const status = path.join(dir, "status.xlsx");
    await cli("status", file, "--as-of", AS_OF, "-o", status);
    const hostStatus = columnsOf(await hostCells(page, REGISTER_SHEET), statusLetters);
    expect(Object.keys(hostStatus).length).toBeGreaterThan(40);
    expect(hostStatus).toEqual(columnsOf(await fileCells(status, REGISTER_SHEET), statusLetters));

    // 校验, and an issue's cell selected.
    await page.getByRole("button", { name: "校验" }).click();
    await page.getByTestId("message").waitFor();
    const issues = page.getByTestId("issues");
    if ((await issues.count()) > 0) {
      await issues.getByRole("button").first().click();
      await page.waitForFunction("window.__wpsHost.Selection !== null");
    }

    // 督办: the printable sheet and the deadlines' calendar.
    const worklist = page.getByTestId("worklist");
    await worklist.getByRole("button", { name: "写入督办清单" }).click();
    await page.getByTestId("message").filter({ hasText: "督办清单" }).waitFor();
    expect(await sheetsOf(page)).toContain(`督办清单 ${AS_OF}`);
    const [calendar] = await Promise.all([
      page.waitForEvent("download"),
      worklist.getByRole("button", { name: "下载期限日历" }).click(),
    ]);
    expect(calendar.suggestedFilename()).toMatch(/\.ics$/);

    // 报表: 附表3 and 附表4 as `cpa quarterly` writes them; the year's reports.
    await page.getByRole("tab", { name: "报表" }).click();
    await page.getByLabel("季度").fill("2026Q3");
    expect(await run("生成季度报表", "附表3 2026Q3")).toContain("附表3 2026Q3");
    const quarterly = path.join(dir, "quarterly.xlsx");
    await cli("quarterly", file, "--quarter", "2026Q3", "--preparer", "张三", "-o", quarterly);
    for (const sheet of ["附表3 2026Q3", "附表4 2026Q3"])
      expect(await hostCells(page, sheet)).toEqual(await fileCells(quarterly, sheet));
    await page.getByLabel("年度", { exact: true }).fill("2025");
    expect(await run("生成年度统计", "年度统计 2025")).toContain("已生成“年度统计 2025”");
    const annual = path.join(dir, "annual.xlsx");
    await cli("annual", file, "--year", "2025", "-o", annual);
    // The clerk typed 填报人 in 设置; the demo file names none, and `cpa annual` takes none.
    const unsigned = (cells: Record<string, string>) =>
      Object.fromEntries(Object.entries(cells).filter(([, v]) => !v.startsWith("填报人：")));
    expect(unsigned(await hostCells(page, "年度统计 2025"))).toEqual(
      unsigned(await fileCells(annual, "年度统计 2025")),
    );
    await page.getByLabel("验收时间自").fill("2024-01-01");
    await page.getByLabel("验收时间至").fill("2026-12-31");
    expect(await run("生成验收结果名单", "验收结果名单")).toContain("验收结果名单 20240101至20261231");

    // 评分: protected scoring sheets, the write-back, 评分细则 and a per-enterprise form.
    await page.getByRole("tab", { name: "评分" }).click();
    const enterprise = page.getByLabel("企业", { exact: true });
    await enterprise.focus();
    await page.waitForFunction("document.querySelectorAll('select option').length > 1");
    await enterprise.selectOption({ index: 1 });
    expect(await run("插入评分表", "已生成：")).toContain("已生成：");
    expect(await run("回填评分结果", "写回台账")).toMatch(/已将 \d+ 个专家组结果写回台账/);
    expect(await run("评分细则", "评分细则")).toContain("评分细则");
    expect(await run("附表1 咨询服务机构基本情况表", "附表1")).toContain("附表1");

    // 导入名单: a published list picked from disk, the report first, the rows appended on confirm.
    const list = path.join(dir, "2027年名单.xlsx");
    await writePublishedList(list);
    await page.getByRole("tab", { name: "台账" }).click();
    await page.getByLabel("名单公布时间（名单中没有该列时填写）").fill("2027-03-20");
    await page.getByTestId("pick-list").setInputFiles(list);
    await page.getByTestId("import-report").waitFor();
    expect(await message()).toContain("将新增 2 家");
    expect(await run("确认导入", "已在台账末尾追加 2 行")).toContain("已在台账末尾追加 2 行");

    // 报送盖章 last: the register is then protected, as `cpa submit` leaves it.
    await page.getByRole("tab", { name: "报表" }).click();
    expect(await run("报送盖章", "已报送盖章")).toContain("已报送盖章");
    expect(await run("核验报送", "核验通过")).toContain("核验通过");

    // The centre's consolidation of districts' workbooks picked from disk: the dashboard and its two charts.
    const districts = mkdtempSync(path.join(tmpdir(), "e2e-wps-city-"));
    const files: string[] = [];
    for (const [i, d] of ["黄浦区", "闵行区"].entries())
      files.push(await stampedWorkbook(districts, d, `${d}生态环境局`, "2026-10-09T10:00+08:00", i + 1));
    writeFileSync(path.join(districts, "奉贤区.xlsx"), "不是工作簿");
    await page.getByTestId("pick-files").setInputFiles([...files, path.join(districts, "奉贤区.xlsx")]);
    await page.getByText("已选 3 个文件").waitFor();
    expect(await run("汇总并生成统计看板", "已汇总")).toContain("已汇总 2 个区");
    expect(
      await page.evaluate(
        "window.__wpsHost.ActiveWorkbook.data.sheets.find(s => s.name === '统计看板').charts.length",
      ),
    ).toBe(2);
    await page.close();
  });

  it("reached nothing beyond the add-in's folder and raised no error", () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
