// Undoing a command that failed half-way in WPS, so the workbook is left as it was: the cells it filled are
// blank again with their number formats, the table it grew has its old size, the sheets it added are
// deleted, the sheets it renamed get their names back and the sheets it protected are unprotected. When WPS
// refuses the undo too, the user is told exactly what may be left and how to remove it.

import { CommandError } from "../excel/errors";
import { leftovers } from "../excel/rollback";
import type { Book } from "./book";
import type { EtListObject } from "./et";

interface Filled {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  /** Each column's number format before the command. */
  formats: readonly string[];
  where: string;
}

export class WpsRollback {
  private added: string[] = [];
  private protectedHere: string[] = [];
  private renamed: { original: string; temporary: string }[] = [];
  private filled: Filled[] = [];
  private resized: { table: EtListObject; sheet: string; range: string }[] = [];

  /** Records a sheet about to be added. */
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

  /** Records blank cells about to be written, and their columns' number formats; `where` names them. */
  filling(filled: Filled): void {
    this.filled.push(filled);
  }

  /** Records a table about to grow from its range `range` (A1) on `sheet`. */
  resizing(table: EtListObject, sheet: string, range: string): void {
    this.resized.push({ table, sheet, range });
  }

  /**
   * Undoes what was done after `failure`; returns the error to report: `failure` in Chinese, with, when WPS
   * refused the undo as well, what may be left and how to remove it.
   */
  undo(book: Book, failure: unknown): CommandError {
    const first = failure instanceof CommandError ? failure.message : book.message(failure);
    // WPS's own error stays as the cause, for 自检's report.
    const cause = failure instanceof CommandError ? (failure.cause ?? failure) : failure;
    if (this.tryUndo(book)) return new CommandError(first, { cause });
    return new CommandError(
      `${first} ${leftovers({
        added: this.added,
        renamed: this.renamed,
        protectedHere: this.protectedHere,
        written: this.filled.map((f) => f.where),
      })}`,
      { cause },
    );
  }

  private tryUndo(book: Book): boolean {
    try {
      const present = new Set(book.names());
      for (const f of this.filled) {
        if (!present.has(f.sheet)) continue;
        const ws = book.sheet(f.sheet);
        book.range(ws, f.row, f.col, f.rows, f.formats.length).Value2 = "";
        f.formats.forEach((format, c) => (book.range(ws, f.row, f.col + c, f.rows, 1).NumberFormat = format));
      }
      for (const { table, sheet, range } of [...this.resized].reverse())
        table.Resize(book.at(book.sheet(sheet), range));
      // A name that a rename was to free still belongs to the original sheet until that rename happened.
      const stillOriginal = new Set(
        this.renamed.filter((r) => !present.has(r.temporary)).map((r) => r.original),
      );
      for (const name of [...this.added].reverse()) {
        if (stillOriginal.has(name) || !present.has(name)) continue;
        book.sheet(name).Delete();
        present.delete(name);
      }
      for (const { original, temporary } of [...this.renamed].reverse())
        if (present.has(temporary) && !present.has(original)) {
          book.sheet(temporary).Name = original;
          present.delete(temporary);
          present.add(original);
        }
      for (const name of this.protectedHere) {
        const ws = present.has(name) ? book.sheet(name) : undefined;
        if (ws?.ProtectContents) ws.Unprotect();
      }
      return true;
    } catch {
      return false;
    }
  }
}
