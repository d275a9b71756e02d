// The explorer's data: everything it shows about one compilation for one
// target. The passes are known at once (the pipeline table); each step is
// printed once, to lines (step-view.ts), when its pass has run (in a worker,
// trace-worker.ts, which sends the steps one by one, so the screen opens
// before the last pass ends), and never again on a key. The meaning of every
// step comes from its IL's interpreter, run after the passes (marks.ts).

import type { Target } from "../ir-defs/targets.js";
import type { Step } from "../driver/driver.js";
import { ilName } from "../il/pass.js";
import { pipeline, type OptLevel } from "../passes/pipeline.js";
import { eachVerdict, type Mark, type StepVerdict } from "./marks.js";
import { programFiles, sourceFiles, splitLines, type SourceFile } from "./sources.js";
import { newPrinter, stepView, type PassInfo, type StepView } from "./step-view.js";

export type { Mark, StepVerdict };


export interface Trace {
  /** Tells one compilation from the next of the same file (a reload makes a new one). */
  readonly id: number;
  readonly file: string;
  readonly target: Target;
  /** How much the pipeline optimises (\`--opt\`). */
  readonly opt: OptLevel;
  readonly source: string;
  readonly sourceLines: readonly string[];
  /** What the interpreters read as standard input. */
  readonly stdin: string;
  /** Where that input comes from (`gcd.in`), or null when there is none. */
  readonly input: string | null;
  /** Every pass of the pipeline, in order. */
  readonly passes: readonly PassInfo[];
  /** The steps made so far: steps[i] is passes[i]'s output, once it has run. */
  readonly steps: readonly StepView[];
  /** A pass that failed (bad input at parse or check-types, or a broken pass): its index and what it said. */
  readonly failure: { readonly at: number; readonly message: string } | null;
  /** The index of the first step whose meaning differs from the source's. */
  readonly firstBad: number | null;
  /** Why there are no meaning marks, when the interpreters could not run. */
  readonly meaningError: string | null;
  /** The functions of the program, in source order (known once parse has run); an imported module's by `path/name`. */
  readonly functions: readonly string[];
  /** The program's files: its own, then (once parse has run) those of the modules it uses; a view's line numbers count through them all (sources.ts). */
  readonly files: readonly SourceFile[];
}

export const passesOf = (target: Target, opt: OptLevel = 1): PassInfo[] =>
  pipeline(target, opt).map((p) => ({ name: p.name, from: ilName(p.from), to: ilName(p.to), purpose: p.purpose }));

let traces = 0;

/** A trace before any pass has run: the passes, the source, the input. */
export function emptyTrace(file: string, source: string, target: Target, stdin: string, input: string | null, opt: OptLevel = 1): Trace {
  return {
    id: ++traces,
    file,
    target,
    opt,
    source,
    sourceLines: splitLines(source),
    stdin,
    input,
    passes: passesOf(target, opt),
    steps: [],
    failure: null,
    firstBad: null,
    meaningError: null,
    functions: [],
    files: sourceFiles(file, source, []),
  };
}

/** The same file and input, compiled again (for another target, or after the file changed). */
export const freshTrace = (t: Trace, target: Target = t.target, source: string = t.source, input: Input = t): Trace => emptyTrace(t.file, source, target, input.stdin, input.input, t.opt);

/** What the interpreters read (`stdin`), and the file it came from (null: none, so none was given). */
export interface Input {
  readonly stdin: string;
  readonly input: string | null;
}

/** Whether every pass has run (or one failed, so no more will). */
export const compiled = (t: Trace): boolean => t.failure !== null || t.steps.length === t.passes.length;

/** The index of the first step whose meaning differs from the source's. */
export function firstBadOf(steps: readonly StepView[]): number | null {
  const bad = steps.findIndex((s) => typeof s.verdict === "object" && s.verdict !== null && !s.verdict.agrees && s.verdict.gaveUp === null);
  return bad < 0 ? null : bad;
}

// ---------------------------------------------------------------- a whole trace at once

/**
 * Builds the explorer's view of a compilation already made, in this process
 * (the tests; `qnano explore` makes it in a worker, step by step). With
 * meaning "now" every step's interpreter runs here on `stdin`; with "later"
 * the marks are left pending.
 */
export function buildTrace(file: string, source: string, target: Target, steps: readonly Step[], stdin: string, meaning: "now" | "later" = "now", input: string | null = null): Trace {
  const empty = emptyTrace(file, source, target, stdin, input);
  const files = programFiles(file, source);
  const printer = newPrinter(empty.sourceLines, files);
  const views = steps.map((step) => stepView(step, printer));
  let meaningError: string | null = null;
  if (meaning === "now") {
    try {
      eachVerdict(steps, stdin, (index, mark) => void (views[index] = { ...views[index]!, verdict: mark }));
    } catch (e) {
      meaningError = `the interpreters could not run: ${(e as Error).message}`;
      views.forEach((v, i) => v.verdict === "pending" && (views[i] = { ...v, verdict: null }));
    }
  }
  return { ...empty, steps: views, firstBad: firstBadOf(views), meaningError, functions: printer.functions, files };
}
