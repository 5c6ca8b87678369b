/**
 * Golden outputs: every check format, both languages, two fixture profiles, rendered in-process with
 * --explain and a fixed --as-of; the policy hash and version normalised. UPDATE_GOLDEN=1 rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { GOLDEN_FIXTURES, GOLDEN_FORMATS, normalise, render, root } from "./report-helpers.js";

const dir = path.join(root, "tests/golden");
const update = process.env.UPDATE_GOLDEN === "1";

describe("golden outputs (tests/golden/<fixture>.<lang>.<format>)", () => {
  for (const fixture of GOLDEN_FIXTURES) {
    for (const lang of ["zh", "en"] as const) {
      for (const format of GOLDEN_FORMATS) {
        const name = `${fixture}.${lang}.${format}`;
        it(name, () => {
          const actual = normalise(render(fixture, format, lang));
          const file = path.join(dir, name);
          if (update) {
            mkdirSync(dir, { recursive: true });
            writeFileSync(file, actual);
          }
          expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`).toBe(true);
          expect(actual).toBe(readFileSync(file, "utf8"));
        });
      }
    }
  }
});
