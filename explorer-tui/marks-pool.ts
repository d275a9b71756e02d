// The marks' workers: a few threads (marks-worker.ts) that run the
// interpreters of a trace's steps. They start while the passes still run (a
// worker takes a while to load), take the steps once the passes are done (so
// that the passes, and the screen that shows them, have the processors to
// themselves), and each step goes to the first worker that is free, so a long
// run does not hold up the ones queued behind it. A worker takes the first
// step, in the order the steps were made (the source's first), of the engine
// it ran last, else of an engine no other worker is on, else the first: the
// JIT warms up to an engine's code in each thread that runs it, and a run of
// an engine not yet warm takes about twice as long.

import { Worker } from "node:worker_threads";
import type { MarksJob, MarksRequest } from "./marks-worker.js";
import type { Run } from "./marks.js";
import { engineOf } from "../interp/index.js";

/**
 * The stack of each thread that runs interpreters, in MB. The tree interpreters nest a
 * program's calls on JavaScript's stack, a spawned task's (run as generators) the deepest:
 * with a worker's default 4 MB, a recursion 400 deep in a task filled it, and the source's
 * run, given up, was taken for the reference, so every later step was marked ✗. The space
 * is reserved, and used only as deep as a run goes; 512 MB runs a recursion 20,000 deep in a task,
 * twice the 10,000 nested calls at which every interpreter gives up (runtime-model.ts, maxCallDepth).
 */
export const interpreterStackMb = 512;

export interface MarksPool {
  /** A step to run. */
  add(job: MarksJob): void;
  /** No more steps will come: the workers take them, and end once the last run is in. */
  done(): void;
  /** Ends the workers now. */
  stop(): void;
}

/** Starts `size` workers that run steps on `stdin`; each run goes to `ran`, a worker's error to `failed` (and every worker stops). */
export function marksPool(size: number, stdin: string, ran: (index: number, run: Run) => void, failed: (message: string) => void): MarksPool {
  const queue: MarksJob[] = [];
  const idle: Worker[] = [];
  const workers: Worker[] = [];
  let compiling = true;
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const w of workers) void w.terminate();
  };
  const engines = new Map<Worker, string | undefined>(); // the engine (interp/index.ts, engineOf) each worker ran last
  /** The step a free worker takes (an index in the queue). */
  const pick = (worker: Worker): number => {
    const others = new Set(workers.filter((w) => w !== worker).map((w) => engines.get(w)));
    const own = engines.has(worker) ? queue.findIndex((j) => engineOf(j.il) === engines.get(worker)) : -1;
    return own >= 0 ? own : Math.max(queue.findIndex((j) => !others.has(engineOf(j.il))), 0);
  };
  const pump = () => {
    if (compiling) return;
    while (!stopped && queue.length > 0 && idle.length > 0) {
      const worker = idle.shift()!;
      const [job] = queue.splice(pick(worker), 1);
      engines.set(worker, engineOf(job!.il));
      worker.postMessage(job);
    }
    if (!stopped && queue.length === 0 && idle.length === workers.length) stop();
  };
  const request: MarksRequest = { stdin };
  for (let k = 0; k < size; k++) {
    const worker = new Worker(new URL("./marks-worker.js", import.meta.url), { workerData: request, resourceLimits: { stackSizeMb: interpreterStackMb } });
    workers.push(worker);
    idle.push(worker);
    worker.on("message", ({ index, run }: { index: number; run: Run }) => {
      if (stopped) return;
      idle.push(worker);
      ran(index, run);
      pump();
    });
    worker.on("error", (e) => {
      if (stopped) return;
      stop();
      failed(e.message);
    });
  }
  return {
    add(job) {
      queue.push(job);
      pump();
    },
    done() {
      compiling = false;
      pump();
    },
    stop,
  };
}
