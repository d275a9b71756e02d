// Starts the worker that makes a trace (trace-worker.ts) and hands what it
// sends to the explorer as events of that trace.

import { Worker } from "node:worker_threads";
import type { Event } from "./state.js";
import type { TraceMessage, TraceRequest } from "./trace-worker.js";
import type { Trace } from "./trace.js";
import { interpreterStackMb } from "./marks-pool.js";

/** Compiles and interprets `trace`'s program in a worker; returns a function that stops it. */
export function startTrace(trace: Trace, dispatch: (event: Event) => void): () => void {
  const request: TraceRequest = { file: trace.file, source: trace.source, target: trace.target, opt: trace.opt, stdin: trace.stdin };
  // (on one processor the marks run here too: marks-pool.ts, interpreterStackMb)
  const worker = new Worker(new URL("./trace-worker.js", import.meta.url), { workerData: request, resourceLimits: { stackSizeMb: interpreterStackMb } });
  const id = trace.id;
  worker.on("message", (m: TraceMessage) => dispatch({ ...m, trace: id }));
  worker.on("error", (e) => dispatch({ kind: "meaning-failed", trace: id, message: e.message }));
  return () => void worker.terminate();
}

/**
 * Starts the worker of `first` now, before the application is there to hear
 * it (Ink takes a while to load): its events go to `meanwhile` until `hold`,
 * then wait in a queue. `start` is what the application takes: for `first`,
 * it hands over the queue and what follows; for any other trace, startTrace.
 */
export function startEarly(first: Trace, meanwhile: (event: Event) => void): { hold: () => void; start: (trace: Trace, dispatch: (event: Event) => void) => () => void } {
  let queue: Event[] | null = null;
  let listener: ((event: Event) => void) | null = null;
  const stop = startTrace(first, (event) => (listener ? listener(event) : queue ? queue.push(event) : meanwhile(event)));
  return {
    hold: () => void (queue ??= []),
    start(trace, dispatch) {
      if (trace.id !== first.id || listener) return startTrace(trace, dispatch);
      listener = dispatch;
      for (const event of queue?.splice(0) ?? []) dispatch(event);
      return stop;
    },
  };
}
