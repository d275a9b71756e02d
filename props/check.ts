// The properties, checked on one generated program:
//
// - well-typed: the printed program parses and type-checks, without a warning;
// - parse: the parsed program is the generated tree (so printing it gives the
//   same text back), and the Lsrc interpreter gives the same outcome on both;
// - for every pass P: validate(P.to, P(p)) holds, and the interpreter of P.to
//   on P(p) gives the outcome of the source (stdout, exit status, panic
//   message). The passes run in pipeline order, so the first pass that
//   disagrees is the pass that broke the program;
// - no leaks: where the interpreter counts references (Lrc and below), no
//   object is still live when main returns;
// - determinism: compiling the source again gives byte-identical assembly;
// - end to end: the real binary on each target prints what the source
//   interpreter prints, with the same stderr and exit status.
//
// The well-typed, parse, pass and no-leaks properties are the driver's
// checking loop (checkTargets in driver/driver.ts), with the generated tree's
// outcome as the reference; this file says which property each bad step breaks.
import { execFile } from "node:child_process";
import { isDeepStrictEqual } from "node:util";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { toolNames } from "../driver/toolchain.js";
import { type Target } from "../ir-defs/targets.js";
import { CompileError, formatDiagnostics } from "../front-end/diagnostics.js";
import { assemblyOf, checkPasses, checkTargets, compile, isBad, passesUntil, showOutcome, stepLabel, type CheckedStep, type TargetStep, type Verdict } from "../driver/driver.js";
import { atLevel, backEnds, frontEnd, type OptLevel } from "../passes/pipeline.js";
import { Lmodules } from "../ir-defs/lmodules.js";
import type { IL } from "../il/define.js";
import { interpreterFor } from "../interp/index.js";
import type { Outcome } from "../interp/runtime-model.js";
import type { Pass, Warning } from "../il/pass.js";
import { withoutLoc } from "../il/node.js";
import { quastraSource } from "../front-end/quastra-source.js";
import { preludeFile } from "../front-end/modules.js";
import { runBinaryAsync, type BinaryRun } from "./batch.js";
import { runtimeObjectFor } from "./runtime-object.js";
import { writeProgram, type ModuleFile } from "./generator-modules.js";

const run = promisify(execFile);

/** Generated programs need at most about 20,000 steps on any IL (measured on 1,000); a fault that makes a loop endless is caught fast. */
export const fuel = 1_000_000;

export interface Failure {
  /** Which property: "well-typed", "terminates", "parse", "pass", "no leaks", "deterministic", "end to end". */
  readonly property: string;
  /** The pass that broke (with its target for a back-end pass), or null. */
  readonly pass: string | null;
  readonly message: string;
  /** For "pass" and "no leaks": which check of the pass failed. */
  readonly step?: "crashed" | "invalid output" | "interpreter crashed" | "changed the meaning" | "leaks";
  /** What was thrown, when a pass or an interpreter crashed (the fuzzer reads where). */
  readonly error?: unknown;
}

export interface CheckOptions {
  readonly targets: readonly Target[];
  /** How much the pipeline optimises (default 1: every optimisation checked; 0: none run). */
  readonly opt?: OptLevel;
  /** Check only this pass (the others still run, to produce its input). */
  readonly pass?: string;
  /** Build and run real binaries. */
  readonly endToEnd: boolean;
  /** Counts, per pass (or "end to end TARGET"), the programs checked. */
  readonly tally?: Map<string, number>;
  /** The interpreters' fuel (default: `fuel`). */
  readonly fuel?: number;
  /** Told before each pass runs and each interpreter starts (the fuzzer's watchdog). */
  readonly onStep?: (what: string) => void;
  /** Check only the shared front end's passes up to this one (no back end, no binaries): what
   * exists today of a program that the later passes cannot compile yet. */
  readonly until?: string;
  /** The file name diagnostics name (default: generated.qs). */
  readonly file?: string;
  /** The files of the program's modules (props/generator-modules.ts): written with the program's
   * own file to a temporary folder, from which the driver reads them. */
  readonly modules?: readonly ModuleFile[];
}

/** `f` of the program's own file: generated.qs, or in a temporary folder with its modules' files. */
function withFiles<T>(source: string, options: CheckOptions, f: (file: string) => T): T {
  if (options.modules === undefined || options.modules.length === 0) return f("generated.qs");
  const dir = mkdtempSync(join(tmpdir(), "qnano-props-modules-"));
  try {
    return f(writeProgram(dir, source, options.modules));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const endToEndLabel = (target: Target) => `end to end (${target})`;

/** The outcome the source means: the Lsrc interpreter on the generated tree. */
export function sourceOutcome(program: unknown, stdin: string): Outcome {
  return interpreterFor("Lsrc")!(program, { stdin, fuel });
}

function count(options: CheckOptions, key: string): void {
  options.tally?.set(key, (options.tally.get(key) ?? 0) + 1);
}

/** A program without the prelude: parse's Imported core.prelude, the generator's `module prelude`
 * (the prelude's items the program may use, as resolve-modules joins them). */
function withoutPrelude(program: unknown): unknown {
  const { items, ...rest } = program as { items: readonly { kind: string; file?: string }[] };
  return { ...rest, items: items.filter((item) => item.kind !== "Module" && !(item.kind === "Imported" && item.file === preludeFile)) };
}

/** The property a bad step of the checking loop breaks (null when it holds); `generated`, the
 * tree the source was printed from, when there is one. */
function failureOf(step: TargetStep, source: string, expected: Outcome, generated: unknown = null): Failure | null {
  const pass = stepLabel(step);
  const v = step.verdict;
  if (v.kind === "crashed" && v.error instanceof CompileError) return { property: "well-typed", pass: null, message: `the generated program is rejected:\n${formatDiagnostics(v.error.diagnostics, source, false, "error", v.error.sources)}`, error: v.error };
  if (step.pass.from === "text" && step.outcome !== null) {
    if (quastraSource(step.output as never) !== source) return { property: "parse", pass, message: "printing the parsed program does not give the source back" };
    if (generated !== null && !isDeepStrictEqual(withoutPrelude(withoutLoc(step.output)), withoutPrelude(generated))) return { property: "parse", pass, message: "the parsed program is not the generated tree (though it prints the same)" };
    if (isBad(step)) return { property: "parse", pass, message: `the parsed program gives ${showOutcome(step.outcome)}; the generated tree gives ${showOutcome(expected)}` };
  }
  if (!isBad(step)) return null;
  return { property: v.kind === "leaks" ? "no leaks" : "pass", pass, message: step.explanation, ...failedCheck(v) };
}

/** Which check of a pass a bad verdict is, and what was thrown. */
function failedCheck(v: Verdict): Pick<Failure, "step" | "error"> {
  switch (v.kind) {
    case "crashed": return { step: "crashed", error: v.error };
    case "invalid": return { step: "invalid output" };
    case "unrunnable": return { step: "interpreter crashed", error: v.error };
    case "leaks": return { step: "leaks" };
    default: return { step: "changed the meaning" };
  }
}

/**
 * Every pass after parse on a parsed program, in pipeline order (check-types,
 * the rest of the front end, then each target's back end), through the
 * driver's checking loop; on success, the assembly for each target. With no
 * expected outcome (a program the interpreters cannot judge) each output is
 * only validated; an interpreter that gives up (fuel, JavaScript's stack) is
 * no failure.
 */
export function checkLowering(parsed: unknown, source: string, expected: Outcome | null, stdin: string, options: CheckOptions): Failure | Lowered {
  const context = { file: options.file ?? "generated.qs", source };
  const loop = (target: Target | null) => ({
    run: { stdin, fuel: options.fuel ?? fuel },
    interpret: expected !== null,
    reference: expected === null ? undefined : { outcome: expected, name: "the source" },
    onStep: options.onStep && ((what: string) => options.onStep!(target === null ? what : `${what} (${target})`)),
  });
  const checked = (steps: Iterable<CheckedStep>, target: Target | null): Failure | CheckedStep | null => {
    let last: CheckedStep | null = null;
    for (const step of steps) {
      const failure = step.verdict.kind === "gave up" ? null : failureOf({ ...step, target }, source, expected ?? step.outcome!);
      if (failure) return failure;
      last = step;
    }
    return last;
  };
  const front = checked(checkPasses({ program: parsed, il: Lmodules, check: false, context }, atLevel(frontEnd, options.opt ?? 1).slice(1), loop(null)), null);
  if (front === null || !("pass" in front && "verdict" in front)) return (front as Failure | null) ?? { property: "pass", pass: null, message: "no pass ran" };
  const assembly = new Map<Target, string>();
  for (const target of options.targets) {
    const back = checked(checkPasses({ program: front.output, il: front.pass.to as IL, check: false, context }, atLevel(backEnds[target], options.opt ?? 1), loop(target)), target);
    if (back === null || !("verdict" in back)) return (back as Failure | null) ?? { property: "pass", pass: null, message: "no pass ran" };
    assembly.set(target, back.output as string);
  }
  return { assembly, cycles: front.outcome?.cycles ? (front.outcome.live ?? null) : null };
}

/** What checkLowering gives on success: the assembly for each target, and what the program's own
 * cycles keep live when main returns (the interpreters that count references say so; the binaries'
 * leak check must say the same), or null. */
export interface Lowered {
  readonly assembly: Map<Target, string>;
  readonly cycles: Outcome["live"] | null;
}

/** The checking loop over the shared front end's passes up to `until`. */
function* frontEndUntil(source: string, file: string, until: string, options: Parameters<typeof checkPasses>[2], opt: OptLevel): Generator<TargetStep> {
  for (const step of checkPasses({ source, file }, passesUntil(atLevel(frontEnd, opt), until), options)) yield { ...step, target: null };
}

/** Everything but the real binaries; on success, the assembly for each target (none with `until`). */
export function checkInProcess(program: unknown, source: string, stdin: string, options: CheckOptions): Failure | Map<Target, string> {
  return withFiles(source, options, (file) => checkFiles(program, source, file, stdin, options));
}

function checkFiles(program: unknown, source: string, file: string, stdin: string, options: CheckOptions): Failure | Map<Target, string> {
  const expected = sourceOutcome(program, stdin);
  if (expected.outOfFuel) return { property: "terminates", pass: null, message: "the source interpreter ran out of fuel (a generator bug: loops must be bounded)" };
  const assembly = new Map<Target, string>();
  const only = (p: Pass) => options.pass === undefined || options.pass === p.name;
  const warnings: Warning[] = [];
  const checking = { run: { stdin, fuel }, reference: { outcome: expected, name: "the source" }, only, warnings };
  const steps = options.until === undefined ? checkTargets(source, file, options.targets, checking, options.opt) : frontEndUntil(source, file, options.until, checking, options.opt ?? 1);
  // (A program split into modules parses to its own file and theirs: its tree is the whole program's.)
  const tree = options.modules === undefined || options.modules.length === 0 ? program : null;
  for (const step of steps) {
    const failure = failureOf(step, source, expected, tree);
    if (failure) return failure;
    // A warning is noise to whoever reads the program: the generator makes none (spec/properties.md).
    if (warnings.length > 0) return { property: "well-typed", pass: null, message: `the generated program gets a warning:\n${formatDiagnostics(warnings, source, false, "warning")}` };
    if (step.verdict.kind === "agrees") count(options, stepLabel(step));
    if (step.target === null || step.pass.to !== "asm") continue;
    assembly.set(step.target, step.output as string);
    if (options.pass === undefined) {
      const again = assemblyOf(compile(source, file, { target: step.target, opt: options.opt }));
      if (again !== step.output) return { property: "deterministic", pass: null, message: `compiling twice for ${step.target} gives different assembly` };
      count(options, `deterministic (${step.target})`);
    }
  }
  return assembly;
}

/** Assembles, links and runs one program on a target; compares with the source's outcome. */
async function checkBinary(assembly: string, target: Target, expected: Outcome, stdin: string, dir: string, options: CheckOptions): Promise<Failure | null> {
  const tools = toolNames(target);
  const base = join(dir, target);
  writeFileSync(`${base}.s`, assembly);
  const label = endToEndLabel(target);
  try {
    await run(tools.as, ["-o", `${base}.o`, `${base}.s`]);
    await run(tools.ld, ["-static", "-z", "noexecstack", "-o", base, runtimeObjectFor(target), `${base}.o`]);
  } catch (e) {
    return { property: "end to end", pass: `emit-asm (${target})`, message: `the assembly does not build: ${(e as Error).message}` };
  }
  const verdict = binaryVerdict(await runBinaryAsync(base, target, stdin), expected, target);
  if (verdict !== null) return { property: "end to end", pass: `emit-asm (${target})`, message: verdict };
  count(options, label);
  return null;
}

/** Null when a binary's run shows the source's outcome; else what differs. */
export function binaryVerdict(result: BinaryRun, expected: Outcome, target: Target): string | null {
  // No panic: nothing on stderr but, when main returned (not exit), the leak check finding nothing live
  // (or what the program's own cycles keep, when the interpreters that count references found that).
  const [objects, bytes] = [expected.live?.objects ?? 0, expected.live?.bytes ?? 0];
  const stderrs = expected.panic === null ? ["", `leak check: ${objects} objects, ${bytes} bytes live\n`] : [`panic: ${expected.panic}\n`];
  if (!result.killed && result.stdout === expected.stdout && stderrs.includes(result.stderr) && result.status === expected.status) return null;
  const what = result.killed ? "was killed (time limit or signal)" : `printed ${JSON.stringify(result.stdout.slice(0, 200))}, stderr ${JSON.stringify(result.stderr.slice(0, 200))}, status ${result.status}`;
  // Every IL's interpreter agreed with the source, so what is left is the text emit-asm printed (or the runtime).
  return `the ${target} binary ${what}; the source gives ${showOutcome(expected)} (every IL's interpreter agrees with the source)`;
}

/** Every property on one program; null when all hold. */
export async function checkProgram(program: unknown, source: string, stdin: string, options: CheckOptions): Promise<Failure | null> {
  const assembly = checkInProcess(program, source, stdin, options);
  if (!(assembly instanceof Map)) return assembly;
  if (!options.endToEnd) return null;
  const expected = sourceOutcome(program, stdin);
  const dir = mkdtempSync(join(tmpdir(), "qnano-props-"));
  try {
    const failures = await Promise.all([...assembly].map(([target, asm]) => checkBinary(asm, target, expected, stdin, dir, options)));
    return failures.find((f) => f !== null) ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
