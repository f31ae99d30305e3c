// The published list both browser tests import: a title merged above the header, the publisher's own header
// names, a column the register has no place for (联系人), and a name Excel would run as a formula.

import ExcelJS from "exceljs";
import { withCheckChar } from "../../src/core/creditCode";

export async function writePublishedList(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("附件");
  ws.addRow(["2027年重点行业强制性清洁生产审核企业名单"]);
  ws.mergeCells("A1:E1");
  ws.addRow(["序号", "单位名称", "社会信用代码", "县（市、区）", "联系人"]);
  ws.addRow(["1", "上海新列入化工有限公司", withCheckChar("91310115000000901"), "浦东新区", "张三"]);
  ws.addRow(["2", "=1+1", withCheckChar("91310115000000902"), "浦东新区", "李四"]);
  await wb.xlsx.writeFile(file);
}
