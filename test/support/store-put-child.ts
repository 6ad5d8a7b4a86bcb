/**
 * A child process for store concurrency tests: opens the store named by KILN_STORE (with the AWS_*
 * env for S3), prints "ready", waits for a line on stdin, then makes one create-only put of argv[3]
 * to key argv[2] and prints the outcome as one JSON line: {"outcome":"won","etag"} or
 * {"outcome":"lost","name","message"} or {"outcome":"error","name","message"}.
 */
import { once } from "node:events";
import { PreconditionFailedError } from "../../runtime/errors.js";
import { openStore } from "../../runtime/store/open-store.js";

const [key, body] = process.argv.slice(2);
if (key === undefined || body === undefined) {
  process.stderr.write("usage: store-put-child.ts <key> <body>\n");
  process.exit(2);
}
const store = await openStore(undefined, { env: process.env, cwd: process.cwd() });
process.stdout.write("ready\n");
await once(process.stdin, "data");
try {
  const { etag } = await store.put(key, body, { ifNoneMatch: "*" });
  process.stdout.write(`${JSON.stringify({ outcome: "won", etag })}\n`);
} catch (error: unknown) {
  const name = error instanceof Error ? error.name : "unknown";
  const message = error instanceof Error ? error.message : String(error);
  const outcome = error instanceof PreconditionFailedError ? "lost" : "error";
  process.stdout.write(`${JSON.stringify({ outcome, name, message })}\n`);
}
process.stdin.destroy();
