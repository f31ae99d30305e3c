// Undoing a command that failed half-way, so the workbook is left as it was: the sheets it added are
// deleted, the sheets it protected are unprotected and the sheets it renamed get their names back. A batch
// that failed may have applied part of its calls, so the undo first reads what is there.

export class Rollback {
  private added: string[] = [];
  private protectedHere: string[] = [];
  private renamed: { original: string; temporary: string }[] = [];

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

  /** Two syncs: read the sheets and their protection, then undo what was done. Never throws. */
  async undo(context: Excel.RequestContext): Promise<void> {
    try {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/protection/protected");
      await context.sync();
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
