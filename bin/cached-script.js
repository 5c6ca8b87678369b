"use strict";
// Runs a CommonJS bundle of dist/ through vm.Script with the V8 code cache that the build wrote beside it
// (FILE.cache), so that loading it skips most parsing and compiling (Node 20 has no compile cache for
// modules): dist/cli.cjs from bin/subsidy.js, and dist/yaml.cjs from the CLI's lazy stand-in for `yaml`
// (scripts/build.mjs). A missing or rejected cache only means a normal compile. The cache is never written at
// run time (the package folder may be read-only): only the build does, through `writeCache`, when the
// command has run, so that the functions it compiled lazily are in the cache too.
const { readFileSync, writeFileSync } = require("node:fs");
const { dirname } = require("node:path");
const { createRequire } = require("node:module");
const { Script } = require("node:vm");

/**
 * The bundle's module.exports, and whether a cache was there and whether V8 refused it; undefined when
 * the bundle itself is missing.
 */
function runCached(filename, writeCache = false) {
  let source;
  try {
    source = readFileSync(filename, "utf8");
  } catch {
    return undefined;
  }
  let cachedData;
  try {
    cachedData = readFileSync(`${filename}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(filename), mod, filename, dirname(filename));
  if (writeCache) process.once("beforeExit", () => writeFileSync(`${filename}.cache`, script.createCachedData()));
  return { exports: mod.exports, cached: cachedData !== undefined, rejected: script.cachedDataRejected === true };
}

module.exports = { runCached };
