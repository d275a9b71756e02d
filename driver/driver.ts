// The driver: runs the pipeline on one source file and keeps every
// intermediate program (the trace). In checked mode every pass's output is
// deep-frozen (so no later pass can change it) and validated against the
// pass's declared output IL; a violation stops the run, naming the pass, the
// node path and the production it breaks.

import { freeze } from "immer";
import type { Target } from "../ir-defs/targets.js";
import { pipeline } from "../passes/pipeline.js";
import type { IL } from "../il/define.js";
import { explainValidation, validate, type Validation } from "../il/validate.js";
import { interpreterFor } from "../interp/index.js";
import { describeOutcome, sameOutcome, type Outcome, type RunOptions } from "../interp/runtime-model.js";
import { ilName, type Pass } from "../il/pass.js";

export interface Step {
  readonly pass: Pass;
  /** The pass's output (null for intermediate steps under `lastOnly`). */
  output: unknown;
  readonly ms: number;
}

export interface CompileOptions {
  readonly target: Target;
  /** Validate every output against its IL and freeze it (tests, explore, --check). */
  readonly check?: boolean;
  /** Stop after this pass (by name). */
  readonly until?: string;
  /** Keep only the last program, not every intermediate one (for `build`: less memory). */
  readonly lastOnly?: boolean;
  /** Called with each step as soon as its pass has run (the explorer shows it at once). */
  readonly onStep?: (step: Step, index: number) => void;
}

/** A pass produced a program outside its declared output IL. */
export class BrokenPass extends Error {
  constructor(
    readonly pass: Pass,
    readonly validation: Validation & { ok: false },
  ) {
    super(`pass ${pass.name} (${ilName(pass.from)} -> ${ilName(pass.to)}) broke its contract: ${explainValidation(validation)}`);
  }
}

/** Runs the pipeline; returns every step. Throws CompileError on bad input, BrokenPass in checked mode. */
export function compile(source: string, file: string, options: CompileOptions): Step[] {
  const steps: Step[] = [];
  let program: unknown = source;
  for (const p of pipeline(options.target)) {
    const start = performance.now();
    program = p.run(program, { file, source });
    const ms = performance.now() - start;
    if (options.check && typeof p.to !== "string") {
      freeze(program, true);
      const v = validate(p.to, program);
      if (!v.ok) throw new BrokenPass(p, v);
    }
    if (options.lastOnly && steps.length > 0) steps[steps.length - 1]!.output = null;
    steps.push({ pass: p, output: program, ms });
    options.onStep?.(steps[steps.length - 1]!, steps.length - 1);
    if (p.name === options.until) break;
  }
  return steps;
}

/** The final assembly text of a full compilation. */
export function assemblyOf(steps: readonly Step[]): string {
  const last = steps[steps.length - 1];
  if (!last || typeof last.output !== "string" || last.pass.to !== "asm") throw new Error("the compilation did not reach assembly");
  return last.output;
}

export interface Verdict {
  readonly step: Step;
  readonly outcome: Outcome;
  readonly agrees: boolean;
}

/** Runs each step's IL interpreter and compares it with the first (the source's). */
export function checkMeaning(steps: readonly Step[], options: RunOptions = {}): Verdict[] {
  const verdicts: Verdict[] = [];
  let reference: Outcome | null = null;
  for (const step of steps) {
    const il = step.pass.to;
    if (typeof il === "string") continue;
    const interpret = interpreterFor(il.name);
    if (!interpret) throw new Error(`no interpreter for ${il.name}`);
    const outcome = interpret(step.output, options);
    reference ??= outcome;
    // Where references are counted, an object still live when main returns is a leak: it changes the meaning too.
    const leaks = outcome.live != null && outcome.live.objects > 0;
    verdicts.push({ step, outcome, agrees: sameOutcome(reference, outcome) && !leaks });
  }
  return verdicts;
}

/** A readable account of the first disagreement, or null when all agree. */
export function firstDisagreement(verdicts: readonly Verdict[]): string | null {
  const bad = verdicts.findIndex((v) => !v.agrees);
  if (bad < 0) return null;
  const v = verdicts[bad]!;
  const ref = verdicts[0]!;
  return `pass ${v.step.pass.name} changed the meaning: ${(v.step.pass.to as IL).name} gives ${describeOutcome(v.outcome)}; the source gives ${describeOutcome(ref.outcome)}`;
}
