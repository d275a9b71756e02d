// resolve-methods: Lnoconst -> Lresolved
//
// Makes each method an ordinary function, named by the type it is a method of
// and its own name (spec/symbols.md): `Point.norm1`, `Stack[Int].push`,
// `(Int, Bool).show`, `(fn(Int) -> Int).apply`; and
// each method call a call of that function, with the receiver as its first
// argument. monomorphize already made every receiver's type concrete and
// every method it calls an item, so the name a call states is the function's:
// nothing is left to dispatch at run time, and a method call costs what a
// function call costs.
//
// Before:                                       After:
//   fn Point::norm1(self.1: Point) -> Int {       fn Point.norm1(self.1: Point) -> Int {
//     (call abs(self.1.x) + call abs(self.1.y))     (call abs(self.1.x) + call abs(self.1.y))
//   }                                             }
//   fn main() -> Unit {                           fn main() -> Unit {
//     print_int((p.2: Point).norm1())               print_int(call Point.norm1(p.2))
//   }                                             }

import type * as In from "../ir-defs/generated/Lnoconst.js";
import type * as Out from "../ir-defs/generated/Lresolved.js";
import { Lnoconst } from "../ir-defs/lnoconst.js";
import { Lresolved } from "../ir-defs/lresolved.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { methodFunction } from "../ir-defs/names.js";


export const resolveMethods = pass({
  name: "resolve-methods",
  from: Lnoconst,
  to: Lresolved,
  purpose: "make each method a function named by its type (Point.norm1) and each method call a call of it, the receiver first",
  run(program: In.Program): Out.Program {
    const resolve = rewriter<In.Node, undefined>(Lnoconst, {
      Method: ({ type, ...node }, ctx, recur): Out.Fn => ({ ...node, kind: "Fn", name: methodFunction(type, node.name), body: recur(node.body, ctx) }),
      MethodCall: ({ type, target, method, ...node }, ctx, recur): Out.Call => ({
        ...node, kind: "Call", callee: methodFunction(type, method), args: [target, ...node.args].map((a) => recur<Out.Expr>(a, ctx)),
      }),
    });
    return resolve(program, undefined) as Out.Program;
  },
});
