// The property run behind `qnano props`, tests/props.test.ts and
// `npm run mutants`: generated programs through every property
// (props/check.ts), in chunks of fast-check runs so that a long run
// keeps nothing of the programs that passed. In each chunk the in-process
// properties run first; then the chunk's programs are built into one binary
// per target and run (props/batch.ts). On a failure fast-check shrinks
// the program; the report names the property and the first pass that broke,
// shows the shrunk program as Quastra source, and says how to replay it.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { Target } from "../ir-defs/targets.js";
import type { Outcome } from "../interp/runtime-model.js";
import type { OptLevel } from "../passes/pipeline.js";
import { batchBinary, buildBatch, inParallel, runBinaryAsync } from "./batch.js";
import { binaryVerdict, checkInProcess, checkProgram, endToEndLabel, sourceOutcome, type Failure } from "./check.js";
import { programs, type Generated, type GeneratorOptions } from "./generator.js";
import { operandPairs } from "./operand-pairs.js";

export interface PropsOptions {
  readonly runs: number;
  readonly seed: number;
  readonly targets: readonly Target[];
  /** Check only this pass. */
  readonly pass?: string;
  /** How much the pipeline optimises (default 1). */
  readonly opt?: OptLevel;
  /** Check only the shared front end's passes up to this one (props/check.ts). */
  readonly until?: string;
  /** The generator's switches (props/generator-unions.ts). */
  readonly generator?: GeneratorOptions;
  readonly endToEnd: boolean;
  /** Replay one counterexample: fast-check's path, with the seed it was found with. */
  readonly path?: string;
  /** Stop starting new chunks after this time (ms since the epoch). */
  readonly deadline?: number;
  /** Where to save a failure as a regression program; null: do not save. */
  readonly regressions: string | null;
  readonly onProgress?: (progress: Progress) => void;
}

export interface Progress {
  readonly done: number;
  readonly failures: number;
  readonly shrinking: boolean;
}

export interface FailureReport {
  readonly failure: Failure;
  readonly source: string;
  readonly stdin: string;
  /** The seed and path that replay it: `qnano props --seed SEED --path PATH`. */
  readonly seed: number;
  readonly path: string;
  /** Generated programs it took to find it (before shrinking). */
  readonly programs: number;
  /** The regression file written, if any. */
  readonly saved: string | null;
  /** The command that replays it. */
  readonly replay: string;
}

export interface PropsReport {
  /** Programs checked (not counting shrinking). */
  readonly runs: number;
  /** Programs checked per pass, per determinism check and per end-to-end target. */
  readonly tally: ReadonlyMap<string, number>;
  readonly constructs: ReadonlySet<string>;
  /** The pairs "construct in operand position" covered (props/operand-pairs.ts). */
  readonly pairs: ReadonlySet<string>;
  readonly failure: FailureReport | null;
  readonly ms: number;
}

/** Programs per fast-check run: each chunk starts afresh, from seed + chunk number. */
export const chunkSize = 100;

/** A program of the current chunk that passed in process, waiting for its batch binary. */
interface Waiting {
  readonly stdin: string;
  readonly expected: Outcome;
  readonly assembly: ReadonlyMap<Target, string>;
}

export async function runProperties(options: PropsOptions): Promise<PropsReport> {
  const start = performance.now();
  const tally = new Map<string, number>();
  const constructs = new Set<string>();
  const pairs = new Set<string>();
  const arbitrary = programs(options.generator);
  let done = 0;
  /** After the first failure: shrinking or replaying, when nothing is counted. */
  let shrinking = false;
  let waiting: Waiting[] = [];
  const checkOptions = { targets: options.targets, opt: options.opt, pass: options.pass, until: options.until, endToEnd: options.endToEnd, tally };
  const note = (g: Generated, failed: boolean) => {
    if (!shrinking) {
      done++;
      for (const c of g.constructs) constructs.add(c);
      for (const p of operandPairs(g.program)) pairs.add(p);
    }
    if (failed) shrinking = true;
    options.onProgress?.({ done, failures: shrinking ? 1 : 0, shrinking });
  };
  // Every property on one program: to replay a path, and to shrink a failure.
  const whole = fc.asyncProperty(arbitrary, async (g: Generated) => {
    const failure = await checkProgram(g.program, g.source, g.stdin, { ...checkOptions, modules: g.modules, tally: shrinking ? undefined : tally });
    note(g, failure !== null);
    return failure === null;
  });
  // Everything but the binaries, which are built for the whole chunk at once after it (props/batch.ts).
  const inProcess = fc.property(arbitrary, (g: Generated) => {
    const result = checkInProcess(g.program, g.source, g.stdin, { ...checkOptions, modules: g.modules, tally: shrinking ? undefined : tally });
    if (result instanceof Map && !shrinking) waiting.push({ stdin: g.stdin, expected: sourceOutcome(g.program, g.stdin), assembly: result });
    note(g, !(result instanceof Map));
    return result instanceof Map;
  });
  const batched = options.endToEnd && options.path === undefined;

  for (let chunk = 0; done < options.runs; chunk++) {
    if (options.deadline !== undefined && Date.now() >= options.deadline) break;
    const seed = (options.seed + chunk) | 0;
    const numRuns = options.path !== undefined ? 1 : Math.min(chunkSize, options.runs - done);
    const timeLimit = options.deadline === undefined ? undefined : Math.max(1, options.deadline - Date.now());
    waiting = [];
    const chunkStart = done;
    /** Where a program failed in its batch binary (counted from the first program of the run). */
    let failedAt: number | null = null;
    let result = batched
      ? await fc.check(inProcess, { seed, numRuns, interruptAfterTimeLimit: timeLimit })
      : await fc.check(whole, { seed, numRuns, path: options.path, interruptAfterTimeLimit: timeLimit });
    if (batched && !result.failed) {
      const bad = await endToEndBatch(waiting, options.targets, tally);
      waiting = [];
      if (bad !== null) {
        // Program `bad` of this chunk: fast-check's path to it is its index; replay it alone, and shrink.
        shrinking = true;
        if (bad >= 0) failedAt = chunkStart + bad + 1;
        result = await fc.check(whole, bad >= 0 ? { seed, path: String(bad) } : { seed, numRuns });
        if (!result.failed) throw new Error(`program ${bad} of the chunk with seed ${seed} fails in a batch binary but not alone`);
      }
    }
    if (result.failed && result.counterexample !== null) {
      const [g] = result.counterexample;
      const failure = (await checkProgram(g.program, g.source, g.stdin, { ...checkOptions, modules: g.modules })) ?? { property: "flaky", pass: null, message: "the program failed once and then passed" };
      const report: FailureReport = {
        failure,
        source: g.source,
        stdin: g.stdin,
        seed,
        path: result.counterexamplePath ?? "",
        programs: failedAt ?? done,
        saved: options.regressions === null ? null : saveRegression(options.regressions, g, failure),
        replay: [
          `qnano props --seed ${seed} --path ${result.counterexamplePath ?? ""}`,
          ...(options.pass !== undefined ? [`--pass ${options.pass}`] : []),
          ...(options.opt === 0 ? ["--opt 0"] : []),
          ...(options.targets.length === 1 ? [`--target ${options.targets[0]}`] : []),
        ].join(" "),
      };
      return { runs: done, tally, constructs, pairs, failure: report, ms: performance.now() - start };
    }
    if (result.failed) throw result.errorInstance ?? new Error("the property run failed without a counterexample");
    if (options.path !== undefined) break;
  }
  return { runs: done, tally, constructs, pairs, failure: null, ms: performance.now() - start };
}

/**
 * Builds one binary per target for the programs, runs each program in it, and
 * compares with the source's outcome. Returns the index of the first program
 * that fails, -1 when a batch does not build, null when all pass.
 */
async function endToEndBatch(list: readonly Waiting[], targets: readonly Target[], tally: Map<string, number>): Promise<number | null> {
  if (list.length === 0) return null;
  const dir = mkdtempSync(join(tmpdir(), "qnano-props-batch-"));
  try {
    try {
      await Promise.all(targets.map((t) => buildBatch(list.map((w) => w.assembly.get(t)!), t, batchBinary(dir, t))));
    } catch {
      return -1;
    }
    const jobs = list.flatMap((w, k) => targets.map((t) => async () => binaryVerdict(await runBinaryAsync(batchBinary(dir, t), t, `${k}\n${w.stdin}`), w.expected, t)));
    const verdicts = await inParallel(jobs);
    const first = verdicts.findIndex((v) => v !== null);
    if (first >= 0) return Math.floor(first / targets.length);
    for (const t of targets) tally.set(endToEndLabel(t), (tally.get(endToEndLabel(t)) ?? 0) + list.length);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the program and its expected outcome (the source semantics) in the golden format; returns the .qs path. */
export function saveRegression(dir: string, g: Generated, failure: Failure): string {
  const expected = sourceOutcome(g.program, g.stdin);
  const what = (failure.pass ?? failure.property).replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "");
  const name = `${what}-${createHash("sha256").update(g.source + "\0" + g.stdin).digest("hex").slice(0, 8)}`;
  mkdirSync(dir, { recursive: true });
  const base = join(dir, name);
  const header = `// Found by \`qnano props\`: ${failure.property}${failure.pass ? ` (${failure.pass})` : ""}.\n`;
  writeFileSync(`${base}.qs`, header + g.source);
  writeFileSync(`${base}.out`, expected.stdout);
  if (g.stdin !== "") writeFileSync(`${base}.in`, g.stdin);
  if (expected.panic !== null) writeFileSync(`${base}.err`, `panic: ${expected.panic}\n`);
  if (expected.status !== (expected.panic !== null ? 101 : 0)) writeFileSync(`${base}.status`, `${expected.status}\n`);
  return `${base}.qs`;
}

/** A failure as text: property, pass, message, the shrunk program, and how to replay it. */
export function describeFailure(f: FailureReport): string {
  return [
    `property "${f.failure.property}" failed${f.failure.pass ? `; first pass that broke: ${f.failure.pass}` : ""}, after ${f.programs} generated program(s)`,
    f.failure.message,
    "",
    "shrunk program:",
    f.source.trimEnd(),
    ...(f.stdin !== "" ? ["", `stdin: ${JSON.stringify(f.stdin)}`] : []),
    "",
    `replay: ${f.replay}`,
    ...(f.saved ? [`saved as ${f.saved}`] : []),
  ].join("\n");
}
