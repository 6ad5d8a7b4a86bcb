import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";

/**
 * The one factory of S3 clients, called at the edge (openStore, actions, the bot). The standard AWS
 * credential chain applies (env, profile, SSO, container and instance roles). S3-compatible servers
 * (MinIO, R2, moto, s3rver) are reached with AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL, and then use
 * path-style addressing. Transient failures (5xx, throttling, timeouts) are retried by the SDK's
 * standard retry strategy, `maxAttempts` times in all.
 */
export interface S3ClientSettings {
  /** Region; defaults to AWS_REGION, AWS_DEFAULT_REGION or us-east-1. */
  region: string;
  /** A custom endpoint (S3-compatible server); undefined for AWS. */
  endpoint: string | undefined;
  /** Path-style URLs (`endpoint/bucket/key`), needed by most S3-compatible servers. */
  forcePathStyle: boolean;
  /** Attempts per request, including the first (SDK default 3). */
  maxAttempts: number;
  /** Ask checksums on every request, or only when S3 requires them (some local servers need this). */
  requestChecksumCalculation: "WHEN_SUPPORTED" | "WHEN_REQUIRED";
  responseChecksumValidation: "WHEN_SUPPORTED" | "WHEN_REQUIRED";
  /**
   * Static credentials when the given environment has AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY;
   * otherwise undefined and the SDK's default chain (process env, profile, SSO, roles) applies.
   */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

function checksumSetting(value: string | undefined): "WHEN_SUPPORTED" | "WHEN_REQUIRED" {
  return value?.toUpperCase() === "WHEN_REQUIRED" ? "WHEN_REQUIRED" : "WHEN_SUPPORTED";
}

/** Settings from the standard AWS environment variables (plus KILN_S3_FORCE_PATH_STYLE). */
export function s3ClientSettingsFromEnv(env: Env): S3ClientSettings {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
  const attempts = Number.parseInt(env.AWS_MAX_ATTEMPTS ?? "", 10);
  const pathStyle = env.KILN_S3_FORCE_PATH_STYLE;
  return {
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1",
    endpoint,
    forcePathStyle:
      pathStyle === undefined || pathStyle === "" ? endpoint !== undefined : pathStyle === "true",
    maxAttempts: Number.isFinite(attempts) && attempts > 0 ? attempts : 3,
    requestChecksumCalculation: checksumSetting(env.AWS_REQUEST_CHECKSUM_CALCULATION),
    responseChecksumValidation: checksumSetting(env.AWS_RESPONSE_CHECKSUM_VALIDATION),
    credentials:
      env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? {
            accessKeyId: env.AWS_ACCESS_KEY_ID,
            secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
            ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
          }
        : undefined,
  };
}

export function createS3Client(
  settings: S3ClientSettings,
  overrides: Pick<S3ClientConfig, "credentials"> = {},
): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
    forcePathStyle: settings.forcePathStyle,
    maxAttempts: settings.maxAttempts,
    retryMode: "standard",
    requestChecksumCalculation: settings.requestChecksumCalculation,
    responseChecksumValidation: settings.responseChecksumValidation,
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
    ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
    ...overrides,
  });
}
