/**
 * @jest-environment jsdom
 */
// A register of tens of thousands of rows has thousands of acts to urge: the 督办清单 draws them in parts, as
// the issue list does, so that showing it does not freeze the pane or the page.

import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { defaultSettings } from "../../src/core/settings";
import type { WorklistItem } from "../../src/core/worklist";
import { App } from "../../src/taskpane/App";
import type { RefreshResult, WorkbookBackend } from "../../src/taskpane/backend";
import { stringsFor } from "../../src/taskpane/language";

beforeAll(() => {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

const item = (row: number): WorklistItem => ({
  sheet: "企业名单台账",
  row,
  name: `企业${row}`,
  creditCode: "",
  listYear: 2025,
  act: "start",
  label: "启动审核",
  deadline: 46000,
  overdueDays: 10,
  daysLeft: null,
  contact: "",
  phone: "",
  basis: "",
});

it("draws the first 50 acts of a long 督办清单 and the rest on demand", async () => {
  const items = Array.from({ length: 500 }, (_, i) => item(i + 2));
  const result = {
    statuses: [],
    issues: [],
    bureau: { deadlines: [], rollOver: [] },
    worklist: { asOf: 46350, within: 30, items },
  } as unknown as RefreshResult;
  const backend = {
    loadSettings: async () => defaultSettings("shanghai", "浦东新区生态环境局"),
    refreshStatus: async () => result,
  } as unknown as WorkbookBackend;
  render(<App t={stringsFor("zh-CN")} backend={backend} />);
  await act(async () => fireEvent.click(await screen.findByRole("button", { name: "刷新状态" })));
  const list = await screen.findByTestId("worklist");
  expect(within(list).getAllByRole("listitem")).toHaveLength(50);
  await act(async () => fireEvent.click(within(list).getByRole("button", { name: "显示其余 450 条" })));
  expect(within(list).getAllByRole("listitem")).toHaveLength(300);
});
