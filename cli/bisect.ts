// `qnano bisect FILE`: the driver's checking loop (checkTargets) over every
// pass in pipeline order, the front end, then each target's back end: each
// output is validated against its IL and run by its IL's interpreter. Reports
// the first pass whose output is invalid, means something else than the
// source, or leaks, with the programs before and after it. A program the
// front end rejects gets its diagnostics (status 1) before any interpreter
// runs. When two interpreters disagree only because one gave up (out of fuel,
// or out of stack), no pass is blamed: the program is too big for
// the interpreters at that pass.
// Standard input for the program comes from FILE's .in file when there is one
// (the golden format), else it is empty.
import { existsSync } from "node:fs";
import { isatty } from "node:tty";
import { readRegularFile } from "../driver/files.js";
import { CompileError, formatDiagnostics } from "../front-end/diagnostics.js";
import { printNode } from "../il/print.js";
import { checkTargets, isBad, showOutcome, stepLabel, type TargetStep } from "../driver/driver.js";
import { ilName } from "../il/pass.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { UsageError } from "./usage.js";
import { printError, printLine } from "./output.js";

/** A step's program as text; before the first step, the source. */
const shown = (step: TargetStep | null, source: string): string => {
  if (step === null) return source.trimEnd();
  if (typeof step.output === "string") return step.output.trimEnd();
  return typeof step.pass.to === "string" ? String(step.output) : printNode(step.pass.to, step.output);
};

/** Says what is wrong at the first bad step; the exit status. */
function report(step: TargetStep, before: TargetStep | null, source: string, agreed: number): number {
  const v = step.verdict;
  if (v.kind === "crashed" && v.error instanceof CompileError) {
    printError(formatDiagnostics(v.error.diagnostics, source, isatty(2) && !process.env.NO_COLOR, "error", v.error.sources));
    return 1;
  }
  const where = `${stepLabel(step)} (${ilName(step.pass.from)} -> ${ilName(step.pass.to)})`;
  if (v.kind === "gave up") {
    printLine(`the program is too big for the interpreters at ${where}: ${step.explanation}`);
    printLine(`An interpreter that gives up is no sign of a changed meaning: bisect blames no pass (the ${agreed} passes before agree).`);
    return 1;
  }
  printLine(`first bad pass: ${where}: ${v.kind === "differs" ? "it changed the meaning: " : ""}${step.explanation}`);
  printLine(`\nbefore (${ilName(step.pass.from)}):\n${shown(before, source)}`);
  if (v.kind !== "crashed") printLine(`\nafter (${ilName(step.pass.to)}):\n${shown(step, source)}`);
  return 1;
}

export function bisectCommand(file: string, source: string, target: string | undefined): number {
  if (target !== undefined && !(targets as readonly string[]).includes(target)) throw new UsageError(`unknown target \`${target}\`: use ${targets.join(" or ")}`);
  const inputFile = file.replace(/\.qs$/, "") + ".in";
  const stdin = existsSync(inputFile) ? readRegularFile(inputFile).toString("utf8") : "";
  const chosen: readonly Target[] = target === undefined ? targets : [target as Target];
  let agreed = 0;
  let front: TargetStep | null = null; // the front end's last step: each back end's input
  let previous: TargetStep | null = null;
  for (const step of checkTargets(source, file, chosen, { run: { stdin } })) {
    const before = step.target === previous?.target ? previous : front;
    if (isBad(step)) return report(step, before, source, agreed);
    if (step.verdict.kind === "agrees") agreed++;
    if (step.target === null) front = step;
    previous = step;
  }
  const reference = previous?.reference;
  printLine(`all ${agreed} passes agree (${chosen.join(" and ")}): ${reference ? showOutcome(reference.outcome) : "nothing to run"}`);
  return 0;
}
