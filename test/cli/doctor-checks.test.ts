import { describe, expect, it } from "vitest";
import { checkNodeVersion } from "../../runtime/cli/doctor/check-node-version.js";
import { checkOnnxRuntime } from "../../runtime/cli/doctor/check-onnx-runtime.js";
import type { DoctorReport } from "../../runtime/cli/doctor/doctor-check.js";
import { formatDoctorReport } from "../../runtime/cli/doctor/format-doctor-report.js";

describe("the Node.js version check", () => {
  it.each([
    ["18.19.1", "fail"],
    ["v19.9.0", "fail"],
    ["20.0.0", "pass"],
    ["20.20.2", "pass"],
    ["24.1.0", "pass"],
  ])("judges Node.js %s a %s", (version, status) => {
    const result = checkNodeVersion(version);
    expect(result.status).toBe(status);
    if (status === "fail")
      expect(result.hint).toBe("Install Node.js 20 or newer (e.g. with nvm or actions/setup-node).");
  });
});

describe("the onnxruntime check", () => {
  it("passes with the real onnxruntime-node, which adds [1, 2, 3] and [10, 20, 30] in the tiny model", async () => {
    const result = await checkOnnxRuntime(async () => (await import("onnxruntime-node")) as never);
    expect(result.status).toBe("pass");
  });

  it("fails with a hint when onnxruntime-node cannot be loaded", async () => {
    const result = await checkOnnxRuntime(() =>
      Promise.reject(new Error("libonnxruntime.so.1: cannot open shared object file")),
    );
    expect(result).toMatchObject({
      status: "fail",
      summary: "onnxruntime-node does not load: libonnxruntime.so.1: cannot open shared object file",
    });
    expect(result.hint).toMatch(/^Reinstall onnxruntime-node/);
  });
});

describe("the doctor report", () => {
  const report: DoctorReport = {
    ok: false,
    checks: [
      { name: "node", status: "pass", summary: "Node.js 20.20.2 (>= 20 required)" },
      { name: "store", status: "fail", summary: "cannot write 'x'", hint: "Check AWS_ENDPOINT_URL." },
      { name: "github", status: "skip", summary: "skipped: no token", hint: "Set GITHUB_TOKEN." },
    ],
  };

  it("shows one line per check, a hint under failures only, and how many failed", () => {
    expect(formatDoctorReport(report)).toBe(
      [
        "✓ node: Node.js 20.20.2 (>= 20 required)",
        "✗ store: cannot write 'x'",
        "    hint: Check AWS_ENDPOINT_URL.",
        "– github: skipped: no token",
        "1 check failed.",
        "",
      ].join("\n"),
    );
  });
});
