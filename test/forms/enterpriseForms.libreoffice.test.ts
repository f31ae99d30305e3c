// The seeds' per-enterprise forms as LibreOffice prints them: each on exactly one A4 portrait page.

import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ENTERPRISE_FORM_KINDS, guangxi } from "../../src/core/profiles";
import type { RegisterRow } from "../../src/core/register";
import { enterpriseFormLayout } from "../../src/forms/enterpriseForms";
import { writeLayout } from "../../src/xlsx/writeLayout";
import { convert } from "../helpers/libreoffice";
import { row } from "../core/fixtures";

jest.setTimeout(240_000);

/** A row whose every pre-filled box holds long text, so a form that grows with its contents shows it. */
const longest: RegisterRow = {
  ...row({
    name: "广西壮族自治区南宁市某某糖业集团股份有限公司第二制糖分公司",
    creditCode: "91450100MA5L0LXK2B",
    consultant: "广西壮族自治区某某环境保护科学研究院清洁生产咨询服务中心有限公司",
    disclosedOn: "2025-04-10",
    startedOn: "2025-05-06",
    evaluatedOn: "2026-02-12",
    evaluationScore: 84.5,
    acceptedOn: "2027-03-20",
  }),
  district: "南宁市青秀区",
  auditTypes: ["双超", "双有", "高耗能", "其他"],
};

function pdfInfo(pdf: string): { pages: number; size: string } {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]),
    size: /^Page size:\s+(.*)$/m.exec(info)![1]!,
  };
}

describe("the seeds' per-enterprise forms on paper", () => {
  it("prints each on exactly one A4 portrait page", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "enterprise-forms-"));
    const files = await Promise.all(
      ENTERPRISE_FORM_KINDS.map(async (kind) => {
        const wb = new ExcelJS.Workbook();
        writeLayout(
          wb,
          enterpriseFormLayout(kind, longest, { district: "南宁市生态环境局", profile: guangxi }),
        );
        const file = path.join(dir, `${kind}.xlsx`);
        await wb.xlsx.writeFile(file);
        return file;
      }),
    );
    const pdfs = convert(files, "pdf");
    const infos = pdfs.map((p) => ({ form: path.basename(p, ".pdf"), ...pdfInfo(p) }));
    // A4 is 595 × 842 points, portrait.
    expect(infos).toEqual(
      ENTERPRISE_FORM_KINDS.map((form) => ({
        form,
        pages: 1,
        size: expect.stringMatching(/^595\.\d* x 841\.\d* pts \(A4\)$/),
      })),
    );
  });
});
