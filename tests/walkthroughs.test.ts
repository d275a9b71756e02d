// The walk-throughs' exercises (spec/walkthroughs.md) checked: each reference
// solution in tests/walkthroughs/ is applied and gives what the exercise
// states, so the exercises cannot rot as the compiler changes.
import { readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkPasses, isBad, preludeFile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { Lmodules } from "../ir-defs/lmodules.js";
import { targets } from "../ir-defs/targets.js";
import { parse } from "../passes/parse.js";
import { pipeline } from "../passes/pipeline.js";
import { mutants } from "./props/mutants.js";
import { scratchCopy } from "./props/scratch.js";

const exercises = suite("the walk-throughs' exercises, solved");
const solution = (name: string) => readFileSync(join(packageRoot, "tests", "walkthroughs", name), "utf8");

/** What `program` prints with the prelude grown by `addition`, checked through every pass of both
 * targets (each output in its IL, each interpreter giving the source's outcome). */
function printsWithPrelude(addition: string, program: string): string {
  const prelude = { file: preludeFile, source: `${readFileSync(join(packageRoot, preludeFile), "utf8")}\n${addition}` };
  const context = { file: "exercise.qs", source: program, prelude };
  const outputs = targets.map((target) => {
    const steps = [...checkPasses({ program: parse.run(program, context), il: Lmodules, check: true, context }, pipeline(target).slice(1))];
    const bad = steps.find(isBad);
    assert.ok(!bad, bad ? `${bad.pass.name} on ${target}: ${bad.explanation}` : "");
    return steps.find((s) => s.outcome)!.outcome!.stdout; // (the source's: every later one agrees)
  });
  assert.is(outputs[1], outputs[0]);
  return outputs[0]!;
}

/** What `program` prints, with the prelude as it is, checked the same way. */
const prints = (program: string): string => printsWithPrelude("", program);

/** What `qnano bisect` says of a golden program, on x86-64, with a mutant applied to a scratch copy. */
function bisectWith(mutantName: string, program: string): { status: number | null; stdout: string; stderr: string } {
  const mutant = mutants.find((m) => m.name === mutantName)!;
  const root = scratchCopy(mutant);
  try {
    const file = join(packageRoot, "tests", "programs", program);
    const { FORCE_COLOR: _, ...env } = process.env;
    return spawnSync(process.execPath, [join(root, "dist", "cli", "main.js"), "bisect", file, "--target", "x86_64"], { encoding: "utf8", env: { ...env, NO_COLOR: "1" } });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

exercises("Methods: `impl[A: Show, B: Show] Show for (A, B)` in the prelude makes `(1, true).show()` `(1, true)`", () => {
  assert.is(printsWithPrelude(solution("show-pairs.prelude.qs"), solution("show-pairs.qs")), "(1, true)\n");
});

exercises("Methods: a prelude protocol Hash and count_distinct[T: Eq + Hash], with no change to the compiler", () => {
  assert.is(printsWithPrelude(solution("hash.prelude.qs"), solution("hash.qs")), "3\n2\n");
});

exercises("Methods: drops in the order of their usings, and bisect points at expand-using", () => {
  const r = bisectWith("expand-using: the drops of one exit run in the order of their usings", "using_nested_loops.qs");
  assert.is(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^first bad pass: expand-using \(Lnomatch -> Lnousing\): it changed the meaning/);
});

exercises("try_send: a producer that never waits counts the readings it had to drop", () => {
  assert.is(prints(solution("try-send-dropped.qs")), "0\n1\n2\n3\n4\n6\n8\n3\n");
});

exercises("try_send: made to yield in the interpreters above the machine models, bisect blames select-instructions, which is innocent", () => {
  const r = bisectWith("interp/tasks: try_send yields before it sends (it must never switch)", "tasks_try_send_full.qs");
  assert.is(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^first bad pass: select-instructions \(x86_64\) \(Lalloc -> Lx86select\): it changed the meaning/);
  // The source's interpreter already has the fault: what it prints is not the golden's .out, which the binary prints.
  assert.match(r.stdout, /the source gives status 0; 9 line\(s\) of output, stdout "100\\ntrue\\n/);
});

exercises.run();
