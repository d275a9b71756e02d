// shrink: Lclosed -> Lshrunk
//
// Removes the derived forms, so the back half of the compiler has fewer to
// handle: `a && b` and `a || b` become ifs (which is exactly why they
// short-circuit), `assert(c)` becomes an if that panics, and every if gets an
// else block (`else if` becomes `else { if ... }`). An if that had no else has
// type Unit, so its then-block is made to end in `()` when it ended in a value.
//
// Before:                              After:
//   if (a.1 && (b.2 > 0)) {              if if a.1 {
//     n.3                                  (b.2 > 0)
//   }                                    } else {
//   assert((n.3 < 10))                     false
//   let c.4: Bool = (a.1 || d.5)         } {
//                                          n.3
//                                          ()
//                                        } else {}
//                                        if (n.3 < 10) {
//                                          ()
//                                        } else {
//                                          panic("assertion failed")
//                                        }
//                                        let c.4: Bool = if a.1 {
//                                          true
//                                        } else {
//                                          d.5
//                                        }

import type { Loc } from "../il/node.js";
import type * as In from "../ir-defs/generated/Lclosed.js";
import type * as Out from "../ir-defs/generated/Lshrunk.js";
import { Lshrunk } from "../ir-defs/lshrunk.js";
import { Lclosed } from "../ir-defs/lclosed.js";
import { rewriter } from "../il/rewrite.js";
import { pass } from "../il/pass.js";
import { givesNoValue } from "./shared/expression-types.js";

/** A block that only computes `value`. */
const blockOf = (value: Out.Expr, loc: Loc | undefined): Out.Block => ({ kind: "Block", stmts: [{ kind: "ExprStmt", expr: value, loc }], loc });

/** Whether a then-block ends in a value that an else-less if must discard
 * (anything but `()` and primitives that give Unit or never return). */
function endsInValue(block: Out.Block): boolean {
  const last = block.stmts[block.stmts.length - 1];
  if (last === undefined || last.kind !== "ExprStmt") return false;
  const e = last.expr;
  return !(e.kind === "Unit" || (e.kind === "Prim" && givesNoValue(e.op)));
}

export const shrink = pass({
  name: "shrink",
  from: Lclosed,
  to: Lshrunk,
  purpose: "turn && || and assert into if, and give every if an else block",
  run(program: In.Program): Out.Program {
    const shrinkNode = rewriter<In.Node, undefined>(Lclosed, {
      Binary(node, ctx, recur): Out.Expr {
        const left = recur<Out.Expr>(node.left, ctx);
        const right = recur<Out.Expr>(node.right, ctx);
        const loc = node.loc;
        switch (node.op) {
          case "&&": return { kind: "If", cond: left, then: blockOf(right, loc), else: blockOf({ kind: "Bool", value: false, loc }, loc), loc };
          case "||": return { kind: "If", cond: left, then: blockOf({ kind: "Bool", value: true, loc }, loc), else: blockOf(right, loc), loc };
          default: return { ...node, op: node.op, left, right };
        }
      },
      Prim(node, ctx, recur): Out.Expr {
        const args = node.args.map((a) => recur<Out.Expr>(a, ctx));
        if (node.op !== "assert") return { ...node, op: node.op, args };
        const loc = node.loc;
        const fail: Out.Prim = { kind: "Prim", op: "panic", args: [{ kind: "Str", value: "assertion failed", loc }], loc };
        return { kind: "If", cond: args[0]!, then: blockOf({ kind: "Unit", loc }, loc), else: blockOf(fail, loc), loc };
      },
      If(node, ctx, recur): Out.If {
        const cond = recur<Out.Expr>(node.cond, ctx);
        const then = recur<Out.Block>(node.then, ctx);
        if (node.else === null) {
          const unitThen = endsInValue(then) ? { ...then, stmts: [...then.stmts, { kind: "ExprStmt" as const, expr: { kind: "Unit" as const, loc: node.loc }, loc: node.loc }] } : then;
          return { ...node, cond, then: unitThen, else: { kind: "Block", stmts: [], loc: node.loc } };
        }
        const otherwise = recur<Out.Expr>(node.else, ctx);
        return { ...node, cond, then, else: otherwise.kind === "Block" ? otherwise : blockOf(otherwise, otherwise.loc) };
      },
    });
    return shrinkNode(program, undefined);
  },
});
