#!/usr/bin/env node
"use strict";
// CommonJS (see bin/package.json): a CommonJS entry starts faster than an ES module one.
//
// Runs dist/cli.cjs, the CLI bundled as one CommonJS file, through vm.Script with the V8 code cache that
// the build wrote (dist/cli.cjs.cache), so that start-up skips most parsing and compiling (Node 20 has
// no compile cache for modules). A missing or rejected cache only means a normal compile; a missing
// dist/cli.cjs falls back to the ES module bundle. The cache is never written at run time (the package
// folder may be read-only): only `npm run build` does, through SUBSIDY_WRITE_CODE_CACHE.
const { readFileSync, writeFileSync } = require("node:fs");
const { join, dirname } = require("node:path");
const { createRequire } = require("node:module");
const { Script } = require("node:vm");

const filename = join(__dirname, "..", "dist", "cli.cjs");
let source;
try {
  source = readFileSync(filename, "utf8");
} catch {
  source = undefined;
}
if (source === undefined) {
  import("../dist/cli.js").catch((e) => {
    if (e?.code !== "ERR_MODULE_NOT_FOUND") throw e;
    process.stderr.write("subsidy: the built files (dist/) are missing; run `npm install` or `npm run build` in the package folder\n");
    process.exitCode = 2;
  });
} else {
  let cachedData;
  try {
    cachedData = readFileSync(`${filename}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
  const cjsModule = { exports: {} };
  script.runInThisContext()(cjsModule.exports, createRequire(filename), cjsModule, filename, dirname(filename));
  const cacheOut = process.env.SUBSIDY_WRITE_CODE_CACHE;
  // After the command ran, so that the functions it compiled lazily are in the cache too.
  if (cacheOut) process.once("beforeExit", () => writeFileSync(cacheOut, script.createCachedData()));
}
