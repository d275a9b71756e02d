// desugar-for: Lassign -> Lwhile
//
// Rewrites `for i in a..b body` as a while loop over a counter. The bound is
// evaluated once, before the loop. The counter is stepped before the body runs,
// so `continue` cannot skip the step, and it never passes the bound, so it
// cannot overflow even when the bound is the largest Int. The new names extend
// the loop variable's name, unique since uniquify, so they clash with nothing.
//
// Before:                            After:
//   for i.1 in 0..n.2 {                let mut i.1.next: Int = 0
//     print_int(i.1)                   let i.1.end: Int = n.2
//   }                                  while (i.1.next < i.1.end) {
//                                        let i.1: Int = i.1.next
//                                        i.1.next = (i.1.next + 1)
//                                        print_int(i.1)
//                                      }

import type * as In from "../ir-defs/generated/Lassign.js";
import type * as Out from "../ir-defs/generated/Lwhile.js";
import { Lassign } from "../ir-defs/lassign.js";
import { Lwhile } from "../ir-defs/lwhile.js";
import { rewriter } from "../src/il/rewrite.js";
import { pass } from "../src/pass.js";

export const desugarFor = pass({
  name: "desugar-for",
  from: Lassign,
  to: Lwhile,
  purpose: "rewrite for loops over ranges as while loops",
  run(program: In.Program): Out.Program {
    const desugar = rewriter<In.Node, undefined>(Lassign, {
      // One statement becomes three; the rewriter splices them into the block.
      For(node, ctx, recur): Out.Stmt[] {
        const loc = node.loc;
        const next = `${node.name}.next`;
        const end = `${node.name}.end`;
        const use = (name: string): Out.Var => ({ kind: "Var", name, loc });
        const body = recur<Out.Block>(node.body, ctx);
        const step: Out.Assign = {
          kind: "Assign",
          name: next,
          value: { kind: "Binary", left: use(next), op: "+", right: { kind: "Int", value: 1n, loc }, loc },
          loc,
        };
        return [
          { kind: "Let", decl: "let mut", name: next, type: "Int", init: recur(node.from, ctx), loc },
          { kind: "Let", decl: "let", name: end, type: "Int", init: recur(node.to, ctx), loc },
          {
            kind: "While",
            cond: { kind: "Binary", left: use(next), op: "<", right: use(end), loc },
            body: { ...body, stmts: [{ kind: "Let", decl: "let", name: node.name, type: "Int", init: use(next), loc }, step, ...body.stmts] },
            loc,
          },
        ];
      },
    });
    return desugar(program, undefined);
  },
});
