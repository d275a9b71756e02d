// The explorer's data: everything it shows about one compilation for one
// target. The passes are known at once (the pipeline table); each step is
// printed once, to lines, when its pass has run (in a worker, trace-worker.ts,
// which sends the steps one by one, so the screen opens before the last pass
// ends), and never again on a key. Whether a pass changed the program is
// decided by comparing printed forms; the meaning of every step comes from its
// IL's interpreter, run after the passes (marks.ts).

import type { Target } from "../ir-defs/targets.js";
import { findIL } from "../ir-defs/index.js";
import { kindsOf } from "../il/define.js";
import type { Step } from "../driver/driver.js";
import { deltaText, productionBnf } from "../il/print.js";
import type { Loc } from "../il/node.js";
import { ilName } from "../il/pass.js";
import { pipeline, type OptLevel } from "../passes/pipeline.js";
import { functionNames, functionViews, variablesOfFunctions } from "../driver/function-view.js";
import { printLines } from "./print-lines.js";
import { diffLines, interleave, type DiffLine } from "./diff.js";
import { eachVerdict, type Mark, type StepVerdict } from "./marks.js";

export type { Mark, StepVerdict };

/** A pass as the pipeline table says it, known before it runs. */
export interface PassInfo {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly purpose: string;
}

export interface Printed {
  readonly lines: readonly string[];
  /** The source span of each line (same length as lines), or null. */
  readonly locs: readonly (Loc | null)[];
}

/** A diff in a few numbers: each line's sign (0 " ", 1 "-", 2 "+") and its index on its side. */
export interface PackedDiff {
  readonly signs: Uint8Array;
  readonly at: Int32Array;
}

const signs = [" ", "-", "+"] as const;

export function packDiff(diff: readonly DiffLine[]): PackedDiff {
  return { signs: Uint8Array.from(diff, (d) => signs.indexOf(d.sign)), at: Int32Array.from(diff, (d) => d.at) };
}

export function unpackDiff(packed: PackedDiff, before: readonly string[], after: readonly string[]): DiffLine[] {
  return Array.from(packed.signs, (code, i) => {
    const at = packed.at[i]!;
    const sign = signs[code]!;
    return { sign, text: (sign === "-" ? before : after)[at]!, at };
  });
}

export interface StepView extends PassInfo, Printed {
  readonly ms: number;
  /** Its printed form differs from the previous step's (for parse: always). */
  readonly changed: boolean;
  /** What it changed: the diff against the previous step (the source, for parse), made by the worker; null when nothing changed. */
  readonly diff: PackedDiff | null;
  readonly verdict: Mark;
  /** With several functions: each one's lines (and their source lines), for `f`. */
  readonly byFunction: Readonly<Record<string, Printed>> | null;
}

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
  /** The functions of the program, in source order (known once parse has run). */
  readonly functions: readonly string[];
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
    sourceLines: source.replace(/\n$/, "").split("\n"),
    stdin,
    input,
    passes: passesOf(target, opt),
    steps: [],
    failure: null,
    firstBad: null,
    meaningError: null,
    functions: [],
  };
}

/** The same file and input, compiled again (for another target, or after the file changed). */
export const freshTrace = (t: Trace, target: Target = t.target, source: string = t.source): Trace => emptyTrace(t.file, source, target, t.stdin, t.input, t.opt);

/** Whether every pass has run (or one failed, so no more will). */
export const compiled = (t: Trace): boolean => t.failure !== null || t.steps.length === t.passes.length;

// ---------------------------------------------------------------- printing a step

/** Assembly text as lines, each with the source line named by the nearest
 * `# N: ...` (or `// N: ...`) comment above it, which emit-asm writes where
 * the source line changes. Labels, directives and a function's code before
 * its first such comment belong to no source line. */
export function assemblyLines(text: string): { lines: string[]; locs: (Loc | null)[] } {
  const lines = text.replace(/\n$/, "").split("\n");
  let current: Loc | null = null;
  const locs = lines.map((line) => {
    const named = /^\s*(?:#|\/\/) (\d+): /.exec(line);
    if (named) return (current = { line: Number(named[1]), col: 1, length: 1 });
    if (/^\S.*:$/.test(line)) {
      if (!line.includes(".")) current = null; // a function's symbol: its code starts afresh
      return null; // a label
    }
    if (/^\s*\./.test(line) || /^\s*(#|\/\/)/.test(line)) {
      if (/^\s*\.(data|section)/.test(line)) current = null;
      return null; // a directive or another comment
    }
    return current;
  });
  return { lines, locs };
}

function printStep(to: Step["pass"]["to"], output: unknown): Printed {
  const printed = typeof to === "string" ? assemblyLines(String(output)) : printLines(to, output);
  return { lines: printed.lines, locs: printed.locs.length > 0 ? printed.locs : printed.lines.map(() => null) };
}

/** What a worker needs to know across steps to print the next one. */
export interface Printer {
  readonly functions: string[];
  /** Each function's variables, named by instruction selection's output (before allocation gives them homes). */
  variables: Map<string, Set<string>> | null;
  previous: readonly string[];
}

export const newPrinter = (sourceLines: readonly string[]): Printer => ({ functions: [], variables: null, previous: sourceLines });

/** One step as the explorer shows it (its verdict pending), printed whole and, with several functions, one function at a time. */
export function stepView(step: Step, printer: Printer): StepView {
  const to = step.pass.to;
  if (printer.functions.length === 0 && step.pass.from === "text") printer.functions.push(...functionNames(step.output));
  if (step.pass.name === "select-instructions" && printer.functions.length > 1) printer.variables = variablesOfFunctions(step.output, printer.functions);
  const printed = printStep(to, step.output);
  let byFunction: Record<string, Printed> | null = null;
  if (printer.functions.length > 1) {
    byFunction = {};
    const views = functionViews(step.output, printer.functions, printer.variables ?? new Map());
    for (const fn of printer.functions) byFunction[fn] = printStep(to, views.get(fn));
  }
  const previous = printer.previous;
  const changed = step.pass.from === "text" || printed.lines.length !== previous.length || printed.lines.some((l, i) => l !== previous[i]);
  printer.previous = printed.lines;
  return {
    name: step.pass.name,
    from: ilName(step.pass.from),
    to: ilName(to),
    purpose: step.pass.purpose,
    ms: step.ms,
    lines: printed.lines,
    locs: printed.locs,
    changed,
    diff: changed ? packDiff(interleave(diffLines(previous, printed.lines))) : null,
    verdict: typeof to === "string" ? null : "pending",
    byFunction,
  };
}

// ---------------------------------------------------------------- the grammar view

const grammarCache = new Map<string, readonly string[]>();

/**
 * An IL's grammar as lines for a narrow screen: each nonterminal, then its
 * productions one a line with the node kind first (so that a cut line keeps
 * it), marked "+ " when the IL adds the kind, "~ " when it changes it; then the
 * terminals, the invariants and the delta against the IL before.
 */
export function grammarLines(name: string): readonly string[] {
  const cached = grammarCache.get(name);
  if (cached) return cached;
  const il = findIL(name);
  let lines: string[];
  if (!il) lines = [`  ${name} has no grammar: it is plain text.`];
  else {
    const added = new Set(il.delta.added);
    const changed = new Set(il.delta.changed);
    const kindWidth = Math.max(...[...il.kinds.keys()].map((k) => k.length));
    lines = [];
    const order = [il.entry, ...[...il.productions.keys()].filter((nt) => nt !== il.entry)];
    for (const nt of order) {
      lines.push(`  ${nt} ::=`);
      for (const inc of il.includes.get(nt) ?? []) lines.push(`    ${`(${inc})`.padEnd(kindWidth)}  ${kindsOf(il, inc).join(" | ")}`);
      for (const p of il.productions.get(nt) ?? []) {
        const sign = added.has(p.kind) ? "+" : changed.has(p.kind) ? "~" : " ";
        lines.push(`${sign}   ${p.kind.padEnd(kindWidth)}  ${productionBnf(p)}`);
      }
    }
    const used = new Set<string>();
    for (const p of il.kinds.values()) for (const f of p.fields) if (il.terminals.has(f.type)) used.add(f.type);
    lines.push("", "  terminals:", ...[...il.terminals.values()].filter((t) => used.has(t.name)).map((t) => `    ${t.name.padEnd(8)} ${t.describe}`));
    if (il.invariants.length > 0) lines.push("", "  invariants:", ...il.invariants.map((i) => `    - ${i.says}`));
    lines.push("", `  delta against ${il.parent?.name ?? "nothing"} (- removed, ~ changed, + added):`, ...deltaText(il).split("\n").map((l) => `  ${l}`));
  }
  grammarCache.set(name, lines);
  return lines;
}

/** The index of the first step whose meaning differs from the source's. */
export function firstBadOf(steps: readonly StepView[]): number | null {
  const bad = steps.findIndex((s) => typeof s.verdict === "object" && s.verdict !== null && !s.verdict.agrees);
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
  const printer = newPrinter(empty.sourceLines);
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
  return { ...empty, steps: views, firstBad: firstBadOf(views), meaningError, functions: printer.functions };
}
