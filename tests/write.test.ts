/** Crash-safe writes (src/io/write.ts): the streamed writer and the guard that keeps input profiles whole. */
import { afterAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AtomicStream, checkTarget } from "../src/io/write.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-write-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("AtomicStream", () => {
  it("writes thousands of pieces in order (more than one writev call takes), and nothing replaces the target before commit", () => {
    const target = path.join(tmp, "report.json");
    fs.writeFileSync(target, "old\n");
    const s = new AtomicStream(target);
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < 3000; i++) pieces.push(Buffer.from(i % 7 === 0 ? `淄博${i},` : `${i},`));
    pieces.push(new Uint8Array(0));
    s.writev(pieces.slice(0, 1500));
    s.write("|");
    s.writev(pieces.slice(1500));
    expect(fs.readFileSync(target, "utf8")).toBe("old\n");
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
