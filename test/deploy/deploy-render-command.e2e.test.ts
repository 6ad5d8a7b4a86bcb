import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { silentLogger } from "../../runtime/logger.js";
import { appendStageEvent } from "../../runtime/registry/append-stage-event.js";
import { ModelStage } from "../../runtime/registry/model-stage.js";
import { registerModel } from "../../runtime/registry/register-model.js";
import { openStore } from "../../runtime/store/open-store.js";
import { logisticModel } from "../serve/onnx-fixtures.js";

const root = new URL("../../", import.meta.url).pathname;
const image = `ghcr.io/acme/kiln-serve:0.1.0@sha256:${"0f".repeat(32)}`;
let dir: string;
let storeDir: string;
const versions: string[] = [];
const digests: string[] = [];

async function kiln(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "runtime/cli/kiln.ts", ...args],
      {
        cwd: root,
        env: { ...process.env, KILN_STORE: "" },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kiln-deploy-render-"));
  storeDir = join(dir, "store");
  const store = await openStore(storeDir, { env: {}, cwd: dir });
  for (const [k, bias] of [0, 1].entries()) {
    const model = logisticModel({ features: 3, bias });
    const file = join(dir, `m${k}.onnx`);
    await writeFile(file, model.bytes);
    digests.push(createHash("sha256").update(model.bytes).digest("hex"));
    const { record } = await registerModel(
      { store, logger: silentLogger },
      {
        name: "churn",
        artifactPath: file,
        lineage: { stageKeys: {}, datasetDigests: {} },
        createdBy: "deploy-test",
        source: { kind: "command", detail: "test" },
      },
    );
    versions.push(record.version);
  }
  const move = { name: "churn", by: "deploy-test", source: { kind: "command" as const }, reason: "test" };
  await appendStageEvent(store, { ...move, version: versions[0]!, to: ModelStage.Production });
  await appendStageEvent(store, { ...move, version: versions[1]!, to: ModelStage.Staging });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deploymentOf(yamlText: string): { args: string[]; image: string; name: string } {
  const [deployment] = parseAllDocuments(yamlText).map((d) => d.toJS()) as Array<{
    metadata: { name: string };
    spec: { template: { spec: { containers: Array<{ args: string[]; image: string }> } } };
  }>;
  const container = deployment!.spec.template.spec.containers[0]!;
  return { args: container.args, image: container.image, name: deployment!.metadata.name };
}

describe("kiln deploy render", () => {
  it("pins each environment to the version its registry stage holds, with the artifact digest", async () => {
    const [production, staging] = await Promise.all([
      kiln("deploy", "render", "churn", "--env", "production", "--image", image, "--store", storeDir),
      kiln(
        "deploy",
        "render",
        "churn",
        "--env",
        "staging",
        "--image",
        image,
        "--store",
        storeDir,
        "--out",
        join(dir, "staging.yaml"),
      ),
    ]);
    expect(production.stderr).toBe("");
    expect(production.code).toBe(0);
    const prod = deploymentOf(production.stdout);
    expect(prod.name).toBe("kiln-churn-production");
    expect(prod.image).toBe(image);
    expect(prod.args.slice(0, 3)).toEqual([`churn@${versions[0]}`, "--sha256", digests[0]]);

    expect(staging.code).toBe(0);
    expect(staging.stderr).toContain(`wrote ${join(dir, "staging.yaml")}: churn@${versions[1]} in staging`);
    const stag = deploymentOf(await readFile(join(dir, "staging.yaml"), "utf8"));
    expect(stag.args.slice(0, 3)).toEqual([`churn@${versions[1]}`, "--sha256", digests[1]]);
  });

  it("refuses an image named by tag only, an environment without a stage, and an unknown version, exiting 2", async () => {
    const [byTag, noStage, unknown] = await Promise.all([
      kiln(
        "deploy",
        "render",
        "churn",
        "--env",
        "production",
        "--image",
        "ghcr.io/acme/kiln-serve:latest",
        "--store",
        storeDir,
      ),
      kiln("deploy", "render", "churn", "--env", "qa", "--image", image, "--store", storeDir),
      kiln(
        "deploy",
        "render",
        "churn",
        "--env",
        "qa",
        "--image",
        image,
        "--store",
        storeDir,
        "--model-version",
        "9.9.9",
      ),
    ]);
    expect(byTag.code).toBe(2);
    expect(byTag.stderr).toContain(
      "--image: 'ghcr.io/acme/kiln-serve:latest' is not an image reference pinned by digest.",
    );
    expect(noStage.code).toBe(2);
    expect(noStage.stderr).toContain(
      "--env qa: no registry stage follows this environment (known: production, staging); give --model-version.",
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("model 'churn' has no version 9.9.9");
    for (const run of [byTag, noStage, unknown]) expect(run.stderr).not.toContain("    at ");
  });
});

describe("kiln serve --sha256", () => {
  it("refuses to serve a version whose artifact digest is not the pinned one", async () => {
    const run = await kiln(
      "serve",
      `churn@${versions[0]}`,
      "--sha256",
      digests[1]!,
      "--store",
      storeDir,
      "--port",
      "0",
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `churn@${versions[0]}: the artifact's sha256 is ${digests[0]}, but this server is pinned to ${digests[1]} (--sha256).`,
    );
  });
});
