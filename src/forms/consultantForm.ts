// 上海 附表1 咨询服务机构基本情况表: the consulting firm fills its part; the register gives the firm's name and
// the enterprise's. Laid out as the seed prints it, every other box left blank.

import { ENTERPRISE_FORM_TITLES } from "./enterpriseFormTitles";
import { text, wrappedHeight, type SheetLayout } from "./layout";
import type { EnterpriseFacts } from "./enterpriseFacts";
import { boxRow, field, formHead, formLayout, label, line, printed, signature, skip } from "./formGrid";

export const CONSULTANT_FORM = ENTERPRISE_FORM_TITLES.consultant;

const WIDTHS = [4.5, 7, 4.5, 6, 6, 8, 11, 9.5, 8.5, 13];

/** 机构技术能力符合情况: each requirement the firm marks as met or not. */
const CAPABILITIES = [
  "具有独立法人资格，具备为企业清洁生产审核提供公平、公正和高效率服务的质量保证体系和管理制度。",
  "具备开展清洁生产审核物料平衡测试、能量和水平衡测试的基本检测分析器具、设备或手段。",
  "拥有熟悉相关行业生产工艺、技术规程和节能、节水、污染防治管理要求的技术人员。",
  "拥有掌握清洁生产审核方法并具有清洁生产审核咨询经验的技术人员。",
];

/** 实施本项目清洁生产审核人员情况: the table's columns. */
const STAFF_COLUMNS = [
  "序号",
  "姓名",
  "年龄",
  "学历",
  "职称",
  "所学专业",
  "清洁生产相关证书名称",
  "证书编号",
  "从事清洁生产审核时间",
  "相关业绩",
];
const STAFF_ROWS = 5;

export function consultantLayout(facts: EnterpriseFacts, name: string): SheetLayout {
  const layout = formLayout(name, WIDTHS);
  const all = WIDTHS.length;
  let r = formHead(layout, CONSULTANT_FORM.attachment, CONSULTANT_FORM.title);
  line(layout, r++, 0, "以下内容由审核咨询服务机构填写", all, 22);
  boxRow(layout, r++, 36, label("机构名称（盖章）", 3), field(text(facts.consultant), 7));
  const trio = (a: string, b: string, c: string) =>
    boxRow(layout, r++, 34, label(a, 2), field(null, 2), label(b, 2), field(null), label(c), field(null, 2));
  trio("成立时间", "法定代表人", "注册资本");
  trio("机构性质", "固定资产", "工作场所面积");
  boxRow(layout, r++, 34, label("地址", 2), field(null, 5), label("邮编"), field(null, 2));
  trio("联系人", "固定电话/手机", "E-mail");
  trio("技术负责人", "固定电话/手机", "E-mail");
  boxRow(
    layout,
    r++,
    24,
    label("机构技术能力\n符合情况", 2, CAPABILITIES.length + 1),
    printed("以下内容符合的打，不符合的打", 8),
  );
  const textWidth = WIDTHS.slice(2, 9).reduce((a, b) => a + b, 0);
  for (const c of CAPABILITIES)
    boxRow(layout, r++, wrappedHeight(c, textWidth, 15), skip(2), printed(c, 7), field(null));
  boxRow(layout, r++, 26, label("实施本项目清洁生产审核人员情况", all));
  boxRow(layout, r++, 40, ...STAFF_COLUMNS.map((c) => label(c)));
  for (let i = 0; i < STAFF_ROWS; i++) boxRow(layout, r++, 30, ...STAFF_COLUMNS.map(() => field(null)));
  line(layout, r++, 0, "以下内容由企业填写", all, 26);
  boxRow(
    layout,
    r++,
    36,
    label("企业名称", 2),
    field(text(facts.name), 4),
    label("联系人和联系方式", 2),
    field(null, 2),
  );
  boxRow(
    layout,
    r++,
    52,
    printed(
      "　　公司已了解并知晓国家规定的清洁生产审核咨询服务机构应具备的技术能力和要求。\n　　公司确认审核咨询服务机构所填写的基本情况属实。",
      all,
    ),
  );
  boxRow(
    layout,
    r,
    78,
    signature(
      "经办人签字：                    \n\n企业盖章：                    \n\n时间：        年      月      日    ",
      all,
    ),
  );
  return layout;
}
