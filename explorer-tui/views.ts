// What each view of the explorer shows for one pass of a trace, as lines of
// plain text with the source span of each: the program after the pass (or one
// function of it), the diff against the pass before (the source, for parse),
// the grammar of its output IL, the final assembly, and the output view (what
// the pass's interpreter printed beside the source's). Each is made once and
// cached: a key only moves through them. state.ts keeps the cursor in them;
// rows.ts paints them.

import type { Loc } from "../il/node.js";
import { diffLines, type DiffLine } from "./diff.js";
import { interleave } from "./diff-words.js";
import type { Trace } from "./trace.js";
import { unpackDiff, type Printed, type StepView } from "./step-view.js";
import { grammarLines } from "./grammar-lines.js";
import { briefly, lineCount } from "./marks.js";
import { fit, widthOf, wrap } from "./text.js";

export type View = "program" | "diff" | "grammar" | "asm" | "output";

/** What a step printed: the whole program, or only function `fn` of it. */
export function printedOf(step: StepView, fn: string | null): Printed {
  return (fn !== null ? step.byFunction?.[fn] : undefined) ?? step;
}

const sourceCache = new WeakMap<Trace, Printed>();
/** The source text as a "step": each line linked to itself. */
function sourcePrinted(trace: Trace): Printed {
  let p = sourceCache.get(trace);
  if (!p) sourceCache.set(trace, (p = { lines: trace.sourceLines, locs: trace.sourceLines.map((_, i) => ({ line: i + 1, col: 1, length: 1 })) }));
  return p;
}

const diffCache = new WeakMap<Printed, readonly DiffLine[]>();

/** The diff of a step against the one before it (the source, for the first). */
export function diffOf(trace: Trace, pass: number, fn: string | null = null): readonly DiffLine[] {
  const whole = trace.steps[pass]!;
  const step = printedOf(whole, fn);
  const cached = diffCache.get(step);
  if (cached) return cached;
  const before = pass === 0 ? sourcePrinted(trace) : printedOf(trace.steps[pass - 1]!, fn);
  // The worker made the whole program's diff; one function's is made here, when asked.
  const lines = step === whole && whole.diff ? unpackDiff(whole.diff, before.lines, step.lines) : interleave(diffLines(before.lines, step.lines));
  diffCache.set(step, lines);
  return lines;
}

/** Why a pass has nothing to show yet, or will have nothing: as the view's lines. */
function notRun(trace: Trace, pass: number): readonly string[] | null {
  const failure = trace.failure;
  const name = trace.passes[pass]!.name;
  if (failure && pass === failure.at) return [`${name} failed:`, "", ...failure.message.split("\n")];
  if (failure && pass > failure.at) return [`(${name} did not run: ${trace.passes[failure.at]!.name} failed before it:)`, "", ...failure.message.split("\n")];
  if (pass >= trace.steps.length) return [`(${name} is running: ${trace.steps.length} of ${trace.passes.length} passes done)`];
  return null;
}

/** The line under a view's title: the pass and what it does (from the pipeline's table); `}` scrolls it with the view. */
export const purposeOf = (trace: Trace, pass: number): string => `${trace.passes[pass]!.name}: ${trace.passes[pass]!.purpose}`;

/** A view's lines and the source span of each (none for the grammar and the output). */
export interface Lines {
  readonly lines: readonly string[];
  readonly locs: readonly (Loc | null)[] | null;
  /** For the diff view: the diff itself, one entry per line. */
  readonly changes?: readonly DiffLine[];
}

const linesCache = new WeakMap<object, Map<string, Lines>>();

/** The lines of the view of `view` for pass `pass` of `trace` (cached: a key never recomputes them). */
export function linesOf(trace: Trace, pass: number, view: View, fn: string | null, width: number): Lines {
  if (view === "grammar") return { lines: grammarLines(trace.passes[pass]!.to), locs: null };
  if (view === "output") return { lines: outputLines(trace, pass, width), locs: null };
  if (view === "asm") {
    const last = trace.passes.length - 1;
    const missing = trace.steps.length <= last ? notRun(trace, last) : null;
    if (missing) return { lines: missing, locs: null };
    return printedOf(trace.steps[last]!, fn);
  }
  const missing = notRun(trace, pass);
  if (missing) return { lines: missing, locs: null };
  const step = trace.steps[pass]!;
  if (view === "program") return printedOf(step, fn);
  // The diff: cached per step, so that moving through it costs nothing.
  const key = printedOf(step, fn);
  let byView = linesCache.get(key);
  if (!byView) linesCache.set(key, (byView = new Map()));
  const cached = byView.get("diff");
  if (cached) return cached;
  let result: Lines;
  if (!step.changed) {
    const before = pass === 0 ? "the source" : trace.passes[pass - 1]!.name;
    result = { lines: [`  (no change from ${before})`], locs: null };
  } else {
    const diff = diffOf(trace, pass, fn);
    const after = printedOf(step, fn).locs;
    const beforeLocs = pass === 0 ? sourcePrinted(trace).locs : printedOf(trace.steps[pass - 1]!, fn).locs;
    result = { lines: diff.map((d) => `${d.sign} ${d.text}`), locs: diff.map((d) => (d.sign === "-" ? beforeLocs[d.at] : after[d.at]) ?? null), changes: diff };
  }
  byView.set("diff", result);
  return result;
}

/** The source line of a line of a view, or null. */
export const lineOf = (view: Lines, i: number): number | null => view.locs?.[i]?.line ?? null;

// ---------------------------------------------------------------- the output view

const outputCache = new WeakMap<object, Map<number, readonly string[]>>();

/** What the selected pass's interpreter printed, beside what the source's printed, line by line. */
export function outputLines(trace: Trace, pass: number, width: number): readonly string[] {
  const info = trace.passes[pass]!;
  const step = trace.steps[pass];
  const source = trace.steps[0]?.verdict;
  const inputLines = lineCount(trace.stdin);
  const input = trace.input === null ? "standard input: none" : `standard input: ${trace.input} (${inputLines} line${inputLines === 1 ? "" : "s"})`;
  const mark = step?.verdict;
  // A sentence in lines that fit the view (less its gutter).
  const say = (text: string) => [input, "", ...wrap(text, width - 2)];
  if (!step) return [input, "", ...(notRun(trace, pass) ?? [])];
  if (mark === null) return say(`${info.name} writes ${info.to}: no interpreter runs it; the marks of the ILs before it say what it means.`);
  if (mark === "no input" || source === "no input") {
    return say(`This program reads standard input, and ${trace.input === null ? "none was given" : `${trace.input} is empty`}: every run would end on \`panic: bad input\`, which says nothing about the passes. Put its input in ${trace.file.replace(/\.qs$/, "")}.in beside it, or give \`--stdin FILE\`, and reload (r).`);
  }
  if (mark === "pending" || mark === undefined || typeof source !== "object" || source === null) return say(`the ${info.to} interpreter is running...`);
  let byWidth = outputCache.get(mark);
  if (!byWidth) outputCache.set(mark, (byWidth = new Map()));
  const cached = byWidth.get(width);
  if (cached) return cached;
  const column = Math.max(8, Math.floor((width - 10) / 2));
  const cell = (text: string) => fit(text, column); // (by display columns: a CJK character takes two, an emoji is not cut in half)
  const here = mark.stdout.split("\n");
  const there = source.stdout.split("\n");
  if (here[here.length - 1] === "") here.pop();
  if (there[there.length - 1] === "") there.pop();
  const lines = [
    input,
    `the source (${trace.passes[0]!.to}): ${briefly(source)}`,
    `after ${info.name} (${info.to}): ${briefly(mark)}`,
    mark.agrees ? "  ✓ the same output, status and panic" : mark.gaveUp ? `  ? ${mark.gaveUp}: no verdict (${mark.differs})` : `  ✗ ${mark.differs}`,
    "",
    ` line │ ${cell("the source")} │ after ${info.name}`,
  ];
  for (let i = 0; i < Math.max(here.length, there.length); i++) {
    const a = there[i] ?? "";
    const b = here[i] ?? "";
    lines.push(`${String(i + 1).padStart(5)} │ ${cell(i < there.length ? a : "")} │ ${i < here.length ? b : ""}${a !== b ? "  ✗" : ""}`);
  }
  byWidth.set(width, lines);
  return lines;
}

