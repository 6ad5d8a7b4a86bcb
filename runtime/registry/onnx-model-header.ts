import { type FileHandle, open } from "node:fs/promises";
import { ModelError } from "../errors.js";
import { fileError } from "./file-digest.js";

/**
 * Extract the small part of an ONNX file — everything but the weights — without reading the
 * weights into memory, so that a 1 GB model's signature is read with a few kilobytes of buffer.
 *
 * The file is walked as protobuf wire format with positioned reads. The result is a valid, much
 * smaller ModelProto: top-level fields (ir_version, opset_import, metadata_props, ...) are copied;
 * the graph keeps its name, inputs, outputs and value_info; initializers keep only their name,
 * dims and data type (so readers can still tell weights from real inputs); nodes, sparse
 * initializers, training info and functions are dropped. A file that is not protobuf, or lacks
 * ir_version or a graph, is refused as "not an ONNX model".
 */
export async function readOnnxModelHeader(path: string): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error: unknown) {
    throw fileError(error, path, "artifact");
  }
  try {
    const size = (await handle.stat()).size;
    const reader = new PositionedReader(handle, size);
    const notOnnx = (why: string) =>
      new ModelError(
        `'${path}' is not an ONNX model: ${why}.`,
        {},
        {
          hint: "Register the .onnx file the training stage wrote (a serialized onnx.ModelProto).",
        },
      );
    if (size === 0) throw notOnnx("the file is empty");
    const out: Uint8Array[] = [];
    let sawIrVersion = false;
    let sawGraph = false;
    await walk(reader, 0, size, notOnnx, async (field) => {
      if (field.number === 1 && field.wire === 0) sawIrVersion = true;
      if (field.number === 7 && field.wire === 2) {
        sawGraph = true;
        const graph = await slimGraph(reader, field.start, field.end, notOnnx);
        out.push(encodeTag(7, 2), encodeVarint(graph.length), graph);
        return;
      }
      if (field.number === 20 || field.number === 25) return; // training_info, functions
      if (field.end - field.tagStart > maxKeptField) return;
      out.push(await reader.read(field.tagStart, field.end - field.tagStart));
    });
    if (!sawIrVersion) throw notOnnx("it has no ir_version");
    if (!sawGraph) throw notOnnx("it has no graph");
    return concat(out);
  } finally {
    await handle.close();
  }
}

const maxKeptField = 16 << 20;

async function slimGraph(
  reader: PositionedReader,
  start: number,
  end: number,
  notOnnx: (why: string) => Error,
): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  await walk(reader, start, end, notOnnx, async (field) => {
    if (field.number === 1 || field.number === 15) return; // node, sparse_initializer
    if (field.number === 5 && field.wire === 2) {
      const tensor: Uint8Array[] = [];
      await walk(reader, field.start, field.end, notOnnx, async (inner) => {
        // dims (1), data_type (2), name (8)
        if (inner.number === 1 || inner.number === 2 || inner.number === 8)
          tensor.push(await reader.read(inner.tagStart, inner.end - inner.tagStart));
      });
      const bytes = concat(tensor);
      out.push(encodeTag(5, 2), encodeVarint(bytes.length), bytes);
      return;
    }
    if (field.end - field.tagStart > maxKeptField) return;
    out.push(await reader.read(field.tagStart, field.end - field.tagStart));
  });
  return concat(out);
}

interface WireField {
  number: number;
  wire: number;
  /** Where the tag begins. */
  tagStart: number;
  /** Where the payload begins (after the length for wire type 2). */
  start: number;
  end: number;
}

async function walk(
  reader: PositionedReader,
  start: number,
  end: number,
  notOnnx: (why: string) => Error,
  visit: (field: WireField) => Promise<void>,
): Promise<void> {
  let pos = start;
  while (pos < end) {
    const tagStart = pos;
    const tag = await reader.varint(pos, end);
    if (tag === undefined) throw notOnnx(`bad protobuf tag at byte ${pos}`);
    pos = tag.next;
    const number = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    if (number === 0) throw notOnnx(`bad protobuf field number 0 at byte ${tagStart}`);
    let fieldStart = pos;
    let fieldEnd: number;
    if (wire === 0) {
      const next = await reader.varintEnd(pos, end);
      if (next === undefined) throw notOnnx(`bad varint at byte ${pos}`);
      fieldEnd = next;
    } else if (wire === 1) fieldEnd = pos + 8;
    else if (wire === 5) fieldEnd = pos + 4;
    else if (wire === 2) {
      const length = await reader.varint(pos, end);
      if (length === undefined) throw notOnnx(`bad length at byte ${pos}`);
      fieldStart = length.next;
      fieldEnd = fieldStart + length.value;
    } else throw notOnnx(`unsupported protobuf wire type ${wire} at byte ${tagStart}`);
    if (fieldEnd > end) throw notOnnx(`a field at byte ${tagStart} runs past the end of its message`);
    await visit({ number, wire, tagStart, start: fieldStart, end: fieldEnd });
    pos = fieldEnd;
  }
}

/** Reads a file at arbitrary offsets through a small window, so walking skips weights unread. */
class PositionedReader {
  private window: Uint8Array = new Uint8Array(0);
  private windowStart = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  async read(position: number, length: number): Promise<Uint8Array> {
    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(bytes, done, length - done, position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return bytes;
  }

  private async byteAt(position: number): Promise<number | undefined> {
    if (position >= this.size) return undefined;
    if (position < this.windowStart || position >= this.windowStart + this.window.length) {
      this.windowStart = position;
      this.window = await this.read(position, Math.min(64 * 1024, this.size - position));
    }
    return this.window[position - this.windowStart];
  }

  /** Where the varint at `position` ends (any width up to 10 bytes), or undefined when malformed. */
  async varintEnd(position: number, end: number): Promise<number | undefined> {
    for (let i = 0; i < 10; i++) {
      if (position + i >= end) return undefined;
      const byte = await this.byteAt(position + i);
      if (byte === undefined) return undefined;
      if ((byte & 0x80) === 0) return position + i + 1;
    }
    return undefined;
  }

  /** A varint at `position` (up to 2^53), or undefined when malformed or past `end`. */
  async varint(position: number, end: number): Promise<{ value: number; next: number } | undefined> {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (position + i >= end) return undefined;
      const byte = await this.byteAt(position + i);
      if (byte === undefined) return undefined;
      value += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0)
        return value > Number.MAX_SAFE_INTEGER ? undefined : { value, next: position + i + 1 };
    }
    return undefined;
  }
}

function encodeVarint(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

function encodeTag(number: number, wire: number): Uint8Array {
  return encodeVarint(number * 8 + wire);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
