import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { type DeploymentSpec, defaultDeployment } from "../../runtime/deploy/deployment-spec.js";
import { parsePinnedImage } from "../../runtime/deploy/image-reference.js";
import { deploymentSpecFromManifest } from "../../runtime/deploy/manifest-spec.js";
import { dnsLabel, renderKubernetesManifests } from "../../runtime/deploy/render-kubernetes-manifests.js";
import { ConfigError, UsageError } from "../../runtime/errors.js";

const digest = `sha256:${"ab".repeat(32)}`;
const modelSha = "cd".repeat(32);

function spec(overrides: Partial<DeploymentSpec> = {}): DeploymentSpec {
  return {
    ...defaultDeployment,
    model: "churn",
    environment: "production",
    modelVersion: "1.4.0",
    modelSha256: modelSha,
    image: { repository: "ghcr.io/acme/kiln-serve", tag: "0.1.0", digest },
    storeUrl: "s3://acme-ml/kiln",
    ...overrides,
  };
}

function render(s: DeploymentSpec): unknown[] {
  const docs = parseAllDocuments(renderKubernetesManifests(s));
  for (const doc of docs as Array<{ errors: unknown[] }>) expect(doc.errors).toEqual([]);
  return (docs as Array<{ toJS(): unknown }>).map((d) => d.toJS());
}

/** The value at a dotted path of parsed YAML (`spec.template.spec.containers.0.args`), or undefined. */
function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const container = "spec.template.spec.containers.0";

describe("renderKubernetesManifests", () => {
  it.each([
    ["250m", undefined],
    ["1", undefined],
    ["1500m", undefined],
    ["2", "2"],
    ["3500m", "3"],
    ["4.0", "4"],
  ])("with a CPU request of %s runs %s server processes (--workers)", (cpu, workers) => {
    const [deployment] = render(spec({ resources: { ...defaultDeployment.resources, cpu } }));
    const args = at(deployment, `${container}.args`) as string[];
    const flag = args.indexOf("--workers");
    expect(flag < 0 ? undefined : args[flag + 1]).toBe(workers);
    expect(at(deployment, `${container}.resources.requests.cpu`)).toBe(cpu);
  });

  it("writes a Deployment, a Service and a HorizontalPodAutoscaler sharing one name and selector", () => {
    const docs = render(spec());
    expect(docs.map((d) => `${at(d, "apiVersion")} ${at(d, "kind")} ${at(d, "metadata.name")}`)).toEqual([
      "apps/v1 Deployment kiln-churn-production",
      "v1 Service kiln-churn-production",
      "autoscaling/v2 HorizontalPodAutoscaler kiln-churn-production",
    ]);
    const [deployment, service, hpa] = docs;
    const selector = at(deployment, "spec.selector.matchLabels") as Record<string, string>;
    expect(Object.keys(selector).length).toBeGreaterThan(0);
    expect(at(service, "spec.selector")).toEqual(selector);
    expect(at(deployment, "spec.template.metadata.labels")).toMatchObject(selector);
    expect(at(hpa, "spec.scaleTargetRef")).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      name: "kiln-churn-production",
    });
    expect([at(hpa, "spec.minReplicas"), at(hpa, "spec.maxReplicas")]).toEqual([2, 10]);
    expect(at(hpa, "spec.metrics.0.resource")).toEqual({
      name: "cpu",
      target: { type: "Utilization", averageUtilization: 70 },
    });
    expect(at(deployment, "spec.replicas")).toBeUndefined();
  });

  it("pins the image and the model by digest", () => {
    const [deployment] = render(spec());
    expect(at(deployment, `${container}.image`)).toBe(`ghcr.io/acme/kiln-serve:0.1.0@${digest}`);
    const args = at(deployment, `${container}.args`) as string[];
    expect(args.slice(0, 3)).toEqual(["churn@1.4.0", "--sha256", modelSha]);
    expect(args.join(" ")).toContain("--poll 0");
    expect(at(deployment, `${container}.env`)).toContainEqual({
      name: "KILN_STORE",
      value: "s3://acme-ml/kiln",
    });
    expect(at(deployment, "metadata.labels")).toMatchObject({ "kiln.dev/model-version": "1.4.0" });
    expect(at(deployment, "metadata.annotations")).toMatchObject({ "kiln.dev/model-sha256": modelSha });
  });

  it("probes readiness and liveness on the V2 health routes of the named port", () => {
    const [deployment] = render(spec({ port: 9000 }));
    expect(at(deployment, `${container}.ports`)).toEqual([
      { name: "http", containerPort: 9000, protocol: "TCP" },
    ]);
    expect(at(deployment, `${container}.readinessProbe.httpGet`)).toEqual({
      path: "/v2/health/ready",
      port: "http",
    });
    expect(at(deployment, `${container}.livenessProbe.httpGet`)).toEqual({
      path: "/v2/health/live",
      port: "http",
    });
    expect((at(deployment, `${container}.args`) as string[]).join(" ")).toContain("--port 9000");
  });

  it("annotates pods and the Service for Prometheus scraping of /metrics on the container port", () => {
    const [deployment, service] = render(spec());
    const scrape = {
      "prometheus.io/scrape": "true",
      "prometheus.io/port": "8080",
      "prometheus.io/path": "/metrics",
    };
    expect(at(deployment, "spec.template.metadata.annotations")).toMatchObject(scrape);
    expect(at(service, "metadata.annotations")).toEqual(scrape);
    expect(at(service, "spec.ports")).toEqual([
      { name: "http", port: 80, targetPort: "http", protocol: "TCP" },
    ]);
  });

  it("runs as a non-root user with a read-only root file system and no privilege escalation", () => {
    const [deployment] = render(spec());
    expect(at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).toBe(true);
    expect(at(deployment, "spec.template.spec.securityContext.runAsUser")).toBeGreaterThan(0);
    expect(at(deployment, `${container}.securityContext`)).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
    // The server drains within the grace period.
    const args = at(deployment, `${container}.args`) as string[];
    const timeoutMs = Number(args[args.indexOf("--shutdown-timeout") + 1]);
    expect(timeoutMs).toBeGreaterThan(0);
    expect(timeoutMs).toBeLessThan(
      Number(at(deployment, "spec.template.spec.terminationGracePeriodSeconds")) * 1000,
    );
  });

  it("puts every object in the namespace and passes the store secret when given", () => {
    const docs = render(spec({ namespace: "ml", storeSecret: "kiln-store" }));
    expect(docs.map((d) => at(d, "metadata.namespace"))).toEqual(["ml", "ml", "ml"]);
    expect(at(docs[0], `${container}.envFrom`)).toEqual([{ secretRef: { name: "kiln-store" } }]);
    expect(at(render(spec())[0], "metadata.namespace")).toBeUndefined();
  });

  it("makes DNS-safe names from model names with dots and underscores", () => {
    expect(dnsLabel("kiln-Iris_v2.fast-production")).toBe("kiln-iris-v2-fast-production");
    expect(dnsLabel(`kiln-${"x".repeat(80)}`)).toHaveLength(63);
    const [deployment] = render(spec({ model: "Iris_v2.fast" }));
    expect(at(deployment, "metadata.name")).toBe("kiln-iris-v2-fast-production");
    expect(at(deployment, `${container}.args.0`)).toBe("Iris_v2.fast@1.4.0");
  });
});

describe.each([
  [`ghcr.io/acme/kiln-serve@${digest}`, { repository: "ghcr.io/acme/kiln-serve", tag: undefined, digest }],
  [
    `ghcr.io/acme/kiln-serve:0.1.0@${digest}`,
    { repository: "ghcr.io/acme/kiln-serve", tag: "0.1.0", digest },
  ],
  [`localhost:5000/kiln@${digest}`, { repository: "localhost:5000/kiln", tag: undefined, digest }],
])("the image reference %s", (text, expected) => {
  it("is accepted as pinned by digest", () => {
    expect(parsePinnedImage(text)).toEqual(expected);
  });
});

describe.each([
  ["ghcr.io/acme/kiln-serve:latest", "Pin it by digest"],
  ["ghcr.io/acme/kiln-serve@sha256:abc", "64 lowercase hex digits"],
  [`Ghcr.io/Acme@${digest}`, "not an image reference pinned by digest"],
])("the image reference %s", (text, message) => {
  it("is refused with a usage error saying how to pin it", () => {
    expect(() => parsePinnedImage(text)).toThrow(UsageError);
    expect(() => parsePinnedImage(text)).toThrow(message);
  });
});

describe("deploymentSpecFromManifest", () => {
  it("reads back exactly the spec a manifest was rendered from", () => {
    const original = spec({
      namespace: "ml",
      storeSecret: "kiln-store",
      port: 9000,
      replicas: { min: 3, max: 7 },
    });
    expect(
      deploymentSpecFromManifest(renderKubernetesManifests(original), "deploy/churn/production.yaml"),
    ).toEqual(original);
  });

  it("names the file and line of YAML it cannot parse", () => {
    expect(() =>
      deploymentSpecFromManifest("kind: Deployment\nmetadata: [unclosed\n", "deploy/x.yaml"),
    ).toThrow(/^deploy\/x\.yaml:\d+:\d+: not valid YAML/);
  });

  it("refuses a manifest that Kiln did not write, saying how to make one", () => {
    const error = (() => {
      try {
        deploymentSpecFromManifest("apiVersion: v1\nkind: ConfigMap\n", "deploy/x.yaml");
      } catch (caught: unknown) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(
      "deploy/x.yaml: not a manifest written by 'kiln deploy render'",
    );
  });
});
