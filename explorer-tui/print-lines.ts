// A program printed line by line (il/print.ts's printer), remembering for
// every printed line the source span (loc) of the last node that starts on it,
// or of the nearest line above that has one. The explorer shows that source
// line under the program.

import type { IL } from "../il/define.js";
import type { AnyNode, Loc } from "../il/node.js";
import { printNodeMarked } from "../il/print.js";

export interface PrintedLines {
  readonly lines: readonly string[];
  /** The source span for each line (same length as lines), null before the first node with a loc. */
  readonly locs: readonly (Loc | null)[];
}

// A node with a loc prints as START index END before its text; both are
// control characters that no printed program contains.
const START = "\u0000";
const END = "\u0001";

const marker = /\u0000(\d+)\u0001/g;

/** Prints a program of `il` as lines, each with the loc of the last node that starts on it. */
export function printLines(il: IL, program: unknown): PrintedLines {
  const spans: Loc[] = [];
  // The whole program's span starts at the file's first line: it says nothing.
  const mark = (node: AnyNode) => (node.loc && node !== program ? `${START}${spans.push(node.loc) - 1}${END}` : "");
  const marked = printNodeMarked(il, program, mark).split("\n");
  const lines: string[] = [];
  const locs: (Loc | null)[] = [];
  let last: Loc | null = null;
  for (const line of marked) {
    // The last node that starts on the line: the root and the enclosing
    // function start on a line of their own, the statement's parts on its.
    const starts = [...line.matchAll(marker)];
    const deepest = starts[starts.length - 1];
    if (deepest) last = spans[Number(deepest[1])] ?? last;
    lines.push(line.replace(marker, ""));
    locs.push(last);
  }
  return { lines, locs };
}
