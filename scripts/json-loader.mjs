// Lets plain Node import packages whose dist imports JSON without import attributes
// (@actions/workflow-parser): adds `type: "json"` to such imports.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
  export async function load(url, context, next) {
    if (url.endsWith(".json") && !context.importAttributes?.type)
      return next(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
    return next(url, context);
  }`)}`,
);
