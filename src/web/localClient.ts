// The workbook host in the page's own thread, for tests: the same calls and answers as through the worker,
// with what crosses copied as a worker's messages are.

import { WorkbookHost, type HostMethod } from "./workbookHost";
import { client, type HostClient, type WorkerReply } from "./workerClient";

export function localClient(): HostClient {
  let reply: (m: WorkerReply) => void = () => undefined;
  const host = new WorkbookHost((phase) => reply({ progress: phase ?? null }));
  return client({
    post({ id, method, args }) {
      host.dispatch(method as HostMethod, structuredClone(args) as never).then(
        (result) => reply(structuredClone({ id, result })),
        (err: Error) => reply({ id, error: err.message }),
      );
    },
    listen(r) {
      reply = r;
    },
  });
}
