import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type KilnLock, renderLock } from "../../runtime/pipeline/kiln-lock.js";
import { readLineage } from "../../runtime/registry/model-lineage.js";

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), "kiln-lineage-"));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const digest = (c: string) => `${c}f`.repeat(32);

describe("the lineage of a registration", () => {
  it("comes from the workflow's GitHub environment", async () => {
    const lineage = await readLineage({
      cwd,
      env: {
        GITHUB_REPOSITORY: "octo-org/models",
        GITHUB_SHA: "abc123",
        GITHUB_REF_NAME: "main",
        GITHUB_SERVER_URL: "https://ghe.example.com",
        GITHUB_RUN_ID: "99",
        GITHUB_RUN_ATTEMPT: "2",
      },
    });
    expect(lineage).toEqual({
      repository: "octo-org/models",
      commit: "abc123",
      branch: "main",
      workflowRunUrl: "https://ghe.example.com/octo-org/models/actions/runs/99/attempts/2",
      stageKeys: {},
      datasetDigests: {},
    });
  });

  it("takes stage keys and dataset digests (not code, not the model an evaluate stage scores) from kiln.lock, and explicit digests over them", async () => {
    const lock: KilnLock = {
      version: 1,
      stages: {
        prepare: {
          key: digest("1"),
          deps: [
            { path: "data/raw.csv", digest: digest("a"), kind: "file" },
            { path: "src/prepare.py", digest: digest("9"), kind: "file" },
            { path: "s3://bucket/extra.csv", digest: "etag:abc", kind: "remote" },
          ],
          params: {},
          env: {},
          outs: [{ path: "data/clean.csv", digest: digest("b"), kind: "file" }],
        },
        train: {
          key: digest("2"),
          deps: [{ path: "data/clean.csv", digest: digest("b"), kind: "file" }],
          params: {},
          env: {},
          outs: [{ path: "build/model.onnx", digest: digest("d"), kind: "file" }],
        },
        evaluate: {
          key: digest("3"),
          deps: [
            { path: "build/model.onnx", digest: digest("d"), kind: "file" },
            { path: "data/clean.csv", digest: digest("b"), kind: "file" },
          ],
          params: {},
          env: {},
          outs: [],
        },
      },
    };
    await writeFile(join(cwd, "kiln.lock"), renderLock(lock));
    const lineage = await readLineage({ cwd, env: {}, datasetDigests: { "data/clean.csv": digest("c") } });
    expect(lineage.stageKeys).toEqual({ prepare: digest("1"), train: digest("2"), evaluate: digest("3") });
    expect(lineage.datasetDigests).toEqual({ "data/raw.csv": digest("a"), "data/clean.csv": digest("c") });
  });

  it("ignores a kiln.lock it cannot read instead of failing the registration", async () => {
    await writeFile(join(cwd, "kiln.lock"), "stages: [unclosed\n");
    expect(await readLineage({ cwd, env: {}, commit: "def456" })).toEqual({
      commit: "def456",
      stageKeys: {},
      datasetDigests: {},
    });
  });
});
