// 强审助手 网页版: opened from disk (file://) or any static server; nothing is fetched from elsewhere.

import { createRoot } from "react-dom/client";
import { pageMemory } from "./memory";
import { PageShell } from "./PageShell";
import { FileSession } from "./session";
import { workerClient } from "./workerClient";

/** localStorage, or none where the browser refuses it (a file:// page under some policies). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <PageShell
      session={new FileSession(workerClient())}
      memory={pageMemory(browserStorage())}
      browserLanguage={navigator.language}
    />,
  );
}
