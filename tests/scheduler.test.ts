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
import { faults } from "./sched/faults.js";
import { encode, mainFor, parseScript, runMain, runModel, show, type MakeScheduler, type Script, type Seen } from "./sched/script.js";

// (removed after the last suite: uvu runs the suites of a file in order)
const dir = mkdtempSync(join(tmpdir(), "qnano-sched-"));

const lines = (...xs: number[]) => xs.map((x) => `${x}\n`).join("");
const leak = (objects: number, bytes: number) => `leak check: ${objects} objects, ${bytes} bytes live\n`;

/** Each rule of the brief (section 5) as a script and what it must show. */
const examples: readonly { name: string; script: string; want: Seen }[] = [
  {
    name: "the brief's example: a producer sends three values and closes, main receives until None",
    script: `chan 0 4 ints; open; spawn 1 1; recv 0; recv 0; recv 0; recv 0; closeScope
             send 0 0; send 0 1; send 0 2; close 0`,
    want: { stdout: lines(0, 1, 2, -1), stderr: leak(1, 112), status: 0 },
  },
  {
    name: "capacity 0: a send to a waiting receiver hands the value over and goes on; a receive takes a blocked sender's value",
    script: `chan 0 0 ints; open; spawn 1 1; recv 0; print 1; recv 0; print 2; closeScope
             send 0 10; print 1; send 0 20; print 2`,
    want: { stdout: lines(1001, 10, 1, 20, 2, 1002), stderr: leak(1, 80), status: 0 },
  },
  {
    name: "yield puts the task at the back of the one FIFO ready queue",
    script: `open; spawn 1 1; spawn 2 1; closeScope
             print 1; yield; print 2; yield; print 3
             print 1; yield; print 2; yield; print 3`,
    want: { stdout: lines(1001, 2001, 1002, 2002, 1003, 2003), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "a receive from a full buffer takes the oldest and moves the first blocked sender's value in",
    script: `chan 0 1 ints; open; spawn 1 1; spawn 2 1; yield; recv 0; recv 0; recv 0; closeScope
             send 0 10; send 0 11; print 1
             send 0 20; print 2`,
    want: { stdout: lines(10, 11, 20, 1001, 2002), stderr: leak(1, 88), status: 0 },
  },
  {
    name: "close wakes every waiting receiver, first come first served, each with None; close never switches",
    script: `chan 0 0 ints; open; spawn 1 3; yield; close 0; print 9; closeScope
             recv 0; print 5`,
    want: { stdout: lines(9, -1, 1005, -1, 2005, -1, 3005), stderr: leak(1, 80), status: 0 },
  },
  {
    name: "a sender blocked when the channel closes panics when it runs",
    script: `chan 0 0 ints; open; spawn 1 1; spawn 2 1; yield; close 0; print 9; closeScope
             send 0 1; print 1
             print 2`,
    want: { stdout: lines(2002, 9), stderr: "panic: send on closed channel\n", status: 101 },
  },
  {
    name: "a send on a closed channel panics",
    script: "chan 0 5 ints; close 0; print 1; send 0 1; print 2",
    want: { stdout: lines(1), stderr: "panic: send on closed channel\n", status: 101 },
  },
  {
    name: "closing a closed channel does nothing; its values can still be received, then None",
    script: "chan 0 2 ints; send 0 1; close 0; close 0; recv 0; recv 0; print 7",
    want: { stdout: lines(1, -1, 7), stderr: leak(1, 96), status: 0 },
  },
  {
    name: "deadlock: main receives from an empty channel nobody sends on",
    script: "chan 0 0 ints; print 1; recv 0; print 2",
    want: { stdout: lines(1), stderr: "panic: deadlock\n", status: 101 },
  },
  {
    name: "deadlock: two tasks wait on each other while main waits at its scope's end",
    script: `chan 0 0 ints; chan 1 0 ints; open; spawn 1 1; spawn 2 1; closeScope; print 9
             recv 0; send 1 1
             recv 1; send 0 2`,
    want: { stdout: "", stderr: "panic: deadlock\n", status: 101 },
  },
  {
    name: "deadlock: the last task finishes while main waits on a channel",
    script: `chan 0 0 ints; open; spawn 1 1; recv 0
             print 1`,
    want: { stdout: lines(1001), stderr: "panic: deadlock\n", status: 101 },
  },
  {
    name: "a negative capacity panics",
    script: "print 1; chan 0 -1 ints; print 2",
    want: { stdout: lines(1), stderr: "panic: bad channel capacity\n", status: 101 },
  },
  {
    name: "a scope whose tasks have all finished ends without a switch",
    script: `open; spawn 1 1; open; closeScope; print 1; closeScope; print 2
             print 5`,
    want: { stdout: lines(1, 1005, 2), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "a task's spawn belongs to the scope it was spawned in; the scope's end waits for it too",
    script: `open; spawn 1 1; closeScope; print 9
             spawn 2 1; print 1
             print 2`,
    want: { stdout: lines(1001, 2002, 9), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "values in a channel are counted: released with the channel",
    script: `chan 0 4 refs; open; spawn 1 2; closeScope; recv 0; drop 0
             send 0 7; send 0 8`,
    want: { stdout: lines(7), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "values in a channel are counted: live while the channel is",
    script: `chan 0 4 refs; open; spawn 1 2; closeScope; recv 0
             send 0 7; send 0 8`,
    want: { stdout: lines(7), stderr: leak(4, 112 + 3 * 24), status: 0 },
  },
  {
    name: "a channel released while a task waits on it lives until the task is done with it",
    script: `chan 0 0 refs; open; spawn 1 1; yield; send 0 3; drop 0; print 1
             recv 0; print 2`,
    want: { stdout: lines(1, 3, 1002), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "exit in a task ends the program with its status, reporting nothing",
    script: `chan 0 1 ints; open; spawn 1 1; recv 0
             print 1; exit 3; print 2`,
    want: { stdout: lines(1001), stderr: "", status: 3 },
  },
  {
    name: "recursion 100,000 calls deep in two tasks that switch at the bottom",
    script: `open; spawn 1 2
             recurse 100000`,
    want: { stdout: lines(5000050100000, 5000050200000), stderr: leak(0, 0), status: 0 },
  },
  {
    name: "a stack overflow in a task panics",
    script: `open; spawn 1 1; print 1; closeScope
             print 2; forever`,
    want: { stdout: lines(1, 1002), stderr: "panic: stack overflow\n", status: 101 },
  },
];

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
