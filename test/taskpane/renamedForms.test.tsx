/**
 * @jest-environment jsdom
 */
// A form written beside one of the same name gets " (2)": every command that writes a form says so, in both
// languages, naming the old sheet and the new one.

import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { defaultSettings } from "../../src/core/settings";
import { App } from "../../src/taskpane/App";
import type { WorkbookBackend } from "../../src/taskpane/backend";
import { stringsFor } from "../../src/taskpane/language";

const ENTERPRISE = "上海甲化工有限公司";

const backend = {
  loadSettings: async () => ({ ...defaultSettings("shanghai", "浦东新区生态环境局"), preparer: "张三" }),
  listEnterprises: async () => [ENTERPRISE],
  generateQuarterly: async () => ["附表3 2026Q3 (2)", "附表4 2026Q3 (2)"],
  insertScoreSheets: async () => [`评估评分 ${ENTERPRISE} 专家1 (2)`],
  insertEnterpriseForm: async () => `附件6 ${ENTERPRISE} (2)`,
  annualReport: async () => ({
    sheet: "年度统计 2026 (2)",
    figures: { listed: { total: 3 }, openRounds: { open: 1 } },
  }),
  acceptanceList: async () => ({ sheet: "验收结果名单 2026 (3)", list: { passed: [], failed: [] } }),
} as unknown as WorkbookBackend;

// Fluent's message bar measures itself; jsdom has no ResizeObserver.
beforeAll(() => {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

async function said(language: string, tab: string, button: string, pick = false): Promise<string> {
  render(<App t={stringsFor(language)} backend={backend} />);
  await act(async () => fireEvent.click(await screen.findByRole("tab", { name: tab })));
  if (pick) {
    await screen.findByRole("option", { name: ENTERPRISE });
    await act(async () =>
      fireEvent.change(screen.getAllByRole("combobox")[0]!, { target: { value: ENTERPRISE } }),
    );
  }
  await act(async () => fireEvent.click(screen.getByRole("button", { name: button })));
  return (await screen.findByTestId("message")).textContent ?? "";
}

const zhNote = (old: string, n: number) => `工作簿中已有“${old}”，新表另存为“${old} (${n})”，原表未改动`;

it.each([
  ["报表", "生成季度报表", false, "附表4 2026Q3", 2],
  ["评分", "插入评分表", true, `评估评分 ${ENTERPRISE} 专家1`, 2],
  ["评分", "附件6 企业清洁生产审核绩效表", true, `附件6 ${ENTERPRISE}`, 2],
  ["报表", "生成年度统计", false, "年度统计 2026", 2],
  ["报表", "生成验收结果名单", false, "验收结果名单 2026", 3],
])("%s → %s explains a form written under a new name", async (tab, button, pick, old, n) => {
  expect(await said("zh-CN", tab, button, pick)).toContain(zhNote(old, n));
});

it("says it in English too", async () => {
  expect(await said("en-US", "Forms", "Build the annual figures")).toContain(
    "The workbook has “年度统计 2026” already; the new one is “年度统计 2026 (2)”, the old one is unchanged",
  );
});
