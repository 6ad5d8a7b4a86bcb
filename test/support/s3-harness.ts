/**
 * Local S3 servers for tests, shared by every area (store, registry, serving, e2e):
 *
 * - `startMoto()`: moto_server (Python, on PATH on this machine image), the most faithful local S3
 *   — conditional writes, multipart ETags and truncated listings behave like AWS.
 * - `startS3rver()`: s3rver (npm) in this process. s3rver ignores If-None-Match and If-Match on
 *   writes, so the harness puts a Koa middleware in front of it that enforces them atomically per
 *   key (see conditionalWriteShim); without it a concurrency test would pass for the wrong reason.
 *
 * Both return `{ kind, endpoint, bucket, storeUrl, env, stop() }`; `env` holds what a child process
 * (or openStore) needs to reach the server: KILN_STORE, endpoint, credentials, region, checksum mode.
 */

import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";

export interface LocalS3 {
  kind: "moto" | "s3rver";
  /** e.g. http://127.0.0.1:40123 */
  endpoint: string;
  bucket: string;
  /** `s3://<bucket>/<prefix>` for openStore / KILN_STORE. */
  storeUrl: string;
  /** Environment for openStore and for child processes: KILN_STORE, AWS_* settings. */
  env: Record<string, string>;
  /** A client for direct checks (created with the same settings). */
  client: S3Client;
  stop(): Promise<void>;
  /**
   * s3rver only: answer the next `count` requests with `status` (default 503 SlowDown) and an S3
   * error body, without touching the store — to test retries and error reporting.
   */
  failNext?(count: number, status?: number): void;
}

export interface LocalS3Options {
  /** Bucket to create (3+ characters); default `kiln-test`. */
  bucket?: string;
  /** Key prefix inside the bucket for `storeUrl`; default none. */
  prefix?: string;
}

function clientFor(endpoint: string, env: Record<string, string>): S3Client {
  return new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID ?? "",
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "",
    },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 1,
  });
}

function envFor(endpoint: string, storeUrl: string, key: string, secret: string): Record<string, string> {
  return {
    KILN_STORE: storeUrl,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: key,
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_REGION: "us-east-1",
    // Local servers mishandle the SDK's default streaming checksums (aws-chunked framing).
    AWS_REQUEST_CHECKSUM_CALCULATION: "WHEN_REQUIRED",
    AWS_RESPONSE_CHECKSUM_VALIDATION: "WHEN_REQUIRED",
    // Keep local, ephemeral credentials from being mixed with a developer's profile.
    AWS_PROFILE: "",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

function storeUrlOf(bucket: string, prefix: string | undefined): string {
  return `s3://${bucket}/${prefix ?? ""}`;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The moto_server executable, or why it cannot be used (for a skip message). */
export function findMotoServer(): { path: string } | { reason: string } {
  const found = spawnSync("sh", ["-c", "command -v moto_server"], { encoding: "utf8" });
  const path = found.stdout.trim();
  if (found.status === 0 && path !== "") return { path };
  return { reason: "moto_server is not on PATH (install moto[server] to run the moto suite)" };
}

export async function startMoto(options: LocalS3Options = {}): Promise<LocalS3> {
  const found = findMotoServer();
  if ("reason" in found) throw new Error(found.reason);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const bucket = options.bucket ?? "kiln-test";
  const child: ChildProcess = spawn(found.path, ["-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Backstop: never leave a moto_server behind if the test process ends without calling stop().
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async () => {
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(3000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited (${child.exitCode}): ${stderr}`);
    try {
      const response = await fetch(`${endpoint}/`);
      await response.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`moto_server did not answer on ${endpoint} within 20 s: ${stderr}`);
      }
      await sleep(100);
    }
  }
  const env = envFor(endpoint, storeUrlOf(bucket, options.prefix), "testing", "testing");
  const client = clientFor(endpoint, env);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    kind: "moto",
    endpoint,
    bucket,
    storeUrl: storeUrlOf(bucket, options.prefix),
    env,
    client,
    stop: async () => {
      client.destroy();
      await stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// s3rver

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, unknown>;
  status: number;
  type: string;
  body: unknown;
  get(header: string): string;
  set(header: string, value: string): void;
  app: { store: S3rverStore };
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverStore {
  existsObject(bucket: string, key: string): Promise<boolean>;
  getMetadata(bucket: string, key: string): Promise<{ etag: string }>;
}
interface S3rverInstance {
  middleware: KoaMiddleware[];
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

/**
 * s3rver encrypts continuation tokens with DES, which OpenSSL 3 refuses without the legacy provider,
 * so truncated listings fail with a 500. In the test process, "des" is swapped for AES-128-CTR (same
 * output length, no padding) — only for that algorithm name, which nothing else in Kiln uses.
 */
let desPatched = false;
function patchS3rverTokenCipher(): void {
  if (desPatched) return;
  desPatched = true;
  const createCipheriv = crypto.createCipheriv;
  const createDecipheriv = crypto.createDecipheriv;
  const widen = (bytes: crypto.BinaryLike): Buffer => {
    const out = Buffer.alloc(16);
    Buffer.from(bytes as Uint8Array).copy(out);
    return out;
  };
  const mutableCrypto = crypto as { -readonly [K in keyof typeof crypto]: (typeof crypto)[K] };
  mutableCrypto.createCipheriv = ((algorithm: string, key: crypto.CipherKey, iv: crypto.BinaryLike | null) =>
    algorithm === "des"
      ? createCipheriv("aes-128-ctr", widen(key as Uint8Array), widen(iv ?? Buffer.alloc(0)))
      : createCipheriv(algorithm, key, iv)) as typeof crypto.createCipheriv;
  mutableCrypto.createDecipheriv = ((
    algorithm: string,
    key: crypto.CipherKey,
    iv: crypto.BinaryLike | null,
  ) =>
    algorithm === "des"
      ? createDecipheriv("aes-128-ctr", widen(key as Uint8Array), widen(iv ?? Buffer.alloc(0)))
      : createDecipheriv(algorithm, key, iv)) as typeof crypto.createDecipheriv;
}

function s3ErrorXml(code: string, message: string, extra: Record<string, string>): string {
  const fields = Object.entries(extra)
    .map(([name, value]) => `<${name}>${value.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</${name}>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${fields}<RequestId>shim-${crypto.randomUUID()}</RequestId></Error>`;
}

/**
 * THE CONDITIONAL-WRITE SHIM. s3rver silently ignores If-None-Match and If-Match on PutObject and
 * CompleteMultipartUpload. This middleware runs before s3rver's router and makes them behave as on
 * AWS: every object write or delete of a key (PutObject, CompleteMultipartUpload, DeleteObject) runs
 * under a per-key mutex, and a conditional one first checks the object's existence/ETag and answers
 * 412 PreconditionFailed (or 404 NoSuchKey for If-Match on a missing key, as AWS does) without
 * writing. Check and write happen inside the same critical section, so concurrent requests cannot
 * interleave between them. Everything else passes through untouched.
 */
export function conditionalWriteShim(): KoaMiddleware {
  const tails = new Map<string, Promise<void>>();
  return async (ctx, next) => {
    const [, bucket, ...rest] = ctx.path.split("/");
    const isObjectWrite =
      bucket !== undefined &&
      rest.length > 0 &&
      rest.join("/") !== "" &&
      ((ctx.method === "PUT" && ctx.query.partNumber === undefined) ||
        (ctx.method === "POST" && ctx.query.uploadId !== undefined) ||
        ctx.method === "DELETE");
    if (!isObjectWrite) return next();
    const key = decodeURIComponent(rest.join("/"));
    const lockName = `${bucket}/${key}`;
    const previous = tails.get(lockName) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    tails.set(lockName, tail);
    await previous;
    try {
      const ifNoneMatch = ctx.get("if-none-match");
      const ifMatch = ctx.get("if-match");
      if (ctx.method !== "DELETE" && (ifNoneMatch !== "" || ifMatch !== "")) {
        const exists = await ctx.app.store.existsObject(bucket, key);
        if (ifNoneMatch === "*" && exists) {
          ctx.status = 412;
          ctx.type = "application/xml";
          ctx.body = s3ErrorXml(
            "PreconditionFailed",
            "At least one of the pre-conditions you specified did not hold",
            {
              Condition: "If-None-Match",
            },
          );
          return;
        }
        if (ifMatch !== "") {
          if (!exists) {
            ctx.status = 404;
            ctx.type = "application/xml";
            ctx.body = s3ErrorXml("NoSuchKey", "The specified key does not exist.", { Key: key });
            return;
          }
          const { etag } = await ctx.app.store.getMetadata(bucket, key);
          const unquote = (value: string) => value.replace(/^"|"$/g, "");
          if (unquote(etag) !== unquote(ifMatch)) {
            ctx.status = 412;
            ctx.type = "application/xml";
            ctx.body = s3ErrorXml(
              "PreconditionFailed",
              "At least one of the pre-conditions you specified did not hold",
              { Condition: "If-Match" },
            );
            return;
          }
        }
      }
      await next();
    } finally {
      release();
      if (tails.get(lockName) === tail) tails.delete(lockName);
    }
  };
}

export async function startS3rver(options: LocalS3Options = {}): Promise<LocalS3> {
  patchS3rverTokenCipher();
  const require = createRequire(import.meta.url);
  const S3rver = require("s3rver") as S3rverConstructor;
  const bucket = options.bucket ?? "kiln-test";
  const directory = await mkdtemp(join(tmpdir(), "kiln-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const faults = { remaining: 0, status: 503 };
  server.middleware.unshift(conditionalWriteShim());
  server.middleware.unshift(async (ctx, next) => {
    if (faults.remaining <= 0) return next();
    faults.remaining--;
    ctx.status = faults.status;
    ctx.type = "application/xml";
    ctx.body =
      faults.status === 503
        ? s3ErrorXml("SlowDown", "Please reduce your request rate.", {})
        : s3ErrorXml("InternalError", "We encountered an internal error. Please try again.", {});
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = envFor(endpoint, storeUrlOf(bucket, options.prefix), "S3RVER", "S3RVER");
  const client = clientFor(endpoint, env);
  return {
    kind: "s3rver",
    endpoint,
    bucket,
    storeUrl: storeUrlOf(bucket, options.prefix),
    env,
    client,
    failNext: (count, status = 503) => {
      faults.remaining = count;
      faults.status = status;
    },
    stop: async () => {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
