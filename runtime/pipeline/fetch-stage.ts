import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline as streamPipeline } from "node:stream/promises";
import { ConfigError } from "../errors.js";
import type { BuiltinStage, BuiltinStageSettings } from "./builtin-stage.js";
import { storeKeyOf } from "./store-reference.js";

function settingsOf(settings: BuiltinStageSettings): { from: string; to: string } {
  const { from, to } = settings.with;
  const position = {
    file: settings.file,
    ...(settings.line === undefined ? {} : { line: settings.line }),
    ...(settings.column === undefined ? {} : { column: settings.column }),
  };
  for (const [field, value] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (typeof value !== "string" || value === "") {
      throw new ConfigError(
        position,
        `stage '${settings.stage}': kiln/fetch needs 'with.${field}' (a string), e.g. from: s3://bucket/data.csv, to: data/raw.csv.`,
      );
    }
  }
  const fromText = from as string;
  if (!/^(s3|store):\/\//.test(fromText)) {
    throw new ConfigError(
      position,
      `stage '${settings.stage}': kiln/fetch 'with.from' must be a store object (store://key or s3://bucket/key), not '${fromText}'.`,
    );
  }
  return { from: fromText, to: to as string };
}

/** `uses: kiln/fetch` — copy one object of the store (or an s3:// URL inside it) to a file. */
export const fetchStage: BuiltinStage = {
  name: "fetch",
  description: "Copy an object from the store (store://key or s3://bucket/key) to a file.",
  plan(settings) {
    const { from, to } = settingsOf(settings);
    return { deps: [from], outs: [to] };
  },
  async run(context) {
    const { from, to } = settingsOf(context);
    const key = storeKeyOf(from, context.store.url);
    const target = join(context.cwd, to);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.kiln-tmp-${process.pid}`;
    try {
      await streamPipeline(await context.store.get(key), createWriteStream(temporary), {
        signal: context.signal,
      });
      await rename(temporary, target);
    } finally {
      await rm(temporary, { force: true });
    }
    context.logger.info(`fetched ${from} to ${to}`);
  },
};
