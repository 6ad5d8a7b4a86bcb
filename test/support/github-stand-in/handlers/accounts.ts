/** Who is who: the token's user, the app and its installation, collaborator permissions, team memberships, workflow dispatches. */
import { field, HttpError, notFound, timestamp } from "../http-kit.js";
import { type Route, route } from "../route.js";
import { APP_PERMISSIONS, appJson, installationJson, repositoryJson, userJson } from "../shapes.js";

const R = "/repos/{owner}/{repo}";

/** The legacy `permission` field folds maintain into write and triage into read. */
const LEGACY = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
  none: "none",
} as const;

export const accountRoutes: Route[] = [
  route("GET", R, ({ world, repo }) => ({ status: 200, body: repositoryJson(world, repo) })),

  route("GET", "/user", ({ world, identity }) => {
    if (identity.kind !== "user") throw new HttpError(403, "Resource not accessible by integration");
    return {
      status: 200,
      body: {
        ...userJson(world, identity.account),
        name: identity.account.login,
        company: null,
        blog: "",
        location: null,
        email: null,
        hireable: null,
        bio: null,
        twitter_username: null,
        public_repos: 0,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: "2024-01-01T00:00:00Z",
        updated_at: "2024-01-01T00:00:00Z",
      },
    };
  }),

  route("GET", "/app", ({ world }) => ({ status: 200, body: appJson(world) }), { auth: "jwt" }),

  route("GET", `${R}/installation`, ({ world }) => ({ status: 200, body: installationJson(world) }), {
    auth: "jwt",
  }),

  route(
    "POST",
    "/app/installations/{installation_id}/access_tokens",
    ({ world, params }) => {
      const app = world.app!;
      if (Number(params.installation_id) !== app.installationId) throw notFound();
      const token = world.issueToken({ account: world.botAccount!, kind: "installation" }, "ghs");
      return {
        status: 201,
        body: {
          token,
          expires_at: timestamp(new Date(Date.now() + 3600_000)),
          permissions: APP_PERMISSIONS,
          repository_selection: "all",
        },
      };
    },
    { auth: "jwt" },
  ),

  route("GET", `${R}/collaborators/{username}/permission`, ({ world, repo, params }) => {
    const account = world.accounts.get(params.username!.toLowerCase());
    if (account === undefined || account.type === "Organization") {
      throw new HttpError(404, `${params.username} is not a user`);
    }
    const permission = world.permissionOf(repo, { account, kind: "user" });
    return {
      status: 200,
      body: {
        permission: LEGACY[permission],
        role_name: permission,
        user: {
          ...userJson(world, account),
          permissions: {
            admin: permission === "admin",
            maintain: ["admin", "maintain"].includes(permission),
            push: ["admin", "maintain", "write"].includes(permission),
            triage: permission !== "read" && permission !== "none",
            pull: permission !== "none",
          },
          role_name: permission,
        },
      },
    };
  }),

  route("GET", "/orgs/{org}/teams/{team_slug}/memberships/{username}", ({ world, params }) => {
    const team = world.teams.get(`${params.org}/${params.team_slug}`.toLowerCase());
    const membership = team?.get(params.username!.toLowerCase());
    if (membership === undefined) throw notFound();
    return {
      status: 200,
      body: {
        url: world.api(`/teams/${params.team_slug}/memberships/${params.username}`),
        role: membership.role,
        state: membership.state,
      },
    };
  }),

  route("POST", `${R}/actions/workflows/{workflow_id}/dispatches`, async (ctx) => {
    const body = await ctx.json();
    const ref = field(body, "ref", "string", "WorkflowDispatch", true)!;
    const sha = ctx.repo.resolve(ref);
    if (sha === undefined) throw new HttpError(422, `No ref found for: ${ref}`);
    const workflow = ctx.params.workflow_id!;
    if (!/^\d+$/.test(workflow) && !ctx.repo.git.treeOfCommit(sha).has(`.github/workflows/${workflow}`)) {
      throw notFound();
    }
    const inputs = body.inputs;
    ctx.repo.dispatches.push({
      workflowId: workflow,
      ref,
      inputs: typeof inputs === "object" && inputs !== null ? (inputs as Record<string, unknown>) : {},
      actor: ctx.identity.account.login,
      at: timestamp(),
    });
    return { status: 204 };
  }),
];
