// The typing rules of concurrency (part of check-types; spec/language.md,
// "Concurrency"): `scope { B }`, `spawn { B }`, `channel[T](cap)`, a Chan[T]'s
// methods `send`, `try_send`, `recv` and `close`, `for v in ch`, and `yield()`.
//
// - `scope { B }` has B's type; it counts as a scope for the spawns inside B.
// - `spawn { B }` has type Unit (B's value is dropped). It needs a `scope`
//   around it in the same function: an anonymous `fn` is a boundary (checkLambda
//   starts its body with no scope around it). B captures like an anonymous
//   function's body: by value, so assigning a variable from outside is an error
//   (checkAssignable), and `return`, `try`, and a `break` or `continue` of a
//   loop outside B may not leave it (`boundaryOf` says where they would go).
// - `channel[T](cap)`: cap is an Int; the type is Chan[T].
// - On a Chan[T]: `send(v)` with v a T, Unit; `try_send(v)` with v a T,
//   Bool (whether it was sent: it never blocks); `recv()`, the prelude's
//   Option[T]; `close()`, Unit. `for v in ch` binds v : T.
// - `yield()`: Unit.
//
// The nodes given back are Ltyped's forms for them (ir-defs/ltyped.ts): Scope,
// Spawn, Channel, Recv and ForChan, and the primitives send, try_send, close and yield.

import type * as Lsrc from "../ir-defs/generated/Lsrc.js";
import type * as Ltyped from "../ir-defs/generated/Ltyped.js";
import type { Loc } from "../il/node.js";
import { expectType, made, tailLoc, use, withinBoundary, type Checker, type Typed } from "./checker.js";
import { writeType } from "./inference.js";
import { channelMethods } from "./protocols.js";
import { BoolType, ErrorType, IntType, UnitType, type Type } from "./types.js";

/** What code here would leave first, going out: an anonymous function, a spawned block, or neither. */
export function boundaryOf(c: Checker): "lambda" | "spawn" | null {
  for (let s = c.scope; s; s = s.parent) if (s.captures) return s.spawned ? "spawn" : "lambda";
  return null;
}

/** What a construct that did not check gives: a node that never leaves check-types (an error stops it). */
const placeholder = (loc: Loc | undefined): Ltyped.Unit => (loc ? { kind: "Unit", loc } : { kind: "Unit" });
const at = (loc: Loc | undefined) => (loc ? { loc } : {});

// `scope { B }`: B's type; spawns inside B (not inside an anonymous function in it) belong to it.
export function checkScope(c: Checker, e: Lsrc.Scope): Typed<Ltyped.Expr> {
  c.scopes++;
  const body = c.checkBlock(c, e.body);
  c.scopes--;
  return { node: { kind: "Scope", body: body.node as Ltyped.Block, ...at(e.loc) }, type: body.type };
}

// `spawn { B }`: Unit, only inside a scope; B is a boundary for captures, return, try, break and continue.
export function checkSpawn(c: Checker, e: Lsrc.Spawn): Typed<Ltyped.Expr> {
  if (c.scopes === 0) {
    const why = boundaryOf(c) === "lambda" ? ": an anonymous function is a boundary, so a `spawn` inside one needs a `scope` inside it too" : ": a task belongs to the innermost `scope { ... }` around it, which waits for it to finish";
    c.sink.report(e.loc, `\`spawn\` outside a \`scope\`${why}`);
  }
  const body = withinBoundary(c, e.loc, "this spawned block", true, () => c.checkBlock(c, e.body));
  return { node: { kind: "Spawn", body: body.node as Ltyped.Block, ...at(e.loc) }, type: UnitType };
}

// `channel[T](cap)`: cap is an Int; a Chan[T].
export function checkChannel(c: Checker, e: Lsrc.Channel): Typed<Ltyped.Expr> {
  const elem = c.data.resolve(e.elem, e.loc, c.typeScope);
  const cap = c.checkExpr(c, e.cap);
  expectType(c, cap.type, IntType, tailLoc(e.cap));
  const node: Ltyped.Channel = writeType(c.inference, c.types, { kind: "Channel", elem: "", cap: cap.node, ...at(e.loc) }, "elem", elem);
  return { node, type: made(c, c.types.named("Chan", [elem]), e.loc) };
}

// `ch.send(v)`: v is a T, Unit. `ch.try_send(v)`: v is a T, Bool. `ch.recv()`: the prelude's Option[T]. `ch.close()`: Unit.
// Null for any other method (the caller reports it).
export function checkChannelMethod(c: Checker, e: Lsrc.MethodCall, target: Ltyped.Expr, elem: Type, args: readonly Typed<Ltyped.Expr>[]): Typed<Ltyped.Expr> | null {
  if (!(channelMethods as readonly string[]).includes(e.method)) return null;
  const arity = e.method === "send" || e.method === "try_send" ? 1 : 0;
  if (args.length !== arity) {
    c.sink.report(e.loc, `\`${e.method}\` takes ${arity} argument${arity === 1 ? "" : "s"}, found ${args.length}`);
    return { node: placeholder(e.loc), type: ErrorType };
  }
  if (arity === 1) expectType(c, args[0]!.type, elem, tailLoc(e.args[0]!));
  if (e.method !== "recv") return { node: { kind: "Prim", op: e.method as "send" | "try_send" | "close", args: [target, ...args.map((a) => a.node)], ...at(e.loc) }, type: e.method === "try_send" ? BoolType : UnitType };
  const option = c.preludeOption;
  if (option === null) {
    c.sink.report(e.loc, "`recv` needs the prelude's Option, and this compilation has no prelude");
    return { node: placeholder(e.loc), type: ErrorType };
  }
  use(c, option);
  const type = made(c, c.types.named(option, [elem]), e.loc);
  return { node: writeType(c.inference, c.types, { kind: "Recv", chan: target, type: "", ...at(e.loc) } as Ltyped.Recv, "type", type), type };
}

// `yield()`: Unit.
export function checkYield(c: Checker, e: Lsrc.Call): Typed<Ltyped.Expr> {
  return { node: { kind: "Prim", op: "yield", args: [], ...at(e.loc) }, type: UnitType };
}
