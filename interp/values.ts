// What the tree-walking interpreters (tree.ts, data.ts, cfg.ts) run on: the
// values of a program, the scopes that bind its variables, and the Machine
// that one run of a program is, with `evaluate`, which runs a node by looking
// up its kind in the machine's table of handlers.
//
// Values: bigint for Int, boolean for Bool, `unit` for Unit, a JS string for a
// String, `{ fn: NAME }` for a function (and as closures.ts says, an anonymous
// function's value and a closure); tuples, records, arrays, boxes and
// unions as DataValue below (and from Llayout on, every one of those a heap
// address, closures too); a constructor's global in Lsrc as unions.ts says.

import type { RuntimeModel } from "./runtime-model.js";
import type { Suspend } from "./scheduler.js";

/** What running a node gives: in this (the generator) form, a generator that
 * yields `suspend` each time the task must stop and returns the value; in the
 * direct form (interp/generated/values.ts), the value itself. */
export type Step<T> = Generator<Suspend, T, undefined>;

export const unit: { readonly unit: true } = Object.freeze({ unit: true });
/** A function value: the name of a fn item; from lift-functions on, with the values its closure
 * captured (closures.ts). */
export interface FunctionValue {
  readonly fn: string;
  readonly captured?: readonly Value[];
}
/** An anonymous function before lift-functions: its node and the scope of what it captured (closures.ts). */
export interface LambdaValue {
  readonly lambda: { readonly params: readonly { readonly name: string }[]; readonly body: NodeLike };
  readonly scope: Scope;
}
export type DataValue =
  | { readonly tuple: readonly Value[] }
  | { readonly record: string; readonly fields: Readonly<Record<string, Value>> }
  | { readonly array: Value[] }
  | { readonly box: { value: Value } }
  | { readonly ctor: string; readonly tag: number; readonly fields: readonly Value[] }
  | { readonly makes: string; readonly tag: number };

export type Value = bigint | boolean | string | typeof unit | FunctionValue | LambdaValue | DataValue;

/** A variable's storage: assignments change the cell a name is bound to. */
export interface Cell {
  value: Value;
}

/** Variables bound in one block, and the scope around it. */
export interface Scope {
  readonly vars: Map<string, Cell>;
  readonly parent: Scope | null;
}

export type Handler = (node: any, scope: Scope, machine: Machine) => Step<Value>;
export type Handlers = Readonly<Record<string, Handler>>;

/** One run of a program: its I/O, its handler table, its globals (consts and
 * fn items), and how it calls one of its functions, or any function value. */
export interface Machine {
  readonly model: RuntimeModel;
  /** Its IL's handlers by node kind (handlerTable). */
  readonly handlers: ReadonlyMap<string, Handler>;
  readonly global: (name: string) => Cell | undefined;
  readonly call: (fn: string, args: readonly Value[]) => Step<Value>;
  /** Calls a function value (a fn item's, an anonymous function's, a closure). */
  readonly apply: (callee: Value, args: readonly Value[]) => Step<Value>;
  /** The runtime's scheduler (scheduler.ts), as the form runs it (forms.ts). */
  readonly tasks: Tasks;
  /** The function a method call runs (interp/methods.ts), in the ILs that have methods. */
  readonly dispatch?: (type: string | undefined, method: string, receiver: Value) => string;
}

/** The scheduler's routines (scheduler.ts), those that may stop a task run with yield*.
 * A task's code is what `start` (forms.ts) calls: here a function giving the task's body. */
export interface Tasks {
  scopeOpen(): bigint;
  scopeClose(handle: unknown): Step<void>;
  spawn(handle: unknown, code: unknown, env: unknown): void;
  yield(): Step<void>;
  channel(cap: bigint, info: bigint): bigint;
  send(ch: unknown, value: unknown): Step<void>;
  trySend(ch: unknown, value: unknown): boolean;
  recv(ch: unknown): Step<[unknown, boolean]>;
  close(ch: unknown): void;
}

export const newScope = (parent: Scope | null): Scope => ({ vars: new Map(), parent });

/** Any node of any IL (the generated node interfaces included). */
export type NodeLike = { readonly kind: string };

/** Runs a node by its kind's handler (its caller writes `yield* evaluate(...)`). A variable
 * and an Int literal, most of the nodes a run meets, mean the same in every IL: they are read
 * here, without a look in the table (no table has them: handlerTable). */
export function* evaluate(node: NodeLike, scope: Scope, machine: Machine): Step<Value> {
  const kind = node.kind;
  if (kind === "Var") return lookup((node as NodeLike & { readonly name: string }).name, scope, machine).value;
  if (kind === "Int") return (node as NodeLike & { readonly value: bigint }).value;
  const handler = machine.handlers.get(kind);
  if (!handler) throw new Error(`the interpreter has no handler for ${kind}`);
  return yield* handler(node, scope, machine);
}

/** A table of handlers as a run looks them up (a Map: quicker than a record of some fifty
 * kinds, different in each IL), checked to have none for Var or Int (evaluate reads those itself). */
export function handlerTable(handlers: Handlers): ReadonlyMap<string, Handler> {
  if ("Var" in handlers || "Int" in handlers) throw new Error("a handler for Var or Int would never run: evaluate reads them itself");
  return new Map(Object.entries(handlers));
}

/** How a tree or Lcfg interpreter was made: by which engine (tree.ts's or cfg.ts's, and
 * whether it counts references), with which handler table, and, when it runs something
 * made of the program rather than the program itself, what (`reads`); its run of a program
 * depends on nothing else (interp/index.ts, runAlike). */
export interface Recipe {
  readonly engine: string;
  readonly handlers: ReadonlyMap<string, Handler>;
  readonly reads?: (program: unknown) => unknown;
}
/** The recipe of each interpreter made from a handler table. */
export const recipes = new WeakMap<object, Recipe>();

/** The values of nodes, evaluated left to right. */
export function* evaluateAll(nodes: readonly NodeLike[], scope: Scope, machine: Machine): Step<Value[]> {
  const values: Value[] = [];
  for (const node of nodes) values.push(yield* evaluate(node, scope, machine));
  return values;
}

/** The cell a name is bound to: a local, else a global; undefined when none. */
export function find(name: string, scope: Scope, machine: Machine): Cell | undefined {
  for (let s: Scope | null = scope; s !== null; s = s.parent) {
    const cell = s.vars.get(name);
    if (cell) return cell;
  }
  return machine.global(name);
}

export function lookup(name: string, scope: Scope, machine: Machine): Cell {
  const cell = find(name, scope, machine);
  if (!cell) throw new Error(`unbound variable ${name}`);
  return cell;
}

