/** The path of a script the build puts beside the bundled code (dist/batch-reader.js), or undefined when running from the sources. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function bundledScript(name: string): string | undefined {
  for (const rel of [`./${name}`, `../${name}`]) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  return undefined;
}
