// `--opt 0|1`: the optimisations are passes of their own that `--opt 0` leaves
// out (passes/pipeline.ts). Every golden program, built both ways on both
// targets, must print the same and end with the same status; the pipeline at
// --opt 0 is the one without the optimisations, still in order; and the
// command takes --opt 0 and 1 and nothing else.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { assembleAndLink, hostTarget, runBinary } from "../driver/toolchain.js";
import { targets } from "../ir-defs/targets.js";
import { assemblyOf, compile } from "../driver/driver.js";
import { packageRoot } from "../driver/paths.js";
import { optimisations, optLevels, orderProblem, pipeline, pipelineWithout } from "../passes/pipeline.js";
import { loadGoldens } from "./golden-programs.js";

const dir = mkdtempSync(join(tmpdir(), "qnano-opt-"));

const levels = suite("the pipeline at each --opt level");

levels("--opt 0 is the pipeline without the optimisations, --opt 1 all of it; both in order", () => {
  for (const target of targets) {
    const all = pipeline(target, 1);
    assert.equal([...pipeline(target, 0)], all.filter((p) => !optimisations.has(p)), target);
    assert.ok(all.length > pipeline(target, 0).length, `${target}: at --opt 1 some optimisation runs`);
    for (const opt of optLevels) assert.is(orderProblem(pipeline(target, opt)), null, `${target} at --opt ${opt}`);
  }
  for (const p of optimisations) assert.is(p.from, p.to, `${p.name} reads and writes one IL, so it can be left out`);
});

levels("each optimisation can be left out alone (the bench's table), and only an optimisation", () => {
  for (const target of targets) {
    for (const o of new Set([...optimisations].map((p) => p.name))) {
      const without = pipelineWithout(target, [o]);
      assert.equal(without.map((p) => p.name), pipeline(target, 1).map((p) => p.name).filter((n) => n !== o), `${target} without ${o}`);
    }
    assert.throws(() => pipelineWithout(target, ["uniquify"]), /not an optimisation: uniquify/);
  }
});

levels("the command takes --opt 0 and --opt 1, and says what is wrong with --opt 2", () => {
  const qnano = (...args: string[]) => spawnSync(process.execPath, [join(packageRoot, "dist", "cli", "main.js"), ...args], { encoding: "utf8" });
  const fib = join(packageRoot, "bench", "fib.qs");
  const zero = qnano("build", fib, "--opt", "0", "--emit", "asm", "-o", "-");
  const one = qnano("build", fib, "--opt", "1", "--emit", "asm", "-o", "-");
  const plain = qnano("build", fib, "--emit", "asm", "-o", "-");
  assert.is(zero.status, 0, zero.stderr);
  assert.is(one.stdout, plain.stdout, "the default is --opt 1");
  const bad = qnano("build", fib, "--opt", "2");
  assert.is(bad.status, 2);
  assert.is(bad.stderr, "qnano: --opt takes 0 (no optimisation) or 1 (optimised), not `2`\n");
  const trace = qnano("trace", fib, "--opt", "0", "--json");
  const names = (JSON.parse(trace.stdout) as { pass: string }[]).map((s) => s.pass);
  assert.equal(names, pipeline(hostTarget, 0).map((p) => p.name), "trace --opt 0 shows the unoptimised pipeline");
});

levels.run();

const same = suite("every golden program prints the same at --opt 0 and --opt 1");
for (const target of targets) {
  for (const g of loadGoldens()) {
    same(`${g.name} on ${target}`, () => {
      const runs = optLevels.map((opt) => {
        const exe = join(dir, `${g.name}.${opt}.${target}`);
        assembleAndLink(assemblyOf(compile(g.source, g.path, { target, opt })), target, exe);
        return runBinary(exe, target, { stdin: g.stdin });
      });
      const [zero, one] = runs as [ReturnType<typeof runBinary>, ReturnType<typeof runBinary>];
      assert.is(zero.timedOut || one.timedOut, false, "a binary timed out");
      assert.is(one.stdout, zero.stdout, "stdout");
      assert.is(one.stderr, zero.stderr, "stderr");
      assert.is(one.status, zero.status, "status");
      assert.is(zero.stdout, g.stdout, "and it is the expected output");
    });
  }
}
same.after(() => rmSync(dir, { recursive: true, force: true }));
same.run();
