// explicate-returns: Lmon -> Lreturn
//
// Purpose: make every way a function gives its value a `return`. The value of a
// non-Unit function's body (the last expression of its block, through the
// arms of an if and the blocks inside) becomes `return v`; so does the value of
// each `return e`. v is an atom, or a call (`return f(x)`: what f returns is
// returned, which mark-tail-calls can make a tail call); any other value is
// named by a `let` first. In a Unit function `return e` evaluates e and
// returns () (unless e is a call). explicate-control then needs no notion of a
// function's value.
//
// Before (Lmon):                         After (Lreturn):
//   fn digits(n.1: Int) -> Int {           fn digits(n.1: Int) -> Int {
//     if (n.1 < 10) {                        if (n.1 < 10) {
//       1                                      return 1
//     } else {                               } else {
//       let tmp.6: Int = (n.1 / 10)            let tmp.6: Int = (n.1 / 10)
//       let tmp.7: Int = digits(tmp.6)         let tmp.7: Int = digits(tmp.6)
//       (tmp.7 + 1)                            let result.9: Int = (tmp.7 + 1)
//     }                                        return result.9
//   }                                        }
//                                          }
//   fn half(n.2: Int) -> Int {             fn half(n.2: Int) -> Int {
//     let tmp.10: Int = (n.2 / 2)            let tmp.10: Int = (n.2 / 2)
//     half(tmp.10)                           return half(tmp.10)
//   }                                      }
//   fn show(x.3: Int) -> Unit {            fn show(x.3: Int) -> Unit {
//     return print_int(x.3)                  print_int(x.3)
//   }                                        return ()
//                                          }

import type * as In from "../ir-defs/generated/Lmon.js";
import type * as Out from "../ir-defs/generated/Lreturn.js";
import { Lmon } from "../ir-defs/lmon.js";
import { Lreturn } from "../ir-defs/lreturn.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { freshNamer } from "./shared/fresh-names.js";

const neverReturns = (e: In.Expr) => e.kind === "Prim" && (e.op === "exit" || e.op === "panic");

export const explicateReturns = pass({
  name: "explicate-returns",
  from: Lmon,
  to: Lreturn,
  purpose: "a function gives its value only by return, of an atom or a call; a Unit function's return e evaluates e and returns ()",
  run(program: In.Program): Out.Program {
    const fresh = freshNamer(Lmon, program);
    type Ctx = { readonly ret: string };

    /** Statements that return `e` (ret is its type). */
    const returning = (e: In.Expr, ret: string): Out.Stmt[] => {
      const loc = e.loc;
      switch (e.kind) {
        case "Int": case "Bool": case "Unit": case "Str": case "Var": return [{ kind: "Return", value: e, loc }];
        case "Call": return [{ kind: "ReturnCall", callee: e.callee, args: e.args, loc }];
        case "Block": return [...valueReturned(e, ret).stmts];
        case "If": {
          const arms = { cond: explicate(e.cond, { ret }) as Out.Expr, then: valueReturned(e.then, ret), else: valueReturned(e.else, ret) };
          return [{ kind: "ExprStmt", expr: { ...e, ...arms }, loc }];
        }
        default: {
          if (neverReturns(e)) return [{ kind: "ExprStmt", expr: e as Out.Expr, loc }];
          const name = fresh("result");
          return [{ kind: "Let", decl: "let", name, type: ret, init: e as Out.Expr, loc }, { kind: "Return", value: { kind: "Var", name, loc }, loc }];
        }
      }
    };
    /** A block whose value is returned (a block without one ends in a jump, and stays as it is). */
    const valueReturned = (b: In.Block, ret: string): Out.Block => {
      const last = b.stmts[b.stmts.length - 1];
      const init = b.stmts.slice(0, -1).flatMap((s): Out.Stmt | Out.Stmt[] => explicate(s, { ret }));
      return last?.kind === "ExprStmt" ? { ...b, stmts: [...init, ...returning(last.expr, ret)] } : (explicate(b, { ret }) as Out.Block);
    };

    const explicate = rewriter<In.Node, Ctx>(Lmon, {
      Fn: (node, _ctx, recur): Out.Fn => ({ ...node, body: node.ret === "Unit" ? recur(node.body, { ret: "Unit" }) : valueReturned(node.body, node.ret) }),
      Return(node, ctx): Out.Stmt[] {
        if (ctx.ret !== "Unit" || node.value.kind === "Call") return returning(node.value, ctx.ret);
        const loc = node.value.loc;
        const effect: Out.Stmt[] = node.value.kind === "Unit" ? [] : [{ kind: "ExprStmt", expr: explicate(node.value, ctx), loc }];
        return [...effect, { kind: "Return", value: { kind: "Unit", loc }, loc }];
      },
    });
    return explicate(program, { ret: "Unit" });
  },
});
