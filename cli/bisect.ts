// `qnano bisect FILE`: runs every pass in pipeline order (the front end, then
// each target's back end), validates each output against its IL and runs the
// IL's interpreter; reports the first pass whose output is invalid or means
// something else than its input, with the programs before and after it.
// Standard input for the program comes from FILE's .in file when there is one
// (the golden format), else it is empty.
import { existsSync, readFileSync } from "node:fs";
import { backEnds, frontEnd } from "../passes/pipeline.js";
import { CompileError, formatDiagnostics } from "../front-end/diagnostics.js";
import { printNode } from "../il/print.js";
import { explainValidation, validate } from "../il/validate.js";
import { interpreterFor } from "../interp/index.js";
import { describeOutcome, sameOutcome, type Outcome } from "../interp/runtime-model.js";
import { ilName, type Pass } from "../il/pass.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { passContext } from "../driver/driver.js";
import { UsageError } from "./usage.js";

const shown = (p: Pass | null, program: unknown): string => {
  if (typeof program === "string") return program.trimEnd();
  const il = p === null ? null : p.to;
  return il !== null && typeof il !== "string" ? printNode(il, program) : String(program);
};

function outcomeText(o: Outcome): string {
  return `${describeOutcome(o)}${o.stdout === "" ? "" : `, stdout ${JSON.stringify(o.stdout.length > 300 ? o.stdout.slice(0, 300) + "..." : o.stdout)}`}`;
}

export function bisectCommand(file: string, source: string, target: string | undefined): number {
  if (target !== undefined && !(targets as readonly string[]).includes(target)) throw new UsageError(`unknown target \`${target}\`: use ${targets.join(" or ")}`);
  const inputFile = file.replace(/\.qs$/, "") + ".in";
  const stdin = existsSync(inputFile) ? readFileSync(inputFile, "utf8") : "";
  const chosen: readonly Target[] = target === undefined ? targets : [target as Target];
  const context = passContext(file, source);
  let reference: Outcome | null = null;
  let checked = 0;

  /** Runs one pass; returns its output, or null after reporting it as the culprit. */
  const step = (p: Pass, before: Pass | null, input: unknown, where: string): unknown => {
    let output: unknown;
    try {
      output = p.run(input, context);
    } catch (e) {
      if (e instanceof CompileError) {
        console.error(formatDiagnostics(e.diagnostics, source, false));
        throw new UsageError("the program does not compile; bisect needs a valid program", 1);
      }
      console.log(`first bad pass: ${p.name}${where} crashed: ${(e as Error).message}\n\nbefore (${ilName(p.from)}):\n${shown(before, input)}`);
      return null;
    }
    if (typeof p.to === "string") return output;
    const v = validate(p.to, output);
    const outcome = interpreterFor(p.to.name)!(output, { stdin });
    reference ??= outcome;
    const problem = !v.ok ? `its output is not in ${p.to.name}: ${explainValidation(v)}` : !sameOutcome(outcome, reference) ? `it changed the meaning: ${p.to.name} gives ${outcomeText(outcome)}; the source gives ${outcomeText(reference)}` : null;
    if (problem !== null) {
      console.log(`first bad pass: ${p.name}${where} (${ilName(p.from)} -> ${ilName(p.to)}): ${problem}`);
      console.log(`\nbefore (${ilName(p.from)}):\n${shown(before, input)}`);
      console.log(`\nafter (${ilName(p.to)}):\n${shown(p, output)}`);
      return null;
    }
    checked++;
    return output;
  };

  let program: unknown = source;
  let previous: Pass | null = null;
  for (const p of frontEnd) {
    program = step(p, previous, program, "");
    if (program === null) return 1;
    previous = p;
  }
  for (const t of chosen) {
    let lowered = program;
    let before: Pass | null = previous;
    for (const p of backEnds[t]) {
      lowered = step(p, before, lowered, ` (${t})`);
      if (lowered === null) return 1;
      before = p;
    }
  }
  console.log(`all ${checked} passes agree (${chosen.join(" and ")}): ${outcomeText(reference!)}`);
  return 0;
}
