// The driver: the one loop that runs passes and checks each step, the check
// that the project calls its proof. `checkPasses` starts from source text or
// from a program of any IL and runs a slice of the pipeline; for each pass it
// runs the pass (a crash is that pass's verdict), deep-freezes its output (so
// no later pass can change it) and validates it against the pass's declared
// output IL, runs that IL's interpreter, compares the outcome with the
// reference (the source's, the input program's, or one the caller gives) and
// looks for leaks. It yields each step with its verdict as soon as it is
// known, so a caller can stop at the first bad step or go on to the end.
// Everything that checks a pass calls it: `compile` in checked mode, the
// property runner, `qnano bisect`, the explorer's interpreters, the tests.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freeze } from "immer";
import type { Target } from "../ir-defs/targets.js";
import { atLevel, backEnds, frontEnd, pipeline, pipelineWithout, type OptLevel } from "../passes/pipeline.js";
import { checkTypes } from "../passes/check-types.js";
import type { IL } from "../il/define.js";
import { unreachable } from "../il/node.js";
import { explainValidation, validate, type Validation } from "../il/validate.js";
import { interpreterFor } from "../interp/index.js";
import { describeOutcome, leaked, maxCallDepthText, sameOutcome, type Outcome, type RunOptions } from "../interp/runtime-model.js";
import { ilName, type ModuleSource, type Pass, type PassContext, type Warning } from "../il/pass.js";
import { packageRoot } from "./paths.js";
import { readModules } from "./source-set.js";
import { preludeFile } from "../front-end/modules.js";

export interface Step {
  readonly pass: Pass;
  /** The pass's output (null for intermediate steps under `lastOnly`). */
  output: unknown;
  readonly ms: number;
}

// ---------------------------------------------------------------- the checking loop

/** Where a check starts: source text (the first pass is parse), or a program
 * of an IL; `check` says whether to validate and interpret that program too
 * (as a step of the identity pass `input`), false when an earlier check did. */
export type Start =
  | { readonly source: string; readonly file: string; readonly tests?: readonly string[]; readonly modules?: ReadonlyMap<string, ModuleSource> }
  | { readonly program: unknown; readonly il: IL; readonly check: boolean; readonly context?: PassContext };

/** The outcome every step is compared with, and what to call it in an explanation. */
export interface Reference {
  readonly outcome: Outcome;
  readonly name: string;
}

export interface CheckOptions {
  /** What the interpreters read (stdin) and how far they may run (fuel). */
  readonly run?: RunOptions;
  /** Deep-freeze every output and validate it against its IL (default: true). */
  readonly validate?: boolean;
  /** Run each output's interpreter and compare with the reference (default: true). */
  readonly interpret?: boolean;
  /** Which passes to check (default: every one); the others still run, to make the next one's input. */
  readonly only?: (pass: Pass) => boolean;
  /** Default: the first outcome interpreted (the source's, or the input program's). */
  readonly reference?: Reference;
  /** Told before each pass runs and each interpreter starts (the fuzzer's watchdog names a hang by it). */
  readonly onStep?: (what: string) => void;
  /** Where the passes' warnings are collected, when the check starts from source text (the caller shows them). */
  readonly warnings?: Warning[];
}

/** What the check says about one step. */
export type Verdict =
  | { readonly kind: "agrees" } // valid, and its interpreter gives the reference's outcome, with nothing leaked
  | { readonly kind: "valid" } // valid; its meaning was not checked
  | { readonly kind: "unchecked" } // assembly text, a pass left out by `only`, or nothing asked
  | { readonly kind: "crashed"; readonly error: unknown }
  | { readonly kind: "invalid"; readonly validation: Validation & { ok: false } }
  | { readonly kind: "unrunnable"; readonly error: unknown } // its IL's interpreter throws (or there is none)
  | { readonly kind: "differs" }
  | { readonly kind: "gave up" } // differs, but an interpreter ran out of fuel or of JavaScript stack: no evidence
  | { readonly kind: "leaks"; readonly live: { readonly objects: number; readonly bytes: number } };

export interface CheckedStep extends Step {
  /** Null when the output was not validated. */
  readonly validation: Validation | null;
  /** Null when the output was not interpreted. */
  readonly outcome: Outcome | null;
  /** What the outcome was compared with (null before anything was interpreted). */
  readonly reference: Reference | null;
  readonly verdict: Verdict;
  /** The verdict in a sentence: what differs, where, and against what. */
  readonly explanation: string;
  /** Time spent checking: freezing, validating, interpreting. */
  readonly checkMs: number;
}

/** A step of `checkTargets`: its target, or null for the shared front end. */
export interface TargetStep extends CheckedStep {
  readonly target: Target | null;
}

/** A step's pass, with its target when it belongs to one back end: `select-instructions (x86_64)`. */
export const stepLabel = (step: TargetStep): string => (step.target === null ? step.pass.name : `${step.pass.name} (${step.target})`);

/** The verdicts that stop a proof: everything but agrees, valid and unchecked. */
export function isBad(step: CheckedStep): boolean {
  const kind = step.verdict.kind;
  return kind !== "agrees" && kind !== "valid" && kind !== "unchecked";
}

/** Checks each pass of `passes` in order, starting from `start`; yields each
 * step as soon as it is checked. A crash ends the run (there is no output to
 * go on from); any other bad step does not: stop by leaving the loop. */
export function* checkPasses(start: Start, passes: readonly Pass[], options: CheckOptions = {}): Generator<CheckedStep> {
  const validating = options.validate ?? true;
  const judge = judgeWith(options);
  let input: unknown;
  let context: PassContext;
  if ("source" in start) {
    input = start.source;
    context = passContext(start.file, start.source, options.warnings, start.modules);
    if (start.tests) context = { ...context, tests: start.tests };
  } else {
    input = start.program;
    context = start.context ?? { file: "input", source: "" };
    if (validating) freeze(input, true);
    if (start.check) yield judge({ pass: inputPass(start.il), output: input, ms: 0, freezeMs: 0 }, true);
  }
  // A program means something only once the type checker has accepted it:
  // the passes up to check-types run before any interpreter does. Without
  // interpreters there is no need to run ahead, which would keep every tree of
  // the front end alive at once (`qnano build`: about 80 MB more at 100k lines).
  const ran = runPasses(input, passes, context, validating, options.onStep);
  const head = take(ran, options.interpret === false ? 0 : passes.indexOf(checkTypes) + 1);
  const rejected = head.some((r) => "error" in r);
  // Each step is taken out of `head` as it is judged, and `r` ends undefined: a
  // generator keeps its variables for as long as it runs, so a loop variable left
  // holding the last step of the front end would keep its whole tree alive to the
  // end of the compilation (about 150 MB at 100k lines), after the caller let go.
  for (let r; (r = head.shift()) !== undefined; ) yield judge(r, !rejected);
  for (const r of ran) yield judge(r, true);
}

/** The front end once, then each target's back end from its last program, all
 * compared with one reference (by default the source's outcome). */
export function* checkTargets(source: string, file: string, targets: readonly Target[], options: CheckOptions = {}, opt: OptLevel = 1): Generator<TargetStep> {
  let reference = options.reference ?? null;
  let last: CheckedStep | null = null;
  for (const step of checkPasses({ source, file }, atLevel(frontEnd, opt), options)) {
    reference ??= step.reference;
    last = step;
    yield { ...step, target: null };
  }
  if (last === null || last.verdict.kind === "crashed" || typeof last.pass.to === "string") return;
  const start: Start = { program: last.output, il: last.pass.to, check: false, context: passContext(file, source) };
  for (const target of targets) {
    for (const step of checkPasses(start, atLevel(backEnds[target], opt), { ...options, reference: reference ?? undefined })) yield { ...step, target };
  }
}

/** Checks programs already made (the explorer's trace): no pass runs again. */
export function* checkMade(steps: readonly Step[], options: CheckOptions = {}): Generator<CheckedStep> {
  const judge = judgeWith(options);
  for (const { pass, output, ms } of steps) yield judge({ pass, output, ms, freezeMs: 0 }, true);
}

/** The first bad step, running only as far as it. */
export function firstBad<S extends CheckedStep>(steps: Iterable<S>): S | null {
  for (const step of steps) if (isBad(step)) return step;
  return null;
}

/** A step that could not be checked to its end, as an exception: a crash (the
 * pass's own error, a CompileError for bad input), an output outside its IL
 * (BrokenPass), an interpreter that cannot run it. What `compile` and the
 * tests want; a verdict about meaning is left to the caller. */
export function throwIfBroken(step: CheckedStep): void {
  const v = step.verdict;
  if (v.kind === "crashed" || v.kind === "unrunnable") throw v.error;
  if (v.kind === "invalid") throw new BrokenPass(step.pass, v.validation);
}

/** A pass's run, before it is checked: its output, or what it threw. */
type Ran = { readonly pass: Pass; readonly ms: number; readonly freezeMs: number } & ({ readonly output: unknown } | { readonly error: unknown });

/** Runs the passes one at a time, each on the output of the one before; a crash ends it. */
function* runPasses(input: unknown, passes: readonly Pass[], context: PassContext, freezing: boolean, onStep?: (what: string) => void): Generator<Ran> {
  let program = input;
  for (const pass of passes) {
    onStep?.(pass.name);
    const started = performance.now();
    try {
      program = pass.run(program, context);
    } catch (error) {
      yield { pass, ms: performance.now() - started, freezeMs: 0, error };
      return;
    }
    const ran = performance.now();
    if (freezing && typeof pass.to !== "string") freeze(program, true);
    yield { pass, output: program, ms: ran - started, freezeMs: performance.now() - ran };
  }
}

/** The first n items of an iterator, taken now; the iterator goes on after them. */
function take<T>(items: Iterator<T>, n: number): T[] {
  const head: T[] = [];
  for (let next; head.length < n && !(next = items.next()).done; ) head.push(next.value);
  return head;
}

/** The identity pass through which a start program is checked as a step. */
const inputPass = (il: IL): Pass => ({ name: "input", from: il, to: il, purpose: "the program the check starts from", run: (p: unknown) => p });

/** Checks one pass's run; remembers the first outcome as the reference when none was given. */
function judgeWith(options: CheckOptions): (ran: Ran, meaning: boolean) => CheckedStep {
  let reference = options.reference ?? null;
  return (ran, meaning) => {
    const started = performance.now();
    const { pass } = ran;
    const output = "output" in ran ? ran.output : null;
    const step = (verdict: Verdict, validation: Validation | null = null, outcome: Outcome | null = null): CheckedStep => ({
      pass,
      output,
      ms: ran.ms,
      validation,
      outcome,
      reference,
      verdict,
      explanation: explain(pass, verdict, outcome, reference),
      checkMs: ran.freezeMs + performance.now() - started,
    });
    if ("error" in ran) return step({ kind: "crashed", error: ran.error });
    const il = pass.to;
    if (typeof il === "string" || !(options.only?.(pass) ?? true)) return step({ kind: "unchecked" });
    const validation = (options.validate ?? true) ? validate(il, output) : null;
    if (validation !== null && !validation.ok) return step({ kind: "invalid", validation }, validation);
    if (!meaning || options.interpret === false) return step({ kind: validation === null ? "unchecked" : "valid" }, validation);
    const interpret = interpreterFor(il.name);
    if (interpret === undefined) return step({ kind: "unrunnable", error: new Error(`no interpreter for ${il.name}`) }, validation);
    let outcome: Outcome;
    try {
      options.onStep?.(`the ${il.name} interpreter`);
      outcome = interpret(output, options.run);
    } catch (error) {
      return step({ kind: "unrunnable", error }, validation);
    }
    reference ??= { outcome, name: pass.from === "text" ? "the source" : `the input (${il.name})` };
    return step(meaningVerdict(outcome, reference.outcome), validation, outcome);
  };
}

/** Where the interpreters count references, an object still live when main returns is a leak: it changes the meaning too.
 * (Not when the live objects are held only by each other: the program's own cycles keep them, as the brief allows.) */
function meaningVerdict(outcome: Outcome, reference: Outcome): Verdict {
  if (!sameOutcome(outcome, reference)) return { kind: gaveUp(outcome) || gaveUp(reference) ? "gave up" : "differs" };
  const live = leaked(outcome);
  if (live !== null) return { kind: "leaks", live };
  return { kind: "agrees" };
}

/** Why an interpreter stopped before the program's end, or null when it did not. */
function gaveUp(o: Outcome): string | null {
  return o.outOfFuel ? "ran out of fuel" : o.hostStack ? `filled its stack (${maxCallDepthText} nested calls, or JavaScript's)` : null;
}

/** Which of the named runs' interpreters stopped before the program's end, and why
 * ("the Lcfg interpreter ran out of fuel; ..."), or null when none did. */
export function whoGaveUp(runs: readonly (readonly [name: string, outcome: Outcome])[]): string | null {
  const who = runs.flatMap(([name, o]) => {
    const why = gaveUp(o);
    return why === null ? [] : [`${name} ${why}`];
  });
  return who.length === 0 ? null : who.join("; ");
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function explain(pass: Pass, verdict: Verdict, outcome: Outcome | null, reference: Reference | null): string {
  const il = ilName(pass.to);
  const against = () => `${il} gives ${showOutcome(outcome!)}; ${reference!.name} gives ${showOutcome(reference!.outcome)}`;
  switch (verdict.kind) {
    case "agrees":
      return `${il} gives ${showOutcome(outcome!)}, as ${reference!.name} does`;
    case "valid":
      return `the output is in ${il}`;
    case "unchecked":
      return "not checked";
    case "crashed":
      return `the pass crashed: ${messageOf(verdict.error)}`;
    case "invalid":
      return `the output is not in ${il}: ${explainValidation(verdict.validation)}`;
    case "unrunnable":
      return `the ${il} interpreter cannot run the output: ${messageOf(verdict.error)}`;
    case "differs":
      return against();
    case "gave up":
      return `${against()} (${whoGaveUp([[`the ${il} interpreter`, outcome!], [`the interpreter of ${reference!.name}`, reference!.outcome]])})`;
    case "leaks":
      return `${il} leaves ${verdict.live.objects} object(s), ${verdict.live.bytes} bytes, live when main returns (${showOutcome(outcome!)})`;
    default:
      return unreachable(verdict);
  }
}

/** An outcome in full, for explanations (they are about small programs). */
export function showOutcome(o: Outcome): string {
  const out = o.stdout === "" ? "no output" : `stdout ${JSON.stringify(o.stdout.length > 200 ? o.stdout.slice(0, 200) + "..." : o.stdout)}`;
  return `${describeOutcome(o)}, ${out}`;
}

// ---------------------------------------------------------------- compiling

export interface CompileOptions {
  readonly target: Target;
  /** How much to optimise (default 1: every optimisation; 0: none). */
  readonly opt?: OptLevel;
  /** At --opt 1, leave out these optimisations (by name): the bench's table of what each one does. */
  readonly without?: readonly string[];
  /** Validate every output against its IL and freeze it (tests, explore, --check). */
  readonly check?: boolean;
  /** Stop after this pass (by name). */
  readonly until?: string;
  /** Keep only the last program, not every intermediate one (for `build`: less memory). */
  readonly lastOnly?: boolean;
  /** Where the passes' warnings are collected (the caller shows them). */
  readonly warnings?: Warning[];
  /** Called with each step as soon as its pass has run (the explorer shows it at once). */
  readonly made?: (step: Step, index: number) => void;
  /** Compile a test binary: main runs the test of these whose number stdin gives (`qnano test`). */
  readonly tests?: readonly string[];
  /** The files of the modules the program imports, already read (readModules): the explorer
   * reads them once, for its own line numbering and for the passes. Default: read here. */
  readonly modules?: ReadonlyMap<string, ModuleSource>;
}

/** The prelude shipped in the package (core/prelude.qs, front-end/modules.ts), read once per process. */
export { preludeFile };
let preludeText: string | null = null;

function readPrelude(): string {
  try {
    return readFileSync(join(packageRoot, preludeFile), "utf8");
  } catch (e) {
    throw new Error(`qnano is not installed whole: its prelude ${join(packageRoot, preludeFile)} cannot be read (${(e as Error).message})`);
  }
}

/** What every pass of a compilation of `source` is given: the file, the prelude and the files
 * of the modules it imports (read here, so that no pass does I/O, unless the caller read them
 * already with readModules). Warnings go to `warnings` when given. */
export function passContext(file: string, source: string, warnings?: Warning[], read?: ReadonlyMap<string, ModuleSource>): PassContext {
  preludeText ??= readPrelude();
  const prelude = { file: preludeFile, source: preludeText };
  const modules = read ?? readModules(file, source);
  return warnings ? { file, source, prelude, modules, warn: (w) => warnings.push(w) } : { file, source, prelude, modules };
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

/** The passes of a pipeline up to and including the one named `until` (all without it). */
export function passesUntil(passes: readonly Pass[], until: string | undefined): readonly Pass[] {
  const last = passes.findIndex((p) => p.name === until);
  return last < 0 ? passes : passes.slice(0, last + 1);
}

/** Runs the pipeline (the checking loop without interpreters); returns every
 * step. Throws CompileError on bad input, BrokenPass in checked mode. */
export function compile(source: string, file: string, options: CompileOptions): Step[] {
  const steps: Step[] = [];
  const passes = passesUntil(options.without ? pipelineWithout(options.target, options.without) : pipeline(options.target, options.opt), options.until);
  for (const step of checkPasses({ source, file, ...(options.tests ? { tests: options.tests } : {}), ...(options.modules ? { modules: options.modules } : {}) }, passes, { validate: options.check ?? false, interpret: false, warnings: options.warnings })) {
    throwIfBroken(step);
    if (options.lastOnly && steps.length > 0) steps[steps.length - 1]!.output = null;
    steps.push(step);
    options.made?.(step, steps.length - 1);
  }
  return steps;
}

/** The final assembly text of a full compilation. */
export function assemblyOf(steps: readonly Step[]): string {
  const last = steps[steps.length - 1];
  if (!last || typeof last.output !== "string" || last.pass.to !== "asm") throw new Error("the compilation did not reach assembly");
  return last.output;
}
