import { describe, expect, it } from "vitest";
import { withOutputs } from "../../runtime/monitor/monitor-model.js";
import { categorical, numeric, table } from "./table-builder.js";

describe("the reference's model outputs", () => {
  it("come from the training target when the reference holds no predictions (classification: label)", () => {
    const reference = table("train.csv", numeric("f0", [1, 2]), categorical("churned", ["yes", "no"]));
    expect(withOutputs(reference, ["label"], "churned", "classification")).toEqual(["label"]);
    const label = reference.columns.find((c) => c.name === "label");
    expect(label).toEqual({ ...categorical("churned", ["yes", "no"]), name: "label" });
  });

  it("come from the training target for a regression's prediction", () => {
    const reference = table("train.csv", numeric("f0", [1, 2]), numeric("price", [10, 20]));
    expect(withOutputs(reference, ["prediction"], "price", "regression")).toEqual(["prediction"]);
  });

  it("are the reference's own columns when it has them, and left out when it has neither", () => {
    const withPredictions = table("past.csv", numeric("f0", [1]), categorical("label", ["a"]));
    expect(withOutputs(withPredictions, ["label"], "churned", "classification")).toEqual(["label"]);
    expect(withPredictions.columns).toHaveLength(2);
    const bare = table("train.csv", numeric("f0", [1]));
    expect(withOutputs(bare, ["label"], "churned", "classification")).toEqual([]);
    expect(withOutputs(bare, ["label"], undefined, undefined)).toEqual([]);
  });
});
