/**
 * The one place where Octokit's errors (RequestError) and fetch failures become Kiln errors.
 * Code that calls Octokit wraps the call with `callGitHub`, or converts in its own catch with
 * `toGitHubError`; nothing above this boundary inspects an Octokit error.
 */
import { GitHubApiError, NotFoundError } from "../errors.js";

export interface GitHubErrorOptions {
  /**
   * When set, a 404 becomes a NotFoundError with this message (for look-ups where absence is an
   * answer the caller handles: "release kiln/iris@v1.0.0 does not exist").
   */
  notFound?: string;
  /** The endpoint to name when the error does not carry its request ("GET /repos/{owner}/{repo}"). */
  endpoint?: string;
}

/** The shape of Octokit's RequestError that this module reads. Narrowed structurally. */
interface RequestErrorLike {
  status: number;
  message: string;
  request?: { method?: string; url?: string };
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
}

function isRequestErrorLike(error: unknown): error is Error & RequestErrorLike {
  return error instanceof Error && typeof (error as { status?: unknown }).status === "number";
}

function endpointOf(request: RequestErrorLike["request"], fallback: string | undefined): string {
  if (request?.method === undefined || request.url === undefined) return fallback ?? "GitHub API";
  let path = request.url;
  try {
    path = new URL(request.url).pathname;
  } catch {
    // a relative url: keep it as it is
  }
  return `${request.method.toUpperCase()} ${path}`;
}

/** GitHub's error body: `{message, errors?: [{resource, field, code, message}], documentation_url}`. */
function githubMessage(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null) return typeof data === "string" && data ? data : undefined;
  const record = data as Record<string, unknown>;
  const message = typeof record.message === "string" ? record.message : undefined;
  const details = Array.isArray(record.errors)
    ? record.errors
        .map((entry: unknown) => {
          if (typeof entry === "string") return entry;
          if (typeof entry !== "object" || entry === null) return undefined;
          const e = entry as Record<string, unknown>;
          if (typeof e.message === "string") return e.message;
          const parts = [e.resource, e.field, e.code].filter((p): p is string => typeof p === "string");
          return parts.length > 0 ? parts.join(" ") : undefined;
        })
        .filter((d): d is string => d !== undefined)
    : [];
  if (message === undefined) return details.length > 0 ? details.join("; ") : undefined;
  return details.length > 0 ? `${message} (${details.join("; ")})` : message;
}

function hintFor(status: number): string | undefined {
  if (status === 401) return "Check the token: it is missing, expired or revoked.";
  if (status === 403)
    return "The token lacks a permission this call needs, or a rate limit was hit; check the workflow's permissions.";
  if (status === 404)
    return "Check the repository name and that the token can see it (a private repository answers 404 to tokens without access).";
  if (status >= 500) return "GitHub failed to answer; retry later.";
  return undefined;
}

function causeMessage(error: unknown): string {
  let current: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  // fetch failures wrap the socket error (ECONNREFUSED, ENOTFOUND) in `cause`
  for (let depth = 0; depth < 4 && current instanceof Error && current.cause !== undefined; depth++) {
    current = current.cause;
    if (current instanceof Error && current.message) message = current.message;
  }
  return message;
}

/** Convert anything an Octokit call threw into a Kiln error. Kiln errors pass through unchanged. */
export function toGitHubError(
  error: unknown,
  options: GitHubErrorOptions = {},
): GitHubApiError | NotFoundError {
  if (error instanceof GitHubApiError || error instanceof NotFoundError) return error;
  if (isRequestErrorLike(error)) {
    const endpoint = endpointOf(error.request, options.endpoint);
    if (error.response === undefined) {
      // Octokit reports a failed fetch (connection refused, DNS, reset) as a RequestError without a response.
      return new GitHubApiError(
        `could not reach GitHub for ${endpoint}: ${causeMessage(error)}.`,
        { endpoint },
        { cause: error, hint: "Check GITHUB_API_URL and the network." },
      );
    }
    const status = error.status;
    if (status === 404 && options.notFound !== undefined) {
      return new NotFoundError(options.notFound, { cause: error });
    }
    const message = githubMessage(error.response.data) ?? error.message;
    const hint = hintFor(status);
    return new GitHubApiError(
      `GitHub API ${endpoint} failed with ${status}: ${message}.`.replace(/\.\.$/, "."),
      { status, endpoint },
      hint === undefined ? { cause: error } : { cause: error, hint },
    );
  }
  const endpoint = options.endpoint ?? "GitHub API";
  return new GitHubApiError(
    `could not reach GitHub for ${endpoint}: ${causeMessage(error)}.`,
    { endpoint },
    { cause: error, hint: "Check GITHUB_API_URL and the network." },
  );
}

/** Await an Octokit call, converting its failure once. */
export async function callGitHub<T>(call: () => Promise<T>, options: GitHubErrorOptions = {}): Promise<T> {
  try {
    return await call();
  } catch (error: unknown) {
    throw toGitHubError(error, options);
  }
}
