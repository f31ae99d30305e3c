// The web page's commands on a submitted workbook: the register is protected, and the page refuses to write
// into it as the task pane does (Excel enforces the protection there), saying how to proceed.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseIsoDate } from "../../src/core/dates";
import { REGISTER_SHEET, STAMPED_REGISTER_REFUSAL } from "../../src/core/register";
import { urgingFile } from "../../src/docx/urgingFiles";
import { importList, refreshStatus, worklistSheet, writeBack } from "../../src/web/operations";
import { writePublishedList } from "../e2e/publishedList";
import { openWorkbookBytes } from "../../src/xlsx/workbookCommands";
import { runCli, stampedWorkbook } from "../cli/runCli";
import { auditingEnterprise, fillScores, scoreSheets } from "../helpers/scoring";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "web-ops-"));
const asOf = parseIsoDate("2026-11-24")!;
let stamped = "";
let raw = "";

beforeAll(async () => {
  stamped = await stampedWorkbook(dir, "pd", "浦东新区生态环境局", "2026-10-09T10:00+08:00");
  raw = path.join(dir, "pd-raw.xlsx");
});

const input = (file: string) => ({ file: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });

describe("a submitted workbook on the page", () => {
  it("knows the register of a stamped workbook is protected, and that of an unstamped one is not", async () => {
    const [a, b] = [await openWorkbookBytes(input(stamped)), await openWorkbookBytes(input(raw))];
    expect(a.patch.isProtected(REGISTER_SHEET)).toBe(true);
    expect(b.patch.isProtected(REGISTER_SHEET)).toBe(false);
  });

  it("refuses to refresh status or write back scores into it, and refreshes an unstamped one", async () => {
    await expect(refreshStatus(input(stamped), asOf)).rejects.toThrow(STAMPED_REGISTER_REFUSAL);
    await expect(writeBack(input(stamped))).rejects.toThrow(STAMPED_REGISTER_REFUSAL);
    const r = await refreshStatus(input(raw), asOf);
    expect(r.bytes).not.toEqual(input(raw).bytes);
    expect(r.statuses.length).toBeGreaterThan(0);
  });

  it("offers no import of a published list into it: the preview is refused already", async () => {
    const list = path.join(dir, "名单.xlsx");
    await writePublishedList(list);
    const named = { name: "名单.xlsx", bytes: input(list).bytes };
    const options = { published: parseIsoDate("2027-03-20"), skipInvalid: false, apply: false, asOf };
    await expect(importList(input(stamped), named, options)).rejects.toThrow(STAMPED_REGISTER_REFUSAL);
    const preview = await importList(input(raw), named, options);
    expect(preview.report.added.length).toBe(2);
  });
});

describe("a write-back on the page", () => {
  it("leaves a panel's result unwritten while its date is empty, saying to type the date in WPS first", async () => {
    const base = path.join(dir, "scoring.xlsx");
    await runCli("demo", "-o", base, "--seed", "3");
    const enterprise = await auditingEnterprise(base, "2026-11-24");
    const out = path.join(dir, "scoring-sheets.xlsx");
    const sheets = await scoreSheets(base, out, enterprise);
    // Every expert gives full marks.
    await fillScores(out, sheets.slice(0, 3), [0, 0, 0]);
    const r = await writeBack(input(out));
    expect(r.written).toBe(0);
    expect(r.bytes).toEqual(input(out).bytes);
    const waiting = r.issues.find((i) => i.code === "score.noDate")!;
    expect(waiting.message).toContain(`“${enterprise}”的专家组结果未回填`);
    expect(waiting.message).toMatch(/在 WPS 或 Excel 中.*填写 [A-Z]+\d+/);
  });
});

describe("督办 on the page", () => {
  it("writes the printable 督办清单 sheet, and nothing when nothing is due", async () => {
    const r = await worklistSheet(input(raw), asOf);
    expect(r.sheet).toBe("督办清单 2026-11-24");
    const opened = await openWorkbookBytes({ file: "x.xlsx", bytes: r.bytes });
    expect(opened.grids.sheet("督办清单 2026-11-24")?.rows[0]?.[0]).toBe("督办清单");
    const early = await worklistSheet(input(raw), parseIsoDate("2000-01-01")!);
    expect(early.sheet).toBeNull();
    expect(early.bytes).toEqual(input(raw).bytes);
  });

  it("makes the letters and the calendar from the open workbook, and names an enterprise it does not hold", async () => {
    const { loaded } = await openWorkbookBytes(input(raw));
    const reminder = await urgingFile(loaded, "reminder", asOf);
    expect("file" in reminder && reminder.file.name).toBe("督办通知 2026-11-24.docx");
    const calendar = await urgingFile(loaded, "calendar", asOf);
    expect("file" in calendar && new TextDecoder().decode(calendar.file.bytes)).toMatch(/^BEGIN:VCALENDAR/);
    expect(await urgingFile(loaded, "notice", asOf, { enterprise: "不存在的公司" })).toEqual({
      problem: "台账中找不到企业“不存在的公司”",
    });
  });
});
