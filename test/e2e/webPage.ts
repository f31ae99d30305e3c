// What the browser tests of 强审助手 网页版 share: the page built into a folder of its own, a district's demo
// register, Debian's Chromium, pages opened from file:// that reach nothing beyond their folder (what they
// tried and every error they threw recorded), the clicks that run a command, and cpa run beside them.

import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { runCli } from "../cli/runCli";

export const root = path.resolve(__dirname, "../..");

/** How long a suite's setup may take: a production build of the page, a demo register, Chromium's start. */
const SETUP_TIMEOUT = 1_800_000;

/** cpa's output (exit 0, or 1 for a workbook with validation errors); any other exit fails the test. */
export async function cli(...argv: string[]): Promise<string> {
  const r = await runCli(...argv);
  if (r.code !== 0 && r.code !== 1) throw new Error(`cpa ${argv.join(" ")}: ${r.out}${r.err}`);
  return r.out;
}

/** cpa's `--json` output, parsed. */
export const cliJson = async (...argv: string[]) => JSON.parse(await cli(...argv, "--json"));

/** A workbook file as ExcelJS reads it. */
export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A sheet's cells, a row as JSON each, so that two workbooks compare sheet by sheet. */
export const sheetValues = (ws: ExcelJS.Worksheet) => ws.getSheetValues().map((r) => JSON.stringify(r));

/** The options of every page: a window wide enough for the pane and the preview, a language, downloads. */
export const pageOptions = (locale = "zh-CN") => ({
  viewport: { width: 1100, height: 1000 },
  locale,
  acceptDownloads: true,
});

export interface WebPageSuite {
  /** The build folder: index.html and its scripts. */
  out: string;
  /** The test's own temporary folder. */
  dir: string;
  /** A Shanghai demo register of 浦东新区生态环境局 (seed 5) in `dir`. */
  input: string;
  /** Every address a page asked for, and every error a page threw. */
  requests: string[];
  errors: string[];
  browser(): Browser;
  /** The page's address. */
  url(): string;
  /** Lets a page or a browser context reach only file:// addresses, recording what it asks for and throws. */
  fence(target: Page | BrowserContext): Promise<void>;
}

/**
 * Registers the suite's setup: the production build of the page into dist/e2e/`folder` (each test file its own,
 * as the browser tests run at the same time), the demo register, and Chromium, closed after the suite.
 */
export function webPageSuite(folder: string): WebPageSuite {
  let browser: Browser | undefined;
  const suite: WebPageSuite = {
    out: path.join(root, "dist/e2e", folder),
    dir: mkdtempSync(path.join(tmpdir(), `e2e-${folder}-`)),
    input: "",
    requests: [],
    errors: [],
    browser: () => browser!,
    url: () => pathToFileURL(path.join(suite.out, "index.html")).href,
    async fence(target) {
      await target.route(/^(?!file:)/, (route) => route.abort());
      target.on("request", (r) => suite.requests.push(r.url()));
      const recordErrors = (p: Page) => p.on("pageerror", (err) => suite.errors.push(err.message));
      if ("newPage" in target) target.on("page", recordErrors);
      else recordErrors(target);
    },
  };
  suite.input = path.join(suite.dir, "浦东台账.xlsx");

  // The production build alone takes minutes on a busy machine: the setup has longer than a test.
  beforeAll(async () => {
    execFileSync(
      path.join(root, "node_modules/.bin/webpack"),
      // The page and its worker only: the WPS add-in's build is its own test's.
      [
        "--mode",
        "production",
        "--config-name",
        "page-worker",
        "--config-name",
        "pages",
        "--output-path",
        suite.out,
      ],
      { cwd: root, stdio: "pipe" },
    );
    await cli("demo", "-o", suite.input, "--district", "浦东新区生态环境局", "--seed", "5");
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  return suite;
}

/** Clicks a command and waits for its message (a new one each time: the old one is removed first). */
export async function runCommand(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name, exact: true }).click();
  await page.getByTestId("message").waitFor();
  await page.waitForFunction(() => !document.querySelector("[data-testid=progress]"));
  return page.getByTestId("message").innerText();
}

/** Opens a workbook file on the page, as a user picks it, and waits until the page names it. */
export async function openWorkbook(page: Page, file: string): Promise<void> {
  await page.getByTestId("open-file").setInputFiles(file);
  await page
    .getByTestId("file-name")
    .filter({ hasText: path.basename(file) })
    .waitFor();
}
