import type { PromotableStage } from "./promotion-policy.js";

/** A review as the gate sees it (from GitHub's pull request reviews). */
export interface ReviewFact {
  id: number;
  login: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  /** The commit the review was given on. */
  commitId: string;
  submittedAt: string;
  /** A bot or app account. */
  isBot: boolean;
}

export interface ApprovalNote {
  login: string;
  reviewId: number;
  /** Why it was ignored; absent for counted approvals. */
  reason?: string;
}

export interface ApprovalTally {
  stage: PromotableStage;
  required: number;
  counted: ApprovalNote[];
  ignored: ApprovalNote[];
  /** Eligible reviewers whose latest review requests changes. */
  blocking: ApprovalNote[];
}

export interface ApprovalContext {
  stage: PromotableStage;
  required: number;
  author: string;
  headSha: string;
  /** The app's own login (e.g. `kiln[bot]`); never counted. */
  appLogin: string;
  isEligible(login: string): boolean;
}

/** Review states that set a reviewer's verdict; a later comment does not undo an approval. */
const verdictStates = new Set<ReviewFact["state"]>(["APPROVED", "CHANGES_REQUESTED", "DISMISSED"]);

/**
 * Count the approvals that satisfy a stage's quorum: only each reviewer's latest verdict, only on
 * the head commit, never the author, never a bot or the app itself, only eligible reviewers.
 */
export function countApprovals(reviews: readonly ReviewFact[], context: ApprovalContext): ApprovalTally {
  const latest = new Map<string, ReviewFact>();
  const ordered = [...reviews].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id - b.id);
  for (const review of ordered) {
    if (verdictStates.has(review.state)) latest.set(review.login.toLowerCase(), review);
  }
  const tally: ApprovalTally = {
    stage: context.stage,
    required: context.required,
    counted: [],
    ignored: [],
    blocking: [],
  };
  for (const review of latest.values()) {
    const note = { login: review.login, reviewId: review.id };
    const eligible = context.isEligible(review.login);
    if (review.state === "CHANGES_REQUESTED") {
      if (eligible && review.login.toLowerCase() !== context.author.toLowerCase()) {
        tally.blocking.push({ ...note, reason: "requested changes" });
      }
      continue;
    }
    if (review.state !== "APPROVED") continue;
    const reason = ignoreReason(review, context, eligible);
    if (reason) tally.ignored.push({ ...note, reason });
    else tally.counted.push(note);
  }
  return tally;
}

function ignoreReason(review: ReviewFact, context: ApprovalContext, eligible: boolean): string | undefined {
  if (review.login.toLowerCase() === context.author.toLowerCase())
    return "the author cannot approve their own request";
  if (review.isBot || review.login.toLowerCase() === context.appLogin.toLowerCase())
    return "approvals by apps do not count";
  if (review.commitId !== context.headSha) {
    return `approved an earlier commit (${review.commitId.slice(0, 7)}), not the head (${context.headSha.slice(0, 7)})`;
  }
  if (!eligible) return `not an eligible approver for ${context.stage}`;
  return undefined;
}
