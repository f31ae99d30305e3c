// The task pane: four tabs over one backend — the workbook open in Excel, or a file opened on the web page.

import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Issue } from "../core/issues";
import { defaultSettings, type WorkbookSettings } from "../core/settings";
import type { WorkbookBackend } from "./backend";
import { IssueList } from "./IssueList";
import { PaneContext, type Message, type Pane } from "./pane";
import type { Strings } from "./strings";
import { RegisterTab } from "./tabs/RegisterTab";
import { ReportsTab } from "./tabs/ReportsTab";
import { ScoringTab } from "./tabs/ScoringTab";
import { SettingsTab } from "./tabs/SettingsTab";

type Tabs = "register" | "forms" | "scoring" | "settings";

export interface AppProps {
  t: Strings;
  backend: WorkbookBackend;
  /** The page's title line; the pane's is its name. */
  title?: string;
  /** Shown above the tabs (the web page's file bar). */
  header?: ReactNode;
  /** Shown under everything (the web page's preview of the sheet). */
  footer?: ReactNode;
  /**
   * Changes when another workbook is opened: the settings are read again, and every result shown (message,
   * issues, the tabs' counts and lists) is of the workbook it was made on, so another's are no longer shown.
   */
  workbookKey?: string;
  /** The page's last 设置 in this browser, for a workbook without its own 强审设置 (the pane has none). */
  settingsMemory?: { load(): WorkbookSettings | undefined; save(settings: WorkbookSettings): void };
  /** The workbook's key as it is at this moment (read as a command ends), where it can change meanwhile. */
  currentKey?: () => string;
}

/** A result and the workbook it was made on. */
interface Keyed<T> {
  key: string | undefined;
  value: T;
}

export function App({
  t,
  backend,
  title,
  header,
  footer,
  workbookKey,
  currentKey,
  settingsMemory,
}: AppProps) {
  const [tab, setTab] = useState<Tabs>("register");
  const [settings, setSettings] = useState<WorkbookSettings>(
    () => settingsMemory?.load() ?? defaultSettings("shanghai"),
  );
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Keyed<Message | undefined>>();
  const [listed, setListed] = useState<Keyed<Issue[]>>();
  const keyNow = useCallback(() => (currentKey ? currentKey() : workbookKey), [currentKey, workbookKey]);
  const setMessage = useCallback((value: Message | undefined) => setSaid({ key: keyNow(), value }), [keyNow]);
  const setIssues = useCallback((value: Issue[]) => setListed({ key: keyNow(), value }), [keyNow]);
  const message = said?.key === workbookKey ? said?.value : undefined;
  const issues = listed && listed.key === workbookKey ? listed.value : [];

  useEffect(() => {
    backend
      .loadSettings()
      .then((s) => s && setSettings(s))
      .catch(() => undefined);
  }, [backend, workbookKey]);

  useEffect(() => settingsMemory?.save(settings), [settingsMemory, settings]);

  const act = useCallback(
    async (work: () => Promise<Message | undefined>) => {
      setBusy(true);
      setMessage(undefined);
      try {
        setMessage(await work());
      } catch (err) {
        // An error may say it is only information (the user declined a question).
        const intent = (err as { intent?: Message["intent"] }).intent ?? "error";
        setMessage({ intent, text: (err as Error).message });
      } finally {
        setBusy(false);
      }
    },
    [setMessage],
  );

  const pane = useMemo<Pane>(
    () => ({ t, backend, busy, settings, setSettings, setIssues, act, say: setMessage }),
    [t, backend, busy, settings, act, setIssues, setMessage],
  );

  return (
    <PaneContext.Provider value={pane}>
      <FluentProvider theme={webLightTheme} style={{ padding: 12, minHeight: "100vh" }}>
        <Text as="h1" size={500} weight="semibold">
          {title ?? t.title}
        </Text>
        {header}
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as Tabs)}>
          <Tab value="register">{t.tabRegister}</Tab>
          <Tab value="forms">{t.tabForms}</Tab>
          <Tab value="scoring">{t.tabScoring}</Tab>
          <Tab value="settings">{t.tabSettings}</Tab>
        </TabList>
        {message && (
          <MessageBar
            intent={message.intent}
            style={{ marginTop: 8 }}
            data-testid="message"
            data-intent={message.intent}
          >
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {busy && <Spinner size="tiny" label={t.working} style={{ marginTop: 8 }} />}
        {tab === "register" && <RegisterTab key={workbookKey} />}
        {tab === "forms" && <ReportsTab key={workbookKey} />}
        {tab === "scoring" && <ScoringTab key={workbookKey} />}
        {tab === "settings" && <SettingsTab />}
        <IssueList issues={issues} />
        {footer}
      </FluentProvider>
    </PaneContext.Provider>
  );
}
