// What the tree and Lcfg interpreters (tree.ts, cfg.ts) add for concurrency
// (spec/language.md, "Concurrency", "How qnano lowers it"): scopes, tasks and
// channels, run by the runtime model's one scheduler (scheduler.ts) through
// the machine's `tasks` (forms.ts). A routine that may stop a task is run with
// `yield*`, so a task stops wherever it is, in the middle of any expression;
// in the direct form (a program that spawns nothing) it cannot stop.
//
//   Lsrc         `scope { B }` opens a scope whose handle B's spawns find in
//                the hidden variable `%scope`, runs B, waits for the scope's
//                tasks (scope_close), and gives B's value; `spawn { B }` makes
//                B an anonymous function capturing every variable by value
//                (closures.ts), which a new task calls; `channel[T](cap)` is a
//                channel value, `{ channel: address }`: before Ldata values are
//                JS values, and the channel's state is a heap-model channel
//                (heap.ts), the scheduler's, which the value only names;
//                `ch.send(v)`, `ch.try_send(v)` (a Bool, never stops),
//                `ch.recv()` (Some or None), `ch.close()`,
//                `yield()`, and `for v in ch` (a receive per turn until None)
//   Ltyped ..    the same forms; send, try_send, close and yield are primitives, recv a
//                form stating its Option type (Recv), `for v in ch` ForChan
//   Ltasks ..    scope_open(), scope_close(s), spawn(s, f): the task calls f
//                as a call through f would (Apply before Lclosed; from Lclosed
//                on CallCode, which gives the closure to its code, from Ldata
//                on loaded from the heap)
//   Lchannels    channel(cap, info) and `recv(ch) found f`: the word received
//                (0 when none came), f bound to 1 or 0
//   Ldata ..     a channel is its heap address; from Llayout on spawn(s, code, c)
//                calls code(c); the same in the Lcfg family
//
// A value sent moves into the channel and out to its receiver as it is; from
// Lrc on the heap model counts it (a channel freed releases what it still holds).

import { channelInfo } from "../ir-defs/heap-layout.js";
import { hiddenName } from "../front-end/prelude.js";
import { copyOf } from "./closures.js";
import { isUnionValue, unionValue } from "./unions.js";
import { evaluate, lookup, newScope, unit, type Handlers, type Machine, type NodeLike, type Scope, type Step, type Value } from "./values.js";

/** The hidden variable that holds the innermost scope's handle (before lower-tasks). */
const scopeVariable = "%scope";

/** The primitives that concern tasks and channels, every IL's. */
export const taskPrimitives: ReadonlySet<string> = new Set(["send", "try_send", "close", "yield", "scope_open", "scope_close", "spawn", "channel"]);

/** The heap-model channel a channel value names (a `{ channel }` before Ldata, an address from it on). */
function channelOf(v: Value): bigint {
  if (typeof v === "bigint") return v;
  const c = (v as { channel?: bigint }).channel;
  if (c === undefined) throw new Error("a channel operation on a value that is no channel");
  return c;
}

export const isChannelValue = (v: Value): boolean => typeof v === "object" && v !== null && "channel" in v;

/** A channel value before Ldata: the scheduler's channel, named. */
const channelValue = (m: Machine, cap: bigint, info: bigint): Value => Object.freeze({ channel: m.tasks.channel(cap, info) }) as unknown as Value;

/** A new task of the scope `handle` that runs `body` (a node, in `scope`) when it first runs. */
function spawnNode(m: Machine, handle: Value, body: NodeLike, scope: Scope): void {
  m.tasks.spawn(handle, () => evaluate(body, scope, m), null);
}

/** The prelude's constructor `name`: `prelude.Some` where the program's own file hides the name with one of its own (spec/symbols.md). */
const preludeCtor = (m: Machine, name: string) => m.global(hiddenName(name)) ?? m.global(name);

/** The Option of a receive: Some(value) when one came, None once the channel is closed and drained (the prelude's). */
function option(m: Machine, value: unknown, found: boolean): Value {
  const none = preludeCtor(m, "None")?.value;
  if (!found) {
    if (none === undefined || !isUnionValue(none)) throw new Error("no None constructor");
    return none;
  }
  const some = preludeCtor(m, "Some")?.value as { tag?: number; makes?: string } | undefined;
  if (some?.tag === undefined) throw new Error("no Some constructor");
  return unionValue(some.makes ?? "Some", some.tag, [value as Value]);
}

/** A task primitive's value (its arguments evaluated), or undefined for any other primitive.
 * `heap`: channels are heap addresses (from Ldata on), not channel values. */
export function* taskPrimitive(op: string, args: readonly Value[], m: Machine, heap: boolean): Step<Value | undefined> {
  const [a, b, c] = args;
  switch (op) {
    case "send": yield* m.tasks.send(channelOf(a!), b); return unit;
    case "try_send": return m.tasks.trySend(channelOf(a!), b);
    case "close": m.tasks.close(channelOf(a!)); return unit;
    case "yield": yield* m.tasks.yield(); return unit;
    case "scope_open": return m.tasks.scopeOpen();
    case "scope_close": yield* m.tasks.scopeClose(a); return unit;
    case "channel": return heap ? m.tasks.channel(a as bigint, b as bigint) : channelValue(m, a as bigint, b as bigint);
    case "spawn": {
      if (args.length === 3) {
        // spawn(s, code, c) (Llayout on): the task calls code(c).
        m.tasks.spawn(a, () => m.apply(b!, [c!]), null);
        return unit;
      }
      // spawn(s, f): the task calls f as a call through f would.
      const scope = newScope(null);
      scope.vars.set(taskVariable, { value: b! });
      const call = m.handlers.has("CallCode") ? callCode : applyTask;
      spawnNode(m, a!, call, scope);
      return unit;
    }
  }
  return undefined;
}

/** The variable that holds the function a task calls, in the scope of its call (below). */
const taskVariable = "%task";
const applyTask = Object.freeze({ kind: "Apply", callee: { kind: "Var", name: taskVariable }, args: [] });
const callCode = Object.freeze({ kind: "CallCode", closure: taskVariable, args: [{ kind: "Var", name: taskVariable }] });

/** `for v in ch` (Lsrc's ForEach over a channel, Ltyped's ForChan): B with v bound to each value
 * received, until the channel is closed and drained. `runBody` runs B (tree.ts). */
export function* eachReceived(
  ch: Value,
  name: string,
  body: NodeLike,
  scope: Scope,
  m: Machine,
  bodyScope: (outer: Scope) => Scope,
  runBody: (body: NodeLike, scope: Scope, m: Machine) => Step<boolean | Value>,
  abrupt: Value,
): Step<Value> {
  for (;;) {
    m.model.tick();
    const [value, found] = yield* m.tasks.recv(channelOf(ch));
    if (!found) return unit;
    const inner = bodyScope(scope);
    inner.vars.set(name, { value: value as Value });
    const goOn = yield* runBody(body, inner, m);
    if (goOn === abrupt) return abrupt;
    if (!goOn) return unit;
  }
}

/** `ch.send(v)`, `ch.try_send(v)`, `ch.recv()`, `ch.close()` in Lsrc, its receiver and arguments evaluated. */
export function* channelMethod(method: string, ch: Value, args: readonly Value[], m: Machine): Step<Value> {
  if (method === "recv") {
    const [value, found] = yield* m.tasks.recv(channelOf(ch));
    return option(m, value, found);
  }
  const value = yield* taskPrimitive(method, [ch, ...args], m, false);
  if (value === undefined) throw new Error(`a channel has no method ${method}`);
  return value;
}

/** A new scope of the scheduler's, for `scope { B }`: its handle, and the scope B runs in, which holds it for B's spawns
 * (tree.ts's Scope runs B, and closes the scope however B ends). */
export function openScope(scope: Scope, m: Machine): { inner: Scope; handle: bigint } {
  const handle = m.tasks.scopeOpen();
  const inner = newScope(scope);
  inner.vars.set(scopeVariable, { value: handle });
  return { inner, handle };
}

/** Spawn, Channel, Recv and Receive: the forms of every tree IL that has them. */
export const taskForms: Handlers = {
  *Spawn(node: { readonly body: NodeLike }, scope, m) {
    spawnNode(m, lookup(scopeVariable, scope, m).value, node.body, copyOf(scope));
    return unit;
  },
  *Channel(node: { readonly cap: NodeLike }, scope, m) {
    const cap = (yield* evaluate(node.cap, scope, m)) as bigint;
    return channelValue(m, cap, channelInfo("0"));
  },
  *Recv(node: { readonly chan: NodeLike }, scope, m) {
    const ch = yield* evaluate(node.chan, scope, m);
    const [value, found] = yield* m.tasks.recv(channelOf(ch));
    return option(m, value, found);
  },
  *Receive(node: { readonly chan: NodeLike; readonly found: string }, scope, m) {
    const ch = yield* evaluate(node.chan, scope, m);
    const [value, found] = yield* m.tasks.recv(channelOf(ch));
    scope.vars.set(node.found, { value: found ? 1n : 0n });
    return found ? (value as Value) : 0n;
  },
};
