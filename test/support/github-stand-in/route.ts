/** A route of the stand-in: method, path template (OpenAPI form), who may call it, and its handler. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "./http-kit.js";
import type { Identity, Permission, RepositoryState } from "./state.js";
import type { World } from "./world.js";

export interface RouteContext {
  world: World;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Readonly<Record<string, string>>;
  /** The caller; undefined only on routes with `auth: "none"`. */
  identity: Identity;
  /** The repository of a `/repos/{owner}/{repo}/...` route. */
  repo: RepositoryState;
  /** The JSON body (parsed once). */
  json(): Promise<Record<string, unknown>>;
  /** The JSON body as sent (GitHub accepts a bare array on a few routes). */
  jsonValue(): Promise<unknown>;
}

export interface Route {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path template with `{name}` parameters; a trailing `{ref}` or `{path}` may span several segments. */
  path: string;
  /**
   * The GitHub REST operation this route serves, as `path` in GitHub's OpenAPI description; `false`
   * for the stand-in's own routes (downloads) that GitHub serves from other hosts.
   */
  openapi: string | false;
  /** `token`: a user or installation token; `jwt`: the app's JWT; `none`: anyone (signed download URLs). */
  auth: "token" | "jwt" | "none";
  /** Least permission on the repository for this call (repository routes). GET needs read, others write by default. */
  permission?: Permission;
  handle(ctx: RouteContext): Promise<Reply> | Reply;
}

export function route(
  method: Route["method"],
  path: string,
  handle: Route["handle"],
  options: { openapi?: string | false; auth?: Route["auth"]; permission?: Permission } = {},
): Route {
  const result: Route = {
    method,
    path,
    openapi: options.openapi ?? path,
    auth: options.auth ?? "token",
    handle,
  };
  if (options.permission !== undefined) result.permission = options.permission;
  return result;
}

const GREEDY = new Set(["ref", "path"]);

/** Match a path against a template; returns decoded parameters, or undefined. */
export function matchPath(template: string, pathname: string): Record<string, string> | undefined {
  const t = template.split("/").filter((s) => s !== "");
  const p = pathname.split("/").filter((s) => s !== "");
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const segment = t[i]!;
    const value = p[i];
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (value === undefined) {
      // a trailing {path} may be empty: GET /repos/{owner}/{repo}/contents[/] lists the root
      if (name === "path" && i === t.length - 1) {
        params[name] = "";
        return params;
      }
      return undefined;
    }
    if (name === undefined) {
      if (segment !== value) return undefined;
      continue;
    }
    if (i === t.length - 1 && GREEDY.has(name)) {
      params[name] = p.slice(i).map(decodeURIComponent).join("/");
      return params;
    }
    params[name] = decodeURIComponent(value);
  }
  return p.length === t.length ? params : undefined;
}
