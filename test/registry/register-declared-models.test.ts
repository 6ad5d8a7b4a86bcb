import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../runtime/logger.js";
import { listVersions } from "../../runtime/registry/list-versions.js";
import { registerDeclaredModels } from "../../runtime/registry/register-declared-models.js";
import { LocalFolderStore } from "../../runtime/store/local-folder-store.js";
import { writeOnnxModel } from "./onnx-fixture.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "kiln-declared-"));
  await writeOnnxModel(root, "churn.onnx", 5);
  await writeFile(join(root, "train.yaml"), "trees: 100\ndepth: 4\n");
  await writeFile(join(root, "extra.yaml"), "depth: 6\n");
  await writeFile(join(root, "metrics.json"), '{"auc": 0.91}');
  await writeFile(join(root, "train.csv"), "a,b\n1,2\n");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("registering the models kiln.yaml declares", () => {
  it("registers what the pipeline produced, with merged params, the data digest and the declared stage", async () => {
    const store = new LocalFolderStore(join(root, "store"));
    const results = await registerDeclaredModels(
      { store, logger: silentLogger },
      {
        root,
        models: {
          churn: {
            artifact: "churn.onnx",
            metrics: "metrics.json",
            params: ["train.yaml", "extra.yaml"],
            data: "train.csv",
            stage: "staging",
          },
          prices: { artifact: "prices.onnx" },
        },
        lineage: { stageKeys: {}, datasetDigests: {} },
        createdBy: "ci",
        source: { kind: "command", detail: "kiln run --register" },
      },
    );
    expect(results.map((r) => [r.name, r.result?.record.version])).toEqual([
      ["churn", "1.0.0"],
      ["prices", undefined],
    ]);
    const record = results[0]!.result!.record;
    expect(record.params).toEqual({ trees: 100, depth: 6 });
    expect(record.metrics).toEqual({ auc: 0.91 });
    expect(record.lineage.datasetDigests).toEqual({
      "train.csv": createHash("sha256").update("a,b\n1,2\n").digest("hex"),
    });
    expect((await listVersions(store, "churn")).map((v) => [v.version, v.stage])).toEqual([
      ["1.0.0", "Staging"],
    ]);
  });
});
