// The pipeline Action's entry point (bundled to dist/pipeline/index.js).
import { run } from "./main.js";

await run();
