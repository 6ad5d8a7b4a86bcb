import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../runtime/logger.js";
import { appendStageEvent } from "../../runtime/registry/append-stage-event.js";
import { ModelStage } from "../../runtime/registry/model-stage.js";
import { registerModel } from "../../runtime/registry/register-model.js";
import type { ObjectStore } from "../../runtime/store/object-store.js";
import { openStore } from "../../runtime/store/open-store.js";
import { findMotoServer, type LocalS3, startMoto } from "../support/s3-harness.js";
import { type LogisticModel, logisticModel } from "./onnx-fixtures.js";
import { load, postJson, record, type ServeProcess, startServe } from "./serve-process.js";

const moto = findMotoServer();
let s3: LocalS3;
let store: ObjectStore;
let dir: string;
const servers: ServeProcess[] = [];

beforeAll(async () => {
  if ("reason" in moto) return;
  s3 = await startMoto({ bucket: "kiln-serve", prefix: "team" });
  store = await openStore(s3.storeUrl, { env: s3.env, cwd: process.cwd() });
  dir = await mkdtemp(join(tmpdir(), "kiln-serve-registry-"));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await s3?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function register(model: LogisticModel, file: string): Promise<string> {
  await writeFile(join(dir, file), model.bytes);
  const { record } = await registerModel(
    { store, logger: silentLogger },
    {
      name: "churn",
      artifactPath: join(dir, file),
      lineage: { stageKeys: {}, datasetDigests: {} },
      createdBy: "serve-test",
      source: { kind: "command", detail: "test" },
    },
  );
  return record.version;
}

async function promote(version: string): Promise<void> {
  await appendStageEvent(store, {
    name: "churn",
    version,
    to: ModelStage.Production,
    by: "serve-test",
    source: { kind: "command", detail: "test" },
    reason: "test promotion",
  });
}

async function predictionRows(): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for await (const info of store.list("predictions/churn/")) {
    const text = gunzipSync(await store.getBytes(info.key)).toString("utf8");
    for (const line of text.split("\n")) if (line) rows.push(JSON.parse(line));
  }
  return rows;
}

describe.skipIf("reason" in moto)("kiln serve against a registry in S3 (moto_server)", () => {
  it("serves the Production version, switches with zero failures when Production moves, and logs every 200 to S3", async () => {
    const first = logisticModel({ features: 3, weights: [1, -1, 0.5], bias: 0 });
    const second = logisticModel({ features: 3, weights: [-3, 0.25, 2], bias: 0.5 });
    const v1 = await register(first, "first.onnx");
    await promote(v1);

    const server = await startServe(["churn:production", "--poll", "100", "--log-flush-ms", "300"], s3.env);
    servers.push(server);
    expect(server.stdout()).toContain(`loaded churn:production (${store.url}): version ${v1}`);
    const metadata = (await (await fetch(`${server.url}/v2/models/churn`)).json()) as { versions: string[] };
    expect(metadata.versions).toEqual([v1]);

    const byVersion = new Map<string, LogisticModel>([[v1, first]]);
    let v2 = "";
    let seenSecond = 0;
    const promoted = (async () => {
      await new Promise((r) => setTimeout(r, 400));
      v2 = await register(second, "second.onnx");
      byVersion.set(v2, second);
      await promote(v2);
    })();
    const result = await load(
      server.url,
      first,
      8,
      () => seenSecond >= 200,
      (body, row) => {
        const model = byVersion.get(body.model_version as string);
        expect(model).toBeDefined();
        const p = (body.predictions as Array<{ probabilities: Record<string, number> }>)[0]!.probabilities
          .yes!;
        expect(p).toBeCloseTo(model!.probability(row), 6);
        if (model === second) seenSecond++;
      },
    );
    await promoted;
    expect(v2).not.toBe(v1);
    expect(result.failed).toEqual([]);
    expect(result.ok[0]!.version).toBe(v1);
    expect(result.ok.at(-1)!.version).toBe(v2);

    const answer = await postJson(`${server.url}/v2/models/churn/versions/${v2}/infer`, {
      instances: [record(second, [1, 1, 1])],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.model_version).toBe(v2);

    expect(await server.stop()).toBe(0);
    const logged = new Map((await predictionRows()).map((row) => [row.request_id, row]));
    const missing = result.ok.filter(({ id }) => !logged.has(id));
    expect(missing).toEqual([]);
    // Each logged row names the version that answered it.
    for (const { id, version } of result.ok) expect(logged.get(id)!.version).toBe(version);
  }, 90_000);

  it("refuses to serve an artifact whose bytes no longer match the recorded digest", async () => {
    const third = logisticModel({ features: 3, weights: [0.1, 0.2, 0.3], bias: 0 });
    const v3 = await register(third, "third.onnx");
    const { createHash } = await import("node:crypto");
    const digest = createHash("sha256").update(third.bytes).digest("hex");
    await store.put(`cache/sha256/${digest}`, new Uint8Array([1, 2, 3]));
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "runtime/cli/kiln.ts", "serve", `churn@${v3}`, "--port", "0"],
      {
        cwd: new URL("../../", import.meta.url).pathname,
        env: { ...process.env, ...s3.env },
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`digest mismatch, expected sha256:${digest}`);
    expect(run.stderr).not.toContain("    at ");
  }, 60_000);
});
