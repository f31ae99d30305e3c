// The workbook open on the web page: what a command's result does to it, and the name it is downloaded as.

import { runCli } from "../cli/runCli";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FileSession } from "../../src/web/session";
import { downloadName } from "../../src/web/WebPage";
import { localClient } from "../../src/web/localClient";

async function demoBytes(): Promise<Uint8Array> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "web-session-")), "d.xlsx");
  await runCli("demo", "-o", file, "--seed", "2");
  return new Uint8Array(readFileSync(file));
}

describe("the page's file session", () => {
  it("refuses bytes that are not a workbook and keeps the open one", async () => {
    const s = new FileSession(localClient());
    await s.open("浦东台账.xlsx", await demoBytes());
    await expect(s.open("坏.xlsx", new TextEncoder().encode("不是工作簿"))).rejects.toThrow(/坏\.xlsx/);
    expect(s.current()?.name).toBe("浦东台账.xlsx");
    expect(await s.host.call("names")).toContain("企业名单台账");
  });

  it("marks a change, ignores a command that handed back the same bytes, and counts new workbooks", async () => {
    const s = new FileSession(localClient());
    const bytes = await demoBytes();
    await s.open("浦东台账.xlsx", bytes);
    const opened = s.generation();
    s.replace(undefined);
    expect(s.current()?.modified).toBe(false);
    s.replace(bytes.slice());
    expect(s.current()).toMatchObject({ name: "浦东台账.xlsx", modified: true, created: false });
    expect(s.generation()).toBe(opened);
    s.markDownloaded();
    expect(s.current()?.modified).toBe(false);
    s.replace(bytes.slice(), "全市汇总 2026Q3.xlsx");
    expect(s.current()).toMatchObject({ modified: true, created: true });
    expect(s.generation()).toBe(opened + 1);
  });

  it("names a download after the file it came from, once", () => {
    expect(downloadName({ name: "浦东台账.xlsx", created: false })).toBe("浦东台账-已更新.xlsx");
    expect(downloadName({ name: "浦东台账-已更新.xlsx", created: false })).toBe("浦东台账-已更新.xlsx");
    expect(downloadName({ name: "台账.XLSX", created: false })).toBe("台账-已更新.xlsx");
    expect(downloadName({ name: "全市汇总 2026Q3.xlsx", created: true })).toBe("全市汇总 2026Q3.xlsx");
  });
});
