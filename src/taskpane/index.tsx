import { createRoot } from "react-dom/client";
import { App } from "./App";
import { stringsFor } from "./strings";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(<App t={stringsFor(Office.context?.displayLanguage)} />);
});
