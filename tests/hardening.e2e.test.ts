/**
 * Issue 18 (hardening, second round), end to end through the real bin/subsidy.js: each class of fault
 * or hostile text, in check and batch, with its message, exit code, and nothing lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CRASH, runCli } from "./helpers/cli.js";
import { root } from "./helpers/real-policy.js";

const AS_OF = "2024-12-31";
const GOOD = path.join(root, "fixtures/profiles/huachuang.yaml");
const BIN = path.join(root, "bin/subsidy.js");
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-i18-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function dir(name: string, files: Record<string, string | Buffer> = {}): string {
  const d = path.join(tmp, name);
  fs.mkdirSync(d, { recursive: true });
  for (const [f, body] of Object.entries(files)) fs.writeFileSync(path.join(d, f), body);
  return d;
}
const run = (args: string[]) => runCli([...args, "--as-of", AS_OF, "--lang", "en"]);
const good = () => fs.readFileSync(GOOD);

describe("1. a nesting bomb is that file's error: located, exit 1, the others evaluated", () => {
  const objectBomb = '{"a":'.repeat(6000) + "1" + "}".repeat(6000);
  const listBomb = '{"enterprise": {"name": "x"}, "projects": ' + "[".repeat(6000) + "]".repeat(6000) + "}";
  const yamlBomb = "enterprise:\n  name: x\nnote: " + "[".repeat(6000) + "]".repeat(6000) + "\n";

  it("check: each bomb gets one located line, the good profile is still evaluated", () => {
    const d = dir("bombs", { "a-object.json": objectBomb, "b-list.json": listBomb, "c-flow.yaml": yamlBomb });
    const r = run(["check", path.join(d, "a-object.json"), path.join(d, "b-list.json"), path.join(d, "c-flow.yaml"), GOOD, "--format", "json"]);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.code).toBe(1);
    for (const f of ["a-object.json:1", "b-list.json:1", "c-flow.yaml:3"]) expect(r.stderr).toContain(`${path.join(d, f)}: nesting is deeper than 32 levels`);
    expect(r.stderr.trim().split("\n")).toHaveLength(3);
    // Several files: one entry each, the bombs as errors, the good profile evaluated.
    const docs = JSON.parse(r.stdout) as { profile: { name?: string }; error?: unknown }[];
    expect(docs.map((d) => d.error !== undefined)).toEqual([true, true, true, false]);
    expect(docs[3]?.profile.name).toBe("淄博华创精密机械有限公司");
  });

  it("batch: the bombs are listed, every good profile evaluated, exit 1", () => {
    const d = dir("bomb-batch", { "a-object.json": objectBomb, "b-list.json": listBomb, "c-flow.yaml": yamlBomb, "good1.yaml": good(), "good2.yaml": good() });
    const r = run(["batch", d, "--format", "json"]);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { profiles: { profile: { file: string; name?: string }; error?: { message: string; line?: number } }[] };
    expect(doc.profiles.map((p) => path.basename(p.profile.file))).toEqual(["a-object.json", "b-list.json", "c-flow.yaml", "good1.yaml", "good2.yaml"]);
    for (const p of doc.profiles.slice(0, 3)) expect(p.error?.message).toMatch(/^nesting is deeper than 32 levels/);
    for (const p of doc.profiles.slice(3)) expect(p.profile.name).toBe("淄博华创精密机械有限公司");
  });
});

describe("2. lost output is one true line and a non-zero exit, never exit 0", () => {
  const devFull = fs.existsSync("/dev/full");

  it.skipIf(!devFull).each([
    ["check", "table"],
    ["check", "html"],
    ["batch", "json"],
    ["batch", "csv"],
  ])("%s --format %s > /dev/full", (cmd, format) => {
    const out = fs.openSync("/dev/full", "w");
    const target = cmd === "check" ? GOOD : path.join(root, "fixtures/profiles");
    const r = spawnSync(process.execPath, [BIN, cmd, target, "--format", format, "--as-of", AS_OF, "--lang", "en"], { stdio: ["ignore", out, "pipe"], encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    fs.closeSync(out);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("cannot write to standard output: disk full; the output is incomplete\n");
  });

  it.skipIf(!devFull)("says it in Chinese too", () => {
    const out = fs.openSync("/dev/full", "w");
    const r = spawnSync(process.execPath, [BIN, "check", GOOD, "--as-of", AS_OF, "--lang", "zh"], { stdio: ["ignore", out, "pipe"], encoding: "utf8" });
    fs.closeSync(out);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("无法写入标准输出：磁盘已满；输出不完整\n");
  });

  // A real full disk: a 64 KiB tmpfs (needs root and a kernel that allows it; skipped otherwise).
  const mnt = path.join(os.tmpdir(), `subsidy-full-${process.pid}`);
  let mounted = false;
  beforeAll(() => {
    if (process.platform !== "linux" || process.getuid?.() !== 0) return;
    fs.mkdirSync(mnt, { recursive: true });
    mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt]).status === 0;
  });
  afterAll(() => {
    if (mounted) spawnSync("umount", [mnt]);
    fs.rmSync(mnt, { recursive: true, force: true });
  });

  it("a full disk under --out: one line naming it, exit 2, the previous report intact, no temporary file", (ctx) => {
    if (!mounted) return ctx.skip();
    const profiles = dir("full-disk", Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}.yaml`, good()])));
    for (const [report, cmd] of [
      ["b.csv", ["batch", profiles]],
      ["c.html", ["check", GOOD, path.join(profiles, "p1.yaml"), path.join(profiles, "p2.yaml"), path.join(profiles, "p3.yaml"), "--explain", "--all"]],
    ] as const) {
      const target = path.join(mnt, report);
      fs.writeFileSync(target, "previous report\n");
      fs.writeFileSync(path.join(mnt, "fill"), Buffer.alloc(60 * 1024 - 4096));
      const r = run([...cmd, "--out", target]);
      fs.rmSync(path.join(mnt, "fill"));
      expect(r.stderr).not.toMatch(CRASH);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${target}: cannot write: disk full\n`);
      expect(fs.readFileSync(target, "utf8")).toBe("previous report\n");
      expect(fs.readdirSync(mnt).sort()).toEqual(report === "b.csv" ? ["b.csv"] : ["b.csv", "c.html"]);
    }
  });
});

describe("3–5. hostile text: Markdown markup, terminal escapes and newlines are shown escaped", () => {
  const hostile =
    'enterprise:\n  name: "<img src=x onerror=alert(1)>\\n# Forged heading\\e]0;pwned\\a\\e[2J"\n  district: 张店区\n' +
    'recognitions:\n  - type: first-set-product\n    level: provincial\n    date: 2024-03-01\n    product: "**bold** [link](http://x) `code\\e[31m"\n';

  it("Markdown: no raw HTML, heading, link or emphasis from the profile, in check and batch", () => {
    const d = dir("md", { "hostile.yaml": hostile });
    const r = run(["check", path.join(d, "hostile.yaml"), "--format", "md", "--explain"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/(^|[^\\])<img/);
    // The control characters become visible escapes (\n, \x1b), whose backslash Markdown is told to show.
    expect(r.stdout).toContain("# Subsidy eligibility report: \\<img src=x onerror=alert(1)\\>\\\\n# Forged heading\\\\x1b]0;pwned\\\\x07\\\\x1b[2J\n");
    expect(r.stdout.split("\n").filter((l) => /^#+ .*Forged/.test(l) && !l.startsWith("# Subsidy eligibility report"))).toEqual([]);
    expect(r.stdout).toContain("Product \\*\\*bold\\*\\* [link\\](http://x) \\`code\\\\x1b[31m");
    expect(r.stdout).toContain("``recognitions[0].product = **bold** [link](http://x) `code\\x1b[31m``");
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    const out = path.join(tmp, "memo.md");
    expect(run(["batch", d, "--out", out]).code).toBe(0);
    const memo = fs.readFileSync(out, "utf8");
    expect(memo).toContain("| \\<img src=x onerror=alert(1)\\><br># Forged heading\\\\x1b]0;pwned\\\\x07\\\\x1b[2J |");
    expect(memo).not.toMatch(RAW_CONTROL);
  });

  it("screen and reports: ESC and BEL never reach the terminal raw; names, products and file names show them escaped", () => {
    const d = dir("esc", { "hostile.yaml": hostile, "name\u001b[2J\u0007.yaml": "enterprise: [\n" });
    const table = run(["check", path.join(d, "hostile.yaml")]);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(RAW_CONTROL);
    expect(table.stdout).toContain("<img src=x onerror=alert(1)>\\n# Forged heading\\x1b]0;pwned\\x07\\x1b[2J");
    const batch = run(["batch", d]);
    expect(batch.code).toBe(1);
    expect(batch.stdout + batch.stderr).not.toMatch(RAW_CONTROL);
    expect(batch.stdout).toContain("name\\x1b[2J\\x07.yaml");
    const bad = run(["check", path.join(d, "name\u001b[2J\u0007.yaml")]);
    expect(bad.stderr).not.toMatch(RAW_CONTROL);
    expect(bad.stderr).toContain(`${d}/name\\x1b[2J\\x07.yaml:2: YAML syntax error`);
    // (CSV rows end in CRLF, as RFC 4180 says)
    for (const format of ["csv", "html", "json"]) expect(run(["check", path.join(d, "hostile.yaml"), "--format", format]).stdout.replaceAll("\r\n", "\n")).not.toMatch(RAW_CONTROL);
  });

  it("a newline in a key or value cannot forge a message line about another file", () => {
    const d = dir("forge", {
      "a.yaml": 'enterprise:\n  name: x\n  "k\\nforged.yaml:1: file is empty": 1\n',
      "b.yaml": 'enterprise:\n  name: x\n  district: 张店区\nrecognitions:\n  - type: "green-factory\\nforged.yaml:9: binary file"\n    level: national\n    date: 2024-01-15\n',
    });
    const r = run(["check", path.join(d, "a.yaml"), path.join(d, "b.yaml")]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.startsWith(d))).toBe(true);
    expect(lines[0]).toContain("k\\nforged.yaml:1: file is empty");
    expect(lines[1]).toContain("green-factory\\nforged.yaml:9: binary file");
  });
});

describe("6. SIGTERM and SIGHUP are handled like Ctrl-C; stale temporary files are removed", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s: exit %i, 'Aborted', the old report whole, no temporary file", async (signal, expected) => {
    const d = dir(`sig-${signal}`, Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`p${String(i).padStart(4, "0")}.yaml`, good()])));
    const out = dir(`sig-out-${signal}`);
    const report = path.join(out, "r.csv");
    fs.writeFileSync(report, "old\n");
    const child = spawn(process.execPath, [BIN, "batch", d, "--out", report, "--as-of", AS_OF, "--lang", "en"], { env: { ...process.env, NO_COLOR: "1" } });
    let err = "";
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    const started = Date.now();
    while (!fs.readdirSync(out).some((f) => f.endsWith(".tmp")) && Date.now() - started < 15000) await new Promise((r) => setTimeout(r, 10));
    child.kill(signal);
    const code = await new Promise<number | null>((r) => child.on("close", (c) => r(c)));
    expect(code).toBe(expected);
    expect(err).toContain("Aborted");
    expect(err).not.toMatch(CRASH);
    expect(fs.readFileSync(report, "utf8")).toBe("old\n");
    expect(fs.readdirSync(out)).toEqual(["r.csv"]);
  }, 30_000);

  it("a SIGKILLed run's temporary file is removed by the next write to the same target", () => {
    const out = dir("stale");
    const stale = path.join(out, ".r.csv.999999999.0badf00d.tmp");
    fs.writeFileSync(stale, "half a report");
    const otherTarget = path.join(out, ".other.csv.999999999.0badf00d.tmp");
    fs.writeFileSync(otherTarget, "another target's");
    expect(run(["batch", dir("stale-in", { "a.yaml": good() }), "--out", path.join(out, "r.csv")]).code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([".other.csv.999999999.0badf00d.tmp", "r.csv"]);
  });
});

describe("7. --out never replaces what is not ours", () => {
  it("a report goes only to a name of its format's extension; profiles, symlinks and schemas are safe", () => {
    const d = dir("out", { "other-client.yaml": good(), "client.json": fs.readFileSync(path.join(root, "fixtures/profiles/sentai-huantai.json")) });
    const before = (f: string) => fs.readFileSync(path.join(d, f));
    const yaml = before("other-client.yaml");
    const json = before("client.json");
    const table = run(["check", GOOD, "--out", path.join(d, "other-client.yaml")]);
    expect(table.code).toBe(2);
    expect(table.stderr).toBe(`${path.join(d, "other-client.yaml")}: a table report is only written to a file ending in .txt; choose such a name (or another --format)\n`);
    const asJson = run(["check", GOOD, "--out", path.join(d, "client.json")]);
    expect(asJson.code).toBe(2);
    expect(asJson.stderr).toBe(`${path.join(d, "client.json")}: is a profile, not a report of subsidy, and is never overwritten; choose another name\n`);
    const batchJson = run(["batch", path.join(root, "fixtures/profiles"), "--out", path.join(d, "client.json")]);
    expect(batchJson.code).toBe(2);
    expect(batchJson.stderr).toContain("is a profile, not a report of subsidy");
    // A workbook too, from check and from batch (whose workbook is written at the end, through a spool).
    for (const cmd of [["check", GOOD], ["batch", path.join(root, "fixtures/profiles")]]) {
      const wb = run([...cmd, "--format", "xlsx", "--out", path.join(d, "other-client.yaml")]);
      expect(wb.code).toBe(2);
      expect(wb.stderr).toBe(`${path.join(d, "other-client.yaml")}: a xlsx report is only written to a file ending in .xlsx; choose such a name (or another --format)\n`);
    }
    const schema = run(["schema", "-o", path.join(d, "other-client.yaml")]);
    expect(schema.code).toBe(2);
    expect(schema.stderr).toContain("the schema is only written to a file ending in .json");
    expect(before("other-client.yaml")).toEqual(yaml);
    expect(before("client.json")).toEqual(json);
    // Our own reports are replaced, as always.
    const mine = path.join(d, "mine.json");
    expect(run(["check", GOOD, "--out", mine]).code).toBe(0);
    expect(run(["check", GOOD, "--out", mine]).code).toBe(0);
    expect(run(["schema", "-o", path.join(d, "schema.json")]).code).toBe(0);
    expect(run(["schema", "-o", path.join(d, "schema.json")]).code).toBe(0);
  });

  it("a symbolic link is never replaced (init too, even a dangling one)", () => {
    const d = dir("links", { "real.csv": "keep\n" });
    fs.symlinkSync(path.join(d, "real.csv"), path.join(d, "link.csv"));
    fs.symlinkSync(path.join(d, "nowhere.yaml"), path.join(d, "dangling.yaml"));
    const r = run(["batch", path.join(root, "fixtures/profiles"), "--out", path.join(d, "link.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(d, "link.csv")}: is a symbolic link, and a link is never replaced`);
    expect(fs.lstatSync(path.join(d, "link.csv")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(d, "real.csv"), "utf8")).toBe("keep\n");
    const init = run(["init", path.join(d, "dangling.yaml")]);
    expect(init.code).toBe(2);
    expect(init.stderr).toContain("is a symbolic link");
    expect(fs.lstatSync(path.join(d, "dangling.yaml")).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(d, "nowhere.yaml"))).toBe(false);
  });
});

describe("8. batch --recursive stays in its folder", () => {
  it("links to / and .. are not followed; file links inside the folder are read", () => {
    const d = dir("walk/root", { "a.yaml": good() });
    fs.writeFileSync(path.join(tmp, "walk", "parent.yaml"), good());
    fs.symlinkSync("/", path.join(d, "slash"));
    fs.symlinkSync("..", path.join(d, "up"));
    fs.symlinkSync(path.join(d, "a.yaml"), path.join(d, "b-link.yaml"));
    for (const extra of [[], ["--follow-links"]]) {
      const r = run(["batch", d, "--recursive", ...extra, "--format", "json"]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { profiles: { profile: { file: string } }[] }).profiles.map((p) => path.basename(p.profile.file))).toEqual(["a.yaml", "b-link.yaml"]);
      expect(r.stderr.trim().split("\n")).toHaveLength(2);
    }
  });

  it("--follow-links reads a folder linked from elsewhere, once", () => {
    const d = dir("walk2/root", { "a.yaml": good() });
    dir("walk2/shared", { "s.yaml": good() });
    fs.symlinkSync("../shared", path.join(d, "shared"));
    fs.symlinkSync("../shared", path.join(d, "shared-again"));
    const r = run(["batch", d, "--recursive", "--follow-links", "--format", "json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { profiles: { profile: { file: string } }[] }).profiles.map((p) => path.relative(d, p.profile.file))).toEqual(["a.yaml", "shared/s.yaml"]);
    expect(r.stderr).toContain(`${path.join(d, "shared-again")}: a symbolic link to a folder already read; not read twice`);
  });
});

describe("10. money past exact precision is refused, quoting what was written", () => {
  it("9007199254740993 and 90071992547409.99 are quoted as written, never as the rounded number", () => {
    const d = dir("precision");
    const body = (v: string) => `enterprise:\n  name: x\nprojects:\n  - type: technical-renovation\n    audited_investment: ${v}\n`;
    fs.writeFileSync(path.join(d, "a.yaml"), body("9007199254740993"));
    fs.writeFileSync(path.join(d, "b.yaml"), body("90071992547409.99"));
    fs.writeFileSync(path.join(d, "c.json"), `{"enterprise": {"name": "x"}, "projects": [{"type": "technical-renovation", "audited_investment": 90071992547409.99}]}`);
    const r = run(["check", path.join(d, "a.yaml"), path.join(d, "b.yaml"), path.join(d, "c.json")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'9007199254740993' has too many digits");
    expect(r.stderr.match(/'90071992547409\.99' has too many digits/g)).toHaveLength(2);
    expect(r.stderr).not.toMatch(/9007199254740992|90071992547409\.98/);
    // The largest exact amounts are accepted as written.
    fs.writeFileSync(path.join(d, "ok.yaml"), body("35184372088831.99"));
    expect(run(["check", path.join(d, "ok.yaml"), "--format", "json"]).code).toBe(0);
  });
});

describe("11. a file's errors stop at 20 on screen, with how many more", () => {
  it("9,999 bad items: 21 lines, not 29,997", () => {
    const items = "  - type: no-such-type\n    level: nowhere\n    date: 2024-13-45\n".repeat(9999);
    const d = dir("many-errors", { "many.yaml": `enterprise:\n  name: x\nrecognitions:\n${items}` });
    const r = run(["check", path.join(d, "many.yaml")]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(21);
    expect(lines[20]).toMatch(new RegExp(`^${path.join(d, "many.yaml")}: and \\d+ more problems \\(--format json lists them all\\)$`));
    const more = Number(/and (\d+) more/.exec(lines[20] ?? "")?.[1]);
    expect(more).toBeGreaterThan(9999);
    // What the hint promises: the JSON of that one file lists every problem, the 20 shown and the rest.
    const json = run(["check", path.join(d, "many.yaml"), "--format", "json"]);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as { profile: { file: string }; errors: unknown[] };
    expect(doc.profile.file).toBe(path.join(d, "many.yaml"));
    expect(doc.errors).toHaveLength(20 + more);
  });
});

describe("12. HTML reports wrap long unbroken text, on screen and on A4", () => {
  it("the stylesheet breaks anywhere inside words, and the name is in the report whole", () => {
    const long = "淄博".repeat(5) + "X".repeat(400);
    const d = dir("html", { "long.yaml": `enterprise:\n  name: ${long}\n  district: 张店区\n` });
    const r = run(["check", path.join(d, "long.yaml"), "--format", "html"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(long);
    expect(r.stdout).toMatch(/body, h1, h2, h3, p, li, th, td, blockquote, code, \.id \{ overflow-wrap: anywhere; word-break: break-word; \}/);
    expect(r.stdout).toMatch(/@media print \{[^}]*\}\s*table \{ width: 100%; max-width: 100%; \}/);
  });
});

describe("13. true messages", () => {
  it("a file name that is not UTF-8", () => {
    if (process.platform !== "linux") return;
    const d = dir("names");
    const name = Buffer.concat([Buffer.from(d + "/gbk"), Buffer.from([0xc4, 0xe3]), Buffer.from(".yaml")]);
    fs.writeFileSync(name, good());
    const listed = fs.readdirSync(d)[0] ?? "";
    const r = run(["check", path.join(d, listed)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the file name is not valid UTF-8 (saved in another encoding, e.g. GBK), so it cannot be opened by that name; rename the file");
    const b = run(["batch", d]);
    expect(b.code).toBe(1);
    expect(b.stdout).toContain("the file name is not valid UTF-8");
  });

  it("a file that reports size 0 but has content (/proc) is read, not called empty", () => {
    if (!fs.existsSync("/proc/self/status")) return;
    const r = run(["check", "/proc/self/status"]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain("file is empty");
    expect(r.stderr).toMatch(/^\/proc\/self\/status:\d+/);
  });

  it("--out '' and --out newdir/ say what is wrong before any work", () => {
    const empty = run(["check", GOOD, "--out", ""]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe("--out needs a file name\n");
    const folder = path.join(tmp, "newdir") + "/";
    const r = run(["check", GOOD, "--out", folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${folder}: names a folder; name a file inside it, e.g. ${path.join(folder, "report.txt")}\n`);
    expect(fs.existsSync(path.join(tmp, "newdir"))).toBe(false);
    const b = run(["batch", path.join(root, "fixtures/profiles"), "--out", tmp]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`${tmp}: names a folder; name a file inside it, e.g. ${path.join(tmp, "report")}`);
  });

  it("policy validate of a profile says it is a profile", () => {
    const r = run(["policy", "validate", GOOD]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${GOOD}: error: this is an enterprise profile, not a policy; evaluate it with subsidy check ${GOOD}`);
    expect(r.stderr).not.toContain("missing: this field is required");
  });

  it("the policy is parsed as a policy: its nesting message never suggests profile flags", () => {
    const d = dir("deep-policy", { "p.yaml": "id: x\nnote: " + "[".repeat(40) + "]".repeat(40) + "\n" });
    const r = run(["policy", "validate", path.join(d, "p.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("a policy needs only a few");
    expect(r.stderr).not.toContain("--max-depth");
  });
});

describe("the fuzzer's new classes hold through the binary too", () => {
  it("no crash on JSON nested to each depth around the limits, in check", () => {
    const d = dir("depths");
    const files: string[] = [];
    for (const depth of [31, 32, 33, 999, 1000, 1001, 20000]) {
      const f = path.join(d, `d${depth}.json`);
      fs.writeFileSync(f, `{"enterprise": {"name": "x"}, "note": ${"[".repeat(depth)}${"]".repeat(depth)}}`);
      files.push(f);
    }
    const r = run(["check", ...files]);
    expect(r.stderr).not.toMatch(CRASH);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(files.length);
  });

});
