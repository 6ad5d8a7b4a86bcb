import { S3ServiceException } from "@aws-sdk/client-s3";
import { NotFoundError, PreconditionFailedError, StoreError } from "../errors.js";

/**
 * The one place where AWS SDK errors become Kiln's: NotFoundError for a missing key,
 * PreconditionFailedError for a lost conditional write (412, or 409 ConditionalRequestConflict when
 * S3 saw two conditional writes at once), StoreError for the rest — with the key, the S3 request id
 * and a hint. Nothing above the S3 store inspects an SDK error.
 */
export interface S3ErrorContext {
  /** What was being done, e.g. "read", "write", "list". */
  action: string;
  /** The store key (relative to the store's prefix). */
  key?: string;
  /** The store's URL, e.g. `s3://bucket/prefix`. */
  url: string;
  /** The condition of a conditional write, to name on a 412. */
  condition?: "ifNoneMatch" | "ifMatch";
  /** The S3 endpoint, when not AWS's default. */
  endpoint?: string;
}

const notFoundNames = new Set(["NoSuchKey", "NotFound"]);
const credentialNames = new Set([
  "AccessDenied",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "InvalidToken",
  "CredentialsProviderError",
]);
const networkCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ETIMEDOUT",
  "EAI_AGAIN",
]);

function networkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if ("code" in current && typeof current.code === "string" && networkCodes.has(current.code)) {
      return current.code;
    }
    if (current.name === "TimeoutError") return "timeout";
    current = current.cause;
  }
  return undefined;
}

export function storeErrorFromS3(error: unknown, context: S3ErrorContext): StoreError | NotFoundError {
  if (error instanceof StoreError || error instanceof NotFoundError) return error;
  const key = context.key;
  const where = key === undefined ? context.url : `'${key}' in ${context.url}`;
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
  const requestId = error instanceof S3ServiceException ? error.$metadata.requestId : undefined;
  const details = {
    ...(key === undefined ? {} : { key }),
    ...(requestId === undefined ? {} : { requestId }),
  };
  const requestNote = requestId === undefined ? "" : ` (request id ${requestId})`;

  if (
    key !== undefined &&
    (status === 412 || name === "PreconditionFailed" || name === "ConditionalRequestConflict")
  ) {
    return new PreconditionFailedError(key, context.condition ?? "ifNoneMatch", requestId);
  }
  if (name === "NoSuchBucket") {
    return new StoreError(
      `cannot ${context.action} ${where}: the bucket does not exist${requestNote}.`,
      details,
      {
        cause: error,
        hint: "Create the bucket, or fix the bucket name in KILN_STORE.",
      },
    );
  }
  if (status === 404 || notFoundNames.has(name)) {
    return new NotFoundError(`store key ${where} not found${requestNote}.`, { cause: error });
  }
  if (status === 403 || credentialNames.has(name)) {
    return new StoreError(
      `cannot ${context.action} ${where}: access denied (${name}: ${message})${requestNote}.`,
      details,
      {
        cause: error,
        hint: "Check the AWS credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or the role) and that they may use this bucket.",
      },
    );
  }
  const code = networkCode(error);
  if (code !== undefined) {
    const endpoint = context.endpoint ?? "the S3 endpoint";
    return new StoreError(
      `cannot ${context.action} ${where}: could not reach ${endpoint} (${code}).`,
      details,
      {
        cause: error,
        hint: "Check AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_S3) and that the server is running and reachable.",
      },
    );
  }
  const statusNote = status === undefined ? "" : `, HTTP ${status}`;
  return new StoreError(
    `cannot ${context.action} ${where}: ${name}: ${message}${statusNote}${requestNote}.`,
    details,
    { cause: error },
  );
}
