/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { defaultSettings } from "../../src/core/settings";
import { App } from "../../src/taskpane/App";
import type { WorkbookBackend } from "../../src/taskpane/backend";
import { stringsFor } from "../../src/taskpane/language";

it("reads the register's enterprises once when 评分 opens, not on every focus, and again on demand", async () => {
  let reads = 0;
  const backend = {
    loadSettings: async () => defaultSettings("shanghai", "浦东新区生态环境局"),
    listEnterprises: async () => {
      reads++;
      return ["上海甲化工有限公司", "上海乙电镀有限公司"];
    },
  } as unknown as WorkbookBackend;
  render(<App t={stringsFor("zh-CN")} backend={backend} />);
  await act(async () => fireEvent.click(await screen.findByRole("tab", { name: "评分" })));
  await screen.findByRole("option", { name: "上海乙电镀有限公司" });
  const select = screen.getAllByRole("combobox")[0]!;
  for (let i = 0; i < 3; i++) await act(async () => fireEvent.focus(select));
  expect(reads).toBe(1);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "重新读取企业名单" })));
  expect(reads).toBe(2);
});
