// 台账: refresh status, validate, create the register sheets, import a published list.

import { Button, Caption1, Field, Input } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { BureauStatus } from "../../core/bureau";
import { formatIsoDate, parseIsoDate, chinaToday } from "../../core/dates";
import { DEADLINE_CODES, DEADLINE_LABELS } from "../../core/profiles";
import { STAGE_LABELS, STAGES, type RowStatus } from "../../core/status";
import { usePane } from "../pane";
import { COLUMN } from "./column";

import { ImportList } from "./ImportList";
import type { Worklist as WorklistData } from "../../core/worklist";
import { Worklist } from "./Worklist";

export function RegisterTab() {
  const { t, backend, busy, act, settings, setIssues } = usePane();
  const [asOf, setAsOf] = useState(formatIsoDate(chinaToday()));
  const [statuses, setStatuses] = useState<Pick<RowStatus, "stage" | "overdue">[] | undefined>();
  const [bureau, setBureau] = useState<BureauStatus | undefined>();
  const [worklist, setWorklist] = useState<WorklistData | undefined>();

  const needAsOf = () => {
    const day = parseIsoDate(asOf);
    if (day === undefined) throw new Error(`${t.asOf}：请填写 YYYY-MM-DD 格式的日期`);
    return day;
  };

  const onRefresh = () =>
    act(async () => {
      const r = await backend.refreshStatus(needAsOf());
      setStatuses(r.statuses);
      setBureau(r.bureau);
      setWorklist(r.worklist);
      setIssues(r.issues);
      const errors = r.issues.filter((i) => i.severity === "error").length;
      const text = t.refreshed(r.statuses.length, r.statuses.filter((s) => s.overdue.length > 0).length);
      return errors > 0
        ? { intent: "warning", text: text + t.refreshedWithErrors(errors) }
        : { intent: "success", text };
    });

  const onValidate = () =>
    act(async () => {
      const r = await backend.validate(needAsOf());
      setWorklist(r.worklist);
      setIssues(r.issues);
      const errors = r.issues.filter((i) => i.severity === "error").length;
      return {
        intent: errors > 0 ? "warning" : "success",
        text: t.validated(errors, r.issues.length - errors),
      };
    });

  const onCreate = () =>
    act(async () => {
      await backend.createRegister(settings);
      return { intent: "success", text: t.created };
    });

  const counts = useMemo(() => {
    if (!statuses) return undefined;
    return {
      stages: STAGES.map(
        (s) => [STAGE_LABELS[s], statuses.filter((x) => x.stage === s).length] as const,
      ).filter(([, n]) => n > 0),
      overdue: DEADLINE_CODES.map(
        (c) => [DEADLINE_LABELS[c], statuses.filter((x) => x.overdue.includes(c)).length] as const,
      ).filter(([, n]) => n > 0),
    };
  }, [statuses]);

  return (
    <div style={COLUMN}>
      <Field label={t.asOf}>
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      <Button appearance="primary" disabled={busy} onClick={onRefresh} title={t.refreshStatusHint}>
        {t.refreshStatus}
      </Button>
      <Button disabled={busy} onClick={onValidate} title={t.validateHint}>
        {t.validate}
      </Button>
      <Button disabled={busy} onClick={onCreate} title={t.createRegisterHint}>
        {t.createRegister}
      </Button>
      <ImportList />
      {counts && (
        <div data-testid="counts">
          <Caption1 block>
            {t.byStage}：{counts.stages.map(([l, n]) => `${l} ${n}`).join("，")}
          </Caption1>
          <Caption1 block>
            {t.byOverdue}：
            {counts.overdue.length === 0 ? "—" : counts.overdue.map(([l, n]) => `${l} ${n}`).join("，")}
          </Caption1>
        </div>
      )}
      {bureau && (bureau.deadlines.length > 0 || bureau.rollOver.length > 0) && (
        <div data-testid="bureau">
          {bureau.deadlines.length > 0 && <Caption1 block>{t.bureauDeadlines}：</Caption1>}
          {bureau.deadlines.map((b) => (
            <Caption1
              block
              key={`${b.code}${b.period}`}
              style={b.state === "overdue" || b.state === "late" ? { color: "#a4262c" } : undefined}
            >
              {t.bureauLine(b)}
            </Caption1>
          ))}
          {bureau.rollOver.length > 0 && (
            <Caption1 block>
              {t.rollOver(bureau.rollOver.length)}：{bureau.rollOver.map((c) => c.name).join("、")}
            </Caption1>
          )}
        </div>
      )}
      {worklist && <Worklist list={worklist} asOf={needAsOf} />}
    </div>
  );
}
