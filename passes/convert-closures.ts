// convert-closures: Llifted -> Lclosed
//
// Closure conversion, with flat closures: a function value becomes one
// object, the closure, holding its function's code and the values it
// captured, at known places (spec/heap.md). Three rewrites make every function
// value such an object and every call through one use it:
//
// - A lifted function takes the closure itself first, its environment `env`,
//   in place of its captures, and starts by reading them out of it:
//   `let k.5: Int = captured(env.7, 0): Int`.
// - A call through a function value passes the closure to the code it holds:
//   `f.3(x)` becomes `call code(f.3)(f.3, x)`. The callee is evaluated first;
//   when it is not a variable that no argument assigns, it goes to a variable
//   first, so that the code and the closure passed are those of one value.
// - A fn item used as a value becomes the closure, capturing nothing, of a
//   small function that takes a closure and calls the item:
//   `fn double_closure(env.8: fn(Int) -> Int, x.9: Int) -> Int { call double(x.9) }`,
//   one per item. (lay-out-closures makes a closure that captures nothing a
//   static object: a fn item used as a value allocates nothing.)
//
// A call that names a fn item stays a direct call, which passes no closure.
//
// Before (Llifted):                      After (Lclosed):
//   let f.3: fn(Int) -> Int =              let f.3: fn(Int) -> Int = closure main_fn1(k.2)
//     closure main_fn1(k.2)                let y.6: Int = call code(f.3)(f.3, 1)
//   let y.6: Int = call f.3(1)             ...
//   ...                                  fn main_fn1(env.7: fn(Int) -> Int, x.4: Int) -> Int {
// fn main_fn1[k.5: Int](x.4: Int)          let k.5: Int = captured(env.7, 0): Int
//   -> Int { (x.4 + k.5) }                 (x.4 + k.5)
//                                        }

import type * as In from "../ir-defs/generated/Llifted.js";
import type * as Out from "../ir-defs/generated/Lclosed.js";
import { Llifted } from "../ir-defs/llifted.js";
import { Lclosed } from "../ir-defs/lclosed.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { splitFunctionType } from "../ir-defs/type-syntax.js";
import { declaredType, typeContext } from "./shared/expression-types.js";
import { assigns, freshNamer } from "./shared/fresh-names.js";
import { itemNamer } from "./lift-functions.js";

type Loc = In.Expr["loc"];
const variable = (name: string, loc: Loc): Out.Var => ({ kind: "Var", name, loc });

export const convertClosures = pass({
  name: "convert-closures",
  from: Llifted,
  to: Lclosed,
  purpose: "make closures flat objects of code and captured values: each function takes its closure first, each call through a function value passes it",
  run(program: In.Program): Out.Program {
    const types = typeContext(Llifted, program);
    const fresh = freshNamer(Llifted, program);
    const functions = new Set(program.items.filter((item) => item.kind === "Fn").map((item) => item.name));
    const itemName = itemNamer(new Set(program.items.map((item) => item.name)));
    const adapters = new Map<string, Out.Fn>();

    /** The function that lets the fn item `f` be called through a closure: it takes the closure and calls f. */
    const adapterOf = (f: string, loc: Loc): string => {
      let adapter = adapters.get(f);
      if (adapter === undefined) {
        const type = types.variable(f)!;
        const { params, ret } = splitFunctionType(type)!;
        const args = params.map((t): Out.Param => ({ kind: "Param", name: fresh("arg"), type: t, loc }));
        const call: Out.Call = { kind: "Call", callee: f, args: args.map((a) => variable(a.name, loc)), loc };
        const body: Out.Block = { kind: "Block", stmts: [{ kind: "ExprStmt", expr: call, loc }], loc };
        adapter = { kind: "Fn", name: itemName(`${f}_closure`, false), params: [{ kind: "Param", name: fresh("env"), type, loc }, ...args], ret, body, loc };
        adapters.set(f, adapter);
      }
      return adapter.name;
    };

    /** `call code(c)(c, args)`, `c` evaluated first: a variable that no argument assigns, or a new one. */
    const callThrough = (callee: Out.Expr, type: string, args: Out.Expr[], original: readonly In.Expr[], loc: Loc): Out.Expr => {
      if (callee.kind === "Var" && !assigns(Llifted, original, callee.name)) {
        return { kind: "CallCode", closure: callee.name, args: [callee, ...args], loc };
      }
      const c = fresh("closure");
      const call: Out.CallCode = { kind: "CallCode", closure: c, args: [variable(c, loc), ...args], loc };
      return { kind: "Block", stmts: [{ kind: "Let", decl: "let", name: c, type, init: callee, loc }, { kind: "ExprStmt", expr: call, loc }], loc };
    };

    const convert = rewriter<In.Node, undefined>(Llifted, {
      LiftedFn(node, ctx, recur): Out.Fn {
        const env = fresh("env");
        const type = types.closure(node.name);
        const reads = node.captures.map((c, i): Out.Let => ({ kind: "Let", decl: "let", name: c.name, type: c.type, init: { kind: "Captured", env, index: BigInt(i), type: c.type, loc: c.loc }, loc: c.loc }));
        const body = recur<Out.Block>(node.body, ctx);
        const params: Out.Param[] = [{ kind: "Param", name: env, type, loc: node.loc }, ...node.params];
        return { kind: "Fn", name: node.name, params, ret: node.ret, body: { ...body, stmts: [...reads, ...body.stmts] }, loc: node.loc };
      },
      Var: (node): Out.Expr => (functions.has(node.name) ? { kind: "Closure", code: adapterOf(node.name, node.loc), captures: [], loc: node.loc } : node),
      Call(node, ctx, recur): Out.Expr {
        const args = node.args.map((a) => recur<Out.Expr>(a, ctx));
        if (functions.has(node.callee)) return { ...node, args };
        return callThrough(variable(node.callee, node.loc), types.variable(node.callee)!, args, node.args, node.loc);
      },
      Apply(node, ctx, recur): Out.Expr {
        const callee = recur<Out.Expr>(node.callee, ctx);
        const args = node.args.map((a) => recur<Out.Expr>(a, ctx));
        return callThrough(callee, declaredType(node.callee, types), args, node.args, node.loc);
      },
    });
    const converted = convert(program, undefined) as Out.Program;
    return { ...converted, items: [...converted.items, ...adapters.values()] };
  },
});
