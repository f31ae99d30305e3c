// A folder served over HTTP on 127.0.0.1, as a bureau's server would serve the built add-in.

import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
};

/** Serves `folder` under `prefix` (e.g. "/addin/wps/"); the server and its address, without a trailing slash. */
export function serveFolder(folder: string, prefix = "/"): Promise<{ server: http.Server; origin: string }> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    const file = url.startsWith(prefix) ? path.join(folder, url.slice(prefix.length)) : "";
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}
