import { describe, expect, it } from "vitest";
import { bumpVersion, decideBump } from "../../runtime/registry/version-bump.js";
import type { ModelSignature, TensorSpec } from "../../runtime/train/model-signature.js";

const tensor = (name: string, datatype: TensorSpec["datatype"] = "FP32", shape = [-1, 1]): TensorSpec => ({
  name,
  datatype,
  shape,
});
const signature = (inputs: TensorSpec[], outputs: TensorSpec[]): ModelSignature => ({
  inputs,
  outputs,
  metadata: {},
});
const base = signature([tensor("age"), tensor("city", "BYTES")], [tensor("prediction")]);

describe("the version bump", () => {
  it("starts a model at 1.0.0", () => {
    const decision = decideBump(undefined, base, undefined);
    expect(decision.kind).toBe("initial");
    expect(bumpVersion(undefined, decision.kind)).toBe("1.0.0");
  });

  describe.each([
    ["an unchanged signature", base, undefined, "minor", "1.5.0"],
    ["an unchanged signature with --bump patch", base, "patch", "patch", "1.4.3"],
    ["an unchanged signature with --bump major", base, "major", "major", "2.0.0"],
    [
      "an added output",
      signature(base.inputs, [tensor("prediction"), tensor("std")]),
      undefined,
      "minor",
      "1.5.0",
    ],
    ["a removed input", signature([tensor("age")], base.outputs), undefined, "major", "2.0.0"],
    [
      "a retyped input",
      signature([tensor("age", "FP64"), tensor("city", "BYTES")], base.outputs),
      "patch",
      "major",
      "2.0.0",
    ],
    [
      "a reshaped output",
      signature(base.inputs, [tensor("prediction", "FP32", [-1])]),
      undefined,
      "major",
      "2.0.0",
    ],
    ["a renamed output", signature(base.inputs, [tensor("score")]), undefined, "major", "2.0.0"],
    [
      "an added input",
      signature([...base.inputs, tensor("income")], base.outputs),
      undefined,
      "major",
      "2.0.0",
    ],
  ] as const)("after 1.4.2, %s", (_what, next, requested, kind, version) => {
    const decision = decideBump({ version: "1.4.2", signature: base }, next, requested);
    it(`is ${kind}, giving ${version}`, () => {
      expect(decision.kind).toBe(kind);
      expect(bumpVersion("1.4.2", decision.kind)).toBe(version);
    });
  });

  it("says which changes forced a major version, and that another bump was asked", () => {
    const next = signature([tensor("age", "INT64")], [tensor("prediction")]);
    const decision = decideBump({ version: "1.4.2", signature: base }, next, "patch");
    expect(decision.reason).toBe(
      "incompatible signature change against 1.4.2 (patch was asked): input 'age' changed from FP32[-1, 1] to INT64[-1, 1]; input 'city' removed",
    );
  });
});
