// The property of concurrent programs (issue 19), checked on generated ones
// (props/generator-tasks.ts): every pass's output is in its IL, and every
// IL's interpreter agrees with the source's; the binaries of both targets
// (AArch64 under qemu) give what the program means, worked out on the
// scheduler model from its actions (props/tasks-meaning.ts), and their leak
// check finds nothing when main returns. tests/tasks.test.ts runs
// it, which `npm run mutants` runs for the faults in the lowering of tasks.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { assemblyOf, checkPasses, isBad } from "../driver/driver.js";
import { assembleAndLink, runBinary } from "../driver/toolchain.js";
import { targets } from "../ir-defs/targets.js";
import { pipeline } from "../passes/pipeline.js";
import { taskPrograms, taskSource, type TaskProgram } from "./generator-tasks.js";
import { taskMeaning, type TaskMeaning } from "./tasks-meaning.js";

export interface TaskFailure {
  readonly source: string;
  readonly message: string;
  /** How many programs were checked, this one included. */
  readonly programs: number;
}

export interface TaskReport {
  readonly failure: TaskFailure | null;
  /** How the programs checked ended: "ends", or each panic's message. */
  readonly endings: ReadonlySet<string>;
}

/** What a binary must print on stderr: the panic, or the leak check's clean line when main returned. */
const stderrOf = (m: TaskMeaning): string => (m.panic !== null ? `panic: ${m.panic}\n` : "leak check: 0 objects, 0 bytes live\n");

/** What is wrong with one program on both targets, or null. */
function checkProgram(p: TaskProgram, dir: string): string | null {
  const source = taskSource(p);
  const want = taskMeaning(p);
  const reference = { outcome: { ...want, outOfFuel: false }, name: "the scheduler model of its actions" };
  for (const target of targets) {
    const steps = [...checkPasses({ source, file: "tasks.qs" }, pipeline(target), { reference })];
    const bad = steps.find(isBad);
    if (bad) return `${bad.pass.name} on ${target}: ${bad.explanation}`;
    const exe = join(dir, `tasks.${target}`);
    assembleAndLink(assemblyOf(steps), target, exe);
    let got: ReturnType<typeof runBinary>;
    try {
      got = runBinary(exe, target, { env: { QNANO_LEAK_CHECK: "1" } });
    } catch (e) {
      return `the binary on ${target} could not be run to its end: ${e instanceof Error ? e.message : String(e)}`; // (endless output, say)
    }
    const seen = { stdout: got.stdout, stderr: got.stderr, status: got.status, timedOut: got.timedOut };
    const wanted = { stdout: want.stdout, stderr: stderrOf(want), status: want.status, timedOut: false };
    if (JSON.stringify(seen) !== JSON.stringify(wanted)) return `the binary on ${target} gives ${JSON.stringify(seen)}, the program means ${JSON.stringify(wanted)}`;
  }
  return null;
}

/** Checks `runs` generated concurrent programs from `seed`; stops at the first failure. */
export function checkTaskPrograms(runs: number, seed: number, arbitrary: fc.Arbitrary<TaskProgram> = taskPrograms): TaskReport {
  const dir = mkdtempSync(join(tmpdir(), "qnano-tasks-"));
  const endings = new Set<string>();
  try {
    const programs = fc.sample(arbitrary, { numRuns: runs, seed });
    for (const [n, p] of programs.entries()) {
      const message = checkProgram(p, dir);
      if (message !== null) return { failure: { source: taskSource(p), message, programs: n + 1 }, endings };
      endings.add(taskMeaning(p).panic ?? "ends");
    }
    return { failure: null, endings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
