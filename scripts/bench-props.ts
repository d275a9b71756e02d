// Programs per second for `npm run bench`: how fast generated programs go
// through each pass (the pass alone, then with its validation and
// interpreter, as the properties run it), and the whole property run as
// `qnano props` does it: in process only, then with the binaries (built a
// chunk at a time, props/batch.ts).
import fc from "fast-check";
import { targets, type Target } from "../ir-defs/targets.js";
import { backEnds, frontEnd } from "../passes/pipeline.js";
import { validate } from "../il/validate.js";
import { interpreterFor } from "../interp/index.js";
import type { Pass } from "../il/pass.js";
import { fuel } from "../props/check.js";
import { programs } from "../props/generator.js";
import { describeFailure, runProperties } from "../props/run.js";

export interface Throughput {
  /** Per pass: [programs/s for the pass alone, programs/s with validation and interpreter]. */
  readonly passes: readonly (readonly [string, number, number])[];
  /** All in-process properties (every pass, both targets, determinism). */
  readonly inProcess: number;
  /** Every property, real binaries on both targets included. */
  readonly endToEnd: number;
  readonly count: number;
}

export async function propsThroughput(count = 100, seed = 1): Promise<Throughput> {
  const sample = fc.sample(programs(), { numRuns: count, seed });
  const timing = new Map<string, [number, number]>();
  const time = (label: string, which: 0 | 1, f: () => unknown): unknown => {
    const start = performance.now();
    const result = f();
    const entry = timing.get(label) ?? [0, 0];
    entry[which] += performance.now() - start;
    timing.set(label, entry);
    return result;
  };
  const step = (p: Pass, label: string, input: unknown, g: { stdin: string; source: string }) => {
    const output = time(label, 0, () => p.run(input, { file: "bench.qs", source: g.source }));
    if (typeof p.to !== "string") {
      const il = p.to;
      time(label, 1, () => {
        validate(il, output);
        interpreterFor(il.name)!(output, { stdin: g.stdin, fuel });
      });
    }
    return output;
  };
  for (const g of sample) {
    let program: unknown = g.source;
    for (const p of frontEnd) program = step(p, p.name, program, g);
    for (const target of targets as readonly Target[]) {
      let lowered = program;
      for (const p of backEnds[target]) lowered = step(p, `${p.name} (${target})`, lowered, g);
    }
  }
  const rate = (ms: number) => (count / ms) * 1000;
  const passes = [...timing].map(([label, [run, check]]) => [label, rate(run), rate(run + check)] as const);
  const run = async (endToEnd: boolean) => {
    const report = await runProperties({ runs: count, seed, targets, endToEnd, regressions: null });
    if (report.failure) throw new Error(describeFailure(report.failure));
    return rate(report.ms);
  };
  const inProcess = await run(false);
  const endToEnd = await run(true);
  return { passes, inProcess, endToEnd, count };
}
