/**
 * A child process for store concurrency tests: opens the store named by KILN_STORE (with the AWS_*
 * env for S3), prints "ready", waits for a line on stdin, then makes create-only puts of
 * "body of writer <writer>" to keys `<prefix>0` … `<prefix><count-1>`, one after another, and prints
 * one JSON line per key: {"key","outcome":"won","etag"} or {"key","outcome":"lost"|"error","name","message"}.
 *
 * usage: node --import tsx test/support/store-put-child.ts <prefix> <count> <writer>
 */
import { once } from "node:events";
import { PreconditionFailedError } from "../../runtime/errors.js";
import { openStore } from "../../runtime/store/open-store.js";

const [prefix, countText, writer] = process.argv.slice(2);
const count = Number(countText);
if (prefix === undefined || writer === undefined || !Number.isInteger(count) || count < 1) {
  process.stderr.write("usage: store-put-child.ts <prefix> <count> <writer>\n");
  process.exit(2);
}
const store = await openStore(undefined, { env: process.env, cwd: process.cwd() });
process.stdout.write("ready\n");
await once(process.stdin, "data");
for (let index = 0; index < count; index++) {
  const key = `${prefix}${index}`;
  try {
    const { etag } = await store.put(key, `body of writer ${writer}`, { ifNoneMatch: "*" });
    process.stdout.write(`${JSON.stringify({ key, outcome: "won", etag })}\n`);
  } catch (error: unknown) {
    const name = error instanceof Error ? error.name : "unknown";
    const message = error instanceof Error ? error.message : String(error);
    const outcome = error instanceof PreconditionFailedError ? "lost" : "error";
    process.stdout.write(`${JSON.stringify({ key, outcome, name, message })}\n`);
  }
}
process.stdin.destroy();
