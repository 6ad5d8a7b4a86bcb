/**
 * GitHub stand-in benchmark (`node --expose-gc --import tsx scripts/bench-github.ts [MB]`): a large release
 * asset uploaded through Octokit (`upload_url`) and downloaded through the 302 redirect, streamed
 * both ways, against a bare node:http server that pipes the same bytes to and from disk, in the
 * same run. Prints throughput and the peak growth of live memory (heap + buffers, sampled right
 * after a forced collection, so --expose-gc is needed), which must stay far below the asset size:
 * assets are never held in memory. RSS growth is shown too; it includes memory the allocator
 * keeps after the incoming chunks are freed, in the baseline as much as in the stand-in.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createOctokit } from "../runtime/github/octokit-factory.js";
import { silentLogger } from "../runtime/logger.js";
import { startGitHubStandIn } from "../test/support/github-stand-in/index.js";

const megabytes = Number(process.argv[2] ?? 256);
const chunk = randomBytes(1024 * 1024);
const size = megabytes * chunk.length;

function body(): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < megabytes; i++) yield chunk;
    })(),
  );
}

const expectedDigest = (() => {
  const hash = createHash("sha256");
  for (let i = 0; i < megabytes; i++) hash.update(chunk);
  return hash.digest("hex");
})();

interface Measured {
  seconds: number;
  /** Peak growth of RSS (includes memory the allocator keeps after it is freed). */
  peakRssMb: number;
  /** Peak growth of live memory (V8 heap + external buffers) right after a collection; needs --expose-gc. */
  peakLiveMb: number | undefined;
}

function live(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Run `fn`, sampling memory every 10 ms (collecting every 100 ms when --expose-gc is on). */
async function measure(fn: () => Promise<void>): Promise<Measured> {
  const gc = global.gc;
  gc?.();
  const baseRss = process.memoryUsage().rss;
  const baseLive = live();
  let peakRss = baseRss;
  let peakLive = baseLive;
  let ticks = 0;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (gc !== undefined && ++ticks % 10 === 0) {
      gc();
      peakLive = Math.max(peakLive, live());
    }
  }, 10);
  const start = performance.now();
  await fn();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  const mb = (bytes: number): number => bytes / 1024 / 1024;
  return {
    seconds,
    peakRssMb: mb(peakRss - baseRss),
    peakLiveMb: gc === undefined ? undefined : mb(peakLive - baseLive),
  };
}

async function digestOf(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const part of stream) hash.update(part);
  return hash.digest("hex");
}

/** Upload with node:http's client (which honours backpressure), answering the status. */
function httpUpload(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/octet-stream", "content-length": String(size) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    body().pipe(req);
  });
}

async function standInRun(): Promise<{ up: Measured; upOctokit: Measured; down: Measured }> {
  const github = await startGitHubStandIn();
  const repo = { owner: "bench", repo: "models" };
  github.createRepo(repo.owner, repo.repo);
  const token = github.addUser("bench-user").token;
  const octokit = createOctokit({
    token,
    baseUrl: github.baseUrl,
    env: {},
    logger: silentLogger,
    retry: false,
    throttle: false,
  });
  const release = await octokit.rest.repos.createRelease({ ...repo, tag_name: "v1" });
  const uploadUrl = release.data.upload_url.replace("{?name,label}", "?name=by-node-http.bin");
  const up = await measure(async () => {
    const status = await httpUpload(uploadUrl, { authorization: `token ${token}` });
    if (status !== 201) throw new Error(`stand-in upload answered ${status}`);
  });
  let assetId = 0;
  const upOctokit = await measure(async () => {
    const asset = await octokit.rest.repos.uploadReleaseAsset({
      ...repo,
      release_id: release.data.id,
      url: release.data.upload_url,
      name: "model.onnx",
      data: body() as unknown as string,
      headers: { "content-type": "application/octet-stream", "content-length": size },
    });
    if (asset.data.digest !== `sha256:${expectedDigest}`) throw new Error("stand-in stored different bytes");
    assetId = asset.data.id;
  });
  const down = await measure(async () => {
    // parseSuccessResponseBody: false keeps Octokit from buffering the asset: data is the stream
    const response = await octokit.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
      ...repo,
      asset_id: assetId,
      headers: { accept: "application/octet-stream" },
      request: { parseSuccessResponseBody: false },
    });
    const digest = await digestOf(response.data as unknown as AsyncIterable<Uint8Array>);
    if (digest !== expectedDigest) throw new Error("stand-in served different bytes");
  });
  await github.stop();
  return { up, upOctokit, down };
}

async function baselineRun(): Promise<{ up: Measured; down: Measured }> {
  const folder = await mkdtemp(join(tmpdir(), "bench-github-baseline-"));
  const file = join(folder, "asset");
  const server = createServer((req, res) => {
    if (req.method === "POST") {
      void pipeline(req, createWriteStream(file)).then(() => res.writeHead(201).end());
    } else {
      res.writeHead(200, { "content-length": String(size) });
      createReadStream(file).pipe(res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const up = await measure(async () => {
    const status = await httpUpload(url, {});
    if (status !== 201) throw new Error("baseline upload failed");
  });
  const down = await measure(async () => {
    const response = await fetch(url);
    if ((await digestOf(response.body as unknown as AsyncIterable<Uint8Array>)) !== expectedDigest) {
      throw new Error("baseline served different bytes");
    }
  });
  server.closeAllConnections();
  server.close();
  await rm(folder, { recursive: true, force: true });
  return { up, down };
}

const baseline = await baselineRun();
const standIn = await standInRun();
const row = (name: string, m: Measured, base: Measured): string =>
  `| ${name} | ${(megabytes / m.seconds).toFixed(0)} MB/s | ${m.peakLiveMb?.toFixed(0) ?? "n/a"} MB | ${m.peakRssMb.toFixed(0)} MB | ${(m.seconds / base.seconds).toFixed(2)}× |`;
process.stdout.write(
  [
    `GitHub stand-in, one ${megabytes} MB release asset (sha256 checked both ways)`,
    "",
    "| step | throughput | peak live memory growth | peak RSS growth | time vs bare node:http |",
    "|---|---|---|---|---|",
    row("upload, stand-in (node:http client, streamed)", standIn.up, baseline.up),
    row("upload, bare node:http server (node:http client, streamed)", baseline.up, baseline.up),
    row("upload, stand-in (Octokit uploadReleaseAsset, Readable body)", standIn.upOctokit, baseline.up),
    row("download, stand-in (Octokit, 302, streamed)", standIn.down, baseline.down),
    row("download, bare node:http (fetch, streamed)", baseline.down, baseline.down),
    "",
    "Octokit sends bodies with fetch, which holds a streamed request body in memory (peak live memory",
    "grows with the asset on the client side, with the stand-in or without it); node:http does not.",
    "",
  ].join("\n"),
);
