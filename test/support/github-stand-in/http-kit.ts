/** HTTP plumbing of the stand-in: GitHub-shaped errors, JSON bodies, pagination, time and ids. */
import type { IncomingMessage, ServerResponse } from "node:http";

export const DOCS = "https://docs.github.com/rest";

/** An error answered to the client in GitHub's shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return { message: this.message, ...this.extra, documentation_url: DOCS, status: String(this.status) };
  }
}

export const notFound = (): HttpError => new HttpError(404, "Not Found");

export interface ValidationErrorEntry {
  resource: string;
  code: string;
  field?: string;
  message?: string;
  value?: unknown;
}

/** 422 with `{message: "Validation Failed", errors: [...]}` as GitHub answers. */
export function validationFailed(...errors: ValidationErrorEntry[]): HttpError {
  return new HttpError(422, "Validation Failed", { errors });
}

/** A handler's answer. `body` undefined means no body (204, 302). */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Bytes to send as they are (raw media types) instead of JSON. */
  raw?: { bytes: Buffer; contentType: string };
}

/** Marks a reply the handler already wrote itself (streamed downloads). */
export const STREAMED: Reply = { status: 0 };

export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    "x-github-media-type": "github.v3; format=json",
    ...reply.headers,
  };
  if (reply.raw !== undefined) {
    res.writeHead(reply.status, {
      ...headers,
      "content-type": reply.raw.contentType,
      "content-length": String(reply.raw.bytes.length),
    });
    res.end(reply.raw.bytes);
    return;
  }
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export async function readBody(req: IncomingMessage, limit = 200 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new HttpError(413, "Payload too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function parseJsonBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new HttpError(400, "Problems parsing JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, "Body should be a JSON object");
  }
  return parsed as Record<string, unknown>;
}

/** GitHub's timestamps: ISO 8601 to the second. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`).toString("base64").replace(/=+$/, "");
}

/** Link header and page slice as GitHub paginates: `per_page` (default 30, max 100) and `page`. */
export function paginate<T>(url: URL, items: readonly T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30) || 30));
  const pageNumber = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const link = (n: number, rel: string): string => {
    const target = new URL(url);
    target.searchParams.set("per_page", String(perPage));
    target.searchParams.set("page", String(n));
    return `<${target.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (pageNumber > 1) links.push(link(pageNumber - 1, "prev"));
  if (pageNumber < lastPage) links.push(link(pageNumber + 1, "next"), link(lastPage, "last"));
  if (pageNumber > 1) links.push(link(1, "first"));
  return { page, headers: links.length > 0 ? { link: links.join(", ") } : {} };
}

/** Read a typed field of a JSON body, or fail with GitHub's 422. */
export function field<T extends "string" | "number" | "boolean" | "object">(
  body: Record<string, unknown>,
  name: string,
  type: T,
  resource: string,
  required: boolean,
):
  | (T extends "string" ? string : T extends "number" ? number : T extends "boolean" ? boolean : object)
  | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw validationFailed({ resource, field: name, code: "missing_field" });
    return undefined;
  }
  if (typeof value !== type) {
    throw new HttpError(422, `Invalid request.\n\nFor '${name}', ${JSON.stringify(value)} is not a ${type}.`);
  }
  return value as never;
}

export function stringArray(body: Record<string, unknown>, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value))
    throw new HttpError(422, `Invalid request.\n\nFor '${name}', expected an array.`);
  return value.map((item: unknown) => {
    if (typeof item === "string") return item;
    if (typeof item === "object" && item !== null && typeof (item as { name?: unknown }).name === "string")
      return (item as { name: string }).name;
    throw new HttpError(422, `Invalid request.\n\nFor '${name}', ${JSON.stringify(item)} is not a string.`);
  });
}
