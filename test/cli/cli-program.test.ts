import { describe, expect, it } from "vitest";
import { buildProgram } from "../../runtime/cli/main.js";

const names = async (...args: string[]) =>
  (await buildProgram(["node", "kiln", ...args])).commands.map((command) => command.name()).sort();

describe("the kiln program", () => {
  it("loads only the area of the command being run", async () => {
    expect(await names("run", "--jobs", "2")).toEqual(["compile", "dag", "run", "status"]);
    expect(await names("model", "list", "--store", "x")).toEqual(["model"]);
    expect(await names("predict", "m.onnx")).toEqual(["predict", "train"]);
  });

  it("loads every command for help, a bare kiln and an unknown command", async () => {
    const all = await names("--help");
    expect(all).toEqual(
      expect.arrayContaining(["compile", "doctor", "drift", "model", "monitor", "run", "serve", "train"]),
    );
    expect(await names()).toEqual(all);
    expect(await names("frobnicate")).toEqual(all);
  });

  it("loads nothing to print the version", async () => {
    expect(await names("--version")).toEqual([]);
  });
});
