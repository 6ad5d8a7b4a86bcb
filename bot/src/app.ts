import type { ApplicationFunction, Context, Probot } from "probot";
import { errorMessage, isKilnError } from "../../runtime/errors.js";
import type { Logger } from "../../runtime/logger.js";
import { handleKilnComment, type KilnCommand, kilnCommands } from "../../runtime/promotion/kiln-commands.js";
import { createOctokitPromotionPort } from "../../runtime/promotion/octokit-promotion-port.js";
import { promoteOnRegistration } from "../../runtime/promotion/promote-on-registration.js";
import type { PromotionGitHubPort } from "../../runtime/promotion/promotion-github-port.js";
import { promotionCheckName, publishPromotionCheck } from "../../runtime/promotion/review-promotion.js";
import type { ObjectStore } from "../../runtime/store/object-store.js";
import { driftCommandsFor } from "./handlers/drift-commands.js";
import { probotLogger } from "./probot-logger.js";
import { restOctokit } from "./rest-octokit.js";

export interface KilnAppOptions {
  /** The registry's store (opened once, on first use). */
  openStore: () => Promise<ObjectStore>;
  /** The app's own login, whose reviews never count; default `<slug>[bot]` from `GET /app`. */
  appLogin?: string;
  /** The `/kiln` commands; default `kilnCommands`. */
  commands?: Record<string, KilnCommand>;
  /** GitHub's web root for links in pull request bodies. */
  serverUrl?: string;
}

/** The events that (re)evaluate the promotion gate of a pull request. */
export const gateEvents = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.edited",
  "pull_request_review.submitted",
  "pull_request_review.edited",
  "pull_request_review.dismissed",
] as const;

/**
 * The Kiln Probot app: the `kiln/promotion` gate on pull requests that change `registry/`,
 * promotion pull requests after registrations, and `/kiln` commands. Every handler is a thin edge
 * over `runtime/promotion`; a repository without `.github/kiln.yml` on the base branch is left alone.
 */
export function kilnApp(options: KilnAppOptions): ApplicationFunction {
  let store: Promise<ObjectStore> | undefined;
  const openStore = () => {
    store ??= options.openStore();
    return store;
  };
  let appLogin: Promise<string> | undefined;
  const verifiedArtifacts = new Set<string>();

  return (app: Probot) => {
    const login = async (): Promise<string> => {
      if (options.appLogin !== undefined) return options.appLogin;
      appLogin ??= (async () => {
        try {
          const { data } = await (await app.auth()).request("GET /app");
          return `${(data as { slug?: string }).slug ?? "kiln"}[bot]`;
        } catch {
          return "github-actions[bot]";
        }
      })();
      return appLogin;
    };

    const deps = async (context: Context) => {
      const { owner, repo } = context.repo();
      const port: PromotionGitHubPort = createOctokitPromotionPort(restOctokit(context.octokit), {
        owner,
        repo,
      });
      const logger: Logger = probotLogger(context.log);
      return {
        port,
        store: await openStore(),
        logger,
        appLogin: await login(),
        verifiedArtifacts,
        ...(options.serverUrl === undefined ? {} : { serverUrl: options.serverUrl }),
      };
    };

    /** Run a handler; a Kiln error (GitHub down, a broken store) is logged once, not thrown at Probot. */
    const guarded =
      <E extends Context>(what: string, handler: (context: E) => Promise<void>) =>
      async (context: E) => {
        try {
          await handler(context);
        } catch (error: unknown) {
          if (!isKilnError(error)) throw error;
          context.log.error(`kiln: ${what} failed: ${errorMessage(error)}`);
        }
      };

    app.on(
      [...gateEvents],
      guarded("the promotion gate", async (context) => {
        const number = (context.payload as { pull_request: { number: number } }).pull_request.number;
        await publishPromotionCheck(await deps(context), number);
      }),
    );

    app.on(
      ["check_run.rerequested", "check_suite.rerequested"],
      guarded("the promotion gate (re-run)", async (context) => {
        const payload = context.payload as {
          check_run?: { name: string; head_sha: string; pull_requests: { number: number }[] };
          check_suite?: { head_sha: string; pull_requests: { number: number }[] };
        };
        if (payload.check_run !== undefined && payload.check_run.name !== promotionCheckName) return;
        const subject = payload.check_run ?? payload.check_suite;
        if (subject === undefined) return;
        const d = await deps(context);
        const numbers =
          subject.pull_requests.length > 0
            ? subject.pull_requests.map((p) => p.number)
            : await d.port.pullRequestsWithHead(subject.head_sha);
        for (const number of numbers) await publishPromotionCheck(d, number);
      }),
    );

    app.on(
      "release.published",
      guarded("the promotion pull request", async (context) => {
        await promoteOnRegistration(await deps(context), context.payload.release.tag_name);
      }),
    );

    app.on(
      "issue_comment.created",
      guarded("the /kiln command", async (context) => {
        const { comment, issue } = context.payload;
        if (comment.user?.type === "Bot" || !/^\s*\/kiln\b/m.test(comment.body)) return;
        await handleKilnComment(
          await deps(context),
          {
            body: comment.body,
            author: comment.user?.login ?? "ghost",
            issueNumber: issue.number,
            url: comment.html_url,
          },
          { ...(options.commands ?? kilnCommands), ...driftCommandsFor(context, options.serverUrl) },
        );
      }),
    );
  };
}
