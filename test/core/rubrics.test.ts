import { readFileSync } from "node:fs";
import path from "node:path";
import {
  acceptanceRubric,
  DEFAULT_RUBRICS,
  evaluationRubric,
  keyIndicatorNote,
  rubricItems,
  rubricLabel,
  type Rubric,
} from "../../src/core/rubrics";

const seed = readFileSync(path.resolve(__dirname, "../fixtures/seeds/guangxi.txt"), "utf8").replace(
  /\s+/g,
  "",
);
const compact = (s: string) => s.replace(/\s+/g, "");

describe("附件3 评估评分表", () => {
  const items = rubricItems(evaluationRubric);
  it("has 28 items in three sections worth 10, 62 and 28 points", () => {
    expect(items).toHaveLength(28);
    expect(
      evaluationRubric.sections.map((s) => s.groups.flatMap((g) => g.items).reduce((a, i) => a + i.max, 0)),
    ).toEqual([10, 62, 28]);
    expect(evaluationRubric.total).toBe(100);
  });
  it("numbers the groups of each section as the seed does", () => {
    expect(evaluationRubric.sections.map((s) => s.groups.map((g) => g.number))).toEqual([
      [1, 2],
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      [1, 2, 3, 4],
    ]);
  });
  it("quotes every section, indicator and requirement from the seed", () => {
    for (const s of evaluationRubric.sections) expect(seed).toContain(compact(s.title));
    for (const i of items) {
      expect(seed).toContain(compact(i.indicator));
      expect(seed).toContain(compact(i.requirement));
    }
  });
});

describe("附件8 验收评分表", () => {
  const items = rubricItems(acceptanceRubric);
  it("has 7 key indicators and 22 items worth 100 points", () => {
    expect(acceptanceRubric.keyIndicators).toHaveLength(7);
    expect(items).toHaveLength(22);
    expect(items.reduce((a, i) => a + i.max, 0)).toBe(100);
  });
  it("quotes every key indicator, group and requirement from the seed", () => {
    for (const k of acceptanceRubric.keyIndicators) expect(seed).toContain(compact(k.text));
    for (const i of items) {
      expect(seed).toContain(compact(i.indicator));
      expect(seed).toContain(compact(i.requirement));
    }
    expect(seed).toContain(compact(keyIndicatorNote(acceptanceRubric.keyIndicators.length)));
  });
  it("keeps the seed's order of items and their points", () => {
    const seq = items.map((i) => `${compact(i.requirement)}${i.max}`);
    let at = 0;
    for (const s of seq) {
      const found = seed.indexOf(s, at);
      expect(found).toBeGreaterThan(at - 1);
      at = found;
    }
  });
});

it("gives every item a unique id", () => {
  const ids = [...rubricItems(evaluationRubric), ...rubricItems(acceptanceRubric)].map((i) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
});

describe("the label a printed sheet carries", () => {
  it("prints 附件3 / 附件8 under Guangxi, whose seed the rubrics are", () => {
    expect(rubricLabel(evaluationRubric, "guangxi")).toEqual({ attachment: "附件3", footnote: "" });
    expect(rubricLabel(acceptanceRubric, "guangxi")).toEqual({ attachment: "附件8", footnote: "" });
  });

  it("prints no attachment number under Shanghai, and names the seed's document in a footnote", () => {
    const label = rubricLabel(evaluationRubric, "shanghai");
    expect(label.attachment).toBe("");
    expect(label.footnote).toBe(
      "评分细则参照《广西壮族自治区清洁生产审核及评估、验收工作流程》附件3《清洁生产审核评估评分表》",
    );
    // The document's name, character for character, is the seed's title.
    expect(seed.startsWith(compact("广西壮族自治区清洁生产审核及评估、验收工作流程"))).toBe(true);
  });

  it("names the district's own rubric where the workbook's 评分细则 is used", () => {
    const own: Rubric = { ...DEFAULT_RUBRICS.acceptance, source: { from: "workbook", sheet: "评分细则" } };
    expect(rubricLabel(own, "shanghai")).toEqual({ attachment: "", footnote: "本区评分细则" });
    expect(rubricLabel(own, "guangxi")).toEqual({ attachment: "附件8", footnote: "本区评分细则" });
  });
});
