// 评分: the experts' scoring sheets of an enterprise, and the panels' results written back.

import { Button, Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import type { ScoringKind } from "../../core/rubrics";
import { usePane } from "../pane";
import { COLUMN } from "./column";

export function ScoringTab() {
  const { t, backend, busy, act, say, setIssues } = usePane();
  const [enterprises, setEnterprises] = useState<string[]>([]);
  const [enterprise, setEnterprise] = useState("");
  const [kind, setKind] = useState<ScoringKind>("evaluation");
  const [experts, setExperts] = useState(3);

  const loadEnterprises = () => {
    backend
      .listEnterprises()
      .then(setEnterprises)
      .catch((err: Error) => say({ intent: "error", text: err.message }));
  };

  const onScoresheets = () =>
    act(async () => {
      const names = await backend.insertScoreSheets(kind, enterprise, experts);
      return { intent: "success", text: t.generated(names) };
    });

  const onWriteBack = () =>
    act(async () => {
      const r = await backend.writeBackScores();
      setIssues(r.issues);
      return {
        intent: r.issues.length > 0 ? "warning" : "success",
        text: t.writtenBack(r.panels.filter((p) => p.complete).length),
      };
    });

  return (
    <div style={COLUMN}>
      <Field label={t.enterprise}>
        <Select value={enterprise} onChange={(_, d) => setEnterprise(d.value)} onFocus={loadEnterprises}>
          <option value="">{t.chooseEnterprise}</option>
          {enterprises.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.kind}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as ScoringKind)}>
          <option value="evaluation">{t.evaluation}</option>
          <option value="acceptance">{t.acceptance}</option>
        </Select>
      </Field>
      <Field label={t.experts}>
        <Select value={String(experts)} onChange={(_, d) => setExperts(Number(d.value))}>
          {[3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" disabled={busy || enterprise === ""} onClick={onScoresheets}>
        {t.insertScoresheets}
      </Button>
      <Button disabled={busy} onClick={onWriteBack}>
        {t.writeBackScores}
      </Button>
    </div>
  );
}
