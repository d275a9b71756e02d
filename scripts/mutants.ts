// `npm run mutants`: proof that the properties bite. Each fault below is a
// small textual change to one compiled pass (dist/passes/..., or a helper of a pass beside it), to the
// instruction templates emit-asm prints with (dist/ir-defs/), or to the scheduler
// model every interpreter runs (dist/interp/tasks.js). For each, alone,
// the script copies dist/ to a scratch folder, applies the change there (and
// fails loudly when the text to replace is not found exactly once), and runs
// the quick property run (tests/props/quick.ts: the one of `npm test`) from
// that copy. Every fault must be caught; the script reports which property
// caught it, the pass it named, and after how many generated programs.
// An unchanged copy runs first, as the control: it must pass. A fault that
// keeps the meaning (a recursive function inlined once) names instead the test
// suite that must catch it (tests/NAME.test.ts), run from the copy (and from
// the control, where it must pass), with a time limit: a fault that made the
// compiler hang stops the run with an error.
// `npm run mutants -- WORD` runs only the faults whose name contains WORD.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { targets } from "../ir-defs/targets.js";
import { quickRun } from "../tests/props/quick.js";
import type { PropsReport, runProperties } from "../props/run.js";
import { mutants } from "../tests/props/mutants.js";
import { scratchCopy } from "../tests/props/scratch.js";

/** Whether the suite tests/NAME.test.ts passes, run from a copy; within 20 minutes (a fault that
 * makes the compiler hang is not caught: it fails the run). */
function suitePasses(root: string, name: string): boolean {
  const uvu = join(root, "node_modules", "uvu", "bin.js");
  const run = spawnSync(process.execPath, [uvu, join(root, "dist", "tests"), `^${name}\\.test\\.js$`], { encoding: "utf8", timeout: 20 * 60_000 });
  if (run.signal !== null) throw new Error(`tests/${name}.test.ts did not finish in 20 minutes (${run.signal}) from ${root}`);
  return run.status === 0;
}

async function runFrom(root: string): Promise<PropsReport> {
  const module = (await import(pathToFileURL(join(root, "dist", "props", "run.js")).href)) as { runProperties: typeof runProperties };
  return module.runProperties({ ...quickRun, targets, endToEnd: true, regressions: null });
}

// Each copy's modules register their own exit handlers (to remove temporary files).
process.setMaxListeners(mutants.length + 10);
const started = performance.now();
const only = process.argv[2];
const chosen = mutants.filter((m) => only === undefined || m.name.includes(only));
const control = scratchCopy(null);
try {
  const report = await runFrom(control);
  if (report.failure) {
    console.log(`the control (no fault) fails: ${report.failure.failure.property}: ${report.failure.failure.message}`);
    process.exit(1);
  }
  console.log(`control (no fault): ${report.runs} programs pass (${(report.ms / 1000).toFixed(1)} s)`);
  for (const test of new Set(chosen.flatMap((m) => (m.test === undefined ? [] : [m.test])))) {
    if (!suitePasses(control, test)) {
      console.log(`the control (no fault) fails tests/${test}.test.ts`);
      process.exit(1);
    }
    console.log(`control (no fault): tests/${test}.test.ts passes`);
  }
} finally {
  rmSync(control, { recursive: true, force: true });
}

let missed = 0;
for (const mutant of chosen) {
  const root = scratchCopy(mutant);
  try {
    if (mutant.test !== undefined) {
      const start = performance.now();
      const caught = !suitePasses(root, mutant.test);
      if (!caught) missed++;
      console.log(`${caught ? "caught     " : "NOT CAUGHT "} ${mutant.name}\n            by tests/${mutant.test}.test.ts (${((performance.now() - start) / 1000).toFixed(1)} s)`);
      continue;
    }
    const report = await runFrom(root);
    const f = report.failure;
    if (f === null) {
      missed++;
      console.log(`NOT CAUGHT  ${mutant.name} (${report.runs} programs)`);
      continue;
    }
    const lines = f.source.trimEnd().split("\n").length;
    console.log(`caught      ${mutant.name}\n            by "${f.failure.property}"${f.failure.pass ? ` at ${f.failure.pass}` : ""} after ${f.programs} program(s); shrunk to ${lines} lines (${(report.ms / 1000).toFixed(1)} s)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
console.log(`${chosen.length - missed} of ${chosen.length} faults caught in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(missed === 0 ? 0 : 1);
