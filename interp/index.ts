// Every IL's interpreter, by IL name. An interpreter takes a program of its IL
// and says what running it shows: stdout, exit status and panic message.
// Each module below exports `interpreters`, a record from IL name to interpreter,
// built by extending the interpreter of the IL before.
//
// The tree and Lcfg interpreters come in two forms (tree.ts says why): a
// program that spawns a task runs in the generator form, any other in the
// direct one.

import { interpreters as aarch64 } from "./aarch64.js";
import { interpreters as cfg } from "./cfg.js";
import { interpreters as directCfg } from "./generated/cfg.js";
import { interpreters as directTree } from "./generated/tree.js";
import { recipes } from "./generated/values.js";
import { someObject } from "../il/node.js";
import type { Interpreter, RunOptions } from "./runtime-model.js";
import { interpreters as tree } from "./tree.js";
import { interpreters as x86_64 } from "./x86_64.js";
import { machineInput, type Node } from "./machine-code.js";

const spawnCache = new WeakMap<object, boolean>();
const spawnNames = new Set(["spawn", "qn_spawn"]);

/** Whether a program can spawn a task: a Spawn form, or the spawn primitive or routine, anywhere in it. */
export function spawns(program: unknown): boolean {
  if (typeof program !== "object" || program === null) return false;
  const cached = spawnCache.get(program);
  if (cached !== undefined) return cached;
  const result = someObject(program, (node) => node.kind === "Spawn" || spawnNames.has(node.op as string) || spawnNames.has(node.callee as string) || spawnNames.has(node.name as string));
  spawnCache.set(program, result);
  return result;
}

/** Each IL's interpreter in both forms, the direct one for a program that spawns nothing;
 * ILs that shared an interpreter still share one (the explorer's marks rely on it). */
function bothForms(direct: Readonly<Record<string, Interpreter>>, generators: Readonly<Record<string, Interpreter>>): Record<string, Interpreter> {
  const made = new Map<Interpreter, Interpreter>();
  const out: Record<string, Interpreter> = {};
  for (const [il, run] of Object.entries(direct)) {
    const withTasks = generators[il]!;
    if (!made.has(run)) made.set(run, (program: unknown, options?: RunOptions) => (spawns(program) ? withTasks : run)(program, options));
    out[il] = made.get(run)!;
  }
  return out;
}

const all: Readonly<Record<string, Interpreter>> = { ...bothForms(directTree, tree), ...bothForms(directCfg, cfg), ...x86_64, ...aarch64 };
const generatorForms: Readonly<Record<string, Interpreter>> = { ...tree, ...cfg };
const direct: Readonly<Record<string, Interpreter>> = { ...directTree, ...directCfg };

export function interpreterFor(ilName: string): Interpreter | undefined {
  return all[ilName];
}

/** The code that runs an IL's programs, which the JIT warms up as it runs it: a tree or
 * Lcfg interpreter's engine, or a target's machine model (whose dialects share its instructions). */
export function engineOf(ilName: string): string | undefined {
  const recipe = direct[ilName] && recipes.get(direct[ilName]);
  return recipe ? recipe.engine : machineModelOf(ilName);
}

/** The target whose machine model runs an IL, if one does. */
const machineModelOf = (ilName: string): "x86_64" | "aarch64" | undefined => (ilName in x86_64 ? "x86_64" : ilName in aarch64 ? "aarch64" : undefined);

/** What an IL's interpreter reads of a program: a machine model only its blocks, data and homes
 * (machine-code.ts, machineInput); a tree or Lcfg interpreter the whole program, or what its
 * recipe says it runs (Lmodules: the program its modules link into). */
export function runInput(ilName: string, program: unknown): unknown {
  if (typeof program !== "object" || program === null) return program;
  if (machineModelOf(ilName)) return machineInput(program as Node);
  const reads = direct[ilName] && recipes.get(direct[ilName])?.reads;
  return reads ? reads(program) : program;
}

/** The generator form of a tree or Lcfg IL's interpreter, whatever the program (to compare the forms, or time them). */
export function generatorInterpreterFor(ilName: string): Interpreter | undefined {
  return generatorForms[ilName];
}

export type { Interpreter };

const kindsCache = new WeakMap<object, ReadonlySet<string>>();

/** Every node kind of a program. */
function kindsOf(program: object): ReadonlySet<string> {
  let kinds = kindsCache.get(program);
  if (kinds) return kinds;
  const found = new Set<string>();
  someObject(program, (node) => {
    if (typeof node.kind === "string") found.add(node.kind);
    return false; // (every object is looked at)
  });
  kindsCache.set(program, (kinds = found));
  return kinds;
}

/**
 * Whether the interpreters of ILs `a` and `b` run `program` (as both read it: runInput) by the same code, so
 * that its outcome under one is its outcome under the other: they are one
 * interpreter; or the program spawns nothing (it runs in the direct form) and
 * both were made by the same engine (tree.ts's, or cfg.ts's counting alike)
 * from tables that give every node kind of the program the same handler (the
 * explorer's marks run such a program once: explorer-tui/marks.ts).
 */
export function runAlike(a: string, b: string, program: unknown): boolean {
  if (all[a] === undefined || all[b] === undefined) return false;
  if (all[a] === all[b]) return true;
  if (typeof program !== "object" || program === null || spawns(program)) return false;
  const [x, y] = [recipes.get(direct[a]!), recipes.get(direct[b]!)];
  if (x === undefined || y === undefined || x.engine !== y.engine) return false;
  for (const kind of kindsOf(program)) if (x.handlers.get(kind) !== y.handlers.get(kind)) return false;
  return true;
}
