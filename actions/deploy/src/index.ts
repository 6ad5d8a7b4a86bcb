// The deploy Action's entry point (bundled to dist/deploy/index.js).
import { run } from "./main.js";

await run();
