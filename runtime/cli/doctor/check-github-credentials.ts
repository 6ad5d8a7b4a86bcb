import { errorMessage } from "../../errors.js";
import type { DoctorCheckResult } from "./doctor-check.js";

type Env = Readonly<Record<string, string | undefined>>;

const defaultApiUrl = "https://api.github.com";

function describeFailure(status: number, body: unknown): string {
  const message =
    typeof body === "object" && body !== null && "message" in body && typeof body.message === "string"
      ? body.message
      : "";
  return `HTTP ${status}${message ? ` (${message})` : ""}`;
}

/**
 * GitHub credentials work, when there are any: with GITHUB_TOKEN or GH_TOKEN set, ask
 * `GET /repos/{GITHUB_REPOSITORY}` (and report the token's permissions on it) or, without a
 * repository, `GET /user` (and report the classic scopes from `x-oauth-scopes`). Without a token the
 * check is skipped, not failed. GITHUB_API_URL points at GitHub Enterprise or a local stand-in.
 */
export async function checkGitHubCredentials(env: Env, fetchFn: typeof fetch): Promise<DoctorCheckResult> {
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) {
    return {
      name: "github",
      status: "skip",
      summary: "skipped: neither GITHUB_TOKEN nor GH_TOKEN is set",
      hint: "Set GITHUB_TOKEN to check GitHub access (needed for releases, promotions and drift issues).",
    };
  }
  const tokenVariable = env.GITHUB_TOKEN ? "GITHUB_TOKEN" : "GH_TOKEN";
  const apiUrl = (env.GITHUB_API_URL || defaultApiUrl).replace(/\/+$/, "");
  const repository = env.GITHUB_REPOSITORY;
  const path = repository ? `/repos/${repository}` : "/user";
  const endpoint = `${apiUrl}${path}`;
  let response: Response;
  try {
    response = await fetchFn(endpoint, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: "application/vnd.github+json",
        "x-github-api-version": "2022-11-28",
        "user-agent": "kiln-doctor",
      },
    });
  } catch (error: unknown) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return {
      name: "github",
      status: "fail",
      summary: `cannot reach ${endpoint}: ${errorMessage(error)}${cause}`,
      hint: "Check GITHUB_API_URL and the network (GitHub Enterprise uses https://HOST/api/v3).",
      details: { endpoint },
    };
  }
  const body: unknown = await response.json().catch(() => undefined);
  const scopesHeader = response.headers.get("x-oauth-scopes");
  const scopes =
    scopesHeader === null
      ? undefined
      : scopesHeader
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
  if (!response.ok) {
    const hint =
      response.status === 401
        ? `GitHub rejected ${tokenVariable}; create a new token or fix the variable.`
        : response.status === 404 && repository
          ? `Repository ${repository} does not exist or ${tokenVariable} cannot see it; check GITHUB_REPOSITORY and the token's repository access.`
          : response.status === 403
            ? `${tokenVariable} may not read ${path}; give it access to the repository (contents: read at least).`
            : "Check GITHUB_API_URL and the token.";
    return {
      name: "github",
      status: "fail",
      summary: `GET ${path} with ${tokenVariable} failed: ${describeFailure(response.status, body)}`,
      hint,
      details: { endpoint, status: response.status },
    };
  }
  if (repository) {
    const permissions =
      typeof body === "object" &&
      body !== null &&
      "permissions" in body &&
      typeof body.permissions === "object"
        ? (body.permissions as Record<string, boolean>)
        : {};
    const granted = Object.entries(permissions)
      .filter(([, allowed]) => allowed === true)
      .map(([name]) => name);
    return {
      name: "github",
      status: "pass",
      summary: `${tokenVariable} can read ${repository}; permissions: ${granted.length > 0 ? granted.join(", ") : "none reported"}${scopes ? `; scopes: ${scopes.join(", ") || "none"}` : ""}`,
      details: { endpoint, repository, permissions, ...(scopes === undefined ? {} : { scopes }) },
    };
  }
  const login = typeof body === "object" && body !== null && "login" in body ? String(body.login) : "unknown";
  return {
    name: "github",
    status: "pass",
    summary: `${tokenVariable} authenticates as ${login}${scopes ? `; scopes: ${scopes.join(", ") || "none"}` : "; fine-grained token (no classic scopes)"}`,
    details: { endpoint, login, ...(scopes === undefined ? {} : { scopes }) },
  };
}
