// What the command writes to standard output and standard error, written so
// that every failure is seen: through fs.writeSync, whose errors are thrown
// here, rather than a stream's, whose errors arrive later as an event (a Node
// stack trace for EPIPE) or not at all.
//
// - A closed pipe (`qnano trace x.qs | head -1`: the reader has gone) ends the
//   command quietly with status 141, as `cat` ends (killed by SIGPIPE, which a
//   shell reports as 128 + 13).
// - Any other failure (stdout on /dev/full, or closed) is one line on stderr
//   and status 1.

import * as fs from "node:fs";
import { fileErrorReason } from "../driver/files.js";
import { Reported, UsageError } from "./usage.js";

/** The status a shell reports for a process killed by SIGPIPE. */
const brokenPipeStatus = 128 + 13;

/** Waits a little (synchronously): for a non-blocking pipe that is full. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Writes all of `bytes` to `fd`; throws the write's error. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) {
    try {
      done += fs.writeSync(fd, bytes, done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      pause(1); // the reader is slower than us
    }
  }
}

/**
 * True when standard output was closed when qnano started (`qnano passes >&-`).
 * Node reopens a closed stdout on /dev/null, read-write, before any of our
 * code runs; a shell's `> /dev/null` opens it write-only, so on Linux a
 * read-write /dev/null is how a closed stdout looks. (Elsewhere: never known.)
 */
function stdoutWasClosed(): boolean {
  try {
    if (fs.readlinkSync("/proc/self/fd/1") !== "/dev/null") return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(fs.readFileSync("/proc/self/fdinfo/1", "utf8"))?.[1];
    return flags !== undefined && (parseInt(flags, 8) & 3) === fs.constants.O_RDWR;
  } catch {
    return false;
  }
}

let stdoutChecked = false;

/** Writes text to standard output. */
export function writeStdout(text: string): void {
  if (!stdoutChecked) {
    stdoutChecked = true;
    if (stdoutWasClosed()) throw new UsageError("cannot write to standard output: it is closed", 1);
  }
  try {
    writeAll(1, Buffer.from(text));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EPIPE") throw new Reported(brokenPipeStatus);
    throw new UsageError(`cannot write to standard output: ${fileErrorReason(e, "-")}`, 1);
  }
}

/** Writes text and a line break to standard output. */
export const printLine = (text = ""): void => writeStdout(`${text}\n`);

/** Writes text to standard error; if even that fails, there is no one left to tell. */
export function writeStderr(text: string): void {
  try {
    writeAll(2, Buffer.from(text));
  } catch {
    // stderr is closed or full
  }
}

/** Writes text and a line break to standard error. */
export const printError = (text: string): void => writeStderr(`${text}\n`);
