// The workbook open on the web page, as the page knows it: its name, its bytes (to download), whether they
// changed since the last download, and how many workbooks were opened so far. The workbook itself is read and
// changed by the host (workbookHost.ts), in a worker.

import type { HostClient } from "./workerClient";

export interface OpenFile {
  name: string;
  bytes: Uint8Array;
  /** Changed by a command since it was opened or last downloaded. */
  modified: boolean;
  /** Made on the page (a new register, the city's workbook) rather than opened from the computer. */
  created: boolean;
}

export class FileSession {
  private file: OpenFile | undefined;
  private opened = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly host: HostClient) {}

  current(): OpenFile | undefined {
    return this.file;
  }

  /** Counts the workbooks opened (or created): what every result shown on the page belongs to. */
  generation(): number {
    return this.opened;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens a file the user picked; bytes that are not a workbook are refused and the open one stays. */
  async open(name: string, bytes: Uint8Array): Promise<void> {
    await this.host.call("open", name, bytes);
    this.file = { name, bytes, modified: false, created: false };
    this.opened++;
    this.notify();
  }

  /**
   * A command's result: the new bytes of the same workbook (or a new one, under `name`); none when the
   * command changed nothing, and the workbook stays as it was.
   */
  replace(bytes: Uint8Array | undefined, name?: string): void {
    if (bytes === undefined) return;
    const fresh = name !== undefined || !this.file;
    this.file = {
      name: name ?? this.file?.name ?? "强审台账.xlsx",
      bytes,
      modified: true,
      created: fresh ? true : (this.file?.created ?? true),
    };
    if (fresh) this.opened++;
    this.notify();
  }

  markDownloaded(): void {
    if (this.file) this.file = { ...this.file, modified: false };
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
