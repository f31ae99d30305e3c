import { readFileSync } from "node:fs";
import path from "node:path";
import { acceptanceRubric, evaluationRubric, rubricItems } from "../../src/core/rubrics";

const seed = readFileSync(path.resolve(__dirname, "../fixtures/seeds/guangxi.txt"), "utf8").replace(
  /\s+/g,
  "",
);
const compact = (s: string) => s.replace(/\s+/g, "");

describe("附件3 评估评分表", () => {
  const items = rubricItems(evaluationRubric);
  it("has 28 items in three sections worth 10, 62 and 28 points", () => {
    expect(items).toHaveLength(28);
    expect(evaluationRubric.sections.map((s) => s.items.reduce((a, i) => a + i.max, 0))).toEqual([
      10, 62, 28,
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
    expect(seed).toContain(compact(acceptanceRubric.keyIndicatorNote!));
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
