// The explorer's data: everything it shows about one compilation for one
// target, computed once when the file is opened (or when a target is first
// toggled to) and never again on a key. Every step is printed once, to lines;
// whether a pass changed the program is decided by comparing printed forms;
// the meaning of every step comes from the driver's checking loop.

import { freeze } from "immer";
import type { Target } from "../ir-defs/targets.js";
import { findIL } from "../ir-defs/index.js";
import { checkMade, throwIfBroken, type CheckedStep, type CheckOptions, type Step } from "../driver/driver.js";
import { grammarBnf, deltaText } from "../il/print.js";
import type { Loc } from "../il/node.js";
import { describeOutcome } from "../interp/runtime-model.js";
import { ilName } from "../il/pass.js";
import { functionNames, functionView, variablesOfFunction } from "../driver/function-view.js";
import { printLines } from "./print-lines.js";

export interface StepVerdict {
  readonly agrees: boolean;
  readonly outcome: string;
}

export interface StepView {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly ms: number;
  readonly lines: readonly string[];
  readonly locs: readonly (Loc | null)[];
  /** Its printed form differs from the previous step's (for parse: always). */
  readonly changed: boolean;
  /** Its IL's interpreter's outcome and whether it agrees with the source's; "pending" until
   * known (the interpreters may run in a worker); null for assembly text. */
  readonly verdict: StepVerdict | "pending" | null;
  /** The output IL's grammar, each line starting with "+ " (added by this IL), "~ " (changed) or "  ". */
  readonly grammar: readonly string[];
}

export interface Trace {
  readonly file: string;
  readonly target: Target;
  readonly sourceLines: readonly string[];
  /** What the interpreters read as standard input (FILE.in). */
  readonly stdin: string;
  readonly steps: readonly StepView[];
  /** The index of the first step whose meaning differs from the source's. */
  readonly firstBad: number | null;
  /** Why there are no semantics marks, when the interpreters could not run. */
  readonly meaningError: string | null;
  /** The functions of the program, in source order. */
  readonly functions: readonly string[];
  /** With several functions: each one's lines (and their source lines) after every step, for `f`. */
  readonly byFunction: Readonly<Record<string, readonly Printed[]>>;
}

export interface Printed {
  readonly lines: readonly string[];
  readonly locs: readonly (Loc | null)[];
}

const grammarCache = new Map<string, readonly string[]>();

/** An IL's grammar as lines, marked with what the IL adds and changes, then its delta. */
export function grammarLines(name: string): readonly string[] {
  const cached = grammarCache.get(name);
  if (cached) return cached;
  const il = findIL(name);
  let lines: string[];
  if (!il) lines = [`  ${name} has no grammar: it is plain text.`];
  else {
    const added = new Set(il.delta.added);
    const changed = new Set(il.delta.changed);
    lines = grammarBnf(il)
      .split("\n")
      .map((line) => {
        const production = line.includes("::=") || line.trimStart().startsWith("|");
        const kind = production ? (/(\w+)$/.exec(line)?.[1] ?? "") : "";
        return `${added.has(kind) ? "+" : changed.has(kind) ? "~" : " "} ${line}`;
      });
    lines.push("", `  delta against ${il.parent?.name ?? "nothing"} (- removed, ~ changed, + added):`, ...deltaText(il).split("\n").map((l) => `  ${l}`));
  }
  grammarCache.set(name, lines);
  return lines;
}

/**
 * Reports each step's verdict of the driver's checking loop by the step's
 * index as soon as it is known (running a program that loops a lot at every
 * level, down to the machine models, takes a while). The explorer runs it in
 * a worker (meaning-worker.ts) on the loop from the source, and in its own
 * process on the steps it has already made. A step the check cannot finish
 * (a crash, an interpreter that cannot run it) ends it with that error.
 */
export function reportVerdicts(steps: Iterable<CheckedStep>, report: (index: number, verdict: StepVerdict) => void): void {
  let index = 0;
  for (const step of steps) {
    throwIfBroken(step);
    if (step.outcome !== null) report(index, { agrees: step.verdict.kind === "agrees", outcome: describeOutcome(step.outcome) });
    index++;
  }
}

/** What the explorer asks of the checking loop: the meaning of every step (each was validated when it was made). */
export const meaningOptions = (stdin: string): CheckOptions => ({ run: { stdin }, validate: false });

/** The index of the first step whose meaning differs from the source's. */
export function firstBadOf(steps: readonly StepView[]): number | null {
  const bad = steps.findIndex((s) => s.verdict !== null && s.verdict !== "pending" && !s.verdict.agrees);
  return bad < 0 ? null : bad;
}

/** Assembly text as lines, each with the source line named by the nearest
 * `# N: ...` (or `// N: ...`) comment above it in the same block, which
 * emit-asm writes. */
export function assemblyLines(text: string): { lines: string[]; locs: (Loc | null)[] } {
  const lines = text.replace(/\n$/, "").split("\n");
  let current: Loc | null = null;
  const locs = lines.map((line) => {
    const named = /^\s*(?:#|\/\/) (\d+): /.exec(line);
    if (named) current = { line: Number(named[1]), col: 1, length: 1 };
    else if (/^\S.*:$/.test(line)) current = null; // a label: a new block starts afresh
    return current;
  });
  return { lines, locs };
}

/**
 * Builds the explorer's view of a compilation. With meaning "now" every
 * step's interpreter runs here on `stdin`; with "later" the verdicts are
 * left pending, for a worker to fill in.
 */
export function buildTrace(file: string, source: string, target: Target, steps: readonly Step[], stdin: string, meaning: "now" | "later" = "now"): Trace {
  const verdicts = new Map<number, StepVerdict>();
  let meaningError: string | null = null;
  if (meaning === "now") {
    try {
      reportVerdicts(checkMade(steps, meaningOptions(stdin)), (index, v) => verdicts.set(index, v));
    } catch (e) {
      meaningError = `the interpreters could not run: ${(e as Error).message}`;
    }
  }
  const sourceLines = source.replace(/\n$/, "").split("\n");
  const print = (to: Step["pass"]["to"], output: unknown): Printed => {
    const printed = typeof to === "string" ? assemblyLines(String(output)) : printLines(to, output);
    return { lines: printed.lines, locs: printed.locs.length > 0 ? printed.locs : printed.lines.map(() => null) };
  };
  // One function at a time (as `qnano trace --fn`): its variables are named
  // by instruction selection's output, before allocation gives them homes.
  const functions = steps[0] ? functionNames(steps[0].output) : [];
  const selected = steps.find((s) => s.pass.name === "select-instructions");
  const byFunction: Record<string, Printed[]> = {};
  if (functions.length > 1) {
    for (const fn of functions) {
      const variables = selected ? variablesOfFunction(selected.output, fn) : new Set<string>();
      byFunction[fn] = steps.map((step) => print(step.pass.to, functionView(step.output, fn, variables)));
    }
  }
  const views: StepView[] = [];
  let previous: readonly string[] = sourceLines;
  steps.forEach((step, index) => {
    const to = step.pass.to;
    const printed = print(to, step.output);
    const locs = printed.locs;
    const changed = views.length === 0 || printed.lines.length !== previous.length || printed.lines.some((l, i) => l !== previous[i]);
    views.push({
      name: step.pass.name,
      from: ilName(step.pass.from),
      to: ilName(to),
      ms: step.ms,
      lines: printed.lines,
      locs,
      changed,
      verdict: typeof to === "string" ? null : (verdicts.get(index) ?? (meaningError ? null : "pending")),
      grammar: grammarLines(typeof to === "string" ? ilName(to) : to.name),
    });
    previous = printed.lines;
  });
  return freeze(
    {
      file,
      target,
      stdin,
      sourceLines,
      steps: views,
      firstBad: firstBadOf(views),
      meaningError,
      functions,
      byFunction,
    },
    true,
  );
}
