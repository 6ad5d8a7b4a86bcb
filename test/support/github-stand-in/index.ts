/**
 * A local, stateful stand-in for GitHub's REST API (and its webhooks), for tests. Real Octokit,
 * `@actions/github`'s `getOctokit` (with GITHUB_API_URL) and a real Probot server talk to it
 * unchanged over HTTP on 127.0.0.1. See README.md beside this file for the helpers.
 */
import { type KeyObject, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emitCheckRun } from "./events.js";
import { FaultInjector, type FaultSpec } from "./fault-injection.js";
import type { GitCommit } from "./git-objects.js";
import { commitToBranch, personOf, updateRef } from "./ref-updates.js";
import { type Exchange, handleRequest, type Pipeline } from "./server.js";
import type { Account, Permission, RepositoryState } from "./state.js";
import { type Delivery, WebhookQueue, type WebhookSubscriber } from "./webhook-queue.js";
import { type TeamMembership, World } from "./world.js";

export { webhookKinds } from "./events.js";
export { routeTable } from "./route-table.js";
export type { Delivery, Exchange, FaultSpec, Permission, RepositoryState, WebhookSubscriber };

export interface StandInAppOptions {
  /** The app's id (the JWT's `iss`); default 1. */
  id?: number;
  /** The app's slug; its bot user is `<slug>[bot]`. Default "kiln-bot". */
  slug?: string;
  name?: string;
  /** Public half of the key the app signs its JWTs with. */
  publicKey: KeyObject | string;
  /** The one installation (on every repository); default 1. */
  installationId?: number;
}

export interface StandInOptions {
  /** Where to deliver webhooks; can be set later with `setWebhook`. */
  webhook?: WebhookSubscriber;
  /** A GitHub App that can authenticate with JWTs and get installation tokens. */
  app?: StandInAppOptions;
  /** Record every answered request in `exchanges` (the conformance test reads them). Default false. */
  recordExchanges?: boolean;
}

export interface CreateRepoOptions {
  defaultBranch?: string;
  /** Files of the first commit; default a README.md. */
  files?: Record<string, string | Buffer>;
  private?: boolean;
}

export interface AddUserOptions {
  /** The user's permission on every repository (override per repo with setPermission). Default "write". */
  permission?: Permission;
  /** The token that identifies the user; generated when absent. */
  token?: string;
  /** "Bot" for a bot user (e.g. github-actions[bot], whose tokens may write check runs). Default "User". */
  type?: "User" | "Bot";
}

export interface StandInUser {
  login: string;
  id: number;
  token: string;
}

export interface PushOptions {
  message?: string;
  /** Login of the pusher (must exist); default the repository owner. */
  as?: string;
}

export interface GitHubStandIn {
  /** API root, e.g. http://127.0.0.1:PORT: Octokit's `baseUrl`, GITHUB_API_URL, Probot's `baseUrl`. */
  readonly baseUrl: string;
  /** Uploads root (GitHub's https://uploads.github.com); releases' `upload_url` already points here. */
  readonly uploadsUrl: string;
  /** The app, when configured. */
  readonly app: { id: number; slug: string; installationId: number; botLogin: string } | undefined;
  /** Every webhook event the stand-in raised, in order, with the subscriber's answer. */
  readonly deliveries: readonly Delivery[];
  /** Every answered request, when `recordExchanges` is on. */
  readonly exchanges: readonly Exchange[];
  /** Errors thrown inside handlers (answered 500); a test can assert it stays empty. */
  readonly serverErrors: readonly unknown[];

  createRepo(
    owner: string,
    name: string,
    options?: CreateRepoOptions,
  ): { owner: string; repo: string; headSha: string };
  addUser(login: string, options?: AddUserOptions): StandInUser;
  setPermission(fullName: string, login: string, permission: Permission): void;
  addTeamMember(org: string, teamSlug: string, login: string, membership?: Partial<TeamMembership>): void;
  /** A token of the app's installation (identity `<slug>[bot]`), without going through a JWT. */
  createInstallationToken(): string;

  /** The repository's state, for assertions (refs, releases, issues, comments, check runs...). */
  repository(owner: string, name: string): RepositoryState;
  /** The commit sha a branch, tag, full ref or sha points at. */
  refSha(owner: string, name: string, ref: string): string | undefined;
  /** A file's text at a ref (default: the default branch), or undefined. */
  readFile(owner: string, name: string, path: string, ref?: string): string | undefined;
  /** Commit files (null deletes) on a branch as a push; raises push and pull_request synchronize webhooks. */
  push(
    owner: string,
    name: string,
    branch: string,
    files: Record<string, string | Buffer | null>,
    options?: PushOptions,
  ): GitCommit;
  /** Create a branch at a ref (raises create and push). */
  createBranch(owner: string, name: string, branch: string, from?: string): string;
  /** Raise check_run `rerequested` for a check run (as when a user clicks "Re-run"). */
  rerequestCheckRun(owner: string, name: string, checkRunId: number, as?: string): void;

  setWebhook(subscriber: WebhookSubscriber | undefined): void;
  /** Turn deliveries off (events are still logged, with status "skipped"). */
  setWebhooksEnabled(enabled: boolean): void;
  /** Resolves once every queued delivery has been answered. */
  waitForIdle(): Promise<void>;
  /** Make the next matching request(s) fail. */
  failNext(fault: FaultSpec): void;
  clearFaults(): void;

  stop(): Promise<void>;
}

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const assetsDir = await mkdtemp(join(tmpdir(), "github-stand-in-"));
  const webhooks = new WebhookQueue();
  webhooks.subscriber = options.webhook;
  const world = new World(webhooks, assetsDir);
  if (options.app !== undefined) {
    const slug = options.app.slug ?? "kiln-bot";
    world.app = {
      id: options.app.id ?? 1,
      slug,
      name: options.app.name ?? slug,
      publicKey: options.app.publicKey,
      installationId: options.app.installationId ?? 1,
    };
    world.botAccount = world.account(`${slug}[bot]`, "Bot");
    webhooks.appId = world.app.id;
  }
  const pipeline: Pipeline = {
    world,
    faults: new FaultInjector(),
    exchanges: options.recordExchanges ? [] : undefined,
    serverErrors: [],
  };
  const server: Server = createServer((req, res) => {
    void handleRequest(pipeline, req, res);
  });
  // longer than clients keep idle sockets (undici: server timeout minus 2 s), so the client always closes first
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  world.baseUrl = `http://127.0.0.1:${port}`;

  const accountOf = (login: string | undefined, repo: RepositoryState): Account => {
    if (login === undefined) return repo.owner;
    const account = world.accounts.get(login.toLowerCase());
    if (account === undefined)
      throw new Error(`stand-in: unknown user '${login}'; add it with addUser first`);
    return account;
  };

  const standIn: GitHubStandIn = {
    baseUrl: world.baseUrl,
    uploadsUrl: `${world.baseUrl}/uploads`,
    app:
      world.app === undefined
        ? undefined
        : {
            id: world.app.id,
            slug: world.app.slug,
            installationId: world.app.installationId,
            botLogin: world.botAccount!.login,
          },
    deliveries: webhooks.log,
    exchanges: pipeline.exchanges ?? [],
    serverErrors: pipeline.serverErrors,

    createRepo(owner, name, repoOptions = {}) {
      const repo = world.createRepo(
        owner,
        name,
        repoOptions.defaultBranch ?? "main",
        repoOptions.private ?? false,
      );
      const files = repoOptions.files ?? { "README.md": `# ${name}\n` };
      const tree = new Map<string, string>();
      for (const [path, content] of Object.entries(files)) {
        tree.set(path, repo.git.putBlob(typeof content === "string" ? Buffer.from(content) : content));
      }
      const who = personOf(repo.owner);
      const commit = repo.git.putCommit({
        tree: repo.git.putTree(tree),
        parents: [],
        message: "Initial commit",
        author: who,
        committer: who,
      });
      repo.refs.set(`refs/heads/${repo.defaultBranch}`, commit.sha);
      return { owner: repo.owner.login, repo: repo.name, headSha: commit.sha };
    },

    addUser(login, userOptions = {}) {
      const account = world.account(login, userOptions.type ?? "User");
      // an owner first met through createRepo was taken for an organization: it is a user after all
      account.type = userOptions.type ?? "User";
      world.permissions.set(login.toLowerCase(), userOptions.permission ?? "write");
      const token = userOptions.token ?? `ghp_${randomBytes(18).toString("base64url")}`;
      world.tokens.set(token, { account, kind: "user" });
      return { login: account.login, id: account.id, token };
    },

    setPermission(fullName, login, permission) {
      const [owner, name] = fullName.split("/");
      world.repo(owner ?? "", name ?? "").permissions.set(login.toLowerCase(), permission);
    },

    addTeamMember(org, teamSlug, login, membership = {}) {
      const key = `${org}/${teamSlug}`.toLowerCase();
      const team = world.teams.get(key) ?? new Map<string, TeamMembership>();
      team.set(login.toLowerCase(), {
        role: membership.role ?? "member",
        state: membership.state ?? "active",
      });
      world.teams.set(key, team);
    },

    createInstallationToken() {
      if (world.botAccount === undefined)
        throw new Error("stand-in: no app configured (pass `app` to startGitHubStandIn)");
      return world.issueToken({ account: world.botAccount, kind: "installation" }, "ghs");
    },

    repository: (owner, name) => world.repo(owner, name),
    refSha: (owner, name, ref) => world.repo(owner, name).resolve(ref),
    readFile(owner, name, path, ref) {
      const repo = world.repo(owner, name);
      const sha = repo.resolve(ref ?? repo.defaultBranch);
      if (sha === undefined) return undefined;
      const blob = repo.git.treeOfCommit(sha).get(path);
      return blob === undefined ? undefined : repo.git.blobs.get(blob)?.toString("utf8");
    },

    push(owner, name, branch, files, pushOptions = {}) {
      const repo = world.repo(owner, name);
      const changes = new Map(
        Object.entries(files).map(([path, content]) => [
          path,
          content === null ? null : typeof content === "string" ? Buffer.from(content) : content,
        ]),
      );
      return commitToBranch(
        world,
        repo,
        branch,
        changes,
        pushOptions.message ?? `Update ${Object.keys(files).join(", ")}`,
        accountOf(pushOptions.as, repo),
      );
    },

    createBranch(owner, name, branch, from) {
      const repo = world.repo(owner, name);
      const sha = repo.resolve(from ?? repo.defaultBranch);
      if (sha === undefined) throw new Error(`stand-in: unknown ref '${from}' in ${repo.fullName}`);
      updateRef(world, repo, `refs/heads/${branch}`, sha, repo.owner);
      return sha;
    },

    rerequestCheckRun(owner, name, checkRunId, as) {
      const repo = world.repo(owner, name);
      const run = repo.checkRuns.get(checkRunId);
      if (run === undefined) throw new Error(`stand-in: no check run ${checkRunId} in ${repo.fullName}`);
      emitCheckRun(world, repo, "rerequested", run, accountOf(as, repo));
    },

    setWebhook(subscriber) {
      webhooks.subscriber = subscriber;
    },
    setWebhooksEnabled(enabled) {
      webhooks.enabled = enabled;
    },
    waitForIdle: () => webhooks.waitForIdle(),
    failNext: (fault) => pipeline.faults.add(fault),
    clearFaults: () => pipeline.faults.clear(),

    async stop() {
      await webhooks.waitForIdle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(assetsDir, { recursive: true, force: true });
    },
  };
  return standIn;
}
