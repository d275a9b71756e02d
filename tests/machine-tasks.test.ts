// The machine models run tasks (issue 19): programs of the back ends' first ILs
// (Lx86var, La64var) that call the runtime's task and channel routines, made
// from scheduler scripts (tests/sched/machine.ts), run through every back-end
// pass of their target with the driver's checking loop: each IL's machine model
// must print what the scheduler model prints for the script (runModel, over
// interp/scheduler.ts), end the same way and leave the same objects live, and
// so must the binary (AArch64 under qemu).
//
// - the brief's rules, one script each (tests/sched/examples.ts);
// - random scripts (tests/sched/arbitrary.ts): blocking, waking, deadlocks,
//   sends on closed channels, nested scopes, thousands of tasks, recursion in
//   tasks that switch, exit and panics in tasks;
// - the planted faults of tests/sched/faults.ts (LIFO, a wake-up at the front,
//   a close that forgets its waiters), given to the models as their scheduler:
//   every back-end IL's model then disagrees with the scheduler model on one of
//   the rules' scripts;
// - what the models check of the code between switches: a task's callee-saved
//   registers are kept across a switching call, its caller-saved ones are not,
//   and a deep recursion in a task meets the stack's limit as main's does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkPasses, type Start } from "../driver/driver.js";
import { assembleAndLink } from "../driver/toolchain.js";
import type { IL } from "../il/define.js";
import { ilName, type Pass } from "../il/pass.js";
import { readProgram } from "../il/read.js";
import { findIL } from "../ir-defs/index.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { interpreterFor } from "../interp/index.js";
import { pipeline } from "../passes/pipeline.js";
import { checkBinary, checkRun } from "./checked-runs.js";
import type { Run } from "./golden-programs.js";
import { scriptArbitrary } from "./sched/arbitrary.js";
import { examples } from "./sched/examples.js";
import { faults } from "./sched/faults.js";
import { scriptProgram, writers } from "./sched/machine.js";
import { parseScript, runModel, show, type Op, type Script } from "./sched/script.js";

const dir = mkdtempSync(join(tmpdir(), "qnano-machine-tasks-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

/** The models nest at most interp/runtime-model.ts's maxCallDepth calls: a deeper `recurse` is made 5,000 deep here (scheduler.test.ts runs the 100,000 on the runtimes). */
const withinTheModels = (script: Script): Script => script.map((block) => block.map((op): Op => (op.op === "recurse" && op.depth > 5000 ? { ...op, depth: 5000 } : op)));

/** A script's program in the target's first IL, and the passes from there to the assembly. */
function programOf(script: Script, target: Target): { start: Start & { readonly program: unknown; readonly il: IL }; passes: readonly Pass[] } {
  const il = findIL(writers[target].extension)!;
  const source = scriptProgram(script, target);
  const passes = pipeline(target);
  return { start: { program: readProgram(il, source), il, check: true, context: { file: `script.${writers[target].extension}`, source } }, passes: passes.slice(passes.findIndex((p) => p.from === il)) };
}

/** What the scheduler model shows for a script, as a run the checks read, and the objects it leaves live (null: main did not return). */
function expected(script: Script): { run: Run; live: number | null } {
  const seen = runModel(script);
  const leak = /^leak check: (\d+) objects/.exec(seen.stderr);
  const panic = /^panic: (.*)\n$/.exec(seen.stderr)?.[1] ?? null;
  return { run: { stdin: "", stdout: seen.stdout, stderr: panic === null ? "" : seen.stderr, status: seen.status ?? -1, panic }, live: leak ? Number(leak[1]) : null };
}

/** Every back-end model, and the binary when asked, gives what the scheduler model gives. */
function check(script: Script, target: Target, binary: boolean, name: string): void {
  const { start, passes } = programOf(script, target);
  const { run, live } = expected(script);
  const { steps, asm, live: found } = checkRun(start, passes, run, { live: live ?? 0 });
  for (const s of steps) if (typeof s.pass.to !== "string") assert.ok(s.outcome !== null, `the model of ${ilName(s.pass.to)} ran`); // (all but the assembly text)
  assert.is(found === null ? null : found.objects, live, "the objects live when main returns");
  if (!binary) return;
  const exe = join(dir, `${name}.${target}`);
  assembleAndLink(asm, target, exe);
  checkBinary(exe, target, run, found);
}

const rules = suite("machine models: the brief's rules, through every back-end pass and the binary");
for (const target of targets) {
  examples.forEach((e, i) => rules(`${target}: ${e.name}`, () => check(withinTheModels(parseScript(e.script)), target, true, `rule${i}`)));
}
rules.run();

const property = suite("machine models: random scripts agree with the scheduler model");
for (const [target, runs, binaries] of [["x86_64", 40, 10], ["aarch64", 30, 6]] as const) {
  property(`${runs} scripts on ${target}'s models, the first ${binaries} on its binaries too`, () => {
    let n = 0;
    fc.assert(
      fc.property(scriptArbitrary, (script) => {
        try {
          check(script, target, n < binaries, `random${n}`);
        } catch (e) {
          throw new Error(`${show(script)}\n${(e as Error).message}`);
        } finally {
          n++;
        }
      }),
      { numRuns: runs, seed: 1919 },
    );
  });
}
property.run();

const planted = suite("machine models: every planted fault in the scheduler shows through every back-end model");
for (const f of faults) {
  planted(f.name, () => {
    // The first rule whose script every model, run with the faulty scheduler, gets wrong.
    const caught = examples.find((e) =>
      targets.every((target) => {
        const script = withinTheModels(parseScript(e.script));
        const { run } = expected(script);
        const { start, passes } = programOf(script, target);
        const steps = [...checkPasses(start, passes, { validate: false, interpret: false })];
        const models = [{ output: start.program, il: start.il }, ...steps.map((s) => ({ output: s.output, il: s.pass.to }))].filter((s) => typeof s.il !== "string");
        return models.every(({ output, il }) => {
          const o = interpreterFor(ilName(il))!(output, { scheduler: f.make });
          return o.stdout !== run.stdout || o.status !== run.status || o.panic !== run.panic;
        });
      }),
    );
    assert.ok(caught !== undefined, `no rule's script shows the fault through the models: ${f.name}`);
    console.log(`  fault "${f.name}": caught by the rule "${caught!.name}"`);
  });
}
planted.run();

const registers = suite("machine models: a switching call keeps the callee-saved registers only");
// (the callee-saved ones: tests/backend/tasks_own_registers.*, through every pass and the binary)
const callerSaved: Readonly<Record<Target, { register: string; program: string }>> = {
  x86_64: {
    register: "%rcx",
    program: `
  main.start:
    callq qn_scope_open
    movq %rax, s.1
    leaq fn.task(%rip), code.2
    movq s.1, %rdi
    movq code.2, %rsi
    movq $0, %rdx
    callq qn_spawn # %rdi, %rsi, %rdx
    movq $5, %rcx
    callq qn_yield
    movq %rcx, %rdi
    callq qn_print_int # %rdi
    movq s.1, %rdi
    callq qn_scope_close # %rdi
    movq $0, %rax
    jmp main.conclusion

  task.start:
    movq $0, %rax
    jmp task.conclusion
`,
  },
  aarch64: {
    register: "x9",
    program: `
  main.start:
    bl qn_scope_open
    mov s.1, x0
    adrp code.2, fn.task
    add code.2, code.2, :lo12:fn.task
    mov x0, s.1
    mov x1, code.2
    mov x2, #0
    bl qn_spawn // x0, x1, x2
    mov x9, #5
    bl qn_yield
    mov x0, x9
    bl qn_print_int // x0
    mov x0, s.1
    bl qn_scope_close // x0
    mov x0, #0
    b main.conclusion

  task.start:
    mov x0, #0
    b task.conclusion
`,
  },
};
for (const target of targets) {
  const { register, program } = callerSaved[target];
  registers(`${target}: ${register} does not keep its value across qn_yield, which switched to another task`, () => {
    const il = findIL(writers[target].extension)!;
    const o = interpreterFor(il.name)!(readProgram(il, program));
    assert.is(o.status, 0);
    assert.is.not(o.stdout, "5\n");
    assert.match(o.stdout, /^-?\d{10,}\n$/, "the model's poison value");
  });
}
registers.run();
