/**
 * Reading a request body with a size bound — 413 before reading when Content-Length says too much,
 * 413 as soon as a streamed body passes the bound — and parsing it as JSON (400 for text that is
 * not JSON).
 */
import type { IncomingMessage } from "node:http";
import { RequestError } from "../errors.js";

/** The whole body as bytes, at most `maxBytes` of them. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = request.headers["content-length"];
  if (declared !== undefined && Number(declared) > maxBytes) {
    return Promise.reject(tooLarge(Number(declared), maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    request.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        reject(tooLarge(size, maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.on("error", (error) => {
      if (!failed) {
        failed = true;
        reject(
          new RequestError(400, `body: the request body could not be read (${error.message}).`, {
            field: "body",
          }),
        );
      }
    });
    request.on("close", () => {
      // The client went away before the body ended: nothing to answer, but settle the promise.
      if (!failed && !request.complete) {
        failed = true;
        reject(
          new RequestError(400, "body: the client closed the connection before the body ended.", {
            field: "body",
          }),
        );
      }
    });
    request.on("end", () => {
      if (failed) return;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
  });
}

/** The JSON value of a body read by `readBody`. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (text.length === 0) {
    throw new RequestError(400, "body: empty; expected a JSON object.", { field: "body" });
  }
  try {
    return JSON.parse(text);
  } catch (error: unknown) {
    throw new RequestError(
      400,
      `body: not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      { field: "body" },
    );
  }
}

function tooLarge(size: number, maxBytes: number): RequestError {
  return new RequestError(
    413,
    `body: ${size} bytes is more than this server accepts (${maxBytes} bytes); send fewer rows per request or raise --max-body-bytes.`,
    { field: "body" },
  );
}
