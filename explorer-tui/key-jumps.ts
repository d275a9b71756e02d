// The keys that jump: to the next pass that changed the program (c C), to the
// next change inside a view (] [), to the next search match (/ > <), and to a
// pass by number or name (:). Pure functions of the state, like every step of
// the reducer.

import { produce } from "immer";
import { diffOf, printedOf } from "./views.js";
import { moveCursor, passName, say, selectPass, stepOf, traceOf, viewHeight, viewLines, type State } from "./state.js";

export function nextChanged(s: State, direction: 1 | -1): State {
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

export function nextChange(s: State, direction: 1 | -1): State {
  if (s.view !== "program" && s.view !== "diff") return say(s, "] and [ move between the changes in the program (p) and diff (d) views");
  if (!stepOf(s)?.changed) return say(s, stepOf(s) ? `${passName(s)} changed nothing` : `${passName(s)} has not run yet`);
  const starts = changeStarts(s);
  const found = direction > 0 ? starts.find((i) => i > s.cursor) : [...starts].reverse().find((i) => i < s.cursor);
  if (found === undefined) return say(s, direction > 0 ? "no change below" : "no change above");
  const k = starts.indexOf(found);
  return say(moveCursor(s, found, found - Math.floor(viewHeight(s) / 3)), `change ${k + 1} of ${starts.length}`);
}

/** Finds the query from line `from` on (or back), wrapping around; the cursor goes there. */
export function findMatch(s: State, from: number, direction: 1 | -1): State {
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
 * the first whose last word (between dashes) is TEXT, else the first with a
 * word that starts with it, else the first that contains it, else the first
 * whose output IL's name contains it (`:alloc` finds allocate-registers before
 * expose-allocation, `:live` uncover-live before uncover-live-references,
 * `:lcfg` explicate-control).
 */
export function jumpTo(s: State, text: string): State {
  const passes = traceOf(s).passes;
  const want = text.trim().toLowerCase();
  if (want === "") return s;
  if (/^\d+$/.test(want)) {
    const n = Number(want);
    return n >= 1 && n <= passes.length ? selectPass(s, n - 1) : say(s, `there are passes 1 to ${passes.length}`);
  }
  const tests = [
    (name: string) => name.startsWith(want),
    (name: string) => name.split("-").at(-1) === want,
    (name: string) => name.split("-").some((w) => w.startsWith(want)),
    (name: string) => name.includes(want),
    (_: string, to: string) => to.toLowerCase().includes(want),
  ];
  for (const matches of tests) {
    for (let k = 1; k <= passes.length; k++) {
      const i = (s.pass + k) % passes.length;
      if (matches(passes[i]!.name, passes[i]!.to)) return selectPass(s, i);
    }
  }
  return say(s, `no pass matches "${text}"`);
}
