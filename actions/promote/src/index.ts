// The promote Action's entry point (bundled to dist/promote/index.js).
import { run } from "./main.js";

await run();
