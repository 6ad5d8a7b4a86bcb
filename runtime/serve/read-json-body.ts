/**
 * Reading a request body as JSON with a size bound: 413 before reading when Content-Length says
 * too much, 413 as soon as a streamed body passes the bound, 400 for text that is not JSON.
 */
import type { IncomingMessage } from "node:http";
import { RequestError } from "../errors.js";

export function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
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
      const text = chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8");
      if (text.length === 0) {
        reject(new RequestError(400, "body: empty; expected a JSON object.", { field: "body" }));
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch (error: unknown) {
        reject(
          new RequestError(
            400,
            `body: not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
            {
              field: "body",
            },
          ),
        );
      }
    });
  });
}

function tooLarge(size: number, maxBytes: number): RequestError {
  return new RequestError(
    413,
    `body: ${size} bytes is more than this server accepts (${maxBytes} bytes); send fewer rows per request or raise --max-body-bytes.`,
    { field: "body" },
  );
}
