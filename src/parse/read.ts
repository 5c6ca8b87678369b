/** Reading input files: regular files only, with errors that say what is wrong with the path. */
import * as fs from "node:fs";
import { SubsidyError } from "../errors.js";
import { fileTooLarge } from "./limits.js";

/**
 * The bytes of a regular file, in one open. Anything else is refused before a byte is read: reading a
 * FIFO named x.yaml would block forever (so the open is non-blocking), and a directory, socket or device
 * is never a profile. A file over `maxBytes` is refused from its size, never read into memory.
 * `into(size)` gives the memory to read the file into (`size` bytes; a new buffer by default).
 */
export function readRegularFile(file: string, what = "file", maxBytes?: number, into: (size: number) => Uint8Array = (size) => Buffer.allocUnsafe(size)): Uint8Array {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EISDIR") throw notRegular(file, "directory", what);
    throw unreadable(file, e, what);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) {
      const kind = st.isDirectory()
        ? "directory"
        : st.isFIFO()
          ? "fifo"
          : st.isSocket()
            ? "socket"
            : st.isCharacterDevice() || st.isBlockDevice()
              ? "device"
              : "other";
      throw notRegular(file, kind, what);
    }
    if (maxBytes !== undefined && st.size > maxBytes) throw fileTooLarge(file, st.size, maxBytes);
    // A size of 0 is not always empty: /proc files and some mounts report 0 and still have content.
    if (st.size === 0) return readToEnd(fd, file, maxBytes);
    const buf = into(st.size);
    let off = 0;
    while (off < st.size) {
      const n = fs.readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return off === st.size ? buf : buf.subarray(0, off);
  } catch (e) {
    if (e instanceof SubsidyError) throw e;
    throw unreadable(file, e, what);
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of a file whose size is not known in advance, up to `maxBytes` (over it: the size error). */
function readToEnd(fd: number, file: string, maxBytes = Number.MAX_SAFE_INTEGER): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw fileTooLarge(file, total, maxBytes);
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

/** `kind`: directory, fifo, socket, device or other. */
function notRegular(file: string, kind: string, what: string): SubsidyError {
  return new SubsidyError("file-not-regular", { key: "err.file.notRegular", params: { what, kind } }, { file });
}

function unreadable(file: string, e: unknown, what: string): SubsidyError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  let key: string;
  switch (code) {
    case "ENOENT": {
      let dangling: boolean;
      try {
        dangling = fs.lstatSync(file).isSymbolicLink();
      } catch {
        dangling = false;
      }
      if (!dangling && file.includes("\uFFFD")) return new SubsidyError("file-unreadable", { key: "err.read.nameNotUtf8" }, { file });
      key = dangling ? "err.file.danglingLink" : "err.file.notFound";
      break;
    }
    case "EACCES":
    case "EPERM":
      key = "err.file.permission";
      break;
    case "ELOOP":
      key = "err.file.loop";
      break;
    case "ENOTDIR":
      key = "err.file.notDir";
      break;
    case "ENAMETOOLONG":
      key = "err.file.nameTooLong";
      break;
    default:
      key = "err.file.unreadable";
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new SubsidyError("file-unreadable", { key, params: { what, code: code ?? "?", detail } }, { file });
}

