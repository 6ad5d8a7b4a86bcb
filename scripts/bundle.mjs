#!/usr/bin/env node
// Bundles the actions, the `kiln` CLI and the bot into the committed dist/ folder:
//   1. tsc -p tsconfig.build.json → .build/ (ncc cannot load TypeScript 7's compiler)
//   2. ncc build for every actions/<name>/src/index.ts → dist/<name>/, runtime/cli/kiln.ts →
//      dist/kiln/ (with a shebang, executable) and bot/src/index.ts → dist/bot/ when it exists
//   3. onnxruntime-node (kept external: native code loaded by a computed path) and what it needs
//      at run time → dist/node_modules/, one copy for all bundles.
// `node scripts/bundle.mjs --check` builds into a temporary folder and lists files of dist/ that
// differ (exit 1), so CI can fail when the committed dist/ is stale.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// One bundle at a time: several people share this tree, and builds share .build/ and .build-dist/.
const lockPath = join(root, ".build.lock");
for (let waited = 0; ; waited++) {
  try {
    closeSync(openSync(lockPath, "wx"));
    break;
  } catch {
    if (waited === 0) process.stderr.write("bundle: waiting for another bundle to finish (.build.lock)\n");
    if (waited > 1200) {
      process.stderr.write("bundle: .build.lock held for 10 minutes; remove it if no bundle is running.\n");
      process.exit(1);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}
process.on("exit", () => rmSync(lockPath, { force: true }));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
const check = process.argv.includes("--check");
const bin = (name) => join(root, "node_modules", ".bin", name);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(
      `bundle: ${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal}).\n`,
    );
    process.exit(1);
  }
}

/** Entry points: [output folder name, source file relative to the repository]. */
function entries() {
  const list = [];
  const actions = join(root, "actions");
  if (existsSync(actions)) {
    for (const name of readdirSync(actions).sort()) {
      if (existsSync(join(actions, name, "src", "index.ts")))
        list.push([name, `actions/${name}/src/index.ts`]);
    }
  }
  list.push(["kiln", "runtime/cli/kiln.ts"]);
  if (existsSync(join(root, "bot", "src", "index.ts"))) list.push(["bot", "bot/src/index.ts"]);
  if (existsSync(join(root, "bot", "src", "workflow-entry.ts")))
    list.push(["bot-workflow", "bot/src/workflow-entry.ts"]);
  return list;
}

/** Files onnxruntime-node needs at run time on linux-x64 (what `require("onnxruntime-node")` loads). */
const runtimeFiles = [
  ["onnxruntime-node", ["package.json", "dist", "bin/napi-v6/linux/x64", "LICENSE"]],
  ["onnxruntime-common", ["package.json", "dist/cjs", "LICENSE"]],
];

function copyRuntime(out) {
  for (const [name, parts] of runtimeFiles) {
    const from = join(root, "node_modules", name);
    for (const part of parts) {
      if (!existsSync(join(from, part))) continue;
      cpSync(join(from, part), join(out, "node_modules", name, part), { recursive: true });
    }
    // The copied package.json must not run install scripts or point at dev files.
    const manifestPath = join(out, "node_modules", name, "package.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    delete manifest.scripts;
    delete manifest.devDependencies;
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

function build(out) {
  rmSync(join(root, ".build"), { recursive: true, force: true });
  run(bin("tsc"), ["-p", "tsconfig.build.json"]);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const [name, source] of entries()) {
    const compiled = join(".build", source.replace(/\.ts$/, ".js"));
    const target = join(out, name);
    // Deterministic: no cache, no source maps, no build-time stamps.
    run(
      bin("ncc"),
      ["build", compiled, "-o", target, "-e", "onnxruntime-node", "--minify", "--no-cache", "--quiet"],
      {
        SOURCE_DATE_EPOCH: "0",
      },
    );
    if (name === "kiln") {
      const file = join(target, "index.js");
      const text = readFileSync(file, "utf8");
      if (!text.startsWith("#!")) writeFileSync(file, `#!/usr/bin/env node\n${text}`);
      chmodSync(file, 0o755);
    }
  }
  // The bundles are ES modules; say so for runners that check out only dist/.
  writeFileSync(join(out, "package.json"), `${JSON.stringify({ type: "module", private: true }, null, 2)}\n`);
  copyRuntime(out);
}

function listFiles(folder) {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else
        files.set(
          relative(folder, path),
          createHash("sha256").update(readFileSync(path)).digest("hex") +
            (statSync(path).mode & 0o111 ? "+x" : ""),
        );
    }
  };
  if (existsSync(folder)) walk(folder);
  return files;
}

if (check) {
  const temporary = mkdtempSync(join(tmpdir(), "kiln-dist-"));
  try {
    build(join(temporary, "dist"));
    const fresh = listFiles(join(temporary, "dist"));
    const committed = listFiles(join(root, "dist"));
    const stale = [];
    for (const [file, digest] of fresh)
      if (committed.get(file) !== digest)
        stale.push(`${committed.has(file) ? "changed" : "missing"}: dist/${file}`);
    for (const file of committed.keys()) if (!fresh.has(file)) stale.push(`extra:   dist/${file}`);
    if (stale.length > 0) {
      process.stderr.write(
        `dist/ is stale; run \`npm run bundle\` and commit dist/:\n${stale.map((s) => `  ${s}`).join("\n")}\n`,
      );
      process.exit(1);
    }
    process.stdout.write("dist/ is up to date.\n");
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
} else {
  // Build beside dist/ and swap at the end, so a failed build leaves the committed dist/ intact.
  const staging = join(root, ".build-dist");
  build(staging);
  rmSync(join(root, "dist"), { recursive: true, force: true });
  renameSync(staging, join(root, "dist"));
  process.stdout.write(
    `bundled ${entries()
      .map(([name]) => `dist/${name}`)
      .join(", ")}\n`,
  );
}
