import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli as run, stampedWorkbook } from "./runCli";
import { getProfile } from "../../src/core/profiles";
import { Package } from "../../src/xlsx/package/opc";
import { convert } from "../helpers/libreoffice";
import { openpyxlResave } from "../helpers/openpyxl";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "cpa-centre-"));
const file = (name: string) => path.join(dir, name);

const stamped = (name: string, reporter: string, at: string, seed = 1) =>
  stampedWorkbook(dir, name, reporter, at, seed);

async function edit(src: string, dst: string, sheet: string, address: string, value: ExcelJS.CellValue) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  wb.getWorksheet(sheet)!.getCell(address).value = value;
  await wb.xlsx.writeFile(dst);
}

describe("submit and verify", () => {
  let ok = "";
  beforeAll(async () => {
    ok = await stamped("pd", "浦东新区生态环境局", "2026-10-09T16:00+08:00");
  });

  it("stamps a valid workbook and verifies it unchanged", async () => {
    const r = await run("verify", ok, "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files).toEqual([
      {
        file: ok,
        district: "浦东新区生态环境局",
        quarter: "2026Q3",
        stampedAt: "2026-10-09T16:00+08:00",
        state: "unchanged",
        changedSheets: [],
        late: false,
      },
    ]);
  });

  it("warns that status columns written into a stamped workbook break its stamp", async () => {
    const out = file("pd-status.xlsx");
    const r = await run("status", ok, "-o", out, "--as-of", "2026-10-09");
    expect(r.code).toBe(0);
    expect(r.err).toContain("不再核验通过");
    const v = await run("verify", out, "--json");
    expect(JSON.parse(v.out).files[0].state).toBe("changed");
    expect(JSON.parse((await run("verify", ok, "--json")).out).files[0].state).toBe("unchanged");
  });

  it.each([
    ["企业名单台账", "B3", "改过的企业名称"],
    ["名单调整记录", "E2", "补充说明"],
    ["附表3 2026Q3", "E5", "另一家咨询机构"],
    ["附表4 2026Q3", "B5", "x"],
  ])("detects one changed cell in %s and names the sheet", async (sheet, address, value) => {
    const changed = file(`changed-${address}.xlsx`);
    await edit(ok, changed, sheet, address, value);
    const r = await run("verify", changed, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0]).toMatchObject({ state: "changed", changedSheets: [sheet] });
  });

  it("detects an edited stamp (a later 报送时间 typed over)", async () => {
    const changed = file("changed-stamp.xlsx");
    await edit(ok, changed, "报送信息", "B7", "2026-10-08T09:00+08:00");
    expect(JSON.parse((await run("verify", changed, "--json")).out).files[0]).toMatchObject({
      state: "changed",
      changedSheets: ["报送信息"],
    });
  });

  it("calls a workbook stamped after the 10th late, and one stamped on the 10th on time", async () => {
    const late = await stamped("late", "黄浦区生态环境局", "2026-10-11T09:00+08:00", 2);
    const onTime = await stamped("ontime", "徐汇区生态环境局", "2026-10-10T23:59+08:00", 3);
    const r = JSON.parse((await run("verify", late, onTime, "--json")).out);
    expect(r.files.map((f: { late: boolean }) => f.late)).toEqual([true, false]);
  });

  it("says unstamped for a workbook never submitted", async () => {
    const raw = file("pd-raw.xlsx");
    expect(JSON.parse((await run("verify", raw, "--json")).out).files[0].state).toBe("unstamped");
  });

  it("stamps again after the register changed, laying out again the form the change touches", async () => {
    // The consultant of the first enterprise on 附表3 changes in the register.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ok);
    const name = wb.getWorksheet("附表3 2026Q3")!.getCell("B5").text;
    const register = wb.getWorksheet("企业名单台账")!;
    let row = 0;
    register.eachRow((r, n) => {
      if (r.getCell(2).text === name) row = n;
    });
    expect(row).toBeGreaterThan(1);
    register.getCell(row, 12).value = "新换的咨询机构有限公司";
    const changed = file("pd-consultant.xlsx");
    await wb.xlsx.writeFile(changed);
    const again = file("pd-again.xlsx");
    const r = await run(
      "submit",
      changed,
      "--quarter",
      "2026Q3",
      "--preparer",
      "张三",
      "-o",
      again,
      "--json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).regenerated).toEqual([
      {
        sheet: "附表3 2026Q3",
        difference: expect.stringMatching(/审核咨询机构名称：表中为“.*”，台账为“新换的咨询机构有限公司”/),
        keptAs: "附表3 2026Q3 旧",
      },
    ]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(again);
    expect(out.getWorksheet("附表3 2026Q3")!.getCell("E5").text).toBe("新换的咨询机构有限公司");
    // The old form is kept, renamed in its place, with the print titles that name it; the new one comes last.
    expect(out.worksheets.map((w) => w.name)).toEqual([
      ...wb.worksheets.map((w) => (w.name === "附表3 2026Q3" ? "附表3 2026Q3 旧" : w.name)),
      "附表3 2026Q3",
    ]);
    expect(out.getWorksheet("附表3 2026Q3 旧")!.getCell("E5").text).toBe(
      wb.getWorksheet("附表3 2026Q3")!.getCell("E5").text,
    );
    const names = new Package(new Uint8Array(readFileSync(again))).text("xl/workbook.xml");
    expect(names).toContain("'附表3 2026Q3 旧'!");
    expect(names).toContain("'附表3 2026Q3'!");
    expect(JSON.parse((await run("verify", again, "--json")).out).files[0].state).toBe("unchanged");
    // Stamped again as it is, nothing is laid out again.
    const third = await run(
      "submit",
      again,
      "--quarter",
      "2026Q3",
      "--preparer",
      "张三",
      "-o",
      file("pd-3.xlsx"),
    );
    expect(third.out).not.toContain("重新生成");
  });

  it("keeps the forms of a stamped workbook that LibreOffice or openpyxl re-saved, and stamps it again", async () => {
    const resaved = file("pd-openpyxl.xlsx");
    openpyxlResave(ok, resaved);
    for (const source of [convert([ok], "xlsx")[0]!, resaved]) {
      const out = file(`again-${path.basename(source)}`);
      const r = await run("submit", source, "--quarter", "2026Q3", "--preparer", "张三", "-o", out, "--json");
      expect([source, r.code, JSON.parse(r.out).regenerated]).toEqual([source, 0, []]);
      expect(JSON.parse((await run("verify", out, "--json")).out).files[0].state).toBe("unchanged");
    }
  });

  it("refuses to stamp over a sheet of the form's name that is somebody's own", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("pd-raw.xlsx"));
    wb.addWorksheet("附表4 2026Q3").getCell("A1").value = "自己的备忘";
    const own = file("pd-own.xlsx");
    await wb.xlsx.writeFile(own);
    const out = file("pd-own-s.xlsx");
    const r = await run("submit", own, "--quarter", "2026Q3", "--preparer", "张三", "-o", out);
    expect(r.code).toBe(1);
    expect(r.out).toContain("工作表“附表4 2026Q3”不是2026Q3的强制性清洁生产审核名单调整表");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses to stamp a workbook with errors, listing them", async () => {
    const bad = file("bad.xlsx");
    await edit(file("pd-raw.xlsx"), bad, "企业名单台账", "C2", "91310000132149238G");
    const r = await run("submit", bad, "--quarter", "2026Q3", "--preparer", "张三", "-o", file("bad-s.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("C2");
  });
});

describe("consolidate", () => {
  it("consolidates 16 districts: one file unreadable, one district missing, one late", async () => {
    const districts = getProfile("shanghai").districts;
    const files: string[] = [];
    for (let i = 0; i < districts.length; i++) {
      const d = districts[i]!;
      if (d === "崇明区") continue; // missing
      if (d === "金山区") {
        const broken = file("金山区.xlsx");
        writeFileSync(broken, "这不是工作簿");
        files.push(broken);
        continue;
      }
      files.push(
        await stamped(
          d,
          `${d}生态环境局`,
          d === "青浦区" ? "2026-10-15T09:00+08:00" : "2026-10-08T09:00+08:00",
          i + 10,
        ),
      );
    }
    const city = file("city.xlsx");
    const html = file("city.html");
    const r = await run("consolidate", ...files, "--quarter", "2026Q3", "-o", city, "--html", html, "--json");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.districts).toHaveLength(14);
    expect(summary.failed).toEqual([expect.objectContaining({ file: "金山区.xlsx" })]);
    expect(summary.missing).toEqual(["崇明区"]);
    expect(summary.late).toEqual(["青浦区"]);
    expect(summary.districts.every((d: { state: string }) => d.state === "unchanged")).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(city);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "统计看板",
      "报送核验",
      "各区统计",
      "附表3 全市 2026Q3",
      "附表4 全市 2026Q3",
    ]);
    const total = summary.districts.reduce(
      (a: number, d: { implementationRows: number }) => a + d.implementationRows,
      0,
    );
    let rows = 0;
    wb.getWorksheet("附表3 全市 2026Q3")!.eachRow(
      (row, n) => n > 3 && typeof row.getCell(1).value === "number" && rows++,
    );
    expect(rows).toBe(total);
    // 统计看板 carries its two charts, as the task pane draws them.
    const pkg = new Package(new Uint8Array(readFileSync(city)));
    const charts = pkg.listParts().filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p.name));
    expect(charts.map((p) => pkg.text(p.name).match(/<a:t>([^<]*)<\/a:t>/)?.[1])).toEqual([
      "各区企业阶段",
      "各类逾期企业数",
    ]);
  });
});
