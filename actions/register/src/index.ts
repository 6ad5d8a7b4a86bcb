// The register Action's entry point (bundled to dist/register/index.js).
import { run } from "./main.js";

await run();
