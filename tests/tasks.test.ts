// Concurrent programs through the whole compiler (issue 19): the generated
// programs of props/generator-tasks.ts (bounded; some deadlock, some send on a
// closed channel, some end normally) go through every pass, each output
// validated against its IL and, where that IL's interpreter runs tasks
// (`runsTasks`), interpreted; the binaries of both targets (AArch64 under
// qemu) must give what the program means, worked out on the scheduler model
// from its actions (props/tasks-meaning.ts), and their leak check must find
// nothing when main returns. The source interpreter becomes the reference
// once it runs tasks (helper B); until then the model is.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { assemblyOf, checkPasses, throwIfBroken } from "../driver/driver.js";
import { assembleAndLink, runBinary } from "../driver/toolchain.js";
import { targets } from "../ir-defs/targets.js";
import { pipeline } from "../passes/pipeline.js";
import { taskPrograms, taskSource, type TaskProgram } from "../props/generator-tasks.js";
import { taskMeaning, type TaskMeaning } from "../props/tasks-meaning.js";
import { quickRun } from "./props/quick.js";

const dir = mkdtempSync(join(tmpdir(), "qnano-tasks-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

/** What a binary must print on stderr: the panic, or the leak check's clean line when main returned. */
const stderrOf = (m: TaskMeaning): string => (m.panic !== null ? `panic: ${m.panic}\n` : "leak check: 0 objects, 0 bytes live\n");

/** Checks one program on both targets against its meaning; its outcome kind, for the coverage test. */
function checkProgram(p: TaskProgram, n: number): string {
  const source = taskSource(p);
  const want = taskMeaning(p);
  const reference = { outcome: { ...want, outOfFuel: false }, name: "the scheduler model of its actions" };
  for (const target of targets) {
    const steps = [...checkPasses({ source, file: "tasks.qs" }, pipeline(target), { reference })];
    for (const step of steps) {
      throwIfBroken(step);
      const text = typeof step.pass.to === "string"; // emit-asm's output, assembly text, is not checked
      assert.ok(step.verdict.kind === (text ? "unchecked" : "agrees") || (!text && step.verdict.kind === "valid"), `${step.pass.name} on ${target}: ${step.verdict.kind}, for\n${source}`);
    }
    const exe = join(dir, `tasks${n}.${target}`);
    assembleAndLink(assemblyOf(steps), target, exe);
    const got = runBinary(exe, target, { env: { QNANO_LEAK_CHECK: "1" } });
    const on = `on ${target}, for\n${source}`;
    assert.is(got.timedOut, false, `timed out ${on}`);
    assert.is(got.stdout, want.stdout, `stdout ${on}`);
    assert.is(got.stderr, stderrOf(want), `stderr ${on}`);
    assert.is(got.status, want.status, `status ${on}`);
  }
  return want.panic ?? "ends";
}

test("generated concurrent programs: every pass's output is in its IL, and the binaries of both targets give what the program means, leaking nothing", () => {
  const seen = new Set<string>();
  fc.sample(taskPrograms, { numRuns: 60, seed: quickRun.seed }).forEach((p, n) => seen.add(checkProgram(p, n)));
  assert.equal([...seen].sort(), ["bad channel capacity", "deadlock", "ends", "send on closed channel"], "the sample ends every way");
});

test.run();
