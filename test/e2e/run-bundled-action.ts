/**
 * Runs a committed Action bundle (`dist/<name>/index.js`) the way the GitHub runner does: inputs as
 * `INPUT_<NAME>` env, the event payload in GITHUB_EVENT_PATH, outputs and the job summary through the
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. Asynchronous, so the stand-in and the bot, which
 * live in the test's process, keep answering while the action runs.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface BundledActionRun {
  code: number | null;
  /** stdout and stderr, interleaved as they came (workflow commands such as `::error::` included). */
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

export async function runBundledAction(
  name: string,
  options: {
    inputs: Record<string, string>;
    /** GITHUB_* and store settings of the job. */
    env: Record<string, string>;
    workspace: string;
    eventName: string;
    event: unknown;
  },
): Promise<BundledActionRun> {
  const files = await mkdtemp(join(tmpdir(), "kiln-runner-"));
  const outputFile = join(files, "output");
  const summaryFile = join(files, "summary");
  const eventFile = join(files, "event.json");
  await writeFile(outputFile, "");
  await writeFile(summaryFile, "");
  await writeFile(eventFile, JSON.stringify(options.event));
  const inputEnv = Object.fromEntries(
    Object.entries(options.inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, "_").toUpperCase()}`, v]),
  );
  try {
    const { code, log } = await new Promise<{ code: number | null; log: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(root, "dist", name, "index.js")], {
        cwd: options.workspace,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          GITHUB_ACTIONS: "true",
          RUNNER_TEMP: files,
          GITHUB_WORKSPACE: options.workspace,
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: summaryFile,
          GITHUB_EVENT_PATH: eventFile,
          GITHUB_EVENT_NAME: options.eventName,
          ...inputEnv,
          ...options.env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let log = "";
      child.stdout.on("data", (c: Buffer) => {
        log += c.toString();
      });
      child.stderr.on("data", (c: Buffer) => {
        log += c.toString();
      });
      child.on("error", reject);
      child.on("close", (exit) => resolve({ code: exit, log }));
    });
    const outputs: Record<string, string> = {};
    for (const match of (await readFile(outputFile, "utf8")).matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
      outputs[match[1] as string] = match[3] as string;
    return { code, log, outputs, summary: await readFile(summaryFile, "utf8") };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}
