// Reading the source the user named, writing what the compiler produces (an
// executable, assembly) to the file the user named, and saying in words why a
// file could not be read or written.
//
// Only a regular file is read: a FIFO would block until someone writes to it
// (forever, if no one does), a device such as /dev/zero never ends. So the
// file is opened without waiting (O_NONBLOCK) and refused unless it is one.
//
// An output is written as ld writes one: an executable replaces a regular file
// of that name with a new one (so it gets the executable mode), and anything
// else (a device such as /dev/null, a link) is written through. When writing
// fails, a regular file left half-written is removed, and the error says why
// in one line.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Why a file operation failed, in the words of strerror (from the error's code). */
export function fileErrorReason(e: unknown, file: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT": {
      const folder = path.dirname(file);
      return fs.existsSync(folder) ? "no such file" : `no such directory: ${folder}`;
    }
    case "ENOTDIR": return "not a directory (a part of the path)";
    case "EISDIR": return "is a directory";
    case "EACCES": case "EPERM": return "permission denied";
    case "ENOSPC": return "no space left on device";
    case "EDQUOT": return "disk quota exceeded";
    case "EROFS": return "read-only file system";
    case "ENAMETOOLONG": return "file name too long";
    case "ELOOP": return "too many levels of symbolic links";
    case "EFBIG": return "file too large";
    case "ETXTBSY": return "text file busy (a program that is running)";
    case "EBADF": return "bad file descriptor (closed)";
    case "ENXIO": return "no such device or address (a socket, or a device that is not there)";
    default: return (e as Error).message;
  }
}

/** A file could not be read or written, or a folder made; the message is one line: `cannot write FILE: why`. */
export class FileError extends Error {
  override name = "FileError";
}

/** What a file that is not a regular file is. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return "is a directory";
  if (st.isFIFO()) return "is a pipe (FIFO), not a regular file";
  if (st.isSocket()) return "is a socket, not a regular file";
  return "is a device, not a regular file";
}

/** The bytes of a regular file; anything else is refused without waiting. */
export function readRegularFile(file: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    throw new FileError(`cannot read ${file}: ${fileErrorReason(e, file)}`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new FileError(`cannot read ${file}: ${kindOf(st)}`);
    return fs.readFileSync(fd);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(`cannot read ${file}: ${fileErrorReason(e, file)}`);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `data` to the file `out`; an executable gets mode 0777 less the umask. */
export function writeOutputFile(out: string, data: string | Uint8Array, executable: boolean): void {
  let fd: number | undefined;
  let regular = false;
  try {
    // Like ld: a regular file is replaced by a new one (with the executable mode), not changed in place.
    if (executable && fs.lstatSync(out, { throwIfNoEntry: false })?.isFile()) fs.unlinkSync(out);
    fd = fs.openSync(out, "w", executable ? 0o777 : 0o666);
    regular = fs.fstatSync(fd).isFile();
    fs.writeFileSync(fd, data);
    const done = fd;
    fd = undefined;
    fs.closeSync(done);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd); // (a descriptor just opened closes)
    if (regular) fs.rmSync(out, { force: true });
    throw new FileError(`cannot write ${out}: ${fileErrorReason(e, out)}`);
  }
}

/** A new private folder (mode 0700) in the temporary folder ($TMPDIR), named `prefix` and six random characters. */
export function makeTemporaryFolder(prefix: string): string {
  const parent = os.tmpdir();
  try {
    return fs.mkdtempSync(path.join(parent, prefix));
  } catch (e) {
    throw new FileError(`cannot make a temporary folder in ${parent}: ${fileErrorReason(e, path.join(parent, prefix))}`);
  }
}
