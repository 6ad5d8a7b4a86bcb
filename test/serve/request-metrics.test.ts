import { AggregatorRegistry, Counter, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { RequestMetrics } from "../../runtime/serve/request-metrics.js";
import { seededRandom } from "../../runtime/train/seeded-random.js";

const buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** prom-client's own Counter and Histogram with the same names, help and labels. */
function promClientPair(registry: Registry) {
  const labelNames = ["model", "version", "status"] as const;
  return {
    count: new Counter({
      name: "kiln_requests_total",
      help: "Requests answered, by model, version and HTTP status.",
      labelNames,
      registers: [registry],
    }),
    time: new Histogram({
      name: "kiln_request_duration_seconds",
      help: "Time from request start to response end, by model, version and HTTP status.",
      labelNames,
      buckets,
      registers: [registry],
    }),
  };
}

/** Random requests over a few label sets, with durations on and between bucket bounds. */
function observations(seed: number, n: number): Array<[string, string, number, number]> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: n }, () => [
    pick(["churn", "iris", "_server"]),
    pick(["1.0.0", "1.1.0", ""]),
    pick([200, 400, 404, 500]),
    random() < 0.2 ? pick(buckets) : random() ** 4 * 4,
  ]);
}

describe("request metrics", () => {
  it("render exactly the text prom-client's Counter and Histogram render for the same requests", async () => {
    const theirs = new Registry();
    const pair = promClientPair(theirs);
    const ours = new Registry();
    const metrics = new RequestMetrics(ours, buckets);
    for (const [model, version, status, seconds] of observations(1, 2000)) {
      const labels = { model, version, status: String(status) };
      pair.count.inc(labels);
      pair.time.observe(labels, seconds);
      metrics.observe(model, version, status, seconds);
    }
    const lines = (text: string) => text.split("\n").sort();
    expect(lines(await ours.metrics())).toEqual(lines(await theirs.metrics()));
  });

  it("merge across worker processes as prom-client's own metrics do", async () => {
    const theirs = [new Registry(), new Registry()];
    const ours = [new Registry(), new Registry()];
    const pairs = theirs.map(promClientPair);
    const metrics = ours.map((registry) => new RequestMetrics(registry, buckets));
    observations(2, 1000).forEach(([model, version, status, seconds], i) => {
      const labels = { model, version, status: String(status) };
      pairs[i % 2]!.count.inc(labels);
      pairs[i % 2]!.time.observe(labels, seconds);
      metrics[i % 2]!.observe(model, version, status, seconds);
    });
    const merged = async (registries: Registry[]) =>
      (
        await AggregatorRegistry.aggregate(
          await Promise.all(registries.map((r) => r.getMetricsAsJSON())),
        ).metrics()
      )
        .split("\n")
        .sort();
    expect(await merged(ours)).toEqual(await merged(theirs));
  });
});
