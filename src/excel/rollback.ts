// Undoing a command that failed half-way, so the workbook is left as it was: the sheets it added are
// deleted, the sheets it protected are unprotected, the sheets it renamed get their names back, the rows it
// added to a table are deleted and the blank cells it filled are blank again. A batch that failed may have
// applied part of its calls, so the undo first reads what is there. When Excel refuses the undo too, the
// user is told what may be left and how to remove it.

import { writeValues } from "./cells";
import { CommandError } from "./errors";
import { officeErrorMessage } from "./run";

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join("");

/**
 * What a command whose undo failed may have left in the workbook, each with its remedy: sheets `added`,
 * sheets `renamed` out of the way, sheets it protected, and the cells it wrote (`written` names them).
 */
export function leftovers(done: {
  added: readonly string[];
  renamed: readonly { original: string; temporary: string }[];
  protectedHere: readonly string[];
  written: readonly string[];
}): string {
  const parts: string[] = [];
  if (done.added.length > 0) parts.push(`新增的工作表${quoted(done.added)}（如在，请删除）`);
  for (const { original, temporary } of done.renamed)
    parts.push(`改名为“${temporary}”的工作表（如在，请改回“${original}”）`);
  if (done.protectedHere.length > 0)
    parts.push(
      `工作表${quoted(done.protectedHere)}的保护（如受保护，请在“审阅 → 撤销工作表保护”中撤销，无需密码）`,
    );
  if (done.written.length > 0) parts.push(`${done.written.join("、")}新写入的内容（请删除）`);
  return `撤销也未能完成，工作簿中可能留有本次操作的部分结果：${parts.join("；")}。`;
}

export class Rollback {
  private added: string[] = [];
  private protectedHere: string[] = [];
  private renamed: { original: string; temporary: string }[] = [];
  private grown: { table: Excel.Table; keep: number; where: string }[] = [];
  private filled: { range: Excel.Range; where: string; formats: readonly string[] }[] = [];

  /** Records a sheet about to be added (call before queuing it). */
  adding(name: string): void {
    this.added.push(name);
  }

  /** Records a sheet, unprotected until now, about to be protected. */
  protecting(name: string): void {
    this.protectedHere.push(name);
  }

  /** Records a sheet about to be renamed out of the way. */
  renaming(original: string, temporary: string): void {
    this.renamed.push({ original, temporary });
  }

  /** Records rows about to be added to `table`, which has `keep` rows now; `where` names them for the user. */
  growing(table: Excel.Table, keep: number, where: string): void {
    this.grown.push({ table, keep, where });
  }

  /**
   * Records blank rows about to be written, whose number formats were `formats` (one row's, alike in every
   * row); `where` names them for the user (sheet and rows).
   */
  filling(range: Excel.Range, where: string, formats: readonly string[]): void {
    this.filled.push({ range, where, formats });
  }

  /**
   * Undoes what was done after `failure`, in two syncs (read the sheets and their protection, then undo), and
   * returns the error to report: `failure` itself when the workbook is as it was, or, when Excel refused the
   * undo as well, a message that adds what may be left and how to remove it.
   */
  async undo(context: Excel.RequestContext, failure: unknown): Promise<unknown> {
    if (await this.tryUndo(context)) return failure;
    const first = failure instanceof CommandError ? failure.message : officeErrorMessage(failure);
    return new CommandError(`${first} ${this.leftovers()}`);
  }

  /** What the command may have left in the workbook, each with its remedy. */
  private leftovers(): string {
    return leftovers({
      added: this.added,
      renamed: this.renamed,
      protectedHere: this.protectedHere,
      written: [...this.grown, ...this.filled].map((g) => g.where),
    });
  }

  /** The undo itself; false when Excel refused it. */
  private async tryUndo(context: Excel.RequestContext): Promise<boolean> {
    try {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      for (const { table } of this.grown) table.rows.load("count");
      for (const { range } of this.filled) range.load("rowCount,columnCount");
      await context.sync();
      for (const { range, formats } of this.filled) {
        writeValues(
          range,
          Array.from({ length: range.rowCount }, () => new Array<string>(range.columnCount).fill("")),
        );
        range.numberFormat = Array.from({ length: range.rowCount }, () => [...formats]);
      }
      for (const { table, keep } of this.grown)
        for (let i = table.rows.count - 1; i >= keep; i--) table.rows.getItemAt(i).delete();
      const present = new Map(sheets.items.map((s) => [s.name, s]));
      // A name that a rename was to free still belongs to the original sheet until that rename happened.
      const stillOriginal = new Set(
        this.renamed.filter((r) => !present.has(r.temporary)).map((r) => r.original),
      );
      for (const name of [...this.added].reverse()) {
        if (stillOriginal.has(name)) continue;
        present.get(name)?.delete();
        present.delete(name);
      }
      for (const { original, temporary } of [...this.renamed].reverse()) {
        const sheet = present.get(temporary);
        if (sheet && !present.has(original)) sheet.name = original;
      }
      for (const name of this.protectedHere) {
        const sheet = present.get(name);
        if (sheet?.protection.protected) sheet.protection.unprotect();
      }
      await context.sync();
      return true;
    } catch {
      return false;
    }
  }
}
