// The explorer's state, its layout, and the steps the reducer is made of. The
// state is plain immutable data (the traces inside it are frozen once, when
// they arrive); every key is an event, and reduce(state, event) -> state
// (reducer.ts, the keys in key-actions.ts) is a pure function (immer's
// produce), so all key handling is tested without a terminal. The components
// only render it.
//
// The view has a cursor, on a line of the program (or diff, or assembly); the
// source line that line came from is the link, and every line of the view
// from the same source line is marked. Moving to another pass, view, function
// or target puts the cursor on a line from the linked source line again, at
// the same row of the screen, so a statement stays in sight as the passes
// rewrite it.

import { produce, freeze } from "immer";
import type { Target } from "../ir-defs/targets.js";
import { compiled, type Input, type Mark, type Trace } from "./trace.js";
import type { StepView } from "./step-view.js";
import { lineOf, linesOf, type Lines, type View } from "./views.js";
import type { SourceFile } from "./sources.js";

export type { View };
/** The pass list: names (and times when there is room), numbers only, or hidden. */
export type ListMode = "names" | "numbers" | "hidden";

export interface State {
  readonly traces: Readonly<Partial<Record<Target, Trace>>>;
  readonly target: Target;
  /** The two targets side by side: this one on the left, the other on the right. */
  readonly both: boolean;
  /** The selected pass (index into the pipeline's passes). */
  readonly pass: number;
  readonly view: View;
  /** The line of the view under the cursor. */
  readonly cursor: number;
  /** The first visible line of the view. */
  readonly scroll: number;
  /** The first visible column (long lines scroll sideways). */
  readonly hscroll: number;
  /** The source line the cursor is on (kept across passes and views), or null. */
  readonly link: number | null;
  readonly list: ListMode;
  /** The pass list shows only the passes that changed the program (and the selected one). */
  readonly hideUnchanged: boolean;
  readonly columns: number;
  readonly rows: number;
  /** A line being typed after `/` (search) or `:` (jump to a pass). */
  readonly input: { readonly purpose: "search" | "jump"; readonly text: string } | null;
  readonly query: string;
  /** The line of the view that matched the last search. */
  readonly match: number | null;
  /** The help's first visible line while it is open, else null. */
  readonly help: number | null;
  /** The list of functions by module (`F`) while it is open: its selected entry (function-list.ts), else null. */
  readonly functionList: number | null;
  /** The function shown (`f` cycles through them), or null for the whole program. */
  readonly fn: string | null;
  readonly message: string;
  /** The exit status once the explorer is to end (0 after q, 130 after Ctrl-C), else null. */
  readonly quit: number | null;
  /** After a reload, until the new program's files arrive: the files the link was numbered in (reducer.ts follows it into the new ones). */
  readonly relink: readonly SourceFile[] | null;
  /** How many times `r` asked to read the file again (the application does, then sends `reload`). */
  readonly reloads: number;
}

export type Event =
  | { readonly kind: "key"; readonly key: string }
  | { readonly kind: "resize"; readonly columns: number; readonly rows: number }
  /** A whole trace at once (a test's, or one built in this process), in place of its target's. */
  | { readonly kind: "loaded"; readonly trace: Trace }
  /** The next step of trace `trace` (and, with the first, the program's functions and files). */
  | { readonly kind: "step"; readonly trace: number; readonly index: number; readonly step: StepView; readonly functions?: readonly string[]; readonly files?: readonly SourceFile[] }
  /** Pass `at` of trace `trace` failed: the diagnostics, or what the broken pass did. */
  | { readonly kind: "failed"; readonly trace: number; readonly at: number; readonly message: string }
  | { readonly kind: "meaning"; readonly trace: number; readonly index: number; readonly mark: Mark }
  | { readonly kind: "meaning-failed"; readonly trace: number; readonly message: string }
  /** The file's text now (after `r`, or when it changed on disk: `changed`, the name of a module's file when that one changed). */
  | { readonly kind: "reload"; readonly source: string; readonly changed?: true | string; readonly input?: Input }
  | { readonly kind: "say"; readonly message: string };

/** The files `before` named and those the traces name now (`before` itself when there is none new): what the explorer watches. */
export function filesNamed(s: State, before: readonly string[]): readonly string[] {
  const fresh = Object.values(s.traces).flatMap((t) => t.files.map((f) => f.file).filter((f) => !before.includes(f)));
  return fresh.length === 0 ? before : [...before, ...new Set(fresh)];
}

export const otherTarget = (t: Target): Target => (t === "x86_64" ? "aarch64" : "x86_64");

export function initialState(trace: Trace, columns = 80, rows = 24, options: { both?: Trace } = {}): State {
  const traces: Partial<Record<Target, Trace>> = { [trace.target]: freeze(trace, true) };
  if (options.both) traces[options.both.target] = freeze(options.both, true);
  const state: State = {
    traces,
    target: trace.target,
    both: options.both !== undefined,
    pass: 0,
    view: "program",
    cursor: 0,
    scroll: 0,
    hscroll: 0,
    link: null,
    list: "names",
    hideUnchanged: false,
    columns,
    rows,
    input: null,
    query: "",
    match: null,
    help: null,
    functionList: null,
    fn: null,
    message: "",
    quit: null,
    relink: null,
    reloads: 0,
  };
  return placeCursor(state, 0);
}

// ---------------------------------------------------------------- layout

export const traceOf = (s: State, target: Target = s.target): Trace => s.traces[target] ?? Object.values(s.traces)[0]!;
/** The selected pass's step, once it has run. */
export const stepOf = (s: State): StepView | undefined => traceOf(s).steps[s.pass];
export const passName = (s: State): string => traceOf(s).passes[s.pass]!.name;

/** The pass of `other` that stands for pass `pass` of `trace` (the other target's): the same by
 * name, else the nearest earlier one that `other` has too (fuse-multiply-add is AArch64's alone:
 * x86-64's use-conditional-moves stands for it), else the first. */
export function samePass(trace: Trace, pass: number, other: Trace): number {
  for (let i = Math.min(pass, trace.passes.length - 1); i >= 0; i--) {
    const at = other.passes.findIndex((p) => p.name === trace.passes[i]!.name);
    if (at >= 0) return at;
  }
  return 0;
}

const longestName = (s: State) => Math.max(...traceOf(s).passes.map((p) => p.name.length));
/** Pass times are shown when the screen is this wide. */
export const timesFrom = 110;

/** The pass list's width, with its border column (0 when hidden). */
export function listWidth(s: State): number {
  if (s.list === "hidden") return 0;
  if (s.list === "numbers") return 4 + String(traceOf(s).passes.length).length + 1;
  return Math.min(Math.floor(s.columns / 2), 4 + longestName(s) + (s.columns >= timesFrom ? 6 : 0) + 1);
}
/** How many lines of the view are visible: the screen less the header, the view's title and purpose, the source line and the status line. */
export const viewHeight = (s: State) => Math.max(1, s.rows - 5);
/** The width of the view (of each view, with both targets), its gutter column included. */
export const viewWidth = (s: State) => {
  const all = Math.max(10, s.columns - listWidth(s));
  return s.both ? Math.floor((all - 1) / 2) : all;
};

/** The lines of the current view (of the left one, with both targets), as plain text. */
export const viewOf = (s: State): Lines => linesOf(traceOf(s), s.pass, s.view, s.fn, viewWidth(s));
export const viewLines = (s: State): readonly string[] => viewOf(s).lines;

/** The visible slice of the view: the only lines ever rendered. */
export function visibleLines(s: State): readonly string[] {
  return viewLines(s).slice(s.scroll, s.scroll + viewHeight(s));
}

// ---------------------------------------------------------------- moving the cursor and the pass (the reducer's steps: key-actions.ts, reducer.ts)

export const say = (s: State, message: string): State => produce(s, (d) => void (d.message = message));

export const maxScroll = (s: State, length = viewLines(s).length) => Math.max(0, length - viewHeight(s));
export const clampScroll = (s: State, top: number, length?: number) => Math.max(0, Math.min(top, maxScroll(s, length)));

/** The cursor on line `to` (within the view), the view scrolled to show it, the link following it. */
export function moveCursor(s: State, to: number, top: number = s.scroll): State {
  const view = viewOf(s);
  const length = view.lines.length;
  const cursor = Math.max(0, Math.min(to, length - 1));
  const page = viewHeight(s);
  let scroll = clampScroll(s, top, length);
  if (cursor < scroll) scroll = cursor;
  if (cursor >= scroll + page) scroll = cursor - page + 1;
  return produce(s, (d) => {
    d.cursor = cursor;
    d.scroll = clampScroll(s, scroll, length);
    d.link = lineOf(view, cursor) ?? s.link;
  });
}

/**
 * After the view changed under the cursor (another pass, view, function,
 * target, or the step arrived): the cursor on the first line from the linked
 * source line, at the row of the screen it was on; when no line comes from it,
 * on the line from the nearest one (the link stays: the source line below
 * the view says so), or, with `lost` "top" (a function chosen), on the view's
 * first line, linked to its own. Without a link, where it was.
 */
export function placeCursor(s: State, row: number, lost: "nearest" | "top" = "nearest"): State {
  const view = viewOf(s);
  // A pass that has not run yet: the cursor waits where it is for the lines to arrive.
  if (!view.locs && (s.view === "program" || s.view === "diff" || s.view === "asm")) return s;
  if (s.link === null || !view.locs) return moveCursor(s, s.cursor, s.scroll);
  let best = -1;
  let distance = Infinity;
  view.locs.forEach((loc, i) => {
    if (!loc) return;
    const d = Math.abs(loc.line - s.link!);
    if (d < distance) [best, distance] = [i, d];
  });
  if (best < 0) return moveCursor(s, s.cursor, s.scroll);
  if (distance > 0 && lost === "top") return moveCursor(s, 0, 0);
  const link = s.link;
  const moved = moveCursor(s, best, best - row);
  return moved.link === link ? moved : produce(moved, (d) => void (d.link = link)); // the nearest line does not change the link
}

export const row = (s: State) => s.cursor - s.scroll;

/** Whether pass i is listed: every pass, or with `u` only those that changed (and the selected one). */
export function listed(s: { readonly trace: Trace; readonly pass: number; readonly hideUnchanged: boolean }, i: number): boolean {
  if (!s.hideUnchanged || i === s.pass) return true;
  const step = s.trace.steps[i];
  return step === undefined || step.changed;
}

export const listedIn = (s: State, i: number) => listed({ trace: traceOf(s), pass: s.pass, hideUnchanged: s.hideUnchanged }, i);

export function selectPass(s: State, pass: number, message = ""): State {
  const last = traceOf(s).passes.length - 1;
  const next = Math.max(0, Math.min(pass, last));
  const moved = produce(s, (d) => {
    d.pass = next;
    d.match = null;
    d.message = message || (pass < 0 ? "this is the first pass" : pass > last ? "this is the last pass" : "");
  });
  return placeCursor(moved, row(s));
}

/** The next (or previous) listed pass. */
export function step(s: State, direction: 1 | -1): State {
  const n = traceOf(s).passes.length;
  for (let i = s.pass + direction; i >= 0 && i < n; i += direction) if (listedIn(s, i)) return selectPass(s, i);
  return selectPass(s, s.pass + direction);
}

export function setView(s: State, view: View): State {
  const moved = produce(s, (d) => {
    d.view = view;
    d.match = null;
    d.message = "";
    if (view === "grammar" || view === "output") [d.cursor, d.scroll] = [0, 0];
  });
  return view === "grammar" || view === "output" ? moved : placeCursor(moved, row(s));
}

/** How many steps still wait for their interpreter's verdict (or have not run). */
export const pendingOf = (trace: Trace): number =>
  trace.failure ? trace.steps.filter((st) => st.verdict === "pending").length : trace.passes.length - trace.steps.length + trace.steps.filter((st) => st.verdict === "pending").length;

/** Whether the trace is complete: every pass ran (or one failed) and every interpreter gave its verdict. */
export const settled = (trace: Trace): boolean => compiled(trace) && trace.steps.every((st) => st.verdict !== "pending");
