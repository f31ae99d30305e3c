// 强审助手 网页版: opened from disk (file://) or any static server; nothing is fetched from elsewhere.

import { createRoot } from "react-dom/client";
import { stringsFor } from "../taskpane/strings";
import { FileSession } from "./session";
import { webStringsFor } from "./strings";
import { WebPage } from "./WebPage";
import { workerClient } from "./workerClient";

const root = document.getElementById("root");
if (root) {
  const language = navigator.language;
  createRoot(root).render(
    <WebPage
      t={stringsFor(language)}
      w={webStringsFor(language)}
      session={new FileSession(workerClient())}
    />,
  );
}
