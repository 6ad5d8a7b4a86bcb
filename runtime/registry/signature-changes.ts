import type { ModelSignature, TensorSpec } from "../train/model-signature.js";

/**
 * What changed between two ONNX signatures. Incompatible changes break callers of the old model
 * and force a major version: an input removed or retyped (datatype or shape), an output removed,
 * retyped or reshaped. Compatible ones are listed for the model card: new outputs. A new input is
 * incompatible too (callers of the old model do not send it).
 */
export interface SignatureChanges {
  incompatible: string[];
  compatible: string[];
}

const describe = (t: TensorSpec) => `${t.datatype}[${t.shape.join(", ")}]`;
const sameShape = (a: TensorSpec, b: TensorSpec) =>
  a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);

export function signatureChanges(before: ModelSignature, after: ModelSignature): SignatureChanges {
  const incompatible: string[] = [];
  const compatible: string[] = [];
  const side = (kind: "input" | "output", old: TensorSpec[], now: TensorSpec[]) => {
    const nowByName = new Map(now.map((t) => [t.name, t]));
    const oldNames = new Set(old.map((t) => t.name));
    for (const o of old) {
      const n = nowByName.get(o.name);
      if (n === undefined) incompatible.push(`${kind} '${o.name}' removed`);
      else if (n.datatype !== o.datatype || !sameShape(o, n))
        incompatible.push(`${kind} '${o.name}' changed from ${describe(o)} to ${describe(n)}`);
    }
    for (const n of now) {
      if (oldNames.has(n.name)) continue;
      if (kind === "input") incompatible.push(`input '${n.name}' added (callers do not send it)`);
      else compatible.push(`output '${n.name}' added`);
    }
  };
  side("input", before.inputs, after.inputs);
  side("output", before.outputs, after.outputs);
  return { incompatible, compatible };
}
