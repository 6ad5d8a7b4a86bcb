/**
 * The one error hierarchy of Kiln's runtime. Every error a user can cause or meet is a KilnError:
 * it says what was wrong, where, and what to do. Edges (CLI, actions, bot) print `message` and
 * never a stack trace for a KilnError; anything else is a bug and is reported as one.
 *
 * Foreign errors (AWS SDK, Octokit, onnxruntime, YAML) are converted at the boundary that called
 * them (see store/s3-error.ts and github/github-error.ts); nothing above inspects an SDK error.
 */

/** Process exit codes the CLI uses; each means one thing. */
export const ExitCode = {
  ok: 0,
  /** A stage, check or command failed. */
  failure: 1,
  /** The user's input was wrong (config, arguments, data). */
  usage: 2,
  /** Something outside Kiln (store, GitHub, network) failed. */
  unavailable: 3,
  /** Interrupted by a signal. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface KilnErrorOptions {
  cause?: unknown;
  /** What the user can do about it, appended to the message. */
  hint?: string;
}

export class KilnError extends Error {
  override name = "KilnError";
  readonly hint: string | undefined;
  readonly exitCode: ExitCode = ExitCode.failure;

  constructor(message: string, options: KilnErrorOptions = {}) {
    super(options.hint ? `${message} ${options.hint}` : message, { cause: options.cause });
    this.hint = options.hint;
  }
}

/** A position in a user's file, 1-based. */
export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

export function formatPosition(position: SourcePosition): string {
  if (position.line === undefined) return position.file;
  if (position.column === undefined) return `${position.file}:${position.line}`;
  return `${position.file}:${position.line}:${position.column}`;
}

/** A mistake in a file the user wrote (kiln.yaml, params, policy, data). */
export class ConfigError extends KilnError {
  override name = "ConfigError";
  override readonly exitCode = ExitCode.usage;
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(position: SourcePosition, message: string, options: KilnErrorOptions = {}) {
    super(`${formatPosition(position)}: ${message}`, options);
    this.file = position.file;
    this.line = position.line;
    this.column = position.column;
  }
}

/** A wrong argument or option on the command line or in an action input. */
export class UsageError extends KilnError {
  override name = "UsageError";
  override readonly exitCode = ExitCode.usage;
}

/** Bad data: a value in a dataset that cannot be used (row and column named). */
export class DataError extends KilnError {
  override name = "DataError";
  override readonly exitCode = ExitCode.usage;
  readonly file: string | undefined;
  readonly row: number | undefined;
  readonly column: string | undefined;

  constructor(
    where: { file?: string; row?: number; column?: string },
    message: string,
    options: KilnErrorOptions = {},
  ) {
    const parts = [
      where.file,
      where.row === undefined ? undefined : `row ${where.row}`,
      where.column === undefined ? undefined : `column '${where.column}'`,
    ].filter((p): p is string => p !== undefined);
    super(parts.length > 0 ? `${parts.join(", ")}: ${message}` : message, options);
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
  }
}

/** A thing that was looked up by name and does not exist. */
export class NotFoundError extends KilnError {
  override name = "NotFoundError";
  override readonly exitCode = ExitCode.usage;
}

/** A failure talking to the object store. */
export class StoreError extends KilnError {
  override name = "StoreError";
  override readonly exitCode = ExitCode.unavailable;
  readonly key: string | undefined;
  readonly requestId: string | undefined;

  constructor(
    message: string,
    details: { key?: string; requestId?: string } = {},
    options: KilnErrorOptions = {},
  ) {
    super(message, options);
    this.key = details.key;
    this.requestId = details.requestId;
  }
}

/** A create-only or compare-and-swap write lost to a concurrent writer. */
export class PreconditionFailedError extends StoreError {
  override name = "PreconditionFailedError";
  readonly condition: "ifNoneMatch" | "ifMatch";

  constructor(key: string, condition: "ifNoneMatch" | "ifMatch", requestId?: string) {
    super(
      condition === "ifNoneMatch"
        ? `store key '${key}' already exists; a create-only write lost to another writer.`
        : `store key '${key}' changed since it was read; a conditional write lost to another writer.`,
      requestId === undefined ? { key } : { key, requestId },
    );
    this.condition = condition;
  }
}

/** A failure calling the GitHub API. */
export class GitHubApiError extends KilnError {
  override name = "GitHubApiError";
  override readonly exitCode = ExitCode.unavailable;
  readonly status: number | undefined;
  readonly endpoint: string;

  constructor(
    message: string,
    details: { status?: number; endpoint: string },
    options: KilnErrorOptions = {},
  ) {
    super(message, options);
    this.status = details.status;
    this.endpoint = details.endpoint;
  }
}

/** Bytes that do not match the digest they were recorded with. */
export class IntegrityError extends KilnError {
  override name = "IntegrityError";
  readonly expected: string;
  readonly actual: string;

  constructor(what: string, expected: string, actual: string) {
    super(`${what}: digest mismatch, expected sha256:${expected} but the bytes hash to sha256:${actual}.`, {
      hint: "The stored copy was altered or truncated; re-register or restore it.",
    });
    this.expected = expected;
    this.actual = actual;
  }
}

/** A model file or model reference that cannot be used. */
export class ModelError extends KilnError {
  override name = "ModelError";
  override readonly exitCode = ExitCode.usage;
  readonly model: string | undefined;
  readonly version: string | undefined;

  constructor(
    message: string,
    details: { model?: string; version?: string } = {},
    options: KilnErrorOptions = {},
  ) {
    const where =
      details.model === undefined ? "" : `${details.model}${details.version ? `@${details.version}` : ""}: `;
    super(`${where}${message}`, options);
    this.model = details.model;
    this.version = details.version;
  }
}

/**
 * A request to a Kiln server (the inference server) that cannot be answered as asked: carries the
 * HTTP status to answer with (400, 404, 413, 503) and the request field that was wrong, if any.
 */
export class RequestError extends KilnError {
  override name = "RequestError";
  override readonly exitCode = ExitCode.usage;
  readonly status: number;
  readonly field: string | undefined;

  constructor(
    status: number,
    message: string,
    details: { field?: string } = {},
    options: KilnErrorOptions = {},
  ) {
    super(message, options);
    this.status = status;
    this.field = details.field;
  }
}

/** Narrow an unknown thrown value to a message, for the edges. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function isKilnError(error: unknown): error is KilnError {
  return error instanceof KilnError;
}
