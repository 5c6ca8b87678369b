/**
 * The mutation fuzzer of bench/fuzz.mjs, seeded and short: every mutated fixture ends in a profile or a
 * SubsidyError whose message names the file and carries no stack frames. The long run (100,000 inputs)
 * is `npm run fuzz -- --count 100000 --seed 1`.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
// @ts-expect-error plain ESM shared with the bench script
import { loadCorpus, makeInput, tryInput } from "../bench/fuzz-core.mjs";
import { parseProfileText } from "../src/profile/load.js";
import { SubsidyError } from "../src/errors.js";
import { fastProfile } from "../src/profile/fast.js";
import { realPolicy, root } from "./helpers/real-policy.js";

const COUNT = Number(process.env.FUZZ_COUNT ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 7);

describe("fuzz: mutated fixtures never crash the loader", () => {
  it(`${COUNT} inputs from seed ${SEED}: only validation messages`, { timeout: 120_000 }, () => {
    const corpus = loadCorpus(root, (t: string) => parse(t, { schema: "core", resolveKnownTags: false, logLevel: "silent" }));
    expect(corpus.files.length).toBeGreaterThan(20);
    expect(corpus.data.length).toBeGreaterThan(10);
    const policy = realPolicy();
    const api = { parseProfileText, SubsidyError };
    const failures: string[] = [];
    let accepted = 0;
    const kinds = new Map<string, number>();
    for (let i = 0; i < COUNT; i++) {
      const input = makeInput(SEED, i, corpus) as { kind: string; name: string; bytes: Uint8Array };
      kinds.set(input.kind, (kinds.get(input.kind) ?? 0) + 1);
      // a generous per-input limit: this checks for hangs, not speed (the bench measures speed)
      const r = tryInput(api, policy, input.bytes, 10_000, input.name) as { failure: string | null; accepted: boolean };
      if (r.failure) failures.push(`#${i} (${input.kind}): ${r.failure}`);
      if (r.accepted) accepted++;
    }
    expect(failures).toEqual([]);
    // Every class of input was generated: mutated bytes and structure, JSON nesting bombs, control characters.
    for (const kind of ["bytes", "structure", "nesting", "control"]) expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(COUNT / 20);
    // the mutations must not all be rejected at the first byte: some inputs still load
    expect(accepted).toBeGreaterThan(0);
  });

  it(`${COUNT} inputs from seed ${SEED + 1}: the fast path gives the loader's profile or declines`, { timeout: 120_000 }, () => {
    const corpus = loadCorpus(root, (t: string) => parse(t, { schema: "core", resolveKnownTags: false, logLevel: "silent" }));
    const policy = realPolicy();
    const asOf = "2024-12-31";
    let fast = 0;
    for (let i = 0; i < COUNT; i++) {
      const { bytes, name } = makeInput(SEED + 1, i, corpus) as { bytes: Uint8Array; name: string };
      const quick = fastProfile(bytes, policy, asOf);
      if (quick === undefined) continue;
      fast++;
      // Whatever the fast path accepts, the authoritative loader accepts, with the same data in the same order.
      const full = parseProfileText(bytes, name, policy, { asOf });
      expect(JSON.stringify(quick), `input #${i}`).toBe(JSON.stringify(full));
      expect(quick).toEqual(full);
    }
    // Not vacuous: many mutated fixtures are still ordinary profiles.
    expect(fast).toBeGreaterThan(COUNT / 50);
  });
});
