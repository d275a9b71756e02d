// The explorer application: wiring only. Keys and resizes become events for
// the pure reducer (state.ts), the screen (screen.tsx) draws the state, and
// each trace in the state that is not complete is made by a worker
// (trace-worker.ts) whose steps and marks arrive as events too. `r` and a
// change of the file on disk read it again and send it as a `reload`.

import { useApp, useInput, useStdout } from "ink";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { keyNames } from "./keys.js";
import { Screen } from "./screen.js";
import { filesNamed, settled, type Event, type State } from "./state.js";
import { reduce } from "./reducer.js";
import type { Input, Trace } from "./trace.js";

export interface AppProps {
  readonly initial: State;
  /** Starts making a trace (in a worker) that sends its steps and marks as events; returns a function that stops it. */
  readonly start?: (trace: Trace, dispatch: (event: Event) => void) => () => void;
  /** The file's text now (for `r`). */
  readonly readSource?: () => string;
  /** The program's input now (FILE.in, or --stdin's file, read again: for `r` and when a file changes); undefined when it cannot be read. */
  readonly readInput?: () => Input | undefined;
  /** Calls back with the file's text whenever one of `files` (the program's file, or, named, one of its modules' files) changes on disk; returns a function that stops watching. */
  readonly watch?: (files: readonly string[], changed: (source: string, module?: string) => void) => () => void;
  /** Told the exit status when the explorer ends. */
  readonly onQuit?: (status: number) => void;
}

export function App({ initial, start, readSource, readInput, watch, onQuit }: AppProps) {
  const [state, dispatch] = useReducer(reduce, initial);
  const { exit } = useApp();
  const { stdout } = useStdout();
  useInput((input, key) => {
    for (const name of keyNames(input, key)) dispatch({ kind: "key", key: name });
  });
  useEffect(() => {
    if (state.quit === null) return;
    onQuit?.(state.quit);
    exit();
  }, [state.quit, exit, onQuit]);
  useEffect(() => {
    const onResize = () => dispatch({ kind: "resize", columns: stdout.columns, rows: stdout.rows });
    stdout.on("resize", onResize);
    return () => void stdout.off("resize", onResize);
  }, [stdout]);
  /** The file's text read again, with the program's input read again too. */
  const reload = useCallback((source: string, changed?: true | string): Event => {
    const input = readInput?.();
    return { kind: "reload", source, ...(changed ? { changed } : {}), ...(input ? { input } : {}) };
  }, [readInput]);
  // `r`: read the file again.
  useEffect(() => {
    if (state.reloads === 0 || !readSource) return;
    try {
      dispatch(reload(readSource()));
    } catch (e) {
      dispatch({ kind: "say", message: `cannot read the file again: ${(e as Error).message}` });
    }
  }, [state.reloads, readSource, reload]);
  // Watched: the program's file and every module file a trace has named so far (the worker
  // read them; a `use` added later adds its file once the program is compiled again).
  const named = useRef<readonly string[]>([]);
  named.current = filesNamed(state, named.current);
  const files = named.current;
  useEffect(() => watch?.(files, (source, module) => dispatch(reload(source, module ?? true))), [watch, files, reload]);
  // One worker per trace that is not complete; a trace that was replaced (reload) stops its worker.
  const started = useRef(new Map<number, () => void>());
  useEffect(() => {
    if (!start) return;
    const live = new Set(Object.values(state.traces).map((t) => t.id));
    for (const [id, stop] of started.current) {
      if (live.has(id)) continue;
      stop();
      started.current.delete(id);
    }
    for (const trace of Object.values(state.traces)) {
      if (started.current.has(trace.id) || settled(trace)) continue;
      started.current.set(trace.id, start(trace, dispatch));
    }
  }, [state.traces, start]);
  useEffect(() => () => started.current.forEach((stop) => stop()), []);
  return <Screen s={state} />;
}
