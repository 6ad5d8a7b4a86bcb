/**
 * Reading back the manifests `renderKubernetesManifests` wrote: what model version, digest and
 * image a committed manifest pins, and the settings to render it again with another version
 * (replicas, namespace, store, port, resources). A file that is not a Kiln manifest is a
 * ConfigError naming it.
 */
import { parseAllDocuments } from "yaml";
import { ConfigError } from "../errors.js";
import type { DeploymentSpec } from "./deployment-spec.js";
import { parsePinnedImage } from "./image-reference.js";

interface Loose {
  [key: string]: unknown;
}

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Loose)[part];
  }
  return current;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** The spec a committed manifest was rendered from. */
export function deploymentSpecFromManifest(yamlText: string, file: string): DeploymentSpec {
  const docs = parseAllDocuments(yamlText);
  const values: unknown[] = [];
  for (const doc of docs) {
    if ("errors" in doc && doc.errors.length > 0) {
      const error = doc.errors[0]!;
      const [line, column] = error.linePos?.[0]
        ? [error.linePos[0].line, error.linePos[0].col]
        : [undefined, undefined];
      throw new ConfigError(
        { file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) },
        `not valid YAML: ${error.message.split("\n")[0]}`,
      );
    }
    values.push(doc.toJS());
  }
  const deployment = values.find((v) => at(v, "kind") === "Deployment");
  const autoscaler = values.find((v) => at(v, "kind") === "HorizontalPodAutoscaler");
  const annotations = (at(deployment, "metadata.annotations") ?? {}) as Loose;
  const modelRef = text(annotations["kiln.dev/model-ref"]);
  const sha256 = text(annotations["kiln.dev/model-sha256"]);
  const environment = text(
    (at(deployment, "metadata.labels") as Loose | undefined)?.["kiln.dev/environment"],
  );
  const container = (at(deployment, "spec.template.spec.containers") as unknown[] | undefined)?.[0];
  const image = text(at(container, "image"));
  const split = modelRef?.lastIndexOf("@") ?? -1;
  if (
    deployment === undefined ||
    modelRef === undefined ||
    split <= 0 ||
    sha256 === undefined ||
    image === undefined ||
    environment === undefined
  ) {
    throw new ConfigError(
      { file },
      "not a manifest written by 'kiln deploy render' (no Deployment with kiln.dev/model-ref, kiln.dev/model-sha256 and an image).",
      {
        hint:
          "Render it with 'kiln deploy render <model> --env <environment> --image <ref@sha256:…> --out " +
          file +
          "'.",
      },
    );
  }
  const env = (at(container, "env") as Array<{ name?: string; value?: string }> | undefined) ?? [];
  const secret = text(at((at(container, "envFrom") as unknown[] | undefined)?.[0], "secretRef.name"));
  const namespace = text(at(deployment, "metadata.namespace"));
  const port = at((at(container, "ports") as unknown[] | undefined)?.[0], "containerPort");
  const requests = at(container, "resources.requests") as Loose | undefined;
  const limits = at(container, "resources.limits") as Loose | undefined;
  const grace = at(deployment, "spec.template.spec.terminationGracePeriodSeconds");
  const target = at(
    (at(autoscaler, "spec.metrics") as unknown[] | undefined)?.[0],
    "resource.target.averageUtilization",
  );
  return {
    model: modelRef.slice(0, split),
    modelVersion: modelRef.slice(split + 1),
    modelSha256: sha256,
    environment,
    image: parsePinnedImage(image, `${file}: image`),
    storeUrl: env.find((e) => e.name === "KILN_STORE")?.value ?? "",
    ...(secret === undefined ? {} : { storeSecret: secret }),
    ...(namespace === undefined ? {} : { namespace }),
    port: typeof port === "number" ? port : 8080,
    replicas: {
      min: Number(at(autoscaler, "spec.minReplicas") ?? 2),
      max: Number(at(autoscaler, "spec.maxReplicas") ?? 10),
    },
    targetCpuPercent: typeof target === "number" ? target : 70,
    resources: {
      cpu: text(requests?.cpu) ?? "250m",
      memory: text(requests?.memory) ?? "256Mi",
      memoryLimit: text(limits?.memory) ?? "512Mi",
    },
    terminationGraceSeconds: typeof grace === "number" ? grace : 45,
  };
}
