/**
 * @jest-environment jsdom
 */
import "../helpers/jsdomNode";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { defaultSettings } from "../../src/core/settings";
import { App } from "../../src/taskpane/App";
import type { WorkbookBackend } from "../../src/taskpane/backend";
import { copyText } from "../../src/taskpane/clipboard";
import { officeBackend } from "../../src/taskpane/officeBackend";
import { stringsFor } from "../../src/taskpane/language";
import { ExcelHost, installOfficeHost } from "../officehost";

const t = stringsFor("zh-CN");
const globals = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

it("runs 自检 from 设置, shows the report and copies it as plain text", async () => {
  const host = new ExcelHost();
  host.seed("Sheet1", [["我的数据"]]);
  installOfficeHost(globals, host);
  const copied: string[] = [];
  Object.defineProperty(navigator, "clipboard", {
    configurable: true,
    value: { writeText: async (text: string) => void copied.push(text) },
  });
  render(<App t={t} backend={officeBackend} />);
  await act(async () => fireEvent.click(screen.getByRole("tab", { name: t.tabSettings })));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: t.selfTestRun })));
  const report = await screen.findByTestId("self-test-report", {}, { timeout: 60_000 });
  expect(report.textContent).toContain(`✓ ${t.selfTestSteps.submit}`);
  expect((await screen.findByTestId("message")).textContent).toBe(t.selfTestSummary(17, 0, 0));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: t.selfTestCopy })));
  expect(copied).toEqual([report.textContent]);
  expect(screen.getByTestId("message").textContent).toBe(t.selfTestCopied);
  expect(host.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
}, 90_000);

it("offers no 自检 where the backend has no host to test (the web page)", async () => {
  const backend = { loadSettings: async () => defaultSettings("shanghai") } as unknown as WorkbookBackend;
  render(<App t={t} backend={backend} />);
  await act(async () => fireEvent.click(screen.getByRole("tab", { name: t.tabSettings })));
  expect(screen.getByRole("button", { name: t.saveSettings })).toBeTruthy();
  expect(screen.queryByRole("button", { name: t.selfTestRun })).toBeNull();
});

it("copies through a selected textarea where the webview has no Clipboard API", async () => {
  Object.defineProperty(navigator, "clipboard", { configurable: true, value: undefined });
  const selected: string[] = [];
  document.execCommand = (command: string) => {
    const area = document.querySelector("textarea");
    selected.push(`${command}:${area?.value.slice(area.selectionStart, area.selectionEnd) ?? ""}`);
    return true;
  };
  expect(await copyText("强审助手自检报告\n✓ 创建台账")).toBe(true);
  expect(selected).toEqual(["copy:强审助手自检报告\n✓ 创建台账"]);
  expect(document.querySelector("textarea")).toBeNull();
});
