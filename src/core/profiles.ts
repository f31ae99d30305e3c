// The two regional profiles as data. Every interpretation the product makes of a regulation (a
// "Decision" of SPEC.md) is a named field here, with the seed sentence it interprets, so a user can see
// and change it in one place.

export type ProfileId = "shanghai" | "guangxi";
export const PROFILE_IDS = ["shanghai", "guangxi"] as const satisfies readonly ProfileId[];

/** The deadlines, which are also the overdue codes (SPEC 3). */
export const DEADLINE_CODES = [
  "disclosure",
  "start",
  "evaluation",
  "acceptance",
  "revision",
  "archive",
  "next_round",
] as const;
export type DeadlineCode = (typeof DEADLINE_CODES)[number];

export const DEADLINE_LABELS: Record<DeadlineCode, string> = {
  disclosure: "信息公开",
  start: "审核启动",
  evaluation: "审核评估",
  acceptance: "审核验收",
  revision: "报告修改",
  archive: "档案归档",
  next_round: "下一轮审核",
};

/** The per-enterprise forms of the seeds the tool lays out (SPEC 2.3); each profile names the ones it has. */
export const ENTERPRISE_FORM_KINDS = [
  "evaluation-application",
  "evaluation-review",
  "acceptance-application",
  "acceptance-opinion",
  "consultant",
] as const;
export type EnterpriseFormKind = (typeof ENTERPRISE_FORM_KINDS)[number];

export type ChangeKind = "rename" | "closure" | "relocation" | "suspension" | "other";
export type AdjustmentKind =
  "rename" | "revoke" | "suspend" | "terminate" | "transfer" | "continue" | "other";

export interface ChangeOption {
  kind: ChangeKind[];
  /** The text of the drop-down entry, as the form's 注1 names it. */
  label: string;
  /** 需具体说明情况 */
  needsDetail: boolean;
}

export interface AdjustmentOption {
  kind: AdjustmentKind;
  label: string;
  /** 注2 (7) "请提出建议调整意见": the suggestion goes in 具体说明. */
  needsDetail: boolean;
}

/** 注2 of the form: the result a change is usually given. Another pairing is a warning. */
export interface AdjustmentPairing {
  change: ChangeKind;
  results: readonly AdjustmentKind[];
}

export interface AdjustmentForm {
  /** 附表4 / 附件11: the sheet name prefix and the attachment label printed on the form. */
  attachment: string;
  title: string;
  /** Guangxi's form adds 企业代码. */
  hasEnterpriseCode: boolean;
  /** Notes 注1–注3 under the table, line by line as in the seed. */
  notes: readonly string[];
  footer: readonly string[];
}

export interface Profile {
  id: ProfileId;
  region: string;
  /** "区生态环境局" etc.: who fills in the forms. */
  defaultDistrictSuffix: string;
  deadlines: {
    /** 上海：强审企业名单公布后（或收文后）一个月内 …公布企业相关信息 / 广西：名单公布之日起一个月内…公布企业相关信息 */
    disclosureMonths: number;
    /** 上海："（或收文后）" — Decision: count disclosure from 收文时间 where the register gives it. */
    disclosureFromReceipt: boolean;
    /** 应当在名单公布后两个月内启动开展清洁生产审核 */
    startMonths: number;
    /**
     * 上海：名单公布后一年内完成本轮清洁生产审核. Decision for Guangxi too: 《清洁生产审核办法》 sets one year.
     */
    evaluationYears: number;
    /** 上海：验收原则上需在实施清洁生产审核 2 年内完成 / 广西：原则上应在名单公布之日起二年内通过清洁生产审核验收 */
    acceptanceYears: number;
    /** Decision: Shanghai's "实施清洁生产审核2年内" counted from publication; "start" counts from 审核启动时间. */
    acceptanceFrom: "publication" | "start";
    /** 广西：验收时间节点为企业实施完成清洁生产中／高费方案，并稳定运行三个月后 (null: no such rule). */
    stableRunningMonths: number | null;
    /**
     * 广西（八）：简化程序清洁生产审核的企业，若需要评估，则由企业自行选定评估专家团队进行评估 — the 审核方式 whose
     * evaluation is optional: such a row has no evaluation deadline (a recorded evaluation still counts).
     */
    evaluationOptionalFor: readonly string[];
    /**
     * 广西四：简化程序清洁生产审核的企业，实施全部清洁生产方案并取得一定的绩效后，可向牵头部门提出验收申请 — the 审核方式
     * to which the stable-running wait does not apply (acceptance itself is due as for 完整程序: "参照本文件第三条").
     */
    stableRunningExemptFor: readonly string[];
    /** 通过评估的企业应在一个月内完成审核报告修改 / 通过验收的企业应在一个月内完成验收报告修改 (附表2 评估后修改、验收后修改) */
    revisionMonths: number;
    /** 上海附表2：现场评估后一个月内 / 现场验收后一个月内 (null: the profile keeps no archive checklist). */
    archiveMonths: number | null;
    /** 广西：两次审核的间隔时间原则上不得超过五年 (null: not applied). */
    nextRoundYears: number | null;
    /**
     * 上海：应在每季度 10 日前向上海市清洁生产中心提交上季度…情况表. Decision: "10 日前" read as "by the 10th"
     * of the quarter's first month, inclusive (null: no quarterly report).
     */
    quarterlyReportDay: number | null;
    /** 上海：每年 2 月底前…将上一年度的清洁生产工作总结表…报送 (month whose last day is the deadline; null: none). */
    annualSummaryMonth: number | null;
  };
  /**
   * 广西：逾期不开展审核的企业，滚动纳入下一轮审核名单 — list the enterprises whose start is overdue as candidates for
   * the next list.
   */
  rollOverUnstarted: boolean;
  /**
   * Decision (民法典 第二百零三条): a period whose last day is a rest day ends on the next working day. Off by
   * default: the seeds give no extension.
   */
  extendOnRestDay: boolean;
  /** The interpretations the seeds leave open and both profiles share (SPEC 3–5). */
  decisions: Decisions;
  /** Extra rest days (YYYY-MM-DD) beyond the national calendar, e.g. a local holiday. */
  restDays: readonly string[];
  /** Extra working days (YYYY-MM-DD) the national calendar does not know. */
  workDays: readonly string[];
  /** 广西：企业审核方式分为两种：完整程序、简化程序 — Shanghai rows default to 完整程序. */
  auditMethods: readonly string[];
  defaultAuditMethod: string;
  auditTypes: readonly string[];
  /**
   * Which department leads (牵头管理) an enterprise of each 审核类型, for 组织单位 on the evaluation and acceptance
   * forms; a type not named is led by the bureau keeping the register.
   */
  leadDepartments: Readonly<Record<string, "ecology" | "industry">>;
  changeOptions: readonly ChangeOption[];
  adjustmentOptions: readonly AdjustmentOption[];
  pairings: readonly AdjustmentPairing[];
  /**
   * 上海注3：名称变更和名单撤销的企业需上报证明材料 / 广西注3：清洁生产审核名单调整需上报证明材料.
   * "all": every adjustment needs 证明材料; otherwise the results that do.
   */
  evidenceRequiredFor: "all" | readonly AdjustmentKind[];
  adjustmentForm: AdjustmentForm;
  /** The districts (or cities) that report to the centre: consolidation names those missing. */
  districts: readonly string[];
  /** The quarterly implementation table is the Shanghai 附表3; Guangxi districts use the same layout. */
  implementationForm: { attachment: string; title: string; footer: readonly string[] };
  /** The seed's forms for one enterprise: Shanghai 附表1, Guangxi 附件1, 附件4, 附件5 and 附件9. */
  enterpriseForms: readonly EnterpriseFormKind[];
  /** The regulation the profile follows, as letters name it. */
  regulation: string;
  /**
   * The sentence that sets each deadline the profile applies, as 督办清单 and letters cite it: the seed's own
   * words within “”, a Decision's reading outside them.
   */
  actBasis: Partial<Record<DeadlineCode, string>>;
  /** The seed's sentence that makes the bureau notify the listed enterprises in writing and urge them along. */
  noticeBasis: string;
}

export interface Decisions {
  /**
   * 广西：总分低于70分的企业…应重新开展清洁生产审核工作 / 对于验收“不合格”的企业，要求其重新开展清洁生产审核.
   * Decision: a failed act (评估 不通过, 验收 不合格) does not meet its deadline, which stays open.
   */
  failedActMeetsDeadline: boolean;
  /**
   * 企业…停产一般调整为审核暂缓，待恢复正常生产后继续按照相关要求开展审核. Decision: on 恢复日期 the deadlines still
   * running when the suspension began move later by its length; one already missed stays missed.
   */
  suspensionShiftsRunningDeadlines: boolean;
  /**
   * 注：关键指标7条否决指标中任何1条为“否”时，则验收不合格. Decision: on a panel, a 否 on any expert's complete
   * sheet makes the panel's verdict 不合格 whatever its score (the panel sheet's formulas apply the same rule).
   */
  panelVetoOnAnyExpert: boolean;
  /**
   * Decision: a 统一社会信用代码 failing GB 32100-2015's check character is only a warning where 备注 holds this
   * mark (some codes issued before the standard really fail it).
   */
  verifiedCodeMark: string;
}

/**
 * Both profiles' decisions: the seeds give no regional difference on any of them. Three more Decisions are
 * rules rather than choices, and live with their code: "N个月内" ends on the same day-of-month N months
 * later, clamped to the month's end (dates.ts, addMonthsClamped); Shanghai scores with Guangxi's 附件3 and
 * 附件8, its 技术审查要点 not being in the seeds (rubrics.ts); a panel's score is the mean of its complete
 * sheets' totals, rounded half-up to one decimal (scoring.ts, panelMean).
 */
export const DECISIONS: Decisions = {
  failedActMeetsDeadline: false,
  suspensionShiftsRunningDeadlines: true,
  panelVetoOnAnyExpert: true,
  verifiedCodeMark: "代码已核实",
};

const AUDIT_TYPES = ["双超", "双有", "高耗能", "其他"] as const;
const AUDIT_METHODS = ["完整程序", "简化程序"] as const;

/**
 * 广西 一、: 生态环境部门负责…“双超”…“双有”…并牵头管理；工业和信息化部门负责提出…高耗能的强制性清洁生产审核企业名单，并牵头
 * 管理. 其他 is led by each department within its remit: the bureau keeping the register.
 */
const LEAD_DEPARTMENTS = { 双超: "ecology", 双有: "ecology", 高耗能: "industry" } as const;

/**
 * 注2 (1)–(7) of both forms. (7): 上海 "其他情况请提出建议调整意见" / 广西 "其他情况请提出建议调整的意见" — 其他 needs its
 * 具体说明 (the suggested adjustment).
 */
const ADJUSTMENT_OPTIONS: readonly AdjustmentOption[] = [
  { kind: "rename", label: "名称变更", needsDetail: false },
  { kind: "revoke", label: "名单撤销", needsDetail: false },
  { kind: "suspend", label: "审核暂缓", needsDetail: false },
  { kind: "terminate", label: "审核终止", needsDetail: false },
  { kind: "transfer", label: "调整管理区域", needsDetail: false },
  { kind: "continue", label: "继续审核", needsDetail: false },
  { kind: "other", label: "其他", needsDetail: true },
];

/** 注2 (1)–(7), the same in both seeds: (7) 其他情况 → 其他 with a suggested adjustment. */
const USUAL_PAIRINGS: readonly AdjustmentPairing[] = [
  { change: "rename", results: ["rename"] },
  { change: "closure", results: ["revoke"] },
  { change: "suspension", results: ["suspend"] },
  { change: "relocation", results: ["terminate", "transfer", "continue"] },
  { change: "other", results: ["other"] },
];

const IMPLEMENTATION_FORM = {
  attachment: "附表3",
  title: "重点行业实施强制性清洁生产审核情况表",
  footer: ["区生态环境局（盖章）", "填报人：", "填报时间："],
} as const;

export const shanghai: Profile = {
  id: "shanghai",
  region: "上海市",
  defaultDistrictSuffix: "区生态环境局",
  deadlines: {
    disclosureMonths: 1,
    disclosureFromReceipt: true,
    startMonths: 2,
    evaluationYears: 1,
    acceptanceYears: 2,
    acceptanceFrom: "publication",
    stableRunningMonths: null,
    evaluationOptionalFor: [],
    stableRunningExemptFor: [],
    revisionMonths: 1,
    archiveMonths: 1,
    nextRoundYears: null,
    quarterlyReportDay: 10,
    annualSummaryMonth: 2,
  },
  rollOverUnstarted: false,
  extendOnRestDay: false,
  decisions: DECISIONS,
  restDays: [],
  workDays: [],
  auditMethods: AUDIT_METHODS,
  defaultAuditMethod: "完整程序",
  auditTypes: AUDIT_TYPES,
  leadDepartments: LEAD_DEPARTMENTS,
  // 附表4 注1: Shanghai joins (4) 停产 and 其他 in one entry, as its form does.
  changeOptions: [
    { kind: ["rename"], label: "企业名称变更", needsDetail: false },
    { kind: ["closure"], label: "企业关停并转", needsDetail: false },
    { kind: ["relocation"], label: "企业搬迁", needsDetail: true },
    { kind: ["suspension", "other"], label: "企业涉及产污工序停产、其他", needsDetail: true },
  ],
  adjustmentOptions: ADJUSTMENT_OPTIONS,
  pairings: USUAL_PAIRINGS,
  evidenceRequiredFor: ["rename", "revoke"],
  adjustmentForm: {
    attachment: "附表4",
    title: "强制性清洁生产审核名单调整表",
    hasEnterpriseCode: false,
    notes: [
      "注 1：变化情况根据企业情况选填",
      "（1) 企业名称变更",
      "（2) 企业关停并转",
      "（3) 企业搬迁（企业整体搬迁、企业部分产污工序搬迁、本市市内搬迁、搬迁至外省市等，需具体说明情况）",
      "（4) 企业涉及产污工序停产（需具体说明情况）、其他（需具体说明情况）",
      "注 2：调整结果根据企业情况选填",
      "（1) 企业名称变更的情况一般调整为名称变更",
      "（2) 企业关停并转的情况一般调整为名单撤销",
      "（3) 企业涉及产污工序停产一般调整为审核暂缓，待恢复正常生产后继续按照相关要求开展审核",
      "（4) 已开展审核的企业整体搬迁至外省市一般调整为审核终止",
      "（5) 已开展审核的企业整体搬迁至本市其他区域一般需调整管理区域，继续开展审核工作",
      "（6) 已开展审核的企业部分产污工序搬迁，需评价保留产污工序的情况，如仍符合强审的要求需继续开展审核工作",
      "（7) 其他情况请提出建议调整意见",
      "注 3：证明材料",
      "名称变更和名单撤销的企业需上报证明材料，材料根据实际情况提交，可包括：现场确认的照片或者支队执法的记录等。",
    ],
    footer: ["区生态环境局（盖章）", "填报人：", "填报时间："],
  },
  implementationForm: IMPLEMENTATION_FORM,
  // 企业需向辖区生态环境局报送相关材料，包括…审核咨询服务机构基本情况表（附表 1）
  enterpriseForms: ["consultant"],
  regulation: "《上海市强制性清洁生产审核管理工作指引》",
  actBasis: {
    disclosure:
      "二、信息公开：“强审企业名单公布后（或收文后）一个月内……公布企业相关信息，企业应对其公布信息的真实性负责”",
    start: "三、审核启动：“强审企业应当在名单公布后两个月内启动开展清洁生产审核”",
    evaluation: "四、审核评估：“强审企业应当在名单公布后一年内完成本轮清洁生产审核”",
    acceptance: "五、审核验收：“验收原则上需在实施清洁生产审核2年内完成”",
    revision: "附表2 档案材料清单：“评估后修改”“验收后修改”，现场评估、现场验收后一个月内",
    archive:
      "六、档案与总结：“区生态环境局应按档案材料清单（附表2）要求认真做好辖区内强审企业清洁生产工作档案”；附表2：“现场评估后一个月内”“现场验收后一个月内”",
  },
  noticeBasis:
    "一、名单提出：“名单确定后，区生态环境局负责书面通知企业并对企业实施强审的情况进行监督，督促企业按进度开展清洁生产审核”",
  // 上海市 16 个区
  districts: [
    "黄浦区",
    "徐汇区",
    "长宁区",
    "静安区",
    "普陀区",
    "虹口区",
    "杨浦区",
    "闵行区",
    "宝山区",
    "嘉定区",
    "浦东新区",
    "金山区",
    "松江区",
    "青浦区",
    "奉贤区",
    "崇明区",
  ],
};

export const guangxi: Profile = {
  id: "guangxi",
  region: "广西壮族自治区",
  defaultDistrictSuffix: "生态环境局",
  deadlines: {
    disclosureMonths: 1,
    disclosureFromReceipt: false,
    startMonths: 2,
    evaluationYears: 1,
    acceptanceYears: 2,
    acceptanceFrom: "publication",
    stableRunningMonths: 3,
    evaluationOptionalFor: ["简化程序"],
    stableRunningExemptFor: ["简化程序"],
    revisionMonths: 1,
    archiveMonths: null,
    nextRoundYears: 5,
    quarterlyReportDay: null,
    annualSummaryMonth: null,
  },
  rollOverUnstarted: true,
  extendOnRestDay: false,
  decisions: DECISIONS,
  restDays: [],
  workDays: [],
  auditMethods: AUDIT_METHODS,
  defaultAuditMethod: "完整程序",
  auditTypes: AUDIT_TYPES,
  leadDepartments: LEAD_DEPARTMENTS,
  changeOptions: [
    { kind: ["rename"], label: "企业名称变更", needsDetail: false },
    { kind: ["closure"], label: "企业关停并转", needsDetail: false },
    { kind: ["relocation"], label: "企业搬迁", needsDetail: true },
    { kind: ["suspension"], label: "企业涉及产污工序停产", needsDetail: true },
    { kind: ["other"], label: "其他", needsDetail: true },
  ],
  adjustmentOptions: ADJUSTMENT_OPTIONS,
  pairings: USUAL_PAIRINGS,
  evidenceRequiredFor: "all",
  adjustmentForm: {
    attachment: "附件11",
    title: "清洁生产审核名单调整表",
    hasEnterpriseCode: true,
    notes: [
      "注1：变化情况根据企业情况选填",
      "（1）企业名称变更；",
      "（2）企业关停并转；",
      "（3）企业搬迁（企业整体搬迁、企业部分产污工序搬迁、本市市内搬迁、搬迁至外省市等，需具体说明情况）；",
      "（4）企业涉及产污工序停产（需具体说明情况）；",
      "（5）其他（需具体说明情况）。",
      "注2：调整结果根据企业情况选填",
      "（1）企业名称变更的情况一般调整为名称变更；",
      "（2）企业关停并转的情况一般调整为名单撤销；",
      "（3）企业停产一般调整为审核暂缓，待恢复正常生产后继续按照相关要求开展审核；",
      "（4）已开展审核的企业整体搬迁至外省市一般调整为审核终止；",
      "（5）已开展审核的企业整体搬迁至本市其他区域一般需调整管理区域，继续开展审核工作；",
      "（6）已开展审核的企业部分产污工序搬迁，需评价保留产污工序的情况，如仍符合强审的要求需继续开展审核工作；",
      "（7）其他情况请提出建议调整的意见。",
      "注3：证明材料",
      "清洁生产审核名单调整需上报证明材料，材料根据实际情况提交，可包括但不限于：企业出具证明材料、现场确认照片、支队执法记录等。",
    ],
    footer: ["职能部门（盖章）：", "填报人：", "填报时间："],
  },
  implementationForm: IMPLEMENTATION_FORM,
  // 评估申请表（附件1）、评估技术审查意见表（附件4）、验收申请表（附件5）、验收意见表（附件9）
  enterpriseForms: [
    "evaluation-application",
    "evaluation-review",
    "acceptance-application",
    "acceptance-opinion",
  ],
  regulation: "《广西壮族自治区清洁生产审核及评估、验收工作流程》",
  actBasis: {
    disclosure:
      "一、清洁生产审核启动：“列入实施清洁生产审核企业名单的企业应当在名单公布之日起一个月内……公布企业相关信息，并对其公布信息的真实性负责”",
    start:
      "一、清洁生产审核启动：“列入实施清洁生产审核企业名单的企业应当在名单公布之日起两个月内启动清洁生产审核工作”",
    // Decision (SPEC 3): the seed sets no day for the evaluation; 《清洁生产审核办法》 gives one year.
    evaluation: "按《清洁生产审核办法》，自名单公布之日起一年内完成本轮清洁生产审核",
    acceptance: "三、清洁生产审核验收：“原则上应在名单公布之日起二年内通过清洁生产审核验收”",
    revision:
      "二、清洁生产审核评估：“通过评估的企业应在一个月内完成审核报告修改”；三、（七）：“通过验收的企业应在一个月内完成验收报告修改”",
    next_round: "五、其他事项：“两次审核的间隔时间原则上不得超过五年”",
  },
  noticeBasis:
    "一、清洁生产审核启动：“按照管理权限分别书面通知企业，并对企业实施情况进行监督，督促企业按进度开展清洁生产审核”",
  // 广西壮族自治区 14 个设区市
  districts: [
    "南宁市",
    "柳州市",
    "桂林市",
    "梧州市",
    "北海市",
    "防城港市",
    "钦州市",
    "贵港市",
    "玉林市",
    "百色市",
    "贺州市",
    "河池市",
    "来宾市",
    "崇左市",
  ],
};

export const PROFILES: Record<ProfileId, Profile> = { shanghai, guangxi };

export function getProfile(id: ProfileId): Profile {
  return PROFILES[id];
}

/** Which deadline codes the profile applies at all (SPEC 3's table). */
export function appliedDeadlines(profile: Profile): DeadlineCode[] {
  return DEADLINE_CODES.filter((code) => {
    if (code === "archive") return profile.deadlines.archiveMonths !== null;
    if (code === "next_round") return profile.deadlines.nextRoundYears !== null;
    return true;
  });
}
