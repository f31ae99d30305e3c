// The page's side of the workbook host: calls to it as promises, and what it is doing. In the browser the host
// runs in a Web Worker made from the worker bundle's text (a worker from a file: URL is refused to a page
// opened from file://, a blob: one is not); in tests it runs in the same thread (localClient.ts).

import type { WorkerReply, WorkerRequest } from "./protocol";
import type { HostArgs, HostMethod, HostPhase, HostResult } from "./workbookHost";

export { NO_WORKBOOK, type WorkerReply, type WorkerRequest } from "./protocol";

/** A command the page cannot run as asked; its message is shown as it is. */
export class PageError extends Error {}

export interface HostClient {
  call<K extends HostMethod>(method: K, ...args: HostArgs<K>): Promise<HostResult<K>>;
  /** Resolves once every call made so far is answered. */
  settled(): Promise<void>;
  /** Calls made and not yet answered, and what the host says it is doing. */
  onActivity(listener: (pending: number, phase: HostPhase | undefined) => void): () => void;
}

export interface Channel {
  post(request: WorkerRequest): void;
  listen(reply: (message: WorkerReply) => void): void;
}

export function client(channel: Channel): HostClient {
  let next = 1;
  let phase: HostPhase | undefined;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const listeners = new Set<(pending: number, phase: HostPhase | undefined) => void>();
  let idle: (() => void)[] = [];
  const tell = () => {
    listeners.forEach((l) => l(waiting.size, phase));
    if (waiting.size > 0) return;
    const done = idle;
    idle = [];
    done.forEach((d) => d());
  };
  channel.listen((m) => {
    if ("progress" in m) {
      phase = m.progress ?? undefined;
      tell();
      return;
    }
    const call = waiting.get(m.id);
    if (!call) return;
    waiting.delete(m.id);
    if (waiting.size === 0) phase = undefined;
    if ("error" in m) call.reject(new PageError(m.error));
    else call.resolve(m.result);
    tell();
  });
  return {
    call(method, ...args) {
      const id = next++;
      const answer = new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
      channel.post({ id, method, args });
      tell();
      return answer as never;
    },
    settled() {
      return waiting.size === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));
    },
    onActivity(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The host in a Web Worker; the worker's script is a chunk of its own, loaded on the first call. */
export function workerClient(): HostClient {
  let worker: Promise<Worker> | undefined;
  let reply: (m: WorkerReply) => void = () => undefined;
  const start = async () => {
    const { default: source } = await import(/* webpackChunkName: "page-worker" */ "./workerSource");
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    const w = new Worker(url);
    w.onmessage = (e: MessageEvent<WorkerReply>) => reply(e.data);
    return w;
  };
  return client({
    post(request) {
      worker ??= start();
      worker.then(
        (w) => w.postMessage(request),
        (err: Error) => reply({ id: request.id, error: err.message }),
      );
    },
    listen(r) {
      reply = r;
    },
  });
}
