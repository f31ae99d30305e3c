// What every tab of the pane shares: the words, the backend its commands run on, the workbook's settings,
// and one way to run a command (busy while it runs, its outcome in the message bar, its issues listed).

import { createContext, useContext } from "react";
import type { Issue } from "../core/issues";
import type { WorkbookSettings } from "../core/settings";
import type { WorkbookBackend } from "./backend";
import type { Strings } from "./strings";

export type Message = { intent: "success" | "error" | "warning" | "info"; text: string };

export interface Pane {
  t: Strings;
  backend: WorkbookBackend;
  busy: boolean;
  settings: WorkbookSettings;
  setSettings(settings: WorkbookSettings): void;
  setIssues(issues: Issue[]): void;
  /** Runs a command: the pane is busy meanwhile; an error's message, or the returned one, is shown. */
  act(work: () => Promise<Message | undefined>): Promise<void>;
  /** Shows a message without running anything (e.g. a failed list load). */
  say(message: Message): void;
}

export const PaneContext = createContext<Pane | undefined>(undefined);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error("usePane outside the pane");
  return pane;
}
