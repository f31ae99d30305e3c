// The production task pane in Debian's Chromium, with office.js answered by the in-memory Excel:
// create register → refresh status → generate a quarter → validate → click an issue, on an Excel that
// supports ExcelApi 1.8 exactly; a published list imported from disk; the centre consolidating districts'
// workbooks picked from disk; 自检 with its report copied; the message old webviews get instead of the pane. The build is for a bureau's own address (ADDIN_URL), as IT staff make
// it. The README's pictures are taken only with UPDATE_DOCS=1.

import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { writePublishedList } from "./publishedList";
import { chromium, type Browser, type Page } from "playwright-core";
import { stampedWorkbook } from "../cli/runCli";
import { serialFromParts } from "../../src/core/dates";
import { demoData } from "../../src/core/demo";
import { getProfile } from "../../src/core/profiles";
import { REGISTER_COLUMNS } from "../../src/core/register";
import { columnLetters } from "../../src/core/address";

jest.setTimeout(900_000);

const root = path.resolve(__dirname, "../..");
const web = path.join(root, "dist/web");
const shots = path.join(root, "docs");
const ADDIN_URL = "https://qs.example.org/addin/";

function build(): void {
  const webpack = path.join(root, "node_modules/.bin/webpack");
  // The pane and the page with its worker: the WPS add-in's build is its own test's.
  execFileSync(webpack, ["--mode", "production", "--config-name", "page-worker", "--config-name", "pages"], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, ADDIN_URL },
  });
  execFileSync(webpack, ["--config", "test/e2e/webpack.host.config.js"], { cwd: root, stdio: "pipe" });
}

function serve(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(web, decodeURIComponent((req.url ?? "/").split("?")[0]!));
    if (!file.startsWith(web) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith(".html")
      ? "text/html; charset=utf-8"
      : file.endsWith(".js")
        ? "application/javascript"
        : "application/octet-stream";
    res.writeHead(200, { "Content-Type": type });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Stamped district workbooks as `cpa submit` writes them, and a file that is not a workbook. */
async function districtFiles(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "e2e-city-"));
  const files: string[] = [];
  for (const [i, d] of ["黄浦区", "闵行区"].entries())
    files.push(await stampedWorkbook(dir, d, `${d}生态环境局`, "2026-10-09T10:00+08:00", i + 1));
  const broken = path.join(dir, "奉贤区.xlsx");
  writeFileSync(broken, "不是工作簿");
  return [...files, broken];
}

/** Register rows as a district types them: 40 enterprises, with one impossible date in H6 unless told not to. */
function typedRows({ badDate = true } = {}): unknown[][] {
  const data = demoData({
    profile: getProfile("shanghai"),
    district: "浦东新区生态环境局",
    seed: 4,
    today: serialFromParts(2026, 11, 24),
  });
  const rows = data.rows.map((r) =>
    REGISTER_COLUMNS.map((c) => {
      const v = (r as Record<string, unknown>)[c.field];
      return Array.isArray(v) ? v.join("、") : (v ?? null);
    }),
  );
  if (badDate) rows[4]![7] = "2026-02-30";
  return rows;
}

describe("the task pane in Chromium", () => {
  let browser: Browser;
  let server: http.Server;
  let page: Page;
  let base = "";
  const errors: string[] = [];

  beforeAll(async () => {
    build();
    server = await serve();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "zh-CN" });
    const host = readFileSync(path.join(root, "dist/e2e/office-host.js"), "utf8");
    // Nothing leaves the machine; office.js is answered by the in-memory Excel (the later route wins).
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await page.route("**/office.js", (route) =>
      route.fulfill({ contentType: "application/javascript", body: host }),
    );
    page.on("pageerror", (err) => errors.push(err.message));
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const message = () => page.getByTestId("message").innerText();
  /** A picture for README, taken only when asked: Chromium's rendering differs by a few bytes each run. */
  const picture = async (name: string) => {
    if (process.env.UPDATE_DOCS !== "1") return;
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, name), animations: "disabled" });
  };
  const host = <T>(fn: string) => page.evaluate(fn) as Promise<T>;
  /** The district's settings typed in 设置, then 创建台账 clicked. */
  const createRegister = async () => {
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByLabel("填报单位").fill("浦东新区生态环境局");
    await page.getByLabel("填报人").fill("张三");
    await page.getByRole("tab", { name: "台账" }).click();
    await page.getByRole("button", { name: "创建台账" }).click();
    await page.getByTestId("message").waitFor();
  };
  /** The district types its enterprises into the register. */
  const typeRows = (rows: unknown[][]) =>
    page.evaluate(
      (r) =>
        (
          window as unknown as {
            __excelHost: { seed(s: string, r: unknown[][], t: number, l: number): void };
          }
        ).__excelHost.seed("企业名单台账", r, 1, 0),
      rows,
    );

  it("creates the register, refreshes status, generates a quarter, validates, selects an issue's cell and adds a form", async () => {
    // The manifest's requirement set exactly: anything newer must be guarded by isSetSupported.
    await page.goto(`${base}/taskpane.html?excelApi=1.8`);
    expect(await host<string>("window.__excelHost.excelApi")).toBe("1.8");
    await createRegister();
    expect(await message()).toContain("已创建台账工作表");
    expect(await host<string[]>("window.__excelHost.sheets.map(s => s.name)")).toEqual([
      "企业名单台账",
      "名单调整记录",
      "强审设置",
    ]);
    expect(await host<string>("window.__excelHost.value('强审设置', 'B3')")).toBe("浦东新区生态环境局");

    await typeRows(typedRows());

    await page.getByLabel("统计日").fill("2026-11-24");
    await page.getByRole("button", { name: "刷新状态" }).click();
    await page.getByText("已刷新").waitFor();
    expect(await message()).toMatch(/已刷新 40 家企业的状态，其中逾期 \d+ 家/);
    expect(await page.getByTestId("counts").innerText()).toContain("按阶段");
    expect(await page.getByTestId("bureau").innerText()).toContain(
      "2026-10-10 季度报送（2026Q3）：未报送，已逾期",
    );
    expect(await page.getByTestId("bureau").innerText()).toContain(
      "2026-10-10 季度报送（2026Q3）：未报送，已逾期",
    );
    const stageColumn = columnLetters(REGISTER_COLUMNS.length);
    expect(await host<string>(`window.__excelHost.value('企业名单台账', '${stageColumn}2')`)).not.toBe(null);
    await picture("taskpane-status.png");

    // 督办清单: each line goes to its register row; the printable sheet is written beside the register.
    const worklist = page.getByTestId("worklist");
    expect(await worklist.innerText()).toMatch(/已逾期 \d+ 项，30 日内到期 \d+ 项/);
    await worklist.locator("li button").first().click();
    await page.waitForFunction(
      "window.__excelHost.selection && /^A\\d+$/.test(window.__excelHost.selection.address)",
    );
    await worklist.scrollIntoViewIfNeeded();
    await picture("taskpane-worklist.png");
    await worklist.getByRole("button", { name: "写入督办清单" }).click();
    await page.getByText("已生成“督办清单 2026-11-24”").waitFor();
    expect(await host<string>("window.__excelHost.value('督办清单 2026-11-24', 'A1')")).toBe("督办清单");

    await page.getByRole("tab", { name: "报表" }).click();
    await page.getByLabel("季度").fill("2026Q3");
    await page.getByRole("button", { name: "生成季度报表" }).click();
    await page.getByText("已生成").waitFor();
    expect(await message()).toContain("附表3 2026Q3");
    expect(await host<string>("window.__excelHost.value('附表3 2026Q3', 'A2')")).toBe(
      "重点行业实施强制性清洁生产审核情况表",
    );

    await page.getByRole("tab", { name: "台账" }).click();
    await page.getByRole("button", { name: "校验" }).click();
    await page.getByTestId("issues").waitFor();
    expect(await message()).toMatch(/发现 [1-9]\d* 个错误/);
    await page
      .getByTestId("issues")
      .getByRole("button", { name: /企业名单台账!H6/ })
      .click();
    await page.waitForFunction(
      "window.__excelHost.selection && window.__excelHost.selection.address === 'H6'",
    );
    expect(await host<unknown>("window.__excelHost.selection")).toEqual({
      sheet: "企业名单台账",
      address: "H6",
    });
    await picture("taskpane-validate.png");

    // 评分 lists the forms of the workbook's profile (Shanghai: 附表1) for the chosen enterprise.
    await page.getByRole("tab", { name: "评分" }).click();
    const enterprise = page.getByLabel("企业");
    await enterprise.focus();
    await page.waitForFunction("document.querySelectorAll('select option').length > 1");
    await enterprise.selectOption({ index: 1 });
    // Shanghai's forms: 附表1, 附表2 and 附件6, none of Guangxi's own (附件1, 附件4, 附件5, 附件9).
    expect(await page.getByRole("button", { name: /^附件[1459] / }).count()).toBe(0);
    await page.getByRole("button", { name: "附表1 咨询服务机构基本情况表" }).click();
    await page.getByText("已生成：附表1").waitFor();
    const sheets = await host<string[]>("window.__excelHost.sheets.map(s => s.name)");
    expect(sheets.filter((n) => n.startsWith("附表1 "))).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it("stamps the workbook, fetching the stamping code on first use, and stamps again after a change", async () => {
    const chunks: string[] = [];
    page.on("request", (r) => chunks.push(new URL(r.url()).pathname));
    await page.goto(`${base}/taskpane.html`);
    await createRegister();
    expect(await message()).toContain("已创建台账工作表");
    await typeRows(typedRows({ badDate: false }));
    await page.getByRole("tab", { name: "报表" }).click();
    await page.getByLabel("季度").fill("2026Q3");
    expect(chunks).not.toContain("/submission.js");
    await page.getByRole("button", { name: "报送盖章" }).click();
    await page.getByText("已报送盖章").waitFor();
    expect(chunks).toContain("/submission.js");
    expect(await host<boolean>("window.__excelHost.sheet('企业名单台账').protected")).toBe(true);
    await page.getByRole("button", { name: "核验报送" }).click();
    await page.getByText("核验通过").waitFor();

    // The officer unprotects the register and renames the first enterprise on 附表3.
    await page.evaluate(() => {
      const h = (
        window as unknown as {
          __excelHost: {
            sheet(n: string): { protected: boolean };
            value(s: string, a: string): unknown;
            type(s: string, a: string, v: string): void;
          };
        }
      ).__excelHost;
      h.sheet("企业名单台账").protected = false;
      const name = h.value("附表3 2026Q3", "B5");
      for (let r = 2; r <= 41; r++)
        if (h.value("企业名单台账", `B${r}`) === name)
          h.type("企业名单台账", `B${r}`, "改过名称的化工有限公司");
    });
    await page.getByRole("button", { name: "核验报送" }).click();
    await page.getByText("报送后已改动").waitFor();
    await page.getByRole("button", { name: "报送盖章" }).click();
    await page.getByText("已按台账重新生成").waitFor();
    expect(await message()).toContain("“附表3 2026Q3”与台账不一致");
    expect(await host<string>("window.__excelHost.value('附表3 2026Q3', 'B5')")).toBe(
      "改过名称的化工有限公司",
    );
    await page.getByRole("button", { name: "核验报送" }).click();
    await page.getByText("核验通过").waitFor();
    expect(errors).toEqual([]);
  });

  it("writes the default 评分细则 from the scoring tab, then checks it and lists its problems there", async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("tab", { name: "评分" }).click();
    await page.getByRole("button", { name: "评分细则" }).click();
    await page.getByText("已写入").waitFor();
    expect(await message()).toContain("已写入“评分细则”工作表");
    expect(await host<string>("window.__excelHost.value('评分细则', 'A1')")).toBe("评分表");
    await page.evaluate(() =>
      (
        window as unknown as {
          __excelHost: { seed(s: string, r: unknown[][], t: number, l: number): void };
        }
      ).__excelHost.seed("评分细则", [[0.3]], 1, 4),
    );
    await page.getByRole("button", { name: "评分细则" }).click();
    await page.getByTestId("issues").waitFor();
    expect(await message()).toContain("评分细则有 2 个错误");
    expect(await page.getByTestId("issues").innerText()).toContain("评分细则!E2");
    expect(errors).toEqual([]);
  });

  it("consolidates the districts' workbooks picked from disk into a dashboard with two charts", async () => {
    const files = await districtFiles();
    const chunks: string[] = [];
    page.on("request", (r) => chunks.push(new URL(r.url()).pathname));
    await page.goto(`${base}/taskpane.html`);
    expect(chunks).not.toContain("/reader.js");
    await page.getByRole("tab", { name: "报表" }).click();
    await page.getByLabel("季度").fill("2026Q3");
    await page.getByTestId("pick-files").setInputFiles(files);
    await page.getByText("已选 3 个文件").waitFor();
    await page.getByRole("button", { name: "汇总并生成统计看板" }).click();
    await page.getByText("已汇总").waitFor();
    // The files are read by the streaming reader; ExcelJS, which only writes new workbooks, stays unloaded.
    expect(chunks).toContain("/reader.js");
    expect(chunks).not.toContain("/exceljs.js");
    const text = await message();
    expect(text).toContain("已汇总 2 个区");
    expect(text).toContain("无法读取：奉贤区.xlsx");
    expect(text).toMatch(/未报送：.*浦东新区/);
    expect(await host<string[]>("window.__excelHost.sheets.map(s => s.name)")).toEqual([
      "统计看板",
      "报送核验",
      "各区统计",
      "附表3 全市 2026Q3",
      "附表4 全市 2026Q3",
    ]);
    expect(
      await host<string[]>("window.__excelHost.sheet('统计看板').charts.map(c => c.type + ' ' + c.title)"),
    ).toEqual(["ColumnStacked 各区企业阶段", "ColumnClustered 各类逾期企业数"]);
    expect(await host<string>("window.__excelHost.value('统计看板', 'A5')")).toBe("黄浦区");
    await page.waitForSelector('button:has-text("汇总并生成统计看板"):not([disabled])');
    await picture("taskpane-consolidate.png");
    expect(errors).toEqual([]);
  });

  it("imports a published list picked from disk: the report first, the rows appended on confirm", async () => {
    const list = path.join(mkdtempSync(path.join(tmpdir(), "e2e-list-")), "2027年名单.xlsx");
    await writePublishedList(list);

    await page.goto(`${base}/taskpane.html?excelApi=1.8`);
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByLabel("填报单位").fill("浦东新区生态环境局");
    await page.getByRole("tab", { name: "台账" }).click();
    await page.getByRole("button", { name: "创建台账" }).click();
    await page.getByText("已创建台账工作表").waitFor();
    await page.getByLabel("名单公布时间（名单中没有该列时填写）").fill("2027-03-20");
    await page.getByTestId("pick-list").setInputFiles(list);
    await page.getByTestId("import-report").waitFor();
    expect(await message()).toContain("将新增 2 家");
    expect(await page.getByTestId("import-report").innerText()).toContain("联系人");
    expect(await host<unknown>("window.__excelHost.value('企业名单台账', 'B2')")).toBeNull();
    await picture("taskpane-import.png");

    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("已在台账末尾追加 2 行").waitFor();
    expect(await host<string>("window.__excelHost.value('企业名单台账', 'B2')")).toBe(
      "上海新列入化工有限公司",
    );
    expect(await host<string>("window.__excelHost.value('企业名单台账', 'B3')")).toBe("=1+1");
    expect(await host<unknown>("window.__excelHost.cell('企业名单台账', 'B3').formula")).toBeUndefined();
    expect(await host<number>("window.__excelHost.value('企业名单台账', 'H3')")).toBe(
      serialFromParts(2027, 3, 20),
    );
    expect(errors).toEqual([]);
  });

  it("is built for ADDIN_URL: every manifest URL under it, nothing absolute in the page but office.js", () => {
    const manifest = readFileSync(path.join(web, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    const urls = [...manifest.matchAll(/>(https:[^<]+)<|"(https:[^"]+)"/g)].map((m) => m[1] ?? m[2]!);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) expect(u === "https://qs.example.org" || u.startsWith(ADDIN_URL)).toBe(true);
    const offline = path.resolve(root, "../shared/manifest-check.sh");
    if (existsSync(offline))
      expect(execFileSync("bash", [offline, path.join(web, "manifest.xml")], { encoding: "utf8" })).toContain(
        "manifest ok",
      );
    const html = readFileSync(path.join(web, "taskpane.html"), "utf8");
    const absolute = [...html.matchAll(/(?:src|href)=["']?(https?:[^"' >]+)/g)].map((m) => m[1]);
    expect(absolute).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });

  // User agents of the webviews Office 2016/2019 use: Internet Explorer 11 (Trident) and Edge Legacy (EdgeHTML).
  it.each([
    [
      "Internet Explorer 11",
      "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
    ],
    [
      "Edge Legacy",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
    ],
  ])("shows which Office versions work, instead of a blank pane, in the %s webview", async (_, userAgent) => {
    const old = await browser.newPage({ viewport: { width: 420, height: 600 }, locale: "zh-CN", userAgent });
    const hostScript = readFileSync(path.join(root, "dist/e2e/office-host.js"), "utf8");
    await old.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await old.route("**/office.js", (route) =>
      route.fulfill({ contentType: "application/javascript", body: hostScript }),
    );
    await old.goto(`${base}/taskpane.html`);
    const alert = old.getByTestId("unsupported-webview");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain("此版本的 Office 无法运行强审助手");
    expect(text).toContain("Microsoft 365（Windows、Mac）、Office 2021、Office 2024，以及 Excel 网页版");
    expect(text).toContain("请联系信息化部门升级 Office");
    // The pane itself never starts there.
    await old.waitForTimeout(500);
    expect(await old.getByRole("tab").count()).toBe(0);
    await old.close();
  });

  it("starts the pane where the server's CSP forbids eval", async () => {
    const strict = await browser.newPage({ viewport: { width: 420, height: 600 }, locale: "zh-CN" });
    const hostScript = readFileSync(path.join(root, "dist/e2e/office-host.js"), "utf8");
    await strict.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await strict.route("**/office.js", (route) =>
      route.fulfill({ contentType: "application/javascript", body: hostScript }),
    );
    await strict.route("**/taskpane.html", async (route) => {
      const response = await route.fetch();
      route.fulfill({
        response,
        headers: {
          ...response.headers(),
          "content-security-policy": "script-src 'self' 'unsafe-inline' https://appsforoffice.microsoft.com",
        },
      });
    });
    await strict.goto(`${base}/taskpane.html`);
    await strict.getByRole("tab", { name: "设置" }).waitFor();
    expect(await strict.getByTestId("unsupported-webview").count()).toBe(0);
    await strict.close();
  });

  it("runs 自检 from 设置 in a blank workbook, shows the report, copies it, and leaves the workbook as it was", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    await page.goto(`${base}/taskpane.html`);
    await page.evaluate(() =>
      (
        window as unknown as {
          __excelHost: { seed(s: string, r: unknown[][]): void };
        }
      ).__excelHost.seed("Sheet1", [["我的数据"]]),
    );
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByRole("button", { name: "运行自检" }).click();
    const report = page.getByTestId("self-test-report");
    await report.waitFor({ timeout: 300_000 });
    const text = await report.innerText();
    expect(text).toContain("宿主：Excel 16.0.0.0（平台：OfficeOnline）");
    expect(text).toContain("✓ 报送盖章");
    expect(text).not.toContain("✗");
    expect(await message()).toBe("结果：17 项通过，0 项失败。");
    expect(await host<string[]>("window.__excelHost.sheets.map(s => s.name)")).toEqual(["Sheet1"]);
    await page.getByRole("button", { name: "复制" }).click();
    await page.getByText("自检报告已复制到剪贴板").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(errors).toEqual([]);
  });

  it("shows which Office versions work in an engine without the ES2022 functions the pane needs", async () => {
    const older = await browser.newPage({ viewport: { width: 420, height: 600 }, locale: "zh-CN" });
    await older.addInitScript(() => delete (Array.prototype as { at?: unknown }).at);
    await older.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await older.goto(`${base}/taskpane.html`);
    await older.getByTestId("unsupported-webview").waitFor();
    expect(await older.getByRole("tab").count()).toBe(0);
    await older.close();
  });

  it("says in Chinese what is missing and what to do when office.js cannot load (the network blocked)", async () => {
    const blocked = await browser.newPage({ viewport: { width: 420, height: 600 }, locale: "zh-CN" });
    const failed: string[] = [];
    blocked.on("pageerror", (err) => failed.push(err.message));
    await blocked.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await blocked.goto(`${base}/taskpane.html`);
    const alert = blocked.getByTestId("no-office");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain("无法加载 Office 的脚本库 office.js");
    expect(text).toContain("放行 appsforoffice.microsoft.com（HTTPS，443 端口）");
    expect(text).toContain("强审助手网页版（与本窗格同一地址下的 index.html）");
    expect(await blocked.getByRole("tab").count()).toBe(0);
    expect(failed).toEqual([]);
    await blocked.close();
  });

  it("says the pane belongs in Excel when office.js loads in a page opened outside Office", async () => {
    const outside = await browser.newPage({ viewport: { width: 420, height: 600 }, locale: "zh-CN" });
    const hostScript = readFileSync(path.join(root, "dist/e2e/office-host.js"), "utf8");
    await outside.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await outside.route("**/office.js", (route) =>
      route.fulfill({ contentType: "application/javascript", body: hostScript }),
    );
    await outside.goto(`${base}/taskpane.html?outsideOffice=1`);
    const alert = outside.getByTestId("no-office");
    await alert.waitFor();
    expect(await alert.innerText()).toContain("强审助手是 Excel 加载项，请在 Excel 中打开");
    expect(await outside.getByRole("tab").count()).toBe(0);
    await outside.close();
  });

  it("starts the pane, with no message, in a current webview", async () => {
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole("tab", { name: "设置" }).waitFor();
    expect(await page.getByTestId("unsupported-webview").count()).toBe(0);
  });
});
