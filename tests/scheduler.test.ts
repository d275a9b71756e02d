// The runtime's tasks and channels (runtime-asm/README.md, "Concurrency") and
// their model (interp/scheduler.ts), proved without the language: scheduler
// scripts (tests/sched/script.ts) run on the model and, through the
// hand-written assembly mains tests/runtime-smoke/sched_<target>.s, on the
// runtime of both targets (AArch64 under qemu).
//
// - examples: the brief's scheduling rules, one script each, with the output
//   the rule gives, on the model and both targets;
// - the property: random scripts (tests/sched/arbitrary.ts) print the same,
//   end with the same status and panic, and leave the same objects live, on
//   the model and on both targets;
// - planted faults (tests/sched/faults.ts): a faulty copy of the model (LIFO,
//   a wake-up at the front, a close that misses its waiters) disagrees with
//   the real runtime on some script, which the property finds;
// - smoke: 100,000 tasks blocked at once (peak memory, measured), recursion
//   100,000 calls deep in tasks that switch, a stack overflow in a task.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as fc from "fast-check";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { toolNames } from "../driver/toolchain.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { scriptArbitrary } from "./sched/arbitrary.js";
import { examples, leak } from "./sched/examples.js";
import { faults } from "./sched/faults.js";
import { encode, mainFor, parseScript, runMain, runModel, show, type MakeScheduler, type Script, type Seen } from "./sched/script.js";

// (removed after the last suite: uvu runs the suites of a file in order)
const dir = mkdtempSync(join(tmpdir(), "qnano-sched-"));

const same = (a: Seen, b: Seen) => a.stdout === b.stdout && a.stderr === b.stderr && a.status === b.status;
const brief = (s: Seen) => `status ${s.status}, stderr ${JSON.stringify(s.stderr)}, stdout ${JSON.stringify(s.stdout.length > 300 ? `${s.stdout.slice(0, 300)}...` : s.stdout)}`;

const rules = suite("scheduler: the brief's rules, on the model and both targets");
for (const e of examples) {
  rules(e.name, () => {
    const script = parseScript(e.script);
    assert.equal(runModel(script), e.want, "the model");
    for (const target of targets) assert.equal(runMain(mainFor(target, dir), target, script), e.want, target);
  });
}
rules.run();

/** fast-check runs of `make`'s model against a target's runtime: the first disagreement, shrunk, or null. */
function disagreement(target: Target, runs: number, seed: number, make?: MakeScheduler): { script: Script; model: Seen; runtime: Seen; after: number } | null {
  const exe = mainFor(target, dir);
  const r = fc.check(
    fc.property(scriptArbitrary, (script) => same(runModel(script, make), runMain(exe, target, script))),
    { numRuns: runs, seed },
  );
  if (!r.failed) return null;
  const script = r.counterexample![0];
  return { script, model: runModel(script, make), runtime: runMain(exe, target, script), after: r.numRuns };
}

const property = suite("scheduler: random scripts agree on the model and both targets");
for (const [target, runs] of [["x86_64", 400], ["aarch64", 150]] as const) {
  property(`${runs} scripts on ${target}`, () => {
    const d = disagreement(target, runs, 20_19);
    if (d !== null) assert.unreachable(`the model and ${target} disagree on\n${show(d.script)}\nmodel:   ${brief(d.model)}\n${target}: ${brief(d.runtime)}`);
  });
}
property.run();

const planted = suite("scheduler: every planted fault in the model is caught by the property");
for (const f of faults) {
  planted(f.name, () => {
    const d = disagreement("x86_64", 2000, 7, f.make);
    assert.ok(d !== null, `no script shows the fault: ${f.name}`);
    console.log(`  fault "${f.name}": caught after ${d!.after} scripts, shrunk to\n    ${show(d!.script).replace(/\n/g, "\n    ")}`);
  });
}
planted.run();

/** Peak resident memory in KiB of a run (GNU time), and what it showed. */
function peak(target: Target, input: string): { kib: number; seen: Seen } {
  const exe = mainFor(target, dir);
  const r = spawnSync("/usr/bin/time", ["-f", "%M", ...toolNames(target).run, exe], {
    input,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", QNANO_LEAK_CHECK: "1" },
    maxBuffer: 1 << 28,
  });
  const err = r.stderr.trimEnd().split("\n");
  const kib = Number(err.pop());
  return { kib, seen: { stdout: r.stdout, stderr: err.length > 0 ? `${err.join("\n")}\n` : "", status: r.status } };
}

const memory = suite("scheduler: 100,000 live tasks");
// main spawns 100,000 tasks that each wait on one channel (so all are live and
// blocked, each with its saved stack), then closes it: each gets None.
const manyTasks = parseScript(`chan 0 0 ints; open; spawn 1 100000; yield; close 0; closeScope
                               recv 0`);
for (const target of targets) {
  memory(`${target}: peak memory with 100,000 blocked tasks`, () => {
    const idle = peak(target, encode(parseScript("print 0")));
    const { kib, seen } = peak(target, encode(manyTasks));
    assert.equal(seen, { stdout: "-1\n".repeat(100_000), stderr: leak(1, 80), status: 0 });
    const perTask = ((kib - idle.kib) * 1024) / 100_000;
    console.log(`  ${target}: peak ${(kib / 1024).toFixed(1)} MiB with 100,000 blocked tasks (${(idle.kib / 1024).toFixed(1)} MiB idle): ${perTask.toFixed(0)} bytes a task`);
    // Go 1.19 needs about 2.7 KB a task (270 MB); a task here takes its object
    // (80 bytes), its env (48) and its saved stack (about 350).
    assert.ok(perTask < 1024, `${perTask.toFixed(0)} bytes a task`);
  });
}
memory("the model agrees on 100,000 blocked tasks", () => {
  assert.equal(runModel(manyTasks), { stdout: "-1\n".repeat(100_000), stderr: leak(1, 80), status: 0 });
});
memory.after(() => rmSync(dir, { recursive: true, force: true }));
memory.run();
