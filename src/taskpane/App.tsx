import {
  Button,
  Caption1,
  Divider,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  formatIsoDate,
  parseIsoDate,
  parseQuarter,
  previousQuarter,
  quarterCode,
  quarterOf,
  serialFromLocalDate,
} from "../core/dates";
import type { ScoringKind } from "../core/rubrics";
import { localTimestamp } from "../core/stamp";
import { prepareSubmission, verifySubmission } from "../excel/centre";
import { writeCityReport } from "../excel/consolidate";
import { consolidateFiles } from "../xlsx/city";
import {
  generateQuarterly,
  insertScoreSheets,
  listEnterprises,
  writeBackScores,
  writeOrCheckRubric,
} from "../excel/forms";
import type { Issue } from "../core/issues";
import { DEADLINE_CODES, DEADLINE_LABELS, type ProfileId } from "../core/profiles";
import { defaultSettings, type WorkbookSettings } from "../core/settings";
import { STAGE_LABELS, STAGES, type RowStatus } from "../core/status";
import { createRegister, refreshStatus, selectIssue, validateWorkbook } from "../excel/register";
import { loadSettings, saveSettings } from "../excel/settings";
import { runCommand } from "./runCommand";
import type { Strings } from "./strings";

type Tabs = "register" | "forms" | "scoring" | "settings";
type Message = { intent: "success" | "error" | "warning" | "info"; text: string };

export function App({ t }: { t: Strings }) {
  const [tab, setTab] = useState<Tabs>("register");
  const [settings, setSettings] = useState<WorkbookSettings>(defaultSettings("shanghai"));
  const [asOf, setAsOf] = useState(formatIsoDate(serialFromLocalDate(new Date())));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | undefined>();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [statuses, setStatuses] = useState<RowStatus[] | undefined>();
  const [quarter, setQuarter] = useState(
    quarterCode(previousQuarter(quarterOf(serialFromLocalDate(new Date())))),
  );
  const [enterprises, setEnterprises] = useState<string[]>([]);
  const [enterprise, setEnterprise] = useState("");
  const [kind, setKind] = useState<ScoringKind>("evaluation");
  const [experts, setExperts] = useState(3);
  const [picked, setPicked] = useState<File[]>([]);
  const [progress, setProgress] = useState("");
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    runCommand(loadSettings)
      .then((s) => s && setSettings(s))
      .catch(() => undefined);
  }, []);

  const asOfSerial = parseIsoDate(asOf);

  const act = useCallback(async (work: () => Promise<Message | undefined>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage(await work());
    } catch (err) {
      setMessage({ intent: "error", text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }, []);

  const needAsOf = () => {
    if (asOfSerial === undefined) throw new Error(`${t.asOf}：请填写 YYYY-MM-DD 格式的日期`);
    return asOfSerial;
  };

  const onCreate = () =>
    act(async () => {
      await runCommand((ctx) => createRegister(ctx, settings));
      return { intent: "success", text: t.created };
    });

  const onRefresh = () =>
    act(async () => {
      const day = needAsOf();
      const r = await runCommand((ctx) => refreshStatus(ctx, day));
      setStatuses(r.statuses);
      setIssues(r.issues);
      return {
        intent: "success",
        text: t.refreshed(r.statuses.length, r.statuses.filter((s) => s.overdue.length > 0).length),
      };
    });

  const onValidate = () =>
    act(async () => {
      const day = needAsOf();
      const r = await runCommand((ctx) => validateWorkbook(ctx, day));
      setIssues(r.issues);
      const errors = r.issues.filter((i) => i.severity === "error").length;
      return {
        intent: errors > 0 ? "warning" : "success",
        text: t.validated(errors, r.issues.length - errors),
      };
    });

  const onSaveSettings = () =>
    act(async () => {
      await runCommand((ctx) => saveSettings(ctx, settings));
      return { intent: "success", text: t.settingsSaved };
    });

  const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);

  const onQuarterly = () =>
    act(async () => {
      const q = parseQuarter(quarter);
      if (!q) throw new Error(`${t.quarter}：请填写如 2026Q3 的季度`);
      const names = await runCommand((ctx) =>
        generateQuarterly(ctx, q, serialFromLocalDate(new Date()), supports),
      );
      return { intent: "success", text: t.generated(names) };
    });

  const onSubmit = () =>
    act(async () => {
      const q = parseQuarter(quarter);
      if (!q) throw new Error(`${t.quarter}：请填写如 2026Q3 的季度`);
      const today = serialFromLocalDate(new Date());
      const r = await runCommand((ctx) =>
        prepareSubmission(ctx, q, settings.preparer, today, localTimestamp(new Date()), supports),
      );
      setIssues(r.issues);
      if (!r.stamp)
        return { intent: "error", text: t.refused(r.issues.filter((i) => i.severity === "error").length) };
      return { intent: "success", text: t.submitted(r.stamp.sha256) };
    });

  const onVerify = () =>
    act(async () => {
      const v = await runCommand(verifySubmission);
      const state =
        v.state === "changed" ? `${t.verified.changed}${v.changedSheets.join("、")}` : t.verified[v.state];
      const text = v.late && v.stamp ? `${state}${t.late(v.stamp.stampedAt)}` : state;
      return { intent: v.state === "unchanged" && !v.late ? "success" : "warning", text };
    });

  const onConsolidate = () =>
    act(async () => {
      const q = parseQuarter(quarter);
      if (!q) throw new Error(`${t.quarter}：请填写如 2026Q3 的季度`);
      const result = await consolidateFiles(
        picked.map((f) => ({ name: f.name, read: () => f.arrayBuffer() })),
        q,
        settings.profileId,
        (done, total) => setProgress(t.reading(done, total)),
      );
      setProgress("");
      const names = await runCommand((ctx) => writeCityReport(ctx, result, q, supports));
      const { city } = result;
      const notes = [
        city.missing.length ? t.missing(city.missing) : "",
        city.late.length ? t.lateDistricts(city.late) : "",
        city.failed.length ? t.unreadable(city.failed.map((f) => f.file)) : "",
        ...city.districts
          .filter((d) => d.verification.state !== "unchanged")
          .map((d) => t.notVerified(d.district, d.verification.changedSheets)),
      ].filter((n) => n !== "");
      return {
        intent: notes.length > 0 ? "warning" : "success",
        text: [t.consolidated(city.districts.length, names), ...notes].join(" "),
      };
    });

  const loadEnterprises = () => {
    runCommand(listEnterprises)
      .then(setEnterprises)
      .catch((err: Error) => setMessage({ intent: "error", text: err.message }));
  };

  const onScoresheets = () =>
    act(async () => {
      const names = await runCommand((ctx) => insertScoreSheets(ctx, kind, enterprise, experts, supports));
      return { intent: "success", text: t.generated(names) };
    });

  const onWriteBack = () =>
    act(async () => {
      const r = await runCommand(writeBackScores);
      setIssues(r.issues);
      return {
        intent: r.issues.length > 0 ? "warning" : "success",
        text: t.writtenBack(r.panels.filter((p) => p.complete).length),
      };
    });

  const onRubric = () =>
    act(async () => {
      const r = await runCommand((ctx) => writeOrCheckRubric(ctx, supports));
      setIssues(r.issues);
      if (r.written) return { intent: "success", text: t.rubricWritten };
      const errors = r.issues.filter((i) => i.severity === "error").length;
      return { intent: errors > 0 ? "warning" : "success", text: t.rubricChecked(errors) };
    });

  const onIssue = (i: Issue) => act(async () => (await runCommand((ctx) => selectIssue(ctx, i)), undefined));

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

  const issueList = issues.length > 0 && (
    <>
      <Divider>{t.issues}</Divider>
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="issues">
        {issues.map((i, k) => (
          <li key={k}>
            <Button
              appearance="subtle"
              size="small"
              style={{ justifyContent: "flex-start", textAlign: "left", width: "100%" }}
              onClick={() => onIssue(i)}
            >
              <span
                style={{
                  color: i.severity === "error" ? "#a4262c" : "#8a6d00",
                  marginRight: 6,
                  whiteSpace: "nowrap",
                }}
              >
                {i.severity === "error" ? t.error : t.warning}
              </span>
              {i.sheet}!{i.cell} {i.message}
            </Button>
          </li>
        ))}
      </ul>
    </>
  );

  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: "100vh" }}>
      <Text as="h1" size={500} weight="semibold">
        {t.title}
      </Text>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tabs)}>
        <Tab value="register">{t.tabRegister}</Tab>
        <Tab value="forms">{t.tabForms}</Tab>
        <Tab value="scoring">{t.tabScoring}</Tab>
        <Tab value="settings">{t.tabSettings}</Tab>
      </TabList>
      {message && (
        <MessageBar intent={message.intent} style={{ marginTop: 8 }} data-testid="message">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="tiny" label={t.working} style={{ marginTop: 8 }} />}

      {tab === "register" && (
        <div style={{ display: "flex", flexDirection: "column", gap: 8, marginTop: 12 }}>
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
          {issueList}
        </div>
      )}

      {tab === "forms" && (
        <div style={{ display: "flex", flexDirection: "column", gap: 8, marginTop: 12 }}>
          <Field label={t.quarter} hint="2026Q3">
            <Input value={quarter} onChange={(_, d) => setQuarter(d.value)} />
          </Field>
          <Button appearance="primary" disabled={busy} onClick={onQuarterly} title={t.generateQuarterlyHint}>
            {t.generateQuarterly}
          </Button>
          <Button disabled={busy} onClick={onSubmit} title={t.submitHint}>
            {t.submit}
          </Button>
          <Button disabled={busy} onClick={onVerify}>
            {t.verify}
          </Button>
          <Divider>{t.centre}</Divider>
          <input
            ref={picker}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple
            hidden
            data-testid="pick-files"
            onChange={(e) => setPicked(Array.from(e.target.files ?? []))}
          />
          <Button disabled={busy} onClick={() => picker.current?.click()} title={t.pickFilesHint}>
            {t.pickFiles}
          </Button>
          {picked.length > 0 && <Caption1 block>{t.picked(picked.map((f) => f.name))}</Caption1>}
          <Button
            appearance="primary"
            disabled={busy || picked.length === 0}
            onClick={onConsolidate}
            title={t.consolidateHint}
          >
            {t.consolidate}
          </Button>
          {progress && <Caption1 block>{progress}</Caption1>}
        </div>
      )}

      {tab === "scoring" && (
        <div style={{ display: "flex", flexDirection: "column", gap: 8, marginTop: 12 }}>
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
          <Button disabled={busy} onClick={onRubric} title={t.rubricHint}>
            {t.rubric}
          </Button>
          {issueList}
        </div>
      )}

      {tab === "settings" && (
        <div style={{ display: "flex", flexDirection: "column", gap: 8, marginTop: 12 }}>
          <Field label={t.profile}>
            <Select
              value={settings.profileId}
              onChange={(_, d) => setSettings(defaultSettingsFor(d.value as ProfileId, settings))}
            >
              <option value="shanghai">{t.shanghai}</option>
              <option value="guangxi">{t.guangxi}</option>
            </Select>
          </Field>
          <Field label={t.district} hint={t.districtHint}>
            <Input
              value={settings.district}
              onChange={(_, d) => setSettings({ ...settings, district: d.value })}
            />
          </Field>
          <Field label={t.preparer}>
            <Input
              value={settings.preparer}
              onChange={(_, d) => setSettings({ ...settings, preparer: d.value })}
            />
          </Field>
          <Button disabled={busy} onClick={onSaveSettings}>
            {t.saveSettings}
          </Button>
        </div>
      )}
    </FluentProvider>
  );
}

/** Switching profile takes the new profile's rule defaults, keeping the district and preparer. */
function defaultSettingsFor(profileId: ProfileId, current: WorkbookSettings): WorkbookSettings {
  return defaultSettings(profileId, current.district, current.preparer);
}
