// What the page and its worker say to each other: a call, and its answer, its error's message or the
// host's progress. Nothing here may bring code along: the worker's bundle and the page's both import it.

import type { HostPhase } from "./workbookHost";

export interface WorkerRequest {
  id: number;
  method: string;
  args: unknown[];
}

export type WorkerReply =
  { id: number; result: unknown } | { id: number; error: string } | { progress: HostPhase | null };

/** The host's refusal when no workbook is open; the page says it in its own words. */
export const NO_WORKBOOK = "none";
