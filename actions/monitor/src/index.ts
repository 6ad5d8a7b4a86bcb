// The monitor Action's entry point (bundled to dist/monitor/index.js).
import { run } from "./main.js";

await run();
