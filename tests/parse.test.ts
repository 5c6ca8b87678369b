import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "../src/parse/document.js";
import { closest, editDistance } from "../src/parse/suggest.js";
import { caught } from "./helpers/caught.js";

const BAD = path.join(import.meta.dirname, "..", "fixtures", "bad");
const enc = (s: string) => new TextEncoder().encode(s);

function parseFixture(name: string) {
  return parseDocument(fs.readFileSync(path.join(BAD, name)), name);
}


describe("parseDocument: YAML and JSON parsing", () => {
  it("rejects an alias bomb before expanding anything, with a line", () => {
    const e = caught(() => parseFixture("alias-bomb.yaml"));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/anchors \(&a\) are not accepted; write each value out in full/);
    expect(e.location).toMatchObject({ file: "alias-bomb.yaml", line: 3 });
  });

  it("points at the anchor's own line when it stands before a block mapping or list", () => {
    for (const [text, line, col] of [
      ["enterprise: &e\n  name: 乙公司\n", 1, 13],
      ["enterprise:\n  name: 甲\nrecognitions: &r\n  - type: x\n", 3, 15],
      ["enterprise:\n  name: &n 乙公司\n", 2, 9],
    ] as const) {
      const e = caught(() => parseDocument(enc(text), "x.yaml"));
      expect(e.message, text).toMatch(/anchors \(&[enr]\) are not accepted/);
      expect(e.location, text).toMatchObject({ line, col });
    }
  });

  it("rejects a lone alias too", () => {
    const e = caught(() => parseDocument(enc("a: 1\nb: *x\n"), "x.yaml"));
    expect(e.code).toBe("parse");
    expect(e.location.line).toBe(2);
  });

  it("rejects duplicate keys in YAML", () => {
    const e = caught(() => parseFixture("duplicate-key.yaml"));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/duplicate key 'district': each key may appear only once/);
    expect(e.location.line).toBe(4);
  });

  it("rejects duplicate keys in JSON (which JSON.parse would silently drop)", () => {
    const e = caught(() => parseFixture("duplicate-key.json"));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/duplicate key 'name'/);
    expect(e.location.line).toBe(4);
  });

  it("treats 1: and \"1\": as the same key", () => {
    const e = caught(() => parseFixture("duplicate-key-number-string.yaml"));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/duplicate key .1.*1: and "1": are the same key/);
    expect(e.location.line).toBe(4);
  });

  it.each([
    ["custom-tag-eval.yaml", /tags such as !eval are not accepted/],
    ["custom-tag-js-function.yaml", /tags such as !!js\/function are not accepted/],
    ["binary-tag.yaml", /tags such as !!binary are not accepted/],
  ])("rejects tags (%s) rather than warn", (file, msg) => {
    const e = caught(() => parseFixture(file));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(msg);
    expect(e.message).toMatch(/write a plain value/);
    expect(e.location.line).toBe(3);
  });

  it("does not turn !!set or !!timestamp into JS objects", () => {
    expect(caught(() => parseDocument(enc("a: !!set {x}\n"), "s.yaml")).message).toMatch(/!!set/);
    expect(caught(() => parseDocument(enc("a: !!timestamp 2024-01-01\n"), "t.yaml")).message).toMatch(/!!timestamp/);
  });

  it("rejects a %YAML 1.1 directive", () => {
    const e = caught(() => parseFixture("yaml-1.1-directive.yaml"));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/%YAML are not accepted.*YAML 1\.1 reads 'on' as true.*remove the line/);
    expect(e.location.line).toBe(1);
  });

  it("keeps YAML 1.2 meanings: on, no, 012 and 1:30 are not booleans or base-8/60 numbers", () => {
    const { data } = parseDocument(enc("a: on\nb: no\nc: 012\nd: 1:30\ne: 2024-01-15\n"), "x.yaml");
    expect(data).toEqual({ a: "on", b: "no", c: 12, d: "1:30", e: "2024-01-15" });
  });

  it("does not merge << keys", () => {
    const { data } = parseDocument(enc("a:\n  <<: x\n"), "x.yaml");
    expect(data).toEqual({ a: { "<<": "x" } });
  });

  it("rejects several documents", () => {
    const e = caught(() => parseFixture("multi-document.yaml"));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/several documents.*one enterprise per file/);
    expect(e.location.line).toBe(3);
  });

  it.each(["empty.yaml", "comment-only.yaml"])("says %s is empty", (file) => {
    const e = caught(() => parseFixture(file));
    expect(e.code).toBe("file-empty");
    expect(e.message).toMatch(/^file is empty/);
    expect(e.location.file).toBe(file);
  });

  it("says a file with only whitespace or --- is empty", () => {
    expect(caught(() => parseDocument(enc("  \n\t\n"), "w.yaml")).code).toBe("file-empty");
    expect(caught(() => parseDocument(enc("---\n"), "d.yaml")).code).toBe("file-empty");
  });

  it("hints at the full-width colon when the whole file is one string", () => {
    const e = caught(() => parseFixture("full-width-colon.yaml"));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/full-width colon '：'.*ASCII colon and a space/);
    expect(e.location.line).toBe(1);
  });

  it("rejects deep block nesting, with the line", () => {
    const e = caught(() => parseFixture("deep-nesting.yaml"));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/nesting is deeper than 32 levels/);
    expect(e.location.line).toBeGreaterThan(30);
  });

  it("rejects deep flow nesting", () => {
    const e = caught(() => parseDocument(fs.readFileSync(path.join(BAD, "deep-nesting-flow.yaml")), "f.yaml", { maxDepth: 10 }));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/nesting is deeper than 10 levels/);
    expect(e.location.line).toBe(3);
  });

  it("refuses pathological flow nesting quickly, before the parser runs out of stack", () => {
    const text = "a: " + "[".repeat(200000) + "]".repeat(200000) + "\n";
    const t0 = Date.now();
    const e = caught(() => parseDocument(enc(text), "deep.yaml"));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/nesting is deeper/);
    expect(e.location.line).toBe(1);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it("rejects lists longer than maxItems", () => {
    const text = "a:\n" + Array.from({ length: 11 }, (_, i) => `  - ${i}`).join("\n") + "\n";
    const e = caught(() => parseDocument(enc(text), "l.yaml", { maxItems: 10 }));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/11 entries, more than the limit of 10/);
    expect(e.location.line).toBe(2);
  });

  it.each(["__proto__", "constructor", "prototype"])("rejects the key %s", (key) => {
    const e = caught(() => parseDocument(enc(`a:\n  b: 1\n  ${key}:\n    polluted: true\n`), "p.yaml"));
    expect(e.code).toBe("validation");
    expect(e.message).toMatch(new RegExp(`the key '${key}' is not accepted`));
    expect(e.location.line).toBe(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects __proto__ in the fixture and in JSON", () => {
    expect(caught(() => parseFixture("proto-key.yaml")).location.line).toBe(3);
    const e = caught(() => parseDocument(enc('{"a": {"__proto__": {"x": 1}}}'), "p.json"));
    expect(e.message).toMatch(/'__proto__'/);
    expect(e.location.line).toBe(1);
  });

  it("reports a syntax error with its line", () => {
    const e = caught(() => parseFixture("syntax-error.yaml"));
    expect(e.code).toBe("parse");
    expect(e.message).toMatch(/^YAML syntax error/);
    expect(e.location.line).toBeGreaterThanOrEqual(3);
  });

  it("hints at tabs used for indentation", () => {
    const e = caught(() => parseDocument(enc("a:\n\tb: 1\n"), "t.yaml"));
    expect(e.code).toBe("parse");
    expect(e.location.line).toBe(2);
  });
});

describe("parseDocument: size and encodings", () => {
  it("refuses files over the size limit before parsing, naming the flag", () => {
    const e = caught(() => parseDocument(new Uint8Array(2 * 1024 * 1024).fill(0x61), "big.yaml"));
    expect(e.code).toBe("file-too-large");
    expect(e.message).toMatch(/over the limit of 1 MiB \(1048576 bytes\)/);
    expect(e.message).toMatch(/--max-file-size/);
    const ok = parseDocument(enc("a: 1\n"), "small.yaml", { maxBytes: 5 });
    expect(ok.data).toEqual({ a: 1 });
    expect(caught(() => parseDocument(enc("a: 12\n"), "small.yaml", { maxBytes: 5 })).code).toBe("file-too-large");
  });

  it("says UTF-16 files are UTF-16 and to re-save as UTF-8", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("enterprise:\n  name: 淄博\n", "utf16le")]);
    const e = caught(() => parseDocument(le, "u16.yaml"));
    expect(e.code).toBe("file-encoding");
    expect(e.message).toMatch(/saved as UTF-16 \(UTF-16LE.*re-save as UTF-8/);
    expect(e.location.line).toBe(1);
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x61]);
    expect(caught(() => parseDocument(be, "u16be.yaml")).message).toMatch(/UTF-16BE/);
  });

  it("says GBK files look like GBK", () => {
    // "enterprise:\n  name: 淄博" with 淄博 in GBK (D7 CD B2 A9)
    const gbk = Buffer.concat([Buffer.from("enterprise:\n  name: "), Buffer.from([0xd7, 0xcd, 0xb2, 0xa9]), Buffer.from("\n")]);
    const e = caught(() => parseDocument(gbk, "gbk.yaml"));
    expect(e.code).toBe("file-encoding");
    expect(e.message).toMatch(/looks like GBK\/GB18030.*re-save as UTF-8/);
    expect(e.location).toMatchObject({ line: 2, col: 9 });
  });

  it("says a file that is neither UTF-8 nor GBK is not UTF-8", () => {
    const e = caught(() => parseDocument(Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xff, 0x0a]), "x.yaml"));
    expect(e.code).toBe("file-encoding");
    expect(e.message).toMatch(/not valid UTF-8.*re-save it as UTF-8/);
  });

  it("says NUL and control bytes mean a binary file", () => {
    const e = caught(() => parseDocument(Buffer.from("a: 1\nb: x\0y\n"), "n.yaml"));
    expect(e.code).toBe("file-binary");
    expect(e.message).toMatch(/^binary file: byte 0x00/);
    expect(e.location).toMatchObject({ line: 2, col: 5 });
    expect(caught(() => parseDocument(Buffer.from([0x50, 0x4b, 0x03, 0x04]), "x.yaml")).code).toBe("file-binary");
  });

  it("strips a UTF-8 BOM, for YAML and JSON", () => {
    expect(parseFixture("utf8-bom-ok.yaml").data).toEqual({ enterprise: { name: "淄博测试有限公司" } });
    expect(parseFixture("utf8-bom-ok.json").data).toEqual({ enterprise: { name: "淄博测试有限公司", district: "张店区" } });
  });
});

describe("parseDocument: locate", () => {
  const text = [
    "enterprise:", // 1
    "  name: 淄博", // 2
    "recognitions:", // 3
    "  - type: green-factory", // 4
    "    date: 2024-01-15", // 5
    "  - type: gazelle", // 6
    "    level: national", // 7
    "",
  ].join("\n");
  const doc = parseDocument(enc(text), "x.yaml");

  it("finds keys and list items", () => {
    expect(doc.locate([])?.line).toBe(1);
    expect(doc.locate(["enterprise", "name"])?.line).toBe(2);
    expect(doc.locate(["recognitions"])?.line).toBe(3);
    expect(doc.locate(["recognitions", 1])?.line).toBe(6);
    expect(doc.locate(["recognitions", 1, "level"])).toEqual({ line: 7, col: 5 });
  });

  it("falls back to the nearest existing parent", () => {
    expect(doc.locate(["recognitions", 0, "level"])?.line).toBe(4);
    expect(doc.locate(["enterprise", "district"])?.line).toBe(1);
    expect(doc.locate(["recognitions", 9, "date"])?.line).toBe(3);
    expect(doc.locate(["projects"])?.line).toBe(1);
  });

  it("works on JSON", () => {
    const j = parseDocument(enc('{\n  "a": {\n    "b": [1,\n      2]\n  }\n}\n'), "x.json");
    expect(j.data).toEqual({ a: { b: [1, 2] } });
    expect(j.locate(["a", "b", 1])?.line).toBe(4);
  });
});

describe("suggestions", () => {
  it("counts a transposition as one edit", () => {
    expect(editDistance("green-factroy", "green-factory")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });
  it("finds plausible typos only", () => {
    expect(closest("green-factroy", ["green-factory", "gazelle"])).toBe("green-factory");
    expect(closest("credit_cod", ["name", "credit_code"])).toBe("credit_code");
    expect(closest("Military-Civil", ["military_civil"])).toBe("military_civil");
    expect(closest("zzzzzz", ["name", "district"])).toBeUndefined();
  });
});
