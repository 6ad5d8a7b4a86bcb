import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, IntegrityError, ModelError, NotFoundError, StoreError } from "../../runtime/errors.js";
import { silentLogger } from "../../runtime/logger.js";
import { appendStageEvent } from "../../runtime/registry/append-stage-event.js";
import { pullArtifact } from "../../runtime/registry/download-artifact.js";
import { currentStages, listModelNames, listVersions } from "../../runtime/registry/list-versions.js";
import { loadModelIndex } from "../../runtime/registry/model-index.js";
import { registerModel } from "../../runtime/registry/register-model.js";
import { reindexModel } from "../../runtime/registry/reindex-model.js";
import { resolveModel } from "../../runtime/registry/resolve-model.js";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";
import { MemoryStore } from "./memory-store.js";
import { writeOnnxModel } from "./onnx-fixture.js";
import { clockOf, registerRequest } from "./registry-builders.js";

let folder: string;
let models: string[];
const sha256 = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "kiln-register-"));
  models = [
    await writeOnnxModel(folder, "a.onnx", 1),
    await writeOnnxModel(folder, "b.onnx", 2),
    await writeOnnxModel(folder, "c.onnx", 3, "extra-output"),
    await writeOnnxModel(folder, "d.onnx", 4, "retyped"),
  ];
  await writeFile(join(folder, "m1.json"), JSON.stringify({ accuracy: 0.9, loss: { test: 0.3 } }));
  await writeFile(join(folder, "m2.json"), JSON.stringify({ accuracy: 0.93, loss: { test: 0.25 } }));
  await writeFile(join(folder, "params.yaml"), "max_depth: 6\nlearning_rate: 0.1\n");
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("a model's life in a local folder store", () => {
  let store: LocalFolderStore;
  beforeAll(async () => {
    store = new LocalFolderStore(join(folder, "life-store"));
    const deps = (at: string) => ({ store, logger: silentLogger, clock: clockOf(at) });
    const [a, b, c] = models as [string, string, string];
    await registerModel(
      deps("2026-01-10T00:00:00Z"),
      registerRequest({ artifactPath: a, metricsPath: join(folder, "m1.json") }),
    );
    await registerModel(
      deps("2026-02-05T00:00:00Z"),
      registerRequest({
        artifactPath: b,
        metricsPath: join(folder, "m2.json"),
        paramsPath: join(folder, "params.yaml"),
      }),
    );
    await registerModel(deps("2026-02-20T00:00:00Z"), registerRequest({ artifactPath: c }));
    const move = (version: string, to: "Staging" | "Production", at: string) =>
      appendStageEvent(store, {
        name: "iris",
        version,
        to,
        by: "bob",
        source: { kind: "pull-request", pullRequest: 7 },
        reason: "approved",
        at: new Date(at),
      });
    await move("1.0.0", "Production", "2026-02-01T00:00:00Z");
    await move("1.1.0", "Staging", "2026-02-10T00:00:00Z");
    await move("1.1.0", "Production", "2026-03-01T00:00:00Z");
    await move("1.2.0", "Production", "2026-03-15T00:00:00Z");
  });

  it("numbers the three versions 1.0.0, 1.1.0 and 1.2.0 (an added output is compatible)", async () => {
    const versions = await listVersions(store, "iris");
    expect(versions.map((v) => [v.version, v.stage])).toEqual([
      ["1.0.0", "Archived"],
      ["1.1.0", "Archived"],
      ["1.2.0", "Production"],
    ]);
  });

  it("keeps metrics, params, lineage and the artifact digest in each record", async () => {
    const { record } = await resolveModel(store, "iris@1.1.0");
    expect(record.metrics).toEqual({ accuracy: 0.93, "loss.test": 0.25 });
    expect(record.params).toEqual({ max_depth: 6, learning_rate: 0.1 });
    expect(record.lineage.parentVersion).toBe("1.0.0");
    expect(record.artifact.sha256).toBe(await sha256(models[1]!));
    expect(record.createdAt).toBe("2026-02-05T00:00:00.000Z");
  });

  describe.each([
    ["2026-01-31T00:00Z", undefined],
    ["2026-02-01T00:00Z", "1.0.0"],
    ["2026-02-28T23:59Z", "1.0.0"],
    ["2026-03-01T00:00Z", "1.1.0"],
    ["2026-03-14T00:00Z", "1.1.0"],
    ["2026-03-15T00:00Z", "1.2.0"],
    ["2027-01-01T00:00Z", "1.2.0"],
  ])("what was in Production at %s", (time, expected) => {
    it(`is ${expected ?? "nothing"}`, async () => {
      const at = new Date(time);
      if (expected === undefined) {
        await expect(resolveModel(store, "iris:production", { at })).rejects.toThrow(
          `no version of 'iris' was in Production at ${at.toISOString()}`,
        );
      } else expect((await resolveModel(store, "iris:production", { at })).record.version).toBe(expected);
    });
  });

  it("answers Staging at a past moment too", async () => {
    const stages = await currentStages(store, "iris", new Date("2026-02-15T00:00Z"));
    expect([stages.production, stages.staging]).toEqual(["1.0.0", "1.1.0"]);
  });

  it("returns the existing version when the same artifact is registered again", async () => {
    const before = await loadModelIndex(store, "iris");
    const again = await registerModel(
      { store, logger: silentLogger },
      registerRequest({ artifactPath: models[0]! }),
    );
    expect([again.created, again.record.version]).toEqual([false, "1.0.0"]);
    expect((await loadModelIndex(store, "iris")).index.events).toHaveLength(before.index.events.length);
  });

  it("refuses to move a version that does not exist, naming the model", async () => {
    await expect(
      appendStageEvent(store, {
        name: "iris",
        version: "9.9.9",
        to: "Staging",
        by: "bob",
        source: { kind: "command" },
        reason: "x",
      }),
    ).rejects.toThrow(NotFoundError);
  });

  it("refuses a move to the stage the version is already in", async () => {
    await expect(
      appendStageEvent(store, {
        name: "iris",
        version: "1.2.0",
        to: "Production",
        by: "bob",
        source: { kind: "command" },
        reason: "x",
      }),
    ).rejects.toThrow("iris@1.2.0: already in Production; nothing to do.");
  });

  it("refuses altered stored bytes on download, naming both digests, and leaves no file", async () => {
    const { record } = await resolveModel(store, "iris@1.0.0");
    const original = await readFile(models[0]!);
    const altered = Buffer.from(original);
    altered[altered.length - 1] = (altered[altered.length - 1]! + 1) % 256;
    const storedPath = join(folder, "life-store", record.artifact.storeKey);
    await rm(storedPath, { force: true });
    await writeFile(storedPath, altered);
    const out = join(folder, "pulled", "model.onnx");
    await rm(join(folder, "pulled"), { recursive: true, force: true });
    await import("node:fs/promises").then((fs) => fs.mkdir(join(folder, "pulled")));
    const error = await pullArtifact(store, record, out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    const actual = createHash("sha256").update(altered).digest("hex");
    expect((error as Error).message).toContain(`expected sha256:${record.artifact.sha256}`);
    expect((error as Error).message).toContain(`sha256:${actual}`);
    expect((error as Error).message).toContain("iris@1.0.0");
    expect(await readdir(join(folder, "pulled"))).toEqual([]);
  });
});

describe("registration failures leave no half-visible version", () => {
  let store: MemoryStore;
  const deps = () => ({ store, logger: silentLogger });
  beforeEach(() => {
    store = new MemoryStore();
  });

  it("refuses a file that is not ONNX and writes nothing", async () => {
    const error = await registerModel(
      deps(),
      registerRequest({ artifactPath: join(folder, "m1.json") }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as Error).message).toContain("m1.json' is not an ONNX model");
    expect(store.keys()).toEqual([]);
  });

  it("refuses an unreadable metrics file with its position and writes nothing", async () => {
    const path = join(folder, "broken.json");
    await writeFile(path, '{\n  "accuracy": 0.9,\n  "f1": [0.8\n');
    const error = await registerModel(
      deps(),
      registerRequest({ artifactPath: models[0]!, metricsPath: path }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe(path);
    expect((error as ConfigError).line).toBeGreaterThanOrEqual(3);
    expect(store.keys()).toEqual([]);
  });

  it("refuses a metric that is not a finite number, naming it and its line", async () => {
    const path = join(folder, "nan-metric.yaml");
    await writeFile(path, "loss: 0.3\naccuracy: .nan\n");
    await expect(
      registerModel(deps(), registerRequest({ artifactPath: models[0]!, metricsPath: path })),
    ).rejects.toThrow(`${path}:2:11: metric 'accuracy' is NaN; expected a finite number.`);
  });

  it("keeps the numbers of a metrics file and leaves out descriptive values such as kiln/evaluate's task and confusion matrix", async () => {
    const path = join(folder, "evaluate-metrics.json");
    await writeFile(
      path,
      JSON.stringify({
        task: "classification",
        accuracy: 0.9,
        per_class: { rain: { f1: 0.8 } },
        confusion_matrix: [
          [1, 2],
          [3, 4],
        ],
        labels: ["a", "b"],
        calibrated: true,
      }),
    );
    const result = await registerModel(
      deps(),
      registerRequest({ artifactPath: models[0]!, metricsPath: path }),
    );
    expect(result.record.metrics).toEqual({ accuracy: 0.9, "per_class.rain.f1": 0.8 });
  });

  it("refuses a metrics file that does not exist", async () => {
    await expect(
      registerModel(
        deps(),
        registerRequest({ artifactPath: models[0]!, metricsPath: join(folder, "nope.json") }),
      ),
    ).rejects.toThrow(`metrics file '${join(folder, "nope.json")}' does not exist.`);
  });

  describe.each(["Iris Model", "iris/v2", "iris@1", "-iris", "a".repeat(65), "", "iris..x"])(
    "the model name %j",
    (name) => {
      it("is refused before anything is written", async () => {
        const error = await registerModel(deps(), registerRequest({ name, artifactPath: models[0]! })).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ModelError);
        expect((error as Error).message).toContain(`invalid model name '${name}'`);
        expect(store.keys()).toEqual([]);
      });
    },
  );

  it("rolls back when the store fails at the record write, so the version can be taken again", async () => {
    store.beforePut = (key) => {
      if (key.includes("/versions/")) throw new StoreError("store unavailable (injected 503)", { key });
    };
    await expect(registerModel(deps(), registerRequest({ artifactPath: models[0]! }))).rejects.toThrow(
      "store unavailable (injected 503)",
    );
    expect(store.keys("models/")).toEqual([]);
    expect(await listVersions(store, "iris")).toEqual([]);
    store.beforePut = () => {};
    const retry = await registerModel(deps(), registerRequest({ artifactPath: models[0]! }));
    expect(retry.record.version).toBe("1.0.0");
  });

  it("rolls back when the store fails at the version reservation", async () => {
    store.beforePut = (key) => {
      if (key.includes("/reservations/")) throw new StoreError("connection reset (injected)", { key });
    };
    await expect(registerModel(deps(), registerRequest({ artifactPath: models[0]! }))).rejects.toThrow(
      StoreError,
    );
    expect(store.keys("models/")).toEqual([]);
  });

  it("counts a record write whose response was lost but which landed as done", async () => {
    let lost = false;
    store.afterPut = (key) => {
      if (key.includes("/versions/") && !lost) {
        lost = true;
        throw new StoreError("socket hang up (injected after the write)", { key });
      }
    };
    const result = await registerModel(deps(), registerRequest({ artifactPath: models[0]! }));
    expect([result.created, result.record.version]).toEqual([true, "1.0.0"]);
    expect(store.keys("models/iris/versions/")).toEqual(["models/iris/versions/1.0.0.json"]);
    expect((await listVersions(store, "iris")).map((v) => v.version)).toEqual(["1.0.0"]);
  });
});

describe("stage moves and the index", () => {
  it("keeps one version in Production when five moves race", async () => {
    const store = new MemoryStore();
    for (const [i, path] of models.slice(0, 3).entries())
      await registerModel(
        { store, logger: silentLogger, clock: clockOf(`2026-01-0${i + 1}T00:00:00Z`) },
        registerRequest({ artifactPath: path }),
      );
    const versions = ["1.0.0", "1.1.0", "1.2.0", "1.0.0", "1.1.0"];
    const results = await Promise.allSettled(
      versions.map((version) =>
        appendStageEvent(store, {
          name: "iris",
          version,
          to: "Production",
          by: "bob",
          source: { kind: "command" },
          reason: "race",
        }),
      ),
    );
    const { index } = await loadModelIndex(store, "iris");
    const stageEvents = index.events.filter((e) => e.kind === "stage");
    expect(stageEvents).toHaveLength(results.filter((r) => r.status === "fulfilled").length);
    // Replaying the log: each event's `from` is the stage its version had just before it.
    const stage = new Map<string, string>();
    for (const e of index.events) {
      if (e.kind === "register") stage.set(e.version, "None");
      else {
        expect(e.from).toBe(stage.get(e.version));
        for (const a of e.archived) stage.set(a.version, "Archived");
        stage.set(e.version, e.to);
      }
    }
    expect([...stage.values()].filter((s) => s === "Production")).toHaveLength(1);
  });

  it("stores the index compactly and gives back every register event with its summary", async () => {
    const store = new MemoryStore();
    const first = await registerModel(
      { store, logger: silentLogger },
      registerRequest({ artifactPath: models[0]! }),
    );
    await registerModel({ store, logger: silentLogger }, registerRequest({ artifactPath: models[1]! }));
    await appendStageEvent(store, {
      name: "iris",
      version: "1.0.0",
      to: "Staging",
      by: "bob",
      source: { kind: "command" },
      reason: "try",
    });
    const stored = JSON.parse(new TextDecoder().decode(await store.getBytes("models/iris/index.json")));
    expect(stored.events.map((e: Record<string, unknown>) => ["id" in e, "summary" in e])).toEqual([
      [false, false],
      [false, false],
      [false, false],
    ]);
    const { index, behind } = await loadModelIndex(store, "iris");
    expect(behind).toBe(0);
    const register = index.events[0]!;
    expect(register.kind === "register" && register.summary.sha256).toBe(await sha256(models[0]!));
    expect(register.kind === "register" && register.summary.createdAt).toBe(first.record.createdAt);
  });

  it("serves listings from the events when the index is lost, and reindex rebuilds it", async () => {
    const store = new MemoryStore();
    await registerModel({ store, logger: silentLogger }, registerRequest({ artifactPath: models[0]! }));
    await registerModel({ store, logger: silentLogger }, registerRequest({ artifactPath: models[1]! }));
    await store.delete("models/iris/index.json");
    expect((await listVersions(store, "iris")).map((v) => v.version)).toEqual(["1.0.0", "1.1.0"]);
    // A record whose register event was never written (a crash between the two).
    await store.delete("models/iris/events/0000000002.json");
    expect((await listVersions(store, "iris")).map((v) => v.version)).toEqual(["1.0.0"]);
    const rebuilt = await reindexModel(store, "iris");
    expect(rebuilt.recordsWithoutEvent).toEqual(["1.1.0"]);
    expect((await listVersions(store, "iris")).map((v) => v.version)).toEqual(["1.0.0", "1.1.0"]);
    expect(store.keys("models/iris/index.json")).toHaveLength(1);
  });
});

describe.each([
  ["an in-memory store", () => new MemoryStore()],
  ["a local folder store", () => new LocalFolderStore(join(folder, `names-${Math.random()}`))],
])("listing the models in %s", (_kind, makeStore) => {
  it("finds each model once, whatever its number of keys, with names that sort around each other", async () => {
    const store = makeStore();
    for (const name of ["iris", "iris-v2", "iris.x", "iris0", "zeta"]) {
      for (let i = 0; i < 3; i++) await store.put(`models/${name}/events/000000000${i + 1}.json`, "{}");
    }
    await store.put("cache/sha256/00", "x");
    expect(await listModelNames(store)).toEqual(["iris", "iris-v2", "iris.x", "iris0", "zeta"]);
    expect(await listModelNames(makeStore())).toEqual([]);
  });
});
