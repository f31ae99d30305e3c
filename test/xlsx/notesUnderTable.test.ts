// A line under the register's table that the reader leaves out as a note (注：…, 制表人：张三, a single value)
// is not silent: validate and refresh warn, naming its sheet and cell, that it was not read as an enterprise.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoData } from "../../src/core/demo";
import { getProfile } from "../../src/core/profiles";
import { REGISTER_SHEET } from "../../src/core/register";
import { loadWorkbook, workbookAnalysis } from "../../src/core/workbook";
import { saveWorkbook } from "../../src/xlsx/io";
import { readWorkbook } from "../../src/xlsx/parse";
import { newRegisterWorkbook } from "../../src/xlsx/registerWorkbook";
import { runCli } from "../cli/runCli";

jest.setTimeout(120_000);

const TODAY = 46350;

it("warns of each line under the table left out of the register, naming its sheet and cell", async () => {
  const data = demoData({
    profile: getProfile("shanghai"),
    district: "浦东新区生态环境局",
    seed: 3,
    today: TODAY,
    count: 4,
  });
  const wb = newRegisterWorkbook("shanghai", "浦东新区生态环境局", data);
  const ws = wb.getWorksheet(REGISTER_SHEET)!;
  const below = ws.rowCount + 1;
  ws.getCell(below, 1).value = "注：本表由区生态环境局按季度更新。";
  ws.getCell(below + 2, 1).value = "制表人：张三";
  const file = path.join(mkdtempSync(path.join(tmpdir(), "notes-")), "台账.xlsx");
  await saveWorkbook(wb, file);

  const loaded = loadWorkbook(await readWorkbook(readFileSync(file), "台账.xlsx"));
  expect(loaded.rows).toHaveLength(4);
  const notes = workbookAnalysis(loaded, TODAY).issues.filter((i) => i.code === "register.noteLine");
  expect(notes.map((i) => [i.sheet, i.cell, i.severity])).toEqual([
    [REGISTER_SHEET, `A${below}`, "warning"],
    [REGISTER_SHEET, `A${below + 2}`, "warning"],
  ]);
  expect(notes[1]!.message).toContain("“制表人：张三”未作为企业读入台账");

  const { out } = await runCli("validate", file);
  expect(out).toContain(`A${below}`);
  expect(out).toContain("未作为企业读入台账");
});
