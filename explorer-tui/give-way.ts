// The explorer's workers give way to its screen. On two processors the
// passes' worker and the marks' workers kept the main thread from running for
// a tenth of a second at a time while the explorer opened, and a key waited
// that long. A worker calls this first: on Linux its own thread (its id read
// from /proc/thread-self) runs at a lower priority (nice 10), so the thread
// that reads keys and draws is the first to run; a busy processor is still
// all the workers' when the screen is idle. (Elsewhere it does nothing.)

import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

export function giveWay(): void {
  try {
    setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), 10);
  } catch {
    // no /proc/thread-self: the worker runs as it is
  }
}
