/** Numbers and strings of a metrics JSON document, keyed by dotted path (`scores.f1`). */
export function flattenMetrics(value: unknown, prefix = ""): Record<string, number | string | boolean> {
  const flat: Record<string, number | string | boolean> = {};
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    flat[prefix === "" ? "value" : prefix] = value;
    return flat;
  }
  if (value === null || typeof value !== "object") return flat;
  for (const [key, inner] of Object.entries(value)) {
    Object.assign(flat, flattenMetrics(inner, prefix === "" ? key : `${prefix}.${key}`));
  }
  return flat;
}
