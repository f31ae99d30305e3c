// 广西 附件1 清洁生产审核评估申请表 and 附件5 清洁生产审核验收申请表, which the enterprise fills and stamps, laid
// out as the seed prints them, with what the register knows filled in and every other box left blank.

import { ENTERPRISE_FORM_TITLES } from "./enterpriseFormTitles";
import { date, text, wrappedHeight, type SheetLayout } from "./layout";
import type { EnterpriseFacts } from "./enterpriseFacts";
import {
  BOX,
  boxes,
  boxRow,
  field,
  formHead,
  formLayout,
  label,
  line,
  printed,
  signature,
  skip,
  TICKED,
  yesNo,
} from "./formGrid";

export const EVALUATION_APPLICATION = ENTERPRISE_FORM_TITLES["evaluation-application"];
export const ACCEPTANCE_APPLICATION = ENTERPRISE_FORM_TITLES["acceptance-application"];

const DATE_LINE = "申请日期：    年     月    日";

/** 附件1 审核类型 as printed, with the register's 审核类型 each ticks (the others the register never records). */
const AUDIT_TYPE_BOXES: readonly (readonly [string, string | null])[] = [
  ["双超企业", "双超"],
  ["双有企业", "双有"],
  ["高耗能企业", "高耗能"],
  ["自愿性企业", null],
  ["国控重点企业", null],
  ["区控重点企业", null],
  ["其他企业", "其他"],
];

const QUESTIONS = [
  "已根据《清洁生产审核办法》中的“第十一条”要求，公布相关信息",
  "清洁生产审核过程中是否有限期治理项目",
  "清洁生产审核过程中限期治理项目是否已完成",
];
const POLICY =
  "符合国家清洁生产相关产业政策，没有使用国家明令已淘汰的落后生产工艺装备，没有生产国家明令淘汰的落后产品国家明令限期淘汰的或国家明令淘汰的落后生产工艺装备、设备情况明晰，并已列入整改计划";

export function evaluationApplicationLayout(facts: EnterpriseFacts, name: string): SheetLayout {
  const layout = formLayout(name, [12, 14, 11, 19, 11, 13]);
  let r = formHead(layout, EVALUATION_APPLICATION.attachment, EVALUATION_APPLICATION.title);
  line(layout, r++, 3, DATE_LINE, 3, 24);
  boxRow(layout, r++, 46, label("企业名称\n（加盖公章）"), field(text(facts.name), 5));
  boxRow(layout, r++, 34, label("企业所在地"), field(text(facts.district), 5));
  boxRow(
    layout,
    r++,
    34,
    label("法定代表人"),
    field(null),
    label("联系人"),
    field(null),
    label("联系电话"),
    field(null),
  );
  boxRow(
    layout,
    r++,
    34,
    label("企业性质"),
    field(null),
    label("企业代码"),
    field(text(facts.creditCode)),
    label("所属行业"),
    field(null),
  );
  boxRow(layout, r++, 34, label("企业主要产品"), field(null, 5));
  boxRow(
    layout,
    r++,
    30,
    label("开展审核方式", 1, 2),
    label(`委托 ${facts.commissioned === true ? TICKED : BOX}`),
    label("开始审核时间", 1, 2),
    field(date(facts.startedOn), 1, 2),
    label("完成审核时间", 1, 2),
    field(null, 1, 2),
  );
  boxRow(layout, r++, 30, skip(1), label(`自审 ${BOX}`), skip(4));
  boxRow(
    layout,
    r++,
    44,
    label("咨询机构名称"),
    field(text(facts.consultant), 2),
    label("机构在企业现场工作量（人，日）"),
    field(null, 2),
  );
  boxRow(layout, r++, 34, label("咨询机构审核师"), field(null, 2), label("培训证书号"), field(null, 2));
  const options = AUDIT_TYPE_BOXES.map(([o]) => o);
  const has = (o: string) =>
    AUDIT_TYPE_BOXES.some(([p, t]) => p === o && facts.auditTypes.some((a) => a === t));
  boxRow(
    layout,
    r++,
    58,
    label("审核类型"),
    printed(`${boxes(options.slice(0, -1), has)}\n${boxes(options.slice(-1), has)}`, 5),
  );
  boxRow(
    layout,
    r++,
    64,
    printed(QUESTIONS.join("\n"), 5),
    label([yesNo(facts.disclosed), yesNo(null), yesNo(null)].join("\n")),
  );
  boxRow(layout, r++, wrappedHeight(POLICY, 66, 18), printed(POLICY, 5), label(yesNo(null)));
  boxRow(
    layout,
    r++,
    150,
    label("牵头单位意见"),
    signature(`${"\n".repeat(5)}（盖章）          \n\n年    月    日    `, 5),
  );
  line(layout, r, 0, "注：评估申请表一式两份，牵头单位、企业各一份。", 6, 22, "note");
  return layout;
}

export function acceptanceApplicationLayout(facts: EnterpriseFacts, name: string): SheetLayout {
  const layout = formLayout(name, [14, 13, 12, 13, 12, 14]);
  let r = formHead(layout, ACCEPTANCE_APPLICATION.attachment, ACCEPTANCE_APPLICATION.title);
  line(layout, r++, 3, DATE_LINE, 3, 24);
  boxRow(layout, r++, 36, label("企业名称"), field(text(facts.name), 5));
  boxRow(layout, r++, 36, label("地    址"), field(null, 3), label("邮  编"), field(null));
  boxRow(
    layout,
    r++,
    36,
    label("法人代表"),
    field(null),
    label("联系人"),
    field(null),
    label("电  话"),
    field(null),
  );
  boxRow(layout, r++, 36, label("企业性质"), field(null, 2), label("所属行业"), field(null, 2));
  boxRow(
    layout,
    r++,
    36,
    label("企业代码"),
    field(text(facts.creditCode), 2),
    label("主要产品"),
    field(null, 2),
  );
  boxRow(layout, r++, 36, label("年产值（万元）"), field(null, 2), label("年销售额（万元）"), field(null, 2));
  boxRow(layout, r++, 36, label("通过评估时间"), field(date(facts.passedEvaluationOn), 5));
  boxRow(
    layout,
    r++,
    44,
    label("开展环境影响评估情况和“三同时”执行情况", 1, 4),
    label("项目名称", 2),
    label("环评批复单位、时间及文号", 2),
    label("竣工验收批复单位、时间及文号"),
  );
  for (const n of ["1、", "2、", "3、"])
    boxRow(layout, r++, 36, skip(1), printed(n, 2), field(null, 2), field(null));
  boxRow(
    layout,
    r++,
    150,
    label("企业中/高费清洁生产方案实施情况及取得的环境绩效和经济效益"),
    field(null, 5),
  );
  boxRow(
    layout,
    r++,
    120,
    label("验 收 结 论"),
    signature(`${"\n".repeat(3)}验收专家签名：                    \n\n年    月    日    `, 5),
  );
  line(layout, r, 0, "注：验收申请表一式两份，牵头单位、企业各一份。", 6, 22, "note");
  return layout;
}
