// 验收结果名单: the enterprises accepted in a period, 合格 and 不合格 apart — Guangxi 三、(八) "市生态环境局…应及时将
// 验收“合格”与“不合格”企业名单报送自治区生态环境厅".

import type { DateSerial } from "./dates";
import type { RegisterRow } from "./register";
import { acceptanceOutcome } from "./status";

export interface AcceptedEnterprise {
  /** The register row it comes from. */
  row: number;
  name: string;
  creditCode: string;
  district: string;
  acceptedOn: DateSerial;
  score: number | null;
  result: "合格" | "不合格";
}

export interface AcceptanceList {
  from: DateSerial;
  to: DateSerial;
  passed: AcceptedEnterprise[];
  failed: AcceptedEnterprise[];
  /** Rows accepted in the period whose result the register does not give (neither a score nor a 验收结果). */
  undecided: { row: number; name: string }[];
}

/** The rounds with a 验收时间 from `from` to `to` inclusive, by date then register order. */
export function acceptanceList(
  rows: readonly RegisterRow[],
  from: DateSerial,
  to: DateSerial,
): AcceptanceList {
  const list: AcceptanceList = { from, to, passed: [], failed: [], undecided: [] };
  const inPeriod = rows
    .filter((r) => r.acceptedOn !== null && r.acceptedOn >= from && r.acceptedOn <= to)
    .sort((a, b) => a.acceptedOn! - b.acceptedOn! || a.row - b.row);
  for (const r of inPeriod) {
    const result = acceptanceOutcome(r);
    if (result === null) {
      list.undecided.push({ row: r.row, name: r.name });
      continue;
    }
    const entry: AcceptedEnterprise = {
      row: r.row,
      name: r.name,
      creditCode: r.creditCode,
      district: r.district,
      acceptedOn: r.acceptedOn!,
      score: r.acceptanceScore,
      result,
    };
    (result === "合格" ? list.passed : list.failed).push(entry);
  }
  return list;
}
