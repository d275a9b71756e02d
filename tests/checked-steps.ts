// The back-end suites' use of the driver's checking loop: a hand-written
// program through a slice of the pipeline, each step asserted to be in its IL
// and run by its IL's interpreter; what the outcome must be is the suite's.
import * as assert from "uvu/assert";
import { checkPasses, type CheckedStep, type Start } from "../driver/driver.js";
import type { Outcome } from "../interp/runtime-model.js";
import { ilName, type Pass } from "../il/pass.js";

/** Checks every step up to the assembly text, handing each outcome to `each` (`where` names the step); returns the assembly text. */
export function checkedAssembly(start: Start, passes: readonly Pass[], stdin: string, each: (where: string, outcome: Outcome, step: CheckedStep) => void): string {
  let last: CheckedStep | null = null;
  for (const step of checkPasses(start, passes, { run: { stdin } })) {
    last = step;
    if (step.pass.to === "asm") break;
    const where = step.pass.name === "input" ? ilName(step.pass.to) : `${step.pass.name} -> ${ilName(step.pass.to)}`;
    assert.ok(step.validation?.ok, `${where}: ${step.explanation}`);
    assert.ok(step.outcome, `${where}: ${step.explanation}`);
    each(where, step.outcome, step);
  }
  assert.type(last?.output, "string", `the last pass gives assembly text (${last?.explanation})`);
  return last!.output as string;
}
