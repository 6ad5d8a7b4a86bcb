/** Every route the stand-in serves: the single source for the server and the conformance test. */
import { accountRoutes } from "./handlers/accounts.js";
import { checkRoutes } from "./handlers/checks.js";
import { contentsRoutes } from "./handlers/contents.js";
import { deploymentRoutes } from "./handlers/deployments.js";
import { gitRoutes } from "./handlers/git.js";
import { issueRoutes } from "./handlers/issues.js";
import { pullRoutes } from "./handlers/pulls.js";
import { downloadRoutes, releaseRoutes } from "./handlers/releases.js";
import { matchPath, type Route } from "./route.js";

export const routeTable: readonly Route[] = [
  ...accountRoutes,
  ...gitRoutes,
  ...contentsRoutes,
  ...releaseRoutes,
  ...downloadRoutes,
  ...pullRoutes,
  ...checkRoutes,
  ...issueRoutes,
  ...deploymentRoutes,
];

function literalSegments(template: string): number {
  return template.split("/").filter((s) => s !== "" && !s.startsWith("{")).length;
}

/** The route for a request; among several matches, the one with the most literal segments wins. */
export function findRoute(
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | undefined {
  let best: { route: Route; params: Record<string, string> } | undefined;
  for (const candidate of routeTable) {
    if (candidate.method !== method) continue;
    const params = matchPath(candidate.path, pathname);
    if (params === undefined) continue;
    if (best === undefined || literalSegments(candidate.path) > literalSegments(best.route.path)) {
      best = { route: candidate, params };
    }
  }
  return best;
}

export function routeKey(route: Pick<Route, "method" | "path">): string {
  return `${route.method} ${route.path}`;
}
