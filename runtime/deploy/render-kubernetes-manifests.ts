/**
 * Kubernetes manifests for serving one model in one environment, for Argo CD or Flux to apply:
 * a Deployment (readiness and liveness probes on the KServe V2 health routes, non-root, read-only
 * root file system, image and model pinned by digest), a Service (with Prometheus scrape
 * annotations and a named port a ServiceMonitor can select), and a HorizontalPodAutoscaler.
 *
 * Pure: a DeploymentSpec in, multi-document YAML out.
 */
import { stringify } from "yaml";
import type { DeploymentSpec } from "./deployment-spec.js";
import { formatPinnedImage } from "./image-reference.js";

/** A DNS-1123 label from free text: lowercase, `[a-z0-9-]`, at most 63 characters. */
export function dnsLabel(text: string): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return label.length > 0 ? label : "model";
}

/** A label value: at most 63 characters of `[A-Za-z0-9._-]`, starting and ending alphanumeric. */
function labelValue(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "");
}

/** The name every object of a deployment shares: `kiln-<model>-<environment>`. */
export function deploymentName(spec: Pick<DeploymentSpec, "model" | "environment">): string {
  return dnsLabel(`kiln-${spec.model}-${spec.environment}`);
}

export function renderKubernetesManifests(spec: DeploymentSpec): string {
  const name = deploymentName(spec);
  const selector = {
    "app.kubernetes.io/name": "kiln-serve",
    "app.kubernetes.io/instance": name,
  };
  const labels = {
    ...selector,
    "app.kubernetes.io/component": "model-server",
    "app.kubernetes.io/managed-by": "kiln",
    "kiln.dev/model": labelValue(spec.model),
    "kiln.dev/model-version": labelValue(spec.modelVersion),
    "kiln.dev/environment": labelValue(spec.environment),
  };
  const annotations = {
    "kiln.dev/model-ref": `${spec.model}@${spec.modelVersion}`,
    "kiln.dev/model-sha256": spec.modelSha256,
    "kiln.dev/image": formatPinnedImage(spec.image),
  };
  const metadata = (extra: Record<string, unknown> = {}) => ({
    name,
    ...(spec.namespace === undefined ? {} : { namespace: spec.namespace }),
    labels,
    ...extra,
  });
  const scrape = {
    "prometheus.io/scrape": "true",
    "prometheus.io/port": String(spec.port),
    "prometheus.io/path": "/metrics",
  };

  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: metadata({ annotations }),
    spec: {
      // No `replicas`: the HorizontalPodAutoscaler owns the count, so a sync does not fight it.
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
      template: {
        metadata: { labels, annotations: { ...annotations, ...scrape } },
        spec: {
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: spec.terminationGraceSeconds,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 10001,
            runAsGroup: 10001,
            seccompProfile: { type: "RuntimeDefault" },
          },
          containers: [
            {
              name: "kiln-serve",
              image: formatPinnedImage(spec.image),
              imagePullPolicy: "IfNotPresent",
              args: [
                `${spec.model}@${spec.modelVersion}`,
                "--sha256",
                spec.modelSha256,
                "--port",
                String(spec.port),
                "--poll",
                "0",
                "--shutdown-timeout",
                String(Math.max(1, spec.terminationGraceSeconds - 10) * 1000),
                // One server process per whole CPU the pod requests (see `kiln serve --workers`).
                ...(wholeCpus(spec.resources.cpu) >= 2
                  ? ["--workers", String(wholeCpus(spec.resources.cpu))]
                  : []),
              ],
              env: [
                { name: "KILN_STORE", value: spec.storeUrl },
                { name: "NODE_ENV", value: "production" },
              ],
              ...(spec.storeSecret === undefined
                ? {}
                : { envFrom: [{ secretRef: { name: spec.storeSecret } }] }),
              ports: [{ name: "http", containerPort: spec.port, protocol: "TCP" }],
              readinessProbe: {
                httpGet: { path: "/v2/health/ready", port: "http" },
                periodSeconds: 5,
                failureThreshold: 2,
              },
              livenessProbe: {
                httpGet: { path: "/v2/health/live", port: "http" },
                periodSeconds: 10,
                failureThreshold: 3,
              },
              startupProbe: {
                httpGet: { path: "/v2/health/ready", port: "http" },
                periodSeconds: 2,
                failureThreshold: 60,
              },
              resources: {
                requests: { cpu: spec.resources.cpu, memory: spec.resources.memory },
                limits: { memory: spec.resources.memoryLimit },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ["ALL"] },
              },
              volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            },
          ],
          volumes: [{ name: "tmp", emptyDir: {} }],
        },
      },
    },
  };

  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: metadata({ annotations: scrape }),
    spec: {
      type: "ClusterIP",
      selector,
      ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
    },
  };

  const autoscaler = {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: metadata(),
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
      minReplicas: spec.replicas.min,
      maxReplicas: spec.replicas.max,
      metrics: [
        {
          type: "Resource",
          resource: {
            name: "cpu",
            target: { type: "Utilization", averageUtilization: spec.targetCpuPercent },
          },
        },
      ],
    },
  };

  const header =
    `# Generated by kiln deploy render: ${spec.model}@${spec.modelVersion} in ${spec.environment}.\n` +
    "# Do not edit by hand; the deploy workflow rewrites this file when the registry moves.\n";
  return (
    header + [deployment, service, autoscaler].map((doc) => stringify(doc, { lineWidth: 0 })).join("---\n")
  );
}

/** Whole CPUs in a Kubernetes CPU quantity ("2" → 2, "1500m" → 1, "250m" → 0); 0 when unreadable. */
export function wholeCpus(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(quantity.trim());
  if (match === null) return 0;
  const cores = Number(match[1]) / (match[2] === "m" ? 1000 : 1);
  return Math.floor(cores);
}
