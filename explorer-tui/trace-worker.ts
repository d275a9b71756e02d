// A worker thread that compiles the program for one target, pass by pass, and
// sends each step, printed, as soon as its pass has run; then runs every IL's
// interpreter on its program (in workers of its own, one per processor:
// marks-worker.ts) and sends each step's mark as it is known. So the
// explorer's screen opens at once, the passes fill in, then the marks. A pass
// that fails (bad input, a broken pass) is sent with what it said.

import { availableParallelism } from "node:os";
import { parentPort, Worker, workerData } from "node:worker_threads";
import type { Target } from "../ir-defs/targets.js";
import { compile, type Step } from "../driver/driver.js";
import { CompileError, formatDiagnostics } from "../front-end/diagnostics.js";
import type { MarksRequest } from "./marks-worker.js";
import { newPrinter, stepView, type StepView } from "./trace.js";
import { eachVerdict, interpreted, marker, type Mark, type Run } from "./marks.js";

export interface TraceRequest {
  readonly file: string;
  readonly source: string;
  readonly target: Target;
  readonly stdin: string;
}

export type TraceMessage =
  | { readonly kind: "step"; readonly index: number; readonly step: StepView; readonly functions?: readonly string[] }
  | { readonly kind: "failed"; readonly at: number; readonly message: string }
  | { readonly kind: "meaning"; readonly index: number; readonly mark: Mark }
  | { readonly kind: "meaning-failed"; readonly message: string };

const { file, source, target, stdin } = workerData as TraceRequest;
const post = (m: TraceMessage) => parentPort!.postMessage(m);
const printer = newPrinter(source.replace(/\n$/, "").split("\n"));
const made: Step[] = [];
try {
  compile(source, file, {
    target,
    check: true,
    made(step, index) {
      const view = stepView(step, printer);
      post(index === 0 ? { kind: "step", index, step: view, functions: printer.functions } : { kind: "step", index, step: view });
      made.push(step);
    },
  });
  marks(made);
} catch (e) {
  if (e instanceof CompileError) {
    // Bad input: the program means nothing until check-types accepts it.
    post({ kind: "failed", at: made.length, message: formatDiagnostics(e.diagnostics, source, false) });
    post({ kind: "meaning-failed", message: "the program does not compile: no interpreter runs it" });
  } else {
    // A pass crashed or broke its contract: the steps before it mean what they mean.
    post({ kind: "failed", at: made.length, message: (e as Error).message });
    marks(made);
  }
}

/**
 * The marks: the steps' interpreters run in a few workers at once, one per
 * processor (at most 4), each given every k-th step; the source's run comes
 * first in the first. On one processor, here, one after another.
 */
function marks(steps: readonly Step[]): void {
  const report = (index: number, mark: Mark) => post({ kind: "meaning", index, mark });
  const indices = interpreted(steps);
  const k = Math.min(indices.length, 4, availableParallelism());
  if (k <= 1) {
    try {
      eachVerdict(steps, stdin, report);
    } catch (e) {
      post({ kind: "meaning-failed", message: (e as Error).message });
    }
    return;
  }
  const mark = marker(indices, stdin, report);
  const workers: Worker[] = [];
  let failed = false;
  const stopAll = () => workers.forEach((w) => void w.terminate());
  for (let w = 0; w < k; w++) {
    const mine = indices.filter((_, j) => j % k === w);
    const request: MarksRequest = { stdin, steps: mine.map((index) => ({ index, il: (steps[index]!.pass.to as { name: string }).name, program: steps[index]!.output })) };
    const worker = new Worker(new URL("./marks-worker.js", import.meta.url), { workerData: request });
    workers.push(worker);
    worker.on("message", ({ index, run }: { index: number; run: Run }) => {
      if (!failed && mark(index, run)) stopAll();
    });
    worker.on("error", (e) => {
      if (failed) return;
      failed = true;
      stopAll();
      post({ kind: "meaning-failed", message: e.message });
    });
  }
}
