// `node dist/scripts/bench-interp.js [direct|generators] [REGEX] [SKIP]`: how long the
// tree and Lcfg interpreters take on the golden programs (tests/programs):
// each program is compiled once, then every IL's program from Lsrc to Lalloc
// is run by its interpreter, and the time of those runs is summed per
// program and over all. `direct` (the default) runs the interpreters as the
// driver does (their direct form for a program that spawns nothing);
// `generators` forces their generator form (interp/tree.ts says why there
// are two forms), to measure what a task's ability to stop costs. REGEX picks
// the programs by file name, SKIP (a regular expression) leaves ILs out (to
// compare with a pipeline that lacks them).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { compile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { ilName } from "../il/pass.js";
import { interpreterFor, generatorInterpreterFor } from "../interp/index.js";
import { interpreters as tree } from "../interp/tree.js";
import { interpreters as cfg } from "../interp/cfg.js";

const form = process.argv[2] ?? "direct";
const only = new RegExp(process.argv[3] ?? "");
const skip = process.argv[4] === undefined ? null : new RegExp(`^(${process.argv[4]})$`);
const dir = join(packageRoot, "tests", "programs");
const treeAndCfg = new Set([...Object.keys(tree), ...Object.keys(cfg)]);
let total = 0;
let cpu = 0; // the process's CPU time in the interpreters (user + system): less moved by other processes than the wall clock
const rows: [string, number][] = [];
for (const name of readdirSync(dir).filter((f) => f.endsWith(".qs") && only.test(f)).sort()) {
  const source = readFileSync(join(dir, name), "utf8");
  const inFile = join(dir, name.replace(/\.qs$/, ".in"));
  const stdin = existsSync(inFile) ? readFileSync(inFile, "utf8") : "";
  let steps;
  try {
    steps = compile(source, join(dir, name), { target: "x86_64" });
  } catch {
    continue; // a program the front end rejects (tests/diagnostics' kind) has no runs
  }
  let t = 0;
  for (const step of steps) {
    if (typeof step.pass.to === "string" || !treeAndCfg.has(ilName(step.pass.to)) || skip?.test(ilName(step.pass.to))) continue;
    const run = form === "generators" ? generatorInterpreterFor(ilName(step.pass.to)) : interpreterFor(ilName(step.pass.to));
    if (!run || step.output === null) continue;
    const [t0, c0] = [performance.now(), process.cpuUsage()];
    run(step.output, { stdin });
    t += performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
  }
  rows.push([name, t]);
  total += t;
}
rows.sort((a, b) => b[1] - a[1]);
for (const [name, t] of rows.slice(0, 8)) console.log(`${t.toFixed(0).padStart(7)} ms  ${name}`);
console.log(`${form}: ${rows.length} programs, ${(total / 1000).toFixed(2)} s in the tree and Lcfg interpreters, ${(cpu / 1000).toFixed(2)} s of CPU (load average ${loadavg()[0]!.toFixed(2)})`);
