// 自检 in WPS 表格: the pane's self-test over the WPS backend on the in-memory WPS, all steps done, a refused
// call reported by WPS's own number and description, and the workbook left as it was either way.

import { serialFromParts } from "../../src/core/dates";
import { REGISTER_SHEET } from "../../src/core/register";
import { runSelfTest, selfTestText, SELF_TEST_STEPS } from "../../src/taskpane/selfTest";
import { stringsFor } from "../../src/taskpane/language";
import { wpsBackend } from "../../src/wps/backend";
import { dumpWorkbook, WpsApplication } from "../wpshost";

jest.setTimeout(120_000);

const t = stringsFor("zh-CN");
const TODAY = serialFromParts(2026, 11, 24);
const NOW = new Date("2026-11-24T02:00:00Z");

/** A new workbook in WPS with a sheet the user typed into. */
function blankWps() {
  const app = new WpsApplication({ today: TODAY, version: "12.1.0", build: 17_900 });
  app.Workbooks.Add();
  app.ActiveWorkbook!.Worksheets.Item(1).Range("A1:B1").Value2 = [["我的数据", 42]];
  const backend = wpsBackend(app as never);
  const run = () =>
    runSelfTest(backend, backend.selfTest!, t, { profileId: "guangxi", now: NOW, today: TODAY });
  return { app, run, state: () => JSON.stringify(dumpWorkbook(app.ActiveWorkbook!)) };
}

it("runs every command with ✓ in WPS, names WPS and its version, and leaves the workbook as it was", async () => {
  const { run, state } = blankWps();
  const before = state();
  const report = await run();
  expect(report.steps.map((s) => [s.step, s.outcome, s.error?.message])).toEqual(
    SELF_TEST_STEPS.map((s) => [s, "ok", undefined]),
  );
  expect(report.added).toContain(REGISTER_SHEET);
  expect(report.left).toEqual([]);
  expect(state()).toBe(before);
  expect(selfTestText(report, t)).toContain("宿主：WPS 表格 12.1.0 build 17900");
});

it("reports a call WPS refuses by its number and description, and still deletes what it added", async () => {
  const { app, run, state } = blankWps();
  const before = state();
  app.failOn("Worksheet.Protect");
  const report = await run();
  const failed = report.steps.find((s) => s.outcome === "failed")!;
  expect(failed.error).toMatchObject({ code: "1004", message: expect.stringContaining("Protect") });
  expect(failed.error?.shown).toMatch(/^WPS /);
  expect(report.left).toEqual([]);
  expect(state()).toBe(before);
});
