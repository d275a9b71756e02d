// `qnano run FILE`: builds FILE into a private temporary folder and runs it,
// with stdin, stdout and stderr passed through, and ends as the program ended:
// with its exit status, or 128 + n when signal n killed it (141 for SIGPIPE,
// in `qnano run x.qs | head -1`), as a shell reports it.
//
// Killed itself by SIGTERM, SIGINT or SIGHUP, qnano passes the signal on to
// the program, waits for it to end, removes the temporary folder, and then
// dies by the same signal, so whoever killed it sees what they expect.

import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { constants } from "node:os";
import { join } from "node:path";
import { makeTemporaryFolder } from "../driver/files.js";
import { toolNames, ToolchainError } from "../driver/toolchain.js";
import type { Target } from "../ir-defs/targets.js";
import { printError } from "./output.js";

const passedOn: readonly NodeJS.Signals[] = ["SIGTERM", "SIGINT", "SIGHUP"];

/** How the program ended: an exit status, or the signal that killed it. */
type Ending = { status: number; signal: null } | { status: null; signal: NodeJS.Signals };

function runToTheEnd(command: string, args: readonly string[], started: (kill: (signal: NodeJS.Signals) => void) => void): Promise<Ending> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.on("error", (e) => reject(new ToolchainError(`cannot run ${command}: ${e.message}`)));
    child.on("exit", (status, signal) => resolve(signal !== null ? { status: null, signal } : { status: status ?? 1, signal: null }));
    started((signal) => child.kill(signal));
  });
}

/** Builds (with `build`, into the path it is given) and runs; the status qnano ends with. */
export async function runProgram(build: (exe: string) => boolean, target: Target): Promise<number> {
  let received: NodeJS.Signals | null = null;
  let kill: ((signal: NodeJS.Signals) => void) | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    received ??= signal;
    kill?.(signal);
  };
  let ending: Ending | null = null;
  const dir = makeTemporaryFolder("qnano-run-");
  for (const s of passedOn) process.on(s, onSignal);
  try {
    const exe = join(dir, "program");
    if (!build(exe)) return 1;
    // A signal that came while building (it waits until now): do not start the program.
    await new Promise((resolve) => setImmediate(resolve));
    if (received === null) {
      const [command, ...args] = [...toolNames(target).run, exe];
      ending = await runToTheEnd(command!, args, (k) => (kill = k));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const s of passedOn) process.off(s, onSignal);
  }
  if (received !== null) {
    // No listener is left, so the signal's default action applies again: qnano dies by it.
    process.kill(process.pid, received);
    await new Promise(() => {}); // (the signal arrives at once)
  }
  if (ending!.signal === null) return ending!.status;
  // The shell says nothing of a pipe closed by its reader, and neither does qnano.
  if (ending!.signal !== "SIGPIPE") printError(`qnano: the program was killed by ${ending!.signal}`);
  return 128 + constants.signals[ending!.signal];
}
