// How every command talks to Excel: one Excel.run per command, calculation suspended while writing,
// requests kept under Excel on the web's 5 MB, and Office.js errors turned into Chinese messages.

/** Excel on the web rejects a request over 5 MB; a batch stays under 4 MB, leaving room for the calls. */
export const PAYLOAD_LIMIT = 4_000_000;
/** What one call adds to a request besides its values: the action and its object path, as JSON. */
export const CALL_BYTES = 300;

const utf8 = new TextEncoder();

/** Bytes a value takes in a request: its JSON in UTF-8, as Excel counts it. */
export function payloadSize(value: unknown): number {
  return utf8.encode(JSON.stringify(value) ?? "null").length;
}

/** Keeps a batch under the request limit: `add` syncs first when the next call would go over. */
export class RequestBudget {
  private pending = 0;
  syncs = 0;

  constructor(
    private context: Excel.RequestContext,
    readonly limit = PAYLOAD_LIMIT,
  ) {}

  async add(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) {
      await this.context.sync();
      this.syncs++;
      this.pending = 0;
    }
    this.pending += bytes;
  }
}

/**
 * Splits rows into chunks whose request stays under the limit (`size` measures one row with whatever is
 * written alongside it, `calls` the calls a chunk makes besides); `write` queues one chunk. Every chunk goes
 * through `budget`, which syncs before a chunk that would overfill the request, so writes queued before or
 * after the chunks share the same limit. Returns the syncs made.
 */
export async function writeInChunks<T>(
  budget: RequestBudget,
  rows: readonly T[],
  write: (start: number, chunk: readonly T[]) => void,
  size: (row: T) => number = (row) => payloadSize(row) + 1,
  calls = 2,
): Promise<number> {
  const before = budget.syncs;
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = CALL_BYTES * calls;
    while (end < rows.length) {
      const rowSize = size(rows[end]!);
      if (end > start && bytes + rowSize > budget.limit) break;
      bytes += rowSize;
      end++;
    }
    await budget.add(bytes);
    write(start, rows.slice(start, end));
    start = end;
  }
  return budget.syncs - before;
}

export function suspendCalculation(context: Excel.RequestContext): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
}

/** Turns any Office.js error into a message a user can act on. */
export function officeErrorMessage(err: unknown): string {
  const e = err as { code?: string; message?: string };
  switch (e.code) {
    case "RequestPayloadSizeLimitExceeded":
      return "写入的数据量超过 Excel 网页版的单次请求上限（5 MB），请分批处理或在桌面版 Excel 中操作。";
    case "ResponsePayloadSizeLimitExceeded":
      return "从工作簿读取的数据量超过 Excel 网页版的单次响应上限（5 MB），请删除不需要的行列后重试，或在桌面版 Excel 中操作。";
    case "RangeExceedsLimit":
      return "读取的区域超过 Excel 单次读取 500 万个单元格的上限，请删除不需要的行列后重试。";
    case "ApiNotFound":
      return "当前 Excel 版本不支持本加载项所需的功能，请更新 Office 后重试。";
    case "InvalidArgument":
      return `Excel 拒绝了写入的内容（${e.message ?? "参数无效"}）。`;
    case "ItemAlreadyExists":
      return `同名工作表已存在（${e.message ?? ""}）。`;
    case "InvalidOperationInCellEditMode":
      return "Excel 正处于单元格编辑状态，无法操作工作簿。请按 Enter 或 Esc 退出编辑（或单击其他单元格）后重试。";
    case "AccessDenied":
      return `工作表或工作簿受保护，Excel 拒绝了此操作（${e.message ?? "拒绝访问"}）。请撤销保护后重试。`;
    case "InsertDeleteConflict":
      return `插入或删除单元格与表格、合并单元格冲突（${e.message ?? ""}）。`;
    default:
      return e.message ? `Excel 操作失败：${e.message}` : "Excel 操作失败。";
  }
}
