import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeBackend } from "./officeBackend";
import { stringsFor } from "./strings";

/** Set by webview-guard.js, which has already told the user which Office versions run the pane. */
const unsupported = (window as { __qsUnsupportedWebview?: boolean }).__qsUnsupportedWebview === true;

if (!unsupported)
  Office.onReady(() => {
    const root = document.getElementById("root");
    if (!root) return;
    createRoot(root).render(<App t={stringsFor(Office.context?.displayLanguage)} backend={officeBackend} />);
  });
