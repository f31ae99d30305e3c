// 广西 附件4 清洁生产审核评估技术审查意见表 and 附件9 清洁生产审核验收意见表, which the expert panel writes, laid
// out as the seed prints them: the enterprise, the date and the organiser filled in from the register, then
// each point of the opinion with room to write, and the panel leader's signature.

import { ENTERPRISE_FORM_TITLES } from "./enterpriseFormTitles";
import { date, text, wrappedHeight, type SheetLayout } from "./layout";
import type { EnterpriseFacts } from "./enterpriseFacts";
import { boxRow, field, formHead, formLayout, label, printed, signature } from "./formGrid";

export const EVALUATION_REVIEW = ENTERPRISE_FORM_TITLES["evaluation-review"];
export const ACCEPTANCE_OPINION = ENTERPRISE_FORM_TITLES["acceptance-opinion"];

const WIDTHS = [16, 25, 14, 23];
const WIDTH = WIDTHS.reduce((a, b) => a + b, 0);

interface OpinionSection {
  title: string;
  points: readonly string[];
  /** Points of room to write under the section (beyond the room under each point). */
  room: number;
}

interface Opinion {
  head: { attachment: string; title: string };
  /** The date the form names, and the fact that gives it. */
  when: { label: string; fact: "evaluatedOn" | "acceptedOn" };
  /** 附件4 names the 清洁生产咨询服务机构; 附件9 does not. */
  consultant: boolean;
  heading: string;
  sections: readonly OpinionSection[];
  /** Points of room to write under each numbered point. */
  pointRoom: number;
}

function opinionLayout(o: Opinion, facts: EnterpriseFacts, name: string): SheetLayout {
  const layout = formLayout(name, WIDTHS);
  let r = formHead(layout, o.head.attachment, o.head.title);
  boxRow(layout, r++, 34, label("企业名称"), field(text(facts.name), 3));
  boxRow(layout, r++, 34, label("企业联系人"), field(null), label("联系电话"), field(null));
  boxRow(layout, r++, 34, label(o.when.label), field(date(facts[o.when.fact]), 3));
  boxRow(layout, r++, 34, label("组织单位"), field(text(facts.organiser), 3));
  if (o.consultant) boxRow(layout, r++, 36, label("清洁生产咨询服务机构"), field(text(facts.consultant), 3));
  boxRow(layout, r++, 26, label(o.heading, 4));
  for (const s of o.sections) {
    boxRow(layout, r++, wrappedHeight(s.title, WIDTH, 15), { ...printed(s.title, 4), style: "section" });
    for (const p of s.points) {
      boxRow(layout, r++, wrappedHeight(p, WIDTH, 15), printed(p, 4));
      boxRow(layout, r++, o.pointRoom, field(null, 4));
    }
    if (s.room > 0) boxRow(layout, r++, s.room, field(null, 4));
  }
  boxRow(layout, r, 44, signature("专家组组长（签名）：                    \n年   月   日    ", 4));
  return layout;
}

/** 附件4: the panel's technical review of the evaluation. */
const REVIEW: Opinion = {
  head: EVALUATION_REVIEW,
  when: { label: "评估时间", fact: "evaluatedOn" },
  consultant: true,
  heading: "评估技术审查意见",
  sections: [
    {
      title: "一、总体评价",
      points: [
        "1.企业概况（企业领导重视程度、培训教育工作机制、企业合规性及清洁生产潜力分析是否到位）",
        "2.对审核重点、目标确定结果及审核重点物料平衡分析的技术评估结果",
        "3.对无／低费方案质量、数量、实施情况及绩效的核查结果",
        "4.从方案的科学合理和针对性角度对拟实施中／高费方案进行评估（“双超”企业达标性方案、“高耗能”企业节能方案和“双有”企业的减量或替代方案）",
        "5.对本次审核过程的规范性、针对性、有效性给出技术评估结果",
      ],
      room: 0,
    },
    {
      title: "二、对企业规范审核过程，不断深化审核，完善清洁生产审核报告以及进行整改的技术意见",
      points: [],
      room: 110,
    },
  ],
  pointRoom: 54,
};

/** 附件9: the panel's acceptance opinion. */
const OPINION: Opinion = {
  head: ACCEPTANCE_OPINION,
  when: { label: "验收时间", fact: "acceptedOn" },
  consultant: false,
  heading: "验收意见",
  sections: [
    {
      title: "一、清洁生产审核验收总体评价",
      points: [
        "1.对企业提交审核验收资料规范性评价",
        "2.对审核评估后进行的清洁生产完善工作的核查结果",
        "3.现场核查情况",
        "4.无／低费方案是否纳入正常生产管理",
        "5.中／高费方案实施情况及绩效（已实施的方案数，企业投入以及产生环境效益、经济效益以及其他方面的成效等）",
        "6.对照清洁生产评价指标体系评价企业达到清洁生产的等级和水平",
        "7.对企业本次审核的验收结论",
      ],
      room: 0,
    },
    { title: "二、强化企业清洁生产监督，持续清洁生产的管理意见", points: [], room: 100 },
  ],
  pointRoom: 44,
};

export const evaluationReviewLayout = (facts: EnterpriseFacts, name: string): SheetLayout =>
  opinionLayout(REVIEW, facts, name);

export const acceptanceOpinionLayout = (facts: EnterpriseFacts, name: string): SheetLayout =>
  opinionLayout(OPINION, facts, name);
