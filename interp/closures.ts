// What the tree interpreters (tree.ts) add for function values made while the
// program runs: anonymous functions, calls of any expression, and the closures
// of the ILs after closure conversion.
//
//   Lsrc .. Lwhile  `fn(x: Int) -> Int { x + k }` is { lambda, scope }: its
//                   node, and a scope holding a copy of each variable in scope
//                   where it is made. The copy is the capture by value: a later
//                   assignment changes the variable's own cell, not the copy.
//   Lcaptures       each anonymous fn lists what it captures, `fn[k.5: Int =
//                   k.2](...)`: its scope holds those alone, under their inner
//                   names (a variable the list misses is unbound in the body)
//   Llifted         `closure f(k.2)` is { fn: f, captured: [value of k.2] }: the
//                   function f with its first parameters given; a call gives the
//                   captured values first, then the arguments
//   Lclosed         the same value is the closure object: `captured(env.7, 0)`
//                   reads its first captured value, and `call code(c.8)(c.8, x)`
//                   calls its function with the arguments as given (the closure
//                   first: the function reads its captures from it)
//   Ldata           data is in the heap model, so the closure is an object there
//                   too, laid out as lay-out-closures will lay it out (its
//                   function at 16, then what it captured); its mask says no
//                   field is a reference, as nothing is freed before Lrc
//
// A call evaluates the callee before the arguments (spec/language.md); the
// machine's `apply` runs whichever kind of function value it gets.

import type * as Src from "../ir-defs/generated/Lsrc.js";
import { captureOffset, closureCodeOffset, fieldsInfo } from "../ir-defs/heap-layout.js";
import { evaluate, evaluateAll, lookup, newScope, type Handlers, type LambdaValue, type Machine, type NodeLike, type Scope, type Step, type Value } from "./values.js";

export const isLambdaValue = (v: Value): v is LambdaValue & Value => typeof v === "object" && v !== null && "lambda" in v;

/** A copy of every variable in `scope` (and the scopes around it), inner ones first. */
export function copyOf(scope: Scope): Scope {
  const copy = newScope(null);
  for (let s: Scope | null = scope; s !== null; s = s.parent) {
    for (const [name, cell] of s.vars) if (!copy.vars.has(name)) copy.vars.set(name, { value: cell.value });
  }
  return copy;
}

/** What a call through a function value calls: the callee (evaluated first) and the arguments. */
export function* applied(node: Src.Apply, scope: Scope, m: Machine): Step<{ callee: Value; args: Value[] }> {
  const callee = yield* evaluate(node.callee, scope, m);
  return { callee, args: yield* evaluateAll(node.args, scope, m) };
}

/** Lsrc to Lwhile: an anonymous fn copies every variable in scope; Apply calls any expression. */
export const sourceClosures: Handlers = {
  *Lambda(node, scope) {
    return Object.freeze({ lambda: node, scope: copyOf(scope) });
  },
  *Apply(node: Src.Apply, scope, m) {
    const { callee, args } = yield* applied(node, scope, m);
    return yield* m.apply(callee, args);
  },
};

interface Capture {
  readonly name: string;
  readonly outer: string;
}

/** Lcaptures: an anonymous fn copies only the variables it lists, under their inner names. */
export const captureClosures: Handlers = {
  ...sourceClosures,
  *Lambda(node: LambdaValue["lambda"] & { readonly captures: readonly Capture[] }, scope, m) {
    const captured = newScope(null);
    for (const c of node.captures) captured.vars.set(c.name, { value: lookup(c.outer, scope, m).value });
    return Object.freeze({ lambda: node, scope: captured });
  },
};

/** Llifted: a closure is its function and the values it captured, given before the arguments. */
export const liftedClosures: Handlers = {
  ...sourceClosures,
  *Closure(node: { readonly code: string; readonly captures: readonly NodeLike[] }, scope, m) {
    return Object.freeze({ fn: node.code, captured: Object.freeze(yield* evaluateAll(node.captures, scope, m)) });
  },
};

/** The closure a variable holds, in Lclosed. */
function closureIn(name: string, scope: Scope, m: Machine): { readonly fn: string; readonly captured: readonly Value[] } {
  const value = lookup(name, scope, m).value;
  if (typeof value !== "object" || value === null || !("fn" in value) || !("captured" in value)) throw new Error(`${name} holds no closure`);
  return value as { fn: string; captured: readonly Value[] };
}

/** Lclosed: the closure is an object that its function reads its captures from; a call passes it explicitly. */
export const closedClosures: Handlers = {
  ...liftedClosures,
  *Captured(node: { readonly env: string; readonly index: bigint }, scope, m) {
    const value = closureIn(node.env, scope, m).captured[Number(node.index)];
    if (value === undefined) throw new Error(`${node.env} captured no value ${node.index}`);
    return value;
  },
  *CallCode(node: { readonly closure: string; readonly args: readonly NodeLike[] }, scope, m) {
    const { callee, args } = yield* codeCall(node, scope, m);
    return yield* m.apply(callee, args);
  },
};

/** What `call code(c)(args)` calls: the function of the closure c (read first; in the heap model from Ldata on), with the arguments as given. */
export function* codeCall(node: { readonly closure: string; readonly args: readonly NodeLike[] }, scope: Scope, m: Machine): Step<{ callee: Value; args: Value[] }> {
  const closure = lookup(node.closure, scope, m).value;
  const callee = typeof closure === "bigint" ? (m.model.heap.load(closure + BigInt(closureCodeOffset)) as Value) : Object.freeze({ fn: closureIn(node.closure, scope, m).fn });
  return { callee, args: yield* evaluateAll(node.args, scope, m) };
}

/** Ldata: a closure is a fields object of the heap model, read at the offsets lay-out-closures will use. */
export const heapClosures: Handlers = {
  ...closedClosures,
  *Closure(node: { readonly code: string; readonly captures: readonly NodeLike[] }, scope, m) {
    const fields = [Object.freeze({ fn: node.code }), ...(yield* evaluateAll(node.captures, scope, m))];
    const object = m.model.heap.alloc(BigInt(16 + 8 * fields.length), fieldsInfo("0".repeat(fields.length)));
    fields.forEach((f, i) => m.model.heap.store(object + BigInt(16 + 8 * i), f));
    return object;
  },
  *Captured(node: { readonly env: string; readonly index: bigint }, scope, m) {
    return m.model.heap.load((lookup(node.env, scope, m).value as bigint) + BigInt(captureOffset(Number(node.index)))) as Value;
  },
};
