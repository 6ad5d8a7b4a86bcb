/**
 * Run `kiln serve` as a real process for end-to-end tests: started with the CLI on port 0, the port
 * read from its "listening on" line, stopped by its pid.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

const root = new URL("../../", import.meta.url).pathname;

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** SIGTERM, then wait for the exit code. */
  stop(): Promise<number | null>;
}

export async function startServe(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "runtime/cli/kiln.ts", "serve", "--host", "127.0.0.1", "--port", "0", ...args],
    { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`kiln serve did not start in time:\n${out}\n${err}`)),
      30_000,
    );
    const check = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`kiln serve exited with ${code} before listening:\n${out}\n${err}`));
    });
  });
  return {
    url,
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, "SIGTERM");
      return exited;
    },
  };
}

/** Every row of every prediction log object under `storeDir/predictions/<model>/`. */
export async function readPredictionLog(
  storeDir: string,
  model: string,
): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  const base = join(storeDir, "predictions", model);
  let days: string[];
  try {
    days = await readdir(base);
  } catch {
    return rows;
  }
  for (const day of days) {
    for (const file of await readdir(join(base, day))) {
      if (!file.endsWith(".jsonl.gz") || file.startsWith(".")) continue;
      const text = gunzipSync(await readFile(join(base, day, file))).toString("utf8");
      for (const line of text.split("\n")) if (line.length > 0) rows.push(JSON.parse(line));
    }
  }
  return rows;
}

/** POST JSON and read the answer. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), headers: response.headers };
}
