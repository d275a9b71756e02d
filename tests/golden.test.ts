// Every golden program through every pass, on both targets: each pass's output
// is validated against its IL (checked mode), every IL's interpreter must give
// the expected stdout, exit status and panic, and so must the real binary
// (x86-64 natively, AArch64 under qemu-aarch64). Compiling twice must give
// byte-identical assembly. Nothing may leak: the interpreters that count
// references (Lrc and below) must find no object live when main returns, and
// so must the binary's leak check (QNANO_LEAK_CHECK=1, spec/heap.md). The
// checks of a run are those of every program file (tests/checked-runs.ts); a
// run too long for the interpreters (NAME.N.out, e.g. tail_loop's 10,000,000
// tail calls, which fit in the stack only if each reuses its frame) is made by
// the binaries alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { assembleAndLink, runBinary } from "../driver/toolchain.js";
import { targets } from "../ir-defs/targets.js";
import { frontEnd, pipeline } from "../passes/pipeline.js";
import { assemblyOf, compile } from "../driver/driver.js";
import type { Pass } from "../il/pass.js";
import { checkBinary, checkLargeRun, checkRun } from "./checked-runs.js";
import { loadGoldens } from "./golden-programs.js";

const dir = mkdtempSync(join(tmpdir(), "qnano-golden-"));
const goldens = loadGoldens();
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

for (const target of targets) {
  const golden = suite(`golden programs on ${target}`);
  for (const g of goldens) {
    golden(`${g.name} on ${target}`, () => {
      // The front end is shared: check its interpreters once, on the first target.
      const only = target === targets[0] ? undefined : (p: Pass) => !frontEnd.includes(p) || p === frontEnd.at(-1);
      const start = { source: g.source, file: g.path };
      const { asm, live } = checkRun(start, pipeline(target), g, { only });
      assert.is(assemblyOf(compile(g.source, g.path, { target })), asm, "compiling twice gives the same assembly");
      const exe = join(dir, `${g.name}.${target}`);
      assembleAndLink(asm, target, exe);
      checkBinary(exe, target, g, live);
      for (const run of g.more) {
        if (run.large) checkLargeRun(exe, target, run);
        else checkBinary(exe, target, run, checkRun(start, pipeline(target), run, { only }).live);
      }
    });
  }
  golden.run();
}

// Freeing a long recursive value must not grow the stack: list_million builds a
// list of a million cells and drops it (its run list_million.1000000, which the
// binaries alone make), here under the leak check (the interpreters run it on
// 2,000, tests/programs/list_million.in).
const deep = suite("a million-cell list, built and dropped, under the leak check");
const million = goldens.find((g) => g.name === "list_million")!;
for (const target of targets) {
  deep(`list_million with 1,000,000 cells on ${target}`, () => {
    const exe = join(dir, `list_million_leaks.${target}`);
    assembleAndLink(assemblyOf(compile(million.source, million.path, { target })), target, exe);
    const run = million.more.find((r) => r.label === "1000000")!;
    const result = runBinary(exe, target, { stdin: run.stdin, env: { QNANO_LEAK_CHECK: "1" } });
    assert.is(result.timedOut, false, "the binary timed out");
    assert.is(result.stderr, "leak check: 0 objects, 0 bytes live\n", "no panic (a stack overflow would be one), nothing left");
    assert.is(result.stdout, run.stdout);
    assert.is(result.status, 0);
  });
}
deep.run();
