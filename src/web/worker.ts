// The web page's worker: the entry of its own bundle (webpack.config.js), run from a blob: URL so that it
// works from file:// too. Each message is one call on the open workbook; its answer, or its error's message,
// goes back under the call's id, and what the host is doing meanwhile goes back as progress.

import { WorkbookHost, type HostMethod } from "./workbookHost";
import type { WorkerReply, WorkerRequest } from "./protocol";

const scope = self as unknown as {
  postMessage(message: WorkerReply): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

const host = new WorkbookHost((phase) => scope.postMessage({ progress: phase ?? null }));

scope.onmessage = (e) => {
  const { id, method, args } = e.data;
  host.dispatch(method as HostMethod, args as never).then(
    (result) => scope.postMessage({ id, result }),
    (err: unknown) => scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
  );
};
