/**
 * Crash-safe writes: the new content goes to a temporary file in the target folder, is flushed,
 * then renamed over the target. A crash leaves the old file whole; a failure removes the temporary.
 */
import { closeSync, fdatasync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, writev, writevSync, type Stats } from "node:fs";
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
    if (same) throw new SubsidyError("usage", `${target}: refusing to overwrite an input profile (${p}); choose another --out file`);
  }
  if (!st) return;
  if (!st.isFile()) throw new SubsidyError("usage", `${target}: exists and is not a regular file; choose another output path`);
  if (o.noOverwrite) throw new SubsidyError("usage", `${target}: already exists; choose another file name or remove it first`);
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
    throw new SubsidyError("usage", `${target}: cannot write (${err.code ?? err.message}); check that the folder exists and is writable`);
  }
}

/** The most buffers one writev call takes on Linux (and the smallest limit elsewhere). */
const IOV_MAX = 1024;

/** An atomic writer fed in pieces, for reports streamed row by row: nothing replaces the target until commit(). */
/** Start flushing the written part of a large report to disk every so many bytes (see writevBehind). */
const SYNC_AHEAD = 8 << 20;

/** The pieces after the first `done` bytes. */
function rest(pieces: readonly Uint8Array[], done: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const p of pieces) {
    if (done >= p.length) {
      done -= p.length;
      continue;
    }
    out.push(done > 0 ? p.subarray(done) : p);
    done = 0;
  }
  return out;
}

export class AtomicStream {
  private fd: number;
  readonly tmp: string;
  /** Writes handed to writevBehind and not yet done, in order; the first of them is in flight. */
  private queue: Uint8Array[][] = [];
  private queued = 0;
  private writing = false;
  private syncing = false;
  private sinceSync = 0;
  private failure: unknown;
  private waiters: (() => void)[] = [];
  private abortedFlag = false;
  constructor(readonly target: string, o: AtomicWriteOptions = {}) {
    checkTarget(target, o);
    this.tmp = tempPathFor(resolve(target));
    try {
      this.fd = openSync(this.tmp, "wx", 0o644);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new SubsidyError("usage", `${target}: cannot write (${err.code ?? err.message}); check that the folder exists and is writable`);
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
  /**
   * Writes the pieces in order on libuv's thread pool while this thread goes on (the pieces must not
   * change until written), and every SYNC_AHEAD bytes starts flushing what is written to the disk, so
   * that commit's fsync has little left to do. Call settled() before commit(); `behind` says how many
   * bytes wait, for the caller to pace itself.
   */
  writevBehind(pieces: Uint8Array[]): void {
    if (this.failure !== undefined) throw this.failure;
    if (pieces.length === 0) return;
    for (const p of pieces) this.queued += p.length;
    this.queue.push(pieces);
    this.pump();
  }
  /** Bytes handed to writevBehind and not yet written. */
  get behind(): number {
    return this.queued;
  }
  /** Resolves when the writes behind are down to `bytes` (all done and flushes finished, with 0); rejects with a write's error. */
  settled(bytes = 0): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = (): boolean => {
        if (this.failure !== undefined) {
          reject(this.failure);
          return true;
        }
        if (this.queued <= bytes && (bytes > 0 || (!this.writing && !this.syncing))) {
          resolve();
          return true;
        }
        return false;
      };
      const wait = () => {
        if (!check()) this.waiters.push(wait);
      };
      wait();
    });
  }
  /** After abort(): close the descriptor once nothing is in flight; true then (the callback stops). */
  private aborted(): boolean {
    if (!this.abortedFlag) return false;
    if (!this.writing && !this.syncing) this.close();
    return true;
  }
  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
  private pump(): void {
    if (this.writing || this.failure !== undefined) return;
    const pieces = this.queue[0];
    if (!pieces) {
      this.wake();
      return;
    }
    this.writing = true;
    const batch = pieces.length > IOV_MAX ? pieces.slice(0, IOV_MAX) : pieces;
    let total = 0;
    for (const p of batch) total += p.length;
    writev(this.fd, batch, (err, done) => {
      this.writing = false;
      if (this.aborted()) return;
      if (err) {
        this.failure = err;
        this.wake();
        return;
      }
      try {
        // A short write (rare on regular files): the rest of this batch, here and now.
        if (done < total) this.writev(rest(batch, done));
      } catch (e) {
        this.failure = e;
        this.wake();
        return;
      }
      if (batch === pieces) this.queue.shift();
      else this.queue[0] = pieces.slice(batch.length);
      this.queued -= total;
      this.sinceSync += total;
      if (this.sinceSync >= SYNC_AHEAD && !this.syncing) {
        this.sinceSync = 0;
        this.syncing = true;
        fdatasync(this.fd, () => {
          // Only a head start for commit's fsync, which reports any error.
          this.syncing = false;
          if (this.aborted()) return;
          this.wake();
        });
      }
      this.wake();
      this.pump();
    });
  }
  commit(): void {
    if (this.failure !== undefined) throw this.failure;
    if (this.writing || this.syncing || this.queue.length > 0) throw new Error("AtomicStream.commit: writes still in flight (await settled() first)");
    fsyncSync(this.fd);
    this.closed = true;
    closeSync(this.fd);
    renameSync(this.tmp, resolve(this.target));
  }
  abort(): void {
    this.abortedFlag = true;
    this.queue = [];
    this.queued = 0;
    this.failure ??= new Error("AtomicStream aborted");
    rmSync(this.tmp, { force: true });
    // A write or flush still on the thread pool keeps the descriptor until it is done, so that the
    // number is never reused under it; the callbacks close it then (or the process's exit does).
    if (this.writing || this.syncing) return;
    this.close();
  }
  private closed = false;
  private close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
  }

}
