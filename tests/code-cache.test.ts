/** The V8 code caches the build writes beside dist/cli.cjs and dist/yaml.cjs: present, and accepted by this Node. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { root } from "./helpers/real-policy.js";

describe("code caches of the bundles", () => {
  it("are there and accepted by V8, so that check and the first declined profile skip compiling", () => {
    // In a plain node process: the test runner's own flags could make V8 refuse a cache for reasons of its own.
    const script = `
      process.argv = [process.argv[0], "subsidy", "--version"];
      const { runCached } = require(${JSON.stringify(path.join(root, "bin", "cached-script.js"))});
      const y = runCached(${JSON.stringify(path.join(root, "dist", "yaml.cjs"))});
      const c = runCached(${JSON.stringify(path.join(root, "dist", "cli.cjs"))});
      process.stderr.write(JSON.stringify({ yaml: { cached: y.cached, rejected: y.rejected, parser: typeof y.exports.parseDocument }, cli: { cached: c.cached, rejected: c.rejected } }));
    `;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stderr)).toEqual({ yaml: { cached: true, rejected: false, parser: "function" }, cli: { cached: true, rejected: false } });
    // The CLI it ran is the real one: --version prints the package's version.
    expect(r.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version);
  });
});
