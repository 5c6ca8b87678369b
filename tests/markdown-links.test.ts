/**
 * Every relative link in the repository's Markdown resolves to a file of the repository: documents link
 * only inside it (issue 19). Links to the web and to anchors of the same page are not checked here.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { root } from "./helpers/real-policy.js";

const SKIP = new Set(["node_modules", "dist", ".git", "coverage"]);

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith(".md")) out.push(path);
  }
  return out;
}

/** Inline links and images `[text](target)` and reference definitions `[id]: target`, outside code. */
function links(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? "");
  const refs = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] ?? "");
  return [...inline, ...refs];
}

const isRelative = (target: string) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#") && !target.startsWith("//");

const base = resolve(root);
const files = markdownFiles(base);

describe("Markdown links resolve inside the repository", () => {
  it("finds the documents (README and docs/)", () => {
    expect(files.map((f) => relative(base, f))).toEqual(expect.arrayContaining(["README.md", join("docs", "reports.md"), join("docs", "spec", "output.md")]));
  });

  for (const file of files) {
    it(relative(base, file), () => {
      const broken: string[] = [];
      for (const target of links(readFileSync(file, "utf8")).filter(isRelative)) {
        const path = resolve(dirname(file), decodeURIComponent(target.split("#")[0] ?? ""));
        const inside = !relative(base, path).startsWith("..");
        if (!inside || !existsSync(path)) broken.push(target);
      }
      expect(broken).toEqual([]);
    });
  }

  it("would catch a broken one", () => {
    expect(links("see [the spec](spec/nowhere.md) and ![x](img.png), not `[code](x.md)`").filter(isRelative)).toEqual(["spec/nowhere.md", "img.png"]);
    expect(links("[web](https://example.com) [here](#anchor)").filter(isRelative)).toEqual([]);
  });
});
