// Starts the worker that computes a trace's semantics marks (meaning-worker.ts)
// and hands each verdict to the explorer as it arrives.

import { Worker } from "node:worker_threads";
import type { MeaningRequest } from "./meaning-worker.js";
import type { StepVerdict, Trace } from "./trace.js";

export interface MeaningListener {
  readonly verdict: (index: number, verdict: StepVerdict) => void;
  readonly failed: (message: string) => void;
}

/** Runs the interpreters of `trace`'s steps in a worker; returns a function that stops it (the worker keeps the process alive until it ends or is stopped). */
export function startMeaning(trace: Trace, source: string, listener: MeaningListener): () => void {
  const request: MeaningRequest = { file: trace.file, source, target: trace.target, stdin: trace.stdin };
  const worker = new Worker(new URL("./meaning-worker.js", import.meta.url), { workerData: request });
  worker.on("message", (m: { index: number; verdict: StepVerdict } | { error: string }) => {
    if ("error" in m) listener.failed(m.error);
    else listener.verdict(m.index, m.verdict);
  });
  worker.on("error", (e) => listener.failed(e.message));
  return () => void worker.terminate();
}
