// reveal-functions: Ltail -> Lfun
//
// Tells the two things a name can be apart, so that the back ends need not:
// a variable (a local or a parameter: its name has a `.` since uniquify), or
// a fn item. A fn item's name used as a value becomes `&f`, and a call of a fn
// item by its name becomes the direct call `call &f(...)`; a call through a
// variable stays a call of that variable's value.
//
// Before (Ltail):                      After (Lfun):
//   fn main()                            fn main()
//     main.start:                          main.start:
//       f.1 = double                         f.1 = &double
//       x.2 = call f.1(3)                    x.2 = call f.1(3)
//       y.3 = call apply(double, x.2)        y.3 = call &apply(&double, x.2)
//       tailcall f.1(y.3)                    tailcall f.1(y.3)

import type * as In from "../ir-defs/generated/Ltail.js";
import type * as Out from "../ir-defs/generated/Lfun.js";
import { Ltail } from "../ir-defs/ltail.js";
import { Lfun } from "../ir-defs/lfun.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";

export const revealFunctions = pass({
  name: "reveal-functions",
  from: Ltail,
  to: Lfun,
  purpose: "a fn item's name as a value becomes a function reference &f; calls say what they call",
  run(program: In.Program): Out.Program {
    const functions = new Set(program.defs.map((d) => d.name));
    const atomOf = (name: string): Out.Atom => (functions.has(name) ? { kind: "FunRef", name } : { kind: "Var", name });
    const reveal = rewriter<In.Node, undefined>(Ltail, {
      Var: (node): Out.Atom => (functions.has(node.name) ? { kind: "FunRef", name: node.name, loc: node.loc } : node),
      Call: (node, ctx, recur): Out.Call => ({ kind: "Call", callee: atomOf(node.callee), args: node.args.map((a) => recur<Out.Atom>(a, ctx)), loc: node.loc }),
      TailCall: (node, ctx, recur): Out.TailCall => ({ kind: "TailCall", callee: atomOf(node.callee), args: node.args.map((a) => recur<Out.Atom>(a, ctx)), loc: node.loc }),
    });
    return reveal(program, undefined);
  },
});
