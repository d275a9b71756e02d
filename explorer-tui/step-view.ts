// One step of a compilation as the explorer shows it: the program after a
// pass printed once, to lines, each with the source line it came from (for
// the assembly, from emit-asm's `# N:` comments); with several functions,
// each function's lines too; whether it changed the program (comparing the
// printed forms) and the diff against the step before, packed to a few numbers
// for the trip from the worker.

import type { Step } from "../driver/driver.js";
import type { Loc } from "../il/node.js";
import { ilName } from "../il/pass.js";
import { functionOfSymbol } from "../ir-defs/functions.js";
import { functionNames, functionViews, variablesOfFunctions } from "../driver/function-view.js";
import { printLines } from "./print-lines.js";
import { diffLines, type DiffLine } from "./diff.js";
import { interleave } from "./diff-words.js";
import type { Mark } from "./marks.js";
import { moduleOfFunction, placer, splitLines, type SourceFile } from "./sources.js";

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

/** Assembly text as lines, each with the source line named by the nearest
 * `# N: ...` (or `// N: ...`) comment above it, which emit-asm writes where
 * the source line changes. Labels, directives and a function's code before
 * its first such comment belong to no source line. In a function of another
 * module, N is a line of that module's file: `place` puts it among every
 * file's lines (sources.ts). */
export function assemblyLines(text: string, place: (module: string, line: number) => number = (_, line) => line, files: readonly SourceFile[] = []): { lines: string[]; locs: (Loc | null)[] } {
  const lines = splitLines(text);
  let current: Loc | null = null;
  let module = ""; // the module of the function whose code this is: its line numbers are its file's
  const locs = lines.map((line) => {
    const named = /^\s*(?:#|\/\/) (\d+): /.exec(line);
    if (named) return (current = { line: place(module, Number(named[1])), col: 1, length: 1 });
    if (/^\S.*:$/.test(line)) {
      const fn = functionOfSymbol(line.slice(0, -1).replace(/^"(.*)"$/, "$1"));
      if (fn !== null) module = moduleOfFunction(files, fn);
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

function printStep(to: Step["pass"]["to"], output: unknown, printer: Printer): Printed {
  const place = placer(printer.files);
  const printed = typeof to === "string" ? assemblyLines(String(output), place.module, printer.files) : printLines(to, output);
  const locs = typeof to === "string" || printer.files.length <= 1 ? printed.locs : printed.locs.map(place.loc);
  return { lines: printed.lines, locs: locs.length > 0 ? locs : printed.lines.map(() => null) };
}

/** What a worker needs to know across steps to print the next one. */
export interface Printer {
  readonly functions: string[];
  /** Each function's variables, named by instruction selection's output (before allocation gives them homes). */
  variables: Map<string, Set<string>> | null;
  previous: readonly string[];
  /** The program's files, whose lines the printed locs are placed among. */
  readonly files: readonly SourceFile[];
}

export const newPrinter = (sourceLines: readonly string[], files: readonly SourceFile[] = []): Printer => ({ functions: [], variables: null, previous: sourceLines, files });

/** One step as the explorer shows it (its verdict pending), printed whole and, with several functions, one function at a time. */
export function stepView(step: Step, printer: Printer): StepView {
  const to = step.pass.to;
  if (printer.functions.length === 0 && step.pass.from === "text") printer.functions.push(...functionNames(step.output));
  if (step.pass.name === "select-instructions" && printer.functions.length > 1) printer.variables = variablesOfFunctions(step.output, printer.functions);
  const printed = printStep(to, step.output, printer);
  let byFunction: Record<string, Printed> | null = null;
  if (printer.functions.length > 1) {
    byFunction = {};
    const views = functionViews(step.output, printer.functions, printer.variables ?? new Map());
    for (const fn of printer.functions) byFunction[fn] = printStep(to, views.get(fn), printer);
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
