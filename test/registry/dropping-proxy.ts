import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy does to a request that matches a rule. */
export type DropMode =
  /** Read the request, then destroy the connection without forwarding: the write never happens. */
  | "before"
  /** Forward the request, then destroy the connection instead of answering: the write happened. */
  | "after"
  /** Answer 503 SlowDown without forwarding, as an overloaded S3 does. */
  | "503";

export interface DropRule {
  method: string;
  path: RegExp;
  mode: DropMode;
  /** How many matching requests to drop; default every one. */
  times?: number;
}

export interface DroppingProxy {
  endpoint: string;
  /** Requests that were dropped, as `METHOD path`. */
  dropped: string[];
  setRules(rules: DropRule[]): void;
  stop(): Promise<void>;
}

/** An HTTP proxy in front of a local S3 server that drops chosen requests, as a flaky network would. */
export async function startDroppingProxy(target: string): Promise<DroppingProxy> {
  const upstream = new URL(target);
  let rules: (DropRule & { left: number })[] = [];
  const dropped: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    const rule = rules.find(
      (r) => r.left > 0 && r.method === req.method && r.path.test(decodeURIComponent(path)),
    );
    if (rule !== undefined) rule.left -= 1;
    if (rule?.mode === "before") {
      req.resume();
      req.on("end", () => {
        dropped.push(`${req.method} ${path}`);
        req.socket.destroy();
      });
      return;
    }
    if (rule?.mode === "503") {
      req.resume();
      req.on("end", () => {
        dropped.push(`${req.method} ${path}`);
        res.writeHead(503, { "content-type": "application/xml" });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message><RequestId>injected</RequestId></Error>',
        );
      });
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers: req.headers },
      (answer) => {
        if (rule?.mode === "after") {
          answer.resume();
          answer.on("end", () => {
            dropped.push(`${req.method} ${path}`);
            req.socket.destroy();
          });
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    dropped,
    setRules(next) {
      rules = next.map((r) => ({ ...r, left: r.times ?? Number.POSITIVE_INFINITY }));
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
