// The WPS pane's start: the same screens as the Excel pane (App) over the workbook open in WPS 表格, or, where
// there is none, a message that says what to do.

/// <reference types="wps-jsapi" />
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import type { WorkbookBackend } from "../taskpane/backend";
import { stringsFor } from "../taskpane/language";
import { wpsNotices, type WpsNotice } from "./notices";

/** The open workbook's full name, or undefined when WPS has none open (or will not say). */
function activeWorkbook(app: Et.EtApplication): string | undefined {
  try {
    const book = app.ActiveWorkbook as Et.EtWorkbook | null | undefined;
    return book ? String(book.FullName ?? book.Name ?? "") : undefined;
  } catch {
    return undefined;
  }
}

function Notice({ text, retry, onRetry }: { text: WpsNotice; retry?: string; onRetry?: () => void }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="warning" layout="multiline" data-testid="wps-notice" style={{ margin: 12 }}>
        <MessageBarBody>
          <MessageBarTitle>{text.title}</MessageBarTitle>
          <p>{text.body}</p>
          <p>{text.todo}</p>
          {onRetry && (
            <Button appearance="primary" onClick={onRetry}>
              {retry}
            </Button>
          )}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

/** Events after which the open workbook may be another one (WPS's ApiEvent, where the host has it). */
const WORKBOOK_EVENTS = ["WorkbookOpen", "NewWorkbook", "WindowActivate"] as const;

function WpsPane({
  app,
  makeBackend,
}: {
  app: Et.EtApplication;
  makeBackend: (app: Et.EtApplication) => WorkbookBackend;
}) {
  const [key, setKey] = useState(() => activeWorkbook(app));
  const check = useCallback(() => setKey(activeWorkbook(app)), [app]);
  useEffect(() => {
    const events = (app as { ApiEvent?: { AddApiEventListener?(name: string, fn: () => void): void } })
      .ApiEvent;
    try {
      for (const name of WORKBOOK_EVENTS) events?.AddApiEventListener?.(name, check);
    } catch {
      // A WPS without these events: 重新检测 and each command's own check remain.
    }
  }, [app, check]);
  // Made once there is a workbook to work on, and kept: the same backend whichever workbook is open.
  const backend = useRef<WorkbookBackend>(undefined);
  const notices = wpsNotices(navigator.language);
  if (key === undefined) return <Notice text={notices.noWorkbook} retry={notices.retry} onRetry={check} />;
  backend.current ??= makeBackend(app);
  return (
    <App
      t={stringsFor(navigator.language)}
      backend={backend.current}
      workbookKey={key}
      currentKey={() => activeWorkbook(app) ?? ""}
    />
  );
}

/** Renders the pane into `root`: over `app` (WPS's `window.Application`) when there is one. */
export function startWpsPane(
  root: HTMLElement,
  app: Et.EtApplication | undefined,
  makeBackend: (app: Et.EtApplication) => WorkbookBackend,
): void {
  if (!app) {
    createRoot(root).render(<Notice text={wpsNotices(navigator.language).outsideWps} />);
    return;
  }
  createRoot(root).render(<WpsPane app={app} makeBackend={makeBackend} />);
}
