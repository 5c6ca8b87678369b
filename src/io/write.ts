/**
 * Crash-safe writes: the new content goes to a temporary file in the target folder, is flushed,
 * then renamed over the target. A crash leaves the old file whole; a failure removes the temporary.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { SubsidyError } from "../errors.js";

export interface AtomicWriteOptions {
  /** Refuse to replace an existing file (subsidy init, saving a questionnaire). */
  noOverwrite?: boolean;
  /** Files that must never be overwritten (the input profiles of the run). */
  protect?: Iterable<string>;
}

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Writes `content` to `target` atomically. Throws SubsidyError (usage) for a target that must not be written. */
export function writeFileAtomic(target: string, content: string | Uint8Array, o: AtomicWriteOptions = {}): void {
  const abs = resolve(target);
  for (const p of o.protect ?? []) {
    if (resolve(p) === abs) throw new SubsidyError("usage", `${target}: refusing to overwrite an input profile; choose another --out file`);
  }
  let exists = false;
  try {
    const st = statSync(abs);
    exists = true;
    if (!st.isFile()) throw new SubsidyError("usage", `${target}: exists and is not a regular file; choose another output path`);
  } catch (e) {
    if (e instanceof SubsidyError) throw e;
  }
  if (exists && o.noOverwrite) throw new SubsidyError("usage", `${target}: already exists; choose another file name or remove it first`);
  const tmp = tempPathFor(abs);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o644);
    const buf = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    if (e instanceof SubsidyError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new SubsidyError("usage", `${target}: cannot write (${err.code ?? err.message}); check that the folder exists and is writable`);
  }
}

/** An atomic writer fed in pieces, for reports streamed row by row: nothing replaces the target until commit(). */
export class AtomicStream {
  private fd: number;
  readonly tmp: string;
  constructor(readonly target: string, o: AtomicWriteOptions = {}) {
    const abs = resolve(target);
    for (const p of o.protect ?? []) {
      if (resolve(p) === abs) throw new SubsidyError("usage", `${target}: refusing to overwrite an input profile; choose another --out file`);
    }
    this.tmp = tempPathFor(abs);
    try {
      this.fd = openSync(this.tmp, "wx", 0o644);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new SubsidyError("usage", `${target}: cannot write (${err.code ?? err.message}); check that the folder exists and is writable`);
    }
  }
  write(s: string): void {
    const buf = Buffer.from(s, "utf8");
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
  }
  commit(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.tmp, resolve(this.target));
  }
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    rmSync(this.tmp, { force: true });
  }
}
