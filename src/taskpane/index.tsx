import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeBackend } from "./officeBackend";
import { loadStrings, type Strings } from "./strings";

/** Set by webview-guard.js, which has already told the user which Office versions run the pane. */
const unsupported = (window as { __qsUnsupportedWebview?: boolean }).__qsUnsupportedWebview === true;

/** Why the pane cannot start, in place of a blank pane. */
function Notice({ text }: { text: Strings["officeMissing"] }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="error" layout="multiline" data-testid="no-office" style={{ margin: 12 }}>
        <MessageBarBody>
          <MessageBarTitle>{text.title}</MessageBarTitle>
          <p>{text.body}</p>
          <p>{text.todo}</p>
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

function start(root: HTMLElement): void {
  // office.js did not load (a network that blocks Microsoft's address): there is no Office to wait for.
  if (typeof (window as { Office?: unknown }).Office === "undefined") {
    void loadStrings(navigator.language).then((t) =>
      createRoot(root).render(<Notice text={t.officeMissing} />),
    );
    return;
  }
  // Office.onReady resolves once office.js has loaded, with host null outside an Office application:
  // learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in
  void Office.onReady().then(async (info) => {
    if (info.host !== Office.HostType.Excel) {
      createRoot(root).render(<Notice text={(await loadStrings(navigator.language)).outsideExcel} />);
      return;
    }
    const t = await loadStrings(Office.context?.displayLanguage);
    createRoot(root).render(<App t={t} backend={officeBackend} />);
  });
}

const root = document.getElementById("root");
if (!unsupported && root) start(root);
