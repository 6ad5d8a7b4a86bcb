/**
 * Replays labelled rows through a KServe V2 server as traffic: batches of rows, several requests
 * in flight, alternating the records form (`{"instances": [...]}`) and the tensor form
 * (`{"inputs": [...]}`), each request with an `id` so that labels can later be joined to the
 * prediction log. Returns per-segment accuracy, the ground truth by `<request id>#<row>` and
 * request latencies.
 */

export interface ModelInput {
  name: string;
  datatype: string;
}

export interface TrafficRow {
  /** Values by column name, as read from the CSV. */
  values: Record<string, string>;
  /** e.g. "Seattle 2014–2015" or "New York". */
  segment: string;
  label: string;
}

export interface ReplayOptions {
  baseUrl: string;
  model: string;
  inputs: readonly ModelInput[];
  rows: readonly TrafficRow[];
  batchSize: number;
  concurrency: number;
  /** Prefix of the request ids. */
  runId: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SegmentResult {
  segment: string;
  rows: number;
  correct: number;
  predicted: Record<string, number>;
}

export interface ReplayResult {
  requests: number;
  rows: number;
  byForm: { records: number; tensor: number };
  segments: SegmentResult[];
  latenciesMs: number[];
  /** Ground truth, `{request_id, row, weather}` per replayed row. */
  labels: { request_id: string; row: number; weather: string }[];
}

function inputValue(input: ModelInput, text: string | undefined): string | number {
  if (input.datatype === "BYTES") return text ?? "";
  const value = Number(text);
  if (text === undefined || text === "" || !Number.isFinite(value))
    throw new Error(`traffic row: input '${input.name}' needs a number, got '${text ?? ""}'.`);
  return value;
}

function recordsBody(id: string, inputs: readonly ModelInput[], batch: readonly TrafficRow[]): unknown {
  return {
    id,
    instances: batch.map((row) =>
      Object.fromEntries(inputs.map((i) => [i.name, inputValue(i, row.values[i.name])])),
    ),
  };
}

function tensorBody(id: string, inputs: readonly ModelInput[], batch: readonly TrafficRow[]): unknown {
  return {
    id,
    inputs: inputs.map((i) => ({
      name: i.name,
      datatype: i.datatype,
      shape: [batch.length, 1],
      data: batch.map((row) => inputValue(i, row.values[i.name])),
    })),
  };
}

function labelsOf(body: unknown, form: "records" | "tensor", rows: number): string[] {
  const answer = body as {
    predictions?: { label?: unknown }[];
    outputs?: { name: string; data: unknown[] }[];
  };
  const labels =
    form === "records"
      ? answer.predictions?.map((p) => String(p.label))
      : answer.outputs?.find((o) => o.name === "label")?.data.map(String);
  if (labels === undefined || labels.length !== rows)
    throw new Error(`the server answered without ${rows} labels: ${JSON.stringify(body).slice(0, 300)}`);
  return labels;
}

export async function replayTraffic(options: ReplayOptions): Promise<ReplayResult> {
  const batches: TrafficRow[][] = [];
  for (let i = 0; i < options.rows.length; i += options.batchSize)
    batches.push(options.rows.slice(i, i + options.batchSize));
  const segments = new Map<string, SegmentResult>();
  const result: ReplayResult = {
    requests: 0,
    rows: 0,
    byForm: { records: 0, tensor: 0 },
    segments: [],
    latenciesMs: [],
    labels: [],
  };
  const url = `${options.baseUrl}/v2/models/${encodeURIComponent(options.model)}/infer`;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      const batch = batches[index] as TrafficRow[];
      const form = index % 2 === 0 ? "records" : "tensor";
      const id = `${options.runId}-${index}`;
      const body =
        form === "records" ? recordsBody(id, options.inputs, batch) : tensorBody(id, options.inputs, batch);
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      result.latenciesMs.push(performance.now() - started);
      if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
      const labels = labelsOf(JSON.parse(text), form, batch.length);
      batch.forEach((row, r) => {
        const segment = segments.get(row.segment) ?? {
          segment: row.segment,
          rows: 0,
          correct: 0,
          predicted: {},
        };
        segments.set(row.segment, segment);
        const predicted = labels[r] as string;
        segment.rows += 1;
        if (predicted === row.label) segment.correct += 1;
        segment.predicted[predicted] = (segment.predicted[predicted] ?? 0) + 1;
        result.labels.push({ request_id: id, row: r, weather: row.label });
      });
      result.requests += 1;
      result.rows += batch.length;
      result.byForm[form] += 1;
      options.onProgress?.(result.rows, options.rows.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, batches.length) }, worker));
  result.segments = [...segments.values()];
  return result;
}
