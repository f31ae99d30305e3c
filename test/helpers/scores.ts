// What an expert types into a scoring sheet to reach a total: each item's full marks, points taken off the
// first items until the total is reached.

import { rubricItems, type Rubric } from "../../src/core/rubrics";

/** The score of each of the rubric's items, in order, adding up to `total`. */
export function scoresFor(rubric: Rubric, total: number): number[] {
  let drop = rubricItems(rubric).reduce((a, item) => a + item.max, 0) - total;
  return rubricItems(rubric).map((item) => {
    const cut = Math.min(item.max, drop);
    drop -= cut;
    return item.max - cut;
  });
}
