import { serialFromParts } from "../../src/core/dates";
import type { ProfileId } from "../../src/core/profiles";
import { REGISTER_SHEET } from "../../src/core/register";
import { officeBackend } from "../../src/taskpane/officeBackend";
import { isPaneSheet, runSelfTest, selfTestText, SELF_TEST_STEPS } from "../../src/taskpane/selfTest";
import { stringsFor } from "../../src/taskpane/language";
import { ExcelHost, installOfficeHost } from "../officehost";
import { snapshot } from "../excel/hostWorkbook";

const t = stringsFor("zh-CN");
const TODAY = serialFromParts(2026, 11, 24);
const NOW = new Date("2026-11-24T02:00:00Z");
const globals = globalThis as unknown as Record<string, unknown>;

/** A blank workbook as Excel makes one, with a sheet the user typed into. */
function blankHost(): ExcelHost {
  const host = new ExcelHost();
  host.seed("Sheet1", [["我的数据", 42]]);
  installOfficeHost(globals, host, {
    diagnostics: { host: "Excel", platform: "PC", version: "16.0.17928.20114" },
    excelApi: "1.12",
  });
  return host;
}

/** The steps done each time 自检 said it finished one, as the pane shows its progress. */
let progress: string[] = [];

const run = (profileId: ProfileId = "shanghai") =>
  runSelfTest(officeBackend, officeBackend.selfTest!, t, {
    profileId,
    now: NOW,
    today: TODAY,
    onStep: (done, total) => progress.push(`${done}/${total}`),
  });

afterEach(() => {
  progress = [];
  delete globals.Excel;
  delete globals.Office;
});

it.each<ProfileId>(["shanghai", "guangxi"])(
  "runs every command with ✓ (%s), reports the Office and its requirement sets, and leaves the workbook as it was",
  async (profileId) => {
    const host = blankHost();
    const before = snapshot(host);
    const report = await run(profileId);
    const text = selfTestText(report, t);
    expect(report.steps.map((s) => [s.step, s.outcome, s.error])).toEqual(
      SELF_TEST_STEPS.map((s) => [s, "ok", undefined]),
    );
    expect(progress).toEqual(SELF_TEST_STEPS.map((_, i) => `${i + 1}/${SELF_TEST_STEPS.length}`));
    expect(report.added).toContain(REGISTER_SHEET);
    // Each sheet it adds is one a later 自检 would refuse to run beside.
    expect(report.added.filter((n) => !isPaneSheet(n))).toEqual([]);
    expect(host.selection?.sheet).toBe(REGISTER_SHEET);
    expect(report.left).toEqual([]);
    expect(snapshot(host)).toBe(before);
    expect(text).toContain("宿主：Excel 16.0.17928.20114（平台：PC）");
    expect(text).toContain("支持：ExcelApi 1.1、");
    expect(text).toContain("ExcelApi 1.12\n");
    expect(text).toContain(
      "不支持：ExcelApi 1.13、ExcelApi 1.14、ExcelApi 1.15、ExcelApi 1.16、ExcelApi 1.17",
    );
    expect(text).toContain(`清理：已删除自检添加的 ${report.added.length} 张工作表`);
  },
  60_000,
);

it("shows a step Excel refuses with ✗ and Excel's code, message and call, and still deletes every sheet it added", async () => {
  const host = blankHost();
  const before = snapshot(host);
  host.failCall = {
    action: "Protect",
    code: "AccessDenied",
    message: "You cannot perform the requested operation.",
    location: "WorksheetProtection.protect",
  };
  const report = await run();
  const failed = report.steps.filter((s) => s.outcome === "failed");
  expect(failed).toEqual([
    expect.objectContaining({
      error: expect.objectContaining({
        code: "AccessDenied",
        message: "You cannot perform the requested operation.",
        location: "WorksheetProtection.protect",
      }),
    }),
  ]);
  const text = selfTestText(report, t);
  expect(text).toContain(
    `✗ ${t.selfTestSteps[failed[0]!.step]}\n    AccessDenied: You cannot perform the requested operation.（调用：WorksheetProtection.protect）；强审助手的提示：工作表或工作簿受保护`,
  );
  expect(report.left).toEqual([]);
  expect(snapshot(host)).toBe(before);
}, 60_000);

it("runs nothing more when the register cannot be created, and says so of each step", async () => {
  const host = blankHost();
  const before = snapshot(host);
  host.failCall = {
    action: "Add",
    code: "GeneralException",
    message: "Internal error.",
    location: "WorksheetCollection.add",
  };
  const report = await run();
  expect(report.steps.map((s) => s.outcome)).toEqual([
    "failed",
    ...SELF_TEST_STEPS.slice(1).map(() => "skipped"),
  ]);
  const text = selfTestText(report, t);
  expect(text).toContain(`– ${t.selfTestSteps.letters}：未运行（前面的步骤失败）`);
  expect(text).toContain("结果：0 项通过，1 项失败，16 项未运行。");
  expect(snapshot(host)).toBe(before);
});

it("deletes what a step left when Excel lost its connection in the middle of it", async () => {
  const host = blankHost();
  const before = snapshot(host);
  const quarterly = officeBackend.generateQuarterly;
  const backend = {
    ...officeBackend,
    generateQuarterly: (...args: Parameters<typeof quarterly>) => {
      host.failAfterOps = 40;
      return quarterly(...args);
    },
  };
  const report = await runSelfTest(backend, officeBackend.selfTest!, t, {
    profileId: "shanghai",
    now: NOW,
    today: TODAY,
  });
  expect(report.steps.find((s) => s.step === "quarterly")).toMatchObject({
    outcome: "failed",
    error: { code: "GeneralException" },
  });
  expect(report.left).toEqual([]);
  expect(snapshot(host)).toBe(before);
}, 60_000);

it("names the sheets it added and could not delete, with Excel's error", async () => {
  const host = blankHost();
  const selfTest = officeBackend.selfTest!;
  const refusing = {
    ...selfTest,
    deleteSheets: (names: readonly string[]) => {
      host.failCall = {
        action: "Delete",
        code: "InvalidOperation",
        message: "The operation is not valid.",
        location: "Worksheet.delete",
      };
      return selfTest.deleteSheets(names);
    },
  };
  const report = await runSelfTest(officeBackend, refusing, t, {
    profileId: "shanghai",
    now: NOW,
    today: TODAY,
  });
  expect(report.left).toEqual([REGISTER_SHEET]);
  expect(host.sheets.map((s) => s.name)).toEqual(["Sheet1", REGISTER_SHEET]);
  expect(selfTestText(report, t)).toContain(
    `清理未完成：以下工作表是自检添加的，未能删除，请手工删除：${REGISTER_SHEET}\n    InvalidOperation: The operation is not valid.（调用：Worksheet.delete）`,
  );
}, 60_000);

it("says which sheets to keep when Excel is lost for good and its sheets cannot be listed", async () => {
  const host = blankHost();
  const quarterly = officeBackend.generateQuarterly;
  const backend = {
    ...officeBackend,
    generateQuarterly: (...args: Parameters<typeof quarterly>) => {
      host.failAfterOps = 5;
      host.staysFailing = true;
      return quarterly(...args);
    },
  };
  const report = await runSelfTest(backend, officeBackend.selfTest!, t, {
    profileId: "shanghai",
    now: NOW,
    today: TODAY,
  });
  expect(report.left).toBeUndefined();
  expect(selfTestText(report, t)).toContain(
    "清理未完成：无法列出工作簿的工作表。自检前工作簿只有：Sheet1；请手工删除其余的工作表（均为自检添加）。",
  );
}, 60_000);

it("refuses, touching nothing, in a workbook that already holds the pane's register", async () => {
  const host = blankHost();
  host.seed(REGISTER_SHEET, [["企业名称"], ["上海甲化工有限公司"]]);
  const before = snapshot(host);
  const syncs = host.syncCount;
  const report = await run();
  expect(report.refused).toEqual([REGISTER_SHEET]);
  expect(report.steps).toEqual([]);
  expect(snapshot(host)).toBe(before);
  expect(host.syncCount - syncs).toBe(1);
  expect(selfTestText(report, t)).toContain(
    "请新建一个空白工作簿，在其中打开强审助手后运行自检（自检不读取、不改动您的工作表）",
  );
});
