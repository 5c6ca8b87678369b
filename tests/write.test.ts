/** Crash-safe writes (src/io/write.ts): the streamed writer and the guard that keeps input profiles whole. */
import { afterAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AtomicStream, checkTarget, removeStaleTemps, writeFailed, writeFileAtomic } from "../src/io/write.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-write-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("AtomicStream", () => {
  it("writes thousands of pieces in order (more than one writev call takes), and nothing replaces the target before commit", () => {
    const target = path.join(tmp, "report.json");
    const old = '{"policy": "old"}\n';
    fs.writeFileSync(target, old);
    const s = new AtomicStream(target);
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < 3000; i++) pieces.push(Buffer.from(i % 7 === 0 ? `淄博${i},` : `${i},`));
    pieces.push(new Uint8Array(0));
    s.writev(pieces.slice(0, 1500));
    s.write("|");
    s.writev(pieces.slice(1500));
    expect(fs.readFileSync(target, "utf8")).toBe(old);
    s.commit();
    const text = fs.readFileSync(target, "utf8");
    expect(text).toBe(Buffer.concat(pieces.slice(0, 1500)).toString() + "|" + Buffer.concat(pieces.slice(1500)).toString());
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("checkTarget", () => {
  it("refuses an input by any name: its own, another spelling of its folder, a hard link, a symbolic link listed as plain or not", () => {
    const d = path.join(tmp, "inputs");
    fs.mkdirSync(d);
    const input = path.join(d, "a.yaml");
    fs.writeFileSync(input, "enterprise:\n  name: x\n");
    fs.writeFileSync(path.join(d, "b.yaml"), "enterprise:\n  name: y\n");
    const refuse = (target: string, protect: Parameters<typeof checkTarget>[1]) => expect(() => checkTarget(target, protect), target).toThrow(/refusing to overwrite an input profile/);
    const plain = (file: string) => ({ file, plain: true });
    refuse(input, { protect: [plain(input)] });
    refuse(path.join(d, "..", "inputs", "a.yaml"), { protect: [plain(input)] });
    const hard = path.join(tmp, "hard.json");
    fs.linkSync(input, hard);
    refuse(hard, { protect: [plain(path.join(d, "b.yaml")), plain(input)] });
    fs.rmSync(hard);
    // A report that an input links to: the link is not a plain entry, so it is looked at whatever its name.
    const report = path.join(tmp, "report.md");
    fs.writeFileSync(report, "old\n");
    const link = path.join(d, "zz.yaml");
    fs.symlinkSync(report, link);
    refuse(report, { protect: [plain(input), { file: link }] });
    // The same link wrongly listed as plain with another name is the one case the shortcut trusts the walk for.
    expect(() => checkTarget(report, { protect: [plain(input), plain(link)] })).not.toThrow();
    // Plain strings are always looked at.
    refuse(report, { protect: [input, link] });
    expect(() => checkTarget(path.join(tmp, "new.json"), { protect: [plain(input), { file: link }] })).not.toThrow();
  });
});

describe("write failures and leftovers (issue 18)", () => {
  it("names each write failure in one true line, from its errno code", () => {
    const failed = (code: string) => writeFailed("out/r.csv", Object.assign(new Error(`${code}: raw`), { code })).format();
    expect(failed("ENOSPC")).toBe("out/r.csv: cannot write: disk full");
    expect(failed("EDQUOT")).toBe("out/r.csv: cannot write: disk quota exceeded");
    expect(failed("EROFS")).toBe("out/r.csv: cannot write: read-only file system");
    expect(failed("EACCES")).toBe("out/r.csv: cannot write: permission denied");
    expect(failed("EPERM")).toBe("out/r.csv: cannot write: permission denied");
    expect(failed("EIO")).toBe("out/r.csv: cannot write: input/output error (check the disk)");
    expect(failed("EWHATEVER")).toBe("out/r.csv: cannot write: EWHATEVER");
    expect(writeFailed("x", new Error("ENOSPC")).exitCode).toBe(2);
  });

  it("a write into a missing folder says so, and leaves nothing behind", () => {
    const target = path.join(tmp, "no-such-folder", "r.csv");
    expect(() => writeFileAtomic(target, "x")).toThrow(/cannot write: the folder does not exist$/);
  });

  it("removes stale temporary files of its own naming for the same target whose process is gone, and nothing else", () => {
    const d = path.join(tmp, "stale");
    fs.mkdirSync(d);
    const target = path.join(d, "r.csv");
    const dead = path.join(d, ".r.csv.999999999.0123abcd.tmp"); // no such pid
    const live = path.join(d, `.r.csv.${process.ppid}.0123abcd.tmp`); // a live process: another run's
    const other = path.join(d, ".q.csv.999999999.0123abcd.tmp"); // another target's
    const unlike = path.join(d, ".r.csv.999999999.notours.tmp");
    for (const f of [dead, live, other, unlike]) fs.writeFileSync(f, "x");
    removeStaleTemps(target);
    expect(fs.readdirSync(d).sort()).toEqual([live, other, unlike].map((f) => path.basename(f)).sort());
    writeFileAtomic(path.join(d, "q.csv"), "new\n");
    expect(fs.existsSync(other)).toBe(false);
  });

  it("refuses '', a folder, a symbolic link, a name without its format's extension, and a .json that is not ours", () => {
    expect(() => checkTarget("")).toThrow("--out needs a file name");
    expect(() => checkTarget(`${tmp}/`)).toThrow(/names a folder; name a file inside it, e\.g\. .*report\.txt/);
    expect(() => checkTarget(path.join(tmp, "newdir") + "/", { format: "csv" })).toThrow(/names a folder; name a file inside it, e\.g\. .*newdir.report\.csv/);
    const real = path.join(tmp, "real.csv");
    fs.writeFileSync(real, "a\n");
    fs.symlinkSync(real, path.join(tmp, "link.csv"));
    expect(() => checkTarget(path.join(tmp, "link.csv"), { format: "csv" })).toThrow(/is a symbolic link, and a link is never replaced/);
    fs.symlinkSync(path.join(tmp, "nowhere"), path.join(tmp, "dangling.yaml"));
    expect(() => checkTarget(path.join(tmp, "dangling.yaml"), { noOverwrite: true })).toThrow(/is a symbolic link/);
    expect(() => checkTarget(path.join(tmp, "r.yaml"), { format: "table" })).toThrow(/a table report is only written to a file ending in \.txt/);
    expect(() => checkTarget(path.join(tmp, "p.yaml"), { format: "schema" })).toThrow(/the schema is only written to a file ending in \.json/);
    expect(() => checkTarget(path.join(tmp, "r.CSV"), { format: "csv" })).not.toThrow();
    const client = path.join(tmp, "client.json");
    fs.writeFileSync(client, '{"enterprise": {"name": "x"}}\n');
    expect(() => checkTarget(client, { format: "json" })).toThrow(/is a profile, not a report of subsidy, and is never overwritten/);
    // Writing a profile itself (ask's save, once the user agreed to replace it) is not a report: allowed.
    const profile = path.join(tmp, "saved.yaml");
    fs.writeFileSync(profile, "enterprise:\n  name: x\n");
    writeFileAtomic(profile, "enterprise:\n  name: y\n");
    expect(fs.readFileSync(profile, "utf8")).toBe("enterprise:\n  name: y\n");
    expect(() => checkTarget(profile, { format: "table" })).toThrow(/only written to a file ending in \.txt/);
    const ours = path.join(tmp, "ours.json");
    for (const text of ['{"policy": {}}', '[\n  {\n    "profile": {}}]', '\uFEFF{ "$schema": "x" }']) {
      fs.writeFileSync(ours, text);
      expect(() => checkTarget(ours, { format: "json" }), text).not.toThrow();
    }
  });
});
