/** Deployments and their statuses. */
import { emitDeployment, emitDeploymentStatus } from "../events.js";
import { field, HttpError, notFound, paginate, timestamp, validationFailed } from "../http-kit.js";
import { type Route, route } from "../route.js";
import { deploymentJson, deploymentStatusJson } from "../shapes.js";
import type { DeploymentRecord, DeploymentStatusRecord } from "../state.js";

const R = "/repos/{owner}/{repo}";
const STATES = ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"];

export const deploymentRoutes: Route[] = [
  route("POST", `${R}/deployments`, async (ctx) => {
    const { repo, world } = ctx;
    const body = await ctx.json();
    const ref = field(body, "ref", "string", "Deployment", true)!;
    const sha = repo.resolve(ref);
    if (sha === undefined) throw new HttpError(422, `No ref found for: ${ref}`);
    const environment = field(body, "environment", "string", "Deployment", false) ?? "production";
    const payload = body.payload ?? {};
    if (typeof payload !== "object" && typeof payload !== "string") {
      throw validationFailed({ resource: "Deployment", field: "payload", code: "invalid" });
    }
    const now = timestamp();
    const deployment: DeploymentRecord = {
      id: world.nextId(),
      sha,
      ref,
      task: field(body, "task", "string", "Deployment", false) ?? "deploy",
      environment,
      originalEnvironment: environment,
      description: field(body, "description", "string", "Deployment", false) ?? null,
      payload: payload as Record<string, unknown> | string,
      creator: ctx.identity.account,
      createdAt: now,
      updatedAt: now,
      transientEnvironment: field(body, "transient_environment", "boolean", "Deployment", false) ?? false,
      productionEnvironment:
        field(body, "production_environment", "boolean", "Deployment", false) ?? environment === "production",
      statuses: [],
    };
    repo.deployments.set(deployment.id, deployment);
    emitDeployment(world, repo, deployment, ctx.identity.account);
    return { status: 201, body: deploymentJson(world, repo, deployment) };
  }),

  route("GET", `${R}/deployments`, ({ world, repo, url }) => {
    const filters = ["sha", "ref", "task", "environment"] as const;
    const deployments = [...repo.deployments.values()]
      .filter((d) =>
        filters.every((f) => {
          const wanted = url.searchParams.get(f);
          return wanted === null || d[f] === wanted;
        }),
      )
      .sort((a, b) => b.id - a.id);
    const { page, headers } = paginate(url, deployments);
    return { status: 200, body: page.map((d) => deploymentJson(world, repo, d)), headers };
  }),

  route("GET", `${R}/deployments/{deployment_id}`, ({ world, repo, params }) => {
    const deployment = repo.deployments.get(Number(params.deployment_id));
    if (deployment === undefined) throw notFound();
    return { status: 200, body: deploymentJson(world, repo, deployment) };
  }),

  route("POST", `${R}/deployments/{deployment_id}/statuses`, async (ctx) => {
    const { repo, world } = ctx;
    const deployment = repo.deployments.get(Number(ctx.params.deployment_id));
    if (deployment === undefined) throw notFound();
    const body = await ctx.json();
    const state = field(body, "state", "string", "DeploymentStatus", true)!;
    if (!STATES.includes(state))
      throw validationFailed({ resource: "DeploymentStatus", field: "state", code: "invalid" });
    const environment =
      field(body, "environment", "string", "DeploymentStatus", false) ?? deployment.environment;
    const targetUrl =
      field(body, "target_url", "string", "DeploymentStatus", false) ??
      world.html(`/${repo.fullName}/deployments/${encodeURIComponent(environment)}`);
    const status: DeploymentStatusRecord = {
      id: world.nextId(),
      state,
      description: field(body, "description", "string", "DeploymentStatus", false) ?? "",
      environment,
      targetUrl,
      logUrl: field(body, "log_url", "string", "DeploymentStatus", false) ?? targetUrl,
      environmentUrl: field(body, "environment_url", "string", "DeploymentStatus", false) ?? "",
      creator: ctx.identity.account,
      createdAt: timestamp(),
    };
    deployment.environment = environment;
    deployment.statuses.push(status);
    deployment.updatedAt = status.createdAt;
    const autoInactive = field(body, "auto_inactive", "boolean", "DeploymentStatus", false) ?? true;
    if (state === "success" && autoInactive) {
      // GitHub marks earlier non-transient deployments to the same environment inactive
      for (const other of repo.deployments.values()) {
        if (other.id === deployment.id || other.environment !== environment || other.transientEnvironment)
          continue;
        const last = other.statuses.at(-1);
        if (last === undefined || last.state === "inactive") continue;
        other.statuses.push({ ...last, id: world.nextId(), state: "inactive", createdAt: status.createdAt });
      }
    }
    emitDeploymentStatus(world, repo, deployment, status, ctx.identity.account);
    return { status: 201, body: deploymentStatusJson(world, repo, deployment, status) };
  }),

  route("GET", `${R}/deployments/{deployment_id}/statuses`, ({ world, repo, params, url }) => {
    const deployment = repo.deployments.get(Number(params.deployment_id));
    if (deployment === undefined) throw notFound();
    const statuses = [...deployment.statuses].reverse();
    const { page, headers } = paginate(url, statuses);
    return { status: 200, body: page.map((s) => deploymentStatusJson(world, repo, deployment, s)), headers };
  }),
];
