// The explorer application: wiring only. Keys and resizes become events for
// the pure reducer (state.ts), the screen (screen.tsx) draws the state, a
// target's trace is computed when `t` first asks for it, and each trace's
// interpreters run in a worker whose verdicts arrive as events too.

import { useApp, useInput, useStdout } from "ink";
import { useEffect, useReducer, useRef } from "react";
import type { Target } from "../ir-defs/targets.js";
import { keyNames } from "./keys.js";
import type { MeaningListener } from "./meaning.js";
import { Screen } from "./screen.js";
import { pendingOf, reduce, type State } from "./state.js";
import type { Trace } from "./trace.js";

export interface AppProps {
  readonly initial: State;
  /** Computes the trace of another target (called once per target, when `t` first asks). */
  readonly load: (target: Target) => Trace;
  /** Starts computing the pending verdicts of a trace; returns a function that stops. */
  readonly startMeaning?: (trace: Trace, listener: MeaningListener) => () => void;
}

export function App({ initial, load, startMeaning }: AppProps) {
  const [state, dispatch] = useReducer(reduce, initial);
  const { exit } = useApp();
  const { stdout } = useStdout();
  useInput((input, key) => {
    for (const name of keyNames(input, key)) dispatch({ kind: "key", key: name });
  });
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  useEffect(() => {
    const onResize = () => dispatch({ kind: "resize", columns: stdout.columns, rows: stdout.rows });
    stdout.on("resize", onResize);
    return () => void stdout.off("resize", onResize);
  }, [stdout]);
  useEffect(() => {
    const target = state.loading;
    if (!target) return;
    // Let the "compiling..." message show before the work starts.
    const timer = setTimeout(() => {
      try {
        dispatch({ kind: "loaded", trace: load(target) });
      } catch (e) {
        dispatch({ kind: "load-failed", target, message: (e as Error).message.split("\n")[0] ?? "" });
      }
    }, 20);
    return () => clearTimeout(timer);
  }, [state.loading, load]);
  // Each target's interpreters start once, when its trace first arrives.
  const started = useRef(new Map<Target, () => void>());
  useEffect(() => {
    if (!startMeaning) return;
    for (const trace of Object.values(state.traces)) {
      if (started.current.has(trace.target) || pendingOf(trace) === 0) continue;
      const target = trace.target;
      started.current.set(
        target,
        startMeaning(trace, {
          verdict: (index, verdict) => dispatch({ kind: "meaning", target, index, verdict }),
          failed: (message) => dispatch({ kind: "meaning-failed", target, message }),
        }),
      );
    }
  }, [state.traces, startMeaning]);
  useEffect(() => () => started.current.forEach((stop) => stop()), []);
  return <Screen s={state} />;
}
