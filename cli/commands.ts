// The commands behind `qnano`, loaded only once the arguments are understood.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import kleur from "kleur";
import { allILs, findIL } from "../ir-defs/index.js";
import { pipeline, pipelineTable } from "../passes/pipeline.js";
import { CompileError, formatDiagnostics } from "../front-end/diagnostics.js";
import { assemblyOf, BrokenPass, compile, type Step } from "../driver/driver.js";
import { deltaText, grammarBnf, printNode } from "../il/print.js";
import { ilName } from "../il/pass.js";
import { functionNames, functionView, variablesOfFunction } from "../driver/function-view.js";
import { assembleAndLink, hostTarget, toolNames, ToolchainError } from "../driver/toolchain.js";
import { targets, type Target } from "../ir-defs/targets.js";
import { UsageError } from "./usage.js";

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
}

const useColor = () => kleur.enabled && !process.env.NO_COLOR && process.stdout.isTTY === true;

function targetOf(values: Values): Target {
  const t = values.target ?? hostTarget;
  if (!(targets as readonly string[]).includes(t)) throw new UsageError(`unknown target \`${t}\`: use ${targets.join(" or ")}`);
  return t as Target;
}

function readSource(file: string | undefined, usage: string): { file: string; source: string } {
  if (file === undefined) throw new UsageError(`missing FILE\nusage: ${usage}`);
  try {
    return { file, source: readFileSync(file, "utf8") };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new UsageError(`cannot read ${file}: ${why}`, 1);
  }
}

/** Compiles, turning bad input into diagnostics on stderr (status 1). */
function compileOrReport(file: string, source: string, values: Values, trace?: { until?: string }): Step[] | null {
  try {
    // Only `trace` shows the intermediate programs; building keeps just the last.
    return compile(source, file, { target: targetOf(values), check: values.check ?? false, until: trace?.until, lastOnly: !trace });
  } catch (e) {
    if (e instanceof CompileError) {
      console.error(formatDiagnostics(e.diagnostics, source, process.stderr.isTTY === true && !process.env.NO_COLOR));
      return null;
    }
    if (e instanceof BrokenPass) {
      console.error(`qnano: ${e.message}`);
      return null;
    }
    throw e;
  }
}

function build(file: string, source: string, values: Values, out: string): boolean {
  const steps = compileOrReport(file, source, values);
  if (!steps) return false;
  try {
    assembleAndLink(assemblyOf(steps), targetOf(values), out);
  } catch (e) {
    if (e instanceof ToolchainError) {
      console.error(`qnano: ${e.message}`);
      return false;
    }
    throw e;
  }
  return true;
}

function jsonOf(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2);
}

export function runCommand(command: string, positionals: string[], values: Values, usage: string): number | Promise<number> {
  switch (command) {
    case "passes":
      console.log(pipelineTable("text"));
      return 0;
    case "grammar": {
      const name = positionals[0];
      if (name === undefined) {
        console.log(allILs.map((l) => `${l.name.padEnd(12)} ${l.purpose}`).join("\n"));
        return 0;
      }
      const il = findIL(name);
      if (!il) throw new UsageError(`unknown IL \`${name}\`; the ILs are: ${allILs.map((l) => l.name).join(", ")}`);
      const title = (s: string) => (useColor() ? kleur.bold(s) : s);
      console.log([title(`${il.name}: ${il.purpose}`), "", grammarBnf(il), "", title("delta"), deltaText(il)].join("\n"));
      return 0;
    }
    case "build": {
      const { file, source } = readSource(positionals[0], usage);
      const stem = basename(file).replace(/\.qs$/, "");
      if (values.emit !== undefined && values.emit !== "asm") throw new UsageError(`--emit takes only \`asm\``);
      if (values.emit === "asm") {
        const steps = compileOrReport(file, source, values);
        if (!steps) return 1;
        const out = values.output ?? `${stem}.s`;
        if (out === "-") process.stdout.write(assemblyOf(steps));
        else writeFileSync(out, assemblyOf(steps));
        return 0;
      }
      return build(file, source, values, values.output ?? stem) ? 0 : 1;
    }
    case "run": {
      const { file, source } = readSource(positionals[0], usage);
      const dir = mkdtempSync(join(tmpdir(), "qnano-run-"));
      try {
        const exe = join(dir, "program");
        if (!build(file, source, values, exe)) return 1;
        const [runner, ...prefix] = [...toolNames(targetOf(values)).run, exe];
        const result = spawnSync(runner!, prefix, { stdio: "inherit" });
        if (result.error) throw new ToolchainError(`cannot run ${runner}: ${result.error.message}`);
        if (result.signal) {
          console.error(`qnano: the program was killed by ${result.signal}`);
          return 128 + 9;
        }
        return result.status ?? 1;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    case "explore": {
      const { file, source } = readSource(positionals[0], usage);
      const target = values.target === "both" ? "both" : targetOf(values);
      // Without a terminal, bad input still gets its diagnostics; in one, the screen shows them.
      if ((!process.stdout.isTTY || !process.stdin.isTTY) && !compileOrReport(file, source, { ...values, target: undefined, check: true }, { until: "check-types" })) return 1;
      return import("./explore.js").then((m) => m.explore(file, source, target, values.stdin));
    }
    case "props":
      return import("./props.js").then((m) => m.propsCommand(values));
    case "bisect": {
      const { file, source } = readSource(positionals[0], usage);
      return import("./bisect.js").then((m) => m.bisectCommand(file, source, values.target));
    }
    case "trace": {
      const { file, source } = readSource(positionals[0], usage);
      const target = targetOf(values);
      if (values.pass !== undefined && !pipeline(target).some((p) => p.name === values.pass)) {
        throw new UsageError(`no pass \`${values.pass}\` in the ${target} pipeline (see \`qnano passes\`)`);
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
        console.log(jsonOf(shown.map((s) => ({ pass: s.pass.name, from: ilName(s.pass.from), to: ilName(s.pass.to), ms: s.ms, program: s.output }))));
        return 0;
      }
      const head = (s: string) => (useColor() ? kleur.cyan().bold(s) : s);
      for (const s of shown) {
        console.log(head(`── ${s.pass.name}: ${ilName(s.pass.from)} -> ${ilName(s.pass.to)} (${s.ms.toFixed(1)} ms)`));
        console.log(typeof s.pass.to === "string" ? String(s.output) : printNode(s.pass.to, s.output));
        console.log();
      }
      return 0;
    }
  }
  throw new UsageError(`unknown command \`${command}\``);
}
