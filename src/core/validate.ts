// Row and cross-row validation of the register and the adjustment log (SPEC 2, 4.4, 5).

import type { LogEntry } from "./adjustments";
import { checkCreditCode, normalizeCreditCode } from "./creditCode";
import { formatIsoDate, partsFromSerial, type DateSerial } from "./dates";
import { earliestAcceptance, evaluationRequired } from "./deadlines";
import { issue, type Issue } from "./issues";
import type { Profile } from "./profiles";
import type { RegisterField, RegisterRow } from "./register";
import { derivedAcceptanceResult, derivedEvaluationResult } from "./scoring";
import { enterpriseKey } from "./status";

const at = (row: RegisterRow, field: RegisterField) => row.cells[field] ?? `A${row.row}`;

/** A code's problem, if any: SPEC 5's check-character failure is a warning where 备注 says 代码已核实. */
function codeIssue(
  sheet: string,
  cell: string,
  raw: string,
  remarks: string,
  profile: Profile,
): Issue | undefined {
  const mark = profile.decisions.verifiedCodeMark;
  const check = checkCreditCode(raw);
  if (check.ok) return undefined;
  if (check.reason === "check" && remarks.includes(mark)) {
    return issue(
      sheet,
      cell,
      "warning",
      "creditCode.checkVerified",
      `统一社会信用代码“${check.code}”${check.detail}；备注注明“${mark}”，按已核实处理`,
    );
  }
  const hint = check.reason === "check" ? `；如代码确经核实无误，请在备注中注明“${mark}”` : "";
  return issue(
    sheet,
    cell,
    "error",
    `creditCode.${check.reason}`,
    `统一社会信用代码“${check.code}”${check.detail}${hint}`,
  );
}

function creditCodeIssues(row: RegisterRow, profile: Profile): Issue[] {
  const cell = at(row, "creditCode");
  if (row.creditCodeUnreadable) return [];
  if (row.creditCode.trim() === "") {
    return [
      issue(
        row.sheet,
        cell,
        "error",
        "creditCode.missing",
        `第 ${row.row} 行“${row.name}”缺少统一社会信用代码`,
      ),
    ];
  }
  const found = codeIssue(row.sheet, cell, row.creditCode, row.remarks, profile);
  return found ? [found] : [];
}

const ACT_FIELDS = [
  ["receivedOn", "收文时间"],
  ["disclosedOn", "信息公开时间"],
  ["startedOn", "审核启动时间"],
  ["evaluatedOn", "评估时间"],
  ["highCostDoneOn", "中高费方案完成时间"],
  ["acceptedOn", "验收时间"],
] as const;

function rowIssues(row: RegisterRow, profile: Profile, asOf: DateSerial): Issue[] {
  const out: Issue[] = creditCodeIssues(row, profile);
  const add = (field: RegisterField, severity: Issue["severity"], code: string, message: string) =>
    out.push(issue(row.sheet, at(row, field), severity, code, message));
  const p = row.publishedOn;

  for (const [field, label] of ACT_FIELDS) {
    const d = row[field];
    if (d === null) continue;
    if (p !== null && d < p) {
      add(
        field,
        "error",
        "date.beforePublication",
        `${label} ${formatIsoDate(d)} 早于名单公布时间 ${formatIsoDate(p)}`,
      );
    }
    if (d > asOf)
      add(
        field,
        "warning",
        "date.future",
        `${label} ${formatIsoDate(d)} 晚于统计日 ${formatIsoDate(asOf)}，暂不计入`,
      );
  }
  const laterAct = row.evaluatedOn !== null ? "评估时间" : row.acceptedOn !== null ? "验收时间" : null;
  if (row.startedOn === null && laterAct !== null)
    add("startedOn", "warning", "start.missing", `已填写${laterAct}，审核已启动，但缺少审核启动时间，请补填`);
  if (row.listYear !== null && p !== null && Math.abs(partsFromSerial(p).year - row.listYear) > 1) {
    add(
      "listYear",
      "warning",
      "listYear.mismatch",
      `名单年度 ${row.listYear} 与名单公布时间 ${formatIsoDate(p)} 相差一年以上，请核实`,
    );
  }

  // Evaluation: a score decides the result; a typed result that disagrees is an error.
  if (row.evaluationScore !== null && row.evaluationResult !== null) {
    const derived = derivedEvaluationResult(row.evaluationScore);
    if (derived !== row.evaluationResult) {
      add(
        "evaluationResult",
        "error",
        "result.contradictsScore",
        `评估得分 ${row.evaluationScore} 分对应“${derived}”，与填写的评估结果“${row.evaluationResult}”不符`,
      );
    }
  }
  if ((row.evaluationScore !== null || row.evaluationResult !== null) && row.evaluatedOn === null) {
    add("evaluatedOn", "error", "evaluation.noDate", "已填写评估得分或结果，但缺少评估时间");
  }
  if (row.evaluatedOn !== null && row.evaluationScore === null && row.evaluationResult === null) {
    add("evaluationScore", "warning", "evaluation.noResult", "已填写评估时间，但缺少评估得分和评估结果");
  }

  // Acceptance: 合格 needs ≥ 60; 不合格 with ≥ 60 stands only on a key-indicator veto.
  if (row.acceptanceScore !== null && row.acceptanceResult !== null) {
    const derived = derivedAcceptanceResult(row.acceptanceScore);
    if (row.acceptanceResult === "合格" && derived !== "合格") {
      add(
        "acceptanceResult",
        "error",
        "result.contradictsScore",
        `验收得分 ${row.acceptanceScore} 分低于 60 分，应为“不合格”，与填写的“合格”不符`,
      );
    } else if (row.acceptanceResult === "不合格" && derived === "合格") {
      add(
        "acceptanceResult",
        "warning",
        "result.veto",
        `验收得分 ${row.acceptanceScore} 分但结果为“不合格”：仅当关键指标有“否”时成立，请核实`,
      );
    }
  }
  if ((row.acceptanceScore !== null || row.acceptanceResult !== null) && row.acceptedOn === null) {
    add("acceptedOn", "error", "acceptance.noDate", "已填写验收得分或结果，但缺少验收时间");
  }
  if (row.acceptedOn !== null && row.acceptanceScore === null && row.acceptanceResult === null) {
    add("acceptanceScore", "warning", "acceptance.noResult", "已填写验收时间，但缺少验收得分和验收结果");
  }
  if (row.acceptedOn !== null) {
    if (row.evaluatedOn === null && evaluationRequired(row, profile)) {
      add(
        "acceptedOn",
        "error",
        "acceptance.noEvaluation",
        "已填写验收时间，但缺少评估时间（验收须在评估之后）",
      );
    } else if (row.evaluatedOn !== null && row.acceptedOn < row.evaluatedOn) {
      add(
        "acceptedOn",
        "error",
        "acceptance.beforeEvaluation",
        `验收时间 ${formatIsoDate(row.acceptedOn)} 早于评估时间 ${formatIsoDate(row.evaluatedOn)}`,
      );
    }
    const evaluation =
      row.evaluationScore !== null ? derivedEvaluationResult(row.evaluationScore) : row.evaluationResult;
    if (evaluation === "不通过") {
      add(
        "acceptedOn",
        "warning",
        "acceptance.afterFailedEvaluation",
        "评估结果为“不通过”（需重新审核），却填写了验收时间，请核实",
      );
    }
    const earliest = earliestAcceptance(row, profile);
    if (earliest !== null && row.acceptedOn < earliest) {
      add(
        "acceptedOn",
        "warning",
        "acceptance.beforeStableRunning",
        `验收时间 ${formatIsoDate(row.acceptedOn)} 早于中高费方案完成后稳定运行 ${profile.deadlines.stableRunningMonths} 个月（${formatIsoDate(earliest)}）`,
      );
    }
  }
  if (row.highCostDoneOn !== null && row.evaluatedOn !== null && row.highCostDoneOn < row.evaluatedOn) {
    add(
      "highCostDoneOn",
      "warning",
      "highCost.beforeEvaluation",
      "中高费方案完成时间早于评估时间（中高费方案应在评估后实施），请核实",
    );
  }
  if (row.previousAcceptedOn !== null && p !== null && row.previousAcceptedOn > p) {
    add(
      "previousAcceptedOn",
      "error",
      "previousAcceptance.afterPublication",
      "上轮验收时间晚于本轮名单公布时间",
    );
  }
  return out;
}

function roundOf(row: RegisterRow): string {
  if (row.listYear !== null) return String(row.listYear);
  return row.publishedOn !== null ? String(partsFromSerial(row.publishedOn).year) : "";
}

function duplicateIssues(rows: readonly RegisterRow[]): Issue[] {
  const out: Issue[] = [];
  const seen = new Map<string, RegisterRow>();
  for (const row of rows) {
    if (row.creditCode.trim() === "" && row.name.trim() === "") continue;
    const key = `${enterpriseKey(row)}|${roundOf(row)}`;
    const first = seen.get(key);
    if (first) {
      const field: RegisterField = row.creditCode.trim() !== "" ? "creditCode" : "name";
      out.push(
        issue(
          row.sheet,
          at(row, field),
          "error",
          "register.duplicate",
          `“${row.name}”在同一轮名单（${roundOf(row)}年）中重复出现，与第 ${first.row} 行相同`,
        ),
      );
    } else seen.set(key, row);
  }
  return out;
}

function logIssues(entries: readonly LogEntry[], rows: readonly RegisterRow[], profile: Profile): Issue[] {
  const out: Issue[] = [];
  const codes = new Set(rows.map((r) => normalizeCreditCode(r.creditCode)).filter((c) => c !== ""));
  const names = new Set(rows.map((r) => r.name.trim()));
  for (const e of entries) {
    const cell = (f: keyof LogEntry["cells"]) => e.cells[f] ?? `A${e.row}`;
    const add = (f: keyof LogEntry["cells"], severity: Issue["severity"], code: string, message: string) =>
      out.push(issue(e.sheet, cell(f), severity, code, message));
    if (e.creditCode.trim() !== "") {
      const found = codeIssue(e.sheet, cell("creditCode"), e.creditCode, e.remarks, profile);
      if (found) out.push(found);
    }
    const known = codes.has(normalizeCreditCode(e.creditCode)) || names.has(e.name.trim());
    if (!known && e.name.trim() !== "") {
      add(
        "name",
        "warning",
        "log.unknownEnterprise",
        `“${e.name}”不在企业名单台账中，请核对企业名称或统一社会信用代码`,
      );
    }
    if (e.change && e.result) {
      const usual = profile.pairings.filter((p) => e.change!.kind.includes(p.change));
      if (usual.length > 0 && !usual.some((p) => p.results.includes(e.result!))) {
        const labels = usual
          .flatMap((p) => p.results)
          .map((k) => profile.adjustmentOptions.find((o) => o.kind === k)?.label ?? k);
        add(
          "result",
          "warning",
          "log.unusualPairing",
          `变化情况“${e.change.label}”一般调整为“${[...new Set(labels)].join("”或“")}”，填写的是“${e.resultLabel}”，请核实`,
        );
      }
    }
    const needsEvidence =
      e.result !== null &&
      (profile.evidenceRequiredFor === "all" || profile.evidenceRequiredFor.includes(e.result));
    if (needsEvidence && e.evidence.trim() === "") {
      add("evidence", "error", "log.noEvidence", `调整结果为“${e.resultLabel}”，须填写证明材料`);
    }
    if (e.detail.trim() === "") {
      const result = profile.adjustmentOptions.find((o) => o.kind === e.result);
      if (e.change?.needsDetail)
        add("detail", "error", "log.noDetail", `变化情况“${e.change.label}”须具体说明情况`);
      else if (result?.needsDetail)
        add("detail", "error", "log.noDetail", `调整结果为“${result.label}”，须在具体说明中提出建议调整意见`);
    }
    if (e.resumedOn !== null) {
      if (e.result !== "suspend")
        add("resumedOn", "warning", "log.resumeNotSuspended", "只有“审核暂缓”需要填写恢复日期");
      else if (e.changedOn !== null && e.resumedOn < e.changedOn) {
        add(
          "resumedOn",
          "error",
          "log.resumeBeforeChange",
          `恢复日期 ${formatIsoDate(e.resumedOn)} 早于变化日期 ${formatIsoDate(e.changedOn)}`,
        );
      }
    }
  }
  return out;
}

/** Every rule check on typed rows (cell-format issues come from the readers). */
export function validateRegister(
  rows: readonly RegisterRow[],
  log: readonly LogEntry[],
  profile: Profile,
  asOf: DateSerial,
): Issue[] {
  // Appended one by one: spreading a list of 100,000 issues into push() would overflow the stack.
  const out: Issue[] = [];
  for (const row of rows) for (const i of rowIssues(row, profile, asOf)) out.push(i);
  return [...out, ...duplicateIssues(rows), ...logIssues(log, rows, profile)];
}
