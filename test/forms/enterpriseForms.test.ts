import { readFileSync } from "node:fs";
import path from "node:path";
import { guangxi, shanghai, type EnterpriseFormKind } from "../../src/core/profiles";
import type { RegisterRow } from "../../src/core/register";
import {
  describeForms,
  enterpriseFormLayout,
  enterpriseFormSheetName,
  ENTERPRISE_FORMS,
} from "../../src/forms/enterpriseForms";
import { archiveLayout } from "../../src/forms/archiveForm";
import { BOX, TICKED } from "../../src/forms/formGrid";
import type { LayoutValue, SheetLayout } from "../../src/forms/layout";
import { row } from "../core/fixtures";

const compact = (s: string) => s.replace(/\s+/g, "");
const seed = (file: string) =>
  compact(readFileSync(path.resolve(__dirname, "../fixtures/seeds", file), "utf8"));
const SEEDS = { guangxi: seed("guangxi.txt"), shanghai: seed("shanghai.txt") };

/** Each form's text in the seed, from its attachment number and title to the next attachment. */
const SECTIONS: Record<EnterpriseFormKind, { seed: string; from: string; to: string }> = {
  "evaluation-application": { seed: SEEDS.guangxi, from: "附件1清洁生产审核评估申请表", to: "附件2" },
  "evaluation-review": { seed: SEEDS.guangxi, from: "附件4清洁生产审核评估技术审查意见表", to: "附件5" },
  "acceptance-application": { seed: SEEDS.guangxi, from: "附件5清洁生产审核验收申请表", to: "附件6" },
  "acceptance-opinion": { seed: SEEDS.guangxi, from: "附件9清洁生产审核验收意见表", to: "附件10" },
  consultant: { seed: SEEDS.shanghai, from: "附表1咨询服务机构基本情况表", to: "附表2" },
};
const KINDS = Object.keys(SECTIONS) as EnterpriseFormKind[];

function section(kind: EnterpriseFormKind): string {
  const { seed: text, from, to } = SECTIONS[kind];
  const start = text.indexOf(from);
  expect(start).toBeGreaterThan(0);
  return text.slice(start, text.indexOf(to, start + from.length));
}

interface Placed {
  row: number;
  col: number;
  value: Exclude<LayoutValue, null>;
}

/** The layout's cells in reading order: row by row, left to right. */
function cells(layout: SheetLayout): Placed[] {
  const out: Placed[] = [];
  for (const b of layout.blocks)
    b.values.forEach((vs, r) =>
      vs.forEach((value, c) => value !== null && out.push({ row: b.row + r, col: b.col + c, value })),
    );
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * Reads the form against the seed: each cell in turn must be the seed's next words (a ticked box read as the
 * seed's empty one), or else it is a value the form was given, recorded with the label before it on its row.
 */
function readAgainstSeed(layout: SheetLayout, text: string) {
  let at = 0;
  let lastLabel = { row: -1, text: "" };
  const labels: string[] = [];
  const filled: { label: string; value: Placed["value"] }[] = [];
  for (const c of cells(layout)) {
    if (c.value.t === "text") {
      const t = compact(c.value.v.replaceAll(TICKED, BOX));
      if (t !== "" && text.startsWith(t, at)) {
        at += t.length;
        lastLabel = { row: c.row, text: t };
        labels.push(t);
        continue;
      }
    }
    filled.push({ label: lastLabel.row === c.row ? lastLabel.text : "", value: c.value });
  }
  return { rest: text.slice(at), filled, labels };
}

const ORGANISER = "南宁市生态环境局";

const full: RegisterRow = {
  ...row({
    name: "广西测试糖业有限公司",
    creditCode: "91450100MA5L0LXK2B",
    consultant: "广西某环保咨询有限公司",
    disclosedOn: "2025-04-10",
    startedOn: "2025-05-06",
    evaluatedOn: "2026-02-12",
    evaluationScore: 84.5,
    acceptedOn: "2027-03-20",
  }),
  district: "青秀区",
  auditTypes: ["双超", "高耗能"],
};

/** What each form's label is given, from the register row (and the 填报单位 of 强审设置 for 组织单位). */
function expectedFrom(r: RegisterRow): Record<string, LayoutValue> {
  const t = (v: string): LayoutValue => (v === "" ? null : { t: "text", v });
  const d = (v: number | null): LayoutValue => (v === null ? null : { t: "date", v });
  const passed = r.evaluationScore !== null ? r.evaluationScore >= 70 : r.evaluationResult !== "不通过";
  return {
    企业名称: t(r.name),
    "企业名称（加盖公章）": t(r.name),
    企业所在地: t(r.district),
    企业代码: t(r.creditCode),
    咨询机构名称: t(r.consultant),
    清洁生产咨询服务机构: t(r.consultant),
    "机构名称（盖章）": t(r.consultant),
    开始审核时间: d(r.startedOn),
    评估时间: d(r.evaluatedOn),
    通过评估时间: d(passed ? r.evaluatedOn : null),
    验收时间: d(r.acceptedOn),
    组织单位: t(ORGANISER),
  };
}

describe.each(KINDS)("the %s form", (kind) => {
  const layout = enterpriseFormLayout(kind, full, { district: ORGANISER, profile: guangxi });

  it("prints the seed's form word for word, □ boxes, 是 □ 否 □ and 年 月 日 lines included", () => {
    expect(readAgainstSeed(layout, section(kind)).rest).toBe("");
  });

  it("fills in what the register row gives under each label that asks for it, and nothing else", () => {
    const { filled, labels } = readAgainstSeed(layout, section(kind));
    const expected = expectedFrom(full);
    for (const f of filled) expect([f.label, f.value]).toEqual([f.label, expected[f.label]]);
    const asked = labels.filter((l) => expected[l] !== undefined && expected[l] !== null);
    expect(filled.map((f) => f.label)).toEqual(asked);
    expect(asked.length).toBeGreaterThan(1);
  });

  it("leaves every box blank and unticked for a row that gives only the name", () => {
    const bare: RegisterRow = { ...row({ name: "某某有限公司", creditCode: "" }), auditTypes: [] };
    const blank = enterpriseFormLayout(kind, bare, { district: "", profile: guangxi });
    const { rest, filled } = readAgainstSeed(blank, section(kind));
    expect(rest).toBe("");
    expect(filled).toEqual(filled.map((f) => ({ label: f.label, value: { t: "text", v: "某某有限公司" } })));
    expect(cells(blank).some((c) => c.value.t === "text" && c.value.v.includes(TICKED))).toBe(false);
  });

  it("is an A4 portrait page, the whole form on one page, unprotected for filling in", () => {
    expect(layout.print).toMatchObject({ orientation: "portrait", fitToWidth: true, onePage: true });
    expect(layout.protect).toBe(false);
    expect(layout.name).toBe(enterpriseFormSheetName(kind, full.name));
    expect(layout.name.startsWith(ENTERPRISE_FORMS[kind].attachment)).toBe(true);
  });
});

describe("boxes ticked from the register (附件1)", () => {
  const texts = (r: RegisterRow) =>
    cells(
      enterpriseFormLayout("evaluation-application", r, { district: ORGANISER, profile: guangxi }),
    ).flatMap((c) => (c.value.t === "text" ? [c.value.v] : []));

  it("ticks the row's 审核类型 and no other", () => {
    const types = texts(full).find((t) => t.startsWith("双超企业"))!;
    const ticked = [...types.matchAll(new RegExp(`(\\S+) ${TICKED}`, "g"))].map((m) => m[1]);
    expect(ticked).toEqual(["双超企业", "高耗能企业"]);
    const other = texts({ ...full, auditTypes: ["其他"] }).find((t) => t.startsWith("双超企业"))!;
    expect(other).toContain(`其他企业 ${TICKED}`);
    expect(other.split(TICKED)).toHaveLength(2);
  });

  it("ticks 委托 where a 咨询机构 is named, and 公布相关信息 是 where a 信息公开时间 is recorded", () => {
    expect(texts(full)).toContain(`委托 ${TICKED}`);
    expect(texts(full)).toContain(`自审 ${BOX}`);
    expect(
      texts(full)
        .find((t) => t.startsWith("是"))!
        .split("\n"),
    ).toEqual([`是 ${TICKED} 否 ${BOX}`, `是 ${BOX} 否 ${BOX}`, `是 ${BOX} 否 ${BOX}`]);
    const neither = texts({ ...full, consultant: "", disclosedOn: null });
    expect(neither).toContain(`委托 ${BOX}`);
    expect(neither.join("")).not.toContain(`是 ${TICKED}`);
  });
});

describe("通过评估时间 (附件5)", () => {
  const passedOn = (r: RegisterRow) =>
    readAgainstSeed(
      enterpriseFormLayout("acceptance-application", r, { district: ORGANISER, profile: guangxi }),
      section("acceptance-application"),
    ).filled.find((f) => f.label === "通过评估时间")?.value;

  it("is the evaluation date when the evaluation passed or asked for 补充完善", () => {
    expect(passedOn(full)).toEqual({ t: "date", v: full.evaluatedOn });
    expect(passedOn({ ...full, evaluationScore: 95 })).toEqual({ t: "date", v: full.evaluatedOn });
    expect(passedOn({ ...full, evaluationScore: null, evaluationResult: "通过" })).toEqual({
      t: "date",
      v: full.evaluatedOn,
    });
  });

  it("is blank after a failed evaluation, or one whose result is not recorded", () => {
    expect(passedOn({ ...full, evaluationScore: 65 })).toBeUndefined();
    expect(passedOn({ ...full, evaluationScore: null, evaluationResult: "不通过" })).toBeUndefined();
    expect(passedOn({ ...full, evaluationScore: null, evaluationResult: null })).toBeUndefined();
  });
});

describe("which forms a profile has", () => {
  it("gives Guangxi 附件1, 附件4, 附件5 and 附件9, and Shanghai 附表1", () => {
    expect(guangxi.enterpriseForms).toEqual([
      "evaluation-application",
      "evaluation-review",
      "acceptance-application",
      "acceptance-opinion",
    ]);
    expect(shanghai.enterpriseForms).toEqual(["consultant"]);
    expect(describeForms(shanghai)).toBe("consultant（附表1 咨询服务机构基本情况表）");
  });
});

describe("组织单位 (附件4, 附件9): the department leading the enterprise, by the profile's rule (广西 一、)", () => {
  const organiser = (auditTypes: RegisterRow["auditTypes"], district = ORGANISER) =>
    ["evaluation-review", "acceptance-opinion"].map(
      (kind) =>
        readAgainstSeed(
          enterpriseFormLayout(
            kind as EnterpriseFormKind,
            { ...full, auditTypes },
            { district, profile: guangxi },
          ),
          section(kind as EnterpriseFormKind),
        ).filled.find((f) => f.label === "组织单位")?.value ?? null,
    );

  it("is the bureau keeping the register for 双超, 双有 and mixed types", () => {
    for (const types of [["双超"], ["双有"], ["双超", "高耗能"], ["其他"]] as RegisterRow["auditTypes"][])
      expect(organiser(types)).toEqual([
        { t: "text", v: ORGANISER },
        { t: "text", v: ORGANISER },
      ]);
  });

  it("is 工业和信息化部门 for an enterprise that is 高耗能 only", () => {
    expect(organiser(["高耗能"])).toEqual([
      { t: "text", v: "南宁市工业和信息化局" },
      { t: "text", v: "南宁市工业和信息化局" },
    ]);
    // A 填报单位 the department's name cannot be drawn from leaves the box for the reader.
    expect(organiser(["高耗能"], "青秀区环保所")).toEqual([null, null]);
  });
});

describe("附表2 档案材料清单", () => {
  it("carries no note the seed does not print", () => {
    const texts = cells(archiveLayout(full, shanghai)).flatMap((c) =>
      c.value.t === "text" ? [c.value.v] : [],
    );
    const start = SEEDS.shanghai.indexOf("附表2强制性清洁生产审核评估、验收档案材料清单");
    const form = SEEDS.shanghai.slice(start, SEEDS.shanghai.indexOf("附表3", start));
    expect(form.length).toBeGreaterThan(100);
    const notes = texts.filter((t) => /^注/.test(t.trim()));
    expect(notes.filter((t) => !form.includes(compact(t)))).toEqual([]);
  });
});
