// The tree and Lcfg interpreters run tasks (interp/tasks.ts): hand-written
// concurrent programs (tests/interp-tasks/, each output checked against the
// compiled binary when written) through every pass, each step's interpreter
// giving the program's output, status and panic with nothing live at the end
// from Lrc on; the generator form, forced, agrees with the direct form on a
// program that spawns nothing; and each fault planted in the scheduler
// (tests/sched/faults.ts) changes what some program gives in every tree and
// Lcfg interpreter tried, so the interpreters would catch it.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { checkPasses, compile, throwIfBroken } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { ilName, type Pass } from "../il/pass.js";
import { generatorInterpreterFor, interpreterFor } from "../interp/index.js";
import { sameOutcome, describeOutcome, type Outcome } from "../interp/runtime-model.js";
import { pipeline } from "../passes/pipeline.js";
import { stepName } from "./checked-runs.js";
import { loadGoldens, type Golden } from "./golden-programs.js";
import { faults } from "./sched/faults.js";

const programs = loadGoldens(join(packageRoot, "tests", "interp-tasks"));
const treeAndCfg = (il: string) => generatorInterpreterFor(il) !== undefined;
for (const g of programs) {
  test(`${g.name}: every tree and Lcfg interpreter gives its output through every pass`, () => {
    const passes = pipeline("x86_64");
    const only = (p: Pass) => typeof p.to !== "string" && treeAndCfg(ilName(p.to));
    let ran = 0;
    for (const step of checkPasses({ source: g.source, file: g.path }, passes, { run: { stdin: g.stdin }, only })) {
      throwIfBroken(step);
      const o = step.outcome;
      if (o === null) continue;
      ran++;
      const where = stepName(step);
      assert.is(o.stdout, g.stdout, `${where}: stdout (${describeOutcome(o)})`);
      assert.is(o.status, g.status, `${where}: exit status`);
      assert.is(o.panic, g.panic, `${where}: panic message`);
      if (o.live && o.status === 0) assert.equal(o.live, { objects: 0, bytes: 0 }, `${where}: objects live when main returns`);
      assert.ok(step.verdict.kind === "agrees", `${where}: ${step.explanation}`);
    }
    assert.ok(ran >= 40, `only ${ran} steps interpreted`);
  });
}

/** Every tree and Lcfg IL's program of a golden, from one compilation. */
function programsOf(g: Golden): { il: string; program: unknown }[] {
  const steps = compile(g.source, g.path, { target: "x86_64" });
  return steps.flatMap((s) => (typeof s.pass.to !== "string" && treeAndCfg(ilName(s.pass.to)) ? [{ il: ilName(s.pass.to), program: s.output }] : []));
}

test("no_tasks: the generator form, forced, gives what the direct form gives at every IL", () => {
  const g = programs.find((p) => p.name === "no_tasks")!;
  for (const { il, program } of programsOf(g)) {
    const direct = interpreterFor(il)!(program);
    const generators = generatorInterpreterFor(il)!(program);
    assert.ok(sameOutcome(direct, generators), `${il}: direct ${describeOutcome(direct)}, generators ${describeOutcome(generators)}`);
    assert.is(direct.panic, "deadlock", il);
  }
});

const expected = (g: Golden, o: Outcome) => o.stdout === g.stdout && o.status === g.status && o.panic === g.panic;

for (const fault of faults) {
  test(`a scheduler whose ${fault.name} is caught by every tree and Lcfg interpreter`, () => {
    const runs = programs.filter((g) => g.name !== "no_tasks").map((g) => ({ g, steps: programsOf(g) }));
    const ils = new Set(runs.flatMap((r) => r.steps.map((s) => s.il)));
    for (const il of ils) {
      const caught = runs.some(({ g, steps }) => {
        const step = steps.find((s) => s.il === il);
        if (step === undefined) return false;
        assert.ok(expected(g, interpreterFor(il)!(step.program)), `${g.name} at ${il} with the right scheduler`);
        return !expected(g, interpreterFor(il)!(step.program, { scheduler: fault.make }));
      });
      assert.ok(caught, `${il}: no program shows the fault`);
    }
  });
}

test.run();
