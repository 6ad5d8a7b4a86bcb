/**
 * Store benchmark: what Kiln's stores cost over the plain operation they wrap, measured side by side
 * in the same run.
 *
 * - local folder store vs plain `fs.writeFile` / `fs.readFile` (small objects), and vs a plain
 *   `pipeline(stream, createWriteStream)` (a large stream) — the store adds sha256, fsync, a lock,
 *   an etag sidecar and a rename;
 * - S3 store vs the raw SDK (PutObject / Upload) against moto_server, when it is on PATH.
 *
 * Run: node --import tsx scripts/bench-store.ts [--small 500] [--large-mb 100]
 */

import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { LocalFolderStore } from "../runtime/store/local-folder-store.js";
import type { ObjectStore } from "../runtime/store/object-store.js";
import { openStore } from "../runtime/store/open-store.js";
import { findMotoServer, startMoto } from "../test/support/s3-harness.js";

const MiB = 1024 * 1024;
const { values } = parseArgs({
  options: { small: { type: "string", default: "500" }, "large-mb": { type: "string", default: "100" } },
});
const smallCount = Number(values.small);
const largeBytes = Number(values["large-mb"]) * MiB;

function stream(bytes: number): Readable {
  let left = bytes;
  return new Readable({
    read() {
      const size = Math.min(MiB, left);
      left -= size;
      this.push(size > 0 ? Buffer.alloc(size, left % 251) : null);
    },
  });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function inBatches(
  count: number,
  parallel: number,
  fn: (i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}

const rows: string[][] = [["case", "kiln (ms)", "baseline (ms)", "ratio", "kiln rate"]];
function report(name: string, kiln: number, baseline: number, rate: string): void {
  rows.push([name, kiln.toFixed(0), baseline.toFixed(0), (kiln / baseline).toFixed(2), rate]);
}

const body = Buffer.alloc(1024, 7);
const folder = await mkdtemp(join(tmpdir(), "kiln-bench-store-"));
try {
  const store = new LocalFolderStore(join(folder, "store"));
  const plain = join(folder, "plain");
  await writeFile(join(folder, "warm"), "x");
  await import("node:fs/promises").then((fs) => fs.mkdir(plain, { recursive: true }));

  const putKiln = await time(() => inBatches(smallCount, 8, (i) => store.put(`small/${i}.bin`, body)));
  const putPlain = await time(() =>
    inBatches(smallCount, 8, (i) => writeFile(join(plain, `${i}.bin`), body)),
  );
  report(
    `local: put ${smallCount} × 1 KiB`,
    putKiln,
    putPlain,
    `${((smallCount / putKiln) * 1000).toFixed(0)}/s`,
  );

  const getKiln = await time(() => inBatches(smallCount, 8, (i) => store.getBytes(`small/${i}.bin`)));
  const getPlain = await time(() => inBatches(smallCount, 8, (i) => readFile(join(plain, `${i}.bin`))));
  report(
    `local: get ${smallCount} × 1 KiB`,
    getKiln,
    getPlain,
    `${((smallCount / getKiln) * 1000).toFixed(0)}/s`,
  );

  let listed = 0;
  const listKiln = await time(async () => {
    for await (const _ of store.list("small/")) listed++;
  });
  const listPlain = await time(() => import("node:fs/promises").then((fs) => fs.readdir(plain)));
  report(
    `local: list ${listed} keys`,
    listKiln,
    listPlain,
    `${((listed / listKiln) * 1000).toFixed(0)} keys/s`,
  );

  const largeKiln = await time(() => store.put("large.bin", stream(largeBytes)));
  const largePlain = await time(() =>
    pipeline(stream(largeBytes), createWriteStream(join(plain, "large.bin"))),
  );
  report(
    `local: put ${largeBytes / MiB} MiB stream`,
    largeKiln,
    largePlain,
    `${(largeBytes / MiB / (largeKiln / 1000)).toFixed(0)} MiB/s`,
  );
} finally {
  await rm(folder, { recursive: true, force: true });
}

const moto = findMotoServer();
if ("reason" in moto) {
  process.stdout.write(`S3 cases skipped: ${moto.reason}\n`);
} else {
  const s3 = await startMoto({ bucket: "kiln-bench" });
  try {
    const store: ObjectStore = await openStore(s3.storeUrl, { env: s3.env, cwd: process.cwd() });
    const count = Math.min(smallCount, 300);
    const putKiln = await time(() => inBatches(count, 8, (i) => store.put(`small/${i}.bin`, body)));
    const putRaw = await time(() =>
      inBatches(count, 8, (i) =>
        s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `raw/${i}.bin`, Body: body })),
      ),
    );
    report(`moto: put ${count} × 1 KiB`, putKiln, putRaw, `${((count / putKiln) * 1000).toFixed(0)}/s`);
    const getKiln = await time(() => inBatches(count, 8, (i) => store.getBytes(`small/${i}.bin`)));
    const getRaw = await time(() =>
      inBatches(count, 8, async (i) => {
        const response = await s3.client.send(
          new GetObjectCommand({ Bucket: s3.bucket, Key: `raw/${i}.bin` }),
        );
        await response.Body?.transformToByteArray();
      }),
    );
    report(`moto: get ${count} × 1 KiB`, getKiln, getRaw, `${((count / getKiln) * 1000).toFixed(0)}/s`);
    const bytes = Math.min(largeBytes, 50 * MiB);
    const largeKiln = await time(() => store.put("large.bin", stream(bytes)));
    const largeRaw = await time(() =>
      new Upload({
        client: s3.client,
        params: { Bucket: s3.bucket, Key: "raw/large.bin", Body: stream(bytes) },
      }).done(),
    );
    report(
      `moto: put ${bytes / MiB} MiB stream`,
      largeKiln,
      largeRaw,
      `${(bytes / MiB / (largeKiln / 1000)).toFixed(0)} MiB/s`,
    );
  } finally {
    await s3.stop();
  }
}

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")}\n`);
process.stdout.write(
  "ratio = kiln / baseline, measured in this run (lower is better; 1.00 = no overhead).\n",
);
