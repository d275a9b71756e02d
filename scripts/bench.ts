// `npm run bench`: compile throughput, side by side with gcc -O0 in the same run.
//
// Generates equivalent Quastra and C programs of 10,000 and 100,000 lines and
// measures lines per second for `qnano build --emit asm` (no --check) and for
// `gcc -O0 -S`, both as whole commands (best of 3), plus qnano's compile time
// inside one process. Reports the growth from 10k to 100k lines (linear would
// be 10x; the target is at most 11x) and the ratio to gcc.
//
// Then property-test throughput, the speed of the generated code against
// gcc -O0 and -O1 (scripts/bench-code.ts), and the explorer's (first screen,
// per key, marks: scripts/bench-explore.ts). `npm run bench -- code` or
// `npm run bench -- explore` runs only that section.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostTarget } from "../driver/toolchain.js";
import { assemblyOf, compile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { propsThroughput } from "./bench-props.js";
import { codeBench } from "./bench-code.js";
import { exploreBench } from "./bench-explore.js";
import { BenchError, bestOf } from "./timing.js";

/** One block of the generated program, in Quastra and in C: 9 lines each. */
function block(k: number): { qs: string[]; c: string[] } {
  return {
    qs: [
      "    {",
      `        let mut a = ${k % 1000}`,
      "        let b = a * 3 + 7",
      "        while a < b { a = a + 5 }",
      "        if a % 2 == 0 { a = a / 2 } else { a = 3 * a + 1 }",
      "        s = s ^ (a << 3)",
      "        t += a & 255",
      "        if s < 0 || t > 100000 { t = t - s % 7 }",
      "    }",
    ],
    c: [
      "    {",
      `        long a = ${k % 1000};`,
      "        long b = a * 3 + 7;",
      "        while (a < b) { a = a + 5; }",
      "        if (a % 2 == 0) { a = a / 2; } else { a = 3 * a + 1; }",
      "        s = s ^ (a << 3);",
      "        t += a & 255;",
      "        if (s < 0 || t > 100000) { t = t - s % 7; }",
      "    }",
    ],
  };
}

function programs(lines: number): { qs: string; c: string; lines: number } {
  const qs = ["fn main() {", "    let mut s = 0", "    let mut t = 1"];
  const c = ["#include <stdio.h>", "int main(void) {", "    long s = 0;", "    long t = 1;"];
  for (let k = 0; qs.length < lines - 3; k++) {
    const b = block(k);
    qs.push(...b.qs);
    c.push(...b.c);
  }
  qs.push("    print(s)", "    print(t)", "}");
  c.push('    printf("%ld\\n%ld\\n", s, t);', "    return 0;", "}");
  return { qs: qs.join("\n") + "\n", c: c.join("\n") + "\n", lines: qs.length };
}

function compileThroughput(): void {
  const dir = mkdtempSync(join(tmpdir(), "qnano-bench-"));
  const qnano = join(packageRoot, "bin", "qnano.js");
  const rows: { lines: number; qnanoMs: number; inProcessMs: number; gccMs: number }[] = [];
  try {
    for (const size of [10_000, 100_000]) {
      const p = programs(size);
      const qsFile = join(dir, `gen${size}.qs`);
      const cFile = join(dir, `gen${size}.c`);
      writeFileSync(qsFile, p.qs);
      writeFileSync(cFile, p.c);
      const qnanoMs = bestOf(3, process.execPath, [qnano, "build", qsFile, "--emit", "asm", "-o", join(dir, "q.s")]).ms;
      const gccMs = bestOf(3, "gcc", ["-O0", "-S", cFile, "-o", join(dir, "c.s")]).ms;
      let inProcessMs = Infinity;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        assemblyOf(compile(p.qs, qsFile, { target: hostTarget, lastOnly: true }));
        inProcessMs = Math.min(inProcessMs, performance.now() - start);
      }
      rows.push({ lines: p.lines, qnanoMs, inProcessMs, gccMs });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const perSecond = (lines: number, ms: number) => Math.round((lines / ms) * 1000).toLocaleString("en-US");
  console.log("compile throughput (lines per second, best of 3, target " + hostTarget + ")");
  console.log("lines     qnano build --emit asm   (in process)   gcc -O0 -S     qnano / gcc");
  for (const r of rows) {
    console.log(
      `${String(r.lines).padEnd(9)} ${perSecond(r.lines, r.qnanoMs).padStart(12)} (${r.qnanoMs.toFixed(0)} ms)  ${perSecond(r.lines, r.inProcessMs).padStart(10)}   ${perSecond(r.lines, r.gccMs).padStart(10)} (${r.gccMs.toFixed(0)} ms)   ${(r.gccMs / r.qnanoMs).toFixed(2)}x`,
    );
  }
  const [small, large] = rows;
  if (small && large) {
    const growth = large.qnanoMs / small.qnanoMs;
    const growthIn = large.inProcessMs / small.inProcessMs;
    console.log(`growth from 10k to 100k lines: ${growth.toFixed(1)}x as a command, ${growthIn.toFixed(1)}x in process (target: at most 11x)`);
    console.log(`target (at least gcc -O0's lines per second): ${large.qnanoMs <= large.gccMs && small.qnanoMs <= small.gccMs ? "met" : "NOT met"}`);
  }
}

async function propsSection(): Promise<void> {
  // Property-based testing throughput (scripts/bench-props.ts): generated programs per second.
  const props = await propsThroughput();
  console.log(`\nproperties (programs per second, ${props.count} generated programs): pass alone / with validation and interpreter`);
  for (const [pass, alone, checked] of props.passes) console.log(`  ${pass.padEnd(38)} ${alone.toFixed(0).padStart(8)} ${checked.toFixed(0).padStart(8)}`);
  console.log(`  qnano props without binaries (every pass, both targets, determinism) ${props.inProcess.toFixed(1).padStart(7)}`);
  console.log(`  qnano props with binaries on both targets (end to end)             ${props.endToEnd.toFixed(1).padStart(7)}`);
}

const only = process.argv[2];
if (only !== undefined && only !== "code" && only !== "explore") {
  console.error(`usage: node dist/scripts/bench.js [code|explore]   (only the generated code's section, or the explorer's)`);
  process.exit(2);
}
try {
  if (only === undefined) {
    compileThroughput();
    await propsSection();
  }
  if (only !== "explore") codeBench();
  if (only !== "code") await exploreBench();
} catch (e) {
  // A benchmark that does not compile, a missing tool, a wrong output: the message says it all.
  if (!(e instanceof BenchError)) throw e;
  console.error(`\nnpm run bench failed: ${e.message}`);
  process.exit(1);
}
