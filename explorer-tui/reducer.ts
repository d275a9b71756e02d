// The explorer's reducer: reduce(state, event) -> state, a pure function
// (immer's produce). A key goes to key-actions.ts; the worker's events (a
// step, a mark, a failure) fill in the trace they belong to, by its id (a
// trace replaced by a reload or a toggle ignores its old worker); a reload
// replaces the traces with fresh ones, keeping the pass, the view and the
// linked line (which follows its statement when lines above it were added or
// removed, and its replacement when it was edited: once the new program's
// files are in, a diff of the old and new text says where it went).

import { produce, freeze } from "immer";
import { firstBadOf, freshTrace, type Trace } from "./trace.js";
import type { StepView } from "./step-view.js";
import { pressed } from "./key-actions.js";
import { followLink, sourceLineOf } from "./sources.js";
import { moveCursor, otherTarget, placeCursor, row, say, traceOf, type Event, type State } from "./state.js";

const reloading = (trace: Trace, changed?: true | string) => `${changed === undefined ? `${trace.file} read again` : `${changed === true ? trace.file : changed} changed on disk`}: compiling...`;
/** Whether the message is the one a reload shows while it compiles (which ends when its last pass is in). */
const isReloading = (s: State) => s.message.endsWith(": compiling...");

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
    if (event.files) t.files = freeze([...event.files], true) as never;
    if (event.files && s.relink) {
      const moved = s.link === null ? null : followLink(s.relink, event.files, s.link);
      if (moved) d.link = moved.link;
      if (moved?.how === "removed") d.message = `the linked line (${sourceLineOf(s.relink, s.link!)!.line}) was removed: linked to the next, line ${moved.line}`;
      d.relink = null;
    }
    // The last pass of a reload: its message has served.
    if (t.steps.length === t.passes.length && isReloading(s)) d.message = "";
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
        if (isReloading(s)) d.message = "";
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
      // The program's own file saved as it was: nothing to do (a module's file changed: its text is not here to compare).
      const input = event.input ?? trace;
      if (event.changed === true && event.source === trace.source && input.stdin === trace.stdin && input.input === trace.input) return s;
      const shown = s.both ? [s.target, otherTarget(s.target)] : [s.target];
      return produce(s, (d) => {
        d.traces = Object.fromEntries(shown.map((t) => [t, freeze(freshTrace(traceOf(s, t), t, event.source, event.input), true)])) as never;
        d.match = null;
        d.message = reloading(trace, event.changed);
        d.relink = (s.relink ?? trace.files) as never;
        if (s.fn !== null) d.fn = null;
      });
    }
  }
}

/** Shorthand: presses keys one after another. */
export function press(s: State, ...keys: string[]): State {
  return keys.reduce((acc, key) => reduce(acc, { kind: "key", key }), s);
}
