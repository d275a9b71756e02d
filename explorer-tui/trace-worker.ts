// A worker thread that compiles the program for one target, pass by pass, and
// sends each step, printed, as soon as its pass has run; then every IL's
// interpreter runs on its step's program (in workers of its own, one per
// processor, started while the passes run: marks-pool.ts), and each step's
// mark is sent as it is known. So the explorer's screen opens at once, the
// passes fill in, then the marks. A pass that fails (bad input, a broken
// pass) is sent with what it said.

import { availableParallelism } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { IL } from "../il/define.js";
import type { Target } from "../ir-defs/targets.js";
import { compile, type Step } from "../driver/driver.js";
import { readModules } from "../driver/source-set.js";
import { CompileError, formatDiagnostics } from "../front-end/diagnostics.js";
import { pipeline, type OptLevel } from "../passes/pipeline.js";
import { newPrinter, stepView, type StepView } from "./step-view.js";
import { eachVerdict, marker, runSharer, type Mark } from "./marks.js";
import { marksPool, type MarksPool } from "./marks-pool.js";
import { programFiles, splitLines, type SourceFile } from "./sources.js";
import { giveWay } from "./give-way.js";

export interface TraceRequest {
  readonly file: string;
  readonly source: string;
  readonly target: Target;
  readonly opt: OptLevel;
  readonly stdin: string;
}

export type TraceMessage =
  | { readonly kind: "step"; readonly index: number; readonly step: StepView; readonly functions?: readonly string[]; readonly files?: readonly SourceFile[] }
  | { readonly kind: "failed"; readonly at: number; readonly message: string }
  | { readonly kind: "meaning"; readonly index: number; readonly mark: Mark }
  | { readonly kind: "meaning-failed"; readonly message: string };

giveWay();
const { file, source, target, opt, stdin } = workerData as TraceRequest;
const post = (m: TraceMessage) => parentPort!.postMessage(m);
// The modules' files, read once: for the views' line numbering and for the passes.
const modules = readModules(file, source);
const files = programFiles(file, source, modules);
const printer = newPrinter(splitLines(source), files);
const made: Step[] = [];
/** Marks known before their step was sent ("no input" says it of every step at once): each is sent after its step. */
const early = new Map<number, Mark>();
const marks = startMarks();
try {
  compile(source, file, {
    target,
    opt,
    check: true,
    modules,
    made(step, index) {
      const view = stepView(step, printer);
      post(index === 0 ? { kind: "step", index, step: view, functions: printer.functions, files } : { kind: "step", index, step: view });
      made.push(step);
      const held = early.get(index);
      if (held !== undefined) post({ kind: "meaning", index, mark: held });
      marks.add(step, index);
    },
  });
  marks.done(made);
} catch (e) {
  if (e instanceof CompileError) {
    // Bad input: the program means nothing until check-types accepts it.
    marks.stop();
    post({ kind: "failed", at: made.length, message: formatDiagnostics(e.diagnostics, source, false, "error", e.sources) });
    post({ kind: "meaning-failed", message: "the program does not compile: no interpreter runs it" });
  } else {
    // A pass crashed or broke its contract: the steps before it mean what they mean.
    post({ kind: "failed", at: made.length, message: (e as Error).message });
    marks.done(made);
  }
}

/**
 * The marks: the steps' interpreters run in a few workers (marks-pool.ts), one
 * per processor (at most 4), once the passes are done; a step that shares the
 * run of the step before (runSharer) is not run again. On one processor,
 * here, one after another.
 */
function startMarks(): { add: (step: Step, index: number) => void; done: (steps: readonly Step[]) => void; stop: () => void } {
  const report = (index: number, mark: Mark) => (index < made.length ? post({ kind: "meaning", index, mark }) : early.set(index, mark));
  const size = Math.min(4, availableParallelism());
  if (size <= 1) {
    const done = (steps: readonly Step[]) => {
      try {
        eachVerdict(steps, stdin, report);
      } catch (e) {
        post({ kind: "meaning-failed", message: (e as Error).message });
      }
    };
    return { add: () => {}, done, stop: () => {} };
  }
  const indices = pipeline(target, opt).flatMap((p, i) => (typeof p.to === "string" ? [] : [i]));
  const runs = runSharer(marker(indices, stdin, report));
  // The workers start once parse's program is on its way to the screen.
  let pool: MarksPool | null = null;
  const started = () => (pool ??= marksPool(size, stdin, (index, run) => runs.ran(index, run) && pool!.stop(), (message) => post({ kind: "meaning-failed", message })));
  return {
    add(step, index) {
      if (typeof step.pass.to === "string") return;
      const il = step.pass.to as IL;
      if (runs.needs({ index, il, program: step.output })) started().add({ index, il: il.name, program: step.output });
    },
    done: () => started().done(),
    stop: () => pool?.stop(),
  };
}
