// The page's per-enterprise sheets: 附表2 and 附件6 written into the open workbook's bytes as `cpa archive` and
// `cpa performance` write them into the file, and only where the workbook's profile has them.

import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getProfile } from "../../src/core/profiles";
import { enterpriseSheetsOf } from "../../src/forms/enterpriseFormTitles";
import { enterpriseForm } from "../../src/web/operations";
import { runCli } from "../cli/runCli";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "web-sheets-"));

async function cli(...argv: string[]) {
  const r = await runCli(...argv);
  if (r.code !== 0) throw new Error(`cpa ${argv.join(" ")}: ${r.out}${r.err}`);
  return r.out;
}

async function sheets(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    values: ws.getSheetValues().map((r) => JSON.stringify(r)),
  }));
}

describe("the page's per-enterprise sheets", () => {
  it("offers 附表2 to Shanghai only, and 附件6 to both profiles, after their seed forms", () => {
    expect(enterpriseSheetsOf(getProfile("shanghai"))).toEqual(["consultant", "archive", "performance"]);
    expect(enterpriseSheetsOf(getProfile("guangxi"))).toEqual([
      "evaluation-application",
      "evaluation-review",
      "acceptance-application",
      "acceptance-opinion",
      "performance",
    ]);
  });

  it("adds 附表2 and 附件6 to the open workbook as cpa archive and cpa performance add them", async () => {
    const input = path.join(dir, "浦东台账.xlsx");
    await cli("demo", "-o", input, "--district", "浦东新区生态环境局", "--seed", "4");
    const rows = JSON.parse(await cli("status", input, "--json")) as { name: string; stage: string }[];
    const enterprise = rows.find((r) => r.stage === "accepted")!.name;

    const bytes = new Uint8Array(readFileSync(input));
    const archived = await enterpriseForm({ file: "浦东台账.xlsx", bytes }, "archive", enterprise);
    const both = await enterpriseForm(
      { file: "浦东台账.xlsx", bytes: archived.bytes },
      "performance",
      enterprise,
    );
    expect([...archived.sheets, ...both.sheets].map((s) => s.split(" ")[0])).toEqual(["附表2", "附件6"]);

    const [a, b] = [path.join(dir, "a.xlsx"), path.join(dir, "b.xlsx")];
    await cli("archive", input, "--enterprise", enterprise, "-o", a);
    await cli("performance", a, "--enterprise", enterprise, "-o", b);
    expect(await sheets(both.bytes)).toEqual(await sheets(new Uint8Array(readFileSync(b))));
  });

  it("refuses 附表2 for a Guangxi workbook, naming what it offers", async () => {
    const input = path.join(dir, "南宁台账.xlsx");
    await cli("demo", "-o", input, "--profile", "guangxi", "--seed", "4");
    const rows = JSON.parse(await cli("status", input, "--json")) as { name: string }[];
    const bytes = new Uint8Array(readFileSync(input));
    await expect(enterpriseForm({ file: "南宁台账.xlsx", bytes }, "archive", rows[0]!.name)).rejects.toThrow(
      /^广西壮族自治区配置的工作簿没有附表2 强制性清洁生产审核评估、验收档案材料清单；可生成：附件1 .*、附件6 企业清洁生产审核绩效表$/,
    );
  });
});
