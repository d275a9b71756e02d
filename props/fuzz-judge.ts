// The fuzzer's judge (props/fuzz.ts): what the compiler does with one input,
// in process, and whether that is a bad outcome. An input may be anything, so
// the answers are:
//
// - rejected: the front end answered with diagnostics, each with a file, a
//   line and a column inside the source (and formatting them works);
// - compiled: every pass ran, in checked mode (each output validated against
//   its IL); when the source interpreter finishes within its fuel, every IL's
//   interpreter gave its outcome and nothing leaked (props/check.ts, the
//   properties' own check), and the binaries will be compared with it;
// - bad: anything else. An exception that is not a CompileError is an
//   internal error; a diagnostic without a place in the file, a bad one.
//
// A program that does not finish within the source interpreter's fuel, that
// overflows its stack (the interpreters' stack is JavaScript's, far smaller
// than a binary's), or that asks for more than the heap model can say (an
// array that may or may not fit in memory), cannot be judged by meaning: it
// is only compiled and validated, and its binaries are assembled and linked
// but not run.
// So a hang is judged by fuel here; `qnano fuzz` adds a wall-time budget
// for each step (a pass, an interpreter), which `onStep` lets it watch.
import { validate, explainValidation } from "../il/validate.js";
import { Lmodules } from "../ir-defs/lmodules.js";
import type { Target } from "../ir-defs/targets.js";
import { CompileError, formatDiagnostics, type Diagnostic } from "../front-end/diagnostics.js";
import { BeyondTheModel } from "../interp/heap.js";
import { interpreterFor } from "../interp/index.js";
import type { Outcome } from "../interp/runtime-model.js";
import { frontEnd } from "../passes/pipeline.js";
import { checkLowering, type Failure } from "./check.js";

export interface FuzzInput {
  readonly source: string;
  readonly stdin: string;
}

/** The kinds of bad outcome, each a bug. */
export type BadKind =
  | "internal error" | "bad diagnostic" | "invalid IL" | "interpreter crash" | "meaning" | "leak"
  | "hang" | "toolchain" | "binary";

export interface Bad {
  readonly kind: BadKind;
  /** The pass (with its target), the tool or the binary it concerns, if any. */
  readonly where: string | null;
  readonly message: string;
  /** What makes two findings the same bug: the kind, the place, and the message without its numbers and names. */
  readonly signature: string;
}

export type Judgement =
  | { readonly kind: "rejected" }
  | { readonly kind: "bad"; readonly bad: Bad }
  /** expected: the source's outcome, or null when the interpreters cannot judge the program. */
  | { readonly kind: "compiled"; readonly expected: Outcome | null; readonly assembly: readonly (readonly [Target, string])[] };

export interface JudgeOptions {
  readonly targets: readonly Target[];
  /** The source interpreter's fuel: a program that needs more is only compiled, not judged. */
  readonly sourceFuel: number;
  /** The other interpreters' fuel (lower ILs take more steps for the same program). */
  readonly fuel: number;
}

export const judgeDefaults = { sourceFuel: 100_000, fuel: 5_000_000 } as const;

/** The file name the fuzzer compiles under (diagnostics must name it). */
export const fuzzFile = "fuzz.qs";

/** A message with numbers, quoted names and long runs of one character taken out, so that one bug has one signature. */
export function normalise(message: string): string {
  return message
    .split("\n")[0]!
    .replace(/`[^`]*`|"[^"]*"|'[^']*'/g, "Q")
    .replace(/(.)\1{7,}/g, "$1$1…")
    .replace(/\d+/g, "N")
    .slice(0, 160);
}

/** Where in qnano an exception was thrown: the first frame of its stack, as `function (file)`, without line numbers. */
export function thrownAt(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  for (const line of stack.split("\n").slice(1)) {
    const m = /at (?:(\S+) \()?(?:file:\/\/)?[^()]*\/(?:dist\/)?([\w-]+\/[\w.-]+)\.js:\d+:\d+\)?$/.exec(line.trim());
    if (m) return `${m[1] ?? "<anonymous>"} (${m[2]})`;
  }
  return "?";
}

export function internalError(where: string, error: unknown): Bad {
  const e = error instanceof Error ? error : new Error(String(error));
  const overflow = e instanceof RangeError && /call stack/.test(e.message);
  // A stack overflow is thrown wherever the stack happened to end: its place says nothing.
  const at = overflow ? "" : ` at ${thrownAt(e)}`;
  return { kind: "internal error", where, message: `${e.name}: ${e.message}`, signature: `internal error in ${where}: ${e.name}: ${normalise(e.message)}${at}` };
}

/** What is wrong with a diagnostic, or null: it must name the file, and its place (and its notes') must be in it: a line of it, a column of that line (or just after its end). */
export function diagnosticProblem(d: Diagnostic, lines: readonly string[]): string | null {
  const places = [{ loc: d.loc, file: d.file, message: d.message }, ...(d.notes ?? []).map((n) => ({ loc: n.loc, file: d.file, message: n.message }))];
  for (const p of places) {
    const { line, col, length } = p.loc ?? ({} as Record<string, unknown>);
    if (p.file !== fuzzFile) return `a diagnostic names the file ${JSON.stringify(p.file)}`;
    if (typeof p.message !== "string" || p.message === "") return "a diagnostic has no message";
    if (![line, col, length].every((n) => Number.isInteger(n) && (n as number) >= 1)) return `a diagnostic has no line:col (${JSON.stringify(p.loc)}): ${p.message}`;
    const text = lines[(line as number) - 1];
    if (text === undefined) return `a diagnostic is on line ${line}, past the end of the file: ${p.message}`;
    if ((col as number) > text.length + 1) return `a diagnostic is at column ${col} of a line ${text.length} long: ${p.message}`;
  }
  return null;
}

/** Rejected when every diagnostic is well placed and they format; else bad. */
function judgeDiagnostics(e: CompileError, source: string, where: string): Judgement {
  const lines = source.split("\n");
  const problem = e.diagnostics.length === 0 ? "a CompileError without diagnostics" : e.diagnostics.map((d) => diagnosticProblem(d, lines)).find((p) => p !== null);
  if (problem) return { kind: "bad", bad: { kind: "bad diagnostic", where, message: problem, signature: `bad diagnostic from ${where}: ${normalise(problem)}` } };
  try {
    formatDiagnostics(e.diagnostics, source, false);
  } catch (error) {
    return { kind: "bad", bad: internalError("formatting diagnostics", error) };
  }
  return { kind: "rejected" };
}

/** A failure of the properties' check of one pass, as a bad outcome. */
function fromFailure(f: Failure): Bad {
  const where = f.pass ?? f.property;
  switch (f.step) {
    case "crashed": return internalError(where, f.error);
    case "invalid output": return { kind: "invalid IL", where, message: f.message, signature: `invalid IL from ${where}` };
    case "interpreter crashed": {
      const e = f.error instanceof Error ? f.error : new Error(String(f.error));
      return { kind: "interpreter crash", where, message: f.message, signature: `interpreter crash after ${where}: ${normalise(e.message)} at ${thrownAt(e)}` };
    }
    case "leaks": return { kind: "leak", where, message: f.message, signature: `leak after ${where}` };
    default: return { kind: "meaning", where, message: f.message, signature: `meaning changed by ${where}` };
  }
}

/** The front end, every pass and every interpreter on one input; `onStep` is told before each pass and interpreter starts. */
export function judge(input: FuzzInput, options: JudgeOptions, onStep?: (what: string) => void): Judgement {
  const context = { file: fuzzFile, source: input.source };
  const [parse, ...checking] = frontEnd.slice(0, frontEnd.findIndex((p) => p.name === "check-types") + 1); // parse, resolve-modules, check-types
  let parsed: unknown;
  let program: unknown = input.source;
  for (const p of [parse!, ...checking]) {
    try {
      onStep?.(p.name);
      program = p.run(program, context);
      if (p === parse) parsed = program;
    } catch (e) {
      if (e instanceof CompileError) return judgeDiagnostics(e, input.source, p.name);
      return { kind: "bad", bad: internalError(p.name, e) };
    }
  }
  const v = validate(Lmodules, parsed);
  if (!v.ok) return { kind: "bad", bad: { kind: "invalid IL", where: "parse", message: explainValidation(v), signature: "invalid IL from parse" } };
  let expected: Outcome | null;
  try {
    onStep?.("the Lmodules interpreter");
    expected = interpreterFor("Lmodules")!(parsed, { stdin: input.stdin, fuel: options.sourceFuel });
    if (expected.outOfFuel || expected.panic === "stack overflow") expected = null;
  } catch (e) {
    if (!(e instanceof BeyondTheModel)) {
      return { kind: "bad", bad: { kind: "interpreter crash", where: "parse", message: `the Lmodules interpreter crashed: ${(e as Error).message}`, signature: `interpreter crash after parse: ${normalise((e as Error).message)} at ${thrownAt(e)}` } };
    }
    expected = null; // (an array that may or may not fit in memory)
  }
  const lowered = checkLowering(parsed, input.source, expected, input.stdin, { targets: options.targets, endToEnd: false, fuel: options.fuel, onStep, file: fuzzFile });
  // A pass may refuse a program that type-checks (a construct whose passes are still to come): a diagnostic is an answer.
  if ("property" in lowered) return lowered.error instanceof CompileError ? judgeDiagnostics(lowered.error, input.source, "a pass after check-types") : { kind: "bad", bad: fromFailure(lowered) };
  // A program whose own cycles keep objects live: its binaries' leak check counts them too.
  const judged = expected !== null && lowered.cycles !== null ? { ...expected, live: lowered.cycles, cycles: true as const } : expected;
  return { kind: "compiled", expected: judged, assembly: [...lowered.assembly] };
}
