// 强审助手 网页版 in Chromium, from file:// with the network blocked: 附表2 and 附件6 added on the page as
// `cpa archive` and `cpa performance` add them; the 设置 and the language a new page remembers; the help page.

import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { chinaToday, formatIsoDate } from "../../src/core/dates";
import {
  cli,
  cliJson as json,
  openWorkbook,
  pageOptions,
  readBook,
  runCommand as run,
  sheetValues,
  webPageSuite,
} from "./webPage";

jest.setTimeout(600_000);

const today = formatIsoDate(chinaToday());

/** Each sheet's name and cells, in order, as ExcelJS reads the file. */
async function sheets(file: string) {
  return (await readBook(file)).worksheets.map((ws) => ({ name: ws.name, values: sheetValues(ws) }));
}

describe("the web page's per-enterprise sheets, memory and help, in Chromium from file://", () => {
  const suite = webPageSuite("webforms");
  const { dir, input, requests, errors } = suite;

  /** A page of its own browser context (its own localStorage), nothing reachable but its folder. */
  async function newContext(locale = "zh-CN") {
    const context = await suite.browser().newContext(pageOptions(locale));
    await suite.fence(context);
    const page = await context.newPage();
    await page.goto(suite.url());
    return { context, page };
  }

  it("adds 附表2 and 附件6 for an enterprise as cpa archive and cpa performance add them", async () => {
    const { context, page } = await newContext();
    await openWorkbook(page, input);
    const rows = (await json("status", input, "--as-of", today)) as { name: string; stage: string }[];
    const enterprise = rows.find((r) => r.stage === "evaluated" || r.stage === "accepted")!.name;

    await page.getByRole("tab", { name: "评分" }).click();
    await page.getByLabel("企业", { exact: true }).focus();
    await page.getByLabel("企业", { exact: true }).selectOption(enterprise);
    expect(await run(page, "附表2 强制性清洁生产审核评估、验收档案材料清单")).toContain("已生成：附表2 ");
    expect(await run(page, "附件6 企业清洁生产审核绩效表")).toContain("已生成：附件6 ");
    // Guangxi's forms are not offered for a Shanghai register.
    expect(await page.getByRole("button", { name: /^附件1 / }).count()).toBe(0);

    const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    const downloaded = path.join(dir, "web-forms.xlsx");
    await d.saveAs(downloaded);
    const [archived, byCli] = [path.join(dir, "cli-archive.xlsx"), path.join(dir, "cli-forms.xlsx")];
    await cli("archive", input, "--enterprise", enterprise, "-o", archived);
    await cli("performance", archived, "--enterprise", enterprise, "-o", byCli);

    const [web, cliSheets] = [await sheets(downloaded), await sheets(byCli)];
    expect(web.map((s) => s.name)).toEqual(cliSheets.map((s) => s.name));
    expect(web.slice(-2).map((s) => s.name.split(" ")[0])).toEqual(["附表2", "附件6"]);
    expect(web).toEqual(cliSheets);
    expect(await json("status", downloaded, "--as-of", today)).toEqual(
      await json("status", byCli, "--as-of", today),
    );
    await context.close();
  });

  it("starts a new page from the profile and district chosen last, unless the workbook has its own", async () => {
    const { context, page } = await newContext();
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByLabel("地区配置").selectOption("guangxi");
    await page.getByLabel("填报单位").fill("南宁市生态环境局");

    const again = await context.newPage();
    await again.goto(suite.url());
    await again.getByRole("tab", { name: "设置" }).click();
    expect(await again.getByLabel("地区配置").inputValue()).toBe("guangxi");
    expect(await again.getByLabel("填报单位").inputValue()).toBe("南宁市生态环境局");
    // 汇总 and the forms follow the profile: Guangxi's forms are offered.
    await again.getByRole("tab", { name: "评分" }).click();
    await again.getByRole("button", { name: "附件9 清洁生产审核验收意见表" }).waitFor();

    await openWorkbook(again, input);
    await again.getByRole("tab", { name: "设置" }).click();
    await expectValue(again, "地区配置", "shanghai");
    expect(await again.getByLabel("填报单位").inputValue()).toBe("浦东新区生态环境局");
    await context.close();
  });

  it("switches between 中文 and English, keeps the open workbook, and opens in the chosen language next time", async () => {
    const { context, page } = await newContext("en-US");
    expect(await page.getByRole("tab").allInnerTexts()).toEqual(["Register", "Forms", "Scoring", "Settings"]);
    await openWorkbook(page, input);
    await page.getByLabel("语言 / Language").selectOption("zh-CN");
    expect(await page.getByRole("tab").allInnerTexts()).toEqual(["台账", "报表", "评分", "设置"]);
    expect(await page.getByTestId("file-name").innerText()).toBe("已打开 浦东台账.xlsx");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");

    const again = await context.newPage();
    await again.goto(suite.url());
    expect(await again.getByRole("tab").allInnerTexts()).toEqual(["台账", "报表", "评分", "设置"]);
    await context.close();
  });

  it("opens its help page from file://, in a new tab, leaving the page as it was", async () => {
    const { context, page } = await newContext();
    await openWorkbook(page, input);
    const [help] = await Promise.all([
      context.waitForEvent("page"),
      page.getByRole("link", { name: "帮助" }).click(),
    ]);
    await help.waitForLoadState();
    expect(help.url()).toBe(pathToFileURL(path.join(suite.out, "web-help.html")).href);
    expect(await help.getByRole("heading", { level: 1 }).innerText()).toBe("强审助手 网页版 使用说明");
    expect(await help.getByText("工作簿不离开这台电脑").count()).toBe(1);
    expect(await page.getByTestId("file-name").innerText()).toBe("已打开 浦东台账.xlsx");
    await context.close();
  });

  it("fetched nothing beyond its folder and threw no error", () => {
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

async function expectValue(page: Page, label: string, value: string) {
  await page.waitForFunction(
    ([l, v]) =>
      Array.from(document.querySelectorAll("label")).some(
        (el) =>
          el.textContent === l &&
          (document.getElementById(el.htmlFor) as HTMLSelectElement | null)?.value === v,
      ),
    [label, value] as const,
  );
}
