// The baseline of `npm run bench:serve`: what a competent engineer writes in an afternoon — a plain
// node:http + onnxruntime-node server for a model whose inputs are [rows, 1] FP32 tensors, with no
// validation, metrics or logging, and (with --batching) a naive micro-batcher that drains its
// whole queue into each run. Plain JavaScript so it runs as `node`, like `dist/kiln` does.
//
//   node scripts/bench-serve-baseline.mjs <model.onnx> [--batching]
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import * as ort from "onnxruntime-node";

const [modelPath, flag] = process.argv.slice(2);
const batching = flag === "--batching";
const session = await ort.InferenceSession.create(new Uint8Array(await readFile(modelPath)), {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
});
const names = session.inputNames;
const queue = [];
let running = false;

async function drain() {
  if (running || queue.length === 0) return;
  running = true;
  const jobs = queue.splice(0, queue.length);
  const rows = jobs.reduce((n, j) => n + j.rows, 0);
  const feeds = {};
  names.forEach((name, k) => {
    const data = new Float32Array(rows);
    let o = 0;
    for (const job of jobs) for (const v of job.values[k]) data[o++] = v;
    feeds[name] = new ort.Tensor("float32", data, [rows, 1]);
  });
  const out = await session.run(feeds);
  let at = 0;
  for (const job of jobs) {
    job.done({ p: out.probabilities.data, labels: out.label.data, at });
    at += job.rows;
  }
  running = false;
  if (queue.length > 0) setImmediate(drain);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString());
      const byName = new Map(body.inputs.map((i) => [i.name, i.data]));
      const values = names.map((n) => byName.get(n) ?? [0]);
      const rows = values[0].length;
      let result;
      if (batching) {
        result = await new Promise((done) => {
          queue.push({ values, rows, done });
          setImmediate(drain);
        });
      } else {
        const feeds = {};
        names.forEach((name, k) => {
          feeds[name] = new ort.Tensor("float32", Float32Array.from(values[k]), [rows, 1]);
        });
        const out = await session.run(feeds);
        result = { p: out.probabilities.data, labels: out.label.data, at: 0 };
      }
      const text = JSON.stringify({
        model_name: "churn",
        outputs: [
          {
            name: "label",
            datatype: "BYTES",
            shape: [rows],
            data: result.labels.slice(result.at, result.at + rows),
          },
          {
            name: "probabilities",
            datatype: "FP32",
            shape: [rows, 2],
            data: Array.from(result.p.subarray(result.at * 2, (result.at + rows) * 2)),
          },
        ],
      });
      res.writeHead(200, { "content-type": "application/json" }).end(text);
    } catch (error) {
      res.writeHead(400).end(JSON.stringify({ error: String(error) }));
    }
  });
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
