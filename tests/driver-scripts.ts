// A driver program (a .qs that reads commands on standard input) compiled for
// both targets, and a run of one script on each binary held to what the model's
// routines (interp/runtime-model.ts) did with it: the same stdout and status,
// and on stderr the panic, or a leak check that finds nothing live.
// tests/primitives.test.ts and tests/byte-arrays.test.ts use it.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as assert from "uvu/assert";
import { assemblyOf, compile } from "../driver/driver.js";
import { assembleAndLink, runBinary } from "../driver/toolchain.js";
import { targets, type Target } from "../ir-defs/targets.js";
import type { Outcome } from "../interp/runtime-model.js";

/** The driver in `driverFile` compiled and linked for each target, in a new folder `dir` under the system's temporary one. */
export function driverBinaries(driverFile: string, folder: string): { readonly dir: string; readonly binaries: ReadonlyMap<Target, string> } {
  const dir = mkdtempSync(join(tmpdir(), folder));
  const binaries = new Map(targets.map((target) => {
    const exe = join(dir, `driver-${target}`);
    assembleAndLink(assemblyOf(compile(readFileSync(driverFile, "utf8"), driverFile, { target })), target, exe);
    return [target, exe] as const;
  }));
  return { dir, binaries };
}

/** Each binary run on `stdin` (with the leak check on) ends as the model's run `want` did. */
export function agreeWithModel(binaries: ReadonlyMap<Target, string>, stdin: string, want: Outcome): void {
  for (const [target, exe] of binaries) {
    const got = runBinary(exe, target, { stdin, env: { QNANO_LEAK_CHECK: "1" } });
    const where = `${target}, stdin ${JSON.stringify(stdin)}`;
    assert.is(got.stdout, want.stdout, `stdout (${where})`);
    assert.is(got.status, want.status, `status (${where})`);
    assert.is(got.stderr, want.panic === null ? "leak check: 0 objects, 0 bytes live\n" : `panic: ${want.panic}\n`, `stderr (${where})`);
  }
}
