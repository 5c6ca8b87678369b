/**
 * Crash-safe writes: the new content goes to a temporary file in the target folder, is flushed,
 * then renamed over the target. A crash leaves the old file whole; a failure removes the temporary.
 */
import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, writevSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { randomBytes } from "node:crypto";
import { SubsidyError } from "../errors.js";
import { messageLang, say } from "../i18n/index.js";

export interface AtomicWriteOptions {
  /** Refuse to replace an existing file (subsidy init, saving a questionnaire). */
  noOverwrite?: boolean;
  /** Files that must never be overwritten (the input profiles of the run). */
  protect?: Iterable<string | ProtectedFile>;
  /** What is written (a report's format, or "schema"): the target's name must end in its extension. */
  format?: OutputKind;
}

export type OutputKind = "table" | "json" | "md" | "html" | "csv" | "xlsx" | "schema";

/** The extensions each kind of output may be written to. */
const EXTENSIONS: Record<OutputKind, readonly string[]> = {
  table: [".txt"],
  json: [".json"],
  md: [".md", ".markdown"],
  html: [".html", ".htm"],
  csv: [".csv"],
  xlsx: [".xlsx"],
  schema: [".json"],
};

const PROFILE_NAME = /\.(ya?ml|json)$/i;

/** Why a write failed, in words ("disk full", "read-only", "permission denied"), in the run's language. */
export function writeReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const known = ["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "ENOENT", "ENOTDIR", "EIO", "EFBIG", "ENAMETOOLONG", "EISDIR"];
  if (code && known.includes(code)) return say({ key: `err.write.reason.${code === "EPERM" ? "EACCES" : code}` }, { lang: messageLang() });
  return code ?? (e instanceof Error ? e.message : String(e));
}

/** The one line for a write to `target` that failed. */
export function writeFailed(target: string, e: unknown): SubsidyError {
  return new SubsidyError("write-failed", { key: "err.write.failed", params: { reason: writeReason(e) } }, { file: target });
}

/** Temporary files of this process not yet renamed or removed: a signal removes them before the process ends. */
const liveTemps = new Set<string>();
export function removeLiveTemps(): void {
  for (const t of liveTemps) rmSync(t, { force: true });
  liveTemps.clear();
}

/**
 * Temporary files of our own naming for `abs` (`.NAME.<pid>.<8 hex>.tmp`) left by a run that was killed:
 * removed when their process is gone. Another live run's temporary file is left alone.
 */
export function removeStaleTemps(abs: string): void {
  const dir = dirname(abs);
  const prefix = `.${basename(abs)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isLink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether an existing file is a report or schema this tool wrote (JSON whose first key is ours), not a client's profile. */
function isOurJson(abs: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(abs, "r");
    const head = Buffer.alloc(512);
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.subarray(0, n).toString("utf8").replace(/^\uFEFF/, "");
    return /^\s*(?:\[\s*)?\{\s*"(?:policy|profile|\$schema)"\s*:/.test(text);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
  const st = checkOutName(target, o.format);
  const abs = resolve(target);
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
  if (isLink(abs)) throw new SubsidyError("usage", { key: "err.out.symlink" }, { file: target });
  if (o.format) {
    const exts = EXTENSIONS[o.format];
    if (!exts.some((x) => target.toLowerCase().endsWith(x))) {
      throw new SubsidyError("usage", { key: o.format === "schema" ? "err.out.schemaExtension" : "err.out.extension", params: { format: o.format, exts: exts.join(", ") } }, { file: target });
    }
  }
  if (!st) return;
  if (!st.isFile()) throw new SubsidyError("usage", { key: "err.write.notRegular", params: { target } });
  if (o.noOverwrite) throw new SubsidyError("usage", { key: "err.write.exists", params: { target } });
  // A profile is never replaced by a report or a schema (`format` set): a .json target must hold one of our
  // own. Writing a profile itself (init, ask's save after the user agreed) has its own rules above.
  if (o.format && PROFILE_NAME.test(target) && !isOurJson(abs)) throw new SubsidyError("usage", { key: "err.out.profile" }, { file: target });
}

/** Refuses '' and a folder (`newdir/`, an existing folder) as an output name; returns the target's stat, if it exists. */
export function checkOutName(target: string, format?: OutputKind): Stats | undefined {
  if (target === "") throw new SubsidyError("usage", { key: "err.out.empty" });
  let st: Stats | undefined;
  try {
    st = statSync(resolve(target));
  } catch {
    st = undefined;
  }
  if (target.endsWith("/") || target.endsWith(sep) || st?.isDirectory()) {
    throw new SubsidyError("usage", { key: "err.out.folder", params: { example: join(target, "report" + (EXTENSIONS[format ?? "table"][0] ?? "")) } }, { file: target });
  }
  return st;
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
  removeStaleTemps(abs);
  const tmp = tempPathFor(abs);
  let fd: number | undefined;
  liveTemps.add(tmp);
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
    throw writeFailed(target, e);
  } finally {
    liveTemps.delete(tmp);
  }
}

/** The most buffers one writev call takes on Linux (and the smallest limit elsewhere). */
const IOV_MAX = 1024;

/** An atomic writer fed in pieces, for reports streamed row by row: nothing replaces the target until commit(). */
export class AtomicStream {
  private fd: number;
  private closed = false;
  readonly tmp: string;
  constructor(readonly target: string, o: AtomicWriteOptions = {}) {
    checkTarget(target, o);
    removeStaleTemps(resolve(target));
    this.tmp = tempPathFor(resolve(target));
    try {
      this.fd = openSync(this.tmp, "wx", 0o644);
    } catch (e) {
      throw writeFailed(target, e);
    }
    liveTemps.add(this.tmp);
  }
  /** Runs a write; on failure the temporary file is removed and the error says why in one line. */
  private guarded(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.abort();
      throw writeFailed(this.target, e);
    }
  }
  write(s: string | Uint8Array): void {
    this.guarded(() => this.writeRaw(s));
  }
  private writeRaw(s: string | Uint8Array): void {
    const buf = typeof s === "string" ? Buffer.from(s, "utf8") : s;
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
  }
  /** Writes the pieces in order, as they are (one system call for up to 1024 of them). */
  writev(pieces: readonly Uint8Array[]): void {
    this.guarded(() => this.writevRaw(pieces));
  }
  private writevRaw(pieces: readonly Uint8Array[]): void {
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
        this.writeRaw(p.subarray(done));
        done = 0;
      }
    }
  }
  commit(): void {
    this.guarded(() => {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.closed = true;
      renameSync(this.tmp, resolve(this.target));
    });
    liveTemps.delete(this.tmp);
  }
  abort(): void {
    if (!this.closed) {
      this.closed = true;
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
    }
    rmSync(this.tmp, { force: true });
    liveTemps.delete(this.tmp);
  }
}
