// The scoring rubrics (SPEC 4): by default the Guangxi seed's 附件3 清洁生产审核评估评分表 and 附件8 清洁生产审核验收
// 评分表, every 指标内容, 要求 and 分值 transcribed from the seed; a district may replace either by the rows of its
// workbook's 评分细则 sheet (rubricSheet.ts), which are built into the same shape here.

import type { ProfileId } from "./profiles";

export type ScoringKind = "evaluation" | "acceptance";
export const SCORING_KINDS = ["evaluation", "acceptance"] as const satisfies readonly ScoringKind[];

export interface RubricItem {
  id: string;
  /** 类别: the section title (一、清洁生产审核报告规范性评估 …). */
  section: string;
  /** The 序号 of the item's group within its section, as printed on the evaluation sheet. */
  number: number;
  /** 指标内容 (evaluation) or the group label (acceptance). */
  indicator: string;
  requirement: string;
  max: number;
}

export interface RubricGroup {
  number: number;
  indicator: string;
  items: readonly RubricItem[];
}

export interface RubricSection {
  title: string;
  groups: readonly RubricGroup[];
}

export interface KeyIndicator {
  number: number;
  text: string;
}

/** Where a rubric comes from: the seed's attachment, or the workbook's own 评分细则 sheet. */
export type RubricSource =
  | { from: "seed"; profile: ProfileId; document: string; attachment: string }
  | { from: "workbook"; sheet: string };

export interface Rubric {
  kind: ScoringKind;
  title: string;
  sections: readonly RubricSection[];
  keyIndicators: readonly KeyIndicator[];
  /** The maxima's sum. */
  total: number;
  source: RubricSource;
}

export type RubricSet = Readonly<Record<ScoringKind, Rubric>>;

/** The maxima of every scoring table add up to this. */
export const RUBRIC_TOTAL = 100;
export const RUBRIC_TITLES: Record<ScoringKind, string> = {
  evaluation: "清洁生产审核评估评分表",
  acceptance: "清洁生产审核验收评分表",
};
/** The heading of the key indicators on the acceptance sheet (附件8). */
export const KEY_INDICATORS_TITLE = "清洁生产审核验收关键指标";

/** 附件8's note under the table, for a rubric of `count` key indicators (7 in the seed). */
export function keyIndicatorNote(count: number): string {
  return `注：关键指标${count}条否决指标中任何1条为“否”时，则验收不合格。`;
}

/** One row of a rubric as the 评分细则 sheet holds it. Key indicators carry their text in `requirement`. */
export interface RubricRow {
  kind: ScoringKind;
  category: string;
  indicator: string;
  requirement: string;
  /** null for a key indicator. */
  max: number | null;
  key: boolean;
}

/** Builds a rubric from its rows: consecutive rows of one 类别 form a section, of one 指标内容 a group. */
export function buildRubric(kind: ScoringKind, rows: readonly RubricRow[], source: RubricSource): Rubric {
  const prefix = kind === "evaluation" ? "E" : "A";
  const sections: { title: string; groups: { number: number; indicator: string; items: RubricItem[] }[] }[] =
    [];
  for (const row of rows.filter((r) => !r.key)) {
    let section = sections[sections.length - 1];
    if (!section || section.title !== row.category) {
      section = { title: row.category, groups: [] };
      sections.push(section);
    }
    let group = section.groups[section.groups.length - 1];
    if (!group || group.indicator !== row.indicator) {
      group = { number: section.groups.length + 1, indicator: row.indicator, items: [] };
      section.groups.push(group);
    }
    group.items.push({
      id: `${prefix}${sections.length}.${group.number}.${group.items.length + 1}`,
      section: section.title,
      number: group.number,
      indicator: group.indicator,
      requirement: row.requirement,
      max: row.max ?? 0,
    });
  }
  const keyIndicators = rows.filter((r) => r.key).map((r, i) => ({ number: i + 1, text: r.requirement }));
  const total = sections.flatMap((s) => s.groups.flatMap((g) => g.items)).reduce((a, i) => a + i.max, 0);
  return { kind, title: RUBRIC_TITLES[kind], sections, keyIndicators, total, source };
}

/** The rows of a rubric, in the order of the sheet: key indicators first, as on 附件8. */
export function rubricRows(rubric: Rubric): RubricRow[] {
  return [
    ...rubric.keyIndicators.map((k) => ({
      kind: rubric.kind,
      category: KEY_INDICATORS_TITLE,
      indicator: "",
      requirement: k.text,
      max: null,
      key: true,
    })),
    ...rubricItems(rubric).map((i) => ({
      kind: rubric.kind,
      category: i.section,
      indicator: i.indicator,
      requirement: i.requirement,
      max: i.max,
      key: false,
    })),
  ];
}

export function rubricItems(rubric: Rubric): RubricItem[] {
  return rubric.sections.flatMap((s) => s.groups.flatMap((g) => g.items));
}

// ---- the seed's rubrics ----

type Group = readonly [indicator: string, items: readonly (readonly [requirement: string, max: number])[]];
type Section = readonly [title: string, groups: readonly Group[]];

function seedRows(
  kind: ScoringKind,
  sections: readonly Section[],
  keys: readonly string[] = [],
): RubricRow[] {
  return [
    ...keys.map((text) => ({
      kind,
      category: KEY_INDICATORS_TITLE,
      indicator: "",
      requirement: text,
      max: null,
      key: true,
    })),
    ...sections.flatMap(([category, groups]) =>
      groups.flatMap(([indicator, items]) =>
        items.map(([requirement, max]) => ({ kind, category, indicator, requirement, max, key: false })),
      ),
    ),
  ];
}

/** The seed the default rubrics come from. */
export const SEED_DOCUMENT = "广西壮族自治区清洁生产审核及评估、验收工作流程";

/** 附件3 清洁生产审核评估评分表 (SPEC 4.1: Shanghai uses it too). */
const EVALUATION_SECTIONS: readonly Section[] = [
  [
    "一、清洁生产审核报告规范性评估",
    [
      ["报告内容框架符合性", [["清洁生产审核报告符合《清洁生产审核指南 制订技术导则》中附录E的规定", 3]]],
      ["报告编写逻辑性", [["体现了清洁生产审核发现问题、分析问题、解决问题的思路和逻辑性", 7]]],
    ],
  ],
  [
    "二、清洁生产审核过程真实性评估",
    [
      [
        "审核准备",
        [
          ["企业高层领导支持并参与", 2],
          ["建立了清洁生产审核小组，制定了审核计划", 1],
          ["广泛宣传教育，实现全员参与", 1],
        ],
      ],
      [
        "现状调查情况",
        [
          ["企业概况、生产状况、工艺设备、资源能源、环境保护状况、管理状况等情况内容齐全，数据详实", 4],
          [
            "工艺流程图能够体现主要原辅物料、水、能源及废物的流入、流出和去向，并进行了全面合理的介绍和分析",
            3,
          ],
          [
            "对主要原辅材料、水和能源的总耗和单耗进行了分析，并根据清洁生产评价指标体系或同行业水平进行客观评价",
            4,
          ],
        ],
      ],
      [
        "企业问题分析情况",
        [
          [
            "能够从原辅材料（含能源）、技术工艺、设备、过程控制、管理、员工、产品、废物等八个方面全面合理地分析和评价企业的产排污现状、水平和存在的问题",
            3,
          ],
          ["客观说明纳入强制性审核的原因，污染物超标或超总量情况，有毒有害物质的使用和排放情况", 2],
          ["能够分析并发现企业现存的主要问题和清洁生产潜力", 3],
        ],
      ],
      [
        "审核重点设置情况",
        [
          ["能够将污染物超标、能耗超标或有毒有害物质使用或排放环节作为必要考虑因素", 4],
          ["能够着重考虑消耗大、公众压力大和有明显清洁生产潜力的环节", 2],
        ],
      ],
      [
        "清洁生产目标设置情况",
        [
          ["能够针对审核重点，具有定量化、可操作性，时限明确", 4],
          [
            "如是“双超”企业，其清洁生产目标设置能使企业在规定的期限内达到国家或地方污染物排放标准、核定的主要污染物总量控制指标、污染物减排指标；如是“高耗能”企业，其清洁生产目标设置能使企业在规定的期限内达到单位产品能源消耗限额标准；如是“双有”企业，其清洁生产目标设置能体现企业有毒有害物质减量或减排要求",
            4,
          ],
          [
            "对于生产工艺与装备、资源能源利用指标、产品指标、污染物产生指标、废物回收利用指标及环境管理要求指标设置至少达到行业清洁生产评价指标三级基准值的目标",
            3,
          ],
        ],
      ],
      [
        "审核重点资料的准备情况",
        [
          ["能涵盖审核重点的工艺资料、原材料和产品及生产管理资料、废弃物资料、同行业资料和现场调查数据等", 3],
          ["审核重点的详细工艺流程图或工艺设备流程图符合实际流程", 3],
        ],
      ],
      [
        "审核重点输入输出物流实测情况",
        [["准备工作完善，监测项目、监测点、监测时间和周期等明确，监测方法符合相关要求，监测数据详实可信", 4]],
      ],
      [
        "审核重点物料平衡分析情况",
        [["准确建立了重点物料、能源、水和污染因子等平衡图，针对平衡结果进行了系统的追踪分析，阐述清晰", 6]],
      ],
      [
        "审核重点废弃物产生原因分析情况",
        [
          [
            "结合企业的实际情况，能从影响生产过程的八个方面深入分析，找出审核重点物料流失或资源、能源浪费、污染物产生的环节，分析物料流失和资源浪费原因，提出解决方案",
            6,
          ],
        ],
      ],
    ],
  ],
  [
    "三、清洁生产方案可行性的评估",
    [
      [
        "无／低费方案的实施",
        [
          [
            "无／低费方案能够遵循边审核边产生边实施原则基本完成，并能够现场举证，如落实措施、制度、照片、资金使用账目等可查证资料",
            3,
          ],
          ["对实施的无／低费方案进行了全面、有效的经济和环境效益的统计", 3],
        ],
      ],
      [
        "中／高费方案的产生",
        [["中／高费方案针对性强，与清洁生产目标一致，能解决企业清洁生产审核的关键问题", 6]],
      ],
      [
        "中／高费方案的可行性分析",
        [
          ["中／高费方案具备详实的环境、技术、经济分析", 6],
          ["所有量化数据有统计依据和计算过程，数据真实可靠", 6],
        ],
      ],
      [
        "中／高费方案的实施计划",
        [
          ["有详细合理的统筹规划，实施进度明确，落实到部门", 2],
          ["具有切实的资金筹措计划，并能确保资金到位", 2],
        ],
      ],
    ],
  ],
];

/** 附件8 清洁生产审核验收评分表: the key indicators, then the scored items. */
const ACCEPTANCE_KEYS = [
  "企业在方案实施过程中无弄虚作假行为",
  "企业稳定达到国家或地方要求的污染物排放标准，实现核定的主要污染物总量控制指标或污染物减排指标要求",
  "企业单位产品能源消耗符合限额标准要求",
  "已达到相关行业清洁生产评价指标体系三级水平（国内清洁生产一般水平）或同行业基本水平",
  "符合国家或地方制定的生产工艺、设备以及产品的产业政策要求",
  "清洁生产审核开始至验收期间，未发生节能环保违法违规行为或已完成违法违规的限期整改任务",
  "无其他地方规定的相关否定内容",
] as const;

const ACCEPTANCE_SECTIONS: readonly Section[] = [
  [
    "清洁生产审核与实施方案评价",
    [
      [
        "清洁生产验收报告",
        [
          ["提交的验收资料齐全、真实", 3],
          ["报告编制规范，内容全面，附件齐全", 3],
          ["如实反映审核评估后企业推进清洁生产和中／高费方案实施情况", 4],
        ],
      ],
      [
        "方案实施及相关证明材料",
        [
          ["本轮清洁生产方案基本实施", 5],
          ["清洁生产无／低费方案已纳入企业正常的生产过程和管理过程", 4],
          ["中／高费方案实施绩效达到预期目标", 4],
          ["中／高费方案未达到预期目标时，进行了原因分析，并采取了相应对策", 4],
          ["未实施的中／高费方案理由充足，或有相应的替代方案", 5],
          ["方案实施前后企业物料消耗、能源消耗变化等资料符合企业生产实际", 4],
          ["方案实施后特征污染物环境监测数据或能耗监测数据达标", 4],
          ["设备购销合同、财务台账或设备领用单等信息与企业实施方案一致", 4],
          ["生产记录、财务数据、环境监测结果支持方案实施的绩效结果", 5],
          ["经济和环境绩效进行了详实统计和测算，绩效的统计有可靠充足的依据", 8],
        ],
      ],
      [
        "企业清洁生产水平评估",
        [
          [
            "方案实施后能耗、物耗、污染因子等指标认定和等级定位（与国内外同行业先进指标对比），以及企业清洁生产水平评估正确",
            6,
          ],
        ],
      ],
      [
        "清洁生产绩效",
        [
          [
            "按照行业清洁生产评价指标要求对生产工艺与装备、资源能源利用、产品、污染物产生、废物回收利用、环境管理等指标进行清洁生产审核前后的测算、对比，评估绩效",
            10,
          ],
        ],
      ],
      [
        "现场考察",
        [
          ["企业生产现场不存在明显的跑冒滴漏现象", 3],
          ["中／高费方案实施现场与提供资料内容相符合", 6],
          ["中／高费方案运行正常", 6],
          ["无／低费方案持续运行", 6],
        ],
      ],
      [
        "持续清洁生产情况",
        [
          ["企业审核临时工作机构转化为企业长期持续推进清洁生产的常设机构，并有企业相关文件给予证明", 2],
          [
            "健全了企业清洁生产管理制度，相关方案落实到管理规程、操作规程、作业文件、工艺卡片中，融入企业现有管理体系",
            2,
          ],
          ["制定了持续清洁生产计划，有针对性，并切实可行", 2],
        ],
      ],
    ],
  ],
];

export const evaluationRubric: Rubric = buildRubric(
  "evaluation",
  seedRows("evaluation", EVALUATION_SECTIONS),
  {
    from: "seed",
    profile: "guangxi",
    document: SEED_DOCUMENT,
    attachment: "附件3",
  },
);

export const acceptanceRubric: Rubric = buildRubric(
  "acceptance",
  seedRows("acceptance", ACCEPTANCE_SECTIONS, ACCEPTANCE_KEYS),
  { from: "seed", profile: "guangxi", document: SEED_DOCUMENT, attachment: "附件8" },
);

export const DEFAULT_RUBRICS: RubricSet = { evaluation: evaluationRubric, acceptance: acceptanceRubric };

/**
 * What a printed scoring sheet says of its rubric (SPEC 4): the seed's attachment number under the profile whose
 * seed it is (附件3 / 附件8 under Guangxi); elsewhere no number, and a footnote naming the source — the seed's
 * document, or the district's own 评分细则.
 */
export function rubricLabel(rubric: Rubric, profile: ProfileId): { attachment: string; footnote: string } {
  const seed = DEFAULT_RUBRICS[rubric.kind].source;
  const attachment = seed.from === "seed" && seed.profile === profile ? seed.attachment : "";
  const s = rubric.source;
  if (s.from === "workbook") return { attachment, footnote: "本区评分细则" };
  if (s.profile === profile) return { attachment: s.attachment, footnote: "" };
  return { attachment: "", footnote: `评分细则参照《${s.document}》${s.attachment}《${rubric.title}》` };
}
