// The explorer's state and its reducer. The state is plain immutable data (the
// traces inside it are frozen once, when they arrive); every key is an event,
// and reduce(state, event) -> state is a pure function (immer's produce), so
// all key handling is tested without a terminal. The components only render it.
//
// The view has a cursor, on a line of the program (or diff, or assembly); the
// source line that line came from is the link, and every line of the view
// from the same source line is marked. Moving to another pass, view, function
// or target puts the cursor on a line from the linked source line again, at
// the same row of the screen, so a statement stays in sight as the passes
// rewrite it.

import { produce, freeze } from "immer";
import type { Target } from "../ir-defs/targets.js";
import type { Loc } from "../il/node.js";
import { compiled, firstBadOf, freshTrace, type Mark, type StepView, type Trace } from "./trace.js";
import { diffOf, lineOf, linesOf, printedOf, type Lines, type View } from "./views.js";
import { helpLines } from "./help.js";

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
  /** The function shown (`f` cycles through them), or null for the whole program. */
  readonly fn: string | null;
  readonly message: string;
  /** The exit status once the explorer is to end (0 after q, 130 after Ctrl-C), else null. */
  readonly quit: number | null;
  /** How many times `r` asked to read the file again (the application does, then sends `reload`). */
  readonly reloads: number;
}

export type Event =
  | { readonly kind: "key"; readonly key: string }
  | { readonly kind: "resize"; readonly columns: number; readonly rows: number }
  /** A whole trace at once (a test's, or one built in this process), in place of its target's. */
  | { readonly kind: "loaded"; readonly trace: Trace }
  /** The next step of trace `trace` (and, with the first, the program's functions). */
  | { readonly kind: "step"; readonly trace: number; readonly index: number; readonly step: StepView; readonly functions?: readonly string[] }
  /** Pass `at` of trace `trace` failed: the diagnostics, or what the broken pass did. */
  | { readonly kind: "failed"; readonly trace: number; readonly at: number; readonly message: string }
  | { readonly kind: "meaning"; readonly trace: number; readonly index: number; readonly mark: Mark }
  | { readonly kind: "meaning-failed"; readonly trace: number; readonly message: string }
  /** The file's text now (after `r`, or when it changed on disk: `changed`). */
  | { readonly kind: "reload"; readonly source: string; readonly changed?: boolean }
  | { readonly kind: "say"; readonly message: string };

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
    fn: null,
    message: "",
    quit: null,
    reloads: 0,
  };
  return placeCursor(state, 0);
}

// ---------------------------------------------------------------- layout

export const traceOf = (s: State, target: Target = s.target): Trace => s.traces[target] ?? Object.values(s.traces)[0]!;
/** The selected pass's step, once it has run. */
export const stepOf = (s: State): StepView | undefined => traceOf(s).steps[s.pass];
export const passName = (s: State): string => traceOf(s).passes[s.pass]!.name;

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

// ---------------------------------------------------------------- the reducer

const say = (s: State, message: string): State => produce(s, (d) => void (d.message = message));

const maxScroll = (s: State, length = viewLines(s).length) => Math.max(0, length - viewHeight(s));
const clampScroll = (s: State, top: number, length?: number) => Math.max(0, Math.min(top, maxScroll(s, length)));

/** The cursor on line `to` (within the view), the view scrolled to show it, the link following it. */
function moveCursor(s: State, to: number, top: number = s.scroll): State {
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
 * source line (or, when no line comes from it, from the nearest one), at the
 * row of the screen it was on. Without a link, where it was.
 */
function placeCursor(s: State, row: number): State {
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
  const link = s.link;
  const moved = moveCursor(s, best, best - row);
  return moved.link === link ? moved : produce(moved, (d) => void (d.link = link)); // the nearest line does not change the link
}

const row = (s: State) => s.cursor - s.scroll;

/** Whether pass i is listed: every pass, or with `u` only those that changed (and the selected one). */
export function listed(s: { readonly trace: Trace; readonly pass: number; readonly hideUnchanged: boolean }, i: number): boolean {
  if (!s.hideUnchanged || i === s.pass) return true;
  const step = s.trace.steps[i];
  return step === undefined || step.changed;
}

const listedIn = (s: State, i: number) => listed({ trace: traceOf(s), pass: s.pass, hideUnchanged: s.hideUnchanged }, i);

function selectPass(s: State, pass: number, message = ""): State {
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
function step(s: State, direction: 1 | -1): State {
  const n = traceOf(s).passes.length;
  for (let i = s.pass + direction; i >= 0 && i < n; i += direction) if (listedIn(s, i)) return selectPass(s, i);
  return selectPass(s, s.pass + direction);
}

function setView(s: State, view: View): State {
  const moved = produce(s, (d) => {
    d.view = view;
    d.match = null;
    d.message = "";
    if (view === "grammar" || view === "output") [d.cursor, d.scroll] = [0, 0];
  });
  return view === "grammar" || view === "output" ? moved : placeCursor(moved, row(s));
}

function nextChanged(s: State, direction: 1 | -1): State {
  const steps = traceOf(s).steps;
  for (let i = s.pass + direction; i >= 0 && i < steps.length; i += direction) if (steps[i]!.changed) return selectPass(s, i);
  return say(s, direction > 0 ? "no later pass changes the program" : "no earlier pass changes the program");
}

/** The lines of the program or diff view where a change starts: runs of + and - lines. */
function changeStarts(s: State): number[] {
  const trace = traceOf(s);
  const step = trace.steps[s.pass];
  if (!step || !step.changed || (s.view !== "program" && s.view !== "diff")) return [];
  const diff = diffOf(trace, s.pass, s.fn);
  const starts: number[] = [];
  if (s.view === "diff") {
    diff.forEach((d, i) => d.sign !== " " && (i === 0 || diff[i - 1]!.sign === " ") && starts.push(i));
    return starts;
  }
  // In the program: the first added line of each run, or where lines were removed.
  diff.forEach((d, i) => {
    const prev = diff[i - 1];
    if (d.sign === "-" && (!prev || prev.sign === " ")) {
      const next = diff.slice(i).find((x) => x.sign !== "-");
      starts.push(next ? next.at : printedOf(step, s.fn).lines.length - 1);
    } else if (d.sign === "+" && (!prev || prev.sign === " ")) starts.push(d.at);
  });
  return [...new Set(starts)].sort((a, b) => a - b);
}

function nextChange(s: State, direction: 1 | -1): State {
  if (s.view !== "program" && s.view !== "diff") return say(s, "] and [ move between the changes in the program (p) and diff (d) views");
  if (!stepOf(s)?.changed) return say(s, stepOf(s) ? `${passName(s)} changed nothing` : `${passName(s)} has not run yet`);
  const starts = changeStarts(s);
  const found = direction > 0 ? starts.find((i) => i > s.cursor) : [...starts].reverse().find((i) => i < s.cursor);
  if (found === undefined) return say(s, direction > 0 ? "no change below" : "no change above");
  const k = starts.indexOf(found);
  return say(moveCursor(s, found, found - Math.floor(viewHeight(s) / 3)), `change ${k + 1} of ${starts.length}`);
}

/** Finds the query from line `from` on (or back), wrapping around; the cursor goes there. */
function findMatch(s: State, from: number, direction: 1 | -1): State {
  if (s.query === "") return say(s, "no search yet: type / and a word");
  const lines = viewLines(s);
  const q = s.query.toLowerCase();
  for (let k = 0; k < lines.length; k++) {
    const i = (((from + direction * k) % lines.length) + lines.length) % lines.length;
    if (lines[i]!.toLowerCase().includes(q)) {
      const visible = i >= s.scroll && i < s.scroll + viewHeight(s);
      const moved = moveCursor(s, i, visible ? s.scroll : i - Math.floor(viewHeight(s) / 3));
      return produce(moved, (d) => {
        d.match = i;
        d.message = `"${s.query}": line ${i + 1} of ${lines.length}`;
      });
    }
  }
  return produce(s, (d) => {
    d.match = null;
    d.message = `"${s.query}" is not in this view`;
  });
}

/**
 * `:TEXT` selects a pass: `:12` the 12th; else, searching from the pass after
 * the selected one round to it, the first whose name starts with TEXT, else
 * the first with a word (between dashes) that starts with it, else the first
 * that contains it (`:alloc` finds allocate-registers before expose-allocation).
 */
function jumpTo(s: State, text: string): State {
  const passes = traceOf(s).passes;
  const want = text.trim().toLowerCase();
  if (want === "") return s;
  if (/^\d+$/.test(want)) {
    const n = Number(want);
    return n >= 1 && n <= passes.length ? selectPass(s, n - 1) : say(s, `there are passes 1 to ${passes.length}`);
  }
  const tests = [(name: string) => name.startsWith(want), (name: string) => name.split("-").some((w) => w.startsWith(want)), (name: string) => name.includes(want)];
  for (const matches of tests) {
    for (let k = 1; k <= passes.length; k++) {
      const i = (s.pass + k) % passes.length;
      if (matches(passes[i]!.name)) return selectPass(s, i);
    }
  }
  return say(s, `no pass matches "${text}"`);
}

/** Shows a target: its trace (a fresh one to compile, when there is none yet), keeping the pass by name. */
function showTarget(s: State, target: Target, trace?: Trace): State {
  const name = passName(s);
  const shown = trace ?? s.traces[target] ?? freshTrace(traceOf(s), target);
  const byName = shown.passes.findIndex((p) => p.name === name);
  const moved = produce(s, (d) => {
    d.traces[target] = freeze(shown, true) as never;
    d.target = target;
    d.pass = byName >= 0 ? byName : Math.min(s.pass, shown.passes.length - 1);
    d.match = null;
    d.message = s.traces[target] || trace ? `target ${target}` : `target ${target}: compiling ${shown.file} for it...`;
  });
  return placeCursor(moved, row(s));
}

/** Both targets side by side, or only the selected one. */
function toggleBoth(s: State): State {
  const other = otherTarget(s.target);
  return produce(s, (d) => {
    d.both = !s.both;
    if (!s.both && !s.traces[other]) d.traces[other] = freeze(freshTrace(traceOf(s), other), true) as never;
    d.message = s.both ? `target ${s.target} alone` : `${s.target} on the left, ${other} on the right (t swaps them)`;
  });
}

/** Shows the next function alone, after the last the whole program again. */
function nextFunction(s: State): State {
  const fns = traceOf(s).functions;
  if (fns.length < 2) return say(s, fns.length === 1 ? `${fns[0]} is the only function` : "this program has no functions (yet)");
  const at = s.fn === null ? -1 : fns.indexOf(s.fn);
  const fn = at + 1 < fns.length ? fns[at + 1]! : null;
  const moved = produce(s, (d) => {
    d.fn = fn;
    d.match = null;
    d.message = fn === null ? "every function" : `fn ${fn} alone (${at + 2} of ${fns.length}); f for the next`;
  });
  return placeCursor(moved, row(s));
}

const listModes: readonly ListMode[] = ["names", "numbers", "hidden"];

function typing(s: State, key: string): State {
  const input = s.input!;
  if (key === "escape") return produce(s, (d) => void (d.input = null));
  if (key === "backspace") return produce(s, (d) => void (d.input = { ...input, text: input.text.slice(0, -1) }));
  if (key === "return") {
    const done = produce(s, (d) => void (d.input = null));
    if (input.purpose === "jump") return jumpTo(done, input.text);
    if (input.text === "") return done;
    return findMatch(produce(done, (d) => void (d.query = input.text)), s.cursor, 1);
  }
  // A printable character, or several at once when typed fast or pasted.
  if (key.length > 0 && !/[\u0000-\u001f\u007f]/.test(key) && !/^(ctrl-.|up|down|left|right|pageup|pagedown|home|end|tab)$/.test(key)) {
    return produce(s, (d) => void (d.input = { ...input, text: input.text + key }));
  }
  return s;
}

function inHelp(s: State, key: string): State {
  const top = s.help!;
  // The help has the view's rows and its title's, less its own title.
  const page = viewHeight(s) + 1;
  const last = Math.max(0, helpLines().length - page);
  const to = (n: number) => produce(s, (d) => void (d.help = Math.max(0, Math.min(n, last))));
  switch (key) {
    case "q":
      return produce(s, (d) => void (d.quit = 0));
    case "j":
    case "down":
      return to(top + 1);
    case "k":
    case "up":
      return to(top - 1);
    case " ":
    case "pagedown":
      return to(top + page);
    case "pageup":
      return to(top - page);
  }
  return produce(s, (d) => void (d.help = null));
}

function pressed(s: State, key: string): State {
  if (key === "ctrl-c") return produce(s, (d) => void (d.quit = 130));
  if (s.input) return typing(s, key);
  if (s.help !== null) return inHelp(s, key);
  const page = viewHeight(s);
  switch (key) {
    case "q":
      return produce(s, (d) => void (d.quit = 0));
    case "?":
      return produce(s, (d) => void (d.help = 0));
    case "n":
    case "right":
    case "l":
      return step(s, 1);
    case "N":
    case "left":
    case "h":
      return step(s, -1);
    case "c":
      return nextChanged(s, 1);
    case "C":
      return nextChanged(s, -1);
    case "u":
      return produce(s, (d) => {
        d.hideUnchanged = !s.hideUnchanged;
        d.message = s.hideUnchanged ? "every pass listed" : "only the passes that changed the program are listed (u: all)";
      });
    case "p":
      return setView(s, "program");
    case "d":
      return setView(s, "diff");
    case "b":
      return setView(s, "grammar");
    case "a":
      return setView(s, "asm");
    case "o":
      return setView(s, "output");
    case "j":
    case "down":
      return moveCursor(s, s.cursor + 1);
    case "k":
    case "up":
      return moveCursor(s, s.cursor - 1);
    case "pagedown":
    case " ":
      return moveCursor(s, s.cursor + page, s.scroll + page);
    case "pageup":
      return moveCursor(s, s.cursor - page, s.scroll - page);
    case "g":
    case "home":
      return moveCursor(s, 0, 0);
    case "G":
    case "end":
      return moveCursor(s, viewLines(s).length - 1, maxScroll(s));
    case "]":
      return nextChange(s, 1);
    case "[":
      return nextChange(s, -1);
    case "}":
      return produce(s, (d) => void (d.hscroll = s.hscroll + Math.max(4, Math.floor(viewWidth(s) / 2))));
    case "{":
      return s.hscroll === 0 ? say(s, "already at the left edge") : produce(s, (d) => void (d.hscroll = Math.max(0, s.hscroll - Math.max(4, Math.floor(viewWidth(s) / 2)))));
    case "/":
      return produce(s, (d) => void (d.input = { purpose: "search", text: "" }));
    case ":":
      return produce(s, (d) => void (d.input = { purpose: "jump", text: "" }));
    case ">":
    case "ctrl-n":
      return findMatch(s, s.match === null ? s.cursor : s.match + 1, 1);
    case "<":
    case "ctrl-p":
      return findMatch(s, s.match === null ? s.cursor : s.match - 1, -1);
    case "f":
      return nextFunction(s);
    case "t":
      return showTarget(s, otherTarget(s.target));
    case "T":
      return toggleBoth(s);
    case "w": {
      const list = listModes[(listModes.indexOf(s.list) + 1) % listModes.length]!;
      return produce(s, (d) => {
        d.list = list;
        d.message = `pass list: ${list} (w: ${listModes[(listModes.indexOf(list) + 1) % listModes.length]})`;
      });
    }
    case "r":
      return produce(s, (d) => {
        d.reloads = s.reloads + 1;
        d.message = `reloading ${traceOf(s).file}...`;
      });
    case "escape":
      return produce(s, (d) => {
        d.message = "";
        d.match = null;
      });
  }
  return s;
}

const reloading = (trace: Trace, changed = false) => `${trace.file} ${changed ? "changed on disk" : "read again"}: compiling...`;
const isReloading = (s: State, trace: Trace) => s.message === reloading(trace) || s.message === reloading(trace, true);

/** The trace with this id, and its target; undefined for one that was replaced (a reload, a stale worker). */
function traceById(s: State, id: number): Trace | undefined {
  return Object.values(s.traces).find((t) => t.id === id);
}

function arrived(s: State, event: Extract<Event, { kind: "step" }>): State {
  const trace = traceById(s, event.trace);
  if (!trace || event.index !== trace.steps.length) return s;
  const next = produce(s, (d) => {
    const t = d.traces[trace.target]!;
    t.steps.push(freeze(event.step, true) as never);
    if (event.functions) t.functions = [...event.functions];
    // The last pass of a reload: its message has served.
    if (t.steps.length === t.passes.length && isReloading(s, trace)) d.message = "";
  });
  // The selected step (or the assembly, in its view) arrived: put the cursor on the linked line.
  const shown = trace.target === s.target && (event.index === s.pass || (s.view === "asm" && event.index === trace.passes.length - 1));
  return shown ? placeCursor(next, row(s)) : next;
}

export function reduce(s: State, event: Event): State {
  switch (event.kind) {
    case "key":
      return pressed(s, event.key);
    case "resize": {
      const resized = produce(s, (d) => {
        d.columns = event.columns;
        d.rows = event.rows;
      });
      return moveCursor(resized, resized.cursor, resized.scroll);
    }
    case "loaded": {
      const next = produce(s, (d) => void (d.traces[event.trace.target] = freeze(event.trace, true) as never));
      return event.trace.target === s.target ? placeCursor(next, row(s)) : next;
    }
    case "step":
      return arrived(s, event);
    case "failed": {
      const trace = traceById(s, event.trace);
      if (!trace) return s;
      return produce(s, (d) => {
        d.traces[trace.target]!.failure = { at: event.at, message: event.message };
        if (isReloading(s, trace)) d.message = "";
      });
    }
    case "meaning": {
      const trace = traceById(s, event.trace);
      if (!trace || !trace.steps[event.index]) return s;
      return produce(s, (d) => {
        const t = d.traces[trace.target]!;
        t.steps[event.index]!.verdict = event.mark as never;
        t.firstBad = firstBadOf(t.steps as StepView[]);
      });
    }
    case "meaning-failed": {
      const trace = traceById(s, event.trace);
      if (!trace) return s;
      return produce(s, (d) => {
        const t = d.traces[trace.target]!;
        t.meaningError = `the interpreters could not run: ${event.message}`;
        for (const st of t.steps) if (st.verdict === "pending") st.verdict = null;
      });
    }
    case "say":
      return say(s, event.message);
    case "reload": {
      const trace = traceOf(s);
      if (event.changed && event.source === trace.source) return s;
      const shown = s.both ? [s.target, otherTarget(s.target)] : [s.target];
      return produce(s, (d) => {
        d.traces = Object.fromEntries(shown.map((t) => [t, freeze(freshTrace(traceOf(s, t), t, event.source), true)])) as never;
        d.match = null;
        d.message = reloading(trace, event.changed);
        if (s.fn !== null) d.fn = null;
      });
    }
  }
}

/** How many steps still wait for their interpreter's verdict (or have not run). */
export const pendingOf = (trace: Trace): number =>
  trace.failure ? trace.steps.filter((st) => st.verdict === "pending").length : trace.passes.length - trace.steps.length + trace.steps.filter((st) => st.verdict === "pending").length;

/** Whether the trace is complete: every pass ran (or one failed) and every interpreter gave its verdict. */
export const settled = (trace: Trace): boolean => compiled(trace) && trace.steps.every((st) => st.verdict !== "pending");

/** Shorthand: presses keys one after another. */
export function press(s: State, ...keys: string[]): State {
  return keys.reduce((acc, key) => reduce(acc, { kind: "key", key }), s);
}
