/**
 * Reads one window of the prediction log (`predictions/<model>/<YYYY-MM-DD>/<ts>-<random>.jsonl.gz`,
 * see serve/prediction-log.ts) into a columnar Table: the model's inputs and outputs, one row per
 * predicted row whose `ts` is in [since, until). Objects are listed by day prefix, streamed through
 * gunzip and read line by line into growable typed arrays, so memory holds the columns, never the
 * objects or row objects. An array value (e.g. class probabilities) becomes one numeric column per
 * element, `name[i]` (or `name[<class>]` when element names are given).
 */
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { ColumnBuilder } from "../data/column-builder.js";
import { finishTable } from "../data/finish-table.js";
import type { ColumnKind, Table } from "../data/table.js";
import { DataError, errorMessage, isKilnError, StoreError } from "../errors.js";
import type { ObjectStore } from "../store/object-store.js";

export interface WindowColumn {
  name: string;
  /** Declared kind; undefined lets the values decide. */
  kind?: ColumnKind;
  /** Names of the elements of an array value (e.g. the classes of `probabilities`). */
  elements?: readonly string[];
}

export interface ReadWindowRequest {
  model: string;
  /** Inclusive start. */
  since: Date;
  /** Exclusive end. */
  until: Date;
  inputs: readonly WindowColumn[];
  outputs: readonly WindowColumn[];
  /** Keep each row's `request_id` and `row`, for joining labels. */
  keepRequestIds?: boolean;
  /** Only rows this version of the model answered (default: every version's). */
  version?: string;
}

export interface PredictionWindowTable {
  table: Table;
  /** Column names that hold model outputs (prediction drift). */
  outputColumns: string[];
  /** Log objects read. */
  objects: number;
  /** Rows in the objects read, in and out of the window. */
  rowsSeen: number;
  /** Per row of `table`, `<request_id>#<row>` (only with keepRequestIds). */
  requestKeys?: string[];
  /** Versions of the model that answered the rows in the window, with their row counts. */
  versions: Record<string, number>;
}

const dayMs = 86_400_000;

/** The UTC days [since, until) touches, as YYYY-MM-DD. */
export function windowDays(since: Date, until: Date): string[] {
  const days: string[] = [];
  const first = Math.floor(since.getTime() / dayMs) * dayMs;
  for (let t = first; t < until.getTime(); t += dayMs) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The time of an object's first row, from its key `<YYYYMMDDTHHMMSSmmmZ>-<random>.jsonl.gz`. */
export function objectStartTime(key: string): number | undefined {
  const match = /\/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[^/]*$/.exec(key);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s, ms] = match.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s, ms);
}

interface Sink {
  builders: Map<string, ColumnBuilder>;
  order: string[];
  rows: number;
}

function builderFor(sink: Sink, name: string, kind: ColumnKind | undefined, source: string): ColumnBuilder {
  let builder = sink.builders.get(name);
  if (builder === undefined) {
    builder = new ColumnBuilder(name, kind, source);
    builder.padTo(sink.rows);
    sink.builders.set(name, builder);
    sink.order.push(name);
  }
  return builder;
}

function pushValue(
  sink: Sink,
  column: WindowColumn,
  name: string,
  value: unknown,
  source: string,
  row: number,
  outputNames: Set<string> | undefined,
): void {
  if (Array.isArray(value)) {
    value.forEach((element, i) => {
      const elementName = `${name}[${column.elements?.[i] ?? i}]`;
      outputNames?.add(elementName);
      builderFor(sink, elementName, "numeric", source).push(element, { row });
    });
    return;
  }
  outputNames?.add(name);
  builderFor(sink, name, column.kind, source).push(value, { row });
}

/** A builder's DataError (which knows only the window row) re-said at the object's key and line. */
function atLine(error: unknown, key: string, line: number): unknown {
  if (!(error instanceof DataError)) return error;
  const prefix = [
    error.file,
    error.row === undefined ? undefined : `row ${error.row}`,
    error.column === undefined ? undefined : `column '${error.column}'`,
  ]
    .filter((p) => p !== undefined)
    .join(", ");
  const message =
    prefix !== "" && error.message.startsWith(`${prefix}: `)
      ? error.message.slice(prefix.length + 2)
      : error.message;
  return new DataError(
    { file: key, row: line, ...(error.column === undefined ? {} : { column: error.column }) },
    message,
    {
      cause: error,
    },
  );
}

/**
 * Read the window. A line that is not a JSON object, or a value that does not fit the declared
 * kind, is a DataError naming the object key and line.
 */
export async function readPredictionWindow(
  store: ObjectStore,
  request: ReadWindowRequest,
): Promise<PredictionWindowTable> {
  const since = request.since.getTime();
  const until = request.until.getTime();
  if (!(since < until)) {
    throw new DataError(
      {},
      `the window is empty: it starts at ${request.since.toISOString()} and ends at ${request.until.toISOString()}.`,
    );
  }
  const sink: Sink = { builders: new Map(), order: [], rows: 0 };
  const outputNames = new Set<string>();
  const requestKeys: string[] | undefined = request.keepRequestIds ? [] : undefined;
  const versions: Record<string, number> = {};
  const outputSet = new Set(request.outputs.map((o) => o.name));
  // Declared inputs and outputs get their columns up front, so an empty window still has them.
  for (const c of [...request.inputs, ...request.outputs]) {
    if (c.elements === undefined) builderFor(sink, c.name, c.kind, `predictions/${request.model}`);
  }
  for (const c of request.outputs) if (c.elements === undefined) outputNames.add(c.name);
  let objects = 0;
  let rowsSeen = 0;
  for (const day of windowDays(request.since, request.until)) {
    for await (const info of store.list(`predictions/${request.model}/${day}/`)) {
      const start = objectStartTime(info.key);
      if (start !== undefined && start >= until) continue;
      if (!info.key.endsWith(".jsonl.gz")) continue;
      objects++;
      const body = await store.get(info.key);
      const gunzip = createGunzip();
      body.on("error", (error) => gunzip.destroy(error));
      const lines = createInterface({ input: body.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
      let line = 0;
      try {
        for await (const text of lines) {
          line++;
          if (text.trim() === "") continue;
          rowsSeen++;
          let record: unknown;
          try {
            record = JSON.parse(text);
          } catch (error: unknown) {
            throw new DataError({ file: info.key, row: line }, `line ${line} is not valid JSON.`, {
              cause: error,
            });
          }
          if (record === null || typeof record !== "object" || Array.isArray(record)) {
            throw new DataError(
              { file: info.key, row: line },
              `line ${line} is not a prediction row object.`,
            );
          }
          const row = record as {
            ts?: unknown;
            request_id?: unknown;
            row?: unknown;
            version?: unknown;
            inputs?: Record<string, unknown>;
            outputs?: Record<string, unknown>;
          };
          const ts = typeof row.ts === "string" ? Date.parse(row.ts) : Number.NaN;
          if (Number.isNaN(ts)) {
            throw new DataError(
              { file: info.key, row: line },
              `line ${line} has no valid 'ts' (expected an ISO 8601 time).`,
            );
          }
          if (ts < since || ts >= until) continue;
          if (request.version !== undefined && row.version !== request.version) continue;
          const position = sink.rows + 1;
          try {
            for (const column of request.inputs) {
              pushValue(sink, column, column.name, row.inputs?.[column.name], info.key, position, undefined);
            }
            for (const column of request.outputs) {
              pushValue(
                sink,
                column,
                column.name,
                row.outputs?.[column.name],
                info.key,
                position,
                outputNames,
              );
            }
          } catch (error: unknown) {
            throw atLine(error, info.key, line);
          }
          sink.rows++;
          for (const builder of sink.builders.values()) builder.padTo(sink.rows);
          requestKeys?.push(`${String(row.request_id)}#${String(row.row ?? 0)}`);
          const version = typeof row.version === "string" ? row.version : "unknown";
          versions[version] = (versions[version] ?? 0) + 1;
        }
      } catch (error: unknown) {
        if (isKilnError(error)) throw error;
        throw new StoreError(`could not read prediction log object '${info.key}': ${errorMessage(error)}.`, {
          key: info.key,
        });
      }
    }
  }
  const source = `predictions/${request.model} ${request.since.toISOString()}..${request.until.toISOString()}`;
  const table = finishTable(source, sink.rows, sink.builders.values(), sink.order);
  const result: PredictionWindowTable = {
    table,
    outputColumns: sink.order.filter((n) => outputNames.has(n) || outputSet.has(n)),
    objects,
    rowsSeen,
    versions,
  };
  if (requestKeys !== undefined) result.requestKeys = requestKeys;
  return result;
}
