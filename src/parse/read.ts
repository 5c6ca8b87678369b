/** Reading input files: regular files only, with errors that say what is wrong with the path. */
import * as fs from "node:fs";
import { SubsidyError } from "../errors.js";
import { fileTooLarge } from "./limits.js";

/**
 * The bytes of a regular file. Anything else is refused before it is opened: reading a FIFO named
 * x.yaml would block forever, and a directory, socket or device is never a profile.
 */
export function readRegularFile(file: string, what = "file", maxBytes?: number): Uint8Array {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw unreadable(file, e, what);
  }
  if (!st.isFile()) {
    const kind = st.isDirectory()
      ? "a directory"
      : st.isFIFO()
        ? "a named pipe (FIFO)"
        : st.isSocket()
          ? "a socket"
          : st.isCharacterDevice() || st.isBlockDevice()
            ? "a device"
            : "not a regular file";
    throw new SubsidyError("file-not-regular", `${what} is ${kind}, not a regular file; name a .yaml or .json file`, { file });
  }
  // A 4 GB file named x.yaml is refused from its size, without reading it into memory.
  if (maxBytes !== undefined && st.size > maxBytes) throw fileTooLarge(file, st.size, maxBytes);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw unreadable(file, e, what);
  }
}

function unreadable(file: string, e: unknown, what: string): SubsidyError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  let message: string;
  switch (code) {
    case "ENOENT": {
      let dangling: boolean;
      try {
        dangling = fs.lstatSync(file).isSymbolicLink();
      } catch {
        dangling = false;
      }
      message = dangling ? `${what} is a symbolic link to something that does not exist` : `${what} not found; check the path`;
      break;
    }
    case "EACCES":
    case "EPERM":
      message = `permission denied: cannot read the ${what}; check its permissions`;
      break;
    case "ELOOP":
      message = `${what} is a symbolic link that loops back on itself`;
      break;
    case "ENOTDIR":
      message = `a part of the path is not a directory; check the path`;
      break;
    case "ENAMETOOLONG":
      message = `the path is too long`;
      break;
    default:
      message = `cannot read the ${what}: ${e instanceof Error ? e.message : String(e)}`;
  }
  return new SubsidyError("file-unreadable", message, { file });
}

