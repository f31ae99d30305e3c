// How every command talks to Excel: one Excel.run per command, calculation suspended while writing,
// and payloads kept under Excel on the web's request limit.

/** Excel on the web rejects requests over 5 MB; stay clear of it. */
export const PAYLOAD_LIMIT = 4_000_000;

/** Rough size of a values/formats array once serialised into the request. */
export function payloadSize(values: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of values) {
    n += 2;
    for (const v of row) n += typeof v === "string" ? v.length * 3 + 3 : 12;
  }
  return n;
}

/**
 * Splits rows into chunks whose payload stays under the limit; `write` queues one chunk, and a sync is made
 * between chunks only when there is more than one.
 */
export async function writeInChunks<T extends readonly unknown[]>(
  context: Excel.RequestContext,
  rows: readonly T[],
  write: (start: number, chunk: readonly T[]) => void,
  limit = PAYLOAD_LIMIT,
): Promise<number> {
  let start = 0;
  let syncs = 0;
  while (start < rows.length) {
    let end = start;
    let size = 0;
    while (end < rows.length) {
      const rowSize = payloadSize([rows[end]!]);
      if (end > start && size + rowSize > limit) break;
      size += rowSize;
      end++;
    }
    write(start, rows.slice(start, end));
    start = end;
    if (start < rows.length) {
      await context.sync();
      syncs++;
    }
  }
  return syncs;
}

export function suspendCalculation(context: Excel.RequestContext): void {
  context.workbook.application.suspendApiCalculationUntilNextSync();
}

/** Turns any Office.js error into a message a user can act on. */
export function officeErrorMessage(err: unknown): string {
  const e = err as { code?: string; message?: string };
  switch (e.code) {
    case "RequestPayloadSizeLimitExceeded":
      return "写入的数据量超过 Excel 网页版的单次请求上限，请分批处理或在桌面版 Excel 中操作。";
    case "InvalidArgument":
      return `Excel 拒绝了写入的内容（${e.message ?? "参数无效"}）。`;
    case "ItemAlreadyExists":
      return `同名工作表已存在（${e.message ?? ""}）。`;
    case "AccessDenied":
    case "InsertDeleteConflict":
      return "工作表受保护或正在编辑，无法写入。请退出单元格编辑状态或撤销保护后重试。";
    default:
      return e.message ? `Excel 操作失败：${e.message}` : "Excel 操作失败。";
  }
}
