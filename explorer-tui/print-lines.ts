// A program printed line by line (il/print.ts's printer), remembering for
// every printed line the source span (loc) it shows: that of the outermost
// node that starts on the line (a statement, an instruction), or, on a line
// where none starts (a closing `}`), that of the innermost node around it (the
// `while` the brace closes). A line inside no node with a loc (a label, the
// table of homes) has none. The explorer links the lines of every pass and the
// source by these.

import type { IL } from "../il/define.js";
import type { AnyNode, Loc } from "../il/node.js";
import { printNodeMarked } from "../il/print.js";

export interface PrintedLines {
  readonly lines: readonly string[];
  /** The source span for each line (same length as lines), or null. */
  readonly locs: readonly (Loc | null)[];
}

// A node with a loc prints as OPEN index END, its text, CLOSE index END: control
// characters that no printed program contains.
const OPEN = "\u0000";
const CLOSE = "\u0002";
const END = "\u0001";

const marker = /([\u0000\u0002])(\d+)\u0001/g;

/** Prints a program of `il` as lines, each with the loc it shows. */
export function printLines(il: IL, program: unknown): PrintedLines {
  const spans: Loc[] = [];
  const index = new Map<AnyNode, number>();
  // The whole program's span starts at the file's first line: it says nothing.
  const open = (node: AnyNode) => {
    if (!node.loc || node === program) return "";
    const i = spans.push(node.loc) - 1;
    index.set(node, i);
    return `${OPEN}${i}${END}`;
  };
  const close = (node: AnyNode) => {
    const i = index.get(node);
    return i === undefined ? "" : `${CLOSE}${i}${END}`;
  };
  const marked = printNodeMarked(il, program, open, close).split("\n");
  const lines: string[] = [];
  const locs: (Loc | null)[] = [];
  const around: number[] = []; // the nodes open at the start of the line, innermost last
  for (const line of marked) {
    let own: number | null = null;
    const enclosing = around[around.length - 1];
    for (const [, kind, i] of line.matchAll(marker)) {
      if (kind === OPEN) {
        own ??= Number(i);
        around.push(Number(i));
      } else around.pop();
    }
    lines.push(line.includes(END) ? line.replace(marker, "") : line);
    const at = own ?? enclosing;
    locs.push(at === undefined ? null : spans[at]!);
  }
  return { lines, locs };
}
