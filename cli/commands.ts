// The commands behind `qnano`, loaded only once the arguments are understood.

import { statSync } from "node:fs";
import { isatty } from "node:tty";
import { basename, normalize } from "node:path";
import kleur from "kleur";
import { allILs, findIL } from "../ir-defs/index.js";
import { pipeline } from "../passes/pipeline.js";
import { pipelineTable } from "../driver/pipeline-table.js";
import { CompileError, formatDiagnostics, type Diagnostic, type SourceSet } from "../front-end/diagnostics.js";
import { decodeSource } from "../front-end/source-file.js";
import { isCoreFile } from "../front-end/modules.js";
import { readModules } from "../driver/source-set.js";
import type { Warning } from "../il/pass.js";
import { assemblyOf, BrokenPass, compile, type Step } from "../driver/driver.js";
import { deltaText, grammarBnf, printNode } from "../il/print.js";
import { ilName } from "../il/pass.js";
import { passSizes } from "../driver/pass-sizes.js";
import { functionNames, functionView, variablesOfFunction } from "../driver/function-view.js";
import { assembleAndLink, hostTarget, ToolchainError } from "../driver/toolchain.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { complaint, optOption, Reported, UsageError } from "./usage.js";
import { printError, printLine, writeStdout } from "./output.js";
import { FileError, readRegularFile, writeOutputFile } from "../driver/files.js";

interface Values {
  output?: string;
  target?: string;
  emit?: string;
  check?: boolean;
  pass?: string;
  fn?: string;
  json?: boolean;
  runs?: string;
  seed?: string;
  time?: string;
  path?: string;
  stdin?: string;
  inputs?: string;
  out?: string;
  budget?: string;
  filter?: string;
  all?: boolean;
  opt?: string;
}

const useColor = () => kleur.enabled && !process.env.NO_COLOR && isatty(1);

/** The target --target names (`also`: another choice the command takes, as explore's `both`). */
function targetOf(values: Values, also?: string): Target {
  const t = values.target ?? hostTarget;
  const choices = [...targets, ...(also ? [also] : [])];
  if (!(targets as readonly string[]).includes(t)) throw new UsageError(`unknown target \`${t}\`: use ${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`);
  return t as Target;
}

function readSource(file: string | undefined, usage: string): { file: string; source: string } {
  if (file === undefined) throw new UsageError(`missing FILE\nusage: ${usage}`);
  const { text, diagnostics } = decodeSource(readRegularFile(file), file);
  if (diagnostics.length > 0) {
    showDiagnostics(diagnostics, text);
    throw new Reported(1);
  }
  return { file, source: text };
}

/** The program files that `files` import, directly or not, each once and not one of `files`,
 * in the order of their names: their tests are run with `qnano test --all` (each compiled as
 * a program of its own). The shipped core.* modules are left out, and so is a file that cannot
 * be read (compiling the file that uses it says why). */
function modulesUsed(files: readonly { file: string; source: string }[]): { file: string; source: string; optional: true }[] {
  const given = new Set(files.map((f) => normalize(f.file)));
  const found = new Map<string, string>();
  for (const { file, source } of files) {
    for (const m of readModules(file, source).values()) {
      if (m.source !== null && !isCoreFile(m.file) && !given.has(normalize(m.file))) found.set(m.file, m.source);
    }
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, source]) => ({ file, source, optional: true }));
}

function showDiagnostics(diagnostics: readonly Diagnostic[], source: string, sources?: SourceSet): void {
  printError(formatDiagnostics(diagnostics, source, isatty(2) && !process.env.NO_COLOR, "error", sources));
}

/** True when both names reach one file (the same device and inode: also
 * through a symbolic or hard link). */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Never write the output over the source, as gcc refuses to. */
function refuseOverwritingInput(file: string, out: string, named: boolean): void {
  if (!sameFile(file, out)) return;
  const why = named ? `it is the same file as the input ${file}` : `${file} does not end in .qs, so the default output would be the input itself; name the output with -o`;
  throw new UsageError(`cannot write the output to ${out}: ${why}`, 1);
}

/** Compiles, turning bad input into diagnostics on stderr (status 1); warnings go to stderr too. */
function compileOrReport(file: string, source: string, values: Values, trace?: { until?: string }, tests?: readonly string[]): Step[] | null {
  const warnings: Warning[] = [];
  const showWarnings = () => {
    if (warnings.length > 0) printError(formatDiagnostics(warnings, source, isatty(2) && !process.env.NO_COLOR, "warning"));
  };
  try {
    // Only `trace` shows the intermediate programs; building keeps just the last.
    const steps = compile(source, file, { target: targetOf(values), opt: optOption(values.opt), check: values.check ?? false, until: trace?.until, lastOnly: !trace, warnings, ...(tests ? { tests } : {}) });
    showWarnings();
    return steps;
  } catch (e) {
    showWarnings();
    if (e instanceof CompileError) {
      showDiagnostics(e.diagnostics, source, e.sources);
      return null;
    }
    if (e instanceof BrokenPass) {
      printError(complaint(e.message));
      return null;
    }
    throw e;
  }
}

function build(file: string, source: string, values: Values, out: string, tests?: readonly string[]): boolean {
  const steps = compileOrReport(file, source, values, undefined, tests);
  if (!steps) return false;
  try {
    assembleAndLink(assemblyOf(steps), targetOf(values), out);
  } catch (e) {
    if (e instanceof ToolchainError || e instanceof FileError) {
      printError(complaint(e.message));
      return false;
    }
    throw e;
  }
  return true;
}

/** JSON text; with `file`, every location names its file (a location in the program's own file
 * has none in the ILs: one in a module's does, il/node.ts). */
function jsonOf(value: unknown, file?: string): string {
  return JSON.stringify(value, (k, v) => (typeof v === "bigint" ? v.toString() : k === "loc" && file !== undefined && v !== null && typeof v === "object" && !("file" in v) ? { ...v, file } : v), 2);
}

export function runCommand(command: string, positionals: string[], values: Values, usage: string): number | Promise<number> {
  switch (command) {
    case "passes":
      // Each pass's lines (its file and the helpers only it uses) before its name.
      printLine(pipelineTable("text", passSizes().map((s) => String(s.lines))));
      return 0;
    case "grammar": {
      const name = positionals[0];
      if (name === undefined) {
        printLine(allILs.map((l) => `${l.name.padEnd(12)} ${l.purpose}`).join("\n"));
        return 0;
      }
      const il = findIL(name);
      if (!il) throw new UsageError(`unknown IL \`${name}\`; the ILs are: ${allILs.map((l) => l.name).join(", ")}`);
      const title = (s: string) => (useColor() ? kleur.bold(s) : s);
      printLine([title(`${il.name}: ${il.purpose}`), "", grammarBnf(il), "", title("delta"), deltaText(il)].join("\n"));
      return 0;
    }
    case "build": {
      const { file, source } = readSource(positionals[0], usage);
      const stem = basename(file).replace(/\.qs$/, "");
      if (values.emit !== undefined && values.emit !== "asm") throw new UsageError(`--emit takes only \`asm\``);
      const out = values.output ?? (values.emit === "asm" ? `${stem}.s` : stem);
      if (out === "-" && values.emit !== "asm") throw new UsageError("`-o -` (standard output) is only for `--emit asm`: an executable needs a file name");
      if (out !== "-") refuseOverwritingInput(file, out, values.output !== undefined);
      if (values.emit === "asm") {
        const steps = compileOrReport(file, source, values);
        if (!steps) return 1;
        // (A file that cannot be written is a FileError: one line, status 1, said by main.)
        if (out === "-") writeStdout(assemblyOf(steps));
        else writeOutputFile(out, assemblyOf(steps), false);
        return 0;
      }
      return build(file, source, values, out) ? 0 : 1;
    }
    case "run": {
      const { file, source } = readSource(positionals[0], usage);
      return import("./run.js").then((m) => m.runProgram((exe) => build(file, source, values, exe), targetOf(values)));
    }
    case "explore": {
      const { file, source } = readSource(positionals[0], usage);
      const target = values.target === "both" ? "both" : targetOf(values, "both");
      // Without a terminal, bad input still gets its diagnostics; in one, the screen shows them.
      if ((!process.stdout.isTTY || !process.stdin.isTTY) && !compileOrReport(file, source, { ...values, target: undefined, check: true }, { until: "check-types" })) return 1;
      return import("./explore.js").then((m) => m.explore(file, source, target, values.stdin, optOption(values.opt)));
    }
    case "test": {
      if (positionals.length === 0) throw new UsageError(`missing FILE\nusage: ${usage}`);
      const given = positionals.map((file) => readSource(file, usage));
      const files = values.all ? [...given, ...modulesUsed(given)] : given;
      const target = targetOf(values);
      return import("./test.js").then((m) => m.testCommand(files, (file, source, tests, exe) => build(file, source, values, exe, tests), target, values.filter));
    }
    case "props":
      return import("./props.js").then((m) => m.propsCommand(values));
    case "fuzz":
      return import("./fuzz.js").then((m) => m.fuzzCommand(values));
    case "bisect": {
      const { file, source } = readSource(positionals[0], usage);
      return import("./bisect.js").then((m) => m.bisectCommand(file, source, values.target));
    }
    case "trace": {
      const { file, source } = readSource(positionals[0], usage);
      const target = targetOf(values);
      if (values.pass !== undefined && !pipeline(target, optOption(values.opt)).some((p) => p.name === values.pass)) {
        throw new UsageError(`no pass \`${values.pass}\` in the ${target} pipeline${values.opt === "0" ? " at --opt 0" : ""} (see \`qnano passes\`)`);
      }
      const steps = compileOrReport(file, source, { ...values, check: true }, { until: values.pass });
      if (!steps) return 1;
      const last = values.pass ? steps.slice(-1) : steps;
      const fn = values.fn;
      if (fn !== undefined && !functionNames(steps[0]!.output).includes(fn)) {
        throw new UsageError(`no function \`${fn}\` in ${file} (it has ${functionNames(steps[0]!.output).map((f) => `\`${f}\``).join(", ")})`);
      }
      const selected = steps.find((s) => s.pass.name === "select-instructions");
      const variables = fn === undefined || !selected ? new Set<string>() : variablesOfFunction(selected.output, fn);
      const shown = fn === undefined ? last : last.map((s) => ({ ...s, output: functionView(s.output, fn, variables) }));
      if (values.json) {
        printLine(jsonOf(shown.map((s) => ({ pass: s.pass.name, from: ilName(s.pass.from), to: ilName(s.pass.to), ms: s.ms, program: s.output })), file));
        return 0;
      }
      const head = (s: string) => (useColor() ? kleur.cyan().bold(s) : s);
      for (const s of shown) {
        const program = typeof s.pass.to === "string" ? String(s.output) : printNode(s.pass.to, s.output);
        printLine(`${head(`── ${s.pass.name}: ${ilName(s.pass.from)} -> ${ilName(s.pass.to)} (${s.ms.toFixed(1)} ms)`)}\n${program}\n`);
      }
      return 0;
    }
  }
  throw new UsageError(`unknown command \`${command}\``);
}
