// The properties, checked on one generated program:
//
// - well-typed: the printed program parses and type-checks;
// - parse: printing the parsed program gives the same text back, and the Lsrc
//   interpreter gives the same outcome on both trees;
// - for every pass P: validate(P.to, P(p)) holds, and the interpreter of P.to
//   on P(p) gives the outcome of the source (stdout, exit status, panic
//   message). The passes run in pipeline order, so the first pass that
//   disagrees is the pass that broke the program;
// - no leaks: where the interpreter counts references (Lrc and below), no
//   object is still live when main returns (as checkMeaning in driver/driver.ts);
// - determinism: compiling the source again gives byte-identical assembly;
// - end to end: the real binary on each target prints what the source
//   interpreter prints, with the same stderr and exit status.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { toolNames } from "../driver/toolchain.js";
import { type Target } from "../ir-defs/targets.js";
import { backEnds, frontEnd } from "../passes/pipeline.js";
import { CompileError, formatDiagnostics } from "../front-end/diagnostics.js";
import { assemblyOf, compile } from "../driver/driver.js";
import { explainValidation, validate } from "../il/validate.js";
import { interpreterFor } from "../interp/index.js";
import { describeOutcome, sameOutcome, type Outcome } from "../interp/runtime-model.js";
import type { Pass } from "../il/pass.js";
import { quastraSource } from "../front-end/quastra-source.js";
import { runBinaryAsync, type BinaryRun } from "./batch.js";
import { runtimeObjectFor } from "./runtime-object.js";

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
}

export const endToEndLabel = (target: Target) => `end to end (${target})`;

const passLabel = (p: Pass, target: Target | null) => (target === null ? p.name : `${p.name} (${target})`);

/** The outcome the source means: the Lsrc interpreter on the generated tree. */
export function sourceOutcome(program: unknown, stdin: string): Outcome {
  return interpreterFor("Lsrc")!(program, { stdin, fuel });
}

function count(options: CheckOptions, key: string): void {
  options.tally?.set(key, (options.tally.get(key) ?? 0) + 1);
}

/** Runs one pass on `input` and checks its output; returns [output, failure].
 * With no expected outcome (a program the interpreters cannot judge), the output is only validated. */
function checkPass(p: Pass, target: Target | null, input: unknown, source: string, expected: Outcome | null, stdin: string, options: CheckOptions): [unknown, Failure | null] {
  const label = passLabel(p, target);
  let output: unknown;
  try {
    options.onStep?.(label);
    output = p.run(input, { file: "generated.qs", source });
  } catch (e) {
    return [null, { property: "pass", pass: label, message: `the pass crashed: ${(e as Error).message}`, step: "crashed", error: e }];
  }
  if (options.pass !== undefined && options.pass !== p.name) return [output, null];
  if (typeof p.to === "string") return [output, null];
  const v = validate(p.to, output);
  if (!v.ok) return [output, { property: "pass", pass: label, message: `the output is not in ${p.to.name}: ${explainValidation(v)}`, step: "invalid output" }];
  if (expected === null) return [output, null];
  let outcome: Outcome;
  try {
    options.onStep?.(`the ${p.to.name} interpreter`);
    outcome = interpreterFor(p.to.name)!(output, { stdin, fuel: options.fuel ?? fuel });
  } catch (e) {
    return [output, { property: "pass", pass: label, message: `the ${p.to.name} interpreter cannot run the output: ${(e as Error).message}`, step: "interpreter crashed", error: e }];
  }
  if (!sameOutcome(outcome, expected)) {
    return [output, { property: "pass", pass: label, message: `${p.to.name} gives ${showOutcome(outcome)}; the source gives ${showOutcome(expected)}`, step: "changed the meaning" }];
  }
  if (outcome.live != null && outcome.live.objects > 0) {
    const { objects, bytes } = outcome.live;
    return [output, { property: "no leaks", pass: label, message: `${p.to.name} leaves ${objects} object(s), ${bytes} bytes, live when main returns (${showOutcome(outcome)})`, step: "leaks" }];
  }
  count(options, label);
  return [output, null];
}

/** An outcome in full, for failure messages (they are about small programs). */
export function showOutcome(o: Outcome): string {
  const out = o.stdout === "" ? "no output" : `stdout ${JSON.stringify(o.stdout.length > 200 ? o.stdout.slice(0, 200) + "..." : o.stdout)}`;
  return `${describeOutcome(o)}, ${out}`;
}

/** Everything but the real binaries; on success, the assembly for each target. */
export function checkInProcess(program: unknown, source: string, stdin: string, options: CheckOptions): Failure | Map<Target, string> {
  const expected = sourceOutcome(program, stdin);
  if (expected.outOfFuel) return { property: "terminates", pass: null, message: "the source interpreter ran out of fuel (a generator bug: loops must be bounded)" };
  const parse = frontEnd[0]!;
  let current: unknown;
  try {
    current = parse.run(source, { file: "generated.qs", source });
    frontEnd[1]!.run(current, { file: "generated.qs", source });
  } catch (e) {
    if (e instanceof CompileError) return { property: "well-typed", pass: null, message: `the generated program is rejected:\n${formatDiagnostics(e.diagnostics, source, false)}` };
    return { property: "pass", pass: "parse", message: `the front end crashed: ${(e as Error).message}` };
  }
  if (options.pass === undefined || options.pass === "parse") {
    if (quastraSource(current as never) !== source) return { property: "parse", pass: "parse", message: "printing the parsed program does not give the source back" };
    const parsed = sourceOutcome(current, stdin);
    if (!sameOutcome(parsed, expected)) return { property: "parse", pass: "parse", message: `the parsed program gives ${showOutcome(parsed)}; the generated tree gives ${showOutcome(expected)}` };
    count(options, "parse");
  }
  const assembly = checkLowering(current, source, expected, stdin, options);
  if (!(assembly instanceof Map)) return assembly;
  if (options.pass === undefined) {
    for (const [target, text] of assembly) {
      const again = assemblyOf(compile(source, "generated.qs", { target }));
      if (again !== text) return { property: "deterministic", pass: null, message: `compiling twice for ${target} gives different assembly` };
      count(options, `deterministic (${target})`);
    }
  }
  return assembly;
}

/**
 * Every pass after parse, in pipeline order (check-types, the rest of the
 * front end, then each target's back end), each checked as `checkPass` says,
 * on a parsed program; on success, the assembly for each target. With no
 * expected outcome, each output is only validated.
 */
export function checkLowering(parsed: unknown, source: string, expected: Outcome | null, stdin: string, options: CheckOptions): Failure | Map<Target, string> {
  let current = parsed;
  for (const p of frontEnd.slice(1)) {
    const [output, failure] = checkPass(p, null, current, source, expected, stdin, options);
    if (failure) return failure;
    current = output;
  }
  const assembly = new Map<Target, string>();
  for (const target of options.targets) {
    let lowered = current;
    for (const p of backEnds[target]) {
      const [output, failure] = checkPass(p, target, lowered, source, expected, stdin, options);
      if (failure) return failure;
      lowered = output;
    }
    assembly.set(target, lowered as string);
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
  // No panic: nothing on stderr but, when main returned (not exit), the leak check finding nothing live.
  const stderrs = expected.panic === null ? ["", "leak check: 0 objects, 0 bytes live\n"] : [`panic: ${expected.panic}\n`];
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
