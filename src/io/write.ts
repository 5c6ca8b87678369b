/**
 * Crash-safe writes: the new content goes to a temporary file in the target folder, is flushed,
 * then renamed over the target. A crash leaves the old file whole; a failure removes the temporary.
 */
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, writevSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { SubsidyError } from "../errors.js";

export interface AtomicWriteOptions {
  /** Refuse to replace an existing file (subsidy init, saving a questionnaire). */
  noOverwrite?: boolean;
  /** Files that must never be overwritten (the input profiles of the run). */
  protect?: Iterable<string | ProtectedFile>;
}

/** An input file, and whether its directory entry says it is a regular file (not a symbolic link). */
export interface ProtectedFile {
  file: string;
  plain?: boolean;
}

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Refuses a target that must not be written: an input profile (by path, or the same file under another
 * name or link), something that is not a regular file, or — with noOverwrite — any existing file.
 * Writers call it; a command may call it first to fail before doing the work.
 */
export function checkTarget(target: string, o: AtomicWriteOptions = {}): void {
  const abs = resolve(target);
  let st: Stats | undefined;
  try {
    st = statSync(abs);
  } catch {
    st = undefined;
  }
  // A file with one name (one hard link) can be reached through a plain directory entry only by that
  // name (up to case and Unicode normalisation, on some file systems): inputs with a surely other name
  // need no stat (thousands of them in a batch); links, and any target with several names, always do.
  let realName: string | undefined;
  if (st?.isFile() && st.nlink === 1) {
    try {
      realName = basename(realpathSync(abs));
    } catch {
      realName = undefined;
    }
  }
  const cannotBeIt = (entry: string | ProtectedFile): boolean =>
    realName !== undefined && typeof entry !== "string" && entry.plain === true && surelyOtherName(basename(entry.file), realName);
  for (const entry of o.protect ?? []) {
    const p = typeof entry === "string" ? entry : entry.file;
    let same = resolve(p) === abs;
    if (!same && st && !cannotBeIt(entry)) {
      try {
        const ps = statSync(p);
        same = ps.ino === st.ino && ps.dev === st.dev;
      } catch {
        // an input that cannot be stat'ed cannot be the target either
      }
    }
    if (same) throw new SubsidyError("usage", { key: "err.write.isInput", params: { target, input: p } });
  }
  if (!st) return;
  if (!st.isFile()) throw new SubsidyError("usage", { key: "err.write.notRegular", params: { target } });
  if (o.noOverwrite) throw new SubsidyError("usage", { key: "err.write.exists", params: { target } });
}

/**
 * Whether two file names cannot name the same file, even on a file system that ignores case or
 * Unicode normalisation (macOS, Windows, USB sticks, SMB shares). A Windows short name (ACME~1.JSO)
 * can name anything, so a name with '~' is never surely other.
 */
export function surelyOtherName(a: string, b: string): boolean {
  if (a.includes("~") || b.includes("~")) return false;
  const x = a.normalize("NFC");
  const y = b.normalize("NFC");
  return x.toLowerCase() !== y.toLowerCase() && x.toUpperCase() !== y.toUpperCase();
}

/** Writes `content` to `target` atomically. Throws SubsidyError (usage) for a target that must not be written. */
export function writeFileAtomic(target: string, content: string | Uint8Array, o: AtomicWriteOptions = {}): void {
  checkTarget(target, o);
  const abs = resolve(target);
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
    throw new SubsidyError("usage", { key: "err.write.cannotWrite", params: { target, code: err.code ?? err.message } });
  }
}

/** The most buffers one writev call takes on Linux (and the smallest limit elsewhere). */
const IOV_MAX = 1024;

/** An atomic writer fed in pieces, for reports streamed row by row: nothing replaces the target until commit(). */
export class AtomicStream {
  private fd: number;
  readonly tmp: string;
  constructor(readonly target: string, o: AtomicWriteOptions = {}) {
    checkTarget(target, o);
    this.tmp = tempPathFor(resolve(target));
    try {
      this.fd = openSync(this.tmp, "wx", 0o644);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new SubsidyError("usage", { key: "err.write.cannotWrite", params: { target, code: err.code ?? err.message } });
    }
  }
  write(s: string | Uint8Array): void {
    const buf = typeof s === "string" ? Buffer.from(s, "utf8") : s;
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
  }
  /** Writes the pieces in order, as they are (one system call for up to 1024 of them). */
  writev(pieces: readonly Uint8Array[]): void {
    for (let i = 0; i < pieces.length; i += IOV_MAX) {
      const batch = pieces.slice(i, i + IOV_MAX);
      let total = 0;
      for (const p of batch) total += p.length;
      let done = writevSync(this.fd, batch);
      if (done === total) continue;
      // A short write (rare on regular files): the rest, piece by piece.
      for (const p of batch) {
        if (done >= p.length) {
          done -= p.length;
          continue;
        }
        this.write(p.subarray(done));
        done = 0;
      }
    }
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
