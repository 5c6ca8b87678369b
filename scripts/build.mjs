// Bundles the CLI and the library API into dist/ with esbuild, then emits type declarations.
// Runs on `npm install` / `npm ci` through the `prepare` script, so `npx subsidy` works right after install.
import { build } from "esbuild";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";

// `yaml`'s ESM build calls require("process"); an ESM bundle has no `require` unless we make one.
const banner = { js: 'import { createRequire as __subsidyCreateRequire } from "node:module"; const require = __subsidyCreateRequire(import.meta.url);' };

const { version } = JSON.parse(readFileSync("package.json", "utf8"));

// zod re-exports every one of its ~60 locales (`z.locales`), which we never use (our messages are our
// own, in src/i18n): resolving its locale index to English only drops about a third of the bundle
// that `check` compiles at start-up.
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${"node_modules"}/zod/`) ? { path: "zod-locales-en", namespace: "zod-locales" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, () => ({
      contents: 'export { default as en } from "zod/v4/locales/en.js";',
      resolveDir: process.cwd(),
      loader: "js",
    }));
  },
};

// commander loads node:child_process at start-up (for executable subcommands, which we do not have),
// and child_process pulls in net and stream: about as much start-up as the rest of `check`. Give
// commander a stand-in that loads the real module only if spawn is ever called.
const lazyChildProcess = {
  name: "lazy-child-process-for-commander",
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(`${"node_modules"}/commander/`) ? { path: "lazy-child-process", namespace: "lazy-cp" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-cp" }, () => ({
      contents: 'module.exports = { spawn: (...a) => require("node:child_process").spawn(...a) };',
      loader: "js",
    }));
  },
};

// In dist/cli.cjs, `yaml` and node:crypto are loaded where first used, not at start-up: `batch` reads most
// profiles with its own fast path (src/parse/fast.ts) and the bundled policy from its precompiled copy,
// and crypto only names a report's temporary file. Each stand-in has one getter per export of the real
// module (listed here, at build time), so every import keeps working whatever it names.
const lazyModules = (names) => ({
  name: "lazy-modules",
  setup(b) {
    const filter = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`);
    b.onResolve({ filter }, (args) => {
      if (args.namespace === "lazy-module") return { path: args.path, external: true };
      return args.importer.includes("node_modules") ? undefined : { path: args.path, namespace: "lazy-module" };
    });
    b.onLoad({ filter: /.*/, namespace: "lazy-module" }, async (args) => {
      const keys = Object.keys(await import(args.path)).filter((k) => k !== "default");
      const getters = keys.map((k) => `get ${JSON.stringify(k)}() { return load()[${JSON.stringify(k)}]; }`).join(",\n  ");
      // A module with a bundle of its own in dist/ (see BUNDLED) is run from it, with its code cache
      // (bin/cached-script.js, as bin/subsidy.js runs dist/cli.cjs).
      const from = BUNDLED[args.path]
        ? `require(require("node:path").join(__dirname, "..", "bin", "cached-script.js")).runCached(require("node:path").join(__dirname, ${JSON.stringify(BUNDLED[args.path])}), Boolean(process.env.SUBSIDY_WRITE_BUNDLE_CACHE))?.exports ?? `
        : "";
      return { contents: `let m;\nconst load = () => (m ??= ${from}require(${JSON.stringify(args.path)}));\nmodule.exports = {\n  ${getters}\n};\n`, loader: "js" };
    });
  },
});

// `yaml` is needed only for a profile the fast path declines, and then at once: from node_modules it takes
// about 40 ms to load (some 70 files, compiled on the spot). dist/yaml.cjs is the package as one file, run
// like dist/cli.cjs through bin/cached-script.js with a V8 code cache (dist/yaml.cjs.cache, written by a
// real run below), so that the first broken or unusual profile of a `check` or a batch costs less. Without the
// bundle the stand-in falls back to require("yaml"); without its cache (or with one V8 refuses), it compiles.
const BUNDLED = { yaml: "yaml.cjs" };

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: { cli: "src/cli.ts", index: "src/index.ts", "batch-reader": "src/batch/reader.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  banner,
  // Loaded from node_modules when a workbook is read or written, never at start-up (src/xlsx/excel.ts).
  external: ["exceljs"],
  plugins: [zodEnglishOnly, lazyChildProcess],
  define: { __SUBSIDY_VERSION__: JSON.stringify(version) },
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: false,
  minify: process.env.NOMINIFY ? false : true,
  legalComments: "none",
  logLevel: "warning",
});
// The same CLI once more as one CommonJS file, which bin/subsidy.js compiles through vm.Script with a V8
// code cache (Node 20 has no module compile cache for ES modules): start-up then skips most parsing and
// compiling. `import.meta.url` becomes a variable set from __filename; the ESM bundle above stays for
// the library entry and as the fallback when dist/cli.cjs is missing.
await build({
  entryPoints: ["src/cli.ts"],
  outfile: "dist/cli.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  banner: { js: 'var __subsidyImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  // Needed only by `ask` and by the full loaders (another policy, a file the fast path declines): loaded
  // from node_modules then, which keeps this file, and the code cache read at every start, less than half as big.
  external: ["@inquirer/prompts", "yaml", "exceljs"],
  plugins: [zodEnglishOnly, lazyChildProcess, lazyModules(["yaml", "node:crypto"])],
  define: { __SUBSIDY_VERSION__: JSON.stringify(version), "import.meta.url": "__subsidyImportMetaUrl" },
  sourcemap: false,
  minify: process.env.NOMINIFY ? false : true,
  legalComments: "none",
  logLevel: "warning",
});
await build({
  entryPoints: { yaml: "yaml" },
  outdir: "dist",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: process.env.NOMINIFY ? false : true,
  legalComments: "none",
  logLevel: "warning",
});
// The bundled policy, parsed and checked once here by the real loader, so that start-up can skip both
// whenever policy.yaml's bytes still hash the same (see compiledPolicy in src/policy/load.ts).
{
  const { loadPolicy } = await import(new URL("../dist/index.js", import.meta.url).href);
  const { writeFileSync } = await import("node:fs");
  const policy = loadPolicy();
  const { readFileSync: read } = await import("node:fs");
  writeFileSync("dist/policy.compiled.json", JSON.stringify({ sha256: policy.sha256, text: read(policy.file, "utf8"), data: policy.data }));
}
// The V8 code cache for dist/cli.cjs: one real `check`, after which bin/cached-script.js writes the cache of
// everything compiled by then (the top level and the functions `check` ran). Best effort: without it
// the CLI still works, only starts slower.
{
  const r = spawnSync(process.execPath, ["bin/subsidy.js", "check", "fixtures/profiles/huachuang.yaml", "--as-of", "2026-01-01"], {
    env: { ...process.env, NO_COLOR: "1", SUBSIDY_WRITE_CODE_CACHE: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0 || !existsSync("dist/cli.cjs.cache")) console.warn(`build: no code cache for dist/cli.cjs (check exited ${r.status}): ${r.stderr}`);
}
// The code cache for dist/yaml.cjs: a real `check` of profiles that the fast path declines (the broken
// fixtures), after which the stand-in writes the cache of what yaml compiled. Best effort, as above.
{
  const bad = readdirSync("fixtures/bad").map((f) => `fixtures/bad/${f}`);
  const r = spawnSync(process.execPath, ["bin/subsidy.js", "check", ...bad, "--as-of", "2026-01-01"], {
    env: { ...process.env, NO_COLOR: "1", SUBSIDY_WRITE_BUNDLE_CACHE: "1" },
    encoding: "utf8",
  });
  if (!existsSync("dist/yaml.cjs.cache")) console.warn(`build: no code cache for dist/yaml.cjs (check exited ${r.status}): ${r.stderr.slice(0, 500)}`);
}
if (!process.argv.includes("--no-types")) {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
}
