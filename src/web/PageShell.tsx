// What the web page has around the pane's screens: a link to its help page and the 中文 / English switch. The
// language chosen is remembered in this browser; switching keeps the open workbook and its changes.

import { FluentProvider, Link, Select, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { stringsFor } from "../taskpane/language";
import { pageLanguage, PAGE_LANGUAGES, type PageLanguage, type PageMemory } from "./memory";
import type { FileSession } from "./session";
import { webStringsFor } from "./strings";
import { WebPage } from "./WebPage";

/** The help page, beside index.html in dist/web: a relative link, so it opens from file:// too. */
export const WEB_HELP = "web-help.html";

const LANGUAGE_NAMES: Record<PageLanguage, string> = { "zh-CN": "中文", en: "English" };

export function PageShell({
  session,
  memory,
  browserLanguage,
}: {
  session: FileSession;
  memory: PageMemory;
  browserLanguage: string | undefined;
}) {
  const [language, setLanguage] = useState<PageLanguage>(() => pageLanguage(memory, browserLanguage));
  const [t, w] = [stringsFor(language), webStringsFor(language)];

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = w.title;
  }, [language, w]);

  const choose = (next: PageLanguage) => {
    memory.rememberLanguage(next);
    setLanguage(next);
  };

  return (
    <>
      <FluentProvider theme={webLightTheme}>
        <nav
          data-testid="page-bar"
          style={{
            display: "flex",
            justifyContent: "flex-end",
            alignItems: "center",
            gap: 12,
            padding: "8px 12px 0",
          }}
        >
          <Link href={WEB_HELP} target="_blank" rel="noopener" title={w.helpHint}>
            {w.help}
          </Link>
          <Select
            aria-label={w.language}
            size="small"
            value={language}
            onChange={(_, d) => choose(d.value as PageLanguage)}
          >
            {PAGE_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </Select>
        </nav>
      </FluentProvider>
      <WebPage t={t} w={w} session={session} settingsMemory={memory} />
    </>
  );
}
