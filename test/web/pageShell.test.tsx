/**
 * @jest-environment jsdom
 */
// The page around the pane's screens, in jsdom: the 中文 / English switch and its memory, the help link, and
// the 设置 a new page starts from (the last ones in this browser, unless the workbook has its own).

import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultSettings } from "../../src/core/settings";
import { App } from "../../src/taskpane/App";
import type { WorkbookBackend } from "../../src/taskpane/backend";
import { stringsFor } from "../../src/taskpane/language";
import { pageMemory } from "../../src/web/memory";
import { PageShell, WEB_HELP } from "../../src/web/PageShell";
import { localClient } from "../../src/web/localClient";
import { FileSession } from "../../src/web/session";

/** The tabs' labels (Fluent keeps a hidden bold copy of each beside it). */
const tabs = () => screen.getAllByRole("tab").map((t) => t.querySelector(".fui-Tab__content")?.textContent);
const page = (browserLanguage: string) =>
  render(
    <PageShell
      session={new FileSession(localClient())}
      memory={pageMemory(localStorage)}
      browserLanguage={browserLanguage}
    />,
  );
const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe("the page's language", () => {
  it("opens in the browser's language and switches to the other, keeping the choice for the next page", () => {
    page("en-US");
    expect(tabs()).toEqual(["Register", "Forms", "Scoring", "Settings"]);
    fireEvent.change(select("语言 / Language"), { target: { value: "zh-CN" } });
    expect(tabs()).toEqual(["台账", "报表", "评分", "设置"]);
    expect(screen.getByRole("heading").textContent).toBe("强审助手 网页版");
    expect(document.documentElement.lang).toBe("zh-CN");
    cleanup();

    page("en-US");
    expect(tabs()).toEqual(["台账", "报表", "评分", "设置"]);
    fireEvent.change(select("语言 / Language"), { target: { value: "en" } });
    expect(screen.getByRole("heading").textContent).toBe("Audit Assistant (web)");
    expect(document.title).toBe("Audit Assistant (web)");
    cleanup();
    page("zh-CN");
    expect(tabs()).toEqual(["Register", "Forms", "Scoring", "Settings"]);
  });
});

describe("the page's help", () => {
  it("links to the web help page, opened in a new tab so the open workbook stays", () => {
    page("zh-CN");
    const link = screen.getByRole("link", { name: "帮助" });
    expect(link.getAttribute("href")).toBe(WEB_HELP);
    expect(link.getAttribute("target")).toBe("_blank");
  });

  it("is a page of its own that says how to open and download, what stays local, and what the page asks", () => {
    const html = readFileSync(path.resolve(__dirname, "../../src/web/help.html"), "utf8");
    const config = readFileSync(path.resolve(__dirname, "../../webpack.config.js"), "utf8");
    expect(config).toContain(`{ from: "src/web/help.html", to: "${WEB_HELP}" }`);
    // Nothing it needs from elsewhere: it opens from file:// as the page does.
    expect(html).not.toMatch(/https?:\/\/|\bsrc=/);
    for (const words of ["打开工作簿", "另存为", "下载", "不离开这台电脑", "不上传", "先询问", "English"])
      expect(html).toContain(words);
    expect(html).not.toMatch(/加载项中|Excel“开始”选项卡/);
  });
});

describe("the 设置 a new page starts from", () => {
  it("are the profile and district chosen last in this browser", () => {
    page("zh-CN");
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    expect(select("地区配置").value).toBe("shanghai");
    fireEvent.change(select("地区配置"), { target: { value: "guangxi" } });
    fireEvent.change(input("填报单位"), { target: { value: "南宁市生态环境局" } });
    cleanup();

    page("zh-CN");
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    expect(select("地区配置").value).toBe("guangxi");
    expect(input("填报单位").value).toBe("南宁市生态环境局");
    // The profile decides the forms offered: 广西's, with 附件6.
    fireEvent.click(screen.getByRole("tab", { name: "评分" }));
    expect(screen.getByRole("button", { name: "附件1 清洁生产审核评估申请表" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^附表2 / })).toBeNull();
  });

  it("give way to the workbook's own 强审设置", async () => {
    const memory = pageMemory(localStorage);
    memory.save(defaultSettings("guangxi", "南宁市生态环境局"));
    const own = defaultSettings("shanghai", "浦东新区生态环境局", "张三");
    const backend = {
      loadSettings: async () => own,
      listEnterprises: async () => [],
    } as unknown as WorkbookBackend;
    render(<App t={stringsFor("zh-CN")} backend={backend} settingsMemory={memory} />);
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    await waitFor(() => expect(select("地区配置").value).toBe("shanghai"));
    expect(input("填报单位").value).toBe("浦东新区生态环境局");
    fireEvent.click(screen.getByRole("tab", { name: "评分" }));
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(
      expect.arrayContaining([
        "附表1 咨询服务机构基本情况表",
        "附表2 强制性清洁生产审核评估、验收档案材料清单",
        "附件6 企业清洁生产审核绩效表",
      ]),
    );
  });
});
