/**
 * The one factory for Octokit clients: `@octokit/rest` with the retry and throttling plugins,
 * pointed at `GITHUB_API_URL` when set (GitHub Enterprise Server, or the local stand-in in tests).
 * Called at the edges (CLI, actions, bot); business code receives the client.
 */
import { createAppAuth } from "@octokit/auth-app";
import { retry as retryPlugin } from "@octokit/plugin-retry";
import { type ThrottlingOptions, throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { UsageError } from "../errors.js";
import type { Logger } from "../logger.js";
import { kilnVersion } from "../version.js";

export const KilnOctokit = Octokit.plugin(retryPlugin, throttling);
export type KilnOctokit = InstanceType<typeof KilnOctokit>;

/** Authenticate as a GitHub App installation (the bot). */
export interface AppAuthSettings {
  appId: number | string;
  /** The app's private key, PEM. */
  privateKey: string;
  installationId: number;
}

export interface OctokitFactoryOptions {
  /** A personal, OAuth or installation token; defaults to env GITHUB_TOKEN. */
  token?: string;
  /** Authenticate as an app installation instead of with a token. */
  appAuth?: AppAuthSettings;
  /** API root; defaults to env GITHUB_API_URL, then https://api.github.com. */
  baseUrl?: string;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
  /** Retry 5xx and network failures (plugin-retry). Default true; tests turn it off. */
  retry?: boolean;
  /** Respect primary and secondary rate limits (plugin-throttling). Default true; tests turn it off. */
  throttle?: boolean;
  /** How many times a rate-limited request is retried before failing. Default 2. */
  rateLimitRetries?: number;
}

export const DEFAULT_GITHUB_API_URL = "https://api.github.com";

export function resolveBaseUrl(options: Pick<OctokitFactoryOptions, "baseUrl" | "env">): string {
  const raw = options.baseUrl ?? options.env.GITHUB_API_URL ?? DEFAULT_GITHUB_API_URL;
  const trimmed = raw.trim().replace(/\/+$/, "");
  try {
    const url = new URL(trimmed);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
  } catch {
    throw new UsageError(`GitHub API URL '${raw}' is not an http(s) URL.`, {
      hint: "Set GITHUB_API_URL to e.g. https://api.github.com or https://ghe.example.com/api/v3.",
    });
  }
  return trimmed;
}

interface RateLimitedRequest {
  method: string;
  url: string;
}

export function createOctokit(options: OctokitFactoryOptions): KilnOctokit {
  const baseUrl = resolveBaseUrl(options);
  const { logger } = options;
  const maxRetries = options.rateLimitRetries ?? 2;
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: RateLimitedRequest, _octokit: unknown, retryCount: number): boolean => {
      const willRetry = retryCount < maxRetries;
      logger.warn(
        `GitHub ${kind} rate limit hit on ${request.method} ${request.url}; ${
          willRetry ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${maxRetries})` : "giving up"
        }.`,
      );
      return willRetry;
    };
  const throttle: ThrottlingOptions =
    options.throttle === false
      ? { enabled: false }
      : { onRateLimit: onLimit("primary"), onSecondaryRateLimit: onLimit("secondary") };
  const retry = options.retry === false ? { enabled: false } : { enabled: true };
  const userAgent = `kiln/${kilnVersion}`;
  const log = {
    debug: (message: string) => logger.debug(message),
    info: (message: string) => logger.debug(message),
    warn: (message: string) => logger.warn(message),
    error: (message: string) => logger.error(message),
  };

  if (options.appAuth !== undefined) {
    return new KilnOctokit({
      authStrategy: createAppAuth,
      auth: {
        appId: options.appAuth.appId,
        privateKey: options.appAuth.privateKey,
        installationId: options.appAuth.installationId,
      },
      baseUrl,
      userAgent,
      log,
      throttle,
      retry,
    });
  }
  const token = options.token ?? options.env.GITHUB_TOKEN;
  if (token === undefined || token.trim() === "") {
    throw new UsageError("No GitHub token: pass one or set GITHUB_TOKEN.", {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression shown to the user
      hint: "In a workflow, add `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` or the action's token input.",
    });
  }
  return new KilnOctokit({ auth: token.trim(), baseUrl, userAgent, log, throttle, retry });
}
