// 设置: the profile, the district and the preparer, saved into the workbook's 强审设置 sheet.

import { Button, Field, Input, Select } from "@fluentui/react-components";
import type { ProfileId } from "../../core/profiles";
import { defaultSettings, type WorkbookSettings } from "../../core/settings";
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
    </div>
  );
}
