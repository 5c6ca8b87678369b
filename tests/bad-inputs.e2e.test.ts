/**
 * Every case of spec/bad-inputs.md, end to end through the real binary: the message names the file (and
 * line and field where there is one) and says how to fix it; exit codes per output.md; never a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CRASH, runCliAsync as subsidy } from "./helpers/cli.js";
import { root as ROOT } from "./helpers/real-policy.js";

const AS_OF = "2024-12-31";
const BAD = "fixtures/bad";
const GOOD = path.join(ROOT, "fixtures/profiles/huachuang.yaml");

export interface BadCase {
  /** The bad-inputs.md bullet it proves. */
  spec: string;
  /** The file, relative to the repository (or the temporary folder for `generated` rows). */
  file: string;
  /** The exit code of `check FILE`. */
  code: number;
  /** The line named in the message, when the fault has one. */
  line?: number;
  /** The field named in the message, as a profile path. */
  field?: string;
  /** Fragments of the message: what is wrong and how to fix it. */
  says: (string | RegExp)[];
}

/** Committed fixtures, one per case. */
export const CASES: BadCase[] = [
  { spec: "alias bombs", file: `${BAD}/alias-bomb.yaml`, code: 1, line: 3, says: ["anchors (&a) are not accepted", "write each value out in full"] },
  { spec: "duplicate keys", file: `${BAD}/duplicate-key.yaml`, code: 1, line: 4, says: ["duplicate key 'district'", "remove or rename one"] },
  { spec: "1: beside \"1\":", file: `${BAD}/duplicate-key-number-string.yaml`, code: 1, line: 4, says: ["duplicate key '1'", `1: and "1": are the same key`] },
  { spec: "JSON duplicate keys", file: `${BAD}/duplicate-key.json`, code: 1, line: 4, says: ["duplicate key 'name'", "remove or rename one"] },
  { spec: "custom tag !eval", file: `${BAD}/custom-tag-eval.yaml`, code: 1, line: 3, says: ["tags such as !eval are not accepted", "write a plain value"] },
  { spec: "custom tag !!js/function", file: `${BAD}/custom-tag-js-function.yaml`, code: 1, line: 3, says: ["!!js/function are not accepted", "write a plain value"] },
  { spec: "!!binary", file: `${BAD}/binary-tag.yaml`, code: 1, line: 3, says: ["!!binary are not accepted"] },
  { spec: "!!set", file: `${BAD}/set-tag.yaml`, code: 1, line: 2, says: ["!!set are not accepted"] },
  { spec: "!!timestamp", file: `${BAD}/timestamp-tag.yaml`, code: 1, line: 5, says: ["!!timestamp are not accepted", "YYYY-MM-DD"] },
  { spec: "%YAML 1.1 directive", file: `${BAD}/yaml-1.1-directive.yaml`, code: 1, line: 1, says: ["directives such as %YAML are not accepted", "remove the line"] },
  { spec: "no under YAML 1.2", file: `${BAD}/boolean-no.yaml`, code: 1, line: 3, field: "enterprise.military_civil", says: ["expected true or false", "write false, not 'no'"] },
  { spec: "several documents", file: `${BAD}/multi-document.yaml`, code: 1, line: 3, says: ["several documents", "one enterprise per file"] },
  { spec: "empty file", file: `${BAD}/empty.yaml`, code: 1, says: ["file is empty", "fill it in or remove it"] },
  { spec: "comment-only file", file: `${BAD}/comment-only.yaml`, code: 1, says: ["file is empty"] },
  { spec: "full-width colon", file: `${BAD}/full-width-colon.yaml`, code: 1, line: 1, says: ["full-width colon", "ASCII colon and a space"] },
  { spec: "deep block nesting", file: `${BAD}/deep-nesting.yaml`, code: 1, line: 34, says: ["nesting is deeper than 32 levels", "--max-depth"] },
  { spec: "deep flow nesting", file: `${BAD}/deep-nesting-flow.yaml`, code: 1, line: 3, says: ["nesting is deeper than 32 levels"] },
  { spec: "deep compact nesting (- - - …)", file: `${BAD}/deep-nesting-compact.yaml`, code: 1, line: 4, says: ["nesting is deeper than 32 levels"] },
  { spec: "integers past 2^53", file: `${BAD}/huge-number-money.yaml`, code: 1, line: 5, field: "projects[0].audited_investment", says: ["'9007199254740993'", "too many digits to be held exactly", "check the figure"] },
  { spec: "__proto__ key", file: `${BAD}/proto-key.yaml`, code: 1, line: 3, says: ["the key '__proto__' is not accepted", "remove it"] },
  { spec: "constructor key", file: `${BAD}/constructor-key.yaml`, code: 1, line: 3, says: ["the key 'constructor' is not accepted"] },
  { spec: "GBK/GB18030", file: `${BAD}/gbk.yaml`, code: 1, line: 2, says: ["not UTF-8", "GBK", "re-save as UTF-8"] },
  { spec: "not UTF-8, not GBK", file: `${BAD}/not-utf8.yaml`, code: 1, line: 2, says: ["not valid UTF-8", "re-save it as UTF-8"] },
  { spec: "UTF-16LE", file: `${BAD}/utf16le.yaml`, code: 1, line: 1, says: ["UTF-16 (UTF-16LE", "re-save as UTF-8"] },
  { spec: "UTF-16BE", file: `${BAD}/utf16be.yaml`, code: 1, line: 1, says: ["UTF-16 (UTF-16BE", "re-save as UTF-8"] },
  { spec: "NUL byte", file: `${BAD}/nul-byte.yaml`, code: 1, line: 2, says: ["binary file", "0x00"] },
  { spec: "unknown nested key", file: `${BAD}/unknown-nested-key.yaml`, code: 1, line: 3, field: "enterprise.credit_cod", says: ["unknown field 'credit_cod'", "did you mean 'credit_code'?"] },
  { spec: "unknown vocabulary id", file: `${BAD}/unknown-recognition-type.yaml`, code: 1, line: 4, field: "recognitions[0].type", says: ["unknown recognition type 'green-factroy'", "did you mean 'green-factory'?"] },
  { spec: "field of another type", file: `${BAD}/field-wrong-type.yaml`, code: 1, line: 7, field: "recognitions[0].premium", says: ["does not apply", "first-set-insurance"] },
  { spec: "no coercion: \"\" is not 0", file: `${BAD}/money-empty-string.yaml`, code: 1, line: 5, field: "projects[0].audited_investment", says: ["write money as a plain number of yuan"] },
  { spec: "money as 380万", file: `${BAD}/money-wan.yaml`, code: 1, line: 6, field: "projects[0].audited_investment", says: ["e.g. 3800000", `not "380万"`] },
  { spec: "money with commas", file: `${BAD}/money-commas.yaml`, code: 1, line: 5, field: "projects[0].audited_investment", says: ["e.g. 3800000"] },
  { spec: "date not on the calendar", file: `${BAD}/date-not-real.yaml`, code: 1, line: 6, field: "recognitions[0].date", says: ["2024-02-30 is not a real calendar date"] },
  { spec: "syntax error", file: `${BAD}/syntax-error.yaml`, code: 1, line: 5, says: ["YAML syntax error"] },
  { spec: "missing enterprise", file: `${BAD}/missing-enterprise.yaml`, code: 1, line: 1, field: "enterprise", says: ["add 'enterprise:'"] },
  // issue 18: a .json profile is strict JSON, located to the column; money is plain yuan held exactly.
  { spec: "JSON: hexadecimal money", file: `${BAD}/json-hex-money.json`, code: 1, line: 4, says: ["column 99: '0x10' is not a JSON number", "write plain yuan"] },
  { spec: "JSON: leading zero", file: `${BAD}/json-leading-zero.json`, code: 1, line: 5, says: ["column 29: '0100' is not a JSON number"] },
  { spec: "JSON: trailing comma", file: `${BAD}/json-trailing-comma.json`, code: 1, line: 2, says: ["column 58: a comma after the last entry is not JSON; remove it"] },
  { spec: "YAML: hexadecimal money", file: `${BAD}/money-hex.yaml`, code: 1, line: 5, field: "projects[0].audited_investment", says: ["'0x10': write plain yuan, e.g. 16"] },
  { spec: "YAML: hexadecimal money in rewarded_yuan", file: `${BAD}/rewarded-yuan-hex.yaml`, code: 1, line: 6, field: "recognitions[0].rewarded_yuan", says: ["'0x10': write plain yuan, e.g. 16"] },
  { spec: "YAML: money in exponent form", file: `${BAD}/money-exponent.yaml`, code: 1, line: 5, field: "projects[0].audited_investment", says: ["'3.8e7': write plain yuan, e.g. 38000000"] },
  { spec: "money past exact precision", file: `${BAD}/money-past-precision.yaml`, code: 1, line: 5, field: "projects[0].audited_investment", says: ["'90071992547409.99' has too many digits to be held exactly"] },
  { spec: "CR-only line ends", file: `${BAD}/cr-only.yaml`, code: 1, line: 1, says: ["the line ends are CR alone (old Mac format)", "LF or CRLF"] },
  { spec: "UTF-32", file: `${BAD}/utf32le.yaml`, code: 1, line: 1, says: ["file is saved as UTF-32LE; re-save as UTF-8"] },
  { spec: "a newline in a key cannot forge a second message line", file: `${BAD}/newline-in-key.yaml`, code: 1, line: 3, field: "enterprise.note\\nfixtures/bad/other.yaml:1: file is empty", says: ["unknown field 'note\\nfixtures/bad/other.yaml:1: file is empty'"] },
];

let tmp: string;
/** Cases that cannot be committed (special files, sizes), made in a temporary folder. */
const GENERATED: BadCase[] = [
  { spec: "file over 1 MiB", file: "big.yaml", code: 1, says: ["over the limit of 1 MiB", "--max-file-size"] },
  { spec: "list over 10000 items", file: "many.yaml", code: 1, line: 5, says: ["10001 entries, more than the limit of 10000", "--max-items"] },
  { spec: "FIFO named x.yaml", file: "fifo.yaml", code: 1, says: ["named pipe (FIFO)", "not a regular file"] },
  { spec: "directory named x.yaml", file: "dir.yaml", code: 1, says: ["is a directory", "name a .yaml or .json file"] },
  { spec: "dangling symlink", file: "dangling.yaml", code: 1, says: ["symbolic link to something that does not exist"] },
  { spec: "looping symlink", file: "loop.yaml", code: 1, says: ["loops back on itself"] },
  { spec: "missing file", file: "nowhere.yaml", code: 1, says: ["not found; check the path"] },
];
const canMakeFifo = process.platform !== "win32";

function validProfile(extra = ""): string {
  return "enterprise:\n  name: 淄博测试有限公司\n  district: 张店区\n" + extra;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-bad-"));
  // Valid but for its size: with --max-file-size it is evaluated.
  fs.writeFileSync(path.join(tmp, "big.yaml"), validProfile("# " + "x".repeat(1024 * 1024) + "\n"));
  fs.writeFileSync(path.join(tmp, "many.yaml"), validProfile("recognitions:\n" + "  - type: gazelle\n    level: provincial\n".repeat(10001)));
  if (canMakeFifo) execFileSync("mkfifo", [path.join(tmp, "fifo.yaml")]);
  fs.mkdirSync(path.join(tmp, "dir.yaml"));
  fs.symlinkSync(path.join(tmp, "absent.yaml"), path.join(tmp, "dangling.yaml"));
  fs.symlinkSync(path.join(tmp, "loop.yaml"), path.join(tmp, "loop.yaml"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The message must name the file, then the line and the field when the case has them. */
function expectLocated(stderr: string, file: string, c: BadCase): void {
  const line = stderr.split("\n").find((l) => l.startsWith(file)) ?? "";
  expect(line, stderr).not.toBe("");
  const where = `${file}${c.line !== undefined ? `:${c.line}` : ""}${c.field !== undefined ? ` ${c.field}` : ""}:`;
  expect(line.startsWith(where), `expected "${where}" at the start of: ${line}`).toBe(true);
  for (const s of c.says) {
    if (typeof s === "string") expect(stderr).toContain(s);
    else expect(stderr).toMatch(s);
  }
}

describe.concurrent("check: every bad input in bad-inputs.md", async () => {
  it.each(CASES)("$spec ($file)", async (c) => {
    const r = await subsidy(["check", c.file, "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(c.code);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.stdout).toBe(""); // the only file was bad: nothing to report
    expectLocated(r.stderr, c.file, c);
  });

  it.each(GENERATED)("$spec (generated $file)", async (c) => {
    if (c.file === "fifo.yaml" && !canMakeFifo) return;
    const file = path.join(tmp, c.file);
    const r = await subsidy(["check", file, "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(c.code);
    expect(r.stderr).not.toMatch(CRASH);
    expectLocated(r.stderr, file, c);
  });

  it("every bad file beside a good one in one run: each bad one named, the good one evaluated as alone, exit 1", async () => {
    const args = ["--as-of", AS_OF, "--lang", "en", "--format", "json"];
    const alone = await subsidy(["check", GOOD, ...args]);
    expect(alone.code).toBe(0);
    const r = await subsidy(["check", ...CASES.slice(0, 18).map((c) => c.file), GOOD, ...CASES.slice(18).map((c) => c.file), ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(CRASH);
    for (const c of CASES) expectLocated(r.stderr, c.file, c);
    // Several files: an array with an entry for each, in order; the good one is its document as alone.
    const docs = JSON.parse(r.stdout) as { profile: { file: string }; error?: unknown }[];
    expect(docs.map((d) => d.profile.file)).toEqual([...CASES.slice(0, 18).map((c) => c.file), GOOD, ...CASES.slice(18).map((c) => c.file)]);
    expect(docs[18]).toEqual(JSON.parse(alone.stdout));
    expect(docs.filter((d) => d.error !== undefined)).toHaveLength(CASES.length);
  });

  it("files that are fine: a UTF-8 BOM in YAML and JSON", async () => {
    for (const f of ["utf8-bom-ok.yaml", "utf8-bom-ok.json"]) {
      const r = await subsidy(["check", `${BAD}/${f}`, "--as-of", AS_OF, "--lang", "en", "--format", "json"]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).profile.name).toBe("淄博测试有限公司");
    }
  });

  it("a district named 'constructor' matches nothing: evaluated like any unknown district", async () => {
    const args = ["--as-of", AS_OF, "--lang", "en", "--format", "json"];
    const r = await subsidy(["check", `${BAD}/district-constructor.yaml`, ...args]);
    expect(r.code).toBe(0);
    const other = path.join(tmp, "district-other.yaml");
    fs.writeFileSync(other, fs.readFileSync(path.join(ROOT, BAD, "district-constructor.yaml"), "utf8").replace("constructor", "nowhere"));
    const o = await subsidy(["check", other, ...args]);
    expect(o.code).toBe(0);
    const strip = (s: string) => JSON.stringify({ ...JSON.parse(s), profile: undefined }).replaceAll("nowhere", "constructor");
    expect(strip(r.stdout)).toBe(strip(o.stdout));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe.concurrent("check: limits and their flags", async () => {
  it("--max-file-size lets a large file through", async () => {
    const r = await subsidy(["check", path.join(tmp, "big.yaml"), "--max-file-size", "2MiB", "--as-of", AS_OF, "--lang", "en", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profile.name).toBe("淄博测试有限公司");
  });

  it("--max-file-size lowers the limit too", async () => {
    const r = await subsidy(["check", GOOD, "--max-file-size", "100", "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("over the limit of 100 bytes");
  });

  it("--max-items lets a long list through, and the profile is evaluated", async () => {
    const r = await subsidy(["check", path.join(tmp, "many.yaml"), "--max-items", "20000", "--as-of", AS_OF, "--lang", "en", "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.length).toBeGreaterThan(0);
  });

  it("--max-depth: deeper nesting passes the parser and meets the validator instead", async () => {
    const r = await subsidy(["check", `${BAD}/deep-nesting.yaml`, "--max-depth", "100", "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("nesting is deeper");
    expect(r.stderr).toContain(`${BAD}/deep-nesting.yaml:3 enterprise.note:`);
    const low = await subsidy(["check", GOOD, "--max-depth", "1", "--as-of", AS_OF, "--lang", "en"]);
    expect(low.code).toBe(1);
    expect(low.stderr).toContain("nesting is deeper than 1 levels");
  });

  it.each([
    ["--max-file-size", "lots", /--max-file-size lots: expected a size/],
    ["--max-file-size", "0", /--max-file-size 0: expected a size/],
    ["--max-depth", "0", /--max-depth 0: expected a whole number from 1 to 1000/],
    ["--max-depth", "5000", /--max-depth 5000: expected a whole number from 1 to 1000/],
    ["--max-items", "-3", /--max-items -3: expected a whole number/],
    ["--max-items", "1.5", /--max-items 1\.5: expected a whole number/],
  ])("%s %s is a usage error (exit 2)", async (flag, value, message) => {
    const r = await subsidy(["check", GOOD, `${flag}=${value}`, "--as-of", AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.stdout).toBe("");
  });
});

describe.concurrent("the policy loader: a broken policy.yaml exits 2 with file:line, never a crash", async () => {
  const POL = "fixtures/policies";
  it.each([
    [`${POL}/syntax-error.yaml`, 139, /policy: YAML syntax error/],
    [`${POL}/schema-error.yaml`, 148, /programs\[0\]\.amount\.kind: Invalid option/],
    [`${POL}/duplicate-program-id.yaml`, 151, /programs\[1\]\.id: duplicate id 'green-factory'/],
    [`${POL}/unknown-vocabulary-ref.yaml`, 143, /'green-factroy' is not in vocabulary\.recognition_types; did you mean 'green-factory'\?/],
    [`${POL}/bad-rate-field.yaml`, 148, /unknown ownership 'privat'; did you mean 'private'\?/],
    [`${POL}/profile-md-example.yaml`, 2, /id: missing: this field is required/],
    [`${BAD}/gbk.yaml`, 2, /policy: file is not UTF-8/],
    [`${BAD}/alias-bomb.yaml`, 3, /policy: anchors \(&a\) are not accepted/],
    [`${BAD}/deep-nesting-compact.yaml`, 4, /policy: nesting is deeper than 32 levels; a policy needs only a few$/m],
    [`${BAD}/utf16le.yaml`, 1, /policy: file is saved as UTF-16/],
    [`${BAD}/multi-document.yaml`, 3, /policy: the file holds several documents/],
  ])("%s", async (policy, line, message) => {
    const r = await subsidy(["check", GOOD, "--policy", policy, "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.startsWith(`${policy}:${line}`), r.stderr).toBe(true);
  });

  it.each([
    ["nowhere/policy.yaml", /nowhere\/policy\.yaml: policy file not found; check the path given to --policy/],
    ["fixtures", /fixtures: policy file is a directory/],
    [`${BAD}/empty.yaml`, /empty\.yaml: policy: file is empty/],
  ])("%s: no line to give, still exit 2 and named", async (policy, message) => {
    const r = await subsidy(["check", GOOD, "--policy", policy, "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(CRASH);
  });

  it("a policy with a profile's flag hints would mislead: no --max-* flag is suggested for a policy", async () => {
    const r = await subsidy(["check", GOOD, "--policy", `${BAD}/deep-nesting.yaml`, "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain("--max-");
  });
});

/**
 * The batch half: every bad file in one folder with the good profiles. Exit 1; each bad one listed
 * with its file:line field message (the same text `check` prints); every good one evaluated exactly as
 * `check` evaluates it; editor and OS junk skipped.
 */
describe.concurrent("batch: every bad input in one folder with good ones", () => {
  const AS_OF_BATCH = "2026-11-25";
  const GOOD_DIR = path.join(ROOT, "fixtures/profiles");
  const goodNames = fs.readdirSync(GOOD_DIR).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  let dir: string;
  const inDir = (f: string) => path.join(dir, f);
  const args = ["--as-of", AS_OF_BATCH, "--lang", "en"];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-batch-bad-"));
    for (const c of CASES) fs.copyFileSync(path.join(ROOT, c.file), inDir(path.basename(c.file)));
    for (const g of goodNames) fs.copyFileSync(path.join(GOOD_DIR, g), inDir(g));
    fs.copyFileSync(path.join(tmp, "big.yaml"), inDir("big.yaml"));
    fs.copyFileSync(path.join(tmp, "many.yaml"), inDir("many.yaml"));
    if (canMakeFifo) execFileSync("mkfifo", [inDir("fifo.yaml")]);
    fs.mkdirSync(inDir("dir.yaml"));
    fs.symlinkSync(inDir("absent.yaml"), inDir("dangling.yaml"));
    fs.symlinkSync(inDir("loop.yaml"), inDir("loop.yaml"));
    // junk that must be skipped, not reported
    for (const junk of ["~$huachuang.yaml", ".huachuang.yaml.swp", ".DS_Store", "notes.txt"]) fs.writeFileSync(inDir(junk), "\u0000junk");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const expectedBad = (): { name: string; c: BadCase }[] => [
    ...CASES.map((c) => ({ name: path.basename(c.file), c })),
    ...GENERATED.filter((c) => c.file !== "nowhere.yaml" && (c.file !== "fifo.yaml" || canMakeFifo)).map((c) => ({
      name: c.file,
      c: c.file === "dir.yaml" ? { ...c, says: ["is a directory"] } : c.file === "fifo.yaml" ? { ...c, says: ["named pipe (FIFO)"] } : c,
    })),
  ];

  it("JSON: exit 1, each bad file listed with its line and field, junk skipped", async () => {
    const r = await subsidy(["batch", dir, ...args, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(CRASH);
    const doc = JSON.parse(r.stdout) as { profiles: { profile: { file: string }; error?: { message: string; line?: number | null; path?: string | null } }[] };
    const byName = new Map(doc.profiles.map((p) => [path.basename(p.profile.file), p]));
    for (const { name, c } of expectedBad()) {
      const entry = byName.get(name);
      expect(entry?.error, `${name} should be listed as an error`).toBeDefined();
      if (c.line !== undefined) expect(entry?.error?.line, name).toBe(c.line);
      // JSON keeps the path as it is (a newline in a key stays a newline there); the screen shows it escaped.
      if (c.field !== undefined) expect(entry?.error?.path?.replaceAll("\n", "\\n"), name).toBe(c.field);
      const first = c.says[0] as string;
      expect(entry?.error?.message.replaceAll("\n", "\\n"), name).toContain(first);
    }
    for (const junk of ["~$huachuang.yaml", ".huachuang.yaml.swp", ".DS_Store", "notes.txt"]) expect(byName.has(junk), junk).toBe(false);
    expect(doc.profiles.length).toBe(expectedBad().length + goodNames.length);
  });

  it("screen: each bad file is listed as file:line field: message, as check prints it", async () => {
    const r = await subsidy(["batch", dir, ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).not.toMatch(CRASH);
    // The screen wraps each message to its width, continuation lines indented by four: joined back here.
    const all = (r.stdout + r.stderr).replace(/\n {4}/g, " ");
    for (const { name, c } of expectedBad()) {
      const where = `${inDir(name)}${c.line !== undefined ? `:${c.line}` : ""}${c.field !== undefined ? ` ${c.field}` : ""}:`;
      expect(all, where).toContain(where);
    }
  });

  it("every good profile is evaluated exactly as check evaluates it", async () => {
    const [b, c] = await Promise.all([
      subsidy(["batch", dir, ...args, "--format", "json", "--opportunities"]),
      subsidy(["check", ...goodNames.map(inDir), ...args, "--format", "json"]),
    ]);
    expect(c.code).toBe(0);
    const checked = (JSON.parse(c.stdout) as { profile: { file: string }; policy?: unknown; asOf?: unknown }[]).map(({ policy: _p, asOf: _a, ...rest }) => rest);
    const batched = (JSON.parse(b.stdout) as { profiles: { profile: { file: string }; error?: unknown }[] }).profiles.filter((p) => !p.error);
    expect(batched.map((p) => path.basename(p.profile.file)).sort()).toEqual(goodNames);
    for (const doc of checked) expect(batched.find((p) => p.profile.file === doc.profile.file)).toEqual(doc);
  });

  it("the limit flags work on batch too: --max-file-size and --max-items let the large files through", async () => {
    const r = await subsidy(["batch", dir, ...args, "--format", "json", "--max-file-size", "2MiB", "--max-items", "20000"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { profiles: { profile: { file: string }; error?: unknown }[] };
    for (const f of ["big.yaml", "many.yaml"]) expect(doc.profiles.find((p) => path.basename(p.profile.file) === f)?.error, f).toBeUndefined();
    const low = await subsidy(["batch", dir, ...args, "--format", "json", "--max-file-size", "200"]);
    const errs = (JSON.parse(low.stdout) as { profiles: { profile: { file: string }; error?: { message: string } }[] }).profiles;
    expect(errs.find((p) => path.basename(p.profile.file) === "huachuang.yaml")?.error?.message).toContain("over the limit of 200 bytes");
    const bad = await subsidy(["batch", dir, "--max-depth", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-depth 0: expected a whole number/);
  });
});
