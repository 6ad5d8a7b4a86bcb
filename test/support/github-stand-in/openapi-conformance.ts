/**
 * Validation against GitHub's published OpenAPI description (@octokit/openapi): response bodies
 * by operation and status, webhook payloads by event and action. Loads one generated file once
 * and compiles only the schemas asked for.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>
  >;
  "x-webhooks": Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> } } }>;
  components: Record<string, unknown>;
}

const SPEC_ID = "https://api.github.com/openapi.json";

function pointer(...segments: string[]): string {
  return segments.map((s) => s.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
}

/**
 * OpenAPI 3.0's `nullable: true` beside `oneOf`/`allOf` and no `type` (used by the webhook schemas)
 * is not something Ajv accepts: rewrite such nodes as `anyOf: [schema, {type: "null"}]`, in place.
 */
function normalizeNullable(node: unknown): unknown {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = normalizeNullable(node[i]);
    return node;
  }
  if (typeof node !== "object" || node === null) return node;
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = normalizeNullable(record[key]);
  if (record.nullable === true && Array.isArray(record.enum) && !record.enum.includes(null)) {
    record.enum = [...record.enum, null];
  }
  if (record.nullable === true && record.type === undefined) {
    const { nullable: _nullable, ...rest } = record;
    return { anyOf: [rest, { type: "null" }] };
  }
  return record;
}

export class GitHubOpenApi {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, inlineRefs: false });
    addFormats.default(this.ajv);
    // only the parts refs point into; compiled lazily per fragment
    this.ajv.addSchema(
      {
        $id: SPEC_ID,
        components: document.components,
        paths: document.paths,
        "x-webhooks": document["x-webhooks"],
      },
      SPEC_ID,
    );
  }

  static load(): GitHubOpenApi {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve("@octokit/openapi/package.json"));
    const document = normalizeNullable(
      JSON.parse(readFileSync(join(root, "generated", "api.github.com.json"), "utf8")),
    ) as OpenApiDocument;
    return new GitHubOpenApi(document);
  }

  hasOperation(path: string, method: string): boolean {
    return this.document.paths[path]?.[method.toLowerCase()] !== undefined;
  }

  documentedStatuses(path: string, method: string): string[] {
    return Object.keys(this.document.paths[path]?.[method.toLowerCase()]?.responses ?? {});
  }

  private compile(ref: string): ValidateFunction {
    let validate = this.cache.get(ref);
    if (validate === undefined) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#${ref}` });
      this.cache.set(ref, validate);
    }
    return validate;
  }

  /**
   * Problems with a response body for an operation and status; empty when it conforms. A status the
   * operation does not document is itself a problem, except error statuses, checked as `basic-error`.
   */
  validateResponse(path: string, method: string, status: number, body: unknown): string[] {
    const m = method.toLowerCase();
    const responses = this.document.paths[path]?.[m]?.responses;
    if (responses === undefined) return [`${method} ${path} is not an operation of GitHub's REST API`];
    let response = responses[String(status)] as
      | { content?: Record<string, unknown>; $ref?: string }
      | undefined;
    let responsePointer = pointer("", "paths", path, m, "responses", String(status));
    if (response?.$ref !== undefined) {
      const name = response.$ref.replace("#/components/responses/", "");
      response = (
        this.document.components.responses as Record<string, { content?: Record<string, unknown> }>
      )[name];
      responsePointer = pointer("", "components", "responses", name);
    }
    if (response === undefined) {
      if (status >= 400) return this.run(pointer("", "components", "schemas", "basic-error"), body);
      return [`${method} ${path} does not document status ${status}`];
    }
    const json = response.content?.["application/json"];
    if (json === undefined) {
      return body === undefined
        ? []
        : [`${method} ${path} ${status} documents no JSON body, but one was sent`];
    }
    if (body === undefined) return [`${method} ${path} ${status} documents a JSON body, but none was sent`];
    return this.run(`${responsePointer}/${pointer("content", "application/json", "schema")}`, body);
  }

  /** Problems with an error body, against GitHub's `basic-error`. */
  validateBasicError(body: unknown): string[] {
    return this.run(pointer("", "components", "schemas", "basic-error"), body);
  }

  /** The x-webhooks key for an event and action ("pull_request" + "opened" → "pull-request-opened"). */
  webhookKey(event: string, action: string | undefined): string {
    const name = event.replace(/_/g, "-");
    return action === undefined ? name : `${name}-${action}`;
  }

  validateWebhook(event: string, action: string | undefined, payload: unknown): string[] {
    const key = this.webhookKey(event, action);
    if (this.document["x-webhooks"][key] === undefined)
      return [`no webhook schema '${key}' in GitHub's description`];
    return this.run(
      pointer("", "x-webhooks", key, "post", "requestBody", "content", "application/json", "schema"),
      payload,
    );
  }

  private run(ref: string, value: unknown): string[] {
    const validate = this.compile(ref);
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .slice(0, 20)
      .map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
  }
}
