// The quarter's two forms that a submission carries, decided once for the task pane and the .xlsx writer:
// a form the workbook lacks is added; one that still says what the register and its log say is kept as it
// is (with its preparer and date); one that no longer does is laid out again from the register under the
// form's name, so a stamp never seals a form that disagrees with the register it comes with, and the old one
// is kept under another name (what differs may be someone's typing). A sheet of the form's name that is not
// that quarter's form stops the submission: it is somebody's own sheet.

import { quarterCode, type Quarter } from "../core/dates";
import type { Grid } from "../core/grid";
import { issue, type Issue } from "../core/issues";
import { adjustmentRows, implementationRows } from "../core/quarterly";
import { rowContexts } from "../core/status";
import type { LoadedWorkbook } from "../core/workbook";
import { uniqueSheetName, type SheetLayout } from "./layout";
import {
  adjustmentFormAgreement,
  adjustmentLayout,
  adjustmentSheetName,
  implementationFormAgreement,
  implementationLayout,
  implementationSheetName,
  type FormAgreement,
  type FormParty,
} from "./quarterlyForms";

/** A form laid out again at submission, the first way the old one disagreed, and where the old one is kept. */
export interface RegeneratedForm {
  sheet: string;
  difference: string;
  keptAs: string;
}

/**
 * Each form: added where missing, kept where it agrees, or laid out again (`regenerated`: the old sheet is
 * renamed `keptAs` first, then the layout is added under the form's name).
 */
export type FormPlan =
  | { action: "add" | "keep"; layout: SheetLayout }
  | { action: "replace"; layout: SheetLayout; regenerated: RegeneratedForm };

/** The forms a plan lays out again. */
export const regeneratedForms = (plan: readonly FormPlan[]): RegeneratedForm[] =>
  plan.flatMap((f) => (f.action === "replace" ? [f.regenerated] : []));

/** `names`: the workbook's sheet names, for the names the old forms are kept under. */
export function submissionForms(
  wb: LoadedWorkbook,
  q: Quarter,
  party: FormParty,
  sheet: (name: string) => Grid | undefined,
  names: readonly string[],
): { forms: FormPlan[]; issues: Issue[] } {
  const taken = [...names];
  const impl = implementationRows(wb.rows, q, wb.profile, rowContexts(wb.rows, wb.log));
  const adj = adjustmentRows(wb.log, q);
  const candidates: { layout: SheetLayout; title: string; agreement: (g: Grid) => FormAgreement }[] = [
    {
      layout: implementationLayout(impl, q, wb.profile, party, implementationSheetName(q, wb.profile)),
      title: wb.profile.implementationForm.title,
      agreement: (g) => implementationFormAgreement(g, q, impl),
    },
    {
      layout: adjustmentLayout(adj, q, wb.profile, party, adjustmentSheetName(q, wb.profile)),
      title: wb.profile.adjustmentForm.title,
      agreement: (g) => adjustmentFormAgreement(g, q, wb.profile, adj),
    },
  ];
  const forms: FormPlan[] = [];
  const issues: Issue[] = [];
  for (const { layout, title, agreement } of candidates) {
    const grid = sheet(layout.name);
    if (!grid) {
      forms.push({ action: "add", layout });
      continue;
    }
    const found = agreement(grid);
    if (found.state === "agrees") forms.push({ action: "keep", layout });
    else if (found.state === "differs") {
      // The old form's new name: the form's name with 旧, numbered if that is taken.
      const keptAs = uniqueSheetName(`${layout.name} 旧`, taken);
      taken.push(keptAs);
      forms.push({
        action: "replace",
        layout,
        regenerated: { sheet: layout.name, difference: found.difference, keptAs },
      });
    } else
      issues.push(
        issue(
          layout.name,
          "",
          "error",
          "submission.foreignSheet",
          `工作表“${layout.name}”不是${quarterCode(q)}的${title}，报送时不能替换它：请将它改名后再报送盖章`,
        ),
      );
  }
  return { forms, issues };
}
