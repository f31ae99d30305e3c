// Undoing a command that failed half-way, so the workbook is left as it was: the sheets it added are
// deleted, the sheets it protected are unprotected, the sheets it renamed get their names back, the rows it
// added to a table are deleted and the blank cells it filled are blank again. A batch that failed may have
// applied part of its calls, so the undo first reads what is there.

import { writeValues } from "./cells";

export class Rollback {
  private added: string[] = [];
  private protectedHere: string[] = [];
  private renamed: { original: string; temporary: string }[] = [];
  private grown: { table: Excel.Table; keep: number }[] = [];
  private filled: Excel.Range[] = [];

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

  /** Records rows about to be added to `table`, which has `keep` rows now. */
  growing(table: Excel.Table, keep: number): void {
    this.grown.push({ table, keep });
  }

  /** Records blank cells about to be written. */
  filling(range: Excel.Range): void {
    this.filled.push(range);
  }

  /** Two syncs: read the sheets and their protection, then undo what was done. Never throws. */
  async undo(context: Excel.RequestContext): Promise<void> {
    try {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      for (const { table } of this.grown) table.rows.load("count");
      for (const range of this.filled) range.load("rowCount,columnCount");
      await context.sync();
      for (const range of this.filled)
        writeValues(
          range,
          Array.from({ length: range.rowCount }, () => new Array<string>(range.columnCount).fill("")),
        );
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
    } catch {
      // The workbook is unreachable; the original error is the one to report.
    }
  }
}
