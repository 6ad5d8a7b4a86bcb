/** Everything the handlers share: accounts, tokens, repositories, the app, ids and the webhook queue. */

import type { KeyObject } from "node:crypto";
import { randomBytes } from "node:crypto";
import { HttpError, notFound, timestamp } from "./http-kit.js";
import type { Account, Identity, Permission } from "./state.js";
import { RepositoryState } from "./state.js";
import type { WebhookQueue } from "./webhook-queue.js";

export interface AppSettings {
  id: number;
  slug: string;
  name: string;
  /** The app's public key (PEM or KeyObject); JWTs signed with its private key authenticate as the app. */
  publicKey: KeyObject | string;
  installationId: number;
}

export interface TeamMembership {
  role: "member" | "maintainer";
  state: "active" | "pending";
}

export class World {
  private nextIdValue = 1000;
  readonly accounts = new Map<string, Account>();
  readonly tokens = new Map<string, Identity>();
  /** Default permission of each user on every repository. */
  readonly permissions = new Map<string, Permission>();
  readonly repos = new Map<string, RepositoryState>();
  /** `org/team` → login → membership. */
  readonly teams = new Map<string, Map<string, TeamMembership>>();
  baseUrl = "";
  app: AppSettings | undefined;
  botAccount: Account | undefined;

  constructor(
    readonly webhooks: WebhookQueue,
    readonly assetsDir: string,
  ) {}

  nextId(): number {
    return this.nextIdValue++;
  }

  account(login: string, type: Account["type"] = "User"): Account {
    const existing = this.accounts.get(login.toLowerCase());
    if (existing !== undefined) return existing;
    const account: Account = { login, id: this.nextId(), type };
    this.accounts.set(login.toLowerCase(), account);
    return account;
  }

  issueToken(identity: Identity, prefix: string): string {
    const token = `${prefix}_${randomBytes(18).toString("base64url")}`;
    this.tokens.set(token, identity);
    return token;
  }

  repo(owner: string, name: string): RepositoryState {
    const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
    if (repo === undefined) throw notFound();
    return repo;
  }

  createRepo(owner: string, name: string, defaultBranch: string, isPrivate: boolean): RepositoryState {
    const key = `${owner}/${name}`.toLowerCase();
    if (this.repos.has(key)) throw new HttpError(422, `Repository ${owner}/${name} already exists`);
    const ownerAccount = this.accounts.get(owner.toLowerCase()) ?? this.account(owner, "Organization");
    const repo = new RepositoryState(
      this.nextId(),
      ownerAccount,
      name,
      defaultBranch,
      isPrivate,
      timestamp(),
    );
    this.repos.set(key, repo);
    return repo;
  }

  permissionOf(repo: RepositoryState, identity: Identity): Permission {
    if (identity.kind !== "user") return "admin";
    if (identity.account.login.toLowerCase() === repo.owner.login.toLowerCase()) return "admin";
    return (
      repo.permissions.get(identity.account.login.toLowerCase()) ??
      this.permissions.get(identity.account.login.toLowerCase()) ??
      "none"
    );
  }

  // URLs, as GitHub builds them, pointing at the stand-in.
  api(path: string): string {
    return `${this.baseUrl}${path}`;
  }
  html(path: string): string {
    return `${this.baseUrl}/_html${path}`;
  }
}
