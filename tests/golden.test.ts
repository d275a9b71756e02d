// Every golden program through every pass, on both targets: each pass's output
// is validated against its IL (checked mode), every IL's interpreter must give
// the expected stdout, exit status and panic, and so must the real binary
// (x86-64 natively, AArch64 under qemu-aarch64). Compiling twice must give
// byte-identical assembly. Nothing may leak: the interpreters that count
// references (Lrc and below) must find no object live when main returns, and
// so must the binary's leak check (QNANO_LEAK_CHECK=1, spec/heap.md).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { assembleAndLink, runBinary } from "../driver/toolchain.js";
import { targets } from "../ir-defs/targets.js";
import { frontEnd, pipeline } from "../passes/pipeline.js";
import { assemblyOf, checkPasses, compile, throwIfBroken, type Step } from "../driver/driver.js";
import { ilName, type Pass } from "../il/pass.js";
import { describeOutcome } from "../interp/runtime-model.js";
import { loadGoldens, programsDir } from "./golden-programs.js";

const dir = mkdtempSync(join(tmpdir(), "qnano-golden-"));
const goldens = loadGoldens();
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

for (const target of targets) {
  const golden = suite(`golden programs on ${target}`);
  for (const g of goldens) {
    golden(`${g.name} on ${target}`, () => {
      // The front end is shared: check its interpreters once, on the first target.
      const only = target === targets[0] ? undefined : (p: Pass) => !frontEnd.includes(p) || p === frontEnd.at(-1);
      const steps: Step[] = [];
      let returned = false; // main returned (rather than exit or panic), so the leak check reports
      for (const v of checkPasses({ source: g.source, file: g.path }, pipeline(target), { run: { stdin: g.stdin }, only })) {
        throwIfBroken(v);
        steps.push(v);
        if (v.outcome === null) continue;
        const where = `${v.pass.name} -> ${ilName(v.pass.to)}`;
        assert.is(v.outcome.outOfFuel, false, `${where}: ran out of fuel`);
        assert.is(v.outcome.stdout, g.stdout, `${where}: stdout (${describeOutcome(v.outcome)})`);
        assert.is(v.outcome.status, g.status, `${where}: exit status`);
        assert.is(v.outcome.panic, g.panic, `${where}: panic message`);
        if (v.outcome.live) {
          assert.equal(v.outcome.live, { objects: 0, bytes: 0 }, `${where}: objects still live when main returns`);
          returned = true;
        }
      }
      const asm = assemblyOf(steps);
      assert.is(assemblyOf(compile(g.source, g.path, { target })), asm, "compiling twice gives the same assembly");
      const exe = join(dir, `${g.name}.${target}`);
      assembleAndLink(asm, target, exe);
      const run = runBinary(exe, target, { stdin: g.stdin, env: { QNANO_LEAK_CHECK: "1" } });
      assert.is(run.timedOut, false, "the binary timed out");
      assert.is(run.stdout, g.stdout, "binary stdout");
      assert.is(run.stderr, g.stderr + (returned ? "leak check: 0 objects, 0 bytes live\n" : ""), "binary stderr");
      assert.is(run.status, g.status, "binary exit status");
    });
  }
  golden.run();
}

// Proper tail calls: tail_loop goes round 10,000,000 times in tail calls (too
// many for the interpreters' fuel, so only the binaries run this one), which
// fits in the stack only if every tail call reuses its frame; closure_tail_loop
// makes 10,000,000 calls through a closure and as many tail calls through closures.
const deep = suite("tail calls run in constant stack");
for (const name of ["tail_loop", "closure_tail_loop"]) {
  const program = goldens.find((g) => g.name === name)!;
  for (const target of targets) {
    deep(`${name} with 10,000,000 iterations on ${target}`, () => {
      const exe = join(dir, `${name}_deep.${target}`);
      assembleAndLink(assemblyOf(compile(program.source, program.path, { target })), target, exe);
      const run = runBinary(exe, target, { stdin: "10000000\n" });
      assert.is(run.timedOut, false, "the binary timed out");
      assert.is(run.stderr, "", "no panic (a stack overflow would be one)");
      assert.is(run.stdout, readFileSync(join(programsDir, `${name}.10000000.out`), "utf8"));
      assert.is(run.status, 0);
    });
  }
}
deep.run();
