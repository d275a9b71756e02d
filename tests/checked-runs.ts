// A program's run, checked the one way every program file is (tests/golden.test.ts,
// tests/backend.test.ts): each step of the driver's checking loop is in its IL
// and its interpreter gives what the run must give, with no object live when
// main returns but those the case expects; the same passes run again give the
// same assembly; the binary, linked with the runtime and run on its target
// (AArch64 under qemu-aarch64 on another host), gives it too, and its leak
// check finds what the models found.
import * as assert from "uvu/assert";
import { assemblyOf, checkPasses, throwIfBroken, type CheckedStep, type Start } from "../driver/driver.js";
import { runBinary } from "../driver/toolchain.js";
import type { Target } from "../ir-defs/targets.js";
import { ilName, type Pass } from "../il/pass.js";
import { describeOutcome, type Outcome } from "../interp/runtime-model.js";
import type { MoreRun, Run } from "./golden-programs.js";

export type Live = NonNullable<Outcome["live"]>;

export interface CheckedRun {
  /** Every step, the program the check starts from first (when it is checked). */
  readonly steps: readonly CheckedStep[];
  readonly asm: string;
  /** What the last interpreter that counts references found live when main returned (null: main did not return). */
  readonly live: Live | null;
}

export interface RunCheckOptions {
  /** Objects the interpreters that count references must find live when main returns (default 0). */
  readonly live?: number;
  /** Which passes' outputs to check (the driver's `only`). */
  readonly only?: (pass: Pass) => boolean;
  /** More to assert of each interpreted step. */
  readonly each?: (where: string, outcome: Outcome) => void;
}

/** Where a step is, in a message: the pass and its IL, or the IL the check starts from. */
export const stepName = (step: CheckedStep): string => (step.pass.name === "input" ? `the input (${ilName(step.pass.to)})` : `${step.pass.name} -> ${ilName(step.pass.to)}`);

/** Which run a message is about: nothing for a program's first run, ` (run LABEL)` for NAME.LABEL.in's. */
const whichRun = (run: Run): string => ((run as Partial<MoreRun>).label === undefined ? "" : ` (run ${(run as MoreRun).label})`);

/** Runs the passes from `start` with the driver's checking loop, asserting each step; returns them and the assembly. */
export function checkRun(start: Start, passes: readonly Pass[], run: Run, options: RunCheckOptions = {}): CheckedRun {
  const steps: CheckedStep[] = [];
  let live: Live | null = null;
  let counted = false; // an interpreter before this step counted references: every later one must
  for (const step of checkPasses(start, passes, { run: { stdin: run.stdin }, only: options.only })) {
    throwIfBroken(step);
    steps.push(step);
    const o = step.outcome;
    if (o === null) continue;
    const where = `${stepName(step)}${whichRun(run)}`;
    assert.is(o.outOfFuel, false, `${where}: ran out of fuel`);
    assert.is(o.stdout, run.stdout, `${where}: stdout (${describeOutcome(o)})`);
    assert.is(o.status, run.status, `${where}: exit status`);
    assert.is(o.panic, run.panic, `${where}: panic message`);
    live = o.live ?? null;
    if (counted) assert.ok(live, `${where}: its interpreter counts no objects, though one before it did`);
    counted ||= live !== null;
    if (live !== null) {
      assert.is(live.objects, options.live ?? 0, `${where}: objects still live when main returns`);
      if ((options.live ?? 0) === 0) assert.is(live.bytes, 0, `${where}: bytes still live when main returns`);
    }
    options.each?.(where, o);
  }
  return { steps, asm: assemblyOf(steps), live };
}

/** The assembly the passes give from `start` again, neither validated nor interpreted (as `qnano build` makes it). */
export function assemblyAgain(start: Start, passes: readonly Pass[]): string {
  return assemblyOf([...checkPasses(start, passes, { validate: false, interpret: false })]);
}

/** The leak check's line when main returned (QNANO_LEAK_CHECK=1, spec/heap.md). */
const leakLine = (live: Live | null) => (live === null ? "" : `leak check: ${live.objects} objects, ${live.bytes} bytes live\n`);

/** Runs the binary on `run`'s input with the leak check on, and asserts what it gives. */
export function checkBinary(exe: string, target: Target, run: Run, live: Live | null): void {
  const result = runBinary(exe, target, { stdin: run.stdin, env: { QNANO_LEAK_CHECK: "1" } });
  const on = `${target}${whichRun(run)}`;
  assert.is(result.timedOut, false, `${on}: the binary timed out`);
  assert.is(result.stdout, run.stdout, `${on}: binary stdout`);
  assert.is(result.stderr, run.stderr + leakLine(live), `${on}: binary stderr`);
  assert.is(result.status, run.status, `${on}: binary exit status`);
}

/** Runs the binary on a run too long for the interpreters (a golden's NAME.N.in). */
export function checkLargeRun(exe: string, target: Target, run: Run): void {
  const result = runBinary(exe, target, { stdin: run.stdin });
  const on = `${target}${whichRun(run)}`;
  assert.is(result.timedOut, false, `${on}: the binary timed out`);
  assert.is(result.stderr, run.stderr, `${on}: binary stderr (a stack overflow would be a panic)`);
  assert.is(result.stdout, run.stdout, `${on}: binary stdout`);
  assert.is(result.status, run.status, `${on}: binary exit status`);
}

