// The explorer's marks: what the interpreter of each step's IL makes of the
// program, against the source's run. Each step's program runs through the
// driver's checking loop (runProgram); the runs, which arrive in any order
// from the marks' workers (marks-pool.ts), become marks once the source's
// run is known (marker), with what differs from it in a sentence and the
// first line of output that differs. A pass that leaves the program as it was
// shares the run of the step before it when the same interpreter runs both
// (runSharer): its mark is what running it again would give. A program that
// reads input and was given none gets "no input" marks, not a ✓ on
// `panic: bad input`.

import type { IL } from "../il/define.js";
import { sameTerm } from "../il/node.js";
import { createHash } from "node:crypto";
import { checkMade, throwIfBroken, whoGaveUp, type Step } from "../driver/driver.js";
import { engineOf, runAlike, runInput } from "../interp/index.js";
import { describeOutcome, leaked, newlines, sameOutcome, type Outcome } from "../interp/runtime-model.js";

/** The most standard output a verdict keeps (the explorer shows it beside the source's). */
export const maxOutput = 64 * 1024;

/** What the interpreter of a step's IL made of the program, against the source's run. */
export interface StepVerdict {
  readonly agrees: boolean;
  /** Status and output in a few words: `status 0; 5 line(s) of output`. */
  readonly outcome: string;
  readonly status: number;
  readonly panic: string | null;
  /** Standard output (at most maxOutput characters of it). */
  readonly stdout: string;
  /** How many lines the whole output has (stdout may hold only the start of it). */
  readonly lines: number;
  /** The run stopped before the program's end: its interpreter ran out of fuel (or kept all
   * the output it may): there is no status. */
  readonly outOfFuel: boolean;
  /** What differs from the source's run, in a sentence (null when nothing does). */
  readonly differs: string | null;
  /** When the runs differ because an interpreter stopped before the program's end (out of
   * fuel, or out of stack: this step's or the source's), why: no verdict, not a ✗. */
  readonly gaveUp: string | null;
}

/**
 * A step's meaning mark: its verdict; "pending" until its interpreter has run;
 * "no input" when the program reads standard input and was given none (every
 * run would end on `panic: bad input`, which says nothing about the pass);
 * null for assembly text, which no interpreter runs.
 */
export type Mark = StepVerdict | "pending" | "no input" | null;

/** The first line where two outputs differ (1-based), or null when they are equal. */
export function firstDifferentLine(a: string, b: string): { line: number; here: string | null; source: string | null } | null {
  if (a === b) return null;
  const x = a.split("\n");
  const y = b.split("\n");
  for (let i = 0; ; i++) {
    if (x[i] !== y[i]) return { line: i + 1, here: x[i] ?? null, source: y[i] ?? null };
  }
}

const quoted = (line: string | null) => (line === null ? "nothing" : JSON.stringify(line));

/** What differs between a step's run and the source's, in a sentence, or null. */
export function difference(here: Outcome, source: Outcome): string | null {
  if (here.panic !== source.panic) return `panic ${here.panic === null ? "none" : JSON.stringify(here.panic)}, the source's ${source.panic === null ? "none" : JSON.stringify(source.panic)}`;
  if (here.status !== source.status) return `status ${here.status}, the source's ${source.status}`;
  if (here.outOfFuel !== source.outOfFuel) return here.outOfFuel ? "it ran out of fuel; the source did not" : "the source ran out of fuel; it did not";
  const line = firstDifferentLine(here.stdout, source.stdout);
  if (line) return `output line ${line.line}: ${quoted(line.here)}, the source's ${quoted(line.source)}`;
  const live = leaked(here);
  if (live !== null) return `${live.objects} object(s), ${live.bytes} bytes, still live when main returns`;
  return null;
}

/** Whether a run ended reading input that was not there: the source's run, with no input given. */
const readsMissingInput = (o: Outcome, stdin: string) => stdin === "" && o.panic === "bad input";

/** One step's run, before it is compared with the source's: its outcome, and
 * whether the step alone passes the check (nothing is left live). */
export interface Run {
  readonly outcome: Outcome;
  readonly clean: boolean;
  /** When its standard output was longer than keptOutput (outcome.stdout holds the start): a digest of all of it. */
  readonly digest?: string;
  /** How many lines all of its standard output has. */
  readonly lines: number;
}

/** The lines of an output, the last one counted though it has no line break. */
export const lineCount = (text: string): number => newlines(text) + (text === "" || text.endsWith("\n") ? 0 : 1);

/**
 * The most standard output a run keeps whole, in characters; of a longer one, the
 * first keptOutput and a digest of all of it, which the source's must match too. A
 * program that prints forever stops at the 64 MiB an interpreter keeps
 * (runtime-model.ts, outputLimit): each of its runs whole, held until the last mark,
 * took gigabytes.
 */
export const keptOutput = 1 << 20;

/** Runs the interpreter of `il` on a program (already validated), by the driver's
 * checking loop (through the identity pass of that IL); one it cannot run throws. */
export function runProgram(il: IL, program: unknown, stdin: string): Run {
  const step: Step = { pass: { name: il.name, from: il, to: il, purpose: "", run: (p: unknown) => p }, output: program, ms: 0 };
  const [checked] = checkMade([step], { run: { stdin }, validate: false });
  throwIfBroken(checked!);
  const [outcome, clean, lines] = [checked!.outcome!, checked!.verdict.kind === "agrees", lineCount(checked!.outcome!.stdout)];
  if (outcome.stdout.length <= keptOutput) return { outcome, clean, lines };
  return { outcome: { ...outcome, stdout: outcome.stdout.slice(0, keptOutput) }, clean, lines, digest: createHash("sha256").update(outcome.stdout).digest("hex") };
}

/** A step's mark: its run against the source's. */
function markOf(run: Run, source: Run): StepVerdict {
  const [{ outcome }, reference] = [run, source.outcome];
  const sameEnd = run.digest === source.digest;
  const agrees = sameOutcome(reference, outcome) && sameEnd && run.clean;
  return {
    agrees,
    gaveUp: agrees ? null : whoGaveUp([["its interpreter", outcome], ["the source's interpreter", reference]]),
    outcome: describeOutcome(outcome),
    status: outcome.status,
    panic: outcome.panic,
    stdout: outcome.stdout.length > maxOutput ? outcome.stdout.slice(0, maxOutput) : outcome.stdout,
    lines: run.lines,
    outOfFuel: outcome.outOfFuel,
    differs: agrees ? null : (difference(outcome, reference) ?? (sameEnd ? "its outcome differs" : `its output differs from the source's after the first ${keptOutput} characters`)),
  };
}

/**
 * Turns runs, arriving in any order, into marks, reported by the step's index:
 * each once the source's run (the first index's) is known. When the source's
 * run reads input that was not given, every mark is "no input" (and `true` is
 * returned: nothing more need run).
 */
export function marker(indices: readonly number[], stdin: string, report: (index: number, mark: Mark) => void): (index: number, run: Run) => boolean {
  let reference: Run | null = null;
  const waiting = new Map<number, Run>();
  return (index, run) => {
    if (reference === null) {
      if (index !== indices[0]) {
        waiting.set(index, run);
        return false;
      }
      if (readsMissingInput(run.outcome, stdin)) {
        for (const i of indices) report(i, "no input");
        return true;
      }
      reference = run;
      report(index, markOf(run, reference));
      for (const [i, r] of waiting) report(i, markOf(r, reference));
      waiting.clear();
      return false;
    }
    report(index, markOf(run, reference));
    return false;
  };
}

/** The steps that an interpreter runs (not assembly text), by index. */
export const interpreted = (steps: readonly Step[]): number[] => steps.flatMap((s, i) => (typeof s.pass.to === "string" ? [] : [i]));

/** A step's program to run, by the step's index, with the IL it belongs to. */
export interface Job {
  readonly index: number;
  readonly il: IL;
  readonly program: unknown;
}

/** Whether running `b` is running `a` again: the same program as their interpreters read
 * it (interp/index.ts, runInput), apart from locs, which no interpreter reads, run by the
 * same code (the same interpreter, or two that run it alike: runAlike). */
export function sameRun(a: Job, b: Job): boolean {
  const read = runInput(a.il.name, a.program);
  return runAlike(a.il.name, b.il.name, read) && sameTerm(read, runInput(b.il.name, b.program));
}

/**
 * Runs shared between steps: a step whose program, as its interpreter reads it,
 * is one of the last three the same engine ran (interp/index.ts, engineOf), run
 * alike, has that step's run (an interpreter's outcome is a function of what it reads
 * of the program and of the input, so running it again would give the same): a
 * pass that left the program as it was, or (uncover-live, build-interference,
 * choose-spill-candidates) only added what no run reads. `needs(job)` says
 * whether a step must run (in the order of the steps); `ran` hands a run to
 * `mark` for its step and for every step that shares it, and says what `mark`
 * says (true: nothing more need run).
 */
export function runSharer(mark: (index: number, run: Run) => boolean): { needs: (job: Job) => boolean; ran: (index: number, run: Run) => boolean } {
  const recent = new Map<string | undefined, Job[]>(); // by engine, its last runs, the latest first
  const sharers = new Map<number, number[]>();
  const runs = new Map<number, Run>();
  return {
    needs(job) {
      const engine = engineOf(job.il.name);
      const before = recent.get(engine) ?? [];
      const same = before.find((b) => sameRun(b, job));
      if (same === undefined) {
        recent.set(engine, [job, ...before.slice(0, 2)]);
        sharers.set(job.index, []);
        return true;
      }
      const run = runs.get(same.index);
      if (run) mark(job.index, run);
      else sharers.get(same.index)!.push(job.index);
      return false;
    },
    ran(index, run) {
      runs.set(index, run);
      let done = mark(index, run);
      for (const i of sharers.get(index) ?? []) done = mark(i, run) || done;
      return done;
    },
  };
}

/**
 * Runs each step's interpreter, one step at a time, and reports each mark by
 * the step's index as soon as it is known (running a program that loops a lot
 * at every level, down to the machine models, takes a while); a step that
 * shares the run of the one before (runSharer) is not run again. When the
 * source's run reads input that was not given, every mark is "no input" and
 * nothing more runs. (The explorer's worker shares the runs out among workers
 * of their own: marks-pool.ts.)
 */
export function eachVerdict(steps: readonly Step[], stdin: string, report: (index: number, mark: Mark) => void): void {
  const indices = interpreted(steps);
  const runs = runSharer(marker(indices, stdin, report));
  for (const index of indices) {
    const job = { index, il: steps[index]!.pass.to as IL, program: steps[index]!.output };
    if (runs.needs(job) && runs.ran(index, runProgram(job.il, job.program, stdin))) return;
  }
}

/** A run's end in a few words: `status 0, 5 lines` (`panic: ..., status 101, ...`; `stopped
 * before the end (out of fuel), 12,775 lines`), and when only the start of the output is kept,
 * how much of it. */
export function briefly(v: StepVerdict): string {
  const end = v.outOfFuel ? "stopped before the end (out of fuel)" : `${v.panic !== null ? `panic: ${v.panic}, ` : ""}status ${v.status}`;
  const shown = lineCount(v.stdout);
  return `${end}, ${v.lines.toLocaleString("en-US")} line${v.lines === 1 ? "" : "s"}${shown < v.lines ? ` (the first ${shown.toLocaleString("en-US")} shown)` : ""}`;
}

