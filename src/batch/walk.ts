/**
 * The files of a batch: every .yaml/.yml/.json (any letter case) in a folder, in sorted order,
 * editor and OS junk skipped. Only regular files are handed on; a FIFO, a directory named x.yaml,
 * a dangling or looping symbolic link is returned as an entry with its error, so that the batch
 * reports it and goes on. With `recursive`, sub-folders are walked too, guarded against cycles.
 */
import * as fs from "node:fs";
import { sep } from "node:path";
import { SubsidyError } from "../errors.js";

export interface WalkEntry {
  /** The path as shown to the user: the folder as given, joined with the relative path. */
  file: string;
  /** Set when the entry is not a readable regular file. */
  error?: SubsidyError;
  /** The directory entry itself says regular file (not a symbolic link): its name is the file's own. */
  plain?: boolean;
}

const PROFILE_EXT = /\.(ya?ml|json)$/i;

/** Editor and OS leftovers that are never profiles: Office lock files, dotfiles, swap and backup files. */
export function isJunk(name: string): boolean {
  return (
    name.startsWith("~$") ||
    name.startsWith(".") ||
    /\.sw[a-p]$/i.test(name) ||
    name.endsWith("~") ||
    name === "Thumbs.db" ||
    name === "desktop.ini"
  );
}

export function isProfileName(name: string): boolean {
  return PROFILE_EXT.test(name) && !isJunk(name);
}

/**
 * A name inside a folder, the folder's path kept as written: path.join would fold `link/..` into the
 * current folder as text, while the walk listed the folder the link's parent really is.
 */
export function child(dir: string, name: string): string {
  return dir.endsWith(sep) || dir.endsWith("/") ? dir + name : dir + sep + name;
}

/** Code-unit order: the same on every machine and locale, so reports are reproducible. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface WalkOptions {
  recursive?: boolean;
  /**
   * Follow symbolic links to folders (with recursive). Without it they are skipped: a link to / or to ..
   * would take the batch out of the folder. With it, a link back into a folder being read (a cycle) or
   * to a folder that holds the batch's own folder (/, ..) is still skipped, and each folder is read once.
   */
  followLinks?: boolean;
  /** Told of each folder link skipped, with why (the batch prints it; it is not a profile's error). */
  onSkip?: (notice: SubsidyError) => void;
}

interface WalkState {
  recursive: boolean;
  followLinks: boolean;
  onSkip: (notice: SubsidyError) => void;
  /** The real path of the folder the batch was given. */
  rootReal: string;
  /** Folders already read (dev:ino), so that two links to one folder do not read it twice. */
  seen: Set<string>;
}

/** Throws SubsidyError (usage) when the folder itself cannot be walked. */
export function walk(dir: string, o: WalkOptions = {}): WalkEntry[] {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SubsidyError("usage", code === "ENOENT" ? { key: "err.walk.notFound", params: { dir } } : { key: "err.walk.cannotOpen", params: { dir, code: code ?? String(e) } });
  }
  if (!st.isDirectory()) {
    throw new SubsidyError("usage", { key: "err.walk.notFolder", params: { dir } });
  }
  const out: WalkEntry[] = [];
  let rootReal: string;
  try {
    rootReal = fs.realpathSync(dir);
  } catch {
    rootReal = dir;
  }
  const state: WalkState = { recursive: o.recursive ?? false, followLinks: o.followLinks ?? false, onSkip: o.onSkip ?? (() => undefined), rootReal, seen: new Set([`${st.dev}:${st.ino}`]) };
  walkDir(dir, [`${st.dev}:${st.ino}`], state, out);
  return out;
}

/** Whether `inner` is `outer` or lies inside it (real paths). */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

function walkDir(dir: string, ancestors: string[], state: WalkState, out: WalkEntry[]): void {
  const { recursive } = state;
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ file: dir, error: new SubsidyError("file-unreadable", { key: "err.walk.cannotRead", params: { code: (e as NodeJS.ErrnoException).code ?? String(e) } }, { file: dir }) });
    return;
  }
  dirents.sort((a, b) => byName(a.name, b.name));
  for (const d of dirents) {
    const name = d.name;
    if (isJunk(name)) continue;
    const path = child(dir, name);
    const isProfile = PROFILE_EXT.test(name);
    // A regular file says so in its directory entry: no stat needed (the reader checks again with fstat).
    if (d.isFile()) {
      if (isProfile) out.push({ file: path, plain: true });
      continue;
    }
    let lst: fs.Stats;
    try {
      lst = fs.lstatSync(path);
    } catch {
      continue; // removed while we walked
    }
    let st: fs.Stats | undefined = lst;
    let linkError: string | undefined;
    if (lst.isSymbolicLink()) {
      try {
        st = fs.statSync(path);
      } catch (e) {
        st = undefined;
        const code = (e as NodeJS.ErrnoException).code;
        linkError = code === "ELOOP" ? "err.file.loop" : "err.file.danglingLink";
      }
    }
    if (!st) {
      if (isProfile) out.push({ file: path, error: new SubsidyError("file-unreadable", { key: linkError ?? "err.walk.unreadable", params: { what: "profile" } }, { file: path }) });
      continue;
    }
    if (st.isDirectory()) {
      if (recursive) {
        const id = `${st.dev}:${st.ino}`;
        if (lst.isSymbolicLink()) {
          if (!state.followLinks) {
            state.onSkip(new SubsidyError("usage", { key: "walk.linkSkipped" }, { file: path }));
            continue;
          }
          let real: string;
          try {
            real = fs.realpathSync(path);
          } catch {
            continue;
          }
          if (within(state.rootReal, real)) {
            state.onSkip(new SubsidyError("usage", { key: "walk.linkEscapes" }, { file: path }));
            continue;
          }
        }
        if (ancestors.includes(id)) {
          out.push({ file: path, error: new SubsidyError("file-not-regular", { key: "err.walk.cycle" }, { file: path }) });
          continue;
        }
        if (state.seen.has(id)) {
          state.onSkip(new SubsidyError("usage", { key: "walk.linkSeen" }, { file: path }));
          continue;
        }
        state.seen.add(id);
        walkDir(path, [...ancestors, id], state, out);
      } else if (isProfile) {
        out.push({ file: path, error: new SubsidyError("file-not-regular", { key: "err.walk.subfolder" }, { file: path }) });
      }
      continue;
    }
    if (!isProfile) continue;
    if (!st.isFile()) {
      const kind = st.isFIFO() ? "fifo" : st.isSocket() ? "socket" : st.isCharacterDevice() || st.isBlockDevice() ? "device" : "other";
      out.push({ file: path, error: new SubsidyError("file-not-regular", { key: "err.walk.notRegular", params: { kind } }, { file: path }) });
      continue;
    }
    out.push({ file: path });
  }
}
