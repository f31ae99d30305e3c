// A realistic sample register and adjustment log: about forty enterprises across list years and stages,
// a few overdue, suspended, revoked; valid credit codes. Deterministic for a seed and a reference date.

import type { LogEntry } from "./adjustments";
import { CREDIT_CODE_ALPHABET, withCheckChar } from "./creditCode";
import {
  addMonthsClamped,
  addYearsClamped,
  partsFromSerial,
  serialFromParts,
  type DateSerial,
} from "./dates";
import { derivedAcceptanceResult, derivedEvaluationResult } from "./scoring";
import type { Profile } from "./profiles";
import type { AcceptanceResult, AuditMethod, AuditType, EvaluationResult, RegisterValues } from "./register";

export interface DemoOptions {
  profile: Profile;
  district: string;
  seed: number;
  /** The day the sample is made for: acts after it have not happened yet. */
  today: DateSerial;
  count?: number;
}

export type DemoRow = Omit<RegisterValues, "row">;
export type DemoLogEntry = Omit<LogEntry, "sheet" | "row" | "cells" | "change" | "result"> & {
  changeLabel: string;
};

export interface DemoData {
  rows: DemoRow[];
  log: DemoLogEntry[];
}

/** A small seeded generator (mulberry32): the same seed gives the same workbook. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

const PLACES = {
  shanghai: [
    "上海",
    "上海浦江",
    "上海金桥",
    "上海申龙",
    "上海华东",
    "上海东海",
    "上海新沪",
    "上海宝申",
    "上海港城",
    "上海临港",
  ],
  guangxi: [
    "广西",
    "南宁",
    "广西桂江",
    "广西八桂",
    "南宁邕江",
    "广西红水河",
    "广西北部湾",
    "南宁青秀",
    "广西西江",
    "广西龙城",
  ],
} as const;
const CORES = [
  "恒达",
  "宏远",
  "金鼎",
  "华力",
  "永盛",
  "瑞丰",
  "新天",
  "博源",
  "泰和",
  "嘉实",
  "鑫源",
  "信诚",
  "联合",
  "东方",
  "中科",
  "天成",
];
const TRADES = [
  ["化工", "双有"],
  ["电镀", "双有"],
  ["印染", "双超"],
  ["涂料", "双有"],
  ["制药", "双有"],
  ["金属表面处理", "双有"],
  ["电子材料", "双有"],
  ["汽车零部件", "双超"],
  ["包装印刷", "双超"],
  ["纺织", "双超"],
  ["食品", "高耗能"],
  ["橡胶制品", "双超"],
  ["钢铁", "高耗能"],
  ["水泥", "高耗能"],
  ["造纸", "双超"],
  ["铝业", "高耗能"],
] as const;
const FORMS = ["有限公司", "股份有限公司", "科技有限公司", "实业有限公司"];
const CONSULTANTS = {
  shanghai: [
    "上海环境科学研究院咨询中心",
    "上海清洁生产技术服务有限公司",
    "上海绿源环保科技有限公司",
    "上海华谊环境工程咨询有限公司",
  ],
  guangxi: [
    "广西环境保护科学研究院",
    "广西清洁生产技术中心",
    "南宁绿环环保咨询有限公司",
    "广西华蓝环境工程有限公司",
  ],
} as const;
/** 行政区划代码 of a district for the code's 3rd–8th characters. */
const DIVISIONS = {
  shanghai: ["310115", "310112", "310113", "310114", "310116"],
  guangxi: ["450103", "450105", "450107", "450108", "450109"],
} as const;

const ORG_ALPHABET = CREDIT_CODE_ALPHABET.replace(/[A-Z]/g, "") + "ABCDEFGHJKLMNPQRTUWXY";

function creditCode(rnd: ReturnType<typeof random>, profile: Profile): string {
  let org = "";
  for (let i = 0; i < 9; i++) org += rnd.pick([...ORG_ALPHABET]);
  return withCheckChar(`91${rnd.pick(DIVISIONS[profile.id])}${org}`);
}

/** Panel scores carry one decimal. */
function score(rnd: ReturnType<typeof random>, lo: number, hi: number): number {
  return rnd.int(lo * 10, hi * 10) / 10;
}

const CONTACT_SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙"];
const CONTACT_GIVEN = ["建国", "丽华", "伟", "敏", "志强", "秀英", "海涛", "静", "晓东", "红梅", "磊"];

/**
 * 联系人 and 联系电话 of the n-th enterprise, derived from n alone (not drawn from the random sequence, so the
 * rest of a seed's sample stays as it was).
 */
function demoContact(n: number, profile: Profile): { contact: string; phone: string } {
  const areaCode = profile.id === "guangxi" ? "0771" : "021";
  const digits = String(5000_0000 + ((n * 7_919_173) % 4999_9999)).slice(0, areaCode.length === 3 ? 8 : 7);
  return {
    contact: `${CONTACT_SURNAMES[n % CONTACT_SURNAMES.length]}${CONTACT_GIVEN[(n * 5) % CONTACT_GIVEN.length]}`,
    phone: `${areaCode}-${digits}`,
  };
}

const upTo = (d: DateSerial | null, today: DateSerial) => (d !== null && d <= today ? d : null);

export function demoData(options: DemoOptions): DemoData {
  const { profile, district, today } = options;
  const rnd = random(options.seed);
  const count = options.count ?? 40;
  const thisYear = partsFromSerial(today).year;
  const rows: DemoRow[] = [];
  const names = new Set<string>();
  const guangxi = profile.id === "guangxi";
  // 所属区 is the district itself (浦东新区), the 填报单位 its bureau (浦东新区生态环境局).
  const area = district.replace(/(生态环境局|环境保护局)$/, "");

  for (let i = 0; i < count; i++) {
    let name = "";
    let trade: (typeof TRADES)[number] = TRADES[0];
    for (let attempt = 0; name === "" || names.has(name); attempt++) {
      trade = rnd.pick(TRADES);
      const branch = attempt >= 20 ? `第${rnd.int(1, 999)}分公司` : "";
      name = `${rnd.pick(PLACES[profile.id])}${rnd.pick(CORES)}${trade[0]}${rnd.pick(FORMS)}${branch}`;
    }
    names.add(name);

    // List years spread over the last four years, more of them recent.
    const listYear = thisYear - Math.min(3, Math.floor(rnd.next() * rnd.next() * 5));
    const publishedOn = serialFromParts(listYear, rnd.int(3, 7), rnd.int(1, 28));
    if (publishedOn > today) {
      i--;
      names.delete(name);
      continue;
    }
    const receivedOn =
      profile.deadlines.disclosureFromReceipt && rnd.chance(0.5) ? publishedOn + rnd.int(3, 12) : null;
    // Most enterprises keep their deadlines; a few are slow.
    const slow = rnd.chance(0.12);
    const disclosureFrom = receivedOn ?? publishedOn;
    const disclosed = addMonthsClamped(disclosureFrom, 1) - (slow ? -rnd.int(5, 40) : rnd.int(2, 25));
    const started =
      slow && rnd.chance(0.5)
        ? null
        : addMonthsClamped(publishedOn, 2) - (slow ? -rnd.int(3, 30) : rnd.int(3, 45));
    let evaluatedOn: DateSerial | null = null;
    let evaluationScore: number | null = null;
    let highCostDoneOn: DateSerial | null = null;
    let acceptedOn: DateSerial | null = null;
    let acceptanceScore: number | null = null;
    let acceptanceResult: AcceptanceResult | null = null;
    if (started !== null) {
      evaluatedOn = addYearsClamped(publishedOn, 1) - (slow ? -rnd.int(5, 60) : rnd.int(10, 120));
      evaluationScore = rnd.chance(0.08) ? score(rnd, 55, 69.9) : score(rnd, 72, 96);
      if (derivedEvaluationResult(evaluationScore) !== "不通过") {
        highCostDoneOn = evaluatedOn + rnd.int(120, 300);
        acceptedOn = Math.max(
          addYearsClamped(publishedOn, 2) - rnd.int(10, 150),
          addMonthsClamped(highCostDoneOn, 3) + rnd.int(5, 40),
        );
        acceptanceScore = rnd.chance(0.06) ? score(rnd, 50, 59.9) : score(rnd, 65, 95);
        acceptanceResult = derivedAcceptanceResult(acceptanceScore) as AcceptanceResult;
      }
    }
    const evaluatedNow = upTo(evaluatedOn, today);
    const acceptedNow = upTo(acceptedOn, today);
    const previousAcceptedOn =
      guangxi && rnd.chance(0.2) ? addYearsClamped(publishedOn, -rnd.int(4, 5)) - rnd.int(0, 60) : null;
    rows.push({
      seq: String(i + 1),
      name,
      creditCode: creditCode(rnd, profile),
      district: area,
      auditTypes: (rnd.chance(0.15) && trade[1] !== "高耗能"
        ? [trade[1], "高耗能"]
        : [trade[1]]) as AuditType[],
      auditMethod: (guangxi && rnd.chance(0.2) ? "简化程序" : "完整程序") as AuditMethod,
      listYear,
      publishedOn,
      receivedOn,
      disclosedOn: upTo(disclosed, today),
      startedOn: upTo(started, today),
      consultant: started !== null && started <= today ? rnd.pick(CONSULTANTS[profile.id]) : "",
      evaluatedOn: evaluatedNow,
      evaluationScore: evaluatedNow === null ? null : evaluationScore,
      evaluationResult:
        evaluatedNow === null || evaluationScore === null
          ? null
          : (derivedEvaluationResult(evaluationScore) as EvaluationResult),
      highCostDoneOn: guangxi ? upTo(highCostDoneOn, today) : null,
      acceptedOn: acceptedNow,
      acceptanceScore: acceptedNow === null ? null : acceptanceScore,
      acceptanceResult: acceptedNow === null ? null : acceptanceResult,
      previousAcceptedOn,
      remarks: "",
      ...demoContact(rows.length, profile),
    });
  }
  rows.sort((a, b) => a.publishedOn! - b.publishedOn!);
  rows.forEach((r, i) => (r.seq = String(i + 1)));
  return { rows, log: demoLog(rows, profile, today, rnd) };
}

/** A renaming, a closure, a suspension that ended and one that did not, and (where possible) a move away. */
function demoLog(
  rows: DemoRow[],
  profile: Profile,
  today: DateSerial,
  rnd: ReturnType<typeof random>,
): DemoLogEntry[] {
  const log: DemoLogEntry[] = [];
  const open = rows.filter((r) => r.acceptedOn === null && r.publishedOn! < today - 120);
  const label = (kind: string) => profile.changeOptions.find((o) => o.kind.includes(kind as never))!.label;
  const result = (kind: string) => profile.adjustmentOptions.find((o) => o.kind === kind)!.label;
  const take = () => open.splice(rnd.int(0, open.length - 1), 1)[0];
  const entry = (
    r: DemoRow,
    on: DateSerial,
    change: string,
    res: string,
    detail: string,
    evidence: string,
    resumedOn: DateSerial | null = null,
  ) =>
    log.push({
      name: r.name,
      creditCode: r.creditCode,
      changedOn: on,
      changeLabel: label(change),
      detail,
      resultLabel: result(res),
      evidence,
      resumedOn,
      remarks: "",
    });
  const between = (r: DemoRow) => r.publishedOn! + rnd.int(30, Math.max(31, today - r.publishedOn! - 10));

  const renamed = take();
  if (renamed) entry(renamed, between(renamed), "rename", "rename", "", "营业执照变更登记通知书");
  const closed = take();
  if (closed)
    entry(closed, between(closed), "closure", "revoke", "", "区市场监管局注销登记证明、现场确认照片");
  const paused = take();
  if (paused) {
    const from = between(paused);
    entry(
      paused,
      from,
      "suspension",
      "suspend",
      "主要产污工序（酸洗线）停产检修",
      "停产情况说明及现场照片",
      Math.min(today - 1, from + rnd.int(60, 120)),
    );
  }
  const pausedNow = take();
  if (pausedNow)
    entry(
      pausedNow,
      today - rnd.int(20, 60),
      "suspension",
      "suspend",
      "涉及产污的喷涂工序停产，待市场恢复后复产",
      "企业停产说明、支队执法记录",
    );
  const moved = take();
  if (moved)
    entry(moved, between(moved), "relocation", "terminate", "企业整体搬迁至外省市", "搬迁协议及现场确认照片");
  return log.sort((a, b) => a.changedOn! - b.changedOn!);
}
