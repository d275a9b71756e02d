// `npm run bench`: compile speed, side by side with gcc -O0 -S in the same run,
// on generated programs of two shapes at 10k and 100k lines, with peak memory,
// growth and a profile by pass (scripts/bench-compile.ts); then property-test
// throughput, the speed of the generated code against gcc -O0 and -O1
// (scripts/bench-code.ts), and the explorer's (first screen, per key, marks:
// scripts/bench-explore.ts), what each optimisation does to the generated
// code, written into spec/optimisations.md (scripts/bench-opt.ts), and tasks
// and channels against Go (scripts/bench-tasks.ts). `npm run bench --
// compile`, `-- code`, `-- opt`, `-- explore` or `-- tasks` runs only that section;
// `-- interp` runs only scripts/bench-interp.ts (the tree and Lcfg interpreters, both forms).

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { propsThroughput } from "./bench-props.js";
import { codeBench } from "./bench-code.js";
import { optBench } from "./bench-opt.js";
import { exploreBench } from "./bench-explore.js";
import { compileBench } from "./bench-compile.js";
import { tasksBench } from "./bench-tasks.js";
import { BenchError } from "./timing.js";

async function propsSection(): Promise<void> {
  // Property-based testing throughput (scripts/bench-props.ts): generated programs per second.
  const props = await propsThroughput();
  console.log(`\nproperties (programs per second, ${props.count} generated programs): pass alone / with validation and interpreter`);
  for (const [pass, alone, checked] of props.passes) console.log(`  ${pass.padEnd(38)} ${alone.toFixed(0).padStart(8)} ${checked.toFixed(0).padStart(8)}`);
  console.log(`  qnano props without binaries (every pass, both targets, determinism) ${props.inProcess.toFixed(1).padStart(7)}`);
  console.log(`  qnano props with binaries on both targets (end to end)             ${props.endToEnd.toFixed(1).padStart(7)}`);
}

const only = process.argv[2];
const sections = ["compile", "code", "opt", "explore", "tasks", "interp"];
if (only !== undefined && !sections.includes(only)) {
  console.error(`usage: node dist/scripts/bench.js [compile|code|opt|explore|tasks|interp]   (only the compile-speed section, the generated code's, each optimisation's effect on it, the explorer's, tasks against Go, or the tree and Lcfg interpreters on the golden programs)`);
  process.exit(2);
}
try {
  if (only === undefined || only === "compile") await compileBench();
  if (only === undefined) await propsSection();
  if (only === undefined || only === "code") codeBench();
  if (only === undefined || only === "opt") optBench();
  if (only === undefined || only === "explore") await exploreBench();
  if (only === undefined || only === "tasks") tasksBench();
  // The tree and Lcfg interpreters on every golden program, in both forms (scripts/bench-interp.ts, a process each).
  if (only === "interp") for (const form of ["direct", "generators"]) spawnSync(process.execPath, [fileURLToPath(new URL("./bench-interp.js", import.meta.url)), form], { stdio: "inherit" });
} catch (e) {
  // A benchmark that does not compile, a missing tool, a wrong output: the message says it all.
  if (!(e instanceof BenchError)) throw e;
  console.error(`\nnpm run bench failed: ${e.message}`);
  process.exit(1);
}
