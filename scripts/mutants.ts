// `npm run mutants`: proof that the properties bite. Each fault below is a
// small textual change to one compiled pass (dist/passes/..., or a helper of a pass beside it), or to the
// instruction templates emit-asm prints with (dist/ir-defs/). For each, alone,
// the script copies dist/ to a scratch folder, applies the change there (and
// fails loudly when the text to replace is not found exactly once), and runs
// the quick property run (tests/props/quick.ts: the one of `npm test`) from
// that copy. Every fault must be caught; the script reports which property
// caught it, the pass it named, and after how many generated programs.
// An unchanged copy runs first, as the control: it must pass. The faults in the
// lowering of tasks and channels (`tasks`) are run against the property of
// concurrent programs instead (props/tasks-check.ts, tests/props/quick.ts's quickTasks).
// `npm run mutants -- WORD` runs only the faults whose name contains WORD.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { targets } from "../ir-defs/targets.js";
import { quickRun, quickTasks } from "../tests/props/quick.js";
import type { PropsReport, runProperties } from "../props/run.js";
import type { checkTaskPrograms } from "../props/tasks-check.js";
import { mutants } from "../tests/props/mutants.js";
import { scratchCopy } from "../tests/props/scratch.js";



/** What a fault's run found: the failure (property, pass, source) and after how many programs; null when none. */
type Found = { failure: { property: string; pass: string | null; message: string }; source: string; programs: number } | null;

async function runFrom(root: string, tasks = false): Promise<{ found: Found; runs: number; ms: number }> {
  const started = performance.now();
  if (tasks) {
    const module = (await import(pathToFileURL(join(root, "dist", "props", "tasks-check.js")).href)) as { checkTaskPrograms: typeof checkTaskPrograms };
    const { failure } = module.checkTaskPrograms(quickTasks.runs, quickTasks.seed);
    const found: Found = failure && { failure: { property: "concurrent programs", pass: null, message: failure.message }, source: failure.source, programs: failure.programs };
    return { found, runs: failure?.programs ?? quickTasks.runs, ms: performance.now() - started };
  }
  const module = (await import(pathToFileURL(join(root, "dist", "props", "run.js")).href)) as { runProperties: typeof runProperties };
  const report: PropsReport = await module.runProperties({ ...quickRun, targets, endToEnd: true, regressions: null });
  return { found: report.failure, runs: report.runs, ms: report.ms };
}

// Each copy's modules register their own exit handlers (to remove temporary files).
process.setMaxListeners(mutants.length + 10);
const started = performance.now();
const only = process.argv[2];
const chosen = mutants.filter((m) => only === undefined || m.name.includes(only));
const control = scratchCopy(null);
try {
  for (const tasks of [false, true].filter((t) => chosen.some((m) => (m.tasks === true) === t))) {
    const report = await runFrom(control, tasks);
    if (report.found) {
      console.log(`the control (no fault) fails: ${report.found.failure.property}: ${report.found.failure.message}`);
      process.exit(1);
    }
    console.log(`control (no fault): ${report.runs} ${tasks ? "concurrent " : ""}programs pass (${(report.ms / 1000).toFixed(1)} s)`);
  }
} finally {
  rmSync(control, { recursive: true, force: true });
}

let missed = 0;
for (const mutant of chosen) {
  const root = scratchCopy(mutant);
  try {
    const report = await runFrom(root, mutant.tasks === true);
    const f = report.found;
    if (f === null) {
      missed++;
      console.log(`NOT CAUGHT  ${mutant.name} (${report.runs} programs)`);
      continue;
    }
    const lines = f.source.trimEnd().split("\n").length;
    const size = mutant.tasks ? `a program of ${lines} lines (not shrunk)` : `shrunk to ${lines} lines`;
    console.log(`caught      ${mutant.name}\n            by "${f.failure.property}"${f.failure.pass ? ` at ${f.failure.pass}` : ""} after ${f.programs} program(s); ${size} (${(report.ms / 1000).toFixed(1)} s)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
console.log(`${chosen.length - missed} of ${chosen.length} faults caught in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(missed === 0 ? 0 : 1);
