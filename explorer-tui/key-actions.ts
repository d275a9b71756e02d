// What each key does to the explorer's state (reducer.ts hands keys here):
// moving through passes, views and lines, the targets, the functions, the pass
// list; the keys that jump are in key-jumps.ts, those of the help, the list of
// functions and the typed line in key-overlays.ts. Pure functions of the
// state, like every step of the reducer.

import { produce, freeze } from "immer";
import type { Target } from "../ir-defs/targets.js";
import { freshTrace, type Trace } from "./trace.js";
import { findMatch, nextChange, nextChanged } from "./key-jumps.js";
import { inFunctionList, inHelp, openFunctionList, typing } from "./key-overlays.js";
import { widthOf } from "./text.js";
import { purposeOf } from "./views.js";
import {
  maxScroll,
  moveCursor,
  otherTarget,
  samePass,
  placeCursor,
  row,
  say,
  setView,
  step,
  traceOf,
  viewHeight,
  viewLines,
  viewWidth,
  type ListMode,
  type State,
} from "./state.js";

/** Shows a target: its trace (a fresh one to compile, when there is none yet), keeping the pass by name. */
function showTarget(s: State, target: Target, trace?: Trace): State {
  const shown = trace ?? s.traces[target] ?? freshTrace(traceOf(s), target);
  const pass = samePass(traceOf(s), s.pass, shown);
  const moved = produce(s, (d) => {
    d.traces[target] = freeze(shown, true) as never;
    d.target = target;
    d.pass = pass;
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
  return placeCursor(moved, row(s), "top");
}

const listModes: readonly ListMode[] = ["names", "numbers", "hidden"];
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
    case "}": {
      // Not past the widest line (the pass's purpose above the view too): its end stays in sight.
      const widest = viewLines(s).reduce((most, line) => Math.max(most, widthOf(line)), widthOf(purposeOf(traceOf(s), s.pass)));
      const last = Math.max(0, widest - viewWidth(s) + 1);
      return s.hscroll >= last ? say(s, "already at the right edge") : produce(s, (d) => void (d.hscroll = Math.min(last, s.hscroll + Math.max(4, Math.floor(viewWidth(s) / 2)))));
    }
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
