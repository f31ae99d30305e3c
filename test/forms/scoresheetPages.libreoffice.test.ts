// 评估评分表 (附件3) and 验收评分表 (附件8) on paper: each prints on one A4 portrait page, so that no page holds
// a few items and the verdict cut off from the rest.

import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SCORING_KINDS } from "../../src/core/rubrics";
import { scoreSheetLayout } from "../../src/forms/scoresheets";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { convert } from "../helpers/libreoffice";

jest.setTimeout(240_000);

function pdfInfo(pdf: string): { pages: number; size: string } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]),
    size: /^Page size:\s+(.*)$/m.exec(info)![1]!,
  };
}

describe("the scoring sheets on paper", () => {
  it.each(["guangxi", "shanghai"] as const)("print on exactly one A4 portrait page (%s)", async (profile) => {
    const dir = mkdtempSync(path.join(tmpdir(), "score-pages-"));
    const files = await Promise.all(
      SCORING_KINDS.map(async (kind) => {
        const wb = new ExcelJS.Workbook();
        const enterprise = "广西壮族自治区南宁市某某糖业集团股份有限公司第二制糖分公司";
        writeLayout(wb, scoreSheetLayout({ kind, enterprise, expert: "专家1", profile }).layout);
        const file = path.join(dir, `${kind}.xlsx`);
        await wb.xlsx.writeFile(file);
        return file;
      }),
    );
    const infos = convert(files, "pdf").map((p) => ({ kind: path.basename(p, ".pdf"), ...pdfInfo(p) }));
    expect(infos).toEqual(
      SCORING_KINDS.map((kind) => ({
        kind,
        pages: 1,
        size: expect.stringMatching(/^595\.\d* x 841\.\d* pts \(A4\)$/),
      })),
    );
  });
});
