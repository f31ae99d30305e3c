// The WPS 加载项 as `npm run build` writes it (dist/wps), for a bureau's own address (ADDIN_URL): every script
// parses as the ECMAScript edition of the Chromium WPS embeds; ribbon.xml, manifest.xml and jsplugins.xml are as WPS
// reads them; and in Debian's Chromium, with nothing reachable beyond the add-in's folder and the functions of
// Chromiums newer than WPS's removed, the ribbon's callbacks open the pane once and the pane, with no workbook open
// or outside WPS, says what to do.

import { DOMParser } from "@xmldom/xmldom";
import * as acorn from "acorn";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type http from "node:http";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { version } from "../../package.json";
import { WPS_ES_YEAR } from "../../scripts/wps-target";
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

  it("reached nothing beyond the add-in's folder and raised no error", () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
