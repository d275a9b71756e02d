// A worker thread that compiles the program for one target, pass by pass, and
// sends each step, printed, as soon as its pass has run; then runs every IL's
// interpreter on its program and sends each step's mark as it is known. So
// the explorer's screen opens at once, the passes fill in, then the marks. A
// pass that fails (bad input, a broken pass) is sent with what it said.

import { parentPort, workerData } from "node:worker_threads";
import type { Target } from "../ir-defs/targets.js";
import { compile, type Step } from "../driver/driver.js";
import { CompileError, formatDiagnostics } from "../front-end/diagnostics.js";
import { eachVerdict, newPrinter, stepView, type Mark, type StepView } from "./trace.js";

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
let made = 0;
let steps: Step[] | null = null;
try {
  steps = compile(source, file, {
    target,
    check: true,
    onStep(step, index) {
      const view = stepView(step, printer);
      post(index === 0 ? { kind: "step", index, step: view, functions: printer.functions } : { kind: "step", index, step: view });
      made = index + 1;
    },
  });
} catch (e) {
  const message = e instanceof CompileError ? formatDiagnostics(e.diagnostics, source, false) : (e as Error).message;
  post({ kind: "failed", at: made, message });
}
if (steps) {
  try {
    eachVerdict(steps, stdin, (index, mark) => post({ kind: "meaning", index, mark }));
  } catch (e) {
    post({ kind: "meaning-failed", message: (e as Error).message });
  }
}
