import { Readable } from "node:stream";
import type { PutBody } from "./object-store.js";

/** A put body as bytes when it is already in memory, or undefined for a stream. */
export function putBodyBytes(body: PutBody): Uint8Array | undefined {
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof Uint8Array) return body;
  return undefined;
}

/** A put body as a stream of Buffers. */
export function putBodyReadable(body: PutBody): Readable {
  const bytes = putBodyBytes(body);
  if (bytes !== undefined)
    return Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  return body as Readable;
}

/** Every chunk of a stream as a Buffer (streams may yield strings or Uint8Arrays). */
export function chunkBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  throw new TypeError(`a put body stream yielded a ${typeof chunk}, expected bytes or strings`);
}
