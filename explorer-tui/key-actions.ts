// What each key does to the explorer's state (reducer.ts hands keys here):
// moving through passes, views, changes and search matches, jumping to a pass
// by name or number, the help, the targets, the pass list. Pure functions of
// the state, like every step of the reducer.

import { produce, freeze } from "immer";
import type { Target } from "../ir-defs/targets.js";
import { freshTrace, type Trace } from "./trace.js";
import { diffOf, printedOf } from "./views.js";
import { helpLines } from "./help.js";
import { entryFunction, functionEntry } from "./function-list.js";
import {
  maxScroll,
  moveCursor,
  otherTarget,
  passName,
  placeCursor,
  row,
  say,
  selectPass,
  setView,
  step,
  stepOf,
  traceOf,
  viewHeight,
  viewLines,
  viewWidth,
  type ListMode,
  type State,
} from "./state.js";

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

/** Opens the list of functions by module (F), on the one shown. */
function openFunctionList(s: State): State {
  const fns = traceOf(s).functions;
  if (fns.length < 2) return say(s, fns.length === 1 ? `${fns[0]} is the only function` : "this program has no functions (yet)");
  return produce(s, (d) => void (d.functionList = functionEntry(traceOf(s), s.fn)));
}

/** In the list of functions: j k move, Enter shows the chosen one, q quits, any other key closes it. */
function inFunctionList(s: State, key: string): State {
  const trace = traceOf(s);
  const at = s.functionList!;
  const to = (n: number) => produce(s, (d) => void (d.functionList = Math.max(0, Math.min(n, trace.functions.length))));
  switch (key) {
    case "q":
      return produce(s, (d) => void (d.quit = 0));
    case "j":
    case "down":
      return to(at + 1);
    case "k":
    case "up":
      return to(at - 1);
    case "g":
    case "home":
      return to(0);
    case "G":
    case "end":
      return to(trace.functions.length);
    case "return": {
      const fn = entryFunction(trace, at);
      const moved = produce(s, (d) => {
        d.functionList = null;
        d.fn = fn;
        d.match = null;
        d.message = fn === null ? "every function" : `fn ${fn} alone (F: the list, f: the next)`;
      });
      return placeCursor(moved, row(s));
    }
  }
  return produce(s, (d) => void (d.functionList = null));
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

export function pressed(s: State, key: string): State {
  if (key === "ctrl-c") return produce(s, (d) => void (d.quit = 130));
  if (s.input) return typing(s, key);
  if (s.help !== null) return inHelp(s, key);
  if (s.functionList !== null) return inFunctionList(s, key);
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
    case "F":
      return openFunctionList(s);
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
