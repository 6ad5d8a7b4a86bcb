/**
 * What a deployment of one model to one environment consists of: the input of the manifest
 * renderer. Everything is resolved beforehand (the model version and its digest from the
 * registry, the image digest from the build), so rendering is a pure function.
 */
import type { PinnedImage } from "./image-reference.js";

export interface DeploymentSpec {
  model: string;
  /** The environment, e.g. `production`; part of the object names and labels. */
  environment: string;
  /** The model version served, pinned: the server refuses bytes with another digest. */
  modelVersion: string;
  /** sha256 of the model artifact, hex. */
  modelSha256: string;
  image: PinnedImage;
  /** The store the container reads the registry from and logs predictions to (KILN_STORE). */
  storeUrl: string;
  /** A Secret with the store's credentials (AWS_ACCESS_KEY_ID, …), mounted as environment; optional. */
  storeSecret?: string;
  namespace?: string;
  /** Container port of the V2 API and /metrics. */
  port: number;
  replicas: { min: number; max: number };
  /** Target average CPU utilisation for the autoscaler, percent. */
  targetCpuPercent: number;
  resources: { cpu: string; memory: string; memoryLimit: string };
  /** Seconds Kubernetes waits after SIGTERM; the server drains within it. */
  terminationGraceSeconds: number;
}

export const defaultDeployment = {
  port: 8080,
  replicas: { min: 2, max: 10 },
  targetCpuPercent: 70,
  resources: { cpu: "250m", memory: "256Mi", memoryLimit: "512Mi" },
  terminationGraceSeconds: 45,
} as const;

/** Environments whose model version follows a registry stage by default. */
export const environmentStages: Readonly<Record<string, string>> = {
  production: "production",
  staging: "staging",
};
