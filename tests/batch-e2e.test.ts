/** `subsidy batch` through the real binary: stdout, stderr, exit codes and the files it writes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { root } from "./helpers/real-policy.js";
import { runCli } from "./helpers/cli.js";
import { csvTable } from "./helpers/csv.js";
import { shortName } from "../src/batch/report-table.js";

const BIN = path.join(root, "bin", "subsidy.js");
const AS_OF = "2026-11-25";

function run(args: string[], env: Record<string, string> = {}) {
  const r = runCli(args, { env });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

let tmp: string;
const profilesDir = path.join(root, "fixtures", "profiles");
const badDir = path.join(root, "fixtures", "bad");
const profileFiles = fs.readdirSync(profilesDir).sort();

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-batch-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function folder(name: string, files: Record<string, string | Buffer> = {}): string {
  const d = path.join(tmp, name);
  fs.mkdirSync(d, { recursive: true });
  for (const [f, body] of Object.entries(files)) fs.writeFileSync(path.join(d, f), body);
  return d;
}

const copyProfiles = (d: string) => {
  for (const f of profileFiles) fs.copyFileSync(path.join(profilesDir, f), path.join(d, f));
};

type Doc = { profile: { file: string; name?: string }; results?: unknown[]; totals?: { fixedYuan: number; maxYuan: number }; error?: { message: string; line: number | null; path: string | null } };

describe("subsidy batch", () => {
  it("gives each profile exactly the results of subsidy check --format json", () => {
    const files = profileFiles.map((f) => path.join(profilesDir, f));
    const check = run(["check", ...files, "--format", "json", "--as-of", AS_OF, "--lang", "en"]);
    expect(check.code).toBe(0);
    const checkDocs = JSON.parse(check.out) as (Doc & { policy: unknown; asOf: string })[];
    const b = run(["batch", profilesDir, "--format", "json", "--as-of", AS_OF, "--lang", "en", "--opportunities"]);
    expect(b.code).toBe(0);
    const doc = JSON.parse(b.out) as { policy: unknown; asOf: string; profiles: Doc[]; summary: { files: number; errors: number; totals: { fixedYuan: number; maxYuan: number } } };
    expect(doc.policy).toEqual(checkDocs[0]?.policy);
    expect(doc.asOf).toBe(AS_OF);
    expect((doc as unknown as { warnings: string[] }).warnings).toEqual((checkDocs[0] as unknown as { warnings: string[] }).warnings);
    expect(doc.profiles.map((p) => p.profile.file)).toEqual(files);
    checkDocs.forEach((c, i) => {
      const { policy: _p, asOf: _a, ...rest } = c;
      expect(doc.profiles[i]).toEqual(rest);
    });
    expect(doc.summary.files).toBe(files.length);
    expect(doc.summary.errors).toBe(0);
    expect(doc.summary.totals.fixedYuan).toBe(checkDocs.reduce((s, c) => s + (c.totals?.fixedYuan ?? 0), 0));
    expect(doc.summary.totals.maxYuan).toBe(checkDocs.reduce((s, c) => s + (c.totals?.maxYuan ?? 0), 0));
  });

  it("reports every bad fixture with the very message subsidy check prints, and exits 1", () => {
    const files = fs.readdirSync(badDir).sort().map((f) => path.join(badDir, f));
    const check = run(["check", ...files, "--as-of", AS_OF, "--lang", "en", "--format", "json"]);
    const b = run(["batch", badDir, "--as-of", AS_OF, "--lang", "en"]);
    expect(b.code).toBe(1);
    const checkErrors = check.err.trim().split("\n");
    expect(checkErrors.length).toBeGreaterThan(10);
    // Each message is wrapped to the screen, its continuation lines indented further: join them back.
    const listed = b.out.slice(b.out.indexOf("could not be evaluated:")).split("\n").slice(1).join("\n").replace(/\n {4}/g, " ").split("\n").map((l) => l.trim()).filter(Boolean);
    // Compared without whitespace: a line may break between a Chinese character and the quote after it.
    const squeeze = (xs: string[]) => xs.map((x) => x.replace(/\s+/g, ""));
    expect(squeeze(listed)).toEqual(squeeze(checkErrors));
    // The files check accepted (UTF-8 with BOM) are evaluated by batch too.
    const okNames = (JSON.parse(check.out) as Doc[]).map((d) => d.profile.name);
    for (const n of okNames) expect(b.out).toContain(shortName(n ?? ""));
    // Shortened as a person would: the shared 淄博 and 有限公司 go, the part that tells clients apart stays.
    expect(shortName("淄博华创精密机械有限公司")).toBe("华创精密机械");
  });

  it("evaluates the good files around a bad one, lists it with file:line, and exits 1", () => {
    const d = folder("mixed");
    copyProfiles(d);
    fs.writeFileSync(path.join(d, "m-broken.yaml"), "enterprise:\n  name: 坏档案\n  district: 张店区\n  name: 重复\n");
    const r = run(["batch", d, "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${path.join(d, "m-broken.yaml")}:4: duplicate key 'name'`);
    expect(r.out).toMatch(/1 file\(s\) could not be evaluated/);
    expect(r.out).toContain(`Grand totals: ${profileFiles.length} of ${profileFiles.length + 1} profiles evaluated`);
    // Long file names lose their extension, then their end, never their beginning.
    for (const f of profileFiles) expect(r.out).toContain(f.length > 13 ? f.slice(0, 10) : f);
  });

  it("gives each file of a large folder its own result or the very error check prints (a folder, a FIFO, a file over the limit)", () => {
    const d = folder("large");
    const bodies = profileFiles.map((f) => fs.readFileSync(path.join(profilesDir, f)));
    for (let i = 0; i < 230; i++) fs.writeFileSync(path.join(d, `p${String(i).padStart(3, "0")}.yaml`), bodies[i % bodies.length] as Buffer);
    for (const f of fs.readdirSync(badDir)) fs.copyFileSync(path.join(badDir, f), path.join(d, `z-${f}`));
    fs.mkdirSync(path.join(d, "p050-dir.yaml"));
    execFileSync("mkfifo", [path.join(d, "p100-pipe.yaml")]);
    fs.writeFileSync(path.join(d, "p150-big.yaml"), `enterprise:\n  name: 大文件\n  district: 张店区\n  note: ${"x".repeat(5000)}\n`);
    const args = ["batch", d, "--format", "json", "--as-of", AS_OF, "--lang", "en", "--max-file-size", "4KiB"];
    const here = run(args);
    expect(here.code).toBe(1);
    const doc = JSON.parse(here.out) as { profiles: Doc[]; summary: { files: number; errors: number } };
    const byName = (n: string) => doc.profiles.find((p) => p.profile.file === path.join(d, n));
    expect(doc.summary.files).toBe(230 + fs.readdirSync(badDir).length + 3);
    expect(byName("p000.yaml")?.totals).toBeDefined();
    expect(byName("p050-dir.yaml")?.error?.message).toMatch(/is a directory, not a regular file/);
    expect(byName("p100-pipe.yaml")?.error?.message).toMatch(/named pipe \(FIFO\), not a regular file/);
    expect(byName("p150-big.yaml")?.error?.message).toMatch(/4 ?KiB|4096/);
    // Each bad fixture's message is the one check prints for it.
    const bad = fs.readdirSync(badDir).sort();
    const check = run(["check", ...bad.map((f) => path.join(d, `z-${f}`)), "--as-of", AS_OF, "--lang", "en", "--format", "json", "--max-file-size", "4KiB"]);
    // (the end of each message: a key may hold ": " itself; check shows a newline in it escaped, \n, JSON as it is)
    for (const line of check.err.trim().split("\n")) expect(here.out).toContain(JSON.stringify(line.slice(line.indexOf(": ") + 2).replaceAll("\\n", "\n")).slice(1, -1).slice(-40));
  });

  it("reads .yaml/.yml/.json in any case in sorted order, skips junk, and reports FIFOs, directories and bad links", () => {
    const one = fs.readFileSync(path.join(profilesDir, "huachuang.yaml"), "utf8");
    const named = (n: string) => one.replace(/name: 淄博华创精密机械有限公司/, `name: ${n}`);
    const d = folder("walk", {
      "b.YAML": named("企业乙"),
      "a.yml": named("企业甲"),
      "C.Json": JSON.stringify({ enterprise: { name: "企业丙", district: "张店区" } }),
      "~$a.yaml": "junk",
      ".hidden.yaml": "junk",
      "a.yaml.swp": "junk",
      "a.yaml~": "junk",
      ".DS_Store": "junk",
      "Thumbs.db": "junk",
      "notes.txt": "not a profile",
    });
    fs.mkdirSync(path.join(d, "dir.yaml"));
    execFileSync("mkfifo", [path.join(d, "pipe.yaml")]);
    fs.symlinkSync("loop.yaml", path.join(d, "loop.yaml"));
    fs.symlinkSync("missing.yaml", path.join(d, "dangling.yaml"));
    fs.symlinkSync("a.yml", path.join(d, "link.yaml"));
    const r = run(["batch", d, "--format", "json", "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { profiles: Doc[] };
    const byName = (n: string) => doc.profiles.find((p) => p.profile.file === path.join(d, n));
    expect(doc.profiles.map((p) => path.basename(p.profile.file))).toEqual(["C.Json", "a.yml", "b.YAML", "dangling.yaml", "dir.yaml", "link.yaml", "loop.yaml", "pipe.yaml"]);
    expect(byName("a.yml")?.profile.name).toBe("企业甲");
    expect(byName("link.yaml")?.profile.name).toBe("企业甲");
    expect(byName("pipe.yaml")?.error?.message).toMatch(/named pipe \(FIFO\), not a regular file/);
    expect(byName("dir.yaml")?.error?.message).toMatch(/is a directory, not a regular file/);
    expect(byName("loop.yaml")?.error?.message).toMatch(/loops back on itself/);
    expect(byName("dangling.yaml")?.error?.message).toMatch(/does not exist/);
  });

  it("reads the folder the path names when it goes through a link and '..' (not the folder the text folds to)", () => {
    const real = folder("dotdot-real", { "one.yaml": fs.readFileSync(path.join(profilesDir, "huachuang.yaml")) });
    fs.mkdirSync(path.join(real, "inner"));
    const other = folder("dotdot-other");
    fs.symlinkSync(path.join(real, "inner"), path.join(other, "link"));
    // other/link/.. is `real` for the file system; path.join would fold it to `other` as text.
    const given = `${other}/link/..`;
    const r = run(["batch", given, "--format", "json", "--as-of", AS_OF]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const profiles = (JSON.parse(r.out) as { profiles: Doc[] }).profiles;
    expect(profiles.map((p) => p.profile.file)).toEqual([`${given}/one.yaml`]);
    expect(profiles[0]?.profile.name).toBe("淄博华创精密机械有限公司");
  });

  it("--recursive reads sub-folders and stops at a symlink cycle", () => {
    const d = folder("tree", { "top.yaml": fs.readFileSync(path.join(profilesDir, "huachuang.yaml")) });
    fs.mkdirSync(path.join(d, "sub"));
    fs.copyFileSync(path.join(profilesDir, "sentai-huantai.json"), path.join(d, "sub", "inner.json"));
    fs.symlinkSync("..", path.join(d, "sub", "up"));
    const flat = run(["batch", d, "--format", "json", "--as-of", AS_OF]);
    expect((JSON.parse(flat.out) as { profiles: Doc[] }).profiles.map((p) => path.relative(d, p.profile.file))).toEqual(["top.yaml"]);
    // Folder links are not followed without --follow-links (issue 18): `up` (→ ..) is named and skipped.
    const r = run(["batch", d, "--recursive", "--format", "json", "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(0);
    const files = (JSON.parse(r.out) as { profiles: Doc[] }).profiles;
    expect(files.map((p) => path.relative(d, p.profile.file))).toEqual(["sub/inner.json", "top.yaml"]);
    expect(r.err).toContain(`${path.join(d, "sub", "up")}: a symbolic link to a folder, not read (add --follow-links to read it)`);
    // With --follow-links: a link up to the batch's own folder is still skipped; a cycle below it is reported.
    fs.mkdirSync(path.join(d, "sub", "deep"));
    fs.symlinkSync("..", path.join(d, "sub", "deep", "loop"));
    const followed = run(["batch", d, "--recursive", "--follow-links", "--format", "json", "--as-of", AS_OF, "--lang", "en"]);
    expect(followed.code).toBe(1);
    const all = (JSON.parse(followed.out) as { profiles: Doc[] }).profiles;
    expect(all.map((p) => path.relative(d, p.profile.file))).toEqual(["sub/deep/loop", "sub/inner.json", "top.yaml"]);
    expect(all[0]?.error?.message).toMatch(/cycle/);
    expect(followed.err).toContain(`${path.join(d, "sub", "up")}: a symbolic link to a folder that holds the batch's own folder`);
  });

  it("writes a CSV for Excel: BOM, RFC 4180 quoting, formulas neutralised, numbers as numbers", () => {
    const d = folder("csv", {
      "a.yaml": "enterprise:\n  name: \"=SUM(A1)\"\n  district: 张店区\n  ownership: private\nrecognitions:\n  - type: green-factory\n    level: national\n    date: 2024-01-15\n",
      "b.yaml": 'enterprise:\n  name: \'淄博"引号",逗号公司\'\n  district: 淄川区\n',
    });
    const out = path.join(tmp, "report.csv");
    const r = run(["batch", d, "--out", out, "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Report written to ${out} (2 profiles)`);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    const lines = text.split("\r\n");
    expect(lines[0]).toMatch(/^file,enterprise,credit code,district,ownership,/);
    const a = lines.find((l) => l.includes("green-factory")) as string;
    expect(a).toContain(",'=SUM(A1),");
    expect(a).not.toContain(",=SUM");
    expect(a).toMatch(/,1000000,1000000,green-factory,/); // enterprise totals, unquoted
    expect(a).toMatch(/,eligible,fixed,1000000,/);
    expect(text).toContain('"淄博""引号"",逗号公司"');
    // Every record carries the policy id, version, sha256 and the as-of date.
    const records = lines.slice(1).filter((l) => l !== "");
    expect(records.length).toBeGreaterThanOrEqual(2);
    for (const rec of records.filter((l) => /^[^"\n]*\.yaml,/.test(l))) expect(rec).toMatch(/,zibo-five-optimizations,[^,]+,[0-9a-f]{64},2026-11-25,/);
  });

  it("repeats in each CSV row the missing-facts and reasons cells of subsidy check's CSV, one entry per line", () => {
    // With the fixtures, one that misses two facts for the same program (the district, the audited investment).
    const d = folder("csv-vs-check", { "multi.yaml": "enterprise:\n  name: 缺信息公司\nprojects:\n  - type: technical-renovation\n    name: 改造\n    date: 2024-03-01\n" });
    copyProfiles(d);
    const out = path.join(tmp, "cross.csv");
    expect(run(["batch", d, "--out", out, "--as-of", AS_OF, "--lang", "en"]).code).toBe(0);
    const batch = csvTable(fs.readFileSync(out, "utf8"));
    let compared = 0;
    let multi = 0;
    for (const f of [...profileFiles, "multi.yaml"]) {
      const c = run(["check", path.join(d, f), "--format", "csv", "--as-of", AS_OF, "--lang", "en"]);
      if (c.code !== 0) continue;
      const check = csvTable(c.out);
      for (const row of batch.body.filter((r) => r[batch.col("file")] === path.join(d, f) && r[batch.col("program")] !== "")) {
        const same = check.body.find((r) => r[check.col("program")] === row[batch.col("program")]) as string[];
        expect(row[batch.col("missing facts")], `${f} ${String(row[batch.col("program")])}`).toBe(same[check.col("missing")]);
        expect(row[batch.col("reasons")], `${f} ${String(row[batch.col("program")])}`).toBe(same[check.col("reasons")]);
        if ((row[batch.col("missing facts")] as string).includes("\n")) multi++;
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
    // The case the alignment is about: a program missing more than one fact.
    expect(multi).toBeGreaterThan(0);
  });

  it("writes Markdown and JSON reports chosen by extension, --format overriding it", () => {
    const d = folder("md", { "a.yaml": "enterprise:\n  name: 甲|乙公司\n  district: 张店区\n" });
    const md = path.join(tmp, "memo.md");
    expect(run(["batch", d, "--out", md, "--as-of", AS_OF, "--lang", "en"]).code).toBe(0);
    const text = fs.readFileSync(md, "utf8");
    expect(text).toMatch(/^# Subsidy eligibility — batch report/);
    expect(text).toContain("甲\\|乙公司");
    expect(text).toMatch(/Policy: zibo-five-optimizations \S+ \(sha256 [0-9a-f]{64}\) · As of: 2026-11-25/);
    // --format json to a .txt name: refused (issue 18: a report only goes to a name of its format's extension).
    const forced = path.join(tmp, "data.txt");
    const mismatch = run(["batch", d, "--out", forced, "--format", "json", "--as-of", AS_OF, "--lang", "en"]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toContain(`${forced}: a json report is only written to a file ending in .json`);
    expect(fs.existsSync(forced)).toBe(false);
    const data = path.join(tmp, "data.json");
    expect(run(["batch", d, "--out", data, "--format", "json", "--as-of", AS_OF]).code).toBe(0);
    expect((JSON.parse(fs.readFileSync(data, "utf8")) as { profiles: Doc[] }).profiles[0]?.profile.name).toBe("甲|乙公司");
    const unknown = run(["batch", d, "--out", path.join(tmp, "r.docx"), "--as-of", AS_OF]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/cannot tell the format/);
  });

  it("warns when the report is written where a later batch of the folder would read it as a profile", () => {
    const d = folder("inside", { "a.yaml": "enterprise:\n  name: 甲公司\n  district: 张店区\n" });
    fs.mkdirSync(path.join(d, "sub"));
    const note = /Note: .*report\.json is in the folder .*: the next `subsidy batch` of that folder will read it as a profile/;
    const inside = run(["batch", d, "--out", path.join(d, "report.json"), "--as-of", AS_OF, "--lang", "en"]);
    expect(inside.code).toBe(0);
    expect(inside.err).toMatch(note);
    // It is right: the next run reads the report and lists it as an error.
    const next = run(["batch", d, "--as-of", AS_OF, "--lang", "en"]);
    expect(next.code).toBe(1);
    expect(next.out).toContain("report.json:");
    // Through another spelling of the same folder; and below it only when the batch is recursive.
    const other = run(["batch", d, "--out", path.join(d, "sub", "..", "r2.json"), "--as-of", AS_OF, "--lang", "zh"]);
    expect(other.err).toMatch(/注意：.*r2\.json 位于文件夹/);
    expect(run(["batch", d, "--out", path.join(d, "sub", "report.json"), "--as-of", AS_OF, "--lang", "en"]).err).not.toMatch(/Note:/);
    expect(run(["batch", d, "--recursive", "--out", path.join(d, "sub", "r3.json"), "--as-of", AS_OF, "--lang", "en"]).err).toMatch(/Note: .*r3\.json/);
    // Reports a batch never reads (CSV, Markdown), and reports elsewhere, get no note.
    expect(run(["batch", d, "--out", path.join(d, "report.csv"), "--as-of", AS_OF, "--lang", "en"]).err).not.toMatch(/Note:/);
    expect(run(["batch", d, "--out", path.join(tmp, "outside.json"), "--as-of", AS_OF, "--lang", "en"]).err).not.toMatch(/Note:/);
  });

  it("goes on quietly when the reader of its output stops early (| head): no stack trace, the report whole, its own exit code", async () => {
    // Enough profiles that the screen output outgrows the pipe once its reader has gone.
    const d = folder("epipe");
    const body = fs.readFileSync(path.join(profilesDir, "huachuang.yaml"));
    for (let i = 0; i < 1500; i++) fs.writeFileSync(path.join(d, `p${String(i).padStart(4, "0")}.yaml`), body);
    fs.writeFileSync(path.join(d, "zz-broken.yaml"), "enterprise: [\n");
    const report = path.join(tmp, "epipe-report.csv");
    const child = spawn(process.execPath, [BIN, "batch", d, "--out", report, "--as-of", AS_OF, "--lang", "en"], { env: { ...process.env, NO_COLOR: "1" } });
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
    // Like head: read the first piece of output, then close the pipe.
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(err).not.toMatch(/EPIPE|Unhandled|at .*\(node:/);
    expect(err).toMatch(/Report written to .*epipe-report\.csv \(1501 profiles\)/);
    // 1 for the broken profile, as without the early close.
    expect(code).toBe(1);
    const t = csvTable(fs.readFileSync(report, "utf8"));
    const files = new Set(t.body.map((r) => r[t.col("file")]));
    expect(files.size).toBe(1501);
    expect(files.has(path.join(d, "p1499.yaml"))).toBe(true);
    expect(files.has(path.join(d, "zz-broken.yaml"))).toBe(true);
  }, 60_000);

  it("loads the yaml parser only for a file the fast path declines, in check and batch alike", () => {
    // At exit: whether the yaml parser was loaded, from its bundle in dist/ (read by the CLI's stand-in,
    // with its code cache) or from the package (Node's module cache).
    const probe = path.join(tmp, "yaml-probe.cjs");
    fs.writeFileSync(
      probe,
      [
        'const fs = require("node:fs");',
        "const read = fs.readFileSync;",
        "let bundle = false;",
        'fs.readFileSync = function (p, ...rest) { if (typeof p === "string" && /[\\\\/]dist[\\\\/]yaml\\.cjs$/.test(p)) bundle = true; return read.call(this, p, ...rest); };',
        'process.on("exit", () => { const pkg = Object.keys(require("node:module")._cache).some((k) => /node_modules[\\\\/]yaml[\\\\/]/.test(k)); process.stderr.write(bundle ? "\\nYAML FROM BUNDLE\\n" : pkg ? "\\nYAML FROM PACKAGE\\n" : "\\nYAML NOT LOADED\\n"); });',
        "",
      ].join("\n"),
    );
    const env = { NODE_OPTIONS: `--require ${probe}` };
    expect(run(["check", path.join(profilesDir, "huachuang.yaml"), "--as-of", AS_OF], env).err).toContain("YAML NOT LOADED");
    expect(run(["batch", profilesDir, "--as-of", AS_OF], env).err).toContain("YAML NOT LOADED");
    // One file outside the fast path's subset: the parser is loaded for it (the bundled copy), and its message is exact.
    const d = folder("yaml-lazy", { "a.yaml": "enterprise:\n  name: 甲公司\n  district: 张店区\n", "b.yaml": "enterprise: &e\n  name: 乙公司\n" });
    const r = run(["batch", d, "--as-of", AS_OF, "--lang", "en"], env);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/b\.yaml:1: anchors \(&e\) are not accepted/);
    expect(r.err).toContain("YAML FROM BUNDLE");
  });

  it("never overwrites an input profile, keeps an existing report whole when the run fails, and leaves no temporary files", () => {
    const d = folder("atomic");
    copyProfiles(d);
    const victim = path.join(d, "huachuang.yaml");
    const before = fs.readFileSync(victim);
    const r = run(["batch", d, "--out", victim, "--format", "json", "--as-of", AS_OF]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refusing to overwrite an input profile/);
    expect(fs.readFileSync(victim)).toEqual(before);

    // The same input by other names: through a linked folder, a hard link, and a profile that is a link to the report.
    const linked = path.join(tmp, "atomic-link");
    fs.symlinkSync(d, linked);
    const viaLink = run(["batch", linked, "--out", victim, "--format", "json", "--as-of", AS_OF]);
    expect(viaLink.code).toBe(2);
    expect(viaLink.err).toMatch(/refusing to overwrite an input profile/);
    const hard = path.join(tmp, "hard-link.yaml");
    fs.linkSync(victim, hard);
    const viaHard = run(["batch", d, "--out", hard, "--format", "json", "--as-of", AS_OF]);
    expect(viaHard.code).toBe(2);
    expect(viaHard.err).toMatch(/refusing to overwrite an input profile/);
    fs.rmSync(hard);
    const target = path.join(tmp, "linked-report.json");
    fs.copyFileSync(victim, target);
    fs.symlinkSync(target, path.join(d, "zz-link.yaml"));
    const viaSymlink = run(["batch", d, "--out", target, "--format", "json", "--as-of", AS_OF]);
    expect(viaSymlink.code).toBe(2);
    expect(viaSymlink.err).toMatch(/refusing to overwrite an input profile \(.*zz-link\.yaml\)/);
    fs.rmSync(path.join(d, "zz-link.yaml"));
    expect(fs.readFileSync(victim)).toEqual(before);

    const report = path.join(tmp, "keep.json");
    // A previous report of ours (a .json that is not is never overwritten: it may be a client's profile).
    fs.writeFileSync(report, '{"policy": "old report"}\n');
    const bad = run(["batch", d, "--out", report, "--policy", path.join(root, "fixtures", "policies", "syntax-error.yaml")]);
    expect(bad.code).toBe(2);
    expect(fs.readFileSync(report, "utf8")).toBe('{"policy": "old report"}\n');

    expect(run(["batch", d, "--out", report, "--as-of", AS_OF]).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(report, "utf8")).profiles).toHaveLength(profileFiles.length);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(fs.readdirSync(d).sort()).toEqual(profileFiles);
  });

  it("on Ctrl-C exits 130, leaves the old report whole and no temporary file", async () => {
    const d = folder("interrupt");
    const one = fs.readFileSync(path.join(profilesDir, "huachuang.yaml"), "utf8");
    for (let i = 0; i < 1500; i++) fs.writeFileSync(path.join(d, `p${String(i).padStart(4, "0")}.yaml`), one);
    const out = path.join(tmp, "int-out");
    fs.mkdirSync(out);
    const report = path.join(out, "r.json");
    fs.writeFileSync(report, '{"policy": "old"}\n');
    const child = spawn(process.execPath, [BIN, "batch", d, "--out", report, "--as-of", AS_OF], { env: { ...process.env, NO_COLOR: "1" } });
    let err = "";
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    // Interrupt once the temporary report exists, i.e. mid-run.
    const started = Date.now();
    while (!fs.readdirSync(out).some((f) => f.endsWith(".tmp")) && Date.now() - started < 15000) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.on("close", (c) => r(c)));
    expect(code).toBe(130);
    expect(err).toContain("Aborted");
    expect(fs.readFileSync(report, "utf8")).toBe('{"policy": "old"}\n');
    expect(fs.readdirSync(out)).toEqual(["r.json"]);
  }, 30000);

  it("prints the per-program table, grand totals and no progress bar when stderr is not a terminal", () => {
    const r = run(["batch", profilesDir, "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Programs across the batch");
    expect(r.out).toMatch(/Grand totals: 9 of 9 profiles evaluated · fixed ¥[\d,]+ · up to ¥[\d,]+ incl\. ceilings/);
    expect(r.out).toContain("Every profile was read and evaluated.");
    expect(r.err).toBe("");
    const zh = run(["batch", profilesDir, "--as-of", AS_OF, "--lang", "zh"]);
    expect(zh.out).toContain("各项目汇总");
    expect(zh.out).toMatch(/总计：共 9 份档案，已评估 9 份/);
  });

  it("an empty folder or a missing one is a usage error", () => {
    const empty = folder("empty", { "readme.txt": "x" });
    const r = run(["batch", empty]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no \.yaml, \.yml or \.json profiles in/);
    const missing = run(["batch", path.join(tmp, "nope")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/folder not found/);
  });
});
