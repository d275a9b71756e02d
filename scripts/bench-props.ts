// Programs per second for `npm run bench`: how fast generated programs go
// through each pass (the pass alone, then with its check: freezing,
// validation and interpreter, in the driver's checking loop as the properties
// run it), and the whole property run as
// `qnano props` does it: in process only, then with the binaries (built a
// chunk at a time, props/batch.ts).
import fc from "fast-check";
import { targets } from "../ir-defs/targets.js";
import { checkTargets, stepLabel } from "../driver/driver.js";
import { fuel } from "../props/check.js";
import { programs } from "../props/generator.js";
import { describeFailure, runProperties } from "../props/run.js";

export interface Throughput {
  /** Per pass: [programs/s for the pass alone, programs/s with its check (freeze, validation, interpreter)]. */
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
  for (const g of sample) {
    for (const step of checkTargets(g.source, "bench.qs", targets, { run: { stdin: g.stdin, fuel } })) {
      const label = stepLabel(step);
      const entry = timing.get(label) ?? [0, 0];
      entry[0] += step.ms;
      entry[1] += step.checkMs;
      timing.set(label, entry);
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
