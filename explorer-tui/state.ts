// The explorer's state and its reducer. The state is plain immutable data (the
// traces inside it are frozen once, when built); every key is an event, and
// reduce(state, event) -> state is a pure function (immer's produce), so all
// key handling is tested without a terminal. The components only render it.

import { produce } from "immer";
import type { Target } from "../ir-defs/targets.js";
import { diffLines } from "./diff.js";
import { firstBadOf, type Printed, type StepVerdict, type StepView, type Trace } from "./trace.js";

export type View = "program" | "diff" | "grammar" | "asm";

export interface State {
  readonly traces: Readonly<Partial<Record<Target, Trace>>>;
  readonly target: Target;
  /** The selected pass (index into the current trace's steps). */
  readonly pass: number;
  readonly view: View;
  /** The first visible line of the view. */
  readonly scroll: number;
  readonly columns: number;
  readonly rows: number;
  /** A line being typed after `/` (search) or `:` (jump to a pass). */
  readonly input: { readonly purpose: "search" | "jump"; readonly text: string } | null;
  readonly query: string;
  /** The line of the view that matched the last search. */
  readonly match: number | null;
  readonly help: boolean;
  /** The function shown (`f` cycles through them), or null for the whole program. */
  readonly fn: string | null;
  /** The target being compiled for after `t`, until its trace arrives. */
  readonly loading: Target | null;
  readonly message: string;
  readonly quit: boolean;
}

export type Event =
  | { readonly kind: "key"; readonly key: string }
  | { readonly kind: "resize"; readonly columns: number; readonly rows: number }
  | { readonly kind: "loaded"; readonly trace: Trace }
  | { readonly kind: "load-failed"; readonly target: Target; readonly message: string }
  | { readonly kind: "meaning"; readonly target: Target; readonly index: number; readonly verdict: StepVerdict }
  | { readonly kind: "meaning-failed"; readonly target: Target; readonly message: string };

/** Every key the explorer knows, as the help overlay and the README list them. */
export const keyHelp: readonly (readonly [string, string])[] = [
  ["n  →  l", "next pass"],
  ["N  ←  h", "previous pass"],
  ["c  C", "next / previous pass that changed the program"],
  [":", "jump to a pass: type part of its name, Enter"],
  ["p", "view: the program after the selected pass"],
  ["d", "view: diff against the previous pass (- before, + after)"],
  ["b", "view: the grammar (BNF) of the pass's output IL, + added, ~ changed"],
  ["a", "view: the final assembly beside the source lines it came from"],
  ["j  ↓  k  ↑", "scroll one line"],
  ["PgDn space  PgUp", "scroll one page"],
  ["g  G", "top / bottom"],
  ["/", "search the view: type, Enter"],
  [">  <", "next / previous match (also ctrl-n / ctrl-p)"],
  ["f", "the next function alone (then the whole program again)"],
  ["t", "toggle the target (x86_64 / aarch64)"],
  ["Esc", "cancel typing, clear the message"],
  ["?", "this help (any key closes it)"],
  ["q  ctrl-c", "quit"],
];

export const otherTarget = (t: Target): Target => (t === "x86_64" ? "aarch64" : "x86_64");

export function initialState(trace: Trace, columns = 80, rows = 24): State {
  return {
    traces: { [trace.target]: trace },
    target: trace.target,
    pass: 0,
    view: "program",
    scroll: 0,
    columns,
    rows,
    input: null,
    query: "",
    match: null,
    help: false,
    fn: null,
    loading: null,
    message: "",
    quit: false,
  };
}

// ---------------------------------------------------------------- layout

/** The pass list's width (with its border column). */
export const listWidth = (s: State) => Math.min(37, Math.max(28, Math.floor(s.columns * 0.36)));
/** How many lines of the view are visible: the screen less header, view title, source line and status. */
export const viewHeight = (s: State) => Math.max(1, s.rows - 4);
export const viewWidth = (s: State) => Math.max(10, s.columns - listWidth(s) - 1);

// ---------------------------------------------------------------- what a view shows

export const traceOf = (s: State): Trace => s.traces[s.target] ?? Object.values(s.traces)[0]!;
export const stepOf = (s: State): StepView => traceOf(s).steps[s.pass]!;

/** What a step printed: the whole program, or only function `fn` of it. */
export function printedOf(trace: Trace, pass: number, fn: string | null): Printed {
  return (fn !== null ? trace.byFunction[fn]?.[pass] : undefined) ?? trace.steps[pass]!;
}

const diffCache = new WeakMap<Printed, readonly string[]>();

/** The diff of a step against the one before it (the source, for the first), as "  ", "- ", "+ " lines. */
export function diffOf(trace: Trace, pass: number, fn: string | null = null): readonly string[] {
  const step = printedOf(trace, pass, fn);
  const cached = diffCache.get(step);
  if (cached) return cached;
  const before = pass === 0 ? trace.sourceLines : printedOf(trace, pass - 1, fn).lines;
  const lines = diffLines(before, step.lines).map((d) => `${d.sign} ${d.text}`);
  diffCache.set(step, lines);
  return lines;
}

/** The lines of the current view, as plain text (the components colour them). */
export function viewLines(s: State): readonly string[] {
  const trace = traceOf(s);
  switch (s.view) {
    case "program":
      return printedOf(trace, s.pass, s.fn).lines;
    case "diff":
      return diffOf(trace, s.pass, s.fn);
    case "grammar":
      return stepOf(s).grammar;
    case "asm":
      return printedOf(trace, trace.steps.length - 1, s.fn).lines;
  }
}

/** The visible slice of the view: the only lines ever rendered. */
export function visibleLines(s: State): readonly string[] {
  return viewLines(s).slice(s.scroll, s.scroll + viewHeight(s));
}

// ---------------------------------------------------------------- the reducer

const maxScroll = (s: State) => Math.max(0, viewLines(s).length - viewHeight(s));
const clampScroll = (s: State, top: number) => Math.max(0, Math.min(top, maxScroll(s)));

function selectPass(s: State, pass: number): State {
  const last = traceOf(s).steps.length - 1;
  const next = Math.max(0, Math.min(pass, last));
  return produce(s, (d) => {
    d.pass = next;
    d.match = null;
    d.message = pass < 0 ? "this is the first pass" : pass > last ? "this is the last pass" : "";
    d.scroll = clampScroll({ ...s, pass: next }, s.scroll);
  });
}

function scrollTo(s: State, top: number): State {
  return produce(s, (d) => {
    d.scroll = clampScroll(s, top);
  });
}

function setView(s: State, view: View): State {
  return produce(s, (d) => {
    d.view = view;
    d.scroll = 0;
    d.match = null;
    d.message = "";
  });
}

function say(s: State, message: string): State {
  return produce(s, (d) => {
    d.message = message;
  });
}

function nextChanged(s: State, direction: 1 | -1): State {
  const steps = traceOf(s).steps;
  for (let i = s.pass + direction; i >= 0 && i < steps.length; i += direction) if (steps[i]!.changed) return selectPass(s, i);
  return say(s, direction > 0 ? "no later pass changes the program" : "no earlier pass changes the program");
}

/** Finds the query from line `from` on (or back), wrapping around; moves the view there. */
function findMatch(s: State, from: number, direction: 1 | -1): State {
  if (s.query === "") return say(s, "no search yet: type / and a word");
  const lines = viewLines(s);
  const q = s.query.toLowerCase();
  for (let k = 0; k < lines.length; k++) {
    const i = (((from + direction * k) % lines.length) + lines.length) % lines.length;
    if (lines[i]!.toLowerCase().includes(q)) {
      return produce(s, (d) => {
        d.match = i;
        d.scroll = clampScroll(s, i < s.scroll || i >= s.scroll + viewHeight(s) ? i - Math.floor(viewHeight(s) / 3) : s.scroll);
        d.message = `"${s.query}": line ${i + 1} of ${lines.length}`;
      });
    }
  }
  return produce(s, (d) => {
    d.match = null;
    d.message = `"${s.query}" is not in this view`;
  });
}

function jumpTo(s: State, text: string): State {
  const steps = traceOf(s).steps;
  const want = text.trim().toLowerCase();
  if (want === "") return s;
  for (let k = 1; k <= steps.length; k++) {
    const i = (s.pass + k) % steps.length;
    if (steps[i]!.name.includes(want)) return selectPass(s, i);
  }
  return say(s, `no pass matches "${text}"`);
}

/** Shows a target's trace, keeping the selected pass by name when it exists there. */
function showTarget(s: State, trace: Trace): State {
  const name = stepOf(s).name;
  const byName = trace.steps.findIndex((st) => st.name === name);
  const pass = byName >= 0 ? byName : Math.min(s.pass, trace.steps.length - 1);
  const moved = produce(s, (d) => {
    d.traces[trace.target] = trace as never;
    d.target = trace.target;
    d.loading = null;
    d.pass = pass;
    d.match = null;
    d.message = `target ${trace.target}`;
  });
  return scrollTo(moved, moved.scroll);
}

/** Shows the next function alone, after the last the whole program again. */
function nextFunction(s: State): State {
  const fns = traceOf(s).functions;
  if (fns.length < 2) return say(s, fns.length === 1 ? `${fns[0]} is the only function` : "this program has no functions");
  const at = s.fn === null ? -1 : fns.indexOf(s.fn);
  const fn = at + 1 < fns.length ? fns[at + 1]! : null;
  const moved = produce(s, (d) => {
    d.fn = fn;
    d.match = null;
    d.message = fn === null ? "every function" : `fn ${fn} alone (${at + 2} of ${fns.length}); f for the next`;
  });
  return scrollTo(moved, 0);
}

function toggleTarget(s: State): State {
  const other = otherTarget(s.target);
  const trace = s.traces[other];
  if (trace) return showTarget(s, trace);
  return produce(s, (d) => {
    d.loading = other;
    d.message = `compiling ${traceOf(s).file} for ${other} and running every IL's interpreter...`;
  });
}

function typing(s: State, key: string): State {
  const input = s.input!;
  if (key === "escape") return produce(s, (d) => void (d.input = null));
  if (key === "backspace") return produce(s, (d) => void (d.input = { ...input, text: input.text.slice(0, -1) }));
  if (key === "return") {
    const done = produce(s, (d) => void (d.input = null));
    if (input.purpose === "jump") return jumpTo(done, input.text);
    if (input.text === "") return done;
    return findMatch(produce(done, (d) => void (d.query = input.text)), s.scroll, 1);
  }
  // A printable character, or several at once when typed fast or pasted.
  if (key.length > 0 && !/[\u0000-\u001f\u007f]/.test(key) && !/^(ctrl-.|up|down|left|right|pageup|pagedown|home|end|tab)$/.test(key)) {
    return produce(s, (d) => void (d.input = { ...input, text: input.text + key }));
  }
  return s;
}

function pressed(s: State, key: string): State {
  if (key === "ctrl-c") return produce(s, (d) => void (d.quit = true));
  if (s.input) return typing(s, key);
  if (s.help) return produce(s, (d) => (key === "q" ? void (d.quit = true) : void (d.help = false)));
  const page = viewHeight(s);
  switch (key) {
    case "q":
      return produce(s, (d) => void (d.quit = true));
    case "?":
      return produce(s, (d) => void (d.help = true));
    case "n":
    case "right":
    case "l":
      return selectPass(s, s.pass + 1);
    case "N":
    case "left":
    case "h":
      return selectPass(s, s.pass - 1);
    case "c":
      return nextChanged(s, 1);
    case "C":
      return nextChanged(s, -1);
    case "p":
      return setView(s, "program");
    case "d":
      return setView(s, "diff");
    case "b":
      return setView(s, "grammar");
    case "a":
      return setView(s, "asm");
    case "j":
    case "down":
      return scrollTo(s, s.scroll + 1);
    case "k":
    case "up":
      return scrollTo(s, s.scroll - 1);
    case "pagedown":
    case " ":
      return scrollTo(s, s.scroll + page);
    case "pageup":
      return scrollTo(s, s.scroll - page);
    case "g":
    case "home":
      return scrollTo(s, 0);
    case "G":
    case "end":
      return scrollTo(s, maxScroll(s));
    case "/":
      return produce(s, (d) => void (d.input = { purpose: "search", text: "" }));
    case ":":
      return produce(s, (d) => void (d.input = { purpose: "jump", text: "" }));
    case ">":
    case "ctrl-n":
      return findMatch(s, s.match === null ? s.scroll : s.match + 1, 1);
    case "<":
    case "ctrl-p":
      return findMatch(s, s.match === null ? s.scroll : s.match - 1, -1);
    case "f":
      return nextFunction(s);
    case "t":
      return s.loading ? s : toggleTarget(s);
    case "escape":
      return produce(s, (d) => {
        d.message = "";
        d.match = null;
      });
  }
  return s;
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
      return scrollTo(resized, resized.scroll);
    }
    case "loaded":
      return showTarget(s, event.trace);
    case "load-failed":
      return produce(s, (d) => {
        d.loading = null;
        d.message = `${event.target}: ${event.message}`;
      });
    case "meaning":
      return produce(s, (d) => {
        const trace = d.traces[event.target];
        const step = trace?.steps[event.index];
        if (!trace || !step) return;
        step.verdict = event.verdict;
        trace.firstBad = firstBadOf(trace.steps);
      });
    case "meaning-failed":
      return produce(s, (d) => {
        const trace = d.traces[event.target];
        if (!trace) return;
        trace.meaningError = `the interpreters could not run: ${event.message}`;
        for (const step of trace.steps) if (step.verdict === "pending") step.verdict = null;
      });
  }
}

/** How many steps still wait for their interpreter's verdict. */
export const pendingOf = (trace: Trace) => trace.steps.filter((st) => st.verdict === "pending").length;

/** Shorthand: presses keys one after another. */
export function press(s: State, ...keys: string[]): State {
  return keys.reduce((acc, key) => reduce(acc, { kind: "key", key }), s);
}
