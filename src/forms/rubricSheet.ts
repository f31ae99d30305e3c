// 评分细则: the rubrics written out one row per item (SPEC 4), for a district to edit. The sheet is left
// unprotected, with drop-downs for 评分表 and 关键指标; the tool reads it back by its header labels.

import { rangeAddress } from "../core/address";
import {
  KEY_ANSWERS,
  MAX_RUBRIC_ROWS,
  RUBRIC_COLUMNS,
  RUBRIC_SHEET,
  RUBRIC_TABLE_LABELS,
} from "../core/rubricSheet";
import { rubricRows, SCORING_KINDS, type RubricSet } from "../core/rubrics";
import { SCORE_STEP } from "../core/scoring";
import { emptyLayout, num, text, wrappedHeight, type LayoutValue, type SheetLayout } from "./layout";

const WIDTHS = [8, 28, 24, 64, 8, 10];

export function rubricSheetLayout(rubrics: RubricSet, name = RUBRIC_SHEET): SheetLayout {
  const layout = emptyLayout(name, { orientation: "landscape", fitToWidth: true, titleRows: [1, 1] });
  layout.columnWidths = WIDTHS;
  layout.freezeRows = 1;
  layout.blocks.push({ row: 0, col: 0, values: [RUBRIC_COLUMNS.map((c) => text(c.label))], style: "header" });
  const rows = SCORING_KINDS.flatMap((k) => rubricRows(rubrics[k]));
  rows.forEach((r, i) => {
    const values: LayoutValue[] = [
      text(RUBRIC_TABLE_LABELS[r.kind]),
      text(r.category),
      text(r.indicator),
      text(r.requirement),
      r.max === null ? null : num(r.max),
      text(r.key ? KEY_ANSWERS.yes : KEY_ANSWERS.no),
    ];
    layout.blocks.push({ row: i + 1, col: 0, values: [values], style: "cell" });
    layout.rowHeights[i + 1] = wrappedHeight(r.requirement, WIDTHS[3]!);
  });
  // Room to add rows: the drop-downs and the 分值 check reach to the sheet's row limit.
  const last = MAX_RUBRIC_ROWS;
  layout.validations.push(
    {
      range: rangeAddress(1, 0, last, 0),
      rule: { kind: "list", options: Object.values(RUBRIC_TABLE_LABELS) },
      error: { title: "评分表", message: "请填写“评估”或“验收”" },
    },
    {
      range: rangeAddress(1, 5, last, 5),
      rule: { kind: "list", options: Object.values(KEY_ANSWERS) },
      error: { title: "关键指标", message: "请填写“是”或“否”" },
    },
    {
      range: rangeAddress(1, 4, last, 4),
      rule: { kind: "custom", formula: `AND(ISNUMBER(E2),E2>0,MOD(E2*${1 / SCORE_STEP},1)=0)` },
      prompt: { title: "分值", message: `以 ${SCORE_STEP} 分为单位；关键指标不计分值，留空` },
      error: { title: "分值", message: `分值须为正数，以 ${SCORE_STEP} 分为单位` },
    },
  );
  return layout;
}
