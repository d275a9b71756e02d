// The keys of what takes the place of the views for a while: the help (?),
// the list of functions by module (F), and the line being typed after / or :.
// Pure functions of the state, like every step of the reducer.

import { produce } from "immer";
import { helpLines } from "./help.js";
import { entryFunction, functionEntry } from "./function-list.js";
import { placeCursor, row, say, traceOf, viewHeight, type State } from "./state.js";
import { findMatch, jumpTo } from "./key-jumps.js";

/** Opens the list of functions by module (F), on the one shown. */
export function openFunctionList(s: State): State {
  const fns = traceOf(s).functions;
  if (fns.length < 2) return say(s, fns.length === 1 ? `${fns[0]} is the only function` : "this program has no functions (yet)");
  return produce(s, (d) => void (d.functionList = functionEntry(traceOf(s), s.fn)));
}

/**
 * A key in a list that takes the place of the views (the help, the functions):
 * the line or entry it moves to (before clamping), "quit" for q, or null for a
 * key that closes the list.
 */
function listKey(key: string, at: number, page: number, last: number): number | "quit" | null {
  switch (key) {
    case "q":
      return "quit";
    case "j":
    case "down":
      return at + 1;
    case "k":
    case "up":
      return at - 1;
    case " ":
    case "pagedown":
      return at + page;
    case "pageup":
      return at - page;
    case "g":
    case "home":
      return 0;
    case "G":
    case "end":
      return last;
  }
  return null;
}

/** In the list of functions: j k move, Enter shows the chosen one, q quits, any other key closes it. */
export function inFunctionList(s: State, key: string): State {
  const trace = traceOf(s);
  const at = s.functionList!;
  if (key === "return") {
    const fn = entryFunction(trace, at);
    const moved = produce(s, (d) => {
      d.functionList = null;
      d.fn = fn;
      d.match = null;
      d.message = fn === null ? "every function" : `fn ${fn} alone (F: the list, f: the next)`;
    });
    return placeCursor(moved, row(s), "top");
  }
  const to = listKey(key, at, viewHeight(s), trace.functions.length);
  return produce(s, (d) => {
    if (to === "quit") d.quit = 0;
    else d.functionList = to === null ? null : Math.max(0, Math.min(to, trace.functions.length));
  });
}

/** The line typed after / (a search) or : (a pass): Enter acts on it, Esc drops it. */
export function typing(s: State, key: string): State {
  const input = s.input!;
  if (key === "escape") return produce(s, (d) => void ((d.input = null), (d.message = ""))); // (not the message from before the typing)
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

/** In the help: j k (and a page, the top, the bottom) scroll it, q quits, any other key closes it. */
export function inHelp(s: State, key: string): State {
  // The help has the view's rows and its title's, less its own title.
  const page = viewHeight(s) + 1;
  const last = Math.max(0, helpLines().length - page);
  const to = listKey(key, s.help!, page, last);
  return produce(s, (d) => {
    if (to === "quit") d.quit = 0;
    else d.help = to === null ? null : Math.max(0, Math.min(to, last));
  });
}
