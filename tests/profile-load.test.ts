import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { loadProfile, parseProfileText } from "../src/profile/load.js";
import { validateProfileData, moneyFromText } from "../src/profile/schema.js";
import { checkCreditCode, creditCodeCheckChar } from "../src/profile/credit-code.js";
import { say } from "../src/i18n/index.js";
import { ValidationErrors, type SubsidyError } from "../src/errors.js";
import { miniPolicy } from "./helpers/mini-policy.js";
import { caught } from "./helpers/caught.js";

const BAD = path.join(import.meta.dirname, "..", "fixtures", "bad");
const policy = miniPolicy();
const asOf = "2025-06-30";


/** The issues of a ValidationErrors (a single SubsidyError counts as one issue). */
function issues(fn: () => unknown): SubsidyError[] {
  const e = caught(fn);
  return e instanceof ValidationErrors ? e.issues : [e];
}

const load = (name: string) => loadProfile(path.join(BAD, name), policy, { asOf });
const text = (t: string) => parseProfileText(t, "p.yaml", policy, { asOf });

const GOOD = `enterprise:
  name: 淄博华创精密机械有限公司
  credit_code: 91370303MA3C0001XY
  district: 张店
  ownership: private
  military_civil: false
recognitions:
  - type: green-factory
    level: national
    date: 2024-01-15
  - type: first-set-product
    level: provincial
    product: HC-5000 五轴加工中心
    date: 2024-03-01
  - type: first-set-insurance
    level: provincial
    date: 2024-05-01
    premium: 1500000.5
  - type: itm-certification
    level: national
    date: 2021-06-30
    rewarded: true
    note:
projects:
  - type: technical-renovation
    name: 智能化产线改造
    audited_investment: 38000000
    date: 2024-06-30
standards:
  - scope: national-military
    role: participant
    code: GJB 1234-2024
    date: 2024-04-10
`;

describe("valid profiles", () => {
  it("round-trips a full profile, resolving the district alias", () => {
    const p = text(GOOD);
    expect(p.enterprise).toEqual({
      name: "淄博华创精密机械有限公司",
      credit_code: "91370303MA3C0001XY",
      district: "张店",
      zibo_district: "张店区",
      ownership: "private",
      military_civil: false,
    });
    expect(p.recognitions).toHaveLength(4);
    expect(p.recognitions[1]).toEqual({ type: "first-set-product", level: "provincial", product: "HC-5000 五轴加工中心", date: "2024-03-01" });
    expect(p.recognitions[2]?.premium).toBe(1500000.5);
    expect(p.recognitions[3]).toEqual({ type: "itm-certification", level: "national", date: "2021-06-30", rewarded: true });
    expect(p.projects[0]?.audited_investment).toBe(38000000);
    expect(p.standards[0]).toEqual({ scope: "national-military", role: "participant", code: "GJB 1234-2024", date: "2024-04-10" });
  });

  it("reads the same profile written as JSON", () => {
    const json = JSON.stringify({ enterprise: { name: "淄博", district: "ZhangDian " }, recognitions: [{ type: "green-factory", date: "2024-01-15" }] });
    const p = parseProfileText(json, "p.json", policy, { asOf });
    expect(p.enterprise.zibo_district).toBe("张店区");
    expect(p.recognitions[0]).toEqual({ type: "green-factory", date: "2024-01-15" });
  });

  it("defaults absent or empty lists to []", () => {
    const p = text("enterprise:\n  name: 淄博\nrecognitions:\nprojects: []\n");
    expect(p).toEqual({ enterprise: { name: "淄博" }, recognitions: [], projects: [], standards: [] });
  });

  it("accepts any other place name without marking it a Zibo district", () => {
    const p = text("enterprise:\n  name: 济南某公司\n  district: 历下区\n");
    expect(p.enterprise.district).toBe("历下区");
    expect(p.enterprise.zibo_district).toBeUndefined();
  });

  it("lets a district named 'constructor' match nothing", () => {
    const p = load("district-constructor.yaml");
    expect(p.enterprise.district).toBe("constructor");
    expect(p.enterprise.zibo_district).toBeUndefined();
    for (const name of ["__proto__", "toString", "hasOwnProperty"]) {
      expect(text(`enterprise:\n  name: x\n  district: ${name}\n`).enterprise.zibo_district).toBeUndefined();
    }
  });

  it("accepts a file with a UTF-8 BOM", () => {
    expect(load("utf8-bom-ok.yaml").enterprise.name).toBe("淄博测试有限公司");
    expect(load("utf8-bom-ok.json").enterprise.zibo_district).toBe("张店区");
  });
});

describe("validation errors: file:line field and how to fix", () => {
  it("names an unknown nested key and suggests the known one", () => {
    const [e, ...rest] = issues(() => load("unknown-nested-key.yaml"));
    expect(rest).toHaveLength(0);
    expect(e?.code).toBe("validation");
    expect(e?.message).toBe("unknown field 'credit_cod' in enterprise; did you mean 'credit_code'?");
    expect(e?.location).toMatchObject({ line: 3, path: "enterprise.credit_cod" });
    expect(e?.location.file).toMatch(/unknown-nested-key\.yaml$/);
    expect(e?.format()).toMatch(/unknown-nested-key\.yaml:3 enterprise\.credit_cod: unknown field/);
  });

  it("names unknown keys at the top level and in list items", () => {
    const errs = issues(() => text("enterprise:\n  name: x\nrecognition:\n  - type: green-factory\nprojects:\n  - type: technical-renovation\n    audited_investmnt: 1\n"));
    expect(errs.map((e) => [e.location.line, e.location.path, e.message])).toEqual([
      [3, "recognition", "unknown field 'recognition'; did you mean 'recognitions'?"],
      [7, "projects[0].audited_investmnt", "unknown field 'audited_investmnt' in projects[0]; did you mean 'audited_investment'?"],
    ]);
  });

  it("suggests the English key for a Chinese one", () => {
    const e = issues(() => text("enterprise:\n  名称: x\n")).find((i) => i.location.path === "enterprise.名称");
    expect(e?.message).toMatch(/unknown field '名称' in enterprise; did you mean 'name'\?/);
    expect(e?.location.line).toBe(2);
  });

  it("says money written as 380万 should be a plain number", () => {
    const [e] = issues(() => load("money-wan.yaml"));
    expect(e?.message).toBe('write money as a plain number of yuan, e.g. 3800000, not "380万"');
    expect(e?.location).toMatchObject({ line: 6, path: "projects[0].audited_investment" });
  });

  it("says money written with thousands separators should be a plain number", () => {
    const [e] = issues(() => load("money-commas.yaml"));
    expect(e?.message).toMatch(/write money as a plain number of yuan, e\.g\. 3800000/);
    expect(e?.location.line).toBe(5);
  });

  it("reads money strings exactly for the suggestion", () => {
    expect(moneyFromText("380万")).toBe("3800000");
    expect(moneyFromText("380.5万元")).toBe("3805000");
    expect(moneyFromText("¥1.2亿")).toBe("120000000");
    expect(moneyFromText("3,800,000.50")).toBe("3800000.5");
    expect(moneyFromText("about a million")).toBeUndefined();
  });

  it("rejects money past 2^53, negative, or with more than two decimals", () => {
    const [huge] = issues(() => load("huge-number-money.yaml"));
    // What was written is quoted, not the number a float would have read (…992).
    expect(huge?.message).toMatch(/^'9007199254740993' has too many digits to be held exactly/);
    expect(huge?.location).toMatchObject({ line: 5, path: "projects[0].audited_investment" });
    const m = (v: string) => issues(() => text(`enterprise:\n  name: x\nprojects:\n  - type: technical-renovation\n    audited_investment: ${v}\n`))[0]?.message;
    expect(m("-1")).toMatch(/cannot be negative/);
    expect(m("1.234")).toMatch(/at most two decimals/);
    expect(m(".inf")).toMatch(/^'\.inf': write plain yuan/);
    expect(m(".nan")).toMatch(/^'\.nan': write plain yuan/);
    expect(m('""')).toMatch(/write money as a plain number/);
    expect(m("true")).toMatch(/expected a plain number of yuan/);
    expect(text("enterprise:\n  name: x\nprojects:\n  - type: technical-renovation\n    audited_investment: 0.29\n").projects[0]?.audited_investment).toBe(0.29);
  });

  it("rejects a date that is not on the calendar", () => {
    const [e] = issues(() => load("date-not-real.yaml"));
    expect(e?.message).toBe("2024-02-30 is not a real calendar date; check the month and day");
    expect(e?.location).toMatchObject({ line: 6, path: "recognitions[0].date" });
  });

  it("accepts a date after --as-of: the engine leaves the item out and warns (issue 16)", () => {
    const p = text("enterprise:\n  name: x\nrecognitions:\n  - type: green-factory\n    level: national\n    date: 2099-01-01\n");
    expect(p.recognitions[0]?.date).toBe("2099-01-01");
  });

  it("rejects badly written dates with the form to use", () => {
    const d = (v: string) => issues(() => text(`enterprise:\n  name: x\nrecognitions:\n  - type: green-factory\n    date: ${v}\n`))[0]?.message;
    expect(d("2024-1-5")).toBe('expected a date written YYYY-MM-DD, e.g. 2024-01-05, got "2024-1-5"');
    expect(d("2024年3月1日")).toMatch(/e\.g\. 2024-03-01/);
    expect(d("20240115")).toMatch(/expected a date written YYYY-MM-DD .*got the number 20240115/);
  });

  it("says `no` is not a boolean under YAML 1.2", () => {
    const [e] = issues(() => load("boolean-no.yaml"));
    expect(e?.message).toBe("expected true or false: write false, not 'no' (YAML reads 'no' as text)");
    expect(e?.location).toMatchObject({ line: 3, path: "enterprise.military_civil" });
  });

  it("names the valid recognition types and the nearest one", () => {
    const [e] = issues(() => load("unknown-recognition-type.yaml"));
    expect(e?.message).toMatch(/^unknown recognition type 'green-factroy'; did you mean 'green-factory'\? — valid: green-factory, first-set-product/);
    expect(e?.location).toMatchObject({ line: 4, path: "recognitions[0].type" });
  });

  it("says which types take a field the item's type does not", () => {
    const [e] = issues(() => load("field-wrong-type.yaml"));
    expect(e?.message).toBe("'premium' does not apply to recognitions of type 'green-factory'; it is for type first-set-insurance");
    expect(e?.location).toMatchObject({ line: 7, path: "recognitions[0].premium" });
    const [f] = issues(() => text("enterprise:\n  name: x\nrecognitions:\n  - type: green-factory\n    audited_investment: 5\n"));
    expect(f?.message).toBe("'audited_investment' does not apply to recognitions; it belongs to projects of type technical-renovation");
  });

  it("requires the enterprise and its name, and a type on each item", () => {
    const [a] = issues(() => text("recognitions: []\n"));
    expect(a?.message).toBe("missing the enterprise section: add 'enterprise:' with at least 'name:' under it");
    expect(a?.location.line).toBe(1);
    const [b] = issues(() => text("enterprise:\n  district: 张店区\n"));
    expect(b?.message).toBe("missing: this field is required");
    expect(b?.location).toMatchObject({ line: 1, path: "enterprise.name" });
    const [c] = issues(() => text("enterprise:\n  name: '  '\n"));
    expect(c?.message).toMatch(/enterprise name is empty/);
    const [d] = issues(() => text("enterprise:\n  name: x\nrecognitions:\n  - level: national\n"));
    expect(d?.message).toMatch(/^missing recognition type: write one of green-factory/);
    expect(d?.location).toMatchObject({ line: 4, path: "recognitions[0].type" });
  });

  it("checks levels, ownership, standard scopes and roles against the vocabulary", () => {
    const errs = issues(() =>
      text(
        "enterprise:\n  name: x\n  ownership: privat\nrecognitions:\n  - type: green-factory\n    level: nationl\nstandards:\n  - scope: internationl\n    role: leader\n",
      ),
    );
    expect(errs.map((e) => [e.location.line, e.message.replace(/ — valid.*/, "")])).toEqual([
      [3, "unknown ownership 'privat'; did you mean 'private'?"],
      [6, "unknown level 'nationl'; did you mean 'national'?"],
      [8, "unknown standard scope 'internationl'"],
      [9, "unknown standard role 'leader'; did you mean 'lead'?"],
    ]);
  });

  it("does not coerce: numbers are not text, text is not a list", () => {
    const errs = issues(() => text("enterprise:\n  name: 12345\n  credit_code: 913703\nrecognitions: green-factory\n"));
    expect(errs.map((e) => e.message)).toEqual([
      "expected text, got the number 12345; put it in quotes",
      "expected text, got the number 913703; put it in quotes",
      "expected recognitions as a list (lines starting with '- '), got the text \"green-factory\"",
    ]);
  });

  it("never quotes an all-digit code YAML read as a number past 2^53 (the number read is not the one written)", () => {
    const [e] = issues(() => text("enterprise:\n  name: x\n  credit_code: 913703051632400210\n"));
    expect(e?.location.line).toBe(3);
    expect(e?.message).toBe("expected text, got a number of 18 digits, too long to be kept exactly; put it in quotes");
    expect(e?.message).not.toMatch(/9137030516324002/);
    const [big] = issues(() => text("enterprise:\n  name: x\n  credit_code: 9137030516324002101234\n"));
    expect(big?.message).toBe("expected text, got a number too long to be kept exactly; put it in quotes");
  });

  it("checks the credit code", () => {
    const [e] = issues(() => text("enterprise:\n  name: x\n  credit_code: 91370303MA3C0001XA\n"));
    expect(e?.message).toBe("invalid credit code (统一社会信用代码): the check character (the 18th) should be 'Y', not 'A': a character is probably mistyped");
    expect(e?.location).toMatchObject({ line: 3, path: "enterprise.credit_code" });
  });

  it("hints at a full-width colon that turned a mapping into text", () => {
    const [e] = issues(() => text("enterprise：\n  name: x\n"));
    expect(e?.code).toBe("parse");
    const [f] = issues(() => text("enterprise:\n  name: x\nrecognitions:\n  - type：green-factory\n"));
    expect(f?.message).toMatch(/full-width colon '：'/);
    expect(f?.location.line).toBe(4);
  });

  it("reports every issue of a file, in line order", () => {
    const errs = issues(() =>
      text("enterprise:\n  name: x\n  military_civil: yes\nrecognitions:\n  - type: gazele\n    date: 2024-02-30\n  - type: green-factory\n    rewarded: 是\n"),
    );
    expect(errs.map((e) => `${e.location.line} ${e.location.path}`)).toEqual([
      "3 enterprise.military_civil",
      "5 recognitions[0].type",
      "6 recognitions[0].date",
      "8 recognitions[1].rewarded",
    ]);
    expect(errs[3]?.message).toMatch(/write true, not '是'/);
  });

  it("validates data that did not come from a file (no file, no line)", () => {
    const e = caught(() => validateProfileData({ enterprise: { name: "x", extra: 1 } }, policy, { asOf }));
    expect(e.format()).toBe("enterprise.extra: unknown field 'extra' in enterprise (known: name, credit_code, district, ownership, military_civil, note)");
    const own = JSON.parse('{"enterprise": {"name": "x", "__proto__": {"polluted": 1}}}') as unknown;
    expect(caught(() => validateProfileData(own, policy, { asOf })).message).toMatch(/unknown field '__proto__'/);
  });

  it("gives the parse layer's errors through loadProfile", () => {
    expect(caught(() => load("alias-bomb.yaml")).code).toBe("parse");
    expect(caught(() => load("proto-key.yaml")).location.line).toBe(3);
    expect(caught(() => load("empty.yaml")).code).toBe("file-empty");
  });
});

describe("credit code (GB 32100-2015)", () => {
  it("accepts valid codes", () => {
    expect(checkCreditCode("91370303MA3C0001XY")).toEqual({ ok: true });
    // Self-made: the check character computed for 91370300MA3C0001A.
    expect(creditCodeCheckChar("91370300MA3C0001A")).toBe("Q");
    expect(checkCreditCode("91370300MA3C0001AQ")).toEqual({ ok: true });
  });
  it("says what is wrong, in English and in Chinese", () => {
    const reason = (code: string, lang: "en" | "zh" = "en") => {
      const r = checkCreditCode(code);
      return r.ok ? "" : say(r.reason, { lang });
    };
    expect(reason("9137030")).toBe("invalid credit code (统一社会信用代码): a credit code has 18 characters, this one has 7");
    expect(reason("9137030", "zh")).toBe("统一社会信用代码应为18位，这里是7位");
    expect(reason("91370303MA3C0001XYZ")).toMatch(/this one has 19/);
    expect(reason("91370303MA3CO001XY")).toMatch(/character 13 'O' is not allowed in a credit code \(I, O, Z, S and V are never used\)$/);
    expect(reason("91370303MA3CO001XY", "zh")).toBe("统一社会信用代码第13位“O”不是有效字符（代码中不使用 I、O、Z、S、V）");
    expect(reason("91370303ma3c0001xy")).toMatch(/character 9 'm' .*write capitals: 'M'/);
    expect(reason("91370303ma3c0001xy", "zh")).toMatch(/第9位“m”.*请用大写“M”/);
    expect(reason("91370303MA3C0001XA")).toMatch(/the check character \(the 18th\) should be 'Y', not 'A': a character is probably mistyped$/);
    expect(reason("91370303MA3C0001XA", "zh")).toMatch(/校验位（第18位）应为“Y”，而不是“A”/);
  });
});

describe("files that are not regular files", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-profile-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("refuses a directory named x.yaml", () => {
    const dir = path.join(tmp, "dir.yaml");
    fs.mkdirSync(dir);
    const e = caught(() => loadProfile(dir, policy, { asOf }));
    expect(e.code).toBe("file-not-regular");
    expect(e.message).toMatch(/profile is a directory, not a regular file/);
    expect(e.location.file).toBe(dir);
  });

  it.skipIf(process.platform === "win32")("refuses a FIFO without blocking on it", () => {
    const fifo = path.join(tmp, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const e = caught(() => loadProfile(fifo, policy, { asOf }));
    expect(e.code).toBe("file-not-regular");
    expect(e.message).toMatch(/named pipe \(FIFO\)/);
  });

  it("says a missing file is not found", () => {
    const e = caught(() => loadProfile(path.join(tmp, "nope.yaml"), policy, { asOf }));
    expect(e.code).toBe("file-unreadable");
    expect(e.message).toBe("profile not found; check the path");
  });

  it("says a dangling symlink points nowhere and a looping one loops", () => {
    const dangling = path.join(tmp, "dangling.yaml");
    fs.symlinkSync(path.join(tmp, "missing-target.yaml"), dangling);
    expect(caught(() => loadProfile(dangling, policy, { asOf })).message).toMatch(/symbolic link to something that does not exist/);
    const a = path.join(tmp, "a.yaml");
    const b = path.join(tmp, "b.yaml");
    fs.symlinkSync(b, a);
    fs.symlinkSync(a, b);
    const e = caught(() => loadProfile(a, policy, { asOf }));
    expect(e.code).toBe("file-unreadable");
    expect(e.message).toMatch(/loops back on itself/);
  });

  it.skipIf(process.getuid?.() === 0 || process.platform === "win32")("says an unreadable file is unreadable", () => {
    const f = path.join(tmp, "secret.yaml");
    fs.writeFileSync(f, "enterprise:\n  name: x\n");
    fs.chmodSync(f, 0o000);
    const e = caught(() => loadProfile(f, policy, { asOf }));
    expect(e.code).toBe("file-unreadable");
    expect(e.message).toMatch(/permission denied/);
  });

  it("reads binary fixtures written at runtime: GBK, UTF-16LE, NUL", () => {
    const gbk = path.join(tmp, "gbk.yaml");
    fs.writeFileSync(gbk, Buffer.concat([Buffer.from("enterprise:\n  name: "), Buffer.from([0xd7, 0xcd, 0xb2, 0xa9]), Buffer.from("\n")]));
    expect(caught(() => loadProfile(gbk, policy, { asOf }))).toMatchObject({ code: "file-encoding", message: expect.stringMatching(/GBK/) });
    const u16 = path.join(tmp, "u16.yaml");
    fs.writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("enterprise:\n  name: x\n", "utf16le")]));
    expect(caught(() => loadProfile(u16, policy, { asOf }))).toMatchObject({ code: "file-encoding", message: expect.stringMatching(/UTF-16/) });
    const nul = path.join(tmp, "nul.yaml");
    fs.writeFileSync(nul, Buffer.from("enterprise:\n  name: x\0\n"));
    expect(caught(() => loadProfile(nul, policy, { asOf }))).toMatchObject({ code: "file-binary", location: { line: 2 } });
  });

  it("honours maxBytes", () => {
    const big = path.join(tmp, "big.yaml");
    fs.writeFileSync(big, "enterprise:\n  name: x\n  note: " + "x".repeat(2000) + "\n");
    expect(caught(() => loadProfile(big, policy, { asOf, maxBytes: 1000 })).code).toBe("file-too-large");
    expect(loadProfile(big, policy, { asOf }).enterprise.name).toBe("x");
  });
});
