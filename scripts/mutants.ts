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
// `npm run mutants -- WORD` runs only the faults whose name contains WORD;
// `npm run mutants -- --from N` the N-th fault of the list and those after it.
// Each quick run is a process of its own (a copy's modules are loaded anew each time);
// one that crashes, or that has not ended in 10 minutes (a pass that never
// ends: npm test stops such a file at its time limit), counts as caught.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { targets } from "../ir-defs/targets.js";
import { quickRun } from "../tests/props/quick.js";
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

/** What the quick run from a copy found: how many programs it ran, and the first failure, shrunk. */
interface Outcome {
  readonly runs: number;
  readonly ms: number;
  readonly failure: { readonly source: string; readonly programs: number; readonly property: string; readonly pass: string | null; readonly message: string } | null;
}

/** The quick property run (tests/props/quick.ts) from a copy, in a process of its own: each copy's
 * modules are loaded anew, and a process that loaded all 97 ran out of memory at the 70th. */
function runFrom(root: string): Outcome {
  const report = join(root, "mutant-report.json");
  const code = `
    const { runProperties } = await import(${JSON.stringify(pathToFileURL(join(root, "dist", "props", "run.js")).href)});
    const r = await runProperties(${JSON.stringify({ ...quickRun, targets, endToEnd: true, regressions: null })});
    const f = r.failure;
    const failure = f && { source: f.source, programs: f.programs, property: f.failure.property, pass: f.failure.pass ?? null, message: f.failure.message };
    (await import("node:fs")).writeFileSync(${JSON.stringify(report)}, JSON.stringify({ runs: r.runs, ms: r.ms, failure }));
    process.exit(0);`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 });
  if (run.status === 0) return JSON.parse(readFileSync(report, "utf8")) as Outcome;
  // A fault that makes a pass never end: `npm test` stops that file at its time limit and fails.
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT") {
    return { runs: 0, ms: 0, failure: { source: "", programs: 0, property: "the quick run did not end in 10 minutes", pass: null, message: "a pass never ends (npm test stops such a file at its time limit)" } };
  }
  // The run itself crashed (a fault that makes a pass exhaust the heap): `npm test` would crash too.
  const why = /FATAL ERROR: (.*)/.exec(run.stderr)?.[1] ?? run.stderr.trim().split("\n").at(-1) ?? "";
  return { runs: 0, ms: 0, failure: { source: "", programs: 0, property: "the quick run crashed", pass: null, message: `${run.signal ?? `status ${run.status}`}: ${why}` } };
}

const started = performance.now();
const [only, from] = [process.argv[2], Number(process.argv[3])];
const chosen = only === "--from" && from >= 1 ? mutants.slice(from - 1) : mutants.filter((m) => only === undefined || m.name.includes(only));
const control = scratchCopy(null);
try {
  const report = runFrom(control);
  if (report.failure) {
    console.log(`the control (no fault) fails: ${report.failure.property}: ${report.failure.message}`);
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
    const report = runFrom(root);
    const f = report.failure;
    if (f === null) {
      missed++;
      console.log(`NOT CAUGHT  ${mutant.name} (${report.runs} programs)`);
      continue;
    }
    if (f.programs === 0) { // the run crashed, or never ended
      console.log(`caught      ${mutant.name}\n            ${f.property} (${f.message})`);
      continue;
    }
    const lines = f.source.trimEnd().split("\n").length;
    console.log(`caught      ${mutant.name}\n            by "${f.property}"${f.pass ? ` at ${f.pass}` : ""} after ${f.programs} program(s); shrunk to ${lines} lines (${(report.ms / 1000).toFixed(1)} s)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
console.log(`${chosen.length - missed} of ${chosen.length} faults caught in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(missed === 0 ? 0 : 1);
