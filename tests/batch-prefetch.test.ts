/** The reader thread of a large batch (src/batch/reader.ts, src/batch/prefetch.ts), driven directly on the built reader. */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startPrefetch } from "../src/batch/prefetch.js";
import { root } from "./helpers/real-policy.js";

const script = path.join(root, "dist", "batch-reader.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-prefetch-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("batch reader thread", () => {
  it("hands over each chunk's files in order, and leaves to the caller what is not a readable regular file within the limit", async () => {
    expect(fs.existsSync(script), "npm test builds dist/ first").toBe(true);
    const f = (name: string, body: string) => {
      fs.writeFileSync(path.join(tmp, name), body);
      return path.join(tmp, name);
    };
    const files = Array.from({ length: 150 }, (_, i) => f(`p${i}.yaml`, `enterprise:\n  name: 企业${i}\n`));
    fs.mkdirSync(path.join(tmp, "dir.yaml"));
    execFileSync("mkfifo", [path.join(tmp, "pipe.yaml")]);
    const big = f("big.yaml", "x".repeat(5000));
    const odd = [path.join(tmp, "dir.yaml"), path.join(tmp, "pipe.yaml"), big, path.join(tmp, "missing.yaml"), null];
    const chunks: (string | null)[][] = [];
    for (let i = 0; i < files.length; i += 16) chunks.push(files.slice(i, i + 16));
    chunks.push(odd);
    chunks.push([files[0] as string]);
    const p = startPrefetch(chunks, 4096, script, { share: false });
    expect(p).toBeDefined();
    try {
      for (let k = 0; k < chunks.length; k++) {
        const got = await (p as NonNullable<typeof p>).take(k);
        expect(got.length).toBe((chunks[k] as unknown[]).length);
        (chunks[k] as (string | null)[]).forEach((file, i) => {
          if (k === chunks.length - 2) expect(got[i], String(file)).toBeUndefined();
          else expect(Buffer.from(got[i] as Uint8Array).toString("utf8"), String(file)).toBe(fs.readFileSync(file as string, "utf8"));
        });
      }
    } finally {
      p?.close();
    }
  });

  it("reads later chunks into the buffers handed back, and their bytes are still each file's", async () => {
    const f = (name: string, body: string) => {
      fs.writeFileSync(path.join(tmp, name), body);
      return path.join(tmp, name);
    };
    // A first chunk of large files (its buffer grows past 200 KB), then twelve chunks of small ones.
    const chunks: string[][] = [Array.from({ length: 4 }, (_, i) => f(`large${i}.yaml`, `# ${i}\n${"大".repeat(20000)}\n`))];
    for (let k = 1; k <= 12; k++) chunks.push(Array.from({ length: 8 }, (_, i) => f(`small${k}-${i}.yaml`, `enterprise:\n  name: 企业${k}-${i}\n`)));
    const p = startPrefetch(chunks, 100_000, script, { share: false }) as NonNullable<ReturnType<typeof startPrefetch>>;
    let recycled = 0;
    try {
      for (let k = 0; k < chunks.length; k++) {
        const got = await p.take(k);
        (chunks[k] as string[]).forEach((file, i) => expect(Buffer.from(got[i] as Uint8Array).toString("utf8"), file).toBe(fs.readFileSync(file, "utf8")));
        // A small chunk in a buffer this big has been read into the first chunk's buffer.
        if (k > 0 && (got[0] as Uint8Array).buffer.byteLength >= 200_000) recycled++;
        p.release();
        // Handed back: the bytes are no longer this thread's.
        expect((got[0] as Uint8Array).byteLength).toBe(0);
      }
    } finally {
      p.close();
    }
    expect(recycled).toBeGreaterThan(0);
  });

  it("never makes the caller wait for a chunk nobody has claimed: a reader that never reads leaves every chunk to the caller", async () => {
    // A stand-in reader that starts and never reads: every chunk is the caller's to read, at once.
    const idle = path.join(tmp, "idle-reader.mjs");
    fs.writeFileSync(idle, "setInterval(() => {}, 1000);\n");
    const file = path.join(tmp, "idle.yaml");
    fs.writeFileSync(file, "enterprise:\n  name: 空\n");
    const chunks = [[file, file], [file], [file, file, file]];
    const p = startPrefetch(chunks, 4096, idle);
    try {
      for (let k = 0; k < chunks.length; k++) {
        const got = await (p as NonNullable<typeof p>).take(k);
        expect(got.length).toBe((chunks[k] as unknown[]).length);
        expect(got.every((b) => b === undefined)).toBe(true);
      }
    } finally {
      p?.close();
    }
  });

  it("shares the chunks with the caller: each is read whole by one side, and none is lost", async () => {
    const files = Array.from({ length: 40 }, (_, i) => path.join(tmp, `share${i}.yaml`));
    files.forEach((f, i) => fs.writeFileSync(f, `enterprise:\n  name: 共享${i}\n`));
    const chunks: string[][] = [];
    for (let i = 0; i < 400; i += 4) chunks.push(files.slice(i % 40, (i % 40) + 4));
    const p = startPrefetch(chunks, 4096, script);
    let byReader = 0;
    try {
      for (let k = 0; k < chunks.length; k++) {
        // Slow enough now and then for the reader to get ahead; once for long, so that even a slow
        // machine has started the reader by then and it claims the chunks that follow.
        if (k % 10 === 0) await new Promise((r) => setTimeout(r, k === 50 ? 1000 : 20));
        const got = await (p as NonNullable<typeof p>).take(k);
        const c = chunks[k] as string[];
        expect(got.length).toBe(c.length);
        if (got.every((b) => b === undefined)) continue;
        byReader++;
        c.forEach((file, i) => expect(Buffer.from(got[i] as Uint8Array).toString("utf8"), file).toBe(fs.readFileSync(file, "utf8")));
      }
    } finally {
      p?.close();
    }
    expect(byReader).toBeGreaterThan(0);
  });

  it("never hangs on a reader that dies with a chunk claimed: the caller gets the chunk to read itself", async () => {
    // A stand-in reader that claims the first chunk and ends without sending it.
    const dying = path.join(tmp, "dying-reader.mjs");
    fs.writeFileSync(dying, "import { workerData } from 'node:worker_threads';\nAtomics.store(new Int32Array(workerData.counters), 3, 1);\nprocess.exit(3);\n");
    const file = path.join(tmp, "dying.yaml");
    fs.writeFileSync(file, "enterprise:\n  name: 断\n");
    const p = startPrefetch([[file, file], [file]], 4096, dying, { share: false });
    try {
      const first = await p?.take(0);
      expect(first?.length).toBe(2);
      expect(first?.every((b) => b === undefined)).toBe(true);
      expect((await p?.take(1))?.[0]).toBeUndefined();
    } finally {
      p?.close();
    }
    // take() waits in slices of a second and looks at the thread between them: a hang would time out here.
  }, 30_000);

  it("is not started without a reader script, and a closed reader lets the caller read the rest itself", async () => {
    expect(startPrefetch([["x"]], 4096, undefined)).toBeUndefined();
    const file = path.join(tmp, "p0.yaml");
    const p = startPrefetch([[file], [file], [file]], 4096, script, { share: false });
    const first = await p?.take(0);
    expect(Buffer.from(first?.[0] as Uint8Array).toString("utf8")).toContain("企业0");
    p?.close();
    // After close, whatever has not arrived comes back as undefined (the caller reads it), never a hang.
    const rest = await Promise.all([p?.take(1), p?.take(2)]);
    for (const r of rest) expect(r?.length).toBe(1);
  });
});
