// 设置: the profile, the district and the preparer, saved into the workbook's 强审设置 sheet.

import { Button, Caption1, Divider, Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import { chinaToday } from "../../core/dates";
import type { ProfileId } from "../../core/profiles";
import { defaultSettings, type WorkbookSettings } from "../../core/settings";
import type { SelfTestHost } from "../backend";
import { copyText } from "../clipboard";
import { usePane } from "../pane";
import { COLUMN } from "./column";

/** Switching profile takes the new profile's rule defaults, keeping the district and preparer. */
function defaultSettingsFor(profileId: ProfileId, current: WorkbookSettings): WorkbookSettings {
  return defaultSettings(profileId, current.district, current.preparer);
}

export function SettingsTab() {
  const { t, backend, busy, act, settings, setSettings } = usePane();

  const onSave = () =>
    act(async () => {
      await backend.saveSettings(settings);
      return { intent: "success", text: t.settingsSaved };
    });

  return (
    <div style={COLUMN}>
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
      <Button disabled={busy} onClick={onSave}>
        {t.saveSettings}
      </Button>
      {backend.selfTest && <SelfTest host={backend.selfTest} />}
    </div>
  );
}

/** 自检: runs every command on a register of its own, shows the report, and copies it for support. */
function SelfTest({ host }: { host: SelfTestHost }) {
  const { t, backend, busy, act, say, settings } = usePane();
  const [report, setReport] = useState("");
  const [progress, setProgress] = useState("");

  const onRun = () =>
    act(async () => {
      setReport("");
      const { runSelfTest, selfTestText } = await import(/* webpackChunkName: "selftest" */ "../selfTest");
      const r = await runSelfTest(backend, host, t, {
        profileId: settings.profileId,
        now: new Date(),
        today: chinaToday(),
        onStep: (done, total) => setProgress(t.selfTestProgress(done, total)),
      }).finally(() => setProgress(""));
      setReport(selfTestText(r, t));
      if (r.refused) return { intent: "warning", text: t.selfTestRefused };
      const count = (outcome: string) => r.steps.filter((s) => s.outcome === outcome).length;
      const clean = r.left !== undefined && r.left.length === 0;
      return {
        intent: count("ok") === r.steps.length && clean ? "success" : "warning",
        text: t.selfTestSummary(count("ok"), count("failed"), count("skipped")),
      };
    });

  const onCopy = async () => {
    const copied = await copyText(report);
    say({ intent: copied ? "success" : "warning", text: copied ? t.selfTestCopied : t.selfTestCopyFailed });
  };

  return (
    <>
      <Divider>{t.selfTestHeading}</Divider>
      <Caption1 block>{t.selfTestIntro}</Caption1>
      <Button disabled={busy} onClick={onRun}>
        {t.selfTestRun}
      </Button>
      {progress && <Caption1 block>{progress}</Caption1>}
      {report && (
        <>
          <pre data-testid="self-test-report" style={{ whiteSpace: "pre-wrap", fontSize: 12, margin: 0 }}>
            {report}
          </pre>
          <Button onClick={() => void onCopy()}>{t.selfTestCopy}</Button>
        </>
      )}
    </>
  );
}
