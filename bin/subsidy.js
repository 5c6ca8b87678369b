#!/usr/bin/env node
"use strict";
// CommonJS (see bin/package.json): a CommonJS entry starts faster than an ES module one.
//
// Runs dist/cli.cjs, the CLI bundled as one CommonJS file, with the V8 code cache that the build wrote
// (dist/cli.cjs.cache; see cached-script.js), so that start-up skips most parsing and compiling. A missing
// dist/cli.cjs falls back to the ES module bundle. Only `npm run build` writes the cache, through
// SUBSIDY_WRITE_CODE_CACHE.
const { join } = require("node:path");
const { runCached } = require("./cached-script.js");

if (runCached(join(__dirname, "..", "dist", "cli.cjs"), Boolean(process.env.SUBSIDY_WRITE_CODE_CACHE)) === undefined) {
  import("../dist/cli.js").catch((e) => {
    if (e?.code !== "ERR_MODULE_NOT_FOUND") throw e;
    process.stderr.write("subsidy: the built files (dist/) are missing; run `npm install` or `npm run build` in the package folder\n");
    process.exitCode = 2;
  });
}
