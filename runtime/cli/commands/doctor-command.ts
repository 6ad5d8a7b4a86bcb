import type { Command } from "commander";
import { ExitCode } from "../../errors.js";
import { openStore, resolveStoreUrl } from "../../store/open-store.js";
import type { OnnxRuntimeModule } from "../doctor/check-onnx-runtime.js";
import { formatDoctorReport } from "../doctor/format-doctor-report.js";
import { runDoctor } from "../doctor/run-doctor.js";

/** `kiln doctor`: check that this machine can run Kiln (Node, store, onnxruntime, GitHub). */
export function registerDoctorCommand(program: Command): void {
  program
    .command("doctor")
    .description(
      "Check this machine: Node.js version, the store (KILN_STORE or .kiln/store) is writable, onnxruntime-node runs a model, GitHub credentials (when GITHUB_TOKEN or GH_TOKEN is set).",
    )
    .option(
      "--store <url>",
      "store to check instead of KILN_STORE (s3://bucket/prefix, file:///path or a folder)",
    )
    .option("--json", "print the report as JSON")
    .action(async (options: { store?: string; json?: boolean }) => {
      const context = { env: process.env, cwd: process.cwd() };
      const report = await runDoctor({
        env: process.env,
        nodeVersion: process.versions.node,
        storeUrl: resolveStoreUrl(options.store, context),
        openStore: () => openStore(options.store, context),
        loadOnnxRuntime: async () => (await import("onnxruntime-node")) as unknown as OnnxRuntimeModule,
        fetch: globalThis.fetch,
      });
      process.stdout.write(
        options.json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorReport(report),
      );
      process.exitCode = report.ok ? ExitCode.ok : ExitCode.failure;
    });
}
