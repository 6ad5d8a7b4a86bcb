/**
 * The prediction log's encoder thread (started by PredictionLogEncoder): turns column batches
 * into JSON Lines and gzip, one stream per log object, off the thread that answers requests.
 *
 * In: `{kind: "rows", parts: [{object, batches}]}` appends rows to objects; `{kind: "end", object}`
 * ends one.
 * Out: `{kind: "ended", object, bytes}` (the whole gzip member), or `{kind: "failed", object, error}`.
 */
import { parentPort } from "node:worker_threads";
import { createGzip, type Gzip, constants as zlibConstants } from "node:zlib";
import { type ColumnBatch, decodeColumns } from "./prediction-log-columns.js";
import { serializeEntries } from "./prediction-log-lines.js";

/** Text handed to gzip at once (each write is a round through the stream machinery). */
const gzipChunkChars = 64 * 1024;

interface Open {
  gzip: Gzip;
  chunks: Buffer[];
  text: string;
}

const open = new Map<number, Open>();
const port = parentPort!;

function objectFor(id: number): Open {
  let object = open.get(id);
  if (object === undefined) {
    const gzip = createGzip({ level: zlibConstants.Z_BEST_SPEED });
    const chunks: Buffer[] = [];
    gzip.on("data", (chunk: Buffer) => chunks.push(chunk));
    object = { gzip, chunks, text: "" };
    open.set(id, object);
  }
  return object;
}

type Message =
  | { kind: "rows"; parts: Array<{ object: number; batches: ColumnBatch[] }> }
  | { kind: "end"; object: number };

port.on("message", (message: Message) => {
  if (message.kind === "rows") {
    for (const part of message.parts) {
      const object = objectFor(part.object);
      for (const batch of part.batches) object.text += serializeEntries(decodeColumns(batch));
      if (object.text.length >= gzipChunkChars) {
        object.gzip.write(object.text);
        object.text = "";
      }
    }
    return;
  }
  const object = objectFor(message.object);
  open.delete(message.object);
  object.gzip.once("error", (error: Error) =>
    port.postMessage({ kind: "failed", object: message.object, error: error.message }),
  );
  object.gzip.once("end", () => {
    const bytes = Buffer.concat(object.chunks);
    // A fresh ArrayBuffer of exactly these bytes, moved to the main thread rather than copied.
    const owned = new Uint8Array(bytes.length);
    owned.set(bytes);
    port.postMessage({ kind: "ended", object: message.object, bytes: owned }, [owned.buffer]);
  });
  if (object.text.length > 0) object.gzip.end(object.text);
  else object.gzip.end();
});
