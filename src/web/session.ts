// The workbook open on the web page: its bytes, whether they changed since the last download, and one parse
// of them shared by every reader until the next change.

import { readWorkbook, type ReadWorkbook } from "../xlsx/parse";

export interface OpenFile {
  name: string;
  bytes: Uint8Array;
  /** Changed by a command since it was opened or last downloaded. */
  modified: boolean;
  /** Made on the page (a new register, the city's workbook) rather than opened from the computer. */
  created: boolean;
}

export interface WorkbookView {
  grids: ReadWorkbook;
  names: string[];
}

export class FileSession {
  private file: OpenFile | undefined;
  private parsed: Promise<WorkbookView> | undefined;
  private opened = 0;
  private readonly listeners = new Set<() => void>();

  current(): OpenFile | undefined {
    return this.file;
  }

  /** Counts the workbooks opened (or created): what a new workbook's settings are read again on. */
  generation(): number {
    return this.opened;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens a file the user picked; bytes that are not a workbook are refused and the open one stays. */
  async open(name: string, bytes: Uint8Array): Promise<void> {
    const view = this.parse(bytes, name);
    await view;
    this.file = { name, bytes, modified: false, created: false };
    this.parsed = view;
    this.opened++;
    this.notify();
  }

  /**
   * A command's result: the new bytes of the same workbook (or a new one, under `name`). A command that
   * changed nothing hands back the very bytes it was given, and the workbook stays as it was.
   */
  replace(bytes: Uint8Array, name?: string): void {
    if (name === undefined && bytes === this.file?.bytes) return;
    const fresh = name !== undefined || !this.file;
    this.file = {
      name: name ?? this.file?.name ?? "强审台账.xlsx",
      bytes,
      modified: true,
      created: fresh ? true : (this.file?.created ?? true),
    };
    this.parsed = undefined;
    if (fresh) this.opened++;
    this.notify();
  }

  markDownloaded(): void {
    if (this.file) this.file = { ...this.file, modified: false };
    this.notify();
  }

  /** The parse of the open workbook, made once per version; undefined while none is open. */
  async view(): Promise<WorkbookView | undefined> {
    if (!this.file) return undefined;
    this.parsed ??= this.parse(this.file.bytes, this.file.name);
    return this.parsed;
  }

  private async parse(bytes: Uint8Array, name: string): Promise<WorkbookView> {
    const grids = await readWorkbook(bytes, name);
    return { grids, names: grids.names() };
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
