/**
 * Run `kiln serve` as a real process for end-to-end tests: started with the CLI on port 0, the port
 * read from its "listening on" line, stopped by its pid.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { expect } from "vitest";
import type { LogisticModel } from "./onnx-fixtures.js";

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

/** Run `kiln serve` with exactly these arguments until it exits (for servers that must not start). */
export async function runServeToExit(
  args: readonly string[],
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "runtime/cli/kiln.ts", "serve", ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = await once(child, "exit");
  return { code: code as number | null, stderr };
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

export const record = (model: LogisticModel, row: number[]) =>
  Object.fromEntries(model.features.map((f, k) => [f, row[k]]));

export interface LoadResult {
  ok: Array<{ id: string; version: string }>;
  failed: Array<{ id: string; status: number; error: unknown }>;
  refused: number;
}

/**
 * `workers` clients sending single-row records requests back to back until `until()` says stop or
 * the server refuses connections. `check` may throw to count an answer as failed.
 */
export async function load(
  url: string,
  model: LogisticModel,
  workers: number,
  until: () => boolean,
  check: (body: Record<string, unknown>, row: number[]) => void = () => {},
): Promise<LoadResult> {
  const result: LoadResult = { ok: [], failed: [], refused: 0 };
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (!until()) {
        const n = next++;
        const id = `load-${n}`;
        const row = [(n % 17) / 17, -((n % 5) / 5), (n % 3) - 1];
        let answer: Awaited<ReturnType<typeof postJson>>;
        try {
          answer = await postJson(
            `${url}/v2/models/churn/infer`,
            { instances: [record(model, row)] },
            { "x-request-id": id },
          );
        } catch {
          // Connection refused or reset: the server has stopped listening; this request got no answer.
          result.refused++;
          return;
        }
        try {
          expect(answer.status).toBe(200);
          check(answer.body, row);
          result.ok.push({ id, version: answer.body.model_version as string });
        } catch (error: unknown) {
          result.failed.push({ id, status: answer.status, error });
        }
      }
    }),
  );
  return result;
}
