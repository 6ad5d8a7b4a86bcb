/** The request pipeline: route, injected faults, authentication, repository access, handler, GitHub-shaped errors. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { looksLikeJwt, verifyAppJwt } from "./app-jwt.js";
import type { FaultInjector } from "./fault-injection.js";
import { HttpError, notFound, parseJsonBody, type Reply, readBody, STREAMED, send } from "./http-kit.js";
import type { Route, RouteContext } from "./route.js";
import { findRoute } from "./route-table.js";
import { type Identity, permissionAtLeast, type RepositoryState } from "./state.js";
import type { World } from "./world.js";

/** One answered request, recorded for the conformance test. */
export interface Exchange {
  method: string;
  /** The route template, or undefined for an unknown route. */
  route: string | undefined;
  openapi: string | false | undefined;
  path: string;
  status: number;
  /** The JSON body; undefined for no body and for raw bytes (see `raw`). */
  body: unknown;
  /** True when the answer was bytes (raw contents, asset downloads), not JSON. */
  raw: boolean;
}

const ANONYMOUS: Identity = { account: { login: "anonymous", id: 0, type: "User" }, kind: "user" };

const STATUS_MESSAGES: Record<number, string> = {
  400: "Bad Request",
  401: "Bad credentials",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  422: "Validation Failed",
  429: "Too Many Requests",
  500: "Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^(?:token|bearer)\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim();
}

function authenticate(world: World, route: Route, req: IncomingMessage): Identity {
  if (route.auth === "none") return ANONYMOUS;
  const token = bearer(req);
  if (route.auth === "jwt") {
    if (world.app === undefined) throw new HttpError(404, "Not Found");
    if (token === undefined) throw new HttpError(401, "A JSON web token could not be decoded");
    if (!looksLikeJwt(token)) throw new HttpError(401, "A JSON web token could not be decoded");
    verifyAppJwt(token, world.app);
    return { account: world.botAccount!, kind: "app" };
  }
  if (token === undefined) throw new HttpError(401, "Requires authentication");
  const identity = world.tokens.get(token);
  if (identity === undefined) throw new HttpError(401, "Bad credentials");
  return identity;
}

function authorize(world: World, route: Route, repo: RepositoryState, identity: Identity): void {
  if (route.auth !== "token") return;
  let permission = world.permissionOf(repo, identity);
  if (permission === "none") {
    if (repo.isPrivate) throw notFound();
    permission = "read";
  }
  const needed = route.permission ?? (route.method === "GET" ? "read" : "write");
  if (!permissionAtLeast(permission, needed)) {
    throw new HttpError(
      403,
      needed === "write" ? "Must have push access to repository" : "Must have triage access to repository",
    );
  }
}

export interface Pipeline {
  world: World;
  faults: FaultInjector;
  exchanges: Exchange[] | undefined;
  serverErrors: unknown[];
}

export async function handleRequest(
  pipeline: Pipeline,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { world, faults } = pipeline;
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", world.baseUrl);
  const found = findRoute(method, url.pathname);
  const record = (status: number, body: unknown, raw = false): void => {
    pipeline.exchanges?.push({
      method,
      route: found?.route.path,
      openapi: found?.route.openapi,
      path: url.pathname,
      status,
      body,
      raw,
    });
  };
  const reply = (answer: Reply): void => {
    record(answer.status, answer.body, answer.raw !== undefined);
    send(res, answer);
  };
  try {
    const fault = faults.take(method, found?.route.path, url.pathname);
    if (fault !== undefined) {
      req.resume();
      if (fault.dropConnection) {
        req.socket.destroy();
        return;
      }
      const status = fault.status ?? 500;
      throw new HttpError(
        status,
        fault.message ?? STATUS_MESSAGES[status] ?? "Error",
        {},
        fault.headers ?? {},
      );
    }
    if (found === undefined) throw notFound();
    const { route, params } = found;
    const identity = authenticate(world, route, req);
    let repo: RepositoryState | undefined;
    if (params.owner !== undefined && params.repo !== undefined) {
      repo = world.repo(params.owner, params.repo);
      authorize(world, route, repo, identity);
    }
    let parsed: unknown;
    let read = false;
    const jsonValue = async (): Promise<unknown> => {
      if (!read) {
        const raw = await readBody(req);
        read = true;
        if (raw.length === 0) parsed = {};
        else {
          try {
            parsed = JSON.parse(raw.toString("utf8"));
          } catch {
            throw new HttpError(400, "Problems parsing JSON");
          }
        }
      }
      return parsed;
    };
    const ctx: RouteContext = {
      world,
      req,
      res,
      url,
      params,
      identity,
      get repo(): RepositoryState {
        if (repo === undefined) throw notFound();
        return repo;
      },
      json: async () => {
        const value = await jsonValue();
        return parseJsonBody(Buffer.from(JSON.stringify(value ?? {})));
      },
      jsonValue,
    };
    const answer = await route.handle(ctx);
    if (!req.readableEnded) req.resume();
    if (answer === STREAMED) {
      record(200, undefined, true);
      return;
    }
    reply(answer);
  } catch (error: unknown) {
    if (!req.readableEnded) req.resume();
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof HttpError) {
      reply({ status: error.status, body: error.body(), headers: error.headers });
      return;
    }
    pipeline.serverErrors.push(error);
    reply({
      status: 500,
      body: { message: "Server Error", documentation_url: "https://docs.github.com/rest" },
    });
  }
}
