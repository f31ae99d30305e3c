// README's table of the headers 导入名单 recognises is LIST_HEADER_SYNONYMS itself: a test fails when they
// differ, and `UPDATE_DOCS=1` writes the table from the code (formatted as Prettier wants README).

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { LIST_HEADER_SYNONYMS, type ListField } from "../../src/core/importList";
import { README, readmeBetween, tableRows } from "../helpers/markdownTable";

const START = "<!-- list-headers:start -->";
const END = "<!-- list-headers:end -->";

/** What each column of a list becomes in the register (planImport). */
const USE: Record<ListField, string> = {
  seq: "不导入（新行的序号接台账续编）",
  name: "企业名称",
  creditCode: "统一社会信用代码",
  district: "所属区（全市名单只导入本区的行）",
  auditTypes: "审核类型（双超、双有、高耗能、其他；其余写入备注）",
  industry: "备注（行业：…）",
  document: "备注（文号：…）",
  publishedOn: "名单公布时间",
  listYear: "名单年度",
  remarks: "备注",
};

const expected = (Object.entries(LIST_HEADER_SYNONYMS) as [ListField, readonly string[]][]).map(
  ([field, labels]) => [labels.join("、"), USE[field]],
);

it("README lists every header synonym the import recognises, and only those", () => {
  const text = readFileSync(README, "utf8");
  const at = text.indexOf(START) + START.length;
  const end = text.indexOf(END);
  expect(at).toBeGreaterThan(START.length);
  if (process.env.UPDATE_DOCS === "1") {
    const table = ["| 名单中的列标题 | 导入为 |", "| --- | --- |", ...expected.map((r) => `| ${r.join(" | ")} |`)];
    const updated = `${text.slice(0, at)}\n\n${table.join("\n")}\n\n${text.slice(end)}`;
    writeFileSync(README, updated);
    execFileSync(path.resolve(__dirname, "../../node_modules/.bin/prettier"), ["--write", README]);
  }
  expect(tableRows(readmeBetween(START, END)).slice(1)).toEqual(expected);
});
