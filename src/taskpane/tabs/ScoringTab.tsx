// 评分: the experts' scoring sheets of an enterprise, the panels' results written back, and the enterprise's
// other forms (附件1, 附件4, 附件5, 附件9 or 附表1 and 附表2, as the profile has them; 附件6).

import { Button, Divider, Field, Select } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { getProfile } from "../../core/profiles";
import type { ScoringKind } from "../../core/rubrics";
import { enterpriseSheetsOf, type EnterpriseSheetKind } from "../../forms/enterpriseFormTitles";
import { usePane } from "../pane";
import { COLUMN } from "./column";

export function ScoringTab() {
  const { t, backend, busy, act, settings, setIssues } = usePane();
  const [enterprises, setEnterprises] = useState<string[]>([]);
  const [enterprise, setEnterprise] = useState("");
  const [kind, setKind] = useState<ScoringKind>("evaluation");
  const [experts, setExperts] = useState(3);

  // The register is read once when the tab opens (quietly: no workbook yet is no error), and again on demand as
  // a command: never on every focus of the drop-down, which at 10,000 rows would read megabytes each time.
  const loadEnterprises = () =>
    act(async () => {
      setEnterprises(await backend.listEnterprises());
      return undefined;
    });
  useEffect(() => {
    backend.listEnterprises().then(setEnterprises, () => setEnterprises([]));
  }, [backend]);

  const onScoresheets = () =>
    act(async () => {
      const names = await backend.insertScoreSheets(kind, enterprise, experts);
      return { intent: "success", text: t.generated(names) + t.besideOld(names) };
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

  const onRubric = () =>
    act(async () => {
      const r = await backend.writeOrCheckRubric();
      setIssues(r.issues);
      if (r.written) return { intent: "success", text: t.rubricWritten };
      const errors = r.issues.filter((i) => i.severity === "error").length;
      return { intent: errors > 0 ? "warning" : "success", text: t.rubricChecked(errors) };
    });

  const onEnterpriseForm = (formKind: EnterpriseSheetKind) =>
    act(async () => {
      const name = await backend.insertEnterpriseForm(formKind, enterprise);
      return { intent: "success", text: t.generated([name]) + t.besideOld([name]) };
    });

  return (
    <div style={COLUMN}>
      <Field label={t.enterprise}>
        <Select value={enterprise} onChange={(_, d) => setEnterprise(d.value)}>
          <option value="">{t.chooseEnterprise}</option>
          {enterprises.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </Select>
      </Field>
      <Button disabled={busy} onClick={() => void loadEnterprises()}>
        {t.reloadEnterprises}
      </Button>
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
      <Button disabled={busy} onClick={onRubric} title={t.rubricHint}>
        {t.rubric}
      </Button>
      <Divider>{t.enterpriseForms}</Divider>
      {enterpriseSheetsOf(getProfile(settings.profileId)).map((k) => (
        <Button
          key={k}
          disabled={busy || enterprise === ""}
          onClick={() => onEnterpriseForm(k)}
          title={t.enterpriseFormHint}
        >
          {t.enterpriseForm[k]}
        </Button>
      ))}
    </div>
  );
}
