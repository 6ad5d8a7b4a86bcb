/** Verifies a GitHub App's RS256 JWT the way GitHub does: signature, `iss`, `exp` (at most 10 minutes ahead), `iat`. */
import { verify } from "node:crypto";
import { HttpError } from "./http-kit.js";
import type { AppSettings } from "./world.js";

function decodeJson(segment: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  if (typeof parsed !== "object" || parsed === null) throw new Error("not an object");
  return parsed as Record<string, unknown>;
}

export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

export function verifyAppJwt(token: string, app: AppSettings, nowMs = Date.now()): void {
  const undecodable = new HttpError(401, "A JSON web token could not be decoded");
  const parts = token.split(".");
  if (parts.length !== 3) throw undecodable;
  const [header, payload, signature] = parts as [string, string, string];
  let claims: Record<string, unknown>;
  try {
    const head = decodeJson(header);
    if (head.alg !== "RS256") throw undecodable;
    claims = decodeJson(payload);
  } catch {
    throw undecodable;
  }
  const valid = verify(
    "RSA-SHA256",
    Buffer.from(`${header}.${payload}`),
    app.publicKey,
    Buffer.from(signature, "base64url"),
  );
  if (!valid) throw undecodable;
  const now = Math.floor(nowMs / 1000);
  if (String(claims.iss) !== String(app.id))
    throw new HttpError(401, "'Issuer' claim ('iss') must be an Integer");
  if (typeof claims.exp !== "number" || claims.exp <= now) {
    throw new HttpError(
      401,
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    );
  }
  if (claims.exp > now + 600 + 60)
    throw new HttpError(401, "'Expiration time' claim ('exp') is too far in the future");
  if (typeof claims.iat !== "number" || claims.iat > now + 60) {
    throw new HttpError(
      401,
      "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
    );
  }
}
