import { type CodeOwner, codeownersOf, codeownersPaths } from "./codeowners.js";
import type { PromotionGitHubPort } from "./promotion-github-port.js";
import type { Approver, PromotableStage, PromotionPolicy } from "./promotion-policy.js";

const writeLevels = new Set(["admin", "maintain", "write"]);

/**
 * Decide beforehand, for every reviewer and every requested stage, whether the policy lets them
 * approve: a listed login, an active member of a listed team, a CODEOWNERS owner of the changed
 * registry files (read at the base commit), or — when a stage lists no approvers — anyone with
 * write permission. The result is a plain lookup for the pure gate.
 */
export async function resolveEligibility(
  port: PromotionGitHubPort,
  input: {
    policy: PromotionPolicy;
    stages: readonly PromotableStage[];
    reviewers: readonly string[];
    /** The registry files the pull request changes (CODEOWNERS is matched against them). */
    registryFiles: readonly string[];
    baseSha: string;
  },
): Promise<(stage: PromotableStage, login: string) => boolean> {
  const eligible = new Set<string>();
  const key = (stage: string, login: string) => `${stage}\u0000${login.toLowerCase()}`;
  const teamCache = new Map<string, Promise<boolean>>();
  const isMember = (org: string, slug: string, login: string) => {
    const cacheKey = `${org}/${slug}/${login.toLowerCase()}`;
    let answer = teamCache.get(cacheKey);
    if (answer === undefined) {
      answer = port.isTeamMember(org, slug, login);
      teamCache.set(cacheKey, answer);
    }
    return answer;
  };
  let owners: CodeOwner[] | undefined;
  const codeowners = async (): Promise<CodeOwner[]> => {
    if (owners === undefined) owners = await readCodeowners(port, input.baseSha, input.registryFiles);
    return owners;
  };
  const permissions = new Map<string, Promise<boolean>>();
  const canWrite = (login: string) => {
    let answer = permissions.get(login);
    if (answer === undefined) {
      answer = port.permissionOf(login).then((level) => writeLevels.has(level));
      permissions.set(login, answer);
    }
    return answer;
  };

  const matchesApprover = async (approver: Approver | CodeOwner, login: string): Promise<boolean> => {
    if (approver.kind === "user") return approver.login.toLowerCase() === login.toLowerCase();
    if (approver.kind === "team") return isMember(approver.org, approver.slug, login);
    for (const owner of await codeowners()) if (await matchesApprover(owner, login)) return true;
    return false;
  };

  for (const stage of input.stages) {
    const approvers = input.policy.stages[stage]?.approvers ?? [];
    for (const login of input.reviewers) {
      let ok = false;
      if (approvers.length === 0) ok = await canWrite(login);
      else for (const approver of approvers) if (!ok && (await matchesApprover(approver, login))) ok = true;
      if (ok) eligible.add(key(stage, login));
    }
  }
  return (stage, login) => eligible.has(key(stage, login));
}

/** Owners of every changed registry file, from the CODEOWNERS file at the base commit. */
async function readCodeowners(
  port: PromotionGitHubPort,
  baseSha: string,
  files: readonly string[],
): Promise<CodeOwner[]> {
  for (const path of codeownersPaths) {
    const text = await port.readFile(path, baseSha);
    if (text !== undefined) return files.flatMap((file) => codeownersOf(text, file));
  }
  return [];
}
